"""The bridge the checker page's Web Worker calls inside Pyodide.

One JSON string in, one JSON string out, so nothing but text crosses between
JavaScript and Python. Each answer is validated on its own: a bad answer is
reported against its field and left out, and the rest are still evaluated, so
the page keeps showing a result while the applicant corrects a field.
"""

from __future__ import annotations

import json
from typing import Any

from .answers import AnswerError, validate
from .engine import run


def respond(answers_json: str) -> str:
    """``{"result": …, "applicable": [...], "errors": [{key, message}]}``.

    The day of the check is this device's date (in Pyodide, the browser's)."""
    try:
        raw = json.loads(answers_json)
    except json.JSONDecodeError as err:
        raw = None
        errors = [{"key": None, "message": f"答案不是有效的 JSON：{err.msg}"}]
    else:
        errors = []
    if not isinstance(raw, dict):
        if not errors:
            errors.append({"key": None, "message": "答案应为一个对象。"})
        raw = {}
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        try:
            kept.update(validate({key: value}))
        except AnswerError as err:
            errors.append({"key": err.key, "message": err.message})
    result, asked = run(kept)
    return json.dumps(
        {"result": result.to_dict(), "applicable": asked, "errors": errors},
        ensure_ascii=False,
    )
