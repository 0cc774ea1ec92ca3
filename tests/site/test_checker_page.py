"""The self-check page in Debian chromium, against the CLI as the reference."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from checker import questions_json as cli_questions
from checker.catalog import ITEMS
from checker.cli import main as cli_main

from ..checker.scenarios import load_scenarios, random_answer_sets
from .checker_helpers import READY, answers_in_url, cli, fill, open_checker, settle, shown
from .conftest import DESKTOP, PHONE, RUNS_PYTHON, WALKS, axe_violations



@pytest.fixture(scope="module")
def contexts(browser) -> Iterator[Callable[[dict], Any]]:
    """``contexts(viewport)``: one browser context per viewport for this
    module's tests. Each test still loads its own page (its link, a fresh form),
    but after the first the checker's files and Python come from the browser's
    caches, as on an applicant's second visit: seconds less for each test. The
    first visit with nothing cached is tested on its own (test_no_request_…
    here, test_faults, test_offline)."""
    made: dict[tuple[int, int], Any] = {}

    def context(viewport: dict) -> Any:
        key = (viewport["width"], viewport["height"])
        if key not in made:
            made[key] = browser.new_context(locale="zh-CN", viewport=viewport)
        return made[key]

    yield context
    for ctx in made.values():
        ctx.close()


@pytest.fixture()
def new_page(contexts) -> Iterator[Callable[[dict], Any]]:
    """``new_page(viewport)``: a page in that viewport's context, closed after the test."""
    opened: list[Any] = []

    def new(viewport: dict) -> Any:
        opened.append(contexts(viewport).new_page())
        return opened[-1]

    yield new
    for page in opened:
        page.close()


@pytest.fixture()
def page(new_page) -> Any:
    return new_page(DESKTOP)


def cli_in_this_process(answers: dict) -> dict:
    """What `python -m checker check` prints for the answers, its entry point
    run here: the same code, without starting Python for each answer set."""
    out = io.StringIO()
    assert cli_main(["check"], stdin=io.StringIO(json.dumps(answers)), stdout=out) == 0
    return json.loads(out.getvalue())


def test_page_matches_the_cli_for_scenarios_and_generated_answers(page, base_url: str) -> None:
    open_checker(page, base_url)
    answer_sets = [s["answers"] for s in load_scenarios()] + random_answer_sets(30)
    assert cli_in_this_process(answer_sets[0]) == cli(answer_sets[0])  # as the command prints it
    mismatches = []
    for answers in answer_sets:
        fill(page, answers)
        got, want = shown(page), cli_in_this_process(answers)
        # The round's end is said in the verdict box; an ineligible result lists its blockers only.
        findings = [f for f in want["findings"] if f["id"] != "round_closed"
                    and (want["verdict"] != "ineligible" or f["severity"] == "blocker")]
        expected = {
            "verdict": want["verdict"],
            "checklist": [[c["id"], c["clause"]] for c in want["checklist"]],
            "steps": [s["clause"] for s in want["steps"]],
            "findings": [f["clause"] for f in findings],
        }
        if {k: got[k] for k in expected} != expected:
            mismatches.append((answers, got, expected))
        # What the screen and the printout say (the link back aside): clauses as
        # people read them (二（二）4（1）), never a dotted id or an answer key.
        said = page.evaluate("""() => { const copy = document.getElementById('checker-result').cloneNode(true);
            copy.querySelector('#print-url').remove(); return copy.textContent; }""")
        if re.search(r"\d\.\d|[a-z]+_[a-z]+", said):
            mismatches.append((answers, "dotted id or key", re.findall(r"\d\.\d|[a-z]+_[a-z]+", said)))
        if want["fee_yuan"] is not None:
            assert f"{want['fee_yuan']}元" in got["fee"]
    assert mismatches == []


def test_answers_in_the_link_fill_the_form_and_the_url_follows_changes(page, base_url: str) -> None:
    open_checker(page, base_url, "?unit_type=non_public&target_level=senior&civil_servant=false&work_location=guangxi")
    assert page.is_checked("#target_level-senior")
    assert page.is_checked("#unit_type-non_public")
    assert page.is_checked("#civil_servant-false")
    assert page.is_visible("#social_security_months")  # a follow-up that the link opened
    page.fill("#social_security_months", "8")
    settle(page)
    answers = answers_in_url(page.url)
    assert answers["social_security_months"] == ["8"]
    assert answers["target_level"] == ["senior"] and answers["unit_type"] == ["non_public"]
    page.check("#civil_servant-true")
    settle(page)
    assert answers_in_url(page.url)["civil_servant"] == ["true"]
    assert page.get_attribute("[data-verdict]", "data-verdict") == "ineligible"


