"""From a file's bytes (or pasted text) to a table of cells.

CSV files from Excel and WPS on Chinese Windows are GB18030/GBK; elsewhere
UTF-8, with or without a BOM. The encoding is detected by strict decoding, in
that order, so text is never garbled: a file that is none of them is refused
with a message instead of being shown as mojibake.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from dataclasses import dataclass
from typing import Any

from . import limits

Cell = Any  # str, or int/float/bool/date/datetime/None from an .xlsx
Table = list[list[Cell]]

MAX_ROWS = limits.MAX_ROWS  # far above any unit's staff; guards the page against a wrong file


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RosterError(ValueError):
    """A roster that cannot be read at all (empty, not a table, unknown encoding)."""


_NOT_A_TABLE = "文件不是表格：请使用 .xlsx、.xls 或 .csv 文件（含“姓名”列），或从 Excel/WPS 复制表格后粘贴。"
_ET = ("这是 WPS 表格自己的格式（.et），无法直接读取：请在 WPS 中“另存为” Excel 文件（.xlsx 或 .xls）"
       "后再打开。")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls (and of WPS's .et)


@dataclass
class Sheet:
    """One table of a roster file: a workbook's sheet, or the whole CSV/pasted text."""

    name: str | None
    """The sheet's name as the workbook shows it; ``None`` for CSV and pasted text."""
    rows: Table


def read_sheets(data: bytes, filename: str = "") -> list[Sheet]:
    """Every sheet of a roster file, in the workbook's order: ``.xlsx`` (by its
    content, a zip), ``.xls`` (Excel 97–2003), or CSV/TSV text (one sheet)."""
    if not data or not data.strip():
        raise RosterError("文件是空的：没有任何内容。")
    if filename.lower().endswith(".et"):
        raise RosterError(_ET)
    try:
        limits.file_size(len(data))
        if data[:4] == b"PK\x03\x04":
            return _read_xlsx(data)
        if limits.is_encrypted_office(data):
            raise RosterError("这个 Excel 文件设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存，再打开。")
        if data[:8] == OLE:
            return _read_xls(data)
    except limits.Exceeded as err:
        raise RosterError(str(err)) from None
    if limits.is_binary(data):  # an image, a PDF …: not a question of encodings
        raise RosterError(_NOT_A_TABLE)
    return [Sheet(None, read_text(decode(data)))]


def read_roster(data: bytes, filename: str = "") -> Table:
    """The first sheet of a roster file (see :func:`read_sheets`)."""
    return read_sheets(data, filename)[0].rows


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)  # Excel's "Unicode text"
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            mixed = limits.mixed_encoding_rows(data) if encoding.startswith("utf-8") else None
            if mixed:  # GB18030 would decode the UTF-8 rows too, as garbled names
                raise RosterError(f"文件中混有两种文字编码，{limits.rows_text(mixed)}无法按其他行的编码（UTF-8）读取："
                                  "请在 Excel 或 WPS 中把整个文件另存为 UTF-8 或 GBK 编码的 .csv，或 .xlsx，再打开。") from None
            continue
        if "\x00" in text:  # binary data (an image, a PDF …)
            raise RosterError(_NOT_A_TABLE)
        return text
    raise RosterError("无法识别文件的文字编码：请保存为 UTF-8 或 GBK（GB18030）编码的 .csv，或 .xlsx 文件。")


