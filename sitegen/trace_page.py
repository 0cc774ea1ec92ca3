"""The clause table on the 解读说明 page: for each numbered clause, what the
checker does with it, or why it is informational only (from ``checker.trace``).

One row per use, so that a reviewer can trace it to the code: the sentence is
Chinese (a rule by its name in ``labels.toml``, a question, checklist item,
step or period by its wording), and the id the code uses is in a column of its
own, set as code; never an id inside the Chinese sentence."""

from __future__ import annotations

from checker import trace
from checker.catalog import DATES, ITEMS, STEPS
from checker.labels import RULE_LABELS
from checker.parameters import zh_period
from checker.questions import BY_ID

from .links import clause_link

TRACE_PAGE = "interpretation.md"
HEAD = ["| 条款 | 自查工具如何使用 | 代码中的名称 |", "| --- | --- | --- |"]
_KIND = {"rule": "规则", "item": "清单项", "step": "步骤", "date": "日期", "question": "问题"}
_DATES = {d.id: d for d in DATES}


def describe(kind: str, id: str) -> str:
    """A use of ``clause`` in Chinese words only (its id goes in its own column)."""
    if kind == "rule":
        words = RULE_LABELS[id]
    elif kind == "item":
        words = ITEMS[id].title
    elif kind == "step":
        words = STEPS[id].title
    elif kind == "question":
        words = BY_ID[id].label
    else:
        date = _DATES[id]
        return f"{_KIND[kind]}“{date.title}”（{zh_period(date.start, date.end)}）"
    return f"{_KIND[kind]}“{words}”"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(id: str) -> str:
    """The id as code, breakable only after its underscores (a phone's narrow column)."""
    return f"<code>{id.replace('_', '_<wbr>')}</code>"


def page_markdown() -> str:
    rows = ['<div class="trace-table" markdown>', "", *HEAD]
    for row in trace.table():
        clause = str(row["clause"])
        link = clause_link(clause, TRACE_PAGE)
        uses = row["uses"]
        if not uses:
            rows.append(f"| {link} | 仅供参考：{_cell(str(row['informational']))} | — |")
        for i, use in enumerate(uses):  # type: ignore[union-attr]
            head = link if i == 0 else str(row["label"])
            rows.append(f"| {head} | {_cell(describe(use['kind'], use['id']))} | {_code(use['id'])} |")
    return "\n".join([*rows, "", "</div>"]) + "\n"
