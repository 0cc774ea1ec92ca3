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
from typing import Any

from . import limits

Cell = Any  # str, or int/float/bool/date/datetime/None from an .xlsx
Table = list[list[Cell]]

MAX_ROWS = limits.MAX_ROWS  # far above any unit's staff; guards the page against a wrong file


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RosterError(ValueError):
    """A roster that cannot be read at all (empty, not a table, unknown encoding)."""


_NOT_A_TABLE = "文件不是表格：请使用 .csv 或 .xlsx 文件（第一行为列标题，如“姓名”），或从 Excel/WPS 复制表格后粘贴。"


def read_roster(data: bytes, filename: str = "") -> Table:
    """Read a roster file: ``.xlsx`` (by its content, a zip) or CSV/TSV text."""
    if not data or not data.strip():
        raise RosterError("文件是空的：没有任何内容。")
    try:
        limits.file_size(len(data))
        if data[:4] == b"PK\x03\x04":
            return _read_xlsx(data)
    except limits.Exceeded as err:
        raise RosterError(str(err)) from None
    if limits.is_encrypted_office(data):
        raise RosterError("这个 Excel 文件设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存为 .xlsx 或 .csv，再打开。")
    if filename.lower().endswith((".xls", ".et")) or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise RosterError("不支持旧版 Excel（.xls）文件：请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后再打开。")
    if limits.is_binary(data):  # an image, a PDF …: not a question of encodings
        raise RosterError(_NOT_A_TABLE)
    return read_text(decode(data))


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
        raise RosterError("没有内容：请粘贴包括标题行在内的表格，或选择文件。")
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


def _read_xlsx(data: bytes) -> Table:
    try:
        from openpyxl import load_workbook  # only for .xlsx: the rules never need it
    except ImportError:  # pragma: no cover - the batch extra is installed with the project
        raise RosterError("读取 .xlsx 需要 openpyxl：请安装 gxgm-checker[batch]，或把表格另存为 .csv。") from None
    limits.xlsx_archive(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - any damaged file gets one message, not a traceback
        raise RosterError(f"无法打开这个 .xlsx 文件（{type(err).__name__}）：{_NOT_A_TABLE}") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise RosterError(_NOT_A_TABLE)
        # Not the size the sheet declares (A1:XFD1048576 would pad every row
        # to 16,384 cells): each row as wide as its last cell, within limits.
        sheet.reset_dimensions()
        rows = list(limits.checked_rows(sheet.iter_rows(values_only=True)))
    except (RosterError, limits.Exceeded):
        raise
    except Exception as err:  # noqa: BLE001 - as above
        raise RosterError(f"无法读取这个 .xlsx 文件的内容（{type(err).__name__}）。") from None
    finally:
        book.close()
    rows = [[_xlsx_cell(c) for c in row] for row in rows]
    return _trim(rows)


def _xlsx_cell(value: Cell) -> Cell:
    if isinstance(value, _dt.datetime) and value.time() == _dt.time(0):
        return value.date()
    return value
