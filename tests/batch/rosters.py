"""Rosters for the tests: random answer sets written as a unit's HR officer
would (Chinese labels or keys, mixed), with the answers they stand for."""

from __future__ import annotations

import csv
import io
import random
from typing import Any

from checker.questions import QUESTIONS

from ..checker.scenarios import random_answer_sets

HOSTILE_NAMES = ["=HYPERLINK(\"http://evil.example/\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB",
                 "<img src=x onerror=alert(1)>", "<b>王</b>&amp;"]


def answer_sets(count: int, seed: int = 2017) -> list[dict[str, Any]]:
    return random_answer_sets(count, seed, dates=("2016-12-31", "2017-01-01", "2017-12-31"))


def cell(q: Any, value: Any, rng: random.Random) -> str:
    """As typed in a spreadsheet: an option's label or its key."""
    if q.options:
        option = next(o for o in q.options if o.value == value)
        return option.label if rng.random() < 0.5 else str(value).lower()
    return str(value)


def table(sets: list[dict[str, Any]], names: list[str] | None = None, by_label: bool = True,
          seed: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    header = ["姓名", *((q.label if by_label and n % 2 else q.id) for n, q in enumerate(QUESTIONS))]
    rows = [header]
    for n, answers in enumerate(sets):
        name = names[n] if names else f"职工{n + 1:04d}"
        rows.append([name, *(cell(q, answers[q.id], rng) if q.id in answers else "" for q in QUESTIONS)])
    return rows


def to_csv(rows: list[list[Any]], delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def to_xlsx(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    for line in book.active.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # a name such as "=1+1" is text in the roster too
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def staff_sets(count: int, seed: int = 2017) -> list[dict[str, Any]]:
    """A unit's staff as HR would list it: complete answers for people working
    in Guangxi, varied where staff differ (level, title, unit type, 破格 …),
    so that most may apply and a few may not (unlike :func:`answer_sets`,
    where random answers make most rows 不能申报)."""
    rng = random.Random(seed)
    sets = []
    for _ in range(count):
        level = rng.choice(["junior", "intermediate", "intermediate", "senior"])
        title = {"junior": "none", "intermediate": "junior", "senior": "intermediate"}[level]
        answers: dict[str, Any] = {
            "target_level": level, "current_title": rng.choice([title, title, title, "none"]),
            "civil_servant": rng.random() < 0.02, "work_location": "guangxi",
            "employment_months": rng.choice([6, 12, 24, 60]), "archive_months": rng.choice([0, 0, 12]),
            "unit_type": rng.choice(["state_owned", "non_public", "social_org"]),
            "unit_non_legal_branch": False, "retired": False,
            "meets_conditions": rng.choice(["yes", "yes", "yes", "no", "unsure"]),
            "other_application_this_year": rng.random() < 0.03,
            "continuing_education_done": rng.random() < 0.9,
            "id_number_changed": rng.random() < 0.05, "education_abroad": rng.random() < 0.05,
        }
        if level == "senior":
            answers["high_level_talent"] = False
        if answers["archive_months"]:
            answers["via_talent_market"] = rng.random() < 0.3
        if answers["unit_type"] != "state_owned":
            answers["social_security_months"] = rng.choice([3, 6, 12, 36])
        if answers["meets_conditions"] != "yes":
            answers["exceptional"] = rng.random() < 0.7
        if answers["current_title"] == "none" or answers.get("exceptional"):
            answers["preapproved"] = rng.random() < 0.8
            if answers["current_title"] == "none":
                answers["from_state_organ"] = False
        sets.append(answers)
    return sets
