"""An unanswered question that would change the verdict makes it ``incomplete``
(issue 16, item 4): a property over every question, kept by the mechanism
(``Context.report`` makes a question a rule read unanswered missing when the
rule reports a condition), not by any one rule.

For any answers, and any question that applies and is unanswered, each value
it can take gives the same verdict or ``incomplete`` (the answer opens a
follow-up question); an ``ineligible`` verdict stays ``ineligible`` whatever
is answered next (no further answer lifts a blocker).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings

from checker import evaluate
from checker.answers import applicable, validate
from checker.conditions import holds
from checker.parameters import RETIREMENT_YEAR
from checker.questions import BY_ID, Question

from .scenarios import load_scenarios
from .strategies import form_answers, valid_answers

DAY = dt.date(2017, 6, 1)
DATES = ("2016-06-30", "2016-12-31", "2017-01-01", "2017-06-30", "2017-12-31", "2018-01-01", "2030-01-01")
#: Left blank, the retirement date means the age is far off (its hint says
#: "离退休年龄还远的可以不填"): answering a date after 2017 must change nothing.
LATER_THAN_THE_YEAR = tuple(d for d in DATES if d > RETIREMENT_YEAR[1])


def candidates(question: Question) -> tuple[Any, ...]:
    if question.options:
        return tuple(o.value for o in question.options)
    if question.type == "integer":
        return (0, 5, 6, 11, 12, 36)
    return LATER_THAN_THE_YEAR if question.id == "retirement_date" else DATES


def changes(answers: dict[str, Any]) -> list[tuple[str, Any, str, str]]:
    """(question, value, verdict before, verdict after) for every answer to
    an unanswered question that breaks the property."""
    valid = validate(answers)
    asked = applicable(valid)
    live = {key: valid[key] for key in asked if key in valid}  # stale answers cannot come alive
    before = evaluate(live, today=DAY).verdict
    if before == "incomplete":
        return []
    found = []
    for key in asked:
        if key in live:
            continue
        for value in candidates(BY_ID[key]):
            after = evaluate({**live, key: value}, today=DAY).verdict
            allowed = {"ineligible"} if before == "ineligible" else {before, "incomplete"}
            if after not in allowed:
                found.append((key, value, before, after))
    return found


@settings(max_examples=80, deadline=None)
@given(valid_answers())
def test_an_unanswered_question_that_would_change_the_verdict_makes_it_incomplete(answers: dict) -> None:
    assert changes(answers) == []


@settings(max_examples=60, deadline=None)
@given(form_answers())
def test_the_property_holds_for_answers_given_as_on_the_form(answers: dict) -> None:
    """Answers given in the form's order reach verdicts other than
    ``incomplete`` far more often than any subset of answers does."""
    assert changes(answers) == []


def test_the_property_holds_for_every_scenario() -> None:
    """The scenarios are the realistic answer sets: each one, every
    unanswered question, every value."""
    broken = {s["name"]: changes(s["answers"]) for s in load_scenarios()}
    assert {name: found for name, found in broken.items() if found} == {}


def test_the_property_can_fail(monkeypatch) -> None:
    """With the mechanism switched off, the case of issue 16 (outside Guangxi,
    archive 12 months, the talent-market question left empty) breaks it."""
    from checker import rules

    answers = {"target_level": "intermediate", "current_title": "junior", "civil_servant": False,
               "work_location": "outside_guangxi", "entrusted_from_other_province": False,
               "hukou_in_guangxi": False, "archive_months": 12, "unit_type": "state_owned",
               "unit_non_legal_branch": False, "retired": False, "meets_conditions": "yes",
               "other_application_this_year": False, "continuing_education_done": True}
    assert evaluate(answers, today=DAY).missing == ("via_talent_market",)
    assert changes(answers) == []
    monkeypatch.setattr(rules.Context, "detail", lambda self, situation: holds(situation, self.answers))
    assert ("via_talent_market", True, "conditional", "eligible") in changes(answers)


def test_the_property_fails_if_a_situation_forgets_what_it_reads(monkeypatch) -> None:
    """With ``Context.holds`` recording nothing (a rule that reads a blank
    as no), a civil servant who has not said so yet is told they may apply."""
    from checker import rules

    answers = {"target_level": "intermediate", "current_title": "junior", "work_location": "guangxi",
               "employment_months": 36, "unit_type": "state_owned", "unit_non_legal_branch": False,
               "retired": False, "meets_conditions": "yes", "other_application_this_year": False,
               "continuing_education_done": True}
    assert evaluate(answers, today=DAY).missing == ("civil_servant",)
    assert changes(answers) == []
    monkeypatch.setattr(rules.Context, "_undecided", lambda self, key: frozenset())
    assert ("civil_servant", True, "eligible", "ineligible") in changes(answers)
