"""The site says only what the notice says, in one voice (issue 20).

Over every built page (the session's one build): no sentence the pages once
stated and the notice does not say comes back; a page that states one of the
readings on 解读说明 links it; clause numbers read as people read them
(二（二）4（1）, not 2.2.4.1); no English admonition title. The phrases are data
in ``one_voice.yml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, site_pages

DATA = yaml.safe_load(Path(__file__).with_name("one_voice.yml").read_text(encoding="utf-8"))
READINGS_PAGE = "/interpretation/"
_SPACE = re.compile(r"\s+")
# A dotted clause id (2.2.4.1, 3.1) standing alone in a sentence.
_DOTTED = re.compile(r"(?<![0-9A-Za-z.])[1-8](?:\.[1-9]){1,3}(?![0-9A-Za-z.])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# An English code glossing a Chinese word: 不能申报（ineligible）.
_GLOSSED_CODE = re.compile(r"[\u4e00-\u9fff]（[A-Za-z_]+）")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


@dataclass
class Page:
    path: str
    text: str = ""
    """What a reader sees in the article, whitespace removed."""
    tooltips: str = ""
    """The glossary tooltips (title attributes) in the article, whitespace removed."""
    hrefs: set[str] = field(default_factory=set)
    admonition_titles: list[str] = field(default_factory=list)

    @property
    def shown(self) -> str:
        return self.text + "\n" + self.tooltips


class _Reader(HTMLParser):
    """Collects the visible text of <article>, its title attributes, every link and the admonition titles."""

    _HIDDEN = {"script", "style", "svg", "template", "anchor-handle"}
    _VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tips: list[str] = []
        self.title: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.page.hrefs.add(a["href"] or "")
        if "article" in self.stack and a.get("title"):
            self.tips.append(a["title"] or "")
        classes = (a.get("class") or "").split()
        if tag == "p" and "admonition-title" in classes:
            self.title = []
        if tag not in self._VOID:
            # The notice page's permalink handles show the clause's anchor id (2.1.1): an anchor, not prose.
            self.stack.append("anchor-handle" if "clause-ref" in classes else tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.title is not None:
            self.page.admonition_titles.append("".join(self.title).strip())
            self.title = None
        if tag == "a" and self.stack and self.stack[-1] == "anchor-handle":
            self.stack.pop()
        elif tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "article" in self.stack and not self._HIDDEN.intersection(self.stack):
            self.text.append(data)
            if self.title is not None:
                self.title.append(data)


def read_page(path: str, html: str) -> Page:
    page = Page(path)
    reader = _Reader(page)
    reader.feed(html)
    page.text = _squash("".join(reader.text))
    page.tooltips = _squash("\n".join(reader.tips))
    return page


def retracted_in(text: str) -> list[str]:
    """The retracted sentences in ``text`` (whitespace removed)."""
    return [entry["text"] for entry in DATA["retracted"] if _squash(entry["text"]) in text]


def retracted_found(page: Page) -> list[str]:
    """The retracted sentences the page shows (text or tooltip)."""
    return retracted_in(page.shown)


def _strings(value: object) -> list[str]:
    """Every string in a parsed TOML value."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [s for item in items for s in _strings(item)]


def checker_wording() -> dict[str, list[str]]:
    """Every string of the checker's data files (findings, steps, checklist, hints, the unit's desk), by file."""
    return {path.name: _strings(tomllib.loads(path.read_text(encoding="utf-8")))
            for path in sorted((ROOT / "checker").glob("*.toml"))}


def unlinked_readings(page: Page) -> list[tuple[str, str]]:
    """(reading id, marker) for each reading the page states without linking it."""
    if page.path == READINGS_PAGE:
        return []
    missing = []
    for reading, markers in DATA["readings"].items():
        hit = next((m for m in markers if _squash(m) in page.text), None)
        if hit and not any(href.endswith(f"interpretation/#{reading}") for href in page.hrefs):
            missing.append((reading, hit))
    return missing