def test_unknown_and_hostile_parameters_are_shown_as_text_never_run(page, base_url: str) -> None:
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = "%3Cscript%3Ealert(1)%3C%2Fscript%3E"
    open_checker(page, base_url, f"?{hostile}=1&civil_servant=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E"
                                 f"&target_level=senior")
    notices = page.inner_text("#url-notices")
    assert "<script>alert(1)</script>" in notices  # an unknown key: no question to show it with
    errors = page.inner_text("#error-summary")
    assert "<img src=x onerror=alert(2)>" in errors and "公务员" in errors  # a bad value: with its question
    assert page.locator(":is(#url-notices, #error-summary) :is(script, img)").count() == 0
    assert dialogs == []
    assert page.is_checked("#target_level-senior")  # the valid answer was still taken
    assert "script" not in page.url and "img" not in page.url  # and the bad ones dropped from the URL


def test_every_value_the_page_cannot_take_is_named_in_the_error_summary(page, base_url: str) -> None:
    open_checker(page, base_url, "?work_location=guangxi&retired=true&retirement_date=2017-02-30"
                                 "&employment_months=-5")
    summary = page.inner_text("#error-summary")
    assert "退休" in summary and "2017-02-30" in summary and "不是真实存在的日期" in summary
    assert "不能是负数" in summary and "-5" in summary
    page.fill("#employment_months", "9" * 400)  # no longer Infinity, i.e. silently unanswered
    settle(page)
    summary = page.inner_text("#error-summary")
    assert "超出范围" in summary and "超过 40 位的整数" in summary  # named, not echoed 400 digits long
    page.fill("#employment_months", "１２")  # full-width digits, as Chinese input methods type them
    settle(page)
    assert "employment_months" not in page.inner_text("#error-summary") or page.is_hidden("#error-summary")
    assert answers_in_url(page.url)["employment_months"] == ["12"]
    page.fill("#employment_months", "－５")
    settle(page)
    assert "不能是负数" in page.inner_text("#error-summary")
    # An error summary link moves the focus to its question and keeps the answers in the URL.
    before = page.url
    page.click("#error-list a >> nth=0")
    assert page.evaluate("document.activeElement.name") in ("employment_months", "retirement_date")
    assert page.url == before


def pdf_text(pdf: bytes) -> str:
    """The PDF's text, NFKC-normalised (Kangxi radicals → characters), no spaces."""
    return "".join(pdf_pages(pdf))


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text, as :func:`pdf_text`."""
    return ["".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def printed(text: str, words: str) -> bool:
    """``words`` in a PDF's text; its text layer maps some characters to radicals (⻅ for 见): accept those."""
    words = unicodedata.normalize("NFKC", words)
    return re.search("".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" for c in words), text) is not None


def test_a_bad_typed_answer_gets_an_error_summary_and_a_field_error(page, base_url: str) -> None:
    open_checker(page, base_url, "?work_location=guangxi")
    page.fill("#employment_months", "十二")
    settle(page)
    assert page.is_visible("#error-summary")
    link = page.locator("#error-list a").first
    assert "employment_months" not in link.inner_text() and "已满多少个月" in link.inner_text()
    assert "十二" in link.inner_text() and "0 到 1200 之间的整数" in link.inner_text()
    assert link.get_attribute("href") == "#employment_months"
    assert page.is_visible("#employment_months-error")
    assert page.get_attribute("#employment_months", "aria-invalid") == "true"
    page.fill("#employment_months", "12")
    settle(page)
    assert page.is_hidden("#error-summary")


def test_no_request_leaves_the_origin_and_none_at_all_after_ready(browser, base_url: str) -> None:
    ctx = browser.new_context()
    page = ctx.new_page()
    requests: list[str] = []
    ctx.on("request", lambda r: requests.append(r.url))  # the page's and its worker's
    open_checker(page, base_url)
    origin = urlsplit(base_url).netloc
    assert [u for u in requests if urlsplit(u).netloc != origin and not u.startswith(("data:", "blob:"))] == []
    # The offline copies (the worker's and the service worker's, which checks
    # the scripts again) are made once after ready; then nothing is fetched.
    page.wait_for_selector("#checker-app[data-offline='ready']", state="attached", timeout=60000)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60000)
    assert [u for u in requests if urlsplit(u).netloc != origin and not u.startswith(("data:", "blob:"))] == []
    requests.clear()
    for answers in random_answer_sets(5, seed=7):
        fill(page, answers)
    page.check("#target_level-junior")
    settle(page)
    assert sorted(set(requests)) == []
    ctx.close()


@pytest.mark.parametrize("viewport", WALKS)
def test_docs_pages_do_not_load_pyodide(site_walk, pages: list[str], viewport: str) -> None:
    walked = site_walk(viewport)["pages"]
    assert set(walked) == set(pages) and len(pages) > len(RUNS_PYTHON)
    loaded = {path: [u for u in shown["requests"] if "pyodide" in u or u.endswith(".whl") or "/assets/checker/" in u]
              for path, shown in walked.items() if path not in RUNS_PYTHON}
    assert {path: urls for path, urls in loaded.items() if urls} == {}


