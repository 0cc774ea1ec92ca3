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


#: An English word or code (who_is_in_scope, retired) standing alone in a text.
_WORD = re.compile(r"(?<![A-Za-z0-9_.\-/@])[A-Za-z][A-Za-z0-9_]*(?![A-Za-z0-9_])")


def code_ids() -> set[str]:
    """The ids the checker's code gives its rules, questions, findings, checklist items, steps and periods."""
    from checker.catalog import DATES, ITEMS, STEPS
    from checker.findings import FINDINGS
    from checker.questions import QUESTIONS
    from checker.rules import RULES

    return ({r.name for r in RULES} | {q.id for q in QUESTIONS} | set(FINDINGS) | set(ITEMS) | set(STEPS)
            | {d.id for d in DATES})


def ids_in_sentences(page: Page, ids: set[str]) -> list[str]:
    """The English codes in the page's Chinese sentences: a snake_case word or a checker id in a block's
    words, or a checker id set as code beside Chinese words (a reviewer's id goes in a column of its own,
    as on 解读说明's clause table; the JSON's keys described to programmers, set as code, are not ids)."""
    found = []
    for words, code in page.blocks:
        found += [w for w in _WORD.findall(words) if w in ids or "_" in w]
        if _CJK.search(words):
            found += [w for w in _WORD.findall(code) if w in ids]
    return found


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
    blocks: list[tuple[str, str]] = field(default_factory=list)
    """Each block of the article (a paragraph, list item, table cell …): (its words outside code, its code)."""

    @property
    def shown(self) -> str:
        return self.text + "\n" + self.tooltips


class _Reader(HTMLParser):
    """Collects the visible text of <article>, its title attributes, every link and the admonition titles."""

    _HIDDEN = {"script", "style", "svg", "template", "anchor-handle"}
    #: Where a sentence ends: a code id alone in one of these (a table cell of its own) is not in a sentence.
    _BLOCKS = {"p", "li", "td", "th", "dt", "dd", "figcaption", "summary", "caption", "label", "legend", "button",
               "option", "h1", "h2", "h3", "h4", "h5", "h6"}
    _VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tips: list[str] = []
        self.title: list[str] | None = None
        self.open_blocks: list[tuple[int, list[str], list[str]]] = []  # (depth, words, code)

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
            if tag in self._BLOCKS and "article" in self.stack:
                self.open_blocks.append((len(self.stack), [], []))
            if tag == "code" and self.open_blocks:
                self.open_blocks[-1][2].append(" ")  # code elements apart (a <wbr> inside one is not)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.title is not None:
            self.page.admonition_titles.append("".join(self.title).strip())
            self.title = None
        if tag == "a" and self.stack and self.stack[-1] == "anchor-handle":
            self.stack.pop()
        elif tag in self.stack:
            while True:
                if self.open_blocks and self.open_blocks[-1][0] == len(self.stack):
                    _, words, code = self.open_blocks.pop()
                    self.page.blocks.append(("".join(words), "".join(code).strip()))
                if self.stack.pop() == tag:
                    break

    def handle_data(self, data: str) -> None:
        if "article" in self.stack and not self._HIDDEN.intersection(self.stack):
            self.text.append(data)
            if self.title is not None:
                self.title.append(data)
            if self.open_blocks:
                self.open_blocks[-1][2 if "code" in self.stack else 1].append(data)


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


def test_no_code_id_in_a_chinese_sentence(built: list[Page]) -> None:
    """解读说明's clause table once wrote 规则 `who_is_in_scope`、问题 `retired`（…） in its sentences:
    the ids have their own column now, the sentences the Chinese words."""
    ids = code_ids()
    assert {"who_is_in_scope", "retired", "self_employed", "ask_series_office"} <= ids
    found = {p.path: hits for p in built if (hits := ids_in_sentences(p, ids))}
    assert found == {}
    trace = next(p for p in built if p.path == READINGS_PAGE)
    assert ("", "who_is_in_scope") in trace.blocks  # the ids are there, each in a cell of its own


#: Where a person's words are written, apart from the built pages: the checker's wording and code (CLI, the
#: unit's desk, the .docx draft), the pages' sources and templates, the scripts' strings.
_WORDING_SOURCES = ("docs/**/*.md", "checker/**/*.toml", "checker/**/*.py", "sitegen/**/*.py", "sitegen/**/*.html",
                    "sitegen/**/*.js", "web/**/*.js", "site_data/*.yml", "site_overrides/*.html")


def other_names(text: str) -> list[tuple[str, str]]:
    """(the name, the other name used) for each thing ``text`` calls by another name."""
    return [(entry["name"], other) for entry in DATA["one_term"] for other in entry["not"] if other in text]


def test_one_term_for_one_thing(built: list[Page]) -> None:
    """The checker is called 自查工具 everywhere (not 本工具, 自查程序 …): on every page, in the checker's
    wording and in the strings the scripts show."""
    on_pages = {p.path: hits for p in built if (hits := other_names(p.shown))}
    assert on_pages == {}
    sources = {path for pattern in _WORDING_SOURCES for path in ROOT.glob(pattern)}
    assert ROOT / "web" / "checker" / "unit.js" in sources and ROOT / "checker" / "failures.toml" in sources
    in_sources = {str(path.relative_to(ROOT)): hits for path in sorted(sources)
                  if (hits := other_names(path.read_text(encoding="utf-8")))}
    assert in_sources == {}
    assert other_names("正在下载自查程序……") == [("自查工具", "自查程序")]


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


def test_a_planted_id_in_a_chinese_sentence_is_caught() -> None:
    ids = code_ids()
    old_row = ("<article><table><tr><td>一（一）</td><td>规则 <code>who_is_in_scope</code>；问题 <code>retired</code>"
               "（您是否已办理离退休手续？）</td></tr></table></article>")
    assert ids_in_sentences(read_page("/x/", old_row), ids) == ["who_is_in_scope", "retired"]
    assert ids_in_sentences(read_page("/x/", "<article><p>结果里有 self_employed 一项。</p></article>"), ids) \
        == ["self_employed"]
    own_cell = ("<article><table><tr><td>一（一）</td><td>规则，依据原文“……”</td><td><code>who_is_in_scope</code></td>"
                "</tr></table><p>JSON 的 <code>verdict</code> 为 <code>ineligible</code>、<code>fee_yuan</code>。</p>"
                "</article>")
    assert ids_in_sentences(read_page("/x/", own_cell), ids) == []
