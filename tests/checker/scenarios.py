"""Load the scenario files (tests/scenarios/*.json): plain data, OpenFisca-style.

Each scenario: ``name``, optional ``base`` (a named answer set in bases.json)
and ``answers`` (merged over the base; ``null`` removes a base answer), the
expected ``verdict``, and optionally ``checklist``/``not_checklist``,
``steps``/``not_steps``, ``findings``/``not_findings`` (ids that must / must
not appear), ``clauses`` (clauses the findings must cite), ``missing`` (exact),
``fee_yuan`` and ``today`` (the day of the check, YYYY-MM-DD; default 2017-06-01,
inside the notice's round).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DIR = Path(__file__).resolve().parent.parent / "scenarios"


def answers_of(scenario: dict[str, Any], bases: dict[str, dict[str, Any]]) -> dict[str, Any]:
    answers = dict(bases[scenario["base"]]) if "base" in scenario else {}
    for key, value in scenario["answers"].items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    return answers


def load_scenarios() -> list[dict[str, Any]]:
    """Every scenario, with its ``answers`` already merged over its base."""
    bases = json.loads((DIR / "bases.json").read_text(encoding="utf-8"))
    found = []
    for path in sorted(DIR.glob("*.json")):
        if path.name == "bases.json":
            continue
        for scenario in json.loads(path.read_text(encoding="utf-8")):
            found.append({**scenario, "answers": answers_of(scenario, bases), "file": path.name})
    return found
