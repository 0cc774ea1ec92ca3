"""Headings and cells as offices write them (``checker/headings.toml``).

A column heading is matched by its question's short headings, its full wording
or its answer key; a cell by the question's everyday words, the options'
labels or keys, and the forms spreadsheets give dates and month counts
(Excel date cells and serial numbers, ``20170630``, ``2年``, ``1年6个月`` …).
A cell that is no answer raises :class:`CellProblem` with what was wrong and
what to write instead, in the officer's words: never an answer key,
``true``/``false`` or an exception name.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..answer_types import MAX_MONTHS, Invalid, handler, normalise
from ..parameters import MIN_EMPLOYMENT_MONTHS, RETIREMENT_CUTOFF, zh_date
from ..questions import BY_ID, QUESTIONS, Question

NAME = "name"
NAME_HEADER = "姓名"


class CellProblem(ValueError):
    """A cell that is no answer to its question; ``str()`` says what to write."""


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "headings.toml"), "rb") as handle:
        return tomllib.load(handle)


def clean(text: Any) -> str:
    """A cell or heading compared loosely: NFKC, trimmed, no inner spaces, a
    trailing 。 or full stop dropped, case-folded."""
    return normalise(str(text)).rstrip("。.")


def short_headings(key: str) -> list[str]:
    return list(table().get("questions", {}).get(key, {}).get("headings", []))


def short_heading(q: Question) -> str:
    """The heading the desk's exports write for a question."""
    found = short_headings(q.id)
    return found[0] if found else q.label


@lru_cache(maxsize=1)
def headings() -> dict[str, str]:
    """Every accepted heading (cleaned) → its answer key or :data:`NAME`."""
    found = {clean(NAME_HEADER): NAME, NAME: NAME}
    for q in QUESTIONS:
        for text in (q.id, q.label, f"{q.label}({q.id})", *short_headings(q.id)):
            found.setdefault(clean(text), q.id)
    return found


def ambiguous(heading: str) -> str | None:
    """Why a heading is not used, for a heading that could mean two questions."""
    for text, why in table().get("ambiguous", {}).items():
        if clean(text) == clean(heading):
            return why
    return None


def ambiguous_headings() -> dict[str, str]:
    return dict(table().get("ambiguous", {}))


def everyday_words(q: Question) -> str:
    """The question's everyday words beyond its options' labels, for the
    template's 说明 sheet and the /unit/ page (yes/no words for yes/no questions)."""
    labels = {clean(o.label.split("（")[0]) for o in q.options}
    if q.type == "boolean":
        yes_no = table().get("yes_no", {})
        words = [f"{w}（是）" for w in yes_no.get("yes", [])] + [f"{w}（否）" for w in yes_no.get("no", [])]
    else:
        entry = table().get("questions", {}).get(q.id, {}).get("words", {})
        shown_as = {str(o.value): o.label.split("（")[0] for o in q.options}
        words = [f"{w}（{shown_as[v]}）" for v, ws in entry.items() if v in shown_as for w in ws
                 if clean(w) not in labels]
    return "、".join(w for w in words if clean(w.split("（")[0]) not in labels)


def key_of(heading: Any) -> str | None:
    return headings().get(clean(heading)) if heading not in (None, "") else None


@lru_cache(maxsize=None)
def _words(key: str) -> dict[str, Any]:
    """Cleaned everyday word → answer, for one question (options' own labels and keys first)."""
    q = BY_ID[key]
    found: dict[str, Any] = {}
    for option in q.options:
        for name in (str(option.value).lower(), option.label, option.label.split("（")[0]):
            found.setdefault(clean(name), option.value)
    entry = table().get("questions", {}).get(key, {})
    if q.type == "boolean":
        yes_no = table().get("yes_no", {})
        for word in yes_no.get("yes", []):
            found.setdefault(clean(word), True)
        for word in yes_no.get("no", []):
            found.setdefault(clean(word), False)
    values = {str(o.value): o.value for o in q.options}
    for value, words in entry.get("words", {}).items():
        if value in values:  # an option that has gone is skipped, not guessed
            for word in words:
                found.setdefault(clean(word), values[value])
    return found


@lru_cache(maxsize=None)
def _refusals(key: str) -> dict[str, str]:
    return {clean(word): why for word, why in table().get("questions", {}).get(key, {}).get("refuse", {}).items()}


