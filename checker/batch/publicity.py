"""The draft publicity list (公示名单，三（一）3) as a Word document (.docx)
the office edits before it posts it.

Why .docx: it is what offices edit and print (Word, WPS and LibreOffice open
and save it without a conversion prompt, unlike RTF or HTML saved as .doc),
and a plain one is three small XML files in a zip, written here with the
standard library: no extra package for the page to download.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from ..notice import clause_label
from ..parameters import FIGURES
from .roster import Batch

HEADER = ["序号", "姓名", "申报级别", "现有职称", "申报方式"]

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>")
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FONT = '<w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="SimSun"/>'


def _run(text: str, bold: bool = False, size: int = 24) -> str:
    props = f"<w:rPr>{_FONT}{'<w:b/>' if bold else ''}<w:sz w:val=\"{size}\"/></w:rPr>"
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(text: str, bold: bool = False, size: int = 24, center: bool = False) -> str:
    align = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return f"<w:p>{align}{_run(text, bold, size)}</w:p>"


def _table(rows: list[list[str]]) -> str:
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}</w:tblBorders></w:tblPr>']
    for n, row in enumerate(rows):
        header = '<w:trPr><w:tblHeader/></w:trPr>' if n == 0 else ""
        cells = "".join(f"<w:tc><w:tcPr/>{_paragraph(text, bold=n == 0)}</w:tc>" for text in row)
        out.append(f"<w:tr>{header}{cells}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def document_xml(batch: Batch, unit_name: str = "") -> str:
    people = batch.publicity()
    unit = unit_name.strip() or "（单位名称）"
    rows = [HEADER, *([str(n), p["name"], p["level"], p["current_title"], p["route"]]
                      for n, p in enumerate(people, 1))]
    body = [
        _paragraph(f"{unit}{FIGURES['year']}年度工艺美术系列专业技术资格申报人员公示", bold=True, size=32, center=True),
        _paragraph(f"根据{FIGURES['notice_number']}（{clause_label('3.1.3')}），现将本单位{FIGURES['year']}年度工艺美术系列"
                   f"专业技术资格申报人员的申报情况和申报材料情况公示如下（共 {len(people)} 人）："),
        _table(rows),
        _paragraph("公示期间，如对上述人员的申报情况或申报材料有异议，请向本单位人事（职改）部门反映。"
                   "公示完成后申报情况或申报材料发生变更的，将进行补充公示。"),
        _paragraph("联系人：__________　　联系电话：__________"),
        _paragraph(f"{unit}（盖章）　　　　年　　月　　日"),
        _paragraph("【草稿：由单位批量自查生成，只含自查工具知道的信息。请核对申报材料、补全公示期限和内容后再公示；"
                   "张贴前删去本段。】", size=18),
    ]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
            + "".join(body)
            + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
              '<w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="992" '
              'w:gutter="0"/></w:sectPr></w:body></w:document>')


def to_docx(batch: Batch, unit_name: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("word/document.xml", document_xml(batch, unit_name))):
            archive.writestr(zipfile.ZipInfo(name, (2017, 1, 1, 0, 0, 0)), text.encode("utf-8"),
                             compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
