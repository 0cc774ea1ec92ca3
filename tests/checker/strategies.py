"""Hypothesis strategies for answers, built from the questions themselves:
one pair of strategies (valid, invalid) per question type, as the checker
keeps one handler per type (``checker.answer_types``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from hypothesis import strategies as st

from checker.answer_types import HANDLERS, MAX_MONTHS
from checker.questions import QUESTIONS, Question

Strategy = Callable[[Question], st.SearchStrategy[Any]]


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False


def _choices(question: Question) -> list[Any]:
    return [o.value for o in question.options]


#: Question type → (valid values, invalid values).
BY_TYPE: dict[str, tuple[Strategy, Strategy]] = {
    "boolean": (
        lambda q: st.booleans(),
        lambda q: st.one_of(st.integers(), st.text(), st.just("true"), st.lists(st.booleans(), max_size=2)),
    ),
    "integer": (
        # Dense around the thresholds (6, 12), sometimes anywhere in range.
        lambda q: st.one_of(st.integers(0, 30), st.integers(0, MAX_MONTHS)),
        lambda q: st.one_of(st.integers(max_value=-1), st.integers(min_value=MAX_MONTHS + 1),
                            st.floats(allow_nan=False).filter(lambda f: not f.is_integer()), st.booleans(), st.text()),
    ),
    "date": (
        lambda q: st.dates(dt.date(1940, 1, 1), dt.date(2040, 12, 31)).map(dt.date.isoformat),
        lambda q: st.one_of(st.just("2017-02-30"), st.just("2017-13-01"), st.just("17-1-1"),
                            st.text(max_size=12).filter(lambda s: not _is_date(s)), st.integers()),
    ),
    "choice": (
        lambda q: st.sampled_from(_choices(q)),
        lambda q: st.one_of(st.text().filter(lambda s: s not in _choices(q)), st.booleans(), st.integers()),
    ),
}
assert set(BY_TYPE) == set(HANDLERS), "a strategy pair for every question type"


def value_for(question: Question) -> st.SearchStrategy[Any]:
    return BY_TYPE[question.type][0](question)


def invalid_value_for(question: Question) -> st.SearchStrategy[Any]:
    return BY_TYPE[question.type][1](question)


def valid_answers() -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of questions, each with a valid value."""
    return st.fixed_dictionaries({}, optional={q.id: value_for(q) for q in QUESTIONS})


@st.composite
def form_answers(draw: st.DrawFn) -> dict[str, Any]:
    """Answers as a person gives them on the form: in its order, only to the
    questions that apply by then, some left blank. Unlike
    :func:`valid_answers` these often reach a verdict other than
    ``incomplete``, where a forgotten question would show."""
    from checker.answers import applicable

    answers: dict[str, Any] = {}
    for question in QUESTIONS:
        if question.id in applicable(answers) and draw(st.integers(0, 9)) < 8:
            answers[question.id] = draw(st.one_of(st.sampled_from(NEAR_THE_CUTOFF), value_for(question))
                                        if question.type == "date" else value_for(question))
    return answers


#: Dates either side of the notice's cut-off and of the year 一（一）3 names.
NEAR_THE_CUTOFF = ("2016-12-31", "2017-01-01", "2017-12-31", "2018-01-01")
