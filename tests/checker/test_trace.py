"""Traceability: every clause is used or explained; every citation and quote is real."""

from __future__ import annotations

import re

from checker import trace
from checker.notice import load
from checker.rules import RULES


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_clause_is_used_or_explained_and_every_citation_exists() -> None:
    assert trace.problems() == []


def test_the_table_covers_every_clause_once() -> None:
    rows = trace.table()
    assert [r["clause"] for r in rows] == list(load().clauses)
    assert all(r["uses"] or r["informational"] for r in rows)


def test_every_rule_quotes_its_clauses_verbatim() -> None:
    notice = load()
    for rule in RULES:
        assert rule.doc, f"{rule.name} has no docstring"
        for clause, quote in rule.cites.items():
            assert _squash(quote) in _squash(notice.text_of(clause)), (rule.name, clause, quote)


def test_a_citation_of_a_missing_clause_is_reported(monkeypatch) -> None:
    from checker import catalog

    bogus = catalog.ItemDef("bogus", "x", "x", "9.9", "applicant", "x")
    monkeypatch.setitem(catalog.ITEMS, "bogus", bogus)
    assert any(p.startswith("9.9") for p in trace.problems())
