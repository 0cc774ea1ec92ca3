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

from typing import Any, Callable, Iterator, Mapping

Condition = dict[str, Any]

#: The answers whose absence leaves a condition open (see :func:`decide`).
Unknowns = Callable[[str], frozenset[str]]


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


def at_least(key: str, number: int) -> Condition:
    """The (integer) answer to k is ``number`` or more."""
    return gt(key, number - 1)


def below(key: str, number: int) -> Condition:
    """k has an (integer) answer, less than ``number``."""
    return all_(answered(key), not_(at_least(key, number)))


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



def keys(condition: Condition | None) -> Iterator[str]:
    """The answer keys a condition reads, in order (repeats included)."""
    if condition is None:
        return
    for op in ("all", "any"):
        if op in condition:
            for c in condition[op]:
                yield from keys(c)
            return
    if "not" in condition:
        yield from keys(condition["not"])
        return
    yield condition["key"]


_NONE: frozenset[str] = frozenset()


def decide(condition: Condition | None, answers: Mapping[str, Any],
           unknown: Unknowns) -> tuple[bool | None, frozenset[str]]:
    """Whether a condition holds, in three values (Kleene's): ``None`` when
    the answers still missing could make it hold or not, with the keys that
    :func:`unknown` names for those answers. A missing answer that
    ``unknown`` does not name counts as no answer, as in :func:`holds`; a
    decided value is always the one :func:`holds` gives."""
    if condition is None:
        return True, _NONE
    for op, short in (("all", False), ("any", True)):
        if op in condition:
            open_keys: set[str] = set()
            for c in condition[op]:
                value, found = decide(c, answers, unknown)
                if value is short:
                    return short, _NONE
                if value is None:
                    open_keys |= found
            return (None, frozenset(open_keys)) if open_keys else (not short, _NONE)
    if "not" in condition:
        value, found = decide(condition["not"], answers, unknown)
        return (None if value is None else not value), found
    if answers.get(condition["key"]) is None:
        found = unknown(condition["key"])
        if found:
            return None, found
    return holds(condition, answers), _NONE
