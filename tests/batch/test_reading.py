"""Reading a roster: encodings, pasted text, .xlsx, columns and cells."""

from __future__ import annotations

import datetime as dt

import pytest

from checker import evaluate
from checker.batch import RosterError, check_table, read_roster, read_text, unit_answers
from checker.questions import BY_ID

from .rosters import answer_sets, table, to_csv, to_xlsx

SETS = answer_sets(40)
ROWS = table(SETS)
EXPECTED = [evaluate(a).verdict for a in SETS]


def verdicts(batch) -> list[str | None]:
    return [r.verdict for r in batch.rows]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_in_every_encoding_excel_and_wps_write_reads_the_same(encoding: str) -> None:
    data = to_csv(ROWS).encode(encoding)
    batch = check_table(read_roster(data, "花名册.csv"))
    assert verdicts(batch) == EXPECTED
    assert [r.name for r in batch.rows] == [row[0] for row in ROWS[1:]]
    assert all(r.errors == [] for r in batch.rows)


def test_pasted_tab_separated_text_and_xlsx_read_the_same() -> None:
    assert verdicts(check_table(read_text(to_csv(ROWS, "\t")))) == EXPECTED
    assert verdicts(check_table(read_roster(to_xlsx(ROWS), "花名册.xlsx"))) == EXPECTED


def test_xlsx_numbers_dates_and_booleans_are_answers() -> None:
    rows = [["姓名", "target_level", "civil_servant", "retired", "retirement_date", "archive_months"],
            ["张三", "中级", False, True, dt.datetime(2016, 12, 31), 12.0]]
    batch = check_table(read_roster(to_xlsx(rows)))
    assert batch.rows[0].errors == []
    assert batch.rows[0].answers["retirement_date"] == "2016-12-31"
    assert batch.rows[0].answers["civil_servant"] is False


def test_chinese_labels_keys_and_loose_spelling_of_cells_and_headers() -> None:
    header = ["name", BY_ID["target_level"].label.rstrip("？"), "civil_servant", "您现在持有哪一级专业技术资格（职称）?",
              "retirement_date", "retired"]
    rows = read_text("\n".join(["\t".join(header), "甲\t中级\t否\t无职称\t2017年6月30日\t是",
                                "乙\tintermediate\tFALSE\tnone\t2017/6/30\ttrue"]))
    batch = check_table(rows)
    assert [r.answers for r in batch.rows][0] == batch.rows[1].answers
    assert batch.rows[0].answers["retirement_date"] == "2017-06-30"
    assert batch.rows[0].errors == []


def test_unit_answers_apply_to_every_row_unless_the_row_says_otherwise() -> None:
    rows = [["姓名", "work_location", "unit_type"], ["甲", "", ""], ["乙", "", "国有企事业单位"]]
    batch = check_table(rows, unit_answers({"work_location": "guangxi", "unit_type": "non_public"}))
    assert batch.rows[0].answers["unit_type"] == "non_public"
    assert batch.rows[1].answers["unit_type"] == "state_owned"
    assert batch.rows[1].verdict == evaluate({"work_location": "guangxi", "unit_type": "state_owned"}).verdict


def test_bad_cells_are_reported_by_cell_address_for_the_officer_and_other_rows_go_on() -> None:
    rows = [["姓名", "申报级别", "retirement_date", "retired", "备注"],
            ["甲", "特级", "", "", ""],
            ["乙", "高级", "2017-02-30", "是", ""],
            ["丙", "高级", "", "否", "调入"],
            ["", "初级", "", "", ""]]
    batch = check_table(rows)
    first, second, third, fourth = batch.rows
    assert (first.row, first.verdict) == (2, None)
    assert first.errors == [{"column": "申报级别", "message": "B2：收到“特级”，无法识别，请填写“初级”、“中级”、“高级”。"}]
    assert second.verdict is None and second.errors[0]["column"] == "retirement_date"
    assert second.errors[0]["message"].startswith("C3：收到“2017-02-30”，这一天不存在")
    # The unit's own column is listed once and never a problem of a row.
    assert third.verdict == evaluate({"target_level": "senior", "retired": False}).verdict
    assert third.errors == [] and batch.ignored_columns == ["备注"] and third.own == ["调入"]
    assert fourth.row == 5 and fourth.verdict is not None and fourth.errors[0] == {
        "column": "姓名", "message": "A5：姓名为空：请填写姓名，以便核对。"}
    for row in batch.rows:  # no answer key, true/false or exception name in a message for a person
        for error in row.errors:
            assert not any(w in error["message"] for w in ("target_level", "true", "false", "Error", "senior"))


@pytest.mark.parametrize("data, message", [
    (b"", "空"),
    (b"   \r\n", "空"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "不是表格"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "不是表格"),  # an image is no table, whatever its bytes (issue 18, 10)
    ("这是一段话，不是表格。\n第二行".encode("utf-8"), "没有可识别的列"),
    ("编号,部门\n1,设计部\n".encode("gb18030"), "没有可识别的列"),
    ("target_level\n高级\n".encode("utf-8"), "姓名"),
    (b"PK\x03\x04broken zip", ".xlsx"),
])
def test_empty_and_non_tables_get_one_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(RosterError) as caught:
        check_table(read_roster(data, "x.csv"))
    assert message in str(caught.value)


def test_blank_lines_hold_no_one_and_row_numbers_still_count_them() -> None:
    batch = check_table(read_text("姓名,target_level\n甲,高级\n,\n乙,初级\n\n"))
    assert [(r.row, r.name) for r in batch.rows] == [(2, "甲"), (4, "乙")]
