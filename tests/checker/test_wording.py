"""What a person reads in a result says only what the notice says (issue 16,
items 5, 6, 8, 13, 22; issue 20, the 破格 approver)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from checker import evaluate
from checker.catalog import ITEMS, STEPS
from checker.findings import FINDINGS
from checker.parameters import FIGURES
from checker.questions import BY_ID, QUESTIONS

from .scenarios import load_scenarios

SCENARIOS = load_scenarios()


def _texts(result) -> list[str]:
    """Every sentence of a result a person reads."""
    return ([f.message for f in result.findings] + [f"{c.title} {c.detail}" for c in result.checklist]
            + [s.title for s in result.steps])


def _result(scenario: dict):
    return evaluate(scenario["answers"], today=dt.date.fromisoformat(scenario.get("today", "2017-06-01")))


def test_the_archive_months_are_counted_to_the_time_of_applying() -> None:
    assert "算到申报时" in BY_ID["archive_months"].hint
    assert "算到申报时" in BY_ID["employment_months"].hint


def test_for_a_junior_the_conditions_name_no_document() -> None:
    hint = BY_ID["meets_conditions"].hint
    assert "初级" in hint and FIGURES["office"] in hint
    junior = evaluate({"target_level": "junior", "current_title": "none", "meets_conditions": "unsure",
                       "exceptional": False})
    finding = next(f for f in junior.findings if f.id == "check_conditions_junior")
    assert "通知没有写明" in finding.message and FIGURES["phone"] in finding.message
    assert "104号" not in finding.message.split("；")[1]  # named only as what 四（二） gives 高、中级


def test_the_retirement_date_hint_says_which_date() -> None:
    hint = BY_ID["retirement_date"].hint
    assert "法定退休年龄的那一天" in hint and "不是出生日期" in hint and "通知没有写退休年龄" in hint


def test_original_scans_keep_the_notices_hedge() -> None:
    assert "原则上" in ITEMS["original_scans"].title


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s["answers"].get("entrusted_from_other_province")
                                      and s["answers"].get("work_location") == "outside_guangxi"],
                         ids=lambda s: s["name"])
def test_entrusted_applicants_get_no_guangxi_city_channel(scenario: dict) -> None:
    result = _result(scenario)
    text = "\n".join(_texts(result))
    for words in ("单位版", "区直主管部门", "市或厅局职改部门", "市（厅、局）职改部门将材料送到"):
        assert words not in text, words
    if scenario["answers"].get("target_level") != "senior":
        assert "高级评审委员会" not in text
    if scenario["answers"].get("entrustment_approved"):
        assert "entrustment" not in {s.id for s in result.steps}


def test_no_guidance_to_submit_after_the_round_closed() -> None:
    for scenario in SCENARIOS[:20]:
        closed = evaluate(scenario["answers"], today=dt.date(2017, 8, 11))
        messages = "".join(f.message for f in closed.findings)
        assert "及早" not in messages and "由谁缴纳" not in messages, scenario["name"]
    open_ = evaluate(SCENARIOS[0]["answers"], today=dt.date(2017, 8, 10))
    assert "及早" in "".join(f.message for f in open_.findings)


def test_no_broken_ask_sentences() -> None:
    """“也可请向…”, “请请”, a doubled 咨询 … never reach a person."""
    texts = [d.text.format(**FIGURES, months=0, today="x") for d in FINDINGS.values()]
    texts += [f"{d.title}{d.detail}" for d in ITEMS.values()] + [d.title for d in STEPS.values()]
    texts += [q.hint for q in QUESTIONS] + [q.label for q in QUESTIONS]
    for text in texts:
        assert not re.search(r"也可请|请请|咨询。咨询|，。|。。|也可以请", text), text


EXCEPTIONAL = [s for s in SCENARIOS if s["answers"].get("exceptional") and s["answers"].get("meets_conditions") in ("no", "unsure")]


@pytest.mark.parametrize("scenario", EXCEPTIONAL, ids=lambda s: s["name"])
def test_exceptional_application_names_one_approver_and_one_approval_step(scenario: dict) -> None:
    result = _result(scenario)
    text = "\n".join(_texts(result))
    assert "评委会同意" not in text and "职改部门审核同意" not in text
    approval_steps = [s for s in result.steps if "审批" in s.title or "审核同意" in s.title]
    preapproved = scenario["answers"].get("preapproved")
    assert len(approval_steps) == (0 if preapproved else 1), [s.title for s in approval_steps]
    if not preapproved:
        assert FIGURES["office"] in approval_steps[0].title and "原件" in approval_steps[0].title
    items = {c.id for c in result.checklist}
    assert ("exceptional_originals" in items) is (not preapproved)


def test_there_are_exceptional_scenarios_both_ways() -> None:
    assert {bool(s["answers"].get("preapproved")) for s in EXCEPTIONAL} == {True, False}


def test_the_units_report_goes_where_five_says() -> None:
    """五: 上报各市人事职改部门或区直主管部门审核签章 (not a 市主管部门 the notice
    does not name), in every item and step that names that stage."""
    notice_words = "各市人事职改部门或区直主管部门审核签章"
    texts = [f"{d.title} {d.detail}" for d in ITEMS.values()] + [d.title for d in STEPS.values()]
    stage = [t for t in texts if "区直主管部门" in t]
    assert stage
    for text in stage:
        assert notice_words in text, text
