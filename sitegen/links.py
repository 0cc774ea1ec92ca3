"""Links from any page to a clause of the notice."""

from __future__ import annotations

from checker.notice import anchor, load

NOTICE_PAGE = "notice.md"


def clause_link(clause_id: str, from_page: str = "") -> str:
    """A Markdown link to a clause, labelled with the notice's own numbering,
    relative to the Markdown file ``from_page`` (e.g. ``"guide/routes.md"``)."""
    clause = load().clauses[clause_id]
    depth = from_page.count("/")
    return f"[{clause.label}]({'../' * depth}{NOTICE_PAGE}#{anchor(clause_id)})"


def clause_links(clause_ids: list[str], from_page: str = "") -> str:
    return "、".join(clause_link(c, from_page) for c in clause_ids)
