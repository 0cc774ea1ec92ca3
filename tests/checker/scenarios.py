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
import random
from pathlib import Path
from typing import Any

from checker.questions import QUESTIONS

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


def random_answer_sets(count: int, seed: int = 2017,
                       dates: tuple[str, ...] = ("2016-12-31", "2017-01-01", "2017-12-31", "2018-01-01")) -> list[dict[str, Any]]:
    """Answer sets over every question (valid values only, near the thresholds),
    the same for the same seed: for comparing the page or a roster with the CLI."""
    rng = random.Random(seed)
    sets = []
    for _ in range(count):
        answers: dict[str, Any] = {}
        for q in QUESTIONS:
            if rng.random() < 0.75:
                if q.options:
                    answers[q.id] = rng.choice(q.options).value
                elif q.type == "integer":
                    answers[q.id] = rng.choice([0, 5, 6, 11, 12, 36])
                else:
                    answers[q.id] = rng.choice(dates)
        sets.append(answers)
    return sets
