"""Everything a result can list besides findings, read from ``catalog.toml``:
checklist items, route steps and dates, each with the clause it comes from and
whom it applies to.

Rules (``rules.py``) only pick items by id; the page's static fallback lists
every item here with its ``applies`` text, so nothing is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from .datafile import by_id, check_keys, load
from .parameters import FIGURES, PERIODS
from .result import ChecklistItem, DateItem, Step, Who


@dataclass(frozen=True)
class ItemDef:
    id: str
    title: str
    detail: str
    clause: str
    who: Who
    applies: str
    """Who needs it, in words, for the generic checklist."""
    readings: tuple[str, ...] = ()
    """Anchors on 解读说明 of the readings the detail states, one for each
    “解读说明” in it, in order (the pages link each there)."""

    def item(self) -> ChecklistItem:
        return ChecklistItem(self.id, self.title, self.detail, self.clause, self.who)


@dataclass(frozen=True)
class StepDef:
    id: str
    title: str
    clause: str
    applies: str

    def step(self) -> Step:
        return Step(self.id, self.title, self.clause)


_DATA = load("catalog.toml")
#: Whom an item or step applies to, by the names ``applies`` uses.
APPLIES: dict[str, str] = _DATA["applies"]
#: What the wording may name: the notice's figures and the titles of 六's periods.
_FIELDS: dict[str, str] = {**FIGURES, **{f"title_{p.id}": p.title for p in PERIODS}}


def _words(raw: dict[str, Any], key: str) -> str:
    return raw[key].format(**_FIELDS)


def _item(raw: dict[str, Any]) -> ItemDef:
    check_keys(f"catalog.toml item {raw.get('id')!r}", raw, {"id", "title", "detail", "clause", "who", "applies"},
               {"readings"})
    if raw["who"] not in get_args(Who):
        raise ValueError(f"catalog.toml item {raw['id']!r}: who {raw['who']!r}")
    return ItemDef(raw["id"], _words(raw, "title"), _words(raw, "detail"), raw["clause"], raw["who"],
                   APPLIES[raw["applies"]], tuple(raw.get("readings", ())))


def _step(raw: dict[str, Any]) -> StepDef:
    check_keys(f"catalog.toml step {raw.get('id')!r}", raw, {"id", "title", "clause", "applies"})
    return StepDef(raw["id"], _words(raw, "title"), raw["clause"], APPLIES[raw["applies"]])


ITEMS: dict[str, ItemDef] = by_id("catalog.toml items", _DATA["items"], _item)
STEPS: dict[str, StepDef] = by_id("catalog.toml steps", _DATA["steps"], _step)

DATES = tuple(DateItem(p.id, p.title, p.start, p.end, p.clause) for p in PERIODS)

#: For the who-may-apply diagram (sitegen/diagrams.py).
ALL = APPLIES["all"]
OFFICE = FIGURES["office"]
