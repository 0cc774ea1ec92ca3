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

from ..findings import ASK
from ..notice import clause_label
from ..questions import BY_ID, QUESTIONS
from ..result import SEVERITY_LABELS, VERDICT_LABELS, WHO_LABELS
from .roster import Batch
from .words import short_heading

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SUMMARY_SHEET = "汇总"
CHECKLIST_SHEET = "清单"
CHECKER_PATH = "checker/"


def risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_safe(value: Any) -> Any:
    return f"'{value}" if risky(value) else value




def link(query: str, base_url: str) -> str:
    """A person's prefilled /checker/ link; ``base_url`` is the site's root.
    The answers go after ``#``: a browser never sends the fragment to the
    server (or a proxy), as on the checker page itself."""
    base = base_url if base_url.endswith("/") else f"{base_url}/"
    return f"{base}{CHECKER_PATH}{'#' + query if query else ''}"


NOT_CHECKED = "表格有误（未检查）"
#: Before the answers: the row and the name; after them, the results.
RESULT_HEADER = ["结论", "还需回答", "须满足的条件", "不能申报的原因", "评审费（元）", "表格问题", "自查链接", "结论代码"]
VERDICT_COLUMN = "结论代码"
LINK_COLUMN = "自查链接"


def summary_header(batch: Batch) -> list[str]:
    """行号, 姓名, every question by its short heading (so the export reads
    back as the same answers), the results, then the unit's own columns."""
    return ["行号", "姓名", *(short_heading(q) for q in QUESTIONS), *RESULT_HEADER, *batch.ignored_columns]


def summary_rows(batch: Batch, base_url: str) -> list[list[Any]]:
    rows: list[list[Any]] = [summary_header(batch)]
    for r in batch.rows:
        res = r.result
        findings = res.findings if res else ()
        labels = r.labels  # a cell the result did not use stays as typed (e.g. a stopped row's)
        blockers = "；".join(f"{f.message}（{clause_label(f.clause)}）" for f in findings if f.severity == "blocker")
        rows.append([
            r.row, r.name,
            *(labels[q.id] if q.id in labels else r.cells.get(q.id, "") for q in QUESTIONS),
            VERDICT_LABELS[r.verdict] if r.verdict else NOT_CHECKED,
            "；".join(BY_ID[k].label if k in BY_ID else k for k in res.missing) if res else "",
            "；".join(f"{f.message}（{clause_label(f.clause)}）" for f in findings if f.severity == "condition"),
            f"{blockers}。{ASK}" if blockers else "",
            r.fee_yuan if r.fee_yuan is not None and r.verdict != "ineligible" else "",
            "；".join(f"{e['column']}：{e['message']}" for e in r.errors),
            link(r.query, base_url) if res else "",
            r.verdict or "",
            *r.own,
        ])
    # Totals under a blank line, in the first column only: the name column stays
    # empty, so an export opened again on the desk reads only its people.
    counts = "；".join([*(f"{VERDICT_LABELS[v]} {n}人" for v, n in batch.counts.items()),
                       f"{NOT_CHECKED} {batch.not_checked}人"])
    rows.append([])
    rows.append([f"合计 {len(batch.rows)} 人：{counts}"])
    rows.append([f"评审费（七）：可以申报和满足条件后可以申报的人员合计 {batch.fee_applying} 元；不能申报的人员不计"])
    return rows


CHECKLIST_HEADER = ["行号", "姓名", "事项", "由谁", "依据", "说明"]
EVERYONE = "（全部人员）"


def checklist_rows(batch: Batch) -> list[list[Any]]:
    """The unit's own lines, with their detail as the page lists them; then
    what every person who may apply prepares, once; then, per person, only what is theirs alone: the reasons and
    conditions, and the items not everyone needs (none for a person who cannot
    apply). A thousand people then fit in a sheet one can read, written well
    within the 2 s the export is given."""
    rows: list[list[Any]] = [CHECKLIST_HEADER]
    for item in batch.unit_checklist():
        who = "（单位，全部人员）" if item["everyone"] else f"（单位，第{'、'.join(map(str, item['rows']))}行）"
        # The unit's duties with what the notice adds (e.g. 补充公示 after a change, 三（一）3).
        rows.append(["", who, item["title"], WHO_LABELS[item["who"]], clause_label(item["clause"]), item["detail"]])
    people = [r for r in batch.rows if r.result and r.verdict != "ineligible"]
    common = set.intersection(*({c.id for c in r.result.checklist} for r in people)) if people else set()  # type: ignore[union-attr]
    shown = {item["id"] for item in batch.unit_checklist()}
    for item in (people[0].result.checklist if people else ()):  # type: ignore[union-attr]
        if item.id in common and item.id not in shown:
            rows.append(["", EVERYONE, item.title, WHO_LABELS[item.who], clause_label(item.clause)])
    for r in (r for r in batch.rows if r.result):
        for f in r.result.findings:  # type: ignore[union-attr]
            if f.severity != "note":
                rows.append([r.row, r.name, f"{SEVERITY_LABELS[f.severity]}：{f.message}", "申报人", clause_label(f.clause)])
        if r.verdict == "ineligible":
            rows.append([r.row, r.name, ASK, "", clause_label("8")])
        for c in (r.result.checklist if r.verdict != "ineligible" else ()):  # type: ignore[union-attr]
            if c.id not in common:
                rows.append([r.row, r.name, c.title, WHO_LABELS[c.who], clause_label(c.clause)])
    return rows


def to_csv(batch: Batch, base_url: str = "/") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in summary_rows(batch, base_url):
        writer.writerow([csv_safe(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _width(value: Any) -> int:
    """Excel's column width for a value: a Chinese character takes two."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def widths(rows: list[list[Any]], narrowest: int = 6, widest: int = 50) -> list[int]:
    """Column widths that fit the text (the first 200 rows, capped: long text wraps)."""
    out: list[int] = []
    for row in rows[:200]:
        for n, value in enumerate(row):
            if n >= len(out):
                out.append(narrowest)
            out[n] = max(out[n], min(widest, _width(value) + 2))
    return out


def _sheet(book: Any, title: str, rows: list[list[Any]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    for n, width in enumerate(widths(rows), 1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"  # the header row stays in view
    data_rows = next((n for n, row in enumerate(rows) if not row), len(rows))  # up to the blank line before 合计
    if rows and rows[0]:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(rows[0]))}{max(data_rows, 1)}"
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
                cells.append(None if value == "" else value)  # an empty cell is not written at all
        sheet.append(cells)


def to_xlsx(batch: Batch, base_url: str = "/") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _sheet(book, SUMMARY_SHEET, summary_rows(batch, base_url))
    _sheet(book, CHECKLIST_SHEET, checklist_rows(batch))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
