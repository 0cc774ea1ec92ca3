"""The shape of a check's result: typed, frozen and JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
    period: str = field(init=False)
    """The dates as every output words them: ``2017-08-01 至 2017-08-10``, or
    ``2017-08-11 起`` without an end (worded here only)."""

    def __post_init__(self) -> None:
        period = f"{self.start} 至 {self.end}" if self.end else f"{self.start} 起"
        object.__setattr__(self, "period", period)


@dataclass(frozen=True)
class Answer:
    """One answer the result was computed from, as a person reads it."""

    key: str
    question: str
    """The question's wording (``是否为公务员``)."""
    value: Any
    """The answer as the rules read it (``true``, ``"senior"``, ``24``, ``"2017-06-30"``)."""
    label: str
    """The chosen option's label, or the value with its unit (``是``, ``高级``,
    ``24个月``, ``2017-06-30``): :meth:`checker.questions.Question.shown`."""


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    findings: tuple[Finding, ...]
    checklist: tuple[ChecklistItem, ...]
    steps: tuple[Step, ...]
    fee_yuan: int | None
    dates: tuple[DateItem, ...]
    missing: tuple[str, ...]
    # What every renderer needs beyond the verdict, so that none validates the
    # answers or asks which questions apply again.
    answers: tuple[Answer, ...] = ()
    """The answers the result was computed from (valid, to questions that
    apply), in the questions' order."""
    applicable: tuple[str, ...] = ()
    """The questions that apply, given these answers, in order."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists, not tuples)."""
        data = asdict(self)
        return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}
