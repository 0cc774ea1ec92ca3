"""The notice's figures, read from ``parameters.toml`` (one file, each figure
with its clause and the notice's words), and the Chinese wording of dates.

Everything that shows a fee, a date or a threshold — rules, checklist wording,
questions, the CLI, the docs pages and the checker page — takes it from here.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from .datafile import load
from .labels import LEVEL_LABELS


@dataclass(frozen=True)
class Period:
    """A stage of 六 (dates inclusive; ``end`` is None where the notice gives none)."""

    id: str
    title: str
    clause: str
    quote: str
    start: str
    end: str | None = None


RAW: dict[str, Any] = load("parameters.toml")

NOTICE: dict[str, Any] = RAW["notice"]
CONTACT: dict[str, str] = RAW["contact"]
YEAR: int = NOTICE["year"]

#: Review fee in yuan per person and review, by target level (七).
FEES_YUAN: dict[str, int] = {level: RAW["fees"][level] for level in ("senior", "intermediate", "junior")}
FEE_BASIS: str = RAW["fees"]["basis"]

MIN_EMPLOYMENT_MONTHS: int = RAW["employment"]["min_months"]
MIN_ARCHIVE_MONTHS: int = RAW["archive"]["min_months"]
MIN_SOCIAL_SECURITY_MONTHS: int = RAW["social_security"]["min_months"]
#: Retired, or at retirement age, before this day: may not apply (一（一）).
RETIREMENT_CUTOFF: str = RAW["retirement"]["cutoff"]
#: Reaching the age within this year does not stop an application (一（一）3).
RETIREMENT_YEAR: tuple[str, str] = (RAW["retirement_year"]["start"], RAW["retirement_year"]["end"])

PERIODS: tuple[Period, ...] = tuple(Period(**p) for p in RAW["periods"])
PERIOD: dict[str, Period] = {p.id: p for p in PERIODS}
#: The last day the series office receives materials (六（三）).
DEADLINE: str = PERIOD["submission_deadline"].end  # type: ignore[assignment]


def quotes() -> list[tuple[str, str, str]]:
    """``(table, clause, quote)`` for every cited figure, for the quote test."""
    found = []
    for name, table in RAW.items():
        rows = table if isinstance(table, list) else [table]
        for row in rows:
            if "clause" in row:
                found.append((row.get("id", name), row["clause"], row["quote"]))
    return found


# --- wording of dates -------------------------------------------------------


def _d(iso: str) -> _dt.date:
    return _dt.date.fromisoformat(iso)


def zh_date(iso: str, year: bool = True) -> str:
    """``2017-08-10`` → ``2017年8月10日`` (``8月10日`` without the year)."""
    d = _d(iso)
    return f"{d.year}年{d.month}月{d.day}日" if year else f"{d.month}月{d.day}日"


def _month_end(d: _dt.date) -> bool:
    return (d + _dt.timedelta(days=1)).day == 1


def zh_period(start: str, end: str | None) -> str:
    """A period the way the notice writes it: ``2017年4-5月``,
    ``2017年8月1-10日``, ``2017年8月11日起``."""
    a = _d(start)
    if end is None:
        return f"{zh_date(start)}起"
    b = _d(end)
    if a.year == b.year and a.day == 1 and _month_end(b):
        months = f"{a.month}-{b.month}" if a.month != b.month else f"{a.month}"
        return f"{a.year}年{months}月"
    if a.year == b.year and a.month == b.month:
        return f"{a.year}年{a.month}月{a.day}-{b.day}日"
    return f"{zh_date(start)}至{zh_date(end, year=a.year != b.year)}"


def day_before(iso: str) -> str:
    """The last day before ``iso`` (``2017-01-01`` → ``2016-12-31``)."""
    return (_d(iso) - _dt.timedelta(days=1)).isoformat()


def _fees_text() -> str:
    """``高级380元、中级230元、初级150元``, in the notice's order."""
    return "、".join(f"{LEVEL_LABELS[level]}{yuan}元" for level, yuan in FEES_YUAN.items())


#: Every figure the wording may name (``{name}`` in the findings, questions and
#: checklist wording; ``{{ name }}`` on the docs pages), all from parameters.toml.
FIGURES: dict[str, str] = {
    "year": str(YEAR),
    "notice_number": NOTICE["number"],
    "notice_title": NOTICE["title"],
    "office": NOTICE["office"],
    "phone": CONTACT["phone"],
    "address": CONTACT["address"],
    "email": CONTACT["email"],
    "fees": _fees_text(),
    "fee_basis": FEE_BASIS,
    **{f"fee_{level}": str(yuan) for level, yuan in FEES_YUAN.items()},
    "employment_months": str(MIN_EMPLOYMENT_MONTHS),
    "archive_months": str(MIN_ARCHIVE_MONTHS),
    "social_months": str(MIN_SOCIAL_SECURITY_MONTHS),
    "cutoff_day": zh_date(day_before(RETIREMENT_CUTOFF)),
    "year_start": zh_date(RETIREMENT_YEAR[0]),
    "year_end": zh_date(RETIREMENT_YEAR[1], year=False),
    "year_end_full": zh_date(RETIREMENT_YEAR[1]),
    "retirement_year": f"{zh_date(RETIREMENT_YEAR[0])}至{zh_date(RETIREMENT_YEAR[1], year=False)}",
    "deadline": zh_date(DEADLINE),
    "deadline_short": zh_date(DEADLINE, year=False),
    **{f"period_{p.id}": zh_period(p.start, p.end) for p in PERIODS},
}
