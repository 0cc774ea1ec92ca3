"""Properties that hold for every possible set of answers."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import AnswerError, evaluate
from checker.catalog import ITEMS, STEPS
from checker.notice import clause_ids
from checker.questions import BY_ID, QUESTIONS
from checker.rules import RULES

from .strategies import invalid_value_for, valid_answers

CLAUSES = clause_ids()
RULE_CLAUSES = {c for rule in RULES for c in rule.cites}


@settings(max_examples=300, deadline=None)
@given(valid_answers())
def test_valid_answers_always_give_a_consistent_result(answers: dict) -> None:
    result = evaluate(answers)
    severities = {f.severity for f in result.findings}
    if "blocker" in severities:
        assert result.verdict == "ineligible"
        assert result.missing == ()
    elif result.missing:
        assert result.verdict == "incomplete"
    elif "condition" in severities:
        assert result.verdict == "conditional"
    else:
        assert result.verdict == "eligible"
    cited = [f.clause for f in result.findings] + [c.clause for c in result.checklist]
    cited += [s.clause for s in result.steps] + [d.clause for d in result.dates]
    assert set(cited) <= CLAUSES
    assert {f.clause for f in result.findings} <= RULE_CLAUSES
    assert set(result.missing) <= set(BY_ID)
    assert all(key not in answers for key in result.missing)
    assert {c.id for c in result.checklist} <= set(ITEMS)
    assert {s.id for s in result.steps} <= set(STEPS)
    assert result.fee_yuan in (None, 150, 230, 380)
    json.dumps(result.to_dict(), ensure_ascii=False)  # JSON-ready


@settings(max_examples=200, deadline=None)
@given(valid_answers())
def test_answering_a_missing_question_never_returns_to_the_same_missing_list(answers: dict) -> None:
    """Progress: answering what is missing changes what is missing."""
    result = evaluate(answers)
    if result.missing:
        key = result.missing[0]
        q = BY_ID[key]
        value = q.options[0].value if q.options else (12 if q.type == "integer" else "2017-06-30")
        assert key not in evaluate({**answers, key: value}).missing


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_invalid_answers_raise_the_packages_error_naming_the_key(data: st.DataObject) -> None:
    question = data.draw(st.sampled_from(QUESTIONS))
    value = data.draw(invalid_value_for(question))
    answers = data.draw(valid_answers())
    with pytest.raises(AnswerError) as err:
        evaluate({**answers, question.id: value})
    assert err.value.key == question.id
    assert question.id in str(err.value)


@given(st.text(min_size=1).filter(lambda k: k not in BY_ID))
def test_unknown_keys_are_rejected(key: str) -> None:
    with pytest.raises(AnswerError) as err:
        evaluate({key: True})
    assert err.value.key == key


@pytest.mark.parametrize("raw", [[], "x", 3, None, [["civil_servant", True]]])
def test_answers_must_be_an_object(raw: object) -> None:
    with pytest.raises(AnswerError) as err:
        evaluate(raw)  # type: ignore[arg-type]
    assert err.value.key is None
