"""The shape of a check's result: typed, frozen and JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Verdict = Literal["eligible", "conditional", "ineligible", "incomplete"]
Severity = Literal["blocker", "condition", "note"]
Who = Literal["applicant", "unit", "authority"]

VERDICTS: tuple[Verdict, ...] = ("eligible", "conditional", "ineligible", "incomplete")
SEVERITIES: tuple[Severity, ...] = ("blocker", "condition", "note")

VERDICT_LABELS: dict[str, str] = {
    "eligible": "可以申报",
    "conditional": "满足条件后可以申报",
    "ineligible": "不能申报",
    "incomplete": "还需回答问题",
}
SEVERITY_LABELS: dict[str, str] = {"blocker": "不能申报", "condition": "须满足", "note": "提示"}
WHO_LABELS: dict[str, str] = {"applicant": "申报人", "unit": "所在单位", "authority": "职改部门"}


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
    """A period or deadline of the 2017 timetable (dates inclusive)."""

    id: str
    title: str
    start: str | None
    end: str
    clause: str

    @property
    def period(self) -> str:
        """``2017-08-01 至 2017-08-10`` (or the end date alone)."""
        return f"{self.start} 至 {self.end}" if self.start else self.end


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
