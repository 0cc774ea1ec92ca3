"""Chinese search: every glossary term finds its entry."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.glossary import terms

from .conftest import DESKTOP


def _search(page, query: str) -> list[str]:
    """The result links for ``query``, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.fill(query)
    box.press("End")  # an IME commits Chinese text without key events; the search listens for keyup
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(100)
    return page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")


def _location(href: str) -> str:
    """A result link as the index names its entry (links carry ?h=<query> for highlighting)."""
    parts = urlsplit(href)
    return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


def test_the_words_people_search_with_find_the_answer_first(browser, base_url: str, site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    not_required = {d["location"] for d in index["docs"] if "不作要求" in d["text"].replace("\u200b", "")}
    page = browser.new_page(locale="zh-CN", viewport=DESKTOP)
    page.goto(base_url + "/", wait_until="networkidle")
    fees = [_location(h) for h in _search(page, "评审费")]
    deadline = [_location(h) for h in _search(page, "截止")][:3]
    languages = [_location(h) for h in _search(page, "外语")][:3]
    page.close()
    assert fees[0] == "guide/fees/"
    assert "timeline/" in deadline and "guide/submission/" in deadline
    assert not_required & set(languages), languages


def test_every_glossary_term_finds_its_section(browser, base_url: str) -> None:
    page = browser.new_page(locale="zh-CN", viewport=DESKTOP)
    page.goto(base_url + "/", wait_until="networkidle")
    misses = []
    for term in terms():
        hrefs = _search(page, term.term)
        hits = [urlsplit(h) for h in hrefs]  # links carry ?h=<query> for highlighting
        if not any(u.path.endswith("/glossary/") and u.fragment == term.anchor for u in hits):
            misses.append((term.term, hrefs[:5]))
    page.close()
    assert misses == [], "\n".join(f"{t}: {h}" for t, h in misses)
