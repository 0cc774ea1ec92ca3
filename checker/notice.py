"""The notice 桂工美职改【2017】4号 and its outline of numbered clauses.

The notice's own numbering is the address of every rule: 一 is ``1``, 一（一） is
``1.1``, 一（一）1 is ``1.1.1`` and 二（二）4（1） is ``2.2.4.1``. An unnumbered
paragraph belongs to the item that encloses it: to a numbered item whose line is a
title (``2.继续教育材料要求``), else to that item's parent (the paragraph after
一（一）3 belongs to ``1.1``), except where ``_OWNED_BY`` says otherwise.

The text ships inside the package, so the site, the CLI and Pyodide all read
the same copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: A line of the source file that is a conversion artefact, not the notice.
ARTEFACT = "[bookmark: _GoBack]"

_CN_DIGITS = "一二三四五六七八九十"
_LEVELS = (
    re.compile(rf"^(?P<n>[{_CN_DIGITS}]+)、"),  # 一、
    re.compile(rf"^（(?P<n>[{_CN_DIGITS}]+)）"),  # （一）
    re.compile(r"^(?P<n>\d{1,2})[.．]"),  # 1.
    re.compile(r"^（(?P<n>\d{1,2})）"),  # （1）
)
_SENTENCE_END = ("。", "；", ";", "：", ":")
#: Paragraphs whose owner is not the one the rule above gives, with why (解读说明
#: #paragraphs): the paragraph on lacking the education and seniority conditions
#: continues 四（二）, which names those conditions, not 四 as a whole.
_OWNED_BY = {"不具备规定的学历、资历条件的人员": "4.2"}


@dataclass(frozen=True)
class Clause:
    """One numbered item of the notice."""

    id: str
    """Outline id, e.g. ``"2.2.4.1"``."""
    label: str
    """The notice's own numbering, e.g. ``"二（二）4（1）"``."""
    heading: str
    """The text of the numbered line, without its number."""
    parent: str | None

    @property
    def anchor(self) -> str:
        """HTML id of the clause on the 通知原文 page: ``clause-2-2-4-1``."""
        return anchor(self.id)

    @property
    def depth(self) -> int:
        return self.id.count(".") + 1


@dataclass(frozen=True)
class Line:
    """One line of the notice, verbatim, with the clause it belongs to."""

    text: str
    kind: str
    """``title``, ``number``, ``addressees``, ``preamble``, ``clause`` (a
    numbered line), ``body`` (an unnumbered paragraph) or ``signature``."""
    clause: str | None = None


@dataclass(frozen=True)
class Notice:
    lines: tuple[Line, ...]
    clauses: dict[str, Clause]

    @property
    def title(self) -> str:
        return self.lines[0].text

    @property
    def number(self) -> str:
        return self.lines[1].text

    def text_of(self, clause_id: str) -> str:
        """All lines that belong to a clause, its sub-clauses included."""
        return "\n".join(
            line.text
            for line in self.lines
            if line.clause and within(line.clause, clause_id)
        )


def anchor(clause_id: str) -> str:
    """``"2.2.4.1"`` → ``"clause-2-2-4-1"``."""
    return "clause-" + clause_id.replace(".", "-")


def label(clause_id: str) -> str:
    """A clause as people read it: ``"2.2.4.1"`` → ``"二（二）4（1）"`` (the id itself if unknown)."""
    clause = load().clauses.get(clause_id)
    return clause.label if clause else clause_id


def within(clause_id: str, ancestor: str) -> bool:
    """True when ``clause_id`` is ``ancestor`` or one of its sub-clauses."""
    return clause_id == ancestor or clause_id.startswith(ancestor + ".")


def _cn_number(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _CN_DIGITS.index(numeral[1]) + 1
    if numeral.endswith("十"):
        return (_CN_DIGITS.index(numeral[0]) + 1) * 10
    return _CN_DIGITS.index(numeral) + 1


def _match_level(text: str) -> tuple[int, int, str] | None:
    """(depth 0–3, number, rest of line) for a numbered line, else None."""
    for depth, pattern in enumerate(_LEVELS):
        m = pattern.match(text)
        if m:
            n = m.group("n")
            number = int(n) if n.isdigit() else _cn_number(n)
            return depth, number, text[m.end():].strip()
    return None


def _label(path: list[int]) -> str:
    def cn(n: int) -> str:
        return _CN_DIGITS[n - 1] if n <= 10 else "十" + _CN_DIGITS[n - 11]

    parts = [cn(path[0])]
    if len(path) > 1:
        parts.append(f"（{cn(path[1])}）")
    if len(path) > 2:
        parts.append(str(path[2]))
    if len(path) > 3:
        parts.append(f"（{path[3]}）")
    return "".join(parts)


def parse(raw: str) -> Notice:
    """Split the notice into lines and numbered clauses."""
    source = [line.rstrip() for line in raw.splitlines()]
    lines: list[Line] = []
    clauses: dict[str, Clause] = {}
    path: list[int] = []
    owner: str | None = None  # clause that an unnumbered paragraph joins
    blank_run = 0
    closing = False
    body_started = False
    for text in source:
        if text.strip() == ARTEFACT:
            continue
        if not text.strip():
            blank_run += 1
            continue
        # Two or more blank lines after the clauses open the signature block.
        if body_started and blank_run >= 2:
            closing = True
        blank_run = 0
        text = text.strip()
        if closing:
            lines.append(Line(text, "signature"))
            continue
        if len(lines) == 0:
            lines.append(Line(text, "title"))
            continue
        if len(lines) == 1:
            lines.append(Line(text, "number"))
            continue
        numbered = _match_level(text)
        if numbered and (numbered[0] == 0 or body_started):
            depth, number, rest = numbered
            if depth > len(path):
                raise ValueError(f"clause skips a level: {text!r}")
            path = path[:depth] + [number]
            cid = ".".join(map(str, path))
            parent = ".".join(map(str, path[:-1])) or None
            clauses[cid] = Clause(cid, _label(path), rest, parent)
            lines.append(Line(text, "clause", cid))
            owner = cid
            body_started = True
            continue
        if not body_started:
            kind = "addressees" if len(lines) == 2 else "preamble"
            lines.append(Line(text, kind))
            continue
        assert owner is not None
        last = clauses[owner]
        if owner == ".".join(map(str, path)) and last.parent and last.heading.endswith(_SENTENCE_END):
            owner = last.parent
        reading = next((cid for start, cid in _OWNED_BY.items() if text.startswith(start)), None)
        lines.append(Line(text, "body", reading or owner))
    return Notice(tuple(lines), clauses)


def read_text() -> str:
    """The notice exactly as the project keeps it (artefact line included)."""
    return resources.files(__package__).joinpath("data/notice.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load() -> Notice:
    """The parsed notice (cached)."""
    return parse(read_text())


def clause_ids() -> frozenset[str]:
    return frozenset(load().clauses)
