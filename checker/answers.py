"""Checking an applicant's raw answers before any rule reads them.

Every problem raises :class:`AnswerError`, which names the key and says what is
allowed, in Chinese, so that the CLI, the API and the page can show it as is.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any, Mapping

from .conditions import holds
from .questions import BY_ID, MAX_MONTHS, QUESTIONS, Question

Answers = dict[str, Any]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class AnswerError(ValueError):
    """An answer the checker cannot accept. ``key`` names it (``None`` when
    the answers as a whole are not an object)."""

    def __init__(self, key: str | None, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"key": self.key, "message": self.message}}


def _allowed(question: Question) -> str:
    if question.type == "boolean":
        return "true 或 false"
    if question.type == "integer":
        return f"0 到 {MAX_MONTHS} 之间的整数"
    if question.type == "date":
        return "YYYY-MM-DD 格式的真实日期，例如 2017-06-30"
    return "、".join(f'"{o.value}"（{o.label}）' for o in question.options)


def _check(question: Question, value: Any) -> Any:
    key = question.id

    def fail(problem: str) -> AnswerError:
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) > 40:
            shown = shown[:40] + "…"
        return AnswerError(key, f"答案“{key}”（{question.label}）{problem}：收到 {shown}，应为 {_allowed(question)}。")

    if question.type == "boolean":
        if not isinstance(value, bool):
            raise fail("类型不对")
        return value
    if question.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail("不是整数")
        if value < 0:
            raise fail("不能是负数")
        if value > MAX_MONTHS:
            raise fail("超出范围")
        return value
    if question.type == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            raise fail("不是日期")
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise fail("不是真实存在的日期") from None
        return value
    if value not in [o.value for o in question.options] or not isinstance(value, str):
        raise fail("不是可选的值")
    return value


def validate(raw: object) -> Answers:
    """Check raw answers (e.g. parsed JSON) and return them as a plain dict.

    ``null`` counts as "not answered". Raises :class:`AnswerError`.
    """
    if not isinstance(raw, Mapping):
        raise AnswerError(None, f"答案应为一个 JSON 对象（{{\"键\": 值, …}}），收到的是 {type(raw).__name__}。")
    answers: Answers = {}
    for key, value in raw.items():
        if not isinstance(key, str) or key not in BY_ID:
            known = "、".join(BY_ID)
            raise AnswerError(str(key), f"未知的答案键“{key}”。可用的键：{known}。")
        if value is None:
            continue
        answers[key] = _check(BY_ID[key], value)
    return answers


def applicable(answers: Mapping[str, Any]) -> list[str]:
    """Ids of the questions that apply, given the answers so far, in order.

    A question's condition only reads answers to questions that themselves
    apply, so an answer left behind by a changed earlier answer is ignored.
    """
    kept: dict[str, Any] = {}
    ids: list[str] = []
    for question in QUESTIONS:
        if holds(question.when, kept):
            ids.append(question.id)
            if question.id in answers:
                kept[question.id] = answers[question.id]
    return ids
