"""Every row of a roster through the checker's engine, and what the unit does
for the batch as a whole.

Each row's answers are the unit's answers (the questions that describe the
unit, set once) overridden by the row's own cells, checked cell by
cell (each cell once, as :func:`checker.validate` checks an answer) and
evaluated by the engine, so a row's verdict is exactly what ``python -m
checker check`` gives for the same answers; what the exports and the page show
of a row's answers comes from its :class:`checker.result.Result`.
A cell the checker cannot accept stops that row (verdict ``None``, as the CLI
refuses such answers) with a message for the officer (the cell as Excel names
it, what it holds, what to write); the other rows are still evaluated. The
unit's own columns (序号, 工号, 备注 …) are listed once, not used, and carried
into the exports beside the results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import urlencode

from ..answers import AnswerError, validate
from ..catalog import DATES, ITEMS
from ..parameters import FEES_YUAN
from ..engine import run
from ..questions import BY_ID, QUESTIONS
from ..result import VERDICTS, Result
from .columns import NAME, NAME_HEADER, SCAN_ROWS, Column, blank, find_header, to_answer
from .reading import RosterError, Sheet, Table
from .words import CellProblem, key_of, shown

#: The questions that describe the unit rather than the person: set once for
#: the batch on the page (``--unit`` on the command line). Kept only if the
#: question still exists.
UNIT_KEYS = tuple(k for k in ("work_location", "unit_type", "unit_non_legal_branch", "unit_financial_branch",
                              "hq_written_opinion") if k in BY_ID)


@dataclass
class RowResult:
    row: int
    """Row number in the file as the officer sees it (the sheet's first row is 1)."""
    name: str
    errors: list[dict[str, str]] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    """The valid answers that apply (after the unit's answers were merged),
    as the result holds them."""
    result: Result | None = None
    cells: dict[str, Any] = field(default_factory=dict)
    """The row's own cells of the question columns, as typed (for the exports)."""
    own: list[Any] = field(default_factory=list)
    """The row's cells of the unit's own columns (序号, 工号 …), in the batch's order."""
    problems: list[dict[str, str]] = field(default_factory=list)
    """The errors again, split for the page: column, cell address, text."""

    @property
    def verdict(self) -> str | None:
        return self.result.verdict if self.result else None

    @property
    def fee_yuan(self) -> int | None:
        return self.result.fee_yuan if self.result else None

    @property
    def labels(self) -> dict[str, str]:
        """Each answer the result was computed from, as a person reads it
        (``中级``, ``24个月``), by key."""
        return {a.key: a.label for a in self.result.answers} if self.result else {}

    @property
    def query(self) -> str:
        """This person's answers in a /checker/ link, to go after ``#`` (never
        after ``?``: a fragment is not sent to the server)."""
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


#: Verdicts of people who may apply: the fees that will be paid are theirs.
APPLYING = ("eligible", "conditional")


@dataclass
class Batch:
    rows: list[RowResult]
    columns: list[Column]
    sheet: str | None = None
    """The workbook's sheet the table was read from (``None`` for CSV and pasted text)."""
    header_row: int = 1
    """The row of the column headings, 1-based as the officer counts."""

    @property
    def ignored(self) -> list[Column]:
        """The columns the checker does not use (the unit's own, ambiguous, repeated)."""
        return [c for c in self.columns if c.key is None]

    @property
    def ignored_columns(self) -> list[str]:
        return [c.header for c in self.ignored]

    @property
    def counts(self) -> dict[str, int]:
        counts = {v: 0 for v in VERDICTS}
        for row in self.rows:
            if row.verdict:
                counts[row.verdict] += 1
        return counts

    @property
    def not_checked(self) -> int:
        """Rows stopped by a cell the checker cannot read (表格有误（未检查））."""
        return sum(1 for row in self.rows if row.verdict is None)

    @property
    def fee_total(self) -> int:
        """The fees of everyone checked except those who cannot apply: an
        ineligible person is never in a fee sum (their row still shows the
        level's fee, as ``check`` gives it)."""
        return sum(row.fee_yuan or 0 for row in self.rows if row.verdict != "ineligible")

    @property
    def fee_applying(self) -> int:
        """The fees of those who may apply (可以申报 and 满足条件后可以申报)."""
        return sum(row.fee_yuan or 0 for row in self.rows if row.verdict in APPLYING)

    def read_as(self) -> str:
        """What was read, in the officer's words: 读取工作表“花名册”，第3行为列标题。"""
        where = f"读取工作表“{self.sheet}”，" if self.sheet else ""
        return f"{where}第{self.header_row}行为列标题。"

    def fees_by_level(self) -> list[dict[str, Any]]:
        """七: persons × fee per level, 高级 first as the notice lists them, for
        those who are in the fee total (not 不能申报); ``label`` is the level
        as the answers word it (高级)."""
        levels = reversed(BY_ID["target_level"].options) if "target_level" in BY_ID else ()
        out = []
        for level in levels:
            rows = [r for r in self.rows if r.result and r.verdict != "ineligible"
                    and r.answers.get("target_level") == level.value]
            if rows:
                fee = FEES_YUAN[level.value]
                out.append({"level": level.value, "persons": len(rows), "fee": fee, "yuan": fee * len(rows),
                            "applying": sum(1 for r in rows if r.verdict in APPLYING), "label": level.label})
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
        def entry(r: RowResult) -> dict[str, str]:
            labels = r.labels
            return {"row": str(r.row), "name": r.name, "level": labels.get("target_level", ""),
                    "current_title": labels.get("current_title", ""), "route": r.route()}

        return [entry(r) for r in self.rows if r.result and r.verdict != "ineligible"]

    def to_contract(self) -> dict[str, Any]:
        """``{"rows": [...], "counts": {verdict: n}, "fee_total": int, "sheet",
        "header_row", "ignored_columns"}``."""
        return {"rows": [r.to_contract() for r in self.rows], "counts": self.counts, "fee_total": self.fee_total,
                "sheet": self.sheet, "header_row": self.header_row, "ignored_columns": self.ignored_columns}


#: The unit's answers as an officer writes them: by heading, as in a cell.
UNIT_EXAMPLE = '{"单位性质": "民营企业", "工作所在地": "广西"}'


class UnitAnswerError(ValueError):
    """A unit answer (``--unit``, the page's form) that is no answer; ``str()`` says so."""


def unit_answers(raw: object) -> dict[str, Any]:
    """The unit's answers: keyed by answer key, short heading or the question,
    valued as in a cell (``是``, ``民企``, ``国有企事业单位``) or as JSON
    (``true``, ``"non_public"``). Raises :class:`UnitAnswerError`."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise UnitAnswerError(f"单位答案应为 JSON 对象，例如 {UNIT_EXAMPLE}。")
    answers: dict[str, Any] = {}
    for heading, value in raw.items():
        key = key_of(heading)
        if key is None or key == NAME:
            raise UnitAnswerError(f"“{heading}”不是可以统一回答的问题：请用问题的中文标题或“单位性质”这样的列标题。")
        if value is None or value == "":
            continue
        try:
            answers[key] = to_answer(BY_ID[key], value)
        except CellProblem as err:
            raise UnitAnswerError(f"“{heading}”收到“{shown(value)}”：{err}") from None
    try:
        return validate(answers)
    except AnswerError:  # pragma: no cover - every value was checked above
        raise UnitAnswerError("单位答案有误：请核对后重试。") from None


def check_sheets(sheets: list[Sheet], unit: Mapping[str, Any] | None = None) -> Batch:
    """Find the sheet with the roster (the first whose first rows hold 姓名 and
    recognised headings: a 填表说明 sheet before it is passed over) and check it."""
    for sheet in sheets:
        if find_header(sheet.rows):
            return check_table(sheet.rows, unit, sheet.name)
    return check_table(sheets[0].rows if sheets else [], unit, sheets[0].name if len(sheets) == 1 else None)


def check_table(table: Table, unit: Mapping[str, Any] | None = None, sheet: str | None = None) -> Batch:
    """Evaluate every row below the header of a table (see
    :func:`checker.batch.columns.find_header` for where the header may be).
    ``unit``: the unit's answers as :func:`unit_answers` returns them (valid)."""
    unit = dict(unit or {})
    if not table or not any(not blank(c) for row in table for c in row):
        raise RosterError("表格是空的：应有一行列标题（如“姓名”和各个问题），其下每行一人。")
    header = find_header(table)
    if header is None:
        raise RosterError(_no_header(table))
    columns = header.columns
    rows = []
    for number, cells in enumerate(table[header.row + 1:], start=header.row + 2):
        row = _check_row(number, cells, columns, unit)
        if row is not None:
            rows.append(row)
    return Batch(rows, columns, sheet, header.row + 1)


def _no_header(table: Table) -> str:
    known = [c for row in table[:SCAN_ROWS] for c in row if not blank(c) and key_of(c)]
    if known:
        return ("在前几行中找到了问题的列标题，但没有“姓名”列：请在列标题所在的行加上“姓名”列"
                "（可下载模板对照）。")
    return ("在前几行中没有可识别的列标题：应有一行写着“姓名”和问题的列标题（如“申报级别”“现有职称”“是否公务员”），"
            "其下每行一人。可下载模板对照。")


def _check_row(number: int, cells: list[Any], columns: list[Column], unit: dict[str, Any]) -> RowResult | None:
    """A person's row, or ``None`` for a line that holds no one (empty, or only
    the unit's own cells such as a 序号 or a 填表人 line under the table)."""
    out = RowResult(number, "")
    raw: dict[str, Any] = {}
    stopped = False
    for column in columns:
        cell = cells[column.index] if column.index < len(cells) else None
        empty = blank(cell)
        if column.key == NAME:
            out.name = "" if empty else str(cell).strip()
        elif column.key is None:
            out.own.append(cell)
        elif not empty:
            out.cells[column.key] = cell
            try:
                raw[column.key] = to_answer(BY_ID[column.key], cell)
            except CellProblem as err:
                address = f"{column.letter}{number}"
                out.problems.append({"column": column.header, "cell": address,
                                     "text": f"收到“{shown(cell)}”，{err}"})
                stopped = True
    if not out.name and not out.cells:
        return None
    if not out.name:
        address = f"{next(c.letter for c in columns if c.key == NAME)}{number}"
        out.problems.append({"column": NAME_HEADER, "cell": address, "text": "姓名为空：请填写姓名，以便核对。"})
    out.errors = [{"column": p["column"], "message": f"{p['cell']}：{p['text']}"} for p in out.problems]
    if stopped:
        return out
    # A row's own cell overrides the unit's answer; both are valid already
    # (each cell was checked above, the unit's answers by unit_answers).
    out.result = run({**unit, **raw})
    out.answers = {a.key: a.value for a in out.result.answers}
    return out
