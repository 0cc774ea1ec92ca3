"""The clause table on the 解读说明 page: for each numbered clause, what the
checker does with it, or why it is informational only (from ``checker.trace``)."""

from __future__ import annotations

from checker import trace
from checker.catalog import ITEMS, STEPS
from checker.questions import BY_ID

from .links import clause_link

TRACE_PAGE = "interpretation.md"
_KIND = {"rule": "规则", "item": "清单项", "step": "步骤", "date": "日期", "question": "问题"}


def _describe(kind: str, id: str) -> str:
    if kind == "item":
        return f"{_KIND[kind]}“{ITEMS[id].title}”"
    if kind == "step":
        return f"{_KIND[kind]}“{STEPS[id].title}”"
    if kind == "question":
        return f"{_KIND[kind]} `{id}`（{BY_ID[id].label}）"
    return f"{_KIND[kind]} `{id}`"


def page_markdown() -> str:
    rows = ["| 条款 | 自查工具如何使用 |", "| --- | --- |"]
    for row in trace.table():
        uses = "；".join(_describe(u["kind"], u["id"]) for u in row["uses"])  # type: ignore[index]
        text = uses or f"仅供参考：{row['informational']}"
        rows.append(f"| {clause_link(str(row['clause']), TRACE_PAGE)} | {text} |")
    return "\n".join(rows) + "\n"
