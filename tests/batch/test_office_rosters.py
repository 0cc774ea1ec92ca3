"""Rosters as offices keep them (issue 17): a title above the table, a two-row
merged header, a 填表说明 sheet first, .xls, GB18030 CSV as Excel saves it,
pasted text, short headings, everyday words, the unit's own columns; one test
per reading rule, and the CLI against the rules for every form."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from checker import evaluate
from checker.batch import RosterError, check_table, read_text
from checker.batch.export import to_csv as export_csv, to_xlsx as export_xlsx
from checker.batch.publicity import to_docx
from checker.batch.reading import read_sheets
from checker.batch.roster import UnitAnswerError, check_sheets, unit_answers
from checker.questions import BY_ID

from .rosters import OWN, TITLE, answer_sets, office_files, staff_sets
from .test_cli import run

SETS = staff_sets(24, seed=3) + answer_sets(8, seed=4)
FILES = office_files(SETS)
WANT = [evaluate(a) for a in SETS]
WHERE = {"表格标题.xlsx": ("Sheet1", 2), "两行列标题.xlsx": ("花名册", 3), "旧版.xls": ("花名册", 3),
         "excel-gb18030.csv": (None, 2), "粘贴.tsv": (None, 1)}


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_form_gives_the_rules_verdicts_and_fees_on_the_command_line(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(FILES[name])
    proc = run("batch", str(tmp_path / name))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["sheet"], out["header_row"]) == WHERE[name]
    first = WHERE[name][1] + 1
    assert [r["row"] for r in out["rows"]] == list(range(first, first + len(SETS)))  # rows as the officer sees them
    assert [r["name"] for r in out["rows"]] == [f"职工{n + 1:04d}" for n in range(len(SETS))]
    assert [r["verdict"] for r in out["rows"]] == [w.verdict for w in WANT]
    assert [r["fee_yuan"] for r in out["rows"]] == [w.fee_yuan for w in WANT]
    assert all(r["errors"] == [] for r in out["rows"])
    assert out["ignored_columns"] == OWN
    assert proc.stderr.count("未用于判断的列") == len(OWN)  # once each, never per row


def test_what_was_read_is_said_in_the_officer_s_words() -> None:
    batch = check_sheets(read_sheets(FILES["两行列标题.xlsx"]))
    assert batch.read_as() == "读取工作表“花名册”，第3行为列标题。"
    assert "标题行" not in batch.read_as()


def test_a_title_alone_above_the_table_is_not_a_group_heading() -> None:
    rows = [[TITLE, None, None], ["姓名", "申报级别", None], ["甲", "中级", "x"]]
    batch = check_table(rows)
    assert batch.header_row == 2 and [c.header for c in batch.columns] == ["姓名", "申报级别", "C列"]
    assert batch.rows[0].answers["target_level"] == "intermediate"


def test_a_group_heading_is_combined_with_the_heading_below_it() -> None:
    rows = [["序号", "姓名", "是否", None], [None, None, "公务员", "退休"], [1, "甲", "否", "是"]]
    batch = check_table(rows)
    assert batch.header_row == 2
    assert batch.rows[0].answers["civil_servant"] is False and batch.rows[0].answers["retired"] is True
    assert batch.ignored_columns == ["序号"]


def test_a_sheet_of_instructions_before_the_roster_is_passed_over_and_a_file_without_a_roster_says_so() -> None:
    assert check_sheets(read_sheets(FILES["表格标题.xlsx"])).sheet == "Sheet1"
    with pytest.raises(RosterError) as caught:
        check_table([["会议纪要"], ["请各部门于6月前报送。"]])
    assert "没有可识别的列" in str(caught.value) and "标题行" not in str(caught.value)
    with pytest.raises(RosterError) as caught:
        check_table([["申报级别", "现职称"], ["中级", "初级"]])
    assert "“姓名”" in str(caught.value)


def test_short_headings_and_the_template_s_and_keys_read_the_same() -> None:
    short = read_text("姓名,拟申报级别,现职称,是否公务员,单位类型,是否退休,是否破格,继续教育\n甲,副高级,中级,否,民企,否,否,是\n")
    full = read_text("name,target_level,current_title,civil_servant,unit_type,retired,exceptional,"
                     "continuing_education_done\n甲,senior,intermediate,false,non_public,false,false,true\n")
    assert check_table(short).rows[0].answers == check_table(full).rows[0].answers


def test_an_ambiguous_heading_is_not_guessed_and_says_which_headings_to_use() -> None:
    batch = check_table(read_text("姓名,退休时间\n甲,2016-06-30\n"))
    column = batch.ignored[0]
    assert column.header == "退休时间" and "办理退休手续日期" in column.problem and "达到退休年龄日期" in column.problem
    assert "retirement_date" not in batch.rows[0].answers and batch.rows[0].errors == []


@pytest.mark.parametrize("key, cell, answer", [
    *[("civil_servant", w, True) for w in ["是", "是的", "√", "✓", "Y", "yes", "1", "有", "对", " 是。", "Ｙ"]],
    *[("civil_servant", w, False) for w in ["否", "不是", "×", "✗", "N", "no", "0", "无"]],
    ("civil_servant", 1, True), ("civil_servant", 0.0, False), ("civil_servant", True, True),
    *[("target_level", w, "senior") for w in ["高级", "副高", "副高级", "高级工艺美术师"]],
    ("target_level", "助理工艺美术师", "junior"), ("target_level", "工艺美术师", "intermediate"),
    ("target_level", "中级", "intermediate"), ("target_level", "初级", "junior"),
    *[("current_title", w, "none") for w in ["无", "暂无", "无职称", "没有"]],
    *[("unit_type", w, "non_public") for w in ["民营企业", "私营企业", "民企"]],
    *[("unit_type", w, "state_owned") for w in ["国企", "国有企业", "事业单位"]],
    *[("unit_type", w, "collective") for w in ["集体", "集体企业", "集体单位"]],
    ("unit_ownership", "集体", "collective"),
    *[("retirement_date", w, "2017-06-30") for w in [dt.date(2017, 6, 30), dt.datetime(2017, 6, 30), 42916, "42916",
                                                     "20170630", "2017/6/30", "2017.6.30", "2017-06-30 00:00:00",
                                                     "2017年6月30日", "2017-06-30"]],
    *[("employment_months", w, 24) for w in [24, 24.0, "24", "24个月", "2年", "两年", "２４"]],
    ("employment_months", "1年6个月", 18), ("employment_months", "一年半", 18),
])
def test_everyday_words_in_cells(key: str, cell, answer) -> None:
    from checker.batch.columns import to_answer

    assert to_answer(BY_ID[key], cell) == answer


@pytest.mark.parametrize("heading, cell, says", [
    ("申报级别", "正高", "正高级不在本通知的评审范围内"),
    ("单位性质", "分公司", "外省驻桂企业的分支机构"),
    ("申报级别", "特级", "“初级”、“中级”、“高级”"),
    ("是否公务员", "也许", "“是”或“否”"),
    ("本单位工作月数", "2000", "超出范围"),
    ("达到退休年龄日期", "2017-02-30", "这一天不存在"),
])
def test_a_cell_that_is_no_answer_gets_a_message_for_the_officer(heading: str, cell: str, says: str) -> None:
    batch = check_table(read_text(f"序号,姓名,{heading}\n1,甲,{cell}\n"))
    row = batch.rows[0]
    assert row.verdict is None
    message = row.errors[0]["message"]
    assert row.errors[0]["column"] == heading and message.startswith(f"C2：收到“{cell}”") and says in message
    for word in ("true", "false", "target_level", "unit_type", "civil_servant", "Error", "Invalid"):
        assert word not in message


def test_the_unit_s_answers_take_headings_and_everyday_words_too() -> None:
    assert unit_answers({"单位性质": "民企", "工作所在地": "广西"}) == {"unit_type": "non_public", "work_location": "guangxi"}
    assert unit_answers({"unit_type": "non_public", "work_location": "guangxi"}) == {
        "unit_type": "non_public", "work_location": "guangxi"}
    with pytest.raises(UnitAnswerError) as caught:
        unit_answers({"单位性质": "分公司"})
    assert "外省驻桂企业的分支机构" in str(caught.value)


def test_unit_option_in_chinese_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("姓名,申报级别\n甲,中级\n", encoding="utf-8")
    (tmp_path / "u.json").write_text('{"单位性质": "民营企业", "工作所在地": "区内"}', encoding="utf-8")
    proc = run("batch", str(tmp_path / "r.csv"), "--unit", str(tmp_path / "u.json"))
    assert proc.returncode == 0, proc.stderr
    want = evaluate({"target_level": "intermediate", "unit_type": "non_public", "work_location": "guangxi"})
    assert json.loads(proc.stdout)["rows"][0]["verdict"] == want.verdict


def test_an_et_file_is_asked_to_be_saved_as_xlsx_or_xls() -> None:
    with pytest.raises(RosterError) as caught:
        read_sheets(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "花名册.et")
    assert ".xlsx" in str(caught.value) and ".xls" in str(caught.value) and "WPS" in str(caught.value)


def _links(values) -> list[str]:
    return [v for v in values if isinstance(v, str) and "/checker/" in v]


def _no_answers_in_query(link: str) -> None:
    parts = urlsplit(link)
    assert parts.query == "", link  # a query string is sent to the server: answers go after #
    assert dict(parse_qsl(parts.fragment))  # the answers are there, in the fragment


def test_every_link_of_the_cli_s_exports_keeps_the_answers_after_the_hash(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    (tmp_path / "r.xlsx").write_bytes(FILES["两行列标题.xlsx"])
    for out in ("o.csv", "o.xlsx"):
        proc = run("batch", str(tmp_path / "r.xlsx"), "--out", str(tmp_path / out), "--base-url", "https://gx.example/")
        assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "o.csv").read_bytes().decode("utf-8-sig")
    links = _links(v for row in csv.reader(io.StringIO(text)) for v in row)
    book = load_workbook(tmp_path / "o.xlsx")
    links_xlsx = _links(c.value for sheet in book for row in sheet.iter_rows() for c in row)
    assert len(links) == len(links_xlsx) == len(SETS)
    for link in links + links_xlsx:
        assert link.startswith("https://gx.example/checker/#")
        _no_answers_in_query(link)


def test_the_export_reads_back_as_the_same_people_verdicts_and_fees_with_the_unit_s_own_columns() -> None:
    from openpyxl import load_workbook

    batch = check_sheets(read_sheets(FILES["旧版.xls"]))
    data = export_xlsx(batch, "https://gx.example/")
    again = check_sheets(read_sheets(data, "结果.xlsx"))
    assert [(r.name, r.verdict, r.fee_yuan) for r in again.rows] == [(r.name, r.verdict, r.fee_yuan) for r in batch.rows]
    csv_again = check_sheets(read_sheets(export_csv(batch), "结果.csv"))
    assert [r.verdict for r in csv_again.rows] == [r.verdict for r in batch.rows]
    sheet = load_workbook(io.BytesIO(data))["汇总"]
    header = [c.value for c in sheet[1]]
    assert header[-len(OWN):] == OWN  # the unit's own columns beside the results, to match rows back
    assert [c.value for c in sheet[2]][header.index("工号")] == "G0000"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{len(SETS) + 1}"
    widths = {c: sheet.column_dimensions[c].width for c in ("B", "C")}
    assert all(w >= 8 for w in widths.values())  # 姓名 and 申报级别 fit
    assert sheet.column_dimensions[sheet.cell(1, header.index("须满足的条件") + 1).column_letter].width > 20


def test_an_ineligible_person_s_lines_say_why_and_whom_to_ask_without_fee_or_checklist() -> None:
    from checker.batch.export import checklist_rows, summary_rows

    batch = check_table(read_text("姓名,申报级别,是否公务员\n甲,高级,是\n乙,中级,否\n"))
    rows = summary_rows(batch, "/")
    header, first = rows[0], rows[1]
    assert first[header.index("结论")] == "不能申报" and first[header.index("评审费（元）")] == ""
    assert "公务员" in first[header.index("不能申报的原因")] and "0771" in first[header.index("不能申报的原因")]
    lines = [r for r in checklist_rows(batch) if r[1] == "甲"]
    assert any("咨询" in r[2] for r in lines) and not any(r[2] == "评审费（报送材料时一次付清）" for r in lines)


def test_counts_add_up_and_no_ineligible_person_is_in_the_fee_for_those_who_may_apply() -> None:
    batch = check_sheets(read_sheets(FILES["粘贴.tsv"]))
    assert sum(batch.counts.values()) + batch.not_checked == len(batch.rows)
    assert batch.fee_applying == sum(w.fee_yuan for w in WANT if w.verdict in ("eligible", "conditional"))
    assert any(w.verdict == "ineligible" for w in WANT)


def test_the_publicity_draft_is_a_word_document_headed_by_the_unit_s_name() -> None:
    batch = check_sheets(read_sheets(FILES["粘贴.tsv"]))
    with zipfile.ZipFile(io.BytesIO(to_docx(batch, "南宁某某工艺品有限公司"))) as docx:
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(docx.namelist())
        xml = docx.read("word/document.xml").decode("utf-8")
    from xml.etree import ElementTree

    text = "".join(t.text or "" for t in ElementTree.fromstring(xml).iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert text.startswith("南宁某某工艺品有限公司2017年度") and "三（一）3" in text and "补充公示" in text
    people = [p["name"] for p in batch.publicity()]
    assert people and all(name in text for name in people)
    ineligible = [r.name for r in batch.rows if r.verdict == "ineligible"]
    assert ineligible and not any(name in text for name in ineligible)
