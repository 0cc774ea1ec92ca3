"""Every row of a roster through the checker's engine, and what the unit does
for the batch as a whole.

Each row's answers are the unit's answers (the questions that describe the
unit, set once) overridden by the row's own cells, checked by
:func:`checker.validate` and evaluated by :func:`checker.evaluate`, so a row's
verdict is exactly what ``python -m checker check`` gives for the same answers.
A cell the checker cannot accept stops that row (verdict ``None``, as the CLI
refuses such answers); the other rows are still evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import urlencode

from ..answers import AnswerError, applicable, validate
from ..catalog import DATES, ITEMS
from ..parameters import FEES_YUAN
from ..engine import evaluate
from ..questions import BY_ID, QUESTIONS
from ..result import VERDICTS, Result
from .columns import NAME, NAME_HEADER, Column, match, to_answer
from .reading import RosterError, Table

#: The questions that describe the unit rather than the person: set once for
#: the batch on the page (``--unit`` on the command line). Kept only if the
#: question still exists.
UNIT_KEYS = tuple(k for k in ("work_location", "unit_type", "unit_non_legal_branch", "unit_financial_branch",
                              "hq_written_opinion") if k in BY_ID)
UNIT_COLUMN = "单位答案"


@dataclass
class RowResult:
    row: int
    """Row number in the file, the header being row 1."""
    name: str
    errors: list[dict[str, str]] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    """The valid answers that apply (after the unit's answers were merged)."""
    result: Result | None = None

    @property
    def verdict(self) -> str | None:
        return self.result.verdict if self.result else None

    @property
    def fee_yuan(self) -> int | None:
        return self.result.fee_yuan if self.result else None

    @property
    def query(self) -> str:
        """The query string of this person's prefilled /checker/ link."""
        params = {}
        for q in QUESTIONS:
            if q.id in self.answers:
                value = self.answers[q.id]
                params[q.id] = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return urlencode(params)

    def route(self) -> str:
        """正常 / 破格 / 无职称, for the draft publicity list."""
        if self.answers.get("current_title") == "none":
            return "无职称"
        if self.answers.get("exceptional"):
            return "破格"
        return "正常"

    def to_contract(self) -> dict[str, Any]:
        """The row as ``python -m checker batch`` prints it (the exact contract)."""
        return {"row": self.row, "name": self.name, "verdict": self.verdict, "fee_yuan": self.fee_yuan,
                "errors": list(self.errors)}


@dataclass
class Batch:
    rows: list[RowResult]
    columns: list[Column]

    @property
    def counts(self) -> dict[str, int]:
        counts = {v: 0 for v in VERDICTS}
        for row in self.rows:
            if row.verdict:
                counts[row.verdict] += 1
        return counts

    @property
    def fee_total(self) -> int:
        return sum(row.fee_yuan or 0 for row in self.rows)

    def fees_by_level(self) -> list[dict[str, Any]]:
        """七: persons × fee per level, 高级 first as the notice lists them; and
        how much of it is for persons whose verdict is 不能申报."""
        levels = [o.value for o in reversed(BY_ID["target_level"].options)] if "target_level" in BY_ID else []
        out = []
        for level in levels:
            rows = [r for r in self.rows if r.result and r.answers.get("target_level") == level]
            if rows:
                fee = FEES_YUAN[level]
                out.append({"level": level, "persons": len(rows), "fee": fee, "yuan": fee * len(rows),
                            "ineligible": sum(1 for r in rows if r.verdict == "ineligible")})
        return out

    def unit_checklist(self) -> list[dict[str, Any]]:
        """What the unit (and the offices above it) do for this batch: every item
        of the evaluated rows' checklists that is not the applicant's own, in
        the catalogue's order, with the rows it concerns; then the dates of 六."""
        evaluated = [r for r in self.rows if r.result and r.verdict != "ineligible"]
        concerned: dict[str, list[int]] = {}
        for row in evaluated:
            for item in row.result.checklist:  # type: ignore[union-attr]
                if item.who != "applicant":
                    concerned.setdefault(item.id, []).append(row.row)
        items = []
        for item_id, definition in ITEMS.items():
            if item_id in concerned:
                rows = concerned[item_id]
                items.append({"id": item_id, "title": definition.title, "detail": definition.detail,
                              "clause": definition.clause, "who": definition.who, "rows": rows,
                              "everyone": len(rows) == len(evaluated)})
        for date in DATES:
            if date.clause.startswith("6"):
                items.append({"id": f"date-{date.id}", "title": f"{date.period}：{date.title}", "detail": "",
                              "clause": date.clause, "who": "unit", "rows": [], "everyone": True})
        return items

    def publicity(self) -> list[dict[str, str]]:
        """Draft publicity list (三（一）3): what the checker knows of each person
        who may apply (verdict other than 不能申报). A draft: the unit publicises
        the application and its materials, which the checker does not see."""
        def label(key: str, value: Any) -> str:
            return "" if value is None else BY_ID[key].shown(value)

        return [{"row": str(r.row), "name": r.name, "level": label("target_level", r.answers.get("target_level")),
                 "current_title": label("current_title", r.answers.get("current_title")), "route": r.route()}
                for r in self.rows if r.result and r.verdict != "ineligible"]

    def to_contract(self) -> dict[str, Any]:
        """``{"rows": [...], "counts": {verdict: n}, "fee_total": int}``."""
        return {"rows": [r.to_contract() for r in self.rows], "counts": self.counts, "fee_total": self.fee_total}


def unit_answers(raw: object) -> dict[str, Any]:
    """The unit's answers, checked like any answers (raises AnswerError)."""
    return validate(raw)


def check_table(table: Table, unit: Mapping[str, Any] | None = None) -> Batch:
    """Evaluate every data row of a table whose first row is the header."""
    unit = dict(unit or {})
    if not table or not any(table[0]):
        raise RosterError("表格是空的：第一行应为列标题（如“姓名”和各个问题）。")
    columns = match(table[0])
    keys = {c.key for c in columns if c.key}
    if not keys:
        raise RosterError("第一行（标题行）没有可识别的列：请以“姓名”和问题的中文标题（或答案键）作为列标题，可下载模板对照。")
    if NAME not in keys:
        raise RosterError("第一行（标题行）没有“姓名”（或 name）列。")
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue  # an empty line holds no one
        rows.append(_check_row(number, cells, columns, unit))
    return Batch(rows, columns)


def _check_row(number: int, cells: list[Any], columns: list[Column], unit: dict[str, Any]) -> RowResult:
    out = RowResult(number, "")
    raw: dict[str, Any] = {}
    where: dict[str, str] = {}
    for column in columns:
        cell = cells[column.index] if column.index < len(cells) else None
        empty = cell is None or (isinstance(cell, str) and not cell.strip())
        if column.key == NAME:
            out.name = "" if empty else str(cell).strip()
        elif column.key is None:
            if not empty:
                out.errors.append({"column": column.header, "message": column.problem})
        elif not empty:
            raw[column.key] = to_answer(BY_ID[column.key], cell)
            where[column.key] = column.header
    if not out.name:
        out.errors.append({"column": NAME_HEADER, "message": "姓名为空：请填写姓名，以便核对。"})
    answers = {**unit, **raw}  # a row's own cell overrides the unit's answer
    stopped = False
    for key, value in answers.items():
        try:
            validate({key: value})
        except AnswerError as err:
            out.errors.append({"column": where.get(key, UNIT_COLUMN), "message": err.message})
            stopped = True
    if stopped:
        return out
    out.result = evaluate(answers)
    asked = applicable(answers)
    out.answers = {q.id: answers[q.id] for q in QUESTIONS if q.id in asked and q.id in answers}
    return out
