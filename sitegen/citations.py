"""The 引用文件 page: each document the notice cites, what it is used for,
and the clauses that cite it (found in the notice text, not written by hand)."""

from __future__ import annotations

import yaml

from checker.notice import load

from . import DATA
from .figures import substitute
from .links import NOTICE_PAGE, clause_links

CITATIONS_PAGE = "references.md"


def documents() -> list[dict[str, str]]:
    return yaml.safe_load(substitute((DATA / "citations.yml").read_text(encoding="utf-8")))


def citing_clauses(number: str) -> list[str]:
    """Ids of the clauses whose text mentions a document number ('' = preamble)."""
    found: list[str] = []
    for line in load().lines:
        if number in line.text:
            key = line.clause or ""
            if key not in found:
                found.append(key)
    return found


def page_markdown() -> str:
    rows = ["| 文号 | 文件名称（照录通知） | 本通知用它做什么 | 引用条款 |", "| --- | --- | --- | --- |"]
    for doc in documents():
        clauses = citing_clauses(doc["number"])
        refs = [f"[导语]({NOTICE_PAGE}#notice-title)" for c in clauses if c == ""]
        ids = [c for c in clauses if c]
        if ids:
            refs.append(clause_links(ids, CITATIONS_PAGE))
        title = f"《{doc['title']}》" if doc.get("title") else "通知未写明标题"
        rows.append(f"| {doc['number']} | {title} | {doc['use']} | {'、'.join(refs)} |")
    return "\n".join(rows) + "\n"
