"""The questions an applicant answers, in the order the page asks them.

Their wording, type, options, the situation in which each is asked and the
clauses it serves are written once, in ``questions.toml`` (wording apart from
code, as smart-answers keeps it); this module reads them into typed
:class:`Question` objects. The CLI's ``questions`` command, the page's form and
its static fallback are all generated from :data:`QUESTIONS`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from typing import Any, Literal

from . import situations
from .answer_types import HANDLERS
from .conditions import Condition
from .parameters import FIGURES
from .result import LEVEL_LABELS

QuestionType = Literal["choice", "boolean", "integer", "date"]


@dataclass(frozen=True)
class Option:
    value: str | bool
    label: str


YES_NO = (Option(True, "是"), Option(False, "否"))



@dataclass(frozen=True)
class Question:
    id: str
    """The answer key, e.g. ``"unit_type"``."""
    group: str
    """Heading of the group of questions on the page."""
    label: str
    hint: str
    type: QuestionType
    clauses: tuple[str, ...]
    options: tuple[Option, ...] = ()
    when: Condition | None = None
    unit: str = ""
    """Unit shown after a number field, e.g. ``"个月"``."""
    readings: tuple[str, ...] = ()
    """Anchors on 解读说明 of the readings the hint states, one for each
    “解读说明” in it, in order (the page links each there)."""

    def shown(self, value: Any) -> str:
        """An answer as a person reads it: the option's label, or the value
        with its unit (``是``, ``中级``, ``24个月``, ``2017-06-30``)."""
        for option in self.options:
            if option.value == value and type(option.value) is type(value):
                return option.label
        return f"{value}{self.unit}"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "group": self.group,
            "label": self.label,
            "hint": self.hint,
            "type": self.type,
            "options": [{"value": o.value, "label": o.label} for o in self.options],
            "when": self.when,
            "clauses": list(self.clauses),
            "readings": list(self.readings),
        }
        data.update(HANDLERS[self.type].form(self))  # e.g. an integer's bounds and unit
        return data


_LEVELS = tuple(Option(level, LEVEL_LABELS[level]) for level in ("junior", "intermediate", "senior"))
#: Option sets the questions file names instead of listing.
_OPTION_SETS: dict[str, tuple[Option, ...]] = {"levels": _LEVELS, "titles": (Option("none", "无职称"), *_LEVELS)}


def _options(kind: str, raw: str | list[dict[str, str]] | None) -> tuple[Option, ...]:
    if kind == "boolean":
        return YES_NO
    if isinstance(raw, str):
        return _OPTION_SETS[raw]
    return tuple(Option(o["value"], o["label"]) for o in raw or ())


def _question(raw: dict[str, Any], groups: dict[str, str]) -> Question:
    """One ``[[questions]]`` entry: figures filled in, the situation looked up."""
    when = raw.get("when")
    return Question(
        id=raw["id"],
        group=groups[raw["group"]],
        label=raw["label"].format(**FIGURES),
        hint=raw["hint"].format(**FIGURES),
        type=raw["type"],
        clauses=tuple(raw["clauses"]),
        options=_options(raw["type"], raw.get("options")),
        when=getattr(situations, when) if when else None,
        unit=raw.get("unit", ""),
        readings=tuple(raw.get("readings", ())),
    )


def _load() -> tuple[Question, ...]:
    with open(os.path.join(os.path.dirname(__file__), "questions.toml"), "rb") as handle:
        data = tomllib.load(handle)
    return tuple(_question(raw, data["groups"]) for raw in data["questions"])


QUESTIONS: tuple[Question, ...] = _load()

BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}


def questions_json() -> list[dict[str, Any]]:
    """The questions as the CLI's ``questions`` command prints them."""
    return [q.to_dict() for q in QUESTIONS]
