"""The shape of a check's result: typed, frozen and JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

# How a person reads these codes is wording (labels.toml, read by labels.py);
# the renderers find the labels here, beside the codes.
from .labels import LEVEL_LABELS, SEVERITY_LABELS, VERDICT_LABELS, WHO_LABELS  # noqa: F401

Verdict = Literal["eligible", "conditional", "ineligible", "incomplete"]
Severity = Literal["blocker", "condition", "note"]
Who = Literal["applicant", "unit", "archive", "authority", "unnamed"]

VERDICTS: tuple[Verdict, ...] = ("eligible", "conditional", "ineligible", "incomplete")
SEVERITIES: tuple[Severity, ...] = ("blocker", "condition", "note")


@dataclass(frozen=True)
class Finding:
    """One reason behind the verdict, with the clause it comes from."""

    id: str
    severity: Severity
    message: str
    clause: str


@dataclass(frozen=True)
class ChecklistItem:
    """Something to prepare or do, and who does it."""

    id: str
    title: str
    detail: str
    clause: str
    who: Who


@dataclass(frozen=True)
class Step:
    """One step of the application route, in order."""

    id: str
    title: str
    clause: str


@dataclass(frozen=True)
class DateItem:
    """A period of the notice's timetable (dates inclusive; ``end`` is None
    where the notice gives no end, e.g. 8月中旬起)."""

    id: str
    title: str
    start: str
    end: str | None
    clause: str

    @property
    def period(self) -> str:
        """``2017-08-01 至 2017-08-10``, or ``2017-08-11 起`` without an end."""
        return f"{self.start} 至 {self.end}" if self.end else f"{self.start} 起"


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    findings: tuple[Finding, ...]
    checklist: tuple[ChecklistItem, ...]
    steps: tuple[Step, ...]
    fee_yuan: int | None
    dates: tuple[DateItem, ...]
    missing: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists, not tuples)."""
        data = asdict(self)
        return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}
