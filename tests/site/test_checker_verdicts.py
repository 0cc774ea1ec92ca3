"""The checker page says what day it is and why a verdict was given (issue 9):
the closed round above the form, computed from the device's date; the reasons
of the verdict in its headline; a link to the reading a finding rests on; the
answers on the printout."""

from __future__ import annotations

import pytest

from checker.advice import ineligible_advice
from checker.catalog import STEPS
from checker.findings import FINDINGS
from checker.parameters import FIGURES

from .checker_helpers import fill, open_checker
from .test_checker_page import pdf_text, printed
from .conftest import PHONE

GUANGXI = {"target_level": "intermediate", "current_title": "junior", "civil_servant": False, "work_location": "guangxi",
           "employment_months": 36, "archive_months": 0, "unit_type": "state_owned", "unit_non_legal_branch": False,
           "retired": False, "meets_conditions": "yes", "other_application_this_year": False,
           "continuing_education_done": True}


def _device_date(ctx, iso: str) -> None:
    """Make the page's clock (not the worker's) read ``iso`` at noon, local time."""
    y, m, d = map(int, iso.split("-"))
    ctx.add_init_script(f"""(() => {{
        const RealDate = Date, fixed = new RealDate({y}, {m - 1}, {d}, 12).getTime();
        class FakeDate extends RealDate {{
            constructor(...args) {{ super(...(args.length ? args : [fixed])); }}
            static now() {{ return fixed; }}
        }}
        globalThis.Date = FakeDate;
    }})();""")


def _finding_ids(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('#findings li')].map(li => li.textContent)")


@pytest.mark.parametrize("today, closed", [("2017-08-10", False), ("2017-08-11", True)])
def test_the_closed_round_follows_the_devices_date(browser, base_url: str, today: str, closed: bool) -> None:
    ctx = browser.new_context(locale="zh-CN", viewport=PHONE)
    _device_date(ctx, today)
    page = ctx.new_page()
    open_checker(page, base_url)
    assert page.locator("#round-closed").is_visible() == closed
    fill(page, GUANGXI)
    # The verdict box itself says it (once: not again among the findings).
    assert ("材料接收已于2017年8月10日截止" in page.inner_text("#verdict")) == closed
    assert "材料接收已于" not in " ".join(_finding_ids(page))
    assert page.locator("[data-verdict]").get_attribute("data-verdict") == "eligible"
    ctx.close()


def test_the_headline_gives_only_the_reasons_of_the_verdict(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    open_checker(page, base_url)
    # A blocker and a condition at once: 不能申报 names the blocker only.
    fill(page, {**GUANGXI, "civil_servant": True, "continuing_education_done": False})
    headline = page.inner_text("#verdict")
    assert "不能申报" in headline and "公务员" in headline and "继续教育" not in headline
    fill(page, {**GUANGXI, "continuing_education_done": False})
    headline = page.inner_text("#verdict")
    assert "满足条件后可以申报" in headline and "继续教育" in headline
    ctx.close()


def test_a_finding_that_rests_on_a_reading_links_to_it(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    open_checker(page, base_url)
    outside = {key: value for key, value in GUANGXI.items() if key != "employment_months"}
    fill(page, {**outside, "work_location": "outside_guangxi", "entrusted_from_other_province": False,
                "hukou_in_guangxi": True})
    link = page.locator("#findings a", has_text="本站的理解").first
    assert link.get_attribute("href").endswith(f"/interpretation/#{FINDINGS['hukou_reading'].reading}")
    link.click()
    page.wait_for_url("**/interpretation/#hukou")
    assert page.locator("#hukou").is_visible()
    ctx.close()


def test_a_person_who_reached_the_age_without_retiring_can_say_so(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = ctx.new_page()
    open_checker(page, base_url)
    fill(page, {**GUANGXI, "retired": False, "retirement_date": "2016-10-01", "retirement_extension_approved": False})
    assert page.locator("#retirement_date").is_visible()  # asked without having retired
    assert page.locator("[data-verdict]").get_attribute("data-verdict") == "ineligible"
    assert "即使没有办理退休手续" in page.inner_text("#verdict")
    ctx.close()


def test_an_ineligible_result_says_why_and_whom_to_ask_on_screen_and_on_paper(browser, base_url: str) -> None:
    """No steps, checklist, fee or signature line: why, whether anything could
    change it, whom to ask (the same words as the CLI's text output)."""
    ctx = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = ctx.new_page()
    open_checker(page, base_url)
    fill(page, {**GUANGXI, "civil_servant": True, "continuing_education_done": False})
    assert page.locator("[data-verdict]").get_attribute("data-verdict") == "ineligible"
    for block in ("#steps-block", "#checklist-block", "#fee-block", "#signature"):
        assert page.locator(block).is_hidden(), block
    assert page.inner_text("#findings-title") == "为什么不能申报"
    reasons = page.inner_text("#findings")
    assert "公务员不得参加" in reasons and "继续教育" not in reasons and "评审费" not in reasons
    advice = page.inner_text("#ineligible-advice")
    for sentence in ineligible_advice():
        assert sentence in advice
    assert FIGURES["office"] in advice and FIGURES["phone"] in advice
    page.emulate_media(media="print")
    text = pdf_text(page.pdf(format="A4"))
    for gone in ("个人材料清单", "评审费与时间", "签名", STEPS["apply_via_unit"].title):
        assert not printed(text, gone), gone
    for said in ("为什么不能申报", "请更正后重新自查", "5627492"):
        assert printed(text, said), said
    # Back to an eligible answer: everything returns.
    page.emulate_media(media="screen")
    fill(page, GUANGXI)
    for block in ("#steps-block", "#checklist-block", "#fee-block"):
        assert page.locator(block).is_visible(), block
    assert page.locator("#ineligible-advice").is_hidden()
    ctx.close()