def _tab_to(page, name: str) -> None:
    for _ in range(80):
        if page.evaluate("document.activeElement && document.activeElement.name") == name:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {name} with the Tab key")


def test_a_check_can_be_completed_with_the_keyboard_alone(page, base_url: str) -> None:
    open_checker(page, base_url)
    answers = {"target_level": "intermediate", "current_title": "junior", "civil_servant": "false",
               "work_location": "guangxi", "employment_months": "24", "archive_months": "0",
               "unit_type": "state_owned", "unit_non_legal_branch": "false", "retired": "false",
               "meets_conditions": "yes", "other_application_this_year": "false", "continuing_education_done": "true"}
    page.focus("#checker-form input")  # start of the form, as after skipping the page header
    page.keyboard.press("Shift+Tab")
    for name, value in answers.items():
        _tab_to(page, name)
        if page.evaluate("document.activeElement.type") == "radio":
            for _ in range(6):
                if page.evaluate("document.activeElement.value") == value:
                    break
                page.keyboard.press("ArrowRight")
            page.keyboard.press("Space")
            assert page.is_checked(f"#{name}-{value}")
        else:
            page.keyboard.type(value)
        settle(page)
    assert page.get_attribute("[data-verdict]", "data-verdict") == "eligible"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violation_with_results_shown(new_page, base_url: str, viewport) -> None:
    page = new_page(viewport)
    open_checker(page, base_url, "?target_level=senior&work_location=guangxi&unit_type=central_unit&employment_months=x")
    assert axe_violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_printed_checklist_has_the_verdict_items_and_no_form(page, base_url: str) -> None:
    open_checker(page, base_url, "?target_level=senior&current_title=intermediate&civil_servant=false"
                                 "&high_level_talent=false&work_location=guangxi&employment_months=30&archive_months=0"
                                 "&unit_type=non_public&unit_non_legal_branch=false&social_security_months=12&retired=false"
                                 "&meets_conditions=yes&other_application_this_year=false&continuing_education_done=true")
    assert page.get_attribute("[data-verdict]", "data-verdict") == "eligible"
    page.emulate_media(media="print")
    assert page.is_hidden("#checker-form") and page.is_hidden(".md-header")
    pdf = page.pdf(format="A4")
    text = pdf_text(pdf)
    assert printed(text, "可以申报")
    for item in ("连续6个月以上个人社保缴费证明", "单位在审议前组织面试答辩", "专家鉴定意见", "申报人签名", "打印日期"):
        assert printed(text, item), item
    assert printed(text, "380元") and printed(text, "2017-08-10")
    assert printed(text, "您要申报哪一级")  # the answer summary, not the form
    assert not printed(text, "清除此题答案") and not printed(text, "单位链接")
    # Clauses as people read them, never the dotted ids.
    assert printed(text, "依据：三（一）4") and not re.search(r"依据:\d", text)
    # Page numbers; the last page holds the way back (link and QR code), not the signature alone.
    pages = pdf_pages(pdf)
    assert all(printed(t, f"第{n}页，共{len(pages)}页") for n, t in enumerate(pages, 1))
    assert printed(pages[-1], "申报人签名") and printed(pages[-1], "可回到这次自查")
    assert "continuing_education_done=true" in pages[-1]
    assert _qr_codes(pdf) == [page.url]


