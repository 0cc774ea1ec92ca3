"""Every scenario file gives the expected verdict, checklist, steps and findings."""

from __future__ import annotations

import pytest

import datetime as dt

from checker import evaluate
from checker.findings import FINDINGS

from .scenarios import load_scenarios

SCENARIOS = load_scenarios()


def test_there_are_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 40


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(scenario: dict) -> None:
    today = dt.date.fromisoformat(scenario.get("today", "2017-06-01"))
    result = evaluate(scenario["answers"], today=today)
    checklist = {item.id for item in result.checklist}
    steps = {step.id for step in result.steps}
    findings = {finding.id for finding in result.findings}
    assert result.verdict == scenario["verdict"], [f.message for f in result.findings]
    assert set(scenario.get("checklist", ())) <= checklist
    assert not set(scenario.get("not_checklist", ())) & checklist
    assert set(scenario.get("steps", ())) <= steps
    assert not set(scenario.get("not_steps", ())) & steps
    assert set(scenario.get("findings", ())) <= findings
    assert not set(scenario.get("not_findings", ())) & findings
    assert set(scenario.get("clauses", ())) <= {finding.clause for finding in result.findings}
    if "missing" in scenario:
        assert list(result.missing) == scenario["missing"]
    if "fee_yuan" in scenario:
        assert result.fee_yuan == scenario["fee_yuan"]


def test_every_declared_finding_is_exercised_by_some_scenario() -> None:
    """Each finding a rule can report appears in a scenario's expectations."""
    expected = set()
    for s in SCENARIOS:
        expected |= set(s.get("findings", ())) | set(s.get("not_findings", ()))
    assert set(FINDINGS) - expected == set()
