"""Every page in Debian chromium: same-origin only, phones, accessibility, print."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .conftest import DESKTOP, PHONE, axe_violations



@pytest.fixture()
def context(browser):
    ctx = browser.new_context(locale="zh-CN")
    yield ctx
    ctx.close()


def test_no_page_makes_a_request_off_its_own_origin(context, base_url: str, pages: list[str]) -> None:
    origin = urlsplit(base_url).netloc
    offsite: list[str] = []
    failed: list[str] = []

    def record(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != origin:
            offsite.append(request.url)

    context.on("request", record)
    # A request cut off by leaving the page (net::ERR_ABORTED: /unit/ fetches
    # its offline files after ready) is not a broken link.
    context.on("requestfailed", lambda r: failed.append(r.url)
               if urlsplit(r.url).netloc == origin and "ERR_ABORTED" not in (r.failure or "") else None)
    page = context.new_page()
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
        # Open the search too: its worker and index load on demand.
        page.keyboard.press("/")
        page.wait_for_timeout(50)
    page.goto(base_url + "/", wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_timeout(500)
    assert offsite == []
    assert failed == []


def test_no_page_scrolls_sideways_on_a_390px_phone(browser, base_url: str, pages: list[str]) -> None:
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    wide = []
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append((path, overflow))
    # Wide tables scroll inside their own box instead.
    page.goto(base_url + "/guide/materials/")
    assert page.locator(".md-typeset__scrollwrap").count() > 0
    ctx.close()
    assert wide == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(browser, base_url: str, pages: list[str], viewport) -> None:
    ctx = browser.new_context(viewport=viewport)
    page = ctx.new_page()
    problems = {}
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
        found = axe_violations(page)
        if found:
            problems[path] = found
    ctx.close()
    assert problems == {}


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
