"""The notice's figures on the docs pages, from ``checker/parameters.toml``.

Pages write ``{{ name }}`` where a figure goes (a fee, a date, a threshold) and
``<!-- gen:fees -->`` / ``<!-- gen:timeline -->`` / ``<!-- gen:periods -->``
where a whole table goes, so that a new year's notice is one edit in the
parameters file. An unknown name fails the build.
"""

from __future__ import annotations

import re

from checker.parameters import FEE_BASIS, FEES_YUAN, FIGURES, PERIODS, zh_period
from checker.result import LEVEL_LABELS

from .links import clause_link

_TOKEN = re.compile(r"\{\{\s*([a-z_0-9]+)\s*\}\}")


def substitute(markdown: str) -> str:
    """Replace each ``{{ name }}`` with its figure."""

    def figure(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in FIGURES:
            raise KeyError(f"unknown figure {{{{ {name} }}}}; known: {', '.join(sorted(FIGURES))}")
        return FIGURES[name]

    return _TOKEN.sub(figure, markdown)


def fees_markdown(page: str = "guide/fees.md") -> str:
    rows = "\n".join(f"| {LEVEL_LABELS[level]} | {yuan}元 |" for level, yuan in FEES_YUAN.items())
    return f"| 申报级别 | 收费（每人每次） |\n| --- | --- |\n{rows}\n\n依据：{FEE_BASIS}（{clause_link('7', page)}）。"


def periods_markdown(page: str = "guide/submission.md") -> str:
    """The periods of 六 as a table (时间 · 阶段 · 出处)."""
    rows = "\n".join(
        f"| {zh_period(p.start, p.end)} | {p.title} | {clause_link(p.clause, page)} |" for p in PERIODS
    )
    return f"| 时间 | 阶段 | 出处 |\n| --- | --- | --- |\n{rows}"


def timeline_markdown(page: str = "timeline.md") -> str:
    """The periods of 六 as the visual timeline (the deadline stands out)."""
    items = []
    for p in PERIODS:
        deadline = p.id == "submission_deadline"
        items.append(
            f'<div class="timeline-item{" timeline-deadline" if deadline else ""}" role="listitem" markdown>\n'
            f'<p class="timeline-date">{zh_period(p.start, p.end)}</p>\n'
            f"**{p.title}**（{clause_link(p.clause, page)}）。\n</div>"
        )
    return '<div class="timeline" role="list" markdown>\n' + "\n".join(items) + "\n</div>"

