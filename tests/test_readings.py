"""Each reading the checker takes stands on the 解读说明 page."""

from __future__ import annotations

import re
from pathlib import Path

from checker.findings import FINDINGS

PAGE = Path(__file__).resolve().parents[1] / "docs" / "interpretation.md"


def _anchors() -> set[str]:
    return set(re.findall(r"\{#([a-z0-9-]+)\}", PAGE.read_text(encoding="utf-8")))


def test_every_reading_a_finding_names_is_on_the_page() -> None:
    named = {d.reading for d in FINDINGS.values() if d.reading}
    assert len(named) >= 10
    assert named - _anchors() == set()


def test_every_reading_a_hint_or_checklist_item_names_is_on_the_page() -> None:
    from .checker.test_wording_data import stating_readings

    named = {r for _, _, readings in stating_readings() for r in readings}
    assert named and named - _anchors() == set()


def test_a_missing_reading_is_caught(monkeypatch) -> None:
    from checker import findings

    stray = findings.FindingDef("stray", "note", "7", "x", (), "no-such-reading")
    monkeypatch.setitem(findings.FINDINGS, "stray", stray)
    named = {d.reading for d in findings.FINDINGS.values() if d.reading}
    assert "no-such-reading" in named - _anchors()
