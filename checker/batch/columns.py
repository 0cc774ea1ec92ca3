"""Where a roster's table is, and which question each column answers.

Offices put a title above the table (merged across it), a group heading over
some columns (“申报情况” over 申报级别 and 现有职称, with 姓名 merged down
beside it), or leave the header's first cells blank. The header is the row,
among the first :data:`SCAN_ROWS`, that has 姓名 and the most recognised
headings; a blank cell of it takes the text of the cell above (merged down),
and a heading not recognised alone is tried after its group heading.
Headings are matched by :mod:`checker.batch.words`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..questions import Question
from .words import NAME, NAME_HEADER, ambiguous, answer, key_of

SCAN_ROWS = 12
__all__ = ["NAME", "NAME_HEADER", "SCAN_ROWS", "Column", "Header", "blank", "find_header", "letter", "to_answer"]


def letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as Excel names it."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    """As written in the file (``F列`` when the heading cell is empty)."""
    key: str | None
    """The answer key, :data:`NAME`, or ``None`` for a column the checker does not use."""
    problem: str = ""
    """Why a column is not used, when it is not simply the unit's own."""

    @property
    def letter(self) -> str:
        return letter(self.index)


@dataclass(frozen=True)
class Header:
    row: int
    """0-based index of the heading row in the table (the officer's row is ``row + 1``)."""
    columns: list[Column]


def _headings(table: list[list[Any]], index: int) -> list[tuple[str, str]]:
    """(heading, group heading) per column of row ``index``: a blank cell takes
    the text above it (姓名 merged down over two rows)."""
    row = [_text(c) for c in table[index]]
    above = [_text(c) for c in table[index - 1]] if index else []
    group_row = sum(1 for c in above if c) >= 2  # a title alone above the table is no group heading
    out, group = [], ""
    for n, text in enumerate(row):
        up = above[n] if group_row and n < len(above) else ""
        group = up or group
        out.append((text or up, group if text else ""))
    width = len(above) if group_row else 0
    out += [(above[n], "") for n in range(len(row), width)]
    return out


def _key(heading: str, group: str) -> str | None:
    return key_of(heading) or (key_of(group + heading) if group else None)


def find_header(table: list[list[Any]]) -> Header | None:
    """The heading row and its columns, or ``None`` when no row of the first
    :data:`SCAN_ROWS` has 姓名 with it."""
    best: tuple[int, int] | None = None
    for index in range(min(SCAN_ROWS, len(table))):
        keys = [_key(h, g) for h, g in _headings(table, index)]
        if "name" not in keys:
            continue
        score = sum(1 for k in keys if k)
        if best is None or score > best[1]:
            best = (index, score)
    return Header(best[0], match(_headings(table, best[0]))) if best else None


def match(headings: list[tuple[str, str]]) -> list[Column]:
    columns: list[Column] = []
    seen: dict[str, str] = {}
    for index, (text, group) in enumerate(headings):
        shown = text or f"{letter(index)}列"
        key = _key(text, group) if text else None
        if key is None:
            why = ambiguous(text) if text else ""
            columns.append(Column(index, shown, None, why or ""))
        elif key in seen:
            columns.append(Column(index, shown, None, f"与“{seen[key]}”列重复，这一列未使用。"))
        else:
            seen[key] = shown
            columns.append(Column(index, shown, key))
    return columns


def blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def to_answer(q: Question, cell: Any) -> Any:
    """The answer a cell gives to a question, ``None`` for an empty cell;
    :class:`checker.batch.words.CellProblem` when it is no answer."""
    return None if blank(cell) else answer(q, cell)