def _qr_codes(pdf: bytes) -> list[str]:
    """The QR codes on the PDF's pages, decoded."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(pdf)
    found = [code.text for p in document for code in zxingcpp.read_barcodes(p.render(scale=3).to_pil())]
    document.close()
    return found


def test_without_javascript_the_generic_checklist_is_complete(browser, base_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(base_url + "/checker/")
    text = page.inner_text("#generic-checklist")
    form_hidden, said = page.is_hidden("#checker-form"), page.inner_text(".checker-noscript")
    ctx.close()
    assert form_hidden  # no form that does nothing
    assert "需要启用 JavaScript" in said and "通用材料清单" in said
    for item in ITEMS.values():
        assert item.title in text
        assert item.applies in text


def test_the_employer_link_carries_only_the_chosen_answers(page, base_url: str) -> None:
    open_checker(page, base_url, "?unit_type=non_public&work_location=guangxi&target_level=senior")
    page.click("#employer-link summary")
    page.check("#employer-unit_type")
    page.check("#employer-work_location")
    link = page.input_value("#employer-url")
    assert answers_in_url(link) == {"unit_type": ["non_public"], "work_location": ["guangxi"]}
    staff = page.context.new_page()  # a member of staff opens the link
    staff.goto(link)
    staff.wait_for_selector(READY, state="attached", timeout=60000)
    settle(staff)
    assert staff.is_checked("#unit_type-non_public") and staff.is_checked("#work_location-guangxi")
    assert not staff.is_checked("#target_level-senior")
    staff.close()


def test_messages_name_questions_not_answer_keys_and_a_links_errors_take_the_focus(new_page, base_url: str) -> None:
    page = new_page(PHONE)
    open_checker(page, base_url, "#work_location=guangxi&employment_months=abc&target_level=x&civil_servant=maybe"
                                 "&retired=true&retirement_date=2017-02-30&no_such_question=1")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    box = page.locator("#error-summary").bounding_box()
    assert 0 <= box["y"] < PHONE["height"]  # scrolled into view, below the header
    words = page.inner_text("#checker-app")
    keys = [q["id"] for q in cli_questions() if q["id"] in words]
    assert keys == [], keys
    summary = page.inner_text("#error-summary")
    assert "请选择：初级、中级、高级" in summary and "请选择：是、否" in summary
    assert "true" not in summary and "false" not in summary
    # Typing a wrong value does not take the field away from the applicant.
    page.fill("#employment_months", "x")
    settle(page)
    assert page.evaluate("document.activeElement.id") == "employment_months"


def test_another_answer_link_in_the_same_tab_and_back_and_forward(page, base_url: str) -> None:
    open_checker(page, base_url, "#target_level=senior&civil_servant=true")
    assert page.get_attribute("[data-verdict]", "data-verdict") == "ineligible"

    def now(checked: str, verdict: str) -> None:
        page.wait_for_function("([id, verdict]) => document.getElementById(id).checked"
                               " && document.querySelector('[data-verdict]').dataset.verdict === verdict",
                               arg=[checked, verdict], timeout=20000)
        settle(page)

    page.evaluate("location.hash = '#target_level=junior&civil_servant=false'")  # a link opened in this tab
    now("civil_servant-false", "incomplete")
    assert page.is_checked("#target_level-junior") and not page.is_checked("#target_level-senior")
    page.go_back()
    now("civil_servant-true", "ineligible")
    assert page.is_checked("#target_level-senior")
    page.go_forward()
    now("target_level-junior", "incomplete")
    # A heading's anchor is not answers: the form stays.
    page.evaluate("location.hash = '#checker-result'")
    page.wait_for_timeout(300)
    assert page.is_checked("#target_level-junior")


def test_on_a_phone_a_verdict_line_stays_in_view_without_covering_a_field(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    open_checker(page, base_url, "#target_level=senior&work_location=guangxi&retired=true")
    page.evaluate("scrollTo(0, 0)")
    bar = page.locator("#verdict-bar")
    bar.wait_for(state="visible")
    assert "还需回答问题" in bar.inner_text() and bar.get_attribute("href") == "#checker-result"
    covered = []
    for field in page.locator("#checker-form input:visible").all():
        field.focus()
        page.wait_for_timeout(30)
        shown = bar.bounding_box()  # None once the result itself is in view
        box = field.bounding_box()
        if shown and box["y"] + box["height"] > shown["y"]:
            covered.append(field.get_attribute("id"))
    assert covered == []
    url = page.url
    page.evaluate("scrollTo(0, 0)")
    bar.click()
    page.wait_for_timeout(300)
    assert page.locator("#checker-result").bounding_box()["y"] < PHONE["height"]
    assert bar.is_hidden() and page.url == url  # the answers stay in the address
    ctx.close()
    # Where the result sits beside the form, there is no bar.
    wide = browser.new_page(viewport=DESKTOP)
    open_checker(wide, base_url, "#target_level=senior")
    wide.evaluate("scrollTo(0, 0)")
    assert wide.locator("#verdict-bar").is_hidden()
    wide.close()


def test_clause_links_are_big_enough_to_tap_and_large_text_keeps_a_readable_line(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    open_checker(page, base_url, "#target_level=senior&work_location=guangxi")
    small = page.evaluate("""() => [...document.querySelectorAll('#checker-app a.clause-link')]
        .filter(a => a.getClientRects().length).map(a => a.getBoundingClientRect())
        .filter(r => r.width < 24 || r.height < 24).length""")
    assert small == 0
    page.evaluate("document.documentElement.style.fontSize = `${2 * parseFloat(getComputedStyle(document.documentElement).fontSize)}px`")
    page.wait_for_timeout(200)
    # Characters per line (CJK characters are 1em wide) of the verdict box and the checklist.
    per_line = page.evaluate("""() => ['#verdict', '#checklist'].map(id => {
        const node = document.querySelector(id), style = getComputedStyle(node);
        return (node.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) / parseFloat(style.fontSize);
    })""")
    assert all(n >= 20 for n in per_line), per_line
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    ctx.close()
