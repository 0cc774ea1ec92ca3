"""Blank rosters to fill in, generated from the questions (so they never drift
from the form): ``.xlsx`` with drop-down lists for choice and yes/no columns,
and ``.csv`` (UTF-8 with a BOM)."""

from __future__ import annotations

import csv
import io

from ..questions import QUESTIONS, Question
from .words import NAME_HEADER, accepted, ambiguous_headings, everyday_words, short_headings

TEMPLATE_ROWS = 1000
OPTIONS_SHEET = "选项"


def header(question: Question) -> str:
    """``label（key）``: readable, and still matched exactly by scripts."""
    return f"{question.label}（{question.id}）"


def headers() -> list[str]:
    return [NAME_HEADER, *(header(q) for q in QUESTIONS)]


def template_csv() -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(headers())
    return out.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(headers())
    sheet.freeze_panes = "B2"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 12
    options = book.create_sheet(OPTIONS_SHEET)
    options.sheet_state = "hidden"
    notes = book.create_sheet("说明")
    notes.append(["列", "也可用的列标题", "说明", "可填", "何时需要填"])
    notes.append([NAME_HEADER, "", "申报人姓名。列标题下每行一人；上方可以有表格标题，序号、工号、备注等本单位的列可以保留"
                  "（不用于判断，导出时带回）。", "", "每行"])
    list_column = 0
    for n, q in enumerate(QUESTIONS, start=2):
        letter = get_column_letter(n)
        sheet.column_dimensions[letter].width = 18
        allowed = accepted(q) + (f"；也可写：{everyday_words(q)}" if everyday_words(q) else "")
        notes.append([header(q), "、".join(short_headings(q.id)), q.hint, allowed,
                      "总是" if q.when is None else "前面的回答使其适用时（不适用的列留空即可）"])
        if not q.options:
            continue
        list_column += 1
        col = get_column_letter(list_column)
        for row, option in enumerate(q.options, start=1):
            options.cell(row=row, column=list_column, value=option.label)
        rule = DataValidation(type="list", formula1=f"'{OPTIONS_SHEET}'!${col}$1:${col}${len(q.options)}",
                              allow_blank=True, showErrorMessage=True,
                              errorTitle="请从列表中选择", error=f"可填：{'、'.join(o.label for o in q.options)}")
        rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(rule)
    for text, why in ambiguous_headings().items():
        notes.append([f"（不要用）{text}", "", why, "", ""])
    for letter, width in zip("ABCDE", (40, 30, 60, 40, 20)):
        notes.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
