"""Every page in Debian chromium: same-origin only, phones, accessibility, print."""

from __future__ import annotations

import pytest

from .conftest import PHONE, WALKS


@pytest.fixture()
def context(browser):
    ctx = browser.new_context(locale="zh-CN")
    yield ctx
    ctx.close()


# Each property of every page is asserted on the records of one walk per
# viewport (conftest.walk_pages), loaded once per run.

@pytest.mark.parametrize("viewport", WALKS)
def test_no_page_makes_a_request_off_its_own_origin(site_walk, viewport: str) -> None:
    assert site_walk(viewport)["offsite"] == []


@pytest.mark.parametrize("viewport", WALKS)
def test_no_page_requests_a_file_that_fails_to_load(site_walk, viewport: str) -> None:
    assert site_walk(viewport)["failed"] == []


def test_no_page_scrolls_sideways_on_a_390px_phone(site_walk, pages: list[str]) -> None:
    walked = site_walk("phone")["pages"]
    assert set(walked) == set(pages)
    assert {path: shown["overflow"] for path, shown in walked.items() if shown["overflow"] > 0} == {}
    # Wide tables scroll inside their own box instead.
    assert walked["/guide/materials/"]["scrollwraps"] > 0


@pytest.mark.parametrize("viewport", [name for name, (_, axe) in WALKS.items() if axe])
def test_axe_finds_no_serious_or_critical_violation(site_walk, pages: list[str], viewport: str) -> None:
    walked = site_walk(viewport)["pages"]
    assert set(walked) == set(pages) and all(shown["axe"] is not None for shown in walked.values())
    assert {path: shown["axe"] for path, shown in walked.items() if shown["axe"]} == {}


def test_printing_gives_a4_without_navigation(context, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + "/guide/materials/", wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-search']
        .map(s => document.querySelector(s)).filter(Boolean)
        .every(el => getComputedStyle(el).display === 'none')""")
    assert hidden
    assert page.locator("article h1").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_the_back_to_top_button_never_covers_text_or_a_field(browser, base_url: str, pages: list[str]) -> None:
    """Material shows it when the reader scrolls up; wherever it shows, nothing
    of the page's text or fields lies under it."""
    covered = []
    for viewport in ({"width": 1366, "height": 900}, PHONE):
        page = browser.new_page(locale="zh-CN", viewport=viewport)
        for path in ("/notice/", "/guide/materials/", "/interpretation/"):
            page.goto(base_url + path, wait_until="networkidle")
            page.mouse.wheel(0, 3000)
            page.wait_for_timeout(200)
            page.mouse.wheel(0, -400)  # scrolling up brings the button
            page.wait_for_timeout(400)
            under = page.evaluate("""() => {
                const top = document.querySelector('.md-top');
                if (!top || top.hidden || !top.getClientRects().length) return null;
                const r = top.getBoundingClientRect();
                if (r.right <= 0 || r.left >= innerWidth) return null;
                const hit = [];
                for (const node of document.querySelectorAll('.md-content :is(p, li, td, th, h1, h2, h3, dt, dd, input, label, a)')) {
                    for (const b of node.getClientRects()) {
                        if (b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top) hit.push(node.tagName);
                    }
                }
                return hit;
            }""")
            if under:
                covered.append((viewport["width"], path, under[:3]))
        page.close()
    assert covered == []


def test_clause_links_are_24px_targets_and_large_text_does_not_scroll_the_home_table(browser, base_url: str) -> None:
    page = browser.new_page(locale="zh-CN", viewport=PHONE)
    page.goto(base_url + "/notice/", wait_until="networkidle")
    small = page.evaluate("""() => [...document.querySelectorAll('a.clause-ref')]
        .map(a => a.getBoundingClientRect()).filter(r => r.width < 24 || r.height < 24).length""")
    assert page.locator("a.clause-ref").count() > 20 and small == 0
    for viewport in ({"width": 1366, "height": 900}, PHONE):
        page.set_viewport_size(viewport)
        page.goto(base_url + "/", wait_until="networkidle")
        page.evaluate("document.documentElement.style.fontSize = `${2 * parseFloat(getComputedStyle(document.documentElement).fontSize)}px`")
        page.wait_for_timeout(200)
        wrap = page.evaluate("""() => { const w = document.querySelector('.md-typeset__scrollwrap');
            return [w.scrollWidth - w.clientWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth]; }""")
        assert wrap[0] <= 1 and wrap[1] <= 0, (viewport, wrap)
    page.close()
