"""Matching a roster's header to the questions, and a cell to an answer.

A column is matched by its question's Chinese label or its answer key (as the
template writes them, and as people retype them); choice and yes/no cells
accept the options' Chinese labels as well as their keys. Everything is read
from :data:`checker.questions.QUESTIONS`, so a changed question is followed.
A cell that cannot be converted is passed on as it is, so that
:func:`checker.validate` names the problem with the CLI's own message.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..answer_types import handler, normalise
from ..questions import QUESTIONS, Question

NAME = "name"
NAME_HEADER = "姓名"

@lru_cache(maxsize=1)
def _headers() -> dict[str, str]:
    found = {normalise(NAME_HEADER): NAME, NAME: NAME}
    for q in QUESTIONS:
        found[normalise(q.id)] = q.id
        found[normalise(q.label)] = q.id
        found[normalise(f"{q.label}({q.id})")] = q.id  # the template's headers
    return found


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    """As written in the file (or ``第N列`` when the header cell is empty)."""
    key: str | None
    """The answer key, :data:`NAME`, or ``None`` for a column that is not used."""
    problem: str = ""
    """Why an unused column is not used."""


def match(header: list[Any]) -> list[Column]:
    columns: list[Column] = []
    seen: dict[str, str] = {}
    known = _headers()
    for index, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        shown = text or f"第{index + 1}列"
        key = known.get(normalise(text)) if text else None
        if key is None:
            problem = ("这一列没有列标题，其中的内容已忽略。" if not text else
                       f"未知的答案键“{text}”：这一列既不是问题的中文标题，也不是答案键，其中的内容已忽略。")
            columns.append(Column(index, shown, None, problem))
        elif key in seen:
            columns.append(Column(index, shown, None, f"与“{seen[key]}”列重复，这一列已忽略。"))
        else:
            seen[key] = shown
            columns.append(Column(index, shown, key))
    return columns


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def to_answer(q: Question, cell: Any) -> Any:
    """The answer a cell gives to a question, ``None`` for an empty cell, or the
    cell itself when it is not one (validation then says what is allowed)."""
    return None if _blank(cell) else handler(q).from_cell(q, cell)
