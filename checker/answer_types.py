"""One handler per question type: what a value must be, and how to say so.

Each handler answers three things about a question of its type:

``check(question, value)``
    the value as the rules read it, or :class:`Invalid` with the problem
    (a short Chinese phrase such as ``"不是整数"``);
``allowed(question)``
    what is allowed, in Chinese, for the message that names the problem;
``form(question)``
    the extra JSON a form needs beyond the question's own fields
    (``{}`` for most types; bounds for integers);
``from_cell(question, cell)``
    the answer a spreadsheet cell or pasted text gives, as people type it
    (``是``, ``中级``, ``24个月``, ``2017年6月30日``); a cell that is no such
    answer comes back as typed, so that :meth:`check` names the problem.

Adding a question type means adding one handler to :data:`HANDLERS`.
Nothing here imports beyond the standard library, so it runs in Pyodide.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import lru_cache
from typing import Any, Protocol

#: Limit on month counts: anything above a working life is a typing error.
MAX_MONTHS = 1200


class _Option(Protocol):
    @property
    def value(self) -> str | bool: ...

    @property
    def label(self) -> str: ...


class Question(Protocol):
    """What a handler reads of a question (``questions.Question`` is one):
    named here so that this module imports no other of the checker's."""

    @property
    def type(self) -> str: ...

    @property
    def options(self) -> tuple[_Option, ...]: ...

    @property
    def unit(self) -> str: ...

# ASCII digits only: ``\d`` would take any Unicode digit (e.g. "２０１７"),
# and fullmatch, unlike ``$``, refuses a trailing newline.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# As typed into a spreadsheet (after NFKC): 2017/6/30, 2017.6.30, 2017年6月30日; 24, +24, 24.0.
_DATE_PARTS = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?")
_INTEGER = re.compile(r"\+?([0-9]+)(?:\.0+)?")


class Invalid(Exception):
    """A value a handler refuses; ``problem`` says why in a few words."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def normalise(text: Any) -> str:
    """Compare typed text loosely: full-width → half-width, no spaces, no
    trailing question mark or colon, case-insensitive."""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return re.sub(r"\s+", "", folded).rstrip("?:*")


def _as_typed(cell: Any) -> Any:
    return cell.strip() if isinstance(cell, str) else cell if isinstance(cell, (int, float)) else str(cell)


@lru_cache(maxsize=None)
def _option_names(options: tuple[Any, ...]) -> dict[str, Any]:
    """Each option by its key and its label (also without a bracketed remark)."""
    names: dict[str, Any] = {}
    for option in options:
        for name in (str(option.value).lower(), option.label, option.label.split("（")[0]):
            names.setdefault(normalise(name), option.value)
    return names


class Handler:
    """Base handler: subclasses override :meth:`check` and :meth:`allowed`."""

    def check(self, question: Question, value: Any) -> Any:
        raise NotImplementedError

    def allowed(self, question: Question) -> str:
        raise NotImplementedError

    def form(self, question: Question) -> dict[str, Any]:
        return {}

    def from_cell(self, question: Question, cell: Any) -> Any:
        return _as_typed(cell)


class _Options(Handler):
    """Answered by one of the question's options, typed as its label or key."""

    def from_cell(self, question: Question, cell: Any) -> Any:
        if isinstance(cell, bool):  # a spreadsheet's TRUE/FALSE
            return cell if isinstance(self, Boolean) else str(cell).lower()
        found = _option_names(question.options).get(normalise(cell))
        return found if found is not None else _as_typed(cell)


class Boolean(_Options):
    def check(self, question: Question, value: Any) -> bool:
        if not isinstance(value, bool):
            raise Invalid("类型不对")
        return value

    def allowed(self, question: Question) -> str:
        return "true 或 false"


class Integer(Handler):
    """A count of months, 0 to :data:`MAX_MONTHS`."""

    minimum = 0
    maximum = MAX_MONTHS

    def check(self, question: Question, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid("不是整数")
        if value < self.minimum:
            raise Invalid("不能是负数")
        if value > self.maximum:
            raise Invalid("超出范围")
        return value

    def allowed(self, question: Question) -> str:
        return f"{self.minimum} 到 {self.maximum} 之间的整数"

    def form(self, question: Question) -> dict[str, Any]:
        return {"minimum": self.minimum, "maximum": self.maximum, "unit": question.unit}

    def from_cell(self, question: Question, cell: Any) -> Any:
        if isinstance(cell, int):  # a bool too: check() refuses it by name
            return cell
        if isinstance(cell, float) and cell.is_integer():
            return int(cell)
        text = normalise(cell).removesuffix(normalise(question.unit) if question.unit else "\0")
        number = _INTEGER.fullmatch(text)
        return int(number.group(1)) if number else _as_typed(cell)


class Date(Handler):
    """A real calendar date written ``YYYY-MM-DD``, kept as that string."""

    def check(self, question: Question, value: Any) -> str:
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise Invalid("不是 YYYY-MM-DD 格式")
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise Invalid("不是真实存在的日期") from None
        return value

    def allowed(self, question: Question) -> str:
        return "YYYY-MM-DD 格式的真实日期，例如 2017-06-30"

    def from_cell(self, question: Question, cell: Any) -> Any:
        if isinstance(cell, _dt.datetime):
            return cell.date().isoformat()
        if isinstance(cell, _dt.date):
            return cell.isoformat()
        parts = _DATE_PARTS.fullmatch(unicodedata.normalize("NFKC", str(cell)).strip())
        if parts:  # 2017/6/30, 2017年6月30日 → 2017-06-30 (an impossible day stays impossible)
            year, month, day = parts.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
        return _as_typed(cell)


class Choice(_Options):
    """One of the question's options (their values are strings)."""

    def check(self, question: Question, value: Any) -> str:
        # isinstance first: comparing an arbitrary object with == may run its code.
        if not isinstance(value, str) or value not in {o.value for o in question.options}:
            raise Invalid("不是可选的值")
        return value

    def allowed(self, question: Question) -> str:
        return "、".join(f'"{o.value}"（{o.label}）' for o in question.options)


#: Question type name (``Question.type``) → its handler.
HANDLERS: dict[str, Handler] = {
    "boolean": Boolean(),
    "integer": Integer(),
    "date": Date(),
    "choice": Choice(),
}


def handler(question: Question) -> Handler:
    """The handler for ``question``'s type."""
    return HANDLERS[question.type]
