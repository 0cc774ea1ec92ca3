"""Hostile and huge roster files (issue 18, 5 and 8-10): limits enforced
while reading, and the messages for files that are not what they claim.

A 4.8 KB ``.xlsx`` declaring ``A1:XFD1048576``, a 432 KB zip of 3 million
rows, 25,000 columns or a table of shared strings could take gigabytes and
minutes before; each is now stopped at the first limit it passes, with a
message that names the limit, before the work it would cost. The figures
are far above any unit's staff list (a 1,000-row roster is about 100 KB).

Called from ``reading.py`` (and ``cli.py``); this module raises
:class:`Exceeded`, which the reader turns into its own ``RosterError``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

#: Rows below the header row (reading.MAX_ROWS says the same).
MAX_ROWS = 20000
#: Columns: the questions, the name and a unit's own columns fit many times over.
MAX_COLUMNS = 200
#: Characters in one cell: a name or an answer, never a page of text.
MAX_CELL_CHARS = 2000
#: Bytes of the files inside an .xlsx once uncompressed (its sheets, shared
#: strings …): a 20,000-row roster of 30 columns is about 20 MB.
MAX_XLSX_UNCOMPRESSED = 40 * 1024 * 1024
#: The file itself, on the page and on the command line (the page says so
#: before reading; a 285 MB CSV crashed a tab).
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILE_TEXT = "20 MB"


class Exceeded(ValueError):
    """A file past one of the limits above, or not a table at all; the
    message is for the person who chose it."""


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def file_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise Exceeded(f"文件太大（{_mb(size)}），超过 {MAX_FILE_TEXT} 的上限，不像是一份花名册：请只保留要检查的人员，或分批检查。")


# ---- what a file is -----------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Magic numbers of files that are surely not tables (images, PDF, archives …).
_NOT_TEXT = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"BM", b"RIFF", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!",
             b"II*\x00", b"MM\x00*", b"\x00\x00\x01\x00", b"wOF2", b"\x7fELF", b"MZ")


def is_encrypted_office(data: bytes) -> bool:
    """An .xlsx with an opening password is an OLE file holding an
    "EncryptedPackage" stream, not a zip."""
    return data.startswith(_OLE) and _ENCRYPTED_PACKAGE in data[:1 << 20]


# The stream's name as the OLE directory writes it (UTF-16LE), spelled out:
# the page's trimmed standard library has no UTF-16 codec.
_ENCRYPTED_PACKAGE = bytes(b for ch in b"EncryptedPackage" for b in (ch, 0))


def is_binary(data: bytes) -> bool:
    """Whether the bytes are surely no text table (checked before decoding, so
    that an image gets "not a table", not a message about encodings)."""
    if data.startswith(_NOT_TEXT) or data.startswith(b"PK\x03\x04"):
        return True
    head = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NUL bytes of its own
        return False
    return b"\x00" in head


# ---- mixed encodings ----------------------------------------------------------

def mixed_encoding_rows(data: bytes) -> list[int] | None:
    """For a file that is not UTF-8 as a whole: the lines (1-based) that are not
    UTF-8 when other non-ASCII lines are, i.e. a file pasted together from two
    encodings (a header in ASCII, a row in UTF-8, one in GBK). None when the
    file is of one encoding."""
    utf8, other = [], []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8.append(number)
        except UnicodeDecodeError:
            other.append(number)
    return other if utf8 and other else None


def rows_text(numbers: list[int]) -> str:
    shown = "、".join(map(str, numbers[:10])) + ("……" if len(numbers) > 10 else "")
    return f"第{shown}行"


# ---- while reading --------------------------------------------------------------

_DOUBLE = re.compile(r"[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """Text pasted or decoded with a lone surrogate (half of a character, e.g.
    from a broken copy) cannot be written to any file: replaced by U+FFFD."""
    return _DOUBLE.sub("\ufffd", text)


def checked_rows(rows: Iterable[list[Any] | tuple[Any, ...]]) -> Iterator[list[Any]]:
    """Rows as they are read, stopped at the first row, column or cell past a
    limit. Trailing empty rows do not count (Excel leaves them), but a cell far
    below the table does: it would make the table that long. Past the row
    limit nothing is kept, so a sheet of a million empty rows costs no memory."""
    over = MAX_ROWS + 1
    for number, row in enumerate(rows, start=1):
        if not row:  # the fast way through a gap of a million rows (openpyxl yields them empty)
            if number <= over:
                yield []
            continue
        if len(row) > MAX_COLUMNS:
            width = max((i + 1 for i, c in enumerate(row) if c not in (None, "")), default=0)
            if width > MAX_COLUMNS:
                raise Exceeded(f"表格的列数超过 {MAX_COLUMNS} 列的上限（第{number}行有第 {width} 列）：请只保留姓名和各个问题的列。")
            row = row[:MAX_COLUMNS]
        empty = True
        for column, cell in enumerate(row, start=1):
            if cell is None or cell == "":
                continue
            empty = False
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise Exceeded(f"第{number}行第 {column} 列的内容超过 {MAX_CELL_CHARS} 个字符的上限：单元格里应是姓名或答案。")
        if number > over:
            if empty:
                continue  # past the limit, only a cell with content counts
            raise Exceeded(f"表格超过 {MAX_ROWS} 行的上限（第{number}行还有内容）：请分批检查，或删去表格下方多余的内容。")
        yield list(row)


def xlsx_archive(data: bytes) -> None:
    """Before openpyxl opens an .xlsx: its uncompressed size as the zip declares
    it (zipfile never reads past a declared size, so a zip bomb that lies is
    "damaged" instead)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # damaged: openpyxl's own failure gives the message
    if total > MAX_XLSX_UNCOMPRESSED:
        raise Exceeded(f"这个 .xlsx 文件解压后有 {_mb(total)}，超过 {_mb(MAX_XLSX_UNCOMPRESSED)} 的上限，不像是一份花名册：请另存一份只含人员表格的文件。")