def read_text(text: str) -> Table:
    """CSV or tab-separated text (pasted from Excel/WPS) to rows of strings."""
    text = limits.without_lone_surrogates(text.lstrip("\ufeff"))
    if not text.strip():
        raise RosterError("没有内容：请粘贴包括列标题在内的表格，或选择文件。")
    if _CONTROL.search(text):  # binary data that happened to decode
        raise RosterError(_NOT_A_TABLE)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ","  # pasted from Excel/WPS: tabs
    try:
        rows = list(limits.checked_rows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
    except limits.Exceeded as err:
        raise RosterError(str(err)) from None
    except csv.Error as err:
        if "field larger than field limit" in str(err):  # csv's own limit, 131,072 characters
            raise RosterError(f"有一个单元格超过 {limits.MAX_CELL_CHARS} 个字符的上限：单元格里应是姓名或答案。") from None
        raise RosterError(f"表格格式有误（引号不成对或分隔符有误）。{_NOT_A_TABLE}") from None
    return _trim(rows)


def _trim(rows: Table) -> Table:
    """Drop trailing empty rows and columns (Excel leaves them)."""
    def blank(cell: Cell) -> bool:
        return cell is None or (isinstance(cell, str) and not cell.strip())

    while rows and all(blank(c) for c in rows[-1]):
        rows.pop()
    if len(rows) > MAX_ROWS + 1:
        raise RosterError(f"表格超过 {MAX_ROWS} 行：请分批检查。")
    width = max((i + 1 for row in rows for i, c in enumerate(row) if not blank(c)), default=0)
    return [row[:width] for row in rows]


def _read_book(kind: str, opener: Any, sheets_of: Any, closer: Any, unopenable: str) -> list[Sheet]:
    """Open a workbook and read its visible sheets; any damage is one message."""
    try:
        book = opener()
    except Exception:  # noqa: BLE001 - any damaged file gets one message, not a traceback
        raise RosterError(unopenable) from None
    try:
        sheets = sheets_of(book)
    except (RosterError, limits.Exceeded):  # a limit names itself
        raise
    except Exception:  # noqa: BLE001 - as above
        raise RosterError(f"无法读取这个 {kind} 文件的内容，文件可能已损坏。") from None
    finally:
        closer(book)
    if not sheets:
        raise RosterError(_NOT_A_TABLE)
    return sheets


def _read_xlsx(data: bytes) -> list[Sheet]:
    try:
        from openpyxl import load_workbook  # only for .xlsx: the rules never need it

        from . import xlsx_rows
    except ImportError:  # pragma: no cover - the batch extra is installed with the project
        raise RosterError("读取 .xlsx 需要 openpyxl：请安装 gxgm-checker[batch]，或把表格另存为 .csv。") from None
    limits.xlsx_archive(data)

    def rows_of(sheet: Any) -> Table:
        # Not the size the sheet declares (A1:XFD1048576 would pad every row
        # to 16,384 cells): each row as wide as its last cell, within limits.
        return _trim([[_xlsx_cell(c) for c in row] for row in limits.checked_rows(xlsx_rows.rows(sheet))])

    def sheets_of(book: Any) -> list[Sheet]:
        return [Sheet(sheet.title, rows_of(sheet))
                for sheet in book.worksheets if getattr(sheet, "sheet_state", "visible") == "visible"]

    return _read_book(".xlsx", lambda: load_workbook(io.BytesIO(data), read_only=True, data_only=True), sheets_of,
                      lambda book: book.close(), f"无法打开这个 .xlsx 文件，文件可能已损坏。{_NOT_A_TABLE}")


def _read_xls(data: bytes) -> list[Sheet]:
    """Excel 97–2003 (BIFF), still what many offices keep, through xlrd (pure
    Python, the ``batch`` extra; fetched by the page only for such a file)."""
    try:
        import xlrd  # only for .xls
    except ImportError:  # pragma: no cover - the batch extra is installed with the project
        raise RosterError("读取 .xls 需要 xlrd：请安装 gxgm-checker[batch]，或把表格另存为 .xlsx。") from None

    def sheets_of(book: Any) -> list[Sheet]:
        sheets = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if getattr(sheet, "visibility", 0) == 0:  # not a hidden sheet (a template's option lists)
                rows = list(limits.checked_rows([_xls_cell(sheet.cell(r, c), book.datemode) for c in range(sheet.ncols)]
                                                for r in range(sheet.nrows)))
                sheets.append(Sheet(sheet.name, _trim(rows)))
        return sheets

    return _read_book(".xls", lambda: xlrd.open_workbook(file_contents=data, on_demand=True), sheets_of,
                      lambda book: book.release_resources(),
                      "无法打开这个文件：它不是能读取的 Excel 工作簿（.xls）。如果是 WPS 表格（.et）或已损坏，"
                      "请在 Excel 或 WPS 中“另存为” .xlsx 后再打开。")


def _xls_cell(cell: Any, datemode: int) -> Cell:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return _xlsx_cell(xlrd.xldate.xldate_as_datetime(cell.value, datemode))
        except Exception:  # noqa: BLE001 - an impossible date: shown as the number it is
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
        return int(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return None
    return cell.value


def _xlsx_cell(value: Cell) -> Cell:
    if isinstance(value, _dt.datetime) and value.time() == _dt.time(0):
        return value.date()
    return value
