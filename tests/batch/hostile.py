"""Hostile roster files, made by the tests themselves (issue 18, 5 and 8-10):
each is small on disk and would cost gigabytes or minutes read naively.
Shared by tests/batch/test_hostile.py and bench/hostile.py."""

from __future__ import annotations

import io
import os
import zipfile

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _column(n: int) -> str:
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx(rows_xml: str, dimension: str = "A1:B3", shared: str = "", padding: int = 0) -> bytes:
    """A minimal .xlsx around a sheet's <sheetData> content. ``padding``
    bytes of whitespace inside the sheet make it a zip bomb (they compress
    to almost nothing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS}>{shared}</sst>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><dimension ref="{dimension}"/>'
                        f"<sheetData>{rows_xml}".encode())
            chunk = b" " * (1 << 20)
            for _ in range(padding // len(chunk)):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


HEADER = '<row r="1">' + _cell("A1", "姓名") + "</row>" + '<row r="2">' + _cell("A2", "甲") + "</row>"


def far_cell() -> bytes:
    """4.8 KB declaring A1:XFD1048576, one cell in the last row and column."""
    return xlsx(HEADER + '<row r="1048576">' + _cell("XFD1048576", "x") + "</row>", "A1:XFD1048576")


def far_row() -> bytes:
    return xlsx(HEADER + '<row r="1048576">' + _cell("A1048576", "x") + "</row>", "A1:A1048576")


def zip_bomb() -> bytes:
    """Some 60 MB of sheet once uncompressed, about 60 KB on disk."""
    return xlsx(HEADER, padding=60 << 20)


def many_rows(count: int = 20100) -> bytes:
    return xlsx("".join(f'<row r="{n}">{_cell(f"A{n}", "甲")}</row>' for n in range(1, count + 1)), f"A1:A{count}")


def wide() -> bytes:
    """A header row of 16,000 columns."""
    return xlsx('<row r="1">' + "".join(_cell(f"{_column(n)}1", "x") for n in range(1, 16001)) + "</row>")


def shared_strings_bomb() -> bytes:
    """A table of shared strings 50 MB long once uncompressed."""
    return xlsx(HEADER, shared="<si><t>" + "甲" * (17 << 20) + "</t></si>")


def encrypted() -> bytes:
    """What Excel writes for an .xlsx with an opening password: an OLE
    compound file holding an "EncryptedPackage" stream (not a zip)."""
    directory = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00")
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + directory + os.urandom(2048)


def png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    pixels = zlib.compress(b"".join(b"\x00" + os.urandom(3 * 64) for _ in range(64)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def huge_cell_csv() -> bytes:
    return ("姓名,target_level\n" + '"' + "甲" * 140_000 + '",senior\n').encode("utf-8")


def long_cell_csv() -> bytes:
    return ("姓名,target_level\n" + "乙" * 3000 + ",senior\n").encode("utf-8")


def many_rows_csv(count: int = 20100) -> bytes:
    return ("姓名\n" + "甲\n" * count).encode("utf-8")


def wide_csv(columns: int = 25000) -> bytes:
    return (",".join(["姓名"] + [f"c{n}" for n in range(columns)]) + "\n甲\n").encode("utf-8")


def mixed_encodings() -> bytes:
    """A header in ASCII, one row in UTF-8, one in GBK (pasted together)."""
    return b"name,target_level\n" + "张三,senior\n".encode("utf-8") + "李四,senior\n".encode("gbk")


#: name → (bytes, file name, words the message must contain)
HOSTILE = {
    "far cell (A1:XFD1048576)": (far_cell, "far.xlsx", "列数超过 200 列的上限"),
    "far row": (far_row, "far-row.xlsx", "超过 20000 行的上限"),
    "zip bomb": (zip_bomb, "bomb.xlsx", "解压后"),
    "20,100 rows (.xlsx)": (many_rows, "rows.xlsx", "超过 20000 行的上限"),
    "16,000 columns": (wide, "wide.xlsx", "列数超过 200 列的上限"),
    "shared-strings bomb": (shared_strings_bomb, "strings.xlsx", "解压后"),
    "encrypted .xlsx": (encrypted, "secret.xlsx", "设有打开密码"),
    "PNG": (png, "photo.png", "文件不是表格"),
    "cell past csv's field limit": (huge_cell_csv, "huge.csv", "超过 2000 个字符的上限"),
    "long cell": (long_cell_csv, "long.csv", "超过 2000 个字符的上限"),
    "20,100 rows (.csv)": (many_rows_csv, "rows.csv", "超过 20000 行的上限"),
    "25,000 columns (.csv)": (wide_csv, "wide.csv", "列数超过 200 列的上限"),
    "mixed encodings": (mixed_encodings, "mixed.csv", "第3行无法按"),
}
