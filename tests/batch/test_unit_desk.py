"""Templates generated from the questions, the unit's own checklist, the draft
publicity list, fees and the QR codes."""

from __future__ import annotations

import io

from checker import evaluate
from checker.batch import check_table, read_roster, read_text
from checker.batch.template import template_csv, template_xlsx
from checker.notice import clause_ids
from checker.questions import QUESTIONS

FULL = {"current_title": "intermediate", "civil_servant": False, "high_level_talent": False,
        "work_location": "guangxi", "employment_months": 24, "archive_months": 0, "unit_type": "state_owned",
        "unit_non_legal_branch": False, "retired": False, "meets_conditions": "yes",
        "other_application_this_year": False, "continuing_education_done": True}


def test_xlsx_template_has_every_question_and_drop_downs_for_choices() -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(template_xlsx()))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[0] == "姓名"
    assert header[1:] == [f"{q.label}（{q.id}）" for q in QUESTIONS]
    ranges = {str(dv.sqref).split(":")[0]: dv for dv in sheet.data_validations.dataValidation}
    choice_columns = [n for n, q in enumerate(QUESTIONS, start=2) if q.options]
    assert len(ranges) == len(choice_columns)
    options = book["选项"]
    for dv in ranges.values():
        assert dv.type == "list"
        column = dv.formula1.split("!$")[1][0]
        values = [c.value for c in options[column] if c.value]
        assert values  # the drop-down offers the options' Chinese labels
    # Filled in with the labels the drop-downs offer, it reads back as those answers.
    sheet.append(["甲", *[q.options[0].label if q.options else None for q in QUESTIONS]])
    out = io.BytesIO()
    book.save(out)
    row = check_table(read_roster(out.getvalue())).rows[0]
    assert row.errors == []
    assert all(row.answers[q.id] == q.options[0].value for q in QUESTIONS if q.options and q.id in row.answers)


def test_csv_template_reads_back_with_no_problem() -> None:
    data = template_csv() + "甲,高级\r\n".encode()
    assert data.startswith(b"\xef\xbb\xbf")
    row = check_table(read_roster(data)).rows[0]
    assert (row.name, row.answers.get("target_level"), row.errors) == ("甲", "senior", [])


def _batch(levels: list[str]):
    lines = ["姓名\t" + "\t".join(["target_level", *FULL])]
    for n, level in enumerate(levels):
        values = [level, *(str(v).lower() if isinstance(v, bool) else str(v) for v in FULL.values())]
        lines.append(f"人{n}\t" + "\t".join(values))
    return check_table(read_text("\n".join(lines)))


def test_unit_checklist_cites_clauses_and_asks_for_interviews_only_with_senior_applicants() -> None:
    junior = _batch(["junior", "intermediate"])
    items = {i["id"]: i for i in junior.unit_checklist()}
    for wanted, clause in [("unit_commitment", "3.1.1"), ("unit_verification", "3.1.2"), ("publicity", "3.1.3"),
                           ("unit_recommendation", "3.1.4"), ("unit_submission", "5"),
                           ("education_check_state", "3.3.1")]:
        assert items[wanted]["clause"] == clause and items[wanted]["everyone"]
    assert "interview_defence" not in items
    assert {i["clause"] for i in junior.unit_checklist()} <= clause_ids()
    assert any(i["id"].startswith("date-") and i["clause"] == "6.2" for i in items.values())
    senior = _batch(["junior", "senior"])
    interview = next(i for i in senior.unit_checklist() if i["id"] == "interview_defence")
    assert interview["clause"] == "3.1.4" and interview["rows"] == [3] and not interview["everyone"]


def test_the_unit_s_duties_the_notice_gives_are_listed_and_exported_with_their_detail() -> None:
    """三（一）3 补充公示, 五（三） 破格 explained in the 推荐意见, 五（四） 专家鉴定意见
    (issue 20): in the unit's list (the page and its print) and in the 清单 sheet."""
    from checker.batch.export import checklist_rows

    header = "姓名\t" + "\t".join(["target_level", *FULL, "exceptional", "preapproved"])
    row = lambda name, meets, exceptional: "\t".join(  # noqa: E731
        [name, "senior", *(str(v).lower() for v in {**FULL, "meets_conditions": meets}.values()), exceptional, "true"])
    batch = check_table(read_text("\n".join([header, row("甲", "no", "true"), row("乙", "yes", "false")])))
    items = {i["id"]: i for i in batch.unit_checklist()}
    assert "补充公示" in items["publicity"]["detail"] and items["publicity"]["clause"] == "3.1.3"
    assert items["exceptional_unit_statement"]["clause"] == "5.3" and items["exceptional_unit_statement"]["rows"] == [2]
    assert items["expert_opinion"]["clause"] == "5.4" and items["expert_opinion"]["everyone"]
    exported = {r[2]: r for r in checklist_rows(batch) if r[1].startswith("（单位")}
    assert "补充公示" in exported["单位公示申报情况和申报材料"][5]
    assert exported["在单位推荐意见中说明破格申报情况"][4] == "五（三）"
    assert exported["专家鉴定意见"][4] == "五（四）"


def test_fees_by_level_and_total() -> None:
    batch = _batch(["senior", "senior", "intermediate", "junior"])
    assert batch.fee_total == 380 * 2 + 230 + 150
    assert [(f["level"], f["persons"], f["yuan"]) for f in batch.fees_by_level()] == [
        ("senior", 2, 760), ("intermediate", 1, 230), ("junior", 1, 150)]
    assert batch.fee_total == sum(evaluate({"target_level": lv}).fee_yuan for lv in ["senior", "senior", "intermediate", "junior"])


def test_draft_publicity_list_names_the_route_and_leaves_out_who_cannot_apply() -> None:
    rows = read_text("姓名,target_level,current_title,civil_servant,meets_conditions,exceptional\n"
                     "甲,中级,初级,否,具备,\n乙,中级,无职称,否,具备,\n丙,高级,初级,否,不具备,是\n丁,初级,无职称,是,,\n")
    publicity = check_table(rows).publicity()
    assert [(p["name"], p["level"], p["current_title"], p["route"]) for p in publicity] == [
        ("甲", "中级", "初级", "正常"), ("乙", "中级", "无职称", "无职称"), ("丙", "高级", "初级", "破格")]


def test_qr_code_is_an_svg_of_the_link() -> None:
    from checker.batch.qr import qr_svg

    svg = qr_svg("https://gx.example/checker/?target_level=senior")
    assert svg.startswith("<svg") and "<path" in svg and "<script" not in svg


def test_the_unit_wide_questions_are_asked_in_the_unit_s_voice() -> None:
    """/unit/ asks what is the same for the whole unit as the unit (本单位…),
    never as the applicant (您…) (issue 20)."""
    from checker.batch.roster import UNIT_KEYS
    from checker.batch.words import unit_voice
    from sitegen.unit_page import page_html

    html = page_html()
    for key in UNIT_KEYS:
        asked = unit_voice(key)
        assert asked.label.startswith("本单位") and "您" not in asked.label + asked.hint, asked
        assert f'<legend class="q-label">{asked.label}</legend>' in html