def accepted(q: Question) -> str:
    """What to write in a cell of this question, in words."""
    if q.type == "boolean":
        return "“是”或“否”（也可写 √、×、有、无、Y、N）"
    if q.options:
        return "、".join(f"“{o.label.split('（')[0]}”" for o in q.options)
    # The examples are the notice's own figures, so no page shows a date or a
    # month count that the parameters do not hold.
    if q.type == "integer":
        m = MIN_EMPLOYMENT_MONTHS
        return f"0 到 {MAX_MONTHS} 之间的整数月数，如 {m}、{m}个月、{m // 12}年{m % 12 or ''}{'个月' if m % 12 else ''}"
    y, mo, d = (int(part) for part in RETIREMENT_CUTOFF.split("-"))
    return f"日期，如 {RETIREMENT_CUTOFF}、{y}/{mo}/{d} 或 {zh_date(RETIREMENT_CUTOFF)}"


# ---- dates and month counts as spreadsheets hold them -------------------------

_EXCEL_EPOCH = _dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug included)
_COMPACT_DATE = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_DATE_TIME = re.compile(r"([0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})t?0{1,2}:0{2}(?::0{2})?")  # spaces are gone
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUMBER = r"([0-9]+|[一二两三四五六七八九十]{1,3})"
_YEARS_MONTHS = re.compile(rf"(?:{_NUMBER}年(?:半)?)?(?:零?{_NUMBER}个?月)?")


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN[text[1]]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN[tens] * 10 + (_CN[ones] if ones else 0)
    return _CN[text]


def _months(text: str) -> int | None:
    """``2年`` → 24, ``两年`` → 24, ``1年6个月`` → 18, ``一年半`` → 18."""
    m = _YEARS_MONTHS.fullmatch(text)
    if not m or not text or not (m.group(1) or m.group(2)):
        return None
    years = _cn_number(m.group(1)) if m.group(1) else 0
    months = _cn_number(m.group(2)) if m.group(2) else 0
    return years * 12 + months + (6 if "半" in text else 0)


def _date(cell: Any, text: str) -> str | None:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool) and 1 <= cell < 2958466:
        if float(cell).is_integer():  # an Excel serial number, e.g. 42916 (a cell formatted as number)
            return (_EXCEL_EPOCH + _dt.timedelta(days=int(cell))).isoformat()
    compact = _COMPACT_DATE.fullmatch(text)
    if compact:
        return "-".join(compact.groups())
    if re.fullmatch(r"[0-9]{5}(\.0+)?", text):
        return (_EXCEL_EPOCH + _dt.timedelta(days=int(float(text)))).isoformat()
    with_time = _DATE_TIME.fullmatch(text)
    return with_time.group(1) if with_time else None


def answer(q: Question, cell: Any) -> Any:
    """The answer a non-empty cell gives, or :class:`CellProblem`. A roster
    repeats the same few cells (是, 否, 中级 …) thousands of times: they are
    read once (the type is part of the key: ``1 == True``)."""
    return _answer(q.id, type(cell), cell)


@lru_cache(maxsize=8192)
def _answer(key: str, kind: type, cell: Any) -> Any:
    q = BY_ID[key]
    text = clean(cell) if not isinstance(cell, (_dt.date, bool)) else ""
    if text:
        refusal = _refusals(q.id).get(text)
        if refusal:
            raise CellProblem(refusal)
        if q.options and text in _words(q.id):
            return _words(q.id)[text]
    if q.type == "boolean" and isinstance(cell, (int, float)) and not isinstance(cell, bool) and cell in (0, 1):
        cell = bool(cell)
    elif q.type == "date" and not isinstance(cell, _dt.date):
        cell = _date(cell, text) or cell
    elif q.type == "integer" and isinstance(cell, str):
        months = _months(text)
        if months is not None:
            cell = months
    value = handler(q).from_cell(q, cell)
    try:
        return handler(q).check(q, value)
    except Invalid as err:
        raise CellProblem(_problem(q, err.problem)) from None


def _problem(q: Question, problem: str) -> str:
    if q.type == "integer" and problem in ("不能是负数", "超出范围"):
        return f"{problem}，请填写{accepted(q)}。"
    if q.type == "date" and problem == "不是真实存在的日期":
        return f"这一天不存在，请填写真实的{accepted(q)}。"
    return f"无法识别，请填写{accepted(q)}。"


@dataclass(frozen=True)
class VoiceQuestion:
    id: str
    label: str
    hint: str
    readings: tuple[str, ...] = ()
    """As :attr:`checker.questions.Question.readings`, for this hint."""


def unit_voice(key: str) -> VoiceQuestion:
    """A unit-wide question as the unit's desk asks it (本单位…); the
    applicant's wording when headings.toml has none for it."""
    entry = table().get("unit_voice", {}).get(key, {})
    q = BY_ID[key]
    if "hint" in entry:
        return VoiceQuestion(key, entry.get("label", q.label), entry["hint"], tuple(entry.get("readings", ())))
    return VoiceQuestion(key, entry.get("label", q.label), q.hint, q.readings)


def shown(cell: Any) -> str:
    """A cell as the officer typed it, for a message."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return unicodedata.normalize("NFC", str(cell)).strip()
