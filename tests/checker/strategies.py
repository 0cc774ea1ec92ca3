"""Hypothesis strategies for answers, built from the questions themselves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from checker.questions import MAX_MONTHS, QUESTIONS, Question


def value_for(question: Question) -> st.SearchStrategy[Any]:
    if question.type == "boolean":
        return st.booleans()
    if question.type == "integer":
        # Dense around the thresholds (6, 12), sometimes anywhere in range.
        return st.one_of(st.integers(0, 30), st.integers(0, MAX_MONTHS))
    if question.type == "date":
        return st.dates(dt.date(1940, 1, 1), dt.date(2040, 12, 31)).map(dt.date.isoformat)
    return st.sampled_from([o.value for o in question.options])


def valid_answers() -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of questions, each with a valid value."""
    return st.fixed_dictionaries({}, optional={q.id: value_for(q) for q in QUESTIONS})


def invalid_value_for(question: Question) -> st.SearchStrategy[Any]:
    if question.type == "boolean":
        return st.one_of(st.integers(), st.text(), st.just("true"), st.lists(st.booleans(), max_size=2))
    if question.type == "integer":
        return st.one_of(st.integers(max_value=-1), st.integers(min_value=MAX_MONTHS + 1),
                         st.floats(allow_nan=False).filter(lambda f: not f.is_integer()), st.booleans(), st.text())
    if question.type == "date":
        return st.one_of(st.just("2017-02-30"), st.just("2017-13-01"), st.just("17-1-1"),
                         st.text(max_size=12).filter(lambda s: not _is_date(s)), st.integers())
    options = [o.value for o in question.options]
    return st.one_of(st.text().filter(lambda s: s not in options), st.booleans(), st.integers())


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False
