"""The Python API: typed, frozen results; JSON shape of the contract."""

from __future__ import annotations

import dataclasses

import pytest

import checker
from checker import Result, applicable, evaluate, questions_json


def test_result_is_frozen_and_json_ready() -> None:
    result = evaluate({"target_level": "senior"})
    assert isinstance(result, Result)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.verdict = "eligible"  # type: ignore[misc]
    data = result.to_dict()
    assert set(data) == {"verdict", "findings", "checklist", "steps", "fee_yuan", "dates", "missing"}
    assert set(data["findings"][0]) == {"id", "severity", "message", "clause"}
    assert set(data["checklist"][0]) == {"id", "title", "detail", "clause", "who"}
    assert set(data["steps"][0]) == {"id", "title", "clause"}
    assert isinstance(data["missing"], list) and data["fee_yuan"] == 380


def test_messages_are_in_chinese() -> None:
    result = evaluate({"civil_servant": True})
    assert "公务员" in result.findings[0].message
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in item.title) for item in result.checklist)


def test_questions_carry_what_the_form_needs() -> None:
    questions = questions_json()
    ids = [q["id"] for q in questions]
    assert ids[0] == "target_level" and len(ids) == len(set(ids)) == 27
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
