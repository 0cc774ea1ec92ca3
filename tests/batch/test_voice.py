"""The unit's desk speaks as people read (issue 20), for every scenario of
tests/scenarios as one roster: clause numbers as the notice writes them
(二（二）4（1）, never 2.2.4.1) and no English code in what HR staff read, in
``batch --format text``, both exports and what the page and its print bundle
show (the reply of checker/batch/web.py, whose clauses the page labels from its
own data)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from checker.batch import web
from checker.batch.cli import format_text
from checker.batch.export import LINK_COLUMN, VERDICT_COLUMN, checklist_rows, summary_rows
from checker.batch.reading import read_text
from checker.batch.roster import Batch, check_table
from checker.notice import clause_label
from sitegen import unit_page

from ..checker.scenarios import load_scenarios
from .rosters import table, to_csv

#: A dotted clause id, or an English word, in a text for people.
DOTTED = re.compile(r"\d\.\d")
ENGLISH = re.compile(r"[A-Za-z_]{2,}")


@pytest.fixture(scope="module")
def roster() -> str:
    sets = [s["answers"] for s in load_scenarios()]
    return to_csv(table(sets, names=[f"职工{n}" for n in range(1, len(sets) + 1)]))


@pytest.fixture(scope="module")
def batch(roster: str) -> Batch:
    return check_table(read_text(roster))


def _unclear(texts: list[str]) -> list[str]:
    return [t for t in texts if DOTTED.search(t) or ENGLISH.search(t)]


def test_the_roster_holds_every_scenario_and_every_verdict(batch: Batch) -> None:
    assert len(batch.rows) == len(load_scenarios()) and batch.not_checked == 0
    assert set(batch.counts) == {"eligible", "conditional", "ineligible", "incomplete"}
    assert all(batch.counts.values())


def test_text_output_cites_every_clause_as_people_read_it(batch: Batch) -> None:
    text = format_text(batch)
    assert _unclear(text.splitlines()) == []
    for row in batch.rows:
        for f in row.result.findings if row.result else ():
            if f.severity != "note":
                assert f"{f.message}（{clause_label(f.clause)}）" in text


def test_text_output_says_which_findings_are_the_sites_reading(batch: Batch) -> None:
    """A listed finding that rests on a reading of 解读说明 says so (本站…), as the page links it."""
    from checker.findings import FINDINGS

    lines = format_text(batch).splitlines()
    listed = [(f, next(line for line in lines if f"{f.message}（" in line))
              for row in batch.rows for f in (row.result.findings if row.result else ()) if f.severity != "note"]
    with_reading = [line for f, line in listed if FINDINGS[f.id].reading]
    assert with_reading and all("本站" in line for line in with_reading)
    assert all("本站的理解" not in line for f, line in listed if not FINDINGS[f.id].reading)


def test_exports_say_clauses_as_people_read_them(batch: Batch) -> None:
    summary = summary_rows(batch, "https://example.org/")
    header = summary[0]
    # The answers' columns hold the cells as read; the link and the code column are for machines.
    first_result = header.index("结论")
    people = [i for i, h in enumerate(header) if i >= first_result and h not in (LINK_COLUMN, VERDICT_COLUMN)]
    cells = [str(row[i]) for row in summary[1:] for i in people if i < len(row)]
    checklist = [str(c) for row in checklist_rows(batch)[1:] for c in row[2:]]
    assert _unclear(cells + checklist) == []
    assert any("二（二）4（1）" in c for c in cells + checklist)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_the_page_and_its_print_bundle_get_only_clauses_they_can_label(roster: str) -> None:
    """Every clause the reply cites is one the page's data labels (unit.js
    shows an unknown one as its dotted id); every sentence in it reads as
    people read (the row's own link and codes aside)."""
    reply = json.loads(web.check(json.dumps({"text": roster})))["batch"]
    labelled = set(unit_page.page_data()["clauses"])
    cited = {f[2] for r in reply["rows"] for f in r.get("findings", [])}
    cited |= {c[2] for r in reply["rows"] for c in r.get("checklist", [])}
    cited |= {item["clause"]["id"] for item in reply["unit_checklist"]}
    assert cited and cited <= labelled
    said = [s for r in reply["rows"] for f in r.get("findings", []) for s in f[1:2]]
    said += [c[0] for r in reply["rows"] for c in r.get("checklist", [])]
    said += [s for item in reply["unit_checklist"] for s in (item["title"], item["detail"], item["clause"]["label"])]
    said += _strings(reply["publicity"]) + [label for r in reply["rows"] for _, label in r["answers"]]
    assert _unclear(said) == []
