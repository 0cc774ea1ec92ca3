"""When a question applies: small conditions on earlier answers, kept as plain
JSON-ready data so that the page and the docs can show them as they are.

A condition is one of::

    {"key": k, "is": v}          the answer to k equals v
    {"key": k, "in": [v, ...]}   the answer to k is one of the values
    {"key": k, "gt": n}          the (integer) answer to k is greater than n
    {"key": k, "before": d}      the (date) answer to k is before d (YYYY-MM-DD)
    {"key": k, "answered": True} k has an answer
    {"all": [c, ...]} · {"any": [c, ...]} · {"not": c}

An unanswered key satisfies no test, so a follow-up question stays hidden until
the question it follows has an answer.
"""

from __future__ import annotations

from typing import Any, Mapping

Condition = dict[str, Any]


def is_(key: str, value: object) -> Condition:
    return {"key": key, "is": value}


def in_(key: str, *values: object) -> Condition:
    return {"key": key, "in": list(values)}


def gt(key: str, number: int) -> Condition:
    return {"key": key, "gt": number}


def before(key: str, iso_date: str) -> Condition:
    return {"key": key, "before": iso_date}


def answered(key: str) -> Condition:
    return {"key": key, "answered": True}


def all_(*conditions: Condition) -> Condition:
    return {"all": list(conditions)}


def any_(*conditions: Condition) -> Condition:
    return {"any": list(conditions)}


def not_(condition: Condition) -> Condition:
    return {"not": condition}


def holds(condition: Condition | None, answers: Mapping[str, Any]) -> bool:
    """Evaluate a condition against (already validated) answers."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(c, answers) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, answers) for c in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], answers)
    value = answers.get(condition["key"])
    if value is None:
        return False
    if "is" in condition:
        return value == condition["is"] and type(value) is type(condition["is"])
    if "in" in condition:
        return value in condition["in"]
    if "gt" in condition:
        return value > condition["gt"]
    if "before" in condition:
        return str(value) < condition["before"]
    if "answered" in condition:
        return True
    raise ValueError(f"unknown condition: {condition!r}")

