"""Chinese search: every glossary term finds its entry."""

from __future__ import annotations

from urllib.parse import urlsplit

from sitegen.glossary import terms

from .conftest import DESKTOP


def test_every_glossary_term_finds_its_section(browser, base_url: str) -> None:
    page = browser.new_page(locale="zh-CN", viewport=DESKTOP)
    page.goto(base_url + "/", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    misses = []
    for term in terms():
        box.click()
        box.fill("")
        box.fill(term.term)
        box.press("End")  # an IME commits Chinese text without key events; the search listens for keyup
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        page.wait_for_timeout(100)
        hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
        hits = [urlsplit(h) for h in hrefs]  # links carry ?h=<query> for highlighting
        if not any(u.path.endswith("/glossary/") and u.fragment == term.anchor for u in hits):
            misses.append((term.term, hrefs[:5]))
    page.close()
    assert misses == [], "\n".join(f"{t}: {h}" for t, h in misses)
