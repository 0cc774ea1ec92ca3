"""Wording is data (issue 15, section 3): findings, checklist items, steps and
result labels live in TOML beside questions.toml. Nothing is worded that no
code uses, and nothing code uses is left without wording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

import pytest

from checker import catalog, datafile, findings
from checker.catalog import APPLIES, ITEMS, STEPS
from checker.findings import FINDINGS
from checker.parameters import FEES_YUAN, FIGURES, NOTICE
from checker.questions import BY_ID
from checker.result import LEVEL_LABELS, SEVERITY_LABELS, VERDICT_LABELS, WHO_LABELS, Severity, Verdict, Who
from checker.engine import evaluate
from checker.rules import RULES

from .scenarios import load_scenarios

PACKAGE = Path(datafile.__file__).parent
WORDING = ("findings.toml", "catalog.toml", "labels.toml", "questions.toml", "headings.toml")


def _given_by_some_scenario() -> tuple[set[str], set[str]]:
    items: set[str] = set()
    steps: set[str] = set()
    for scenario in load_scenarios():
        result = evaluate(scenario["answers"], today=dt.date.fromisoformat(scenario.get("today", "2017-06-01")))
        items |= {c.id for c in result.checklist}
        steps |= {s.id for s in result.steps}
    return items, steps


@pytest.mark.parametrize(("labels", "codes"), [
    (VERDICT_LABELS, get_args(Verdict)), (SEVERITY_LABELS, get_args(Severity)), (WHO_LABELS, get_args(Who)),
    (LEVEL_LABELS, tuple(FEES_YUAN)),
], ids=["verdict", "severity", "who", "level"])
def test_every_code_has_a_label_and_every_label_a_code(labels: dict[str, str], codes: tuple[str, ...]) -> None:
    assert set(labels) == set(codes)
    assert all(labels.values())


def test_the_levels_are_offered_with_their_labels() -> None:
    assert {o.value: o.label for o in BY_ID["target_level"].options} == LEVEL_LABELS


def test_every_finding_is_declared_by_a_rule_and_every_declared_id_is_worded() -> None:
    declared = {finding_id for rule in RULES for finding_id in rule.reports}
    assert set(FINDINGS) - declared == set(), "wording that no rule reports"
    assert declared - set(FINDINGS) == set(), "ids a rule reports without wording"


def test_every_item_and_step_is_given_by_some_result() -> None:
    """An item or step no result lists is wording no code uses (an id a rule
    picks without wording fails every result that would list it)."""
    items, steps = _given_by_some_scenario()
    remedies = {r for d in FINDINGS.values() for r in d.remedy}
    assert remedies <= set(ITEMS) | set(STEPS), "a remedy without wording"
    assert set(ITEMS) - items == set(), "items no result lists"
    assert set(STEPS) - steps == set(), "steps no result lists"


def test_every_group_an_item_or_step_applies_to_is_used() -> None:
    used = {d.applies for d in (*ITEMS.values(), *STEPS.values())}
    assert set(APPLIES.values()) - used == set()


def test_no_wording_is_left_with_a_placeholder() -> None:
    """Every ``{name}`` of the items and steps is filled at load; a finding's
    text only keeps the values its rule passes."""
    for d in ITEMS.values():
        assert "{" not in d.title + d.detail, d.id
    for d in STEPS.values():
        assert "{" not in d.title, d.id
    for d in FINDINGS.values():
        assert "{ask}" not in d.text
        d.text.format(**FIGURES, months=0, today="x")


def test_the_notice_number_and_year_come_from_the_parameters() -> None:
    """No wording file names the notice or its year; the ids carry no year."""
    for name in WORDING:
        body = (PACKAGE / name).read_text(encoding="utf-8")
        assert NOTICE["number"] not in body and str(NOTICE["year"]) not in body, name
    for ids in (FINDINGS, ITEMS, STEPS):
        assert not [i for i in ids if str(NOTICE["year"]) in i]



@pytest.mark.parametrize("entry", [
    {"id": "x", "severity": "note", "clause": "7", "text": "x", "remedies": ["fee"]},
    {"id": "x", "severity": "warning", "clause": "7", "text": "x"},
    {"id": "x", "severity": "note", "clause": "7"},
])
def test_a_mistyped_finding_stops_the_import(entry: dict) -> None:
    with pytest.raises(ValueError, match="findings.toml"):
        findings._definition(entry, ask="")


def test_an_item_for_no_one_stops_the_import() -> None:
    with pytest.raises(ValueError, match="who"):
        catalog._item({"id": "x", "title": "x", "detail": "x", "clause": "7", "who": "nobody", "applies": "all"})


def test_an_id_written_twice_stops_the_import() -> None:
    with pytest.raises(ValueError, match="twice"):
        datafile.by_id("findings.toml", [{"id": "a"}, {"id": "a"}], dict)



def stating_readings() -> list[tuple[str, str, tuple[str, ...]]]:
    """(where, text, readings) of every hint and checklist detail a page shows."""
    from checker.batch.roster import UNIT_KEYS
    from checker.batch.words import unit_voice
    from checker.questions import QUESTIONS

    return ([(f"question {q.id}", q.hint, q.readings) for q in QUESTIONS]
            + [(f"unit's desk {k}", unit_voice(k).hint, unit_voice(k).readings) for k in UNIT_KEYS]
            + [(f"item {d.id}", d.detail, d.readings) for d in ITEMS.values()])


def test_a_text_stating_a_reading_names_each_of_its_readings() -> None:
    """A hint or checklist detail that states the site's reading (本站理解…)
    says 解读说明 once per reading and names each reading, which the pages
    link in order (issue 20); a finding that does names its reading, which
    the pages link beside it (tests/test_readings.py: each is on 解读说明)."""
    problems = [(where, text, readings) for where, text, readings in stating_readings()
                if text.count("解读说明") != len(readings) or ("本站" in text and not readings)]
    problems += [(f"finding {d.id}", d.text) for d in FINDINGS.values() if "本站" in d.text and not d.reading]
    assert problems == []
    assert any(readings for _, _, readings in stating_readings())
