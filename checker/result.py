"""The shape of a check's result: typed, frozen and JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Verdict = Literal["eligible", "conditional", "ineligible", "incomplete"]
Severity = Literal["blocker", "condition", "note"]
Who = Literal["applicant", "unit", "archive", "authority", "unnamed"]

VERDICTS: tuple[Verdict, ...] = ("eligible", "conditional", "ineligible", "incomplete")
SEVERITIES: tuple[Severity, ...] = ("blocker", "condition", "note")

VERDICT_LABELS: dict[str, str] = {
    "eligible": "可以申报",
    "conditional": "满足条件后可以申报",
    "ineligible": "不能申报",
    "incomplete": "还需回答问题",
}
SEVERITY_LABELS: dict[str, str] = {"blocker": "不能申报", "condition": "须满足", "note": "提示"}
WHO_LABELS: dict[str, str] = {
    "applicant": "申报人",
    "unit": "所在单位",
    "archive": "档案管理部门",
    "authority": "职改部门或评委会",  # 三（三）2 names the 评委会; 二（一）4 and 五 the 职改 offices
    "unnamed": "通知未写明由谁办理",  # the notice names no party (e.g. who pays the fee)
}
#: Labels of the review levels, in the notice's order (七: 高级、中级、初级).
LEVEL_LABELS: dict[str, str] = {"senior": "高级", "intermediate": "中级", "junior": "初级"}


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
