"""The bridge the checker page's Web Worker calls inside Pyodide.

One JSON string in, one JSON string out, so nothing but text crosses between
JavaScript and Python. Each answer is validated on its own: a bad answer is
reported against its field and left out, and the rest are still evaluated, so
the page keeps showing a result while the applicant corrects a field.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from .answers import AnswerError, loads, validate
from .engine import run
from .questions import BY_ID


def _day(today: str | None) -> _dt.date | None:
    """The device's local date as the page sends it; None (Python's own
    clock) when it is missing or not a date."""
    try:
        return _dt.date.fromisoformat(today) if today else None
    except (TypeError, ValueError):
        return None


def respond(answers_json: str, today: str | None = None) -> str:
    """``{"result": …, "errors": [{key, message, label}]}``.

    ``today`` is the device's local date (YYYY-MM-DD), the day of the check.
    The page renders from this alone: the result's ``answers`` (each with its
    label) and ``applicable``; an error's ``label`` is the refused answer as
    received (``abc个月``), which the page still lists among the answers."""
    errors: list[dict[str, Any]] = []
    try:
        raw = loads(answers_json)
    except AnswerError as err:
        raw = None
        errors.append({"key": None, "message": err.message})
    if not isinstance(raw, dict):
        if not errors:
            errors.append({"key": None, "message": "答案应为一个对象。"})
        raw = {}
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        try:
            kept.update(validate({key: value}))
        except AnswerError as err:
            refused = BY_ID.get(key)
            errors.append({"key": err.key, "message": err.message,
                           **({"label": refused.shown(value)} if refused else {})})
    result = run(kept, _day(today))
    return json.dumps(
        {"result": result.to_dict(), "errors": errors},
        ensure_ascii=False,
    )
