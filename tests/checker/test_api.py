"""The Python API: typed, frozen results; JSON shape of the contract."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker
import checker.notice  # the test below reads checker.notice; do not rely on another module importing it
from checker import AnswerError, QUESTIONS, Result, applicable, evaluate, questions_json
from checker.answers import loads

from .strategies import valid_answers


def test_result_is_frozen_and_json_ready() -> None:
    result = evaluate({"target_level": "senior"})
    assert isinstance(result, Result)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.verdict = "eligible"  # type: ignore[misc]
    data = result.to_dict()
    # The contract only grows: the first keys, in this order, then new ones.
    assert list(data) == ["verdict", "findings", "checklist", "steps", "fee_yuan", "dates", "missing",
                          "answers", "applicable"]
    assert list(data["findings"][0]) == ["id", "severity", "message", "clause"]
    assert list(data["checklist"][0]) == ["id", "title", "detail", "clause", "who"]
    assert list(data["steps"][0]) == ["id", "title", "clause"]
    assert list(data["dates"][0]) == ["id", "title", "start", "end", "clause", "period"]
    assert isinstance(data["missing"], list) and data["fee_yuan"] == 380
    assert data["answers"] == [{"key": "target_level", "question": QUESTIONS[0].label, "value": "senior",
                                "label": "高级"}]
    assert data["applicable"] == applicable({"target_level": "senior"})


@settings(max_examples=200, deadline=None)
@given(valid_answers())
def test_the_result_carries_the_answers_it_was_computed_from(answers: dict) -> None:
    """What every renderer shows of the answers comes with the result: those
    to questions that apply, in the questions' order, each worded as the
    question and its option (or value and unit) are; nothing else."""
    result = evaluate(answers)
    asked = applicable(answers)
    assert list(result.applicable) == asked
    assert [a.key for a in result.answers] == [key for key in asked if key in answers]
    for a in result.answers:
        question = next(q for q in QUESTIONS if q.id == a.key)
        assert a.question == question.label and a.value == answers[a.key]
        labels = [o.label for o in question.options if o.value == a.value]
        assert a.label == (labels[0] if labels else f"{a.value}{question.unit}")


def test_messages_are_in_chinese() -> None:
    result = evaluate({"civil_servant": True})
    assert "公务员" in result.findings[0].message
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in item.title) for item in result.checklist)


def test_questions_carry_what_the_form_needs() -> None:
    questions = questions_json()
    ids = [q["id"] for q in questions]
    assert ids[0] == "target_level" and len(ids) == len(set(ids)) == 30
    for q in questions:
        assert q["label"] and q["type"] in {"choice", "boolean", "integer", "date"}
        assert q["clauses"] and all(c in checker.notice.clause_ids() for c in q["clauses"])
        if q["type"] in ("choice", "boolean"):
            assert q["options"] and all({"value", "label"} <= set(o) for o in q["options"])


def test_follow_up_questions_appear_as_answers_arrive() -> None:
    assert "employment_months" not in applicable({})
    assert "employment_months" in applicable({"work_location": "guangxi"})
    assert "hukou_in_guangxi" not in applicable({"work_location": "guangxi"})
    assert "social_security_months" in applicable({"work_location": "guangxi", "unit_type": "non_public"})
    # An answer to a question that no longer applies does not open its follow-ups.
    assert "unit_financial_branch" not in applicable({"unit_non_legal_branch": True})


def test_null_means_unanswered() -> None:
    assert evaluate({"civil_servant": None}).missing == evaluate({}).missing


# Hostile input. These run under CPython and again inside Pyodide (no
# subprocess here): whatever arrives, the API raises AnswerError with a short,
# printable message, never another exception.

def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def _message_of(answers: object) -> AnswerError:
    with pytest.raises(AnswerError) as caught:
        evaluate(answers)  # type: ignore[arg-type]
    return caught.value


HOSTILE_VALUES = [10**5000, -10**5000, 2**64, float("nan"), float("inf"), -0.0, "", "\x1b[2J", "\ud800",
                  "a" * 1_000_000, [], {}, _nested(100_000), b"2017-06-30", object()]


@pytest.mark.parametrize("key", ["target_level", "civil_servant", "employment_months", "retirement_date"])
@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=lambda v: type(v).__name__)
def test_every_hostile_value_is_an_answer_error_naming_its_key(key: str, value: object) -> None:
    err = _message_of({key: value})
    assert err.key == key
    assert err.message.isprintable() and len(err.message) < 600
    assert err.message.startswith(f"答案“{key}”")


def test_an_integer_too_long_to_print_is_out_of_range() -> None:
    err = _message_of({"employment_months": 10**5000})
    assert "超出范围" in err.message and "超过 40 位的整数" in err.message
    assert "不能是负数" in _message_of({"archive_months": -10**5000}).message


@pytest.mark.parametrize("text", ["２０１７-06-30", "٢٠١٧-٠٦-٣٠", "2017-06-30\n", "2017-06-30 ", " 2017-06-30",
                                  "2017-6-30", "20170630", "2017/06/30"])
def test_a_date_in_any_other_form_is_not_yyyy_mm_dd(text: str) -> None:
    err = _message_of({"retirement_date": text})
    assert "不是 YYYY-MM-DD 格式" in err.message and err.message.isprintable()


def test_an_impossible_date_is_named_as_such() -> None:
    assert "不是真实存在的日期" in _message_of({"retirement_date": "2017-02-30"}).message


@pytest.mark.parametrize("key", ["\x1b]0;owned\x07", "\x1b[31mred", "\u202etxt.exe", "\ud800", "\x00", "x" * 1_000_000])
def test_an_unknown_key_is_echoed_escaped_and_cut(key: str) -> None:
    err = _message_of({key: 1})
    assert err.message.startswith("未知的答案键“") and err.message.isprintable()
    assert len(err.message) < 1000
    if key.startswith("\x1b"):
        assert "\\u001b" in err.message


@pytest.mark.parametrize("answers", [[("civil_servant", True)], "civil_servant", 5, None, {10**5000: 1}, {None: 1}])
def test_answers_that_are_not_an_object_of_known_keys(answers: object) -> None:
    err = _message_of(answers)
    assert err.message.isprintable() and len(err.message) < 1000


@pytest.mark.parametrize("text, key, words", [
    ('{"civil_servant": true, "civil_servant": false}', "civil_servant", "civil_servant"),
    ('{"a": {"b": 1, "b": 2}}', "b", "“b”出现了不止一次"),
    ('{"employment_months": ' + "9" * 5000 + "}", None, "5000 位的整数"),
    ('{"employment_months": -' + "9" * 5000 + "}", None, "5000 位的整数"),
    ('{"employment_months": NaN}', None, "NaN"),
    ('{"employment_months": -Infinity}', None, "-Infinity"),
    ("[" * 100_000 + "]" * 100_000, None, "嵌套"),
    ("[" * 101 + "]" * 101, None, "嵌套超过 100 层"),
    ('{"retirement_date": "2017-06-30"', None, "第1行第33列：缺少逗号"),
    ("", None, "JSON"),
])
def test_loads_says_what_is_wrong_with_the_json(text: str, key: str | None, words: str) -> None:
    with pytest.raises(AnswerError) as caught:
        loads(text)
    assert caught.value.key == key and words in caught.value.message


def test_loads_reads_plain_answers() -> None:
    assert loads('{"employment_months": 12, "civil_servant": false, "x": null}') == {
        "employment_months": 12, "civil_servant": False, "x": None}
    # 100 levels are read; brackets inside strings are not nesting.
    deep = loads('{"a": "' + "[" * 200 + '", "b": ' + "[" * 99 + "]" * 99 + "}")
    assert deep["a"] == "[" * 200


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([q.id for q in QUESTIONS]) | st.text(), JSONISH, max_size=4))
def test_any_json_like_answers_give_a_result_or_one_answer_error(answers: dict) -> None:
    try:
        result = evaluate(answers)
    except AnswerError as err:
        assert err.message.isprintable() and len(err.message) < 1000
    else:
        assert isinstance(result, Result)


def test_every_question_type_has_one_handler_and_the_form_gets_its_bounds() -> None:
    from checker.answer_types import HANDLERS, handler

    assert {q.type for q in QUESTIONS} == set(HANDLERS)
    for question, data in zip(QUESTIONS, questions_json()):
        kind = handler(question)
        assert kind.allowed(question)
        assert kind.form(question).items() <= data.items(), question.id  # what the page is given today


def test_the_page_bridge_words_a_refused_answer_as_received() -> None:
    """The checker page lists every answer given among “您的回答”, a refused one
    as received beside its message: the bridge words both, the page none."""
    import json

    from checker.web import respond

    reply = json.loads(respond('{"target_level": "senior", "work_location": "guangxi", "employment_months": "abc"}'))
    assert [(a["key"], a["label"]) for a in reply["result"]["answers"]] == [
        ("target_level", "高级"), ("work_location", "广西境内")]
    assert "employment_months" in reply["result"]["applicable"]
    assert [(e["key"], e["label"]) for e in reply["errors"]] == [("employment_months", "abc个月")]
