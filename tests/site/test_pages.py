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
    context.on("requestfailed", lambda r: failed.append(r.url) if urlsplit(r.url).netloc == origin else None)
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
