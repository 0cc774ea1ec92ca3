"""Rules speak only in named situations (issue 15 §1).

A situation is a plain condition that names the answers it reads
(``conditions.keys``); the rules branch on situations only, so whether an
unanswered question matters is decided in one place (``Context.whether``),
three-valued: a situation still open while a question that could decide it
is unanswered, decided otherwise, and then exactly as a question's ``when``
reads it.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import rules
from checker import situations as S
from checker.answers import applicable
from checker.conditions import decide, holds, keys
from checker.questions import BY_ID, QUESTIONS
from checker.rules import Context

from .strategies import form_answers, value_for

SITUATIONS = {name: value for name, value in vars(S).items() if name.isupper() and not name.startswith("_")}
ORDER = [q.id for q in QUESTIONS]


def test_every_situation_reads_questions() -> None:
    for name, situation in SITUATIONS.items():
        assert set(keys(situation)) <= set(BY_ID), name


def test_a_question_is_asked_only_after_the_answers_its_situation_reads() -> None:
    for question in QUESTIONS:
        for key in keys(question.when):
            assert ORDER.index(key) < ORDER.index(question.id), (question.id, key)


def test_keys_lists_what_a_condition_reads() -> None:
    assert list(keys(S.HIGH_LEVEL_TALENT)) == ["target_level", "high_level_talent"]
    assert set(keys(S.BRANCH_UNDER_2_1_5)) == {"unit_non_legal_branch", "via_talent_market", "work_location",
                                               "unit_type", "branch_headquarters"}
    assert list(keys(None)) == []


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(SITUATIONS)), form_answers(), st.data())
def test_a_decided_situation_stays_decided_whatever_is_answered_next(name: str, answers: dict, data: Any) -> None:
    """Sound: when ``whether`` decides, no answer to the questions still
    open changes it; and what it decides is what ``holds`` says."""
    situation = SITUATIONS[name]
    ctx = Context(dict(answers), frozenset(applicable(answers)), dt.date(2017, 6, 1))
    value = ctx.whether(situation)
    if value is None:
        assert ctx.needed and set(ctx.needed) <= set(ctx.applicable) - set(answers)
        return
    assert ctx.needed == [] and value == holds(situation, answers)
    more = dict(answers)
    for key in ORDER:  # answer the rest of the form, in its order
        if key not in more and key in applicable(more):
            more[key] = data.draw(value_for(BY_ID[key]), label=key)
    assert holds(situation, more) == value


def test_a_question_not_asked_yet_waits_for_the_answers_that_open_it() -> None:
    """Without a level, whether one is 3号 talent is open, and the level (the
    question that opens high_level_talent) is what is missing."""
    answers: dict[str, Any] = {}
    ctx = Context(answers, frozenset(applicable(answers)), dt.date(2017, 6, 1))
    assert holds(S.HIGH_LEVEL_TALENT, answers) is False
    assert ctx.whether(S.HIGH_LEVEL_TALENT) is None and ctx.needed == ["target_level"]
    assert decide(S.HIGH_LEVEL_TALENT, answers, lambda key: frozenset()) == (False, frozenset())


def test_a_detail_counts_a_blank_as_no_until_a_condition_rests_on_it() -> None:
    answers = {"archive_months": 12}
    ctx = Context(answers, frozenset({"archive_months", "via_talent_market"}), dt.date(2017, 6, 1))
    assert ctx.detail(S.VIA_TALENT_MARKET) is False
    assert ctx.needed == [] and ctx.peeked == ["via_talent_market"]


def _rules_source() -> ast.Module:
    return ast.parse(Path(rules.__file__).read_text(encoding="utf-8"))


def test_rules_branch_on_situations_never_on_raw_answers() -> None:
    """Outside ``Context``, no rule reads ``ctx.answers``, and an answer's
    value (``ctx.answer``, for a finding's wording) is never tested."""
    tree = _rules_source()
    context = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Context")
    inside = {id(n) for n in ast.walk(context)}
    found = []
    for node in ast.walk(tree):
        if id(node) in inside:
            continue
        if isinstance(node, ast.Attribute) and node.attr in ("answers", "need", "get") \
                and isinstance(node.value, ast.Name) and node.value.id == "ctx":
            found.append(f"line {node.lineno}: ctx.{node.attr}")
        tests = []
        if isinstance(node, (ast.If, ast.IfExp, ast.While)):
            tests.append(node.test)
        elif isinstance(node, (ast.BoolOp, ast.Compare)):
            tests.append(node)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            tests.append(node.operand)
        for test in tests:
            for inner in ast.walk(test):
                if isinstance(inner, ast.Attribute) and inner.attr == "answer":
                    found.append(f"line {inner.lineno}: an answer's value tested")
    assert found == []
