"""The results as a spreadsheet: ``.xlsx`` (a summary sheet and a sheet of
checklist lines) or ``.csv`` (UTF-8 with a BOM, so Excel shows Chinese).

Names and cells come from a file someone else filled in: a cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a
formula by a spreadsheet (CSV/formula injection). In CSV such a cell gets a
leading apostrophe; in .xlsx it is written as a text cell marked
``quotePrefix`` (shown as typed, never evaluated).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..notice import load
from ..questions import BY_ID
from ..result import SEVERITY_LABELS, VERDICT_LABELS, WHO_LABELS
from .roster import Batch

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SUMMARY_SHEET = "汇总"
CHECKLIST_SHEET = "清单"
CHECKER_PATH = "checker/"


def risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_safe(value: Any) -> Any:
    return f"'{value}" if risky(value) else value


def _label(key: str, value: Any) -> str:
    q = BY_ID.get(key)
    option = next((o for o in q.options if o.value == value), None) if q else None
    return option.label if option else ("" if value is None else str(value))


def _clause(clause_id: str) -> str:
    clause = load().clauses.get(clause_id)
    return clause.label if clause else clause_id


def link(query: str, base_url: str) -> str:
    """A person's prefilled /checker/ link; ``base_url`` is the site's root."""
    base = base_url if base_url.endswith("/") else f"{base_url}/"
    return f"{base}{CHECKER_PATH}{'?' + query if query else ''}"


SUMMARY_HEADER = ["行号", "姓名", "申报级别", "现有职称", "结论", "还需回答", "须满足的条件", "不能申报的原因",
                  "评审费（元）", "表格问题", "自查链接", "结论代码"]


def summary_rows(batch: Batch, base_url: str) -> list[list[Any]]:
    rows: list[list[Any]] = [SUMMARY_HEADER]
    for r in batch.rows:
        res = r.result
        findings = res.findings if res else ()
        rows.append([
            r.row, r.name,
            _label("target_level", r.answers.get("target_level")),
            _label("current_title", r.answers.get("current_title")),
            VERDICT_LABELS[r.verdict] if r.verdict else "未检查（表格有误）",
            "；".join(BY_ID[k].label if k in BY_ID else k for k in res.missing) if res else "",
            "；".join(f"{f.message}（{_clause(f.clause)}）" for f in findings if f.severity == "condition"),
            "；".join(f"{f.message}（{_clause(f.clause)}）" for f in findings if f.severity == "blocker"),
            r.fee_yuan if r.fee_yuan is not None else "",
            "；".join(f"{e['column']}：{e['message']}" for e in r.errors),
            link(r.query, base_url) if res else "",
            r.verdict or "",
        ])
    counts = batch.counts
    rows.append([])
    rows.append(["合计", f"{len(batch.rows)}人",
                 *(f"{VERDICT_LABELS[v]} {n}人" for v, n in counts.items()), "", "", batch.fee_total, "", ""])
    return rows


CHECKLIST_HEADER = ["行号", "姓名", "事项", "由谁", "依据"]
EVERYONE = "（全部人员）"


def checklist_rows(batch: Batch) -> list[list[Any]]:
    """The unit's own lines; then what every person who may apply prepares,
    once; then, per person, only what is theirs alone: the reasons and
    conditions, and the items not everyone needs (none for a person who cannot
    apply). A thousand people then fit in a sheet one can read, written well
    within the 2 s the export is given."""
    rows: list[list[Any]] = [CHECKLIST_HEADER]
    for item in batch.unit_checklist():
        who = "（单位，全部人员）" if item["everyone"] else f"（单位，第{'、'.join(map(str, item['rows']))}行）"
        rows.append(["", who, item["title"], WHO_LABELS[item["who"]], _clause(item["clause"])])
    people = [r for r in batch.rows if r.result and r.verdict != "ineligible"]
    common = set.intersection(*({c.id for c in r.result.checklist} for r in people)) if people else set()  # type: ignore[union-attr]
    shown = {item["id"] for item in batch.unit_checklist()}
    for item in (people[0].result.checklist if people else ()):  # type: ignore[union-attr]
        if item.id in common and item.id not in shown:
            rows.append(["", EVERYONE, item.title, WHO_LABELS[item.who], _clause(item.clause)])
    for r in (r for r in batch.rows if r.result):
        for f in r.result.findings:  # type: ignore[union-attr]
            if f.severity != "note":
                rows.append([r.row, r.name, f"{SEVERITY_LABELS[f.severity]}：{f.message}", "申报人", _clause(f.clause)])
        for c in (r.result.checklist if r.verdict != "ineligible" else ()):  # type: ignore[union-attr]
            if c.id not in common:
                rows.append([r.row, r.name, c.title, WHO_LABELS[c.who], _clause(c.clause)])
    return rows


def to_csv(batch: Batch, base_url: str = "/") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in summary_rows(batch, base_url):
        writer.writerow([csv_safe(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _sheet(book: Any, title: str, rows: list[list[Any]], widths: list[int]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    for n, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    for number, row in enumerate(rows):
        cells = []
        for value in row:
            if number == 0 or risky(value):
                cell = WriteOnlyCell(sheet, value=value)
                if risky(value):
                    cell.data_type = "s"  # text, not a formula
                    cell.quotePrefix = True
                if number == 0:
                    cell.font = bold
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)


def to_xlsx(batch: Batch, base_url: str = "/") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _sheet(book, SUMMARY_SHEET, summary_rows(batch, base_url), [6, 12, 8, 8, 16, 30, 40, 40, 10, 40, 50])
    _sheet(book, CHECKLIST_SHEET, checklist_rows(batch), [6, 20, 60, 10, 12])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