@pytest.fixture(scope="module")
def built(site_dir: Path) -> list[Page]:
    pages = []
    for path in site_pages(site_dir):
        html = (site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")
        pages.append(read_page(path, html))
    return pages


def test_the_pages_are_read(built: list[Page]) -> None:
    paths = {p.path for p in built}
    assert {"/", "/guide/eligibility/", "/glossary/", "/checker/", "/unit/", READINGS_PAGE} <= paths
    assert all(len(p.text) > 100 for p in built), [p.path for p in built if len(p.text) <= 100]
    assert next(p for p in built if p.path == "/guide/eligibility/").tooltips, "the glossary tooltips are read too"


def test_no_retracted_sentence_comes_back(built: list[Page]) -> None:
    found = {p.path: hits for p in built if (hits := retracted_found(p))}
    assert found == {}


def test_no_retracted_sentence_in_the_checkers_wording() -> None:
    """A result (CLI text, /checker/, /unit/, printouts) says what checker/*.toml words: no sentence
    taken off the pages comes back there either (the level_jump finding kept one after the glossary
    had lost it)."""
    wording = checker_wording()
    assert {"findings.toml", "catalog.toml", "questions.toml", "headings.toml"} <= set(wording)
    found = {name: hits for name, texts in wording.items() if (hits := [h for t in texts for h in retracted_in(_squash(t))])}
    assert found == {}
    assert retracted_in(_squash("越级申报的条件以评审条件文件为准。")) == ["以评审条件文件为准"]


def test_a_citation_is_given_once(built: list[Page]) -> None:
    by_path = {p.path: p for p in built}
    counts = {(e["page"], e["text"]): by_path[e["page"]].text.count(_squash(e["text"])) for e in DATA["once"]}
    assert counts == {key: 1 for key in counts}


def test_a_page_stating_a_reading_links_it(built: list[Page]) -> None:
    missing = {p.path: hits for p in built if (hits := unlinked_readings(p))}
    assert missing == {}


def test_every_reading_with_markers_is_on_the_readings_page() -> None:
    page = (ROOT / "docs" / "interpretation.md").read_text(encoding="utf-8")
    ids = set(re.findall(r"\{#([a-z0-9-]+)\}", page))
    assert set(DATA["readings"]) - ids == set()


def test_clause_numbers_are_written_as_people_read_them(built: list[Page]) -> None:
    dotted = {p.path: _DOTTED.findall(p.text) for p in built}
    assert {path: ids for path, ids in dotted.items() if ids} == {}


def test_no_english_code_glosses_a_chinese_word(built: list[Page]) -> None:
    """The JSON has the codes; a sentence for people says the Chinese words only."""
    glossed = {p.path: _GLOSSED_CODE.findall(p.text) for p in built}
    assert {path: codes for path, codes in glossed.items() if codes} == {}


def test_admonition_titles_are_chinese(built: list[Page]) -> None:
    english = {p.path: [t for t in p.admonition_titles if not _CJK.search(t)] for p in built}
    assert {path: titles for path, titles in english.items() if titles} == {}


# The checks above can fail: plant what they look for in a copy of a built page's text.

def test_a_planted_retracted_sentence_is_caught(built: list[Page]) -> None:
    page = next(p for p in built if p.path == "/guide/routes/")
    assert retracted_found(page) == []
    planted = Page(page.path, page.text + _squash("委托评审人员的单位审核、公示、推荐和学历确认等要求照常适用。"),
                   page.tooltips, page.hrefs)
    assert retracted_found(planted) == ["委托评审人员的单位审核、公示、推荐和学历确认等要求照常适用"]
    in_tooltip = Page(page.path, page.text, page.tooltips + "申报单位原则上应具有独立法人地位。", page.hrefs)
    assert retracted_found(in_tooltip) == ["申报单位原则上应具有独立法人地位"]
    assert retracted_found(Page("/unit/", "列标题写答案键")) == ["答案键"]


def test_a_planted_unlinked_reading_is_caught(built: list[Page]) -> None:
    fees = next(p for p in built if p.path == "/guide/fees/")
    assert unlinked_readings(fees) == []
    planted = Page(fees.path, fees.text + "到了退休年龄而没有办理手续的，也不能申报。", fees.tooltips, fees.hrefs)
    assert unlinked_readings(planted) == [("early-retirement", "到了退休年龄而没有办理手续")]
    linked = Page(fees.path, planted.text, fees.tooltips, fees.hrefs | {"../../interpretation/#early-retirement"})
    assert unlinked_readings(linked) == []
    # A marker in a tooltip only is not the page stating the reading.
    in_tooltip = Page(fees.path, fees.text, fees.tooltips + "由谁同意破格", fees.hrefs)
    assert unlinked_readings(in_tooltip) == []


def test_planted_dotted_clause_english_code_and_english_title_are_caught() -> None:
    assert _DOTTED.findall("依据二（二）4（1）。") == []
    assert _DOTTED.findall("依据：2.2.4.1。") == ["2.2.4.1"]
    assert _DOTTED.findall("2017-06-30、2017/6/30、Python 3.11+") == []
    assert _GLOSSED_CODE.findall("结论：不能申报（ineligible）。") == ["报（ineligible）"]
    assert _GLOSSED_CODE.findall("导出（.xlsx）、JSON 中的 verdict、（JSON 格式）") == []
    page = read_page("/x/", '<article><div class="admonition note"><p class="admonition-title">Note</p>'
                            "<p>说明文字</p></div></article>")
    assert page.admonition_titles == ["Note"]
