"""Every scenario file gives the expected verdict, checklist, steps and findings."""

from __future__ import annotations

import pytest

from checker import evaluate

from .scenarios import load_scenarios

SCENARIOS = load_scenarios()


def test_there_are_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 40


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(scenario: dict) -> None:
    result = evaluate(scenario["answers"])
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
    if "missing" in scenario:
        assert list(result.missing) == scenario["missing"]
    if "fee_yuan" in scenario:
        assert result.fee_yuan == scenario["fee_yuan"]


def test_every_rule_outcome_is_exercised_by_some_scenario() -> None:
    """Each finding id that a rule can produce appears in a scenario's expectations."""
    import inspect
    import re

    from checker import rules

    source = inspect.getsource(rules)
    produced = set(re.findall(r'ctx\.(?:block|condition|note)\(\s*"([a-z_0-9]+)"', source))
    expected = set()
    for s in SCENARIOS:
        expected |= set(s.get("findings", ())) | set(s.get("not_findings", ()))
    assert produced - expected == set()
