"""The glossary: its page, and tooltips on the terms wherever they appear.

Each term's first occurrence on a page (outside headings, links, code, form
labels and the like) becomes a link to its glossary entry whose ``title`` is
the definition; Material's ``content.tooltips`` shows it as a tooltip.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

import yaml

from . import DATA
from .figures import substitute
from .links import clause_links

GLOSSARY_PAGE = "glossary.md"
READINGS_PAGE = "interpretation.md"
# Text inside these elements is left alone.
_SKIP = {"a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
         "label", "button", "legend", "summary", "svg", "title", "textarea", "select", "option", "nav"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)>|<!--.*?-->", re.S)
_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "param", "track"}


@dataclass(frozen=True)
class Term:
    term: str
    id: str
    definition: str
    clauses: tuple[str, ...]
    reading: str | None = None
    """The id of the reading on 解读说明 the entry follows, where the notice is ambiguous or silent."""

    @property
    def anchor(self) -> str:
        return f"term-{self.id}"


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    raw = yaml.safe_load(substitute((DATA / "glossary.yml").read_text(encoding="utf-8")))
    return tuple(Term(t["term"], t["id"], t["definition"], tuple(t.get("clauses", ())), t.get("reading"))
                 for t in raw)


def page_markdown() -> str:
    """The body of the 术语表 page."""
    out = []
    for t in terms():
        out.append(f"## {t.term} {{#{t.anchor}}}\n\n{t.definition}\n")
        if t.clauses:
            out.append(f"通知条款：{clause_links(list(t.clauses), GLOSSARY_PAGE)}\n")
        if t.reading:
            out.append(f"本站采用的理解：见[解读说明]({READINGS_PAGE}#{t.reading})。\n")
    return "\n".join(out)


@lru_cache(maxsize=1)
def _matcher() -> tuple[dict[str, Term], re.Pattern[str]]:
    """The terms by their text, and one pattern for all (longest first), built once per build."""
    by_term = {t.term: t for t in terms()}
    return by_term, re.compile("|".join(re.escape(t) for t in sorted(by_term, key=len, reverse=True)))


def add_tooltips(html: str, glossary_url: str) -> str:
    """Link the first occurrence of each term in ``html`` to its entry."""
    by_term, pattern = _matcher()
    seen: set[str] = set()
    out: list[str] = []
    stack: list[str] = []
    pos = 0

    def link(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in seen:
            return word
        seen.add(word)
        t = by_term[word]
        return (f'<a class="glossary-term" href="{glossary_url}#{t.anchor}" '
                f'title="{escape(t.definition, quote=True)}">{word}</a>')

    for tag in _TAG.finditer(html):
        text = html[pos:tag.start()]
        skipping = any(name in _SKIP for name in stack)
        out.append(text if skipping else pattern.sub(link, text))
        out.append(tag.group(0))
        pos = tag.end()
        if tag.group(2) is None:
            continue  # comment
        name = tag.group(2).lower()
        if tag.group(1):  # closing tag
            if name in stack:
                while stack and stack.pop() != name:
                    pass
        elif not tag.group(4) and name not in _VOID:
            stack.append(name)
    rest = html[pos:]
    out.append(rest if any(n in _SKIP for n in stack) else pattern.sub(link, rest))
    return "".join(out)


def jieba_words() -> list[str]:
    """Terms the search index must keep whole (added to jieba's dictionary)."""
    return [t.term for t in terms()]


#: Words people type into the search box → the entries of the search index
#: that answer them (their ``location`` in ``search/search_index.json``). The
#: pages say these things in the notice's words (收费标准, 逾期不再受理, 不作要求),
#: not in the words people search with; the glossary's terms are whole words
#: already (:func:`jieba_words`). Each word goes into its entries' ``tags``, the
#: field Material's search weighs above titles and text, so they come first.
SEARCH_SYNONYMS: dict[str, tuple[str, ...]] = {
    "评审费": ("guide/fees/",),
    "收费": ("guide/fees/",),
    "费用": ("guide/fees/",),
    "交钱": ("guide/fees/",),
    "截止": ("timeline/", "guide/submission/"),
    "截止日期": ("timeline/", "guide/submission/"),
    "截止时间": ("timeline/", "guide/submission/"),
    "外语": ("#_1", "guide/materials/#_2"),
    "职称外语": ("#_1", "guide/materials/#_2"),
    "计算机": ("#_1", "guide/materials/#_2"),
}


def add_search_synonyms(index: dict) -> dict:
    """``index`` (the parsed search index) with :data:`SEARCH_SYNONYMS` as tags.
    Fails the build when an entry they name is gone (a page or heading moved)."""
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for word, locations in SEARCH_SYNONYMS.items():
        for location in locations:
            if location not in by_location:
                raise ValueError(f"search synonym {word!r}: no entry {location!r} in the search index")
            tags = by_location[location].setdefault("tags", [])
            if word not in tags:
                tags.append(word)
    return index


def write_search_synonyms(site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    index = add_search_synonyms(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
