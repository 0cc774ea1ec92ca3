"""One handler per question type: what a value must be, and how to say so.

Each handler answers three things about a question of its type:

``check(question, value)``
    the value as the rules read it, or :class:`Invalid` with the problem
    (a short Chinese phrase such as ``"不是整数"``);
``allowed(question)``
    what is allowed, in Chinese, for the message that names the problem;
``form(question)``
    the extra JSON a form needs beyond the question's own fields
    (``{}`` for most types; bounds for integers).

Adding a question type means adding one handler to :data:`HANDLERS`.
Nothing here imports beyond the standard library, so it runs in Pyodide.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

#: Limit on month counts: anything above a working life is a typing error.
MAX_MONTHS = 1200

if TYPE_CHECKING:
    from .questions import Question

# ASCII digits only: ``\d`` would take any Unicode digit (e.g. "２０１７"),
# and fullmatch, unlike ``$``, refuses a trailing newline.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Invalid(Exception):
    """A value a handler refuses; ``problem`` says why in a few words."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class Handler:
    """Base handler: subclasses override :meth:`check` and :meth:`allowed`."""

    def check(self, question: Question, value: Any) -> Any:
        raise NotImplementedError

    def allowed(self, question: Question) -> str:
        raise NotImplementedError

    def form(self, question: Question) -> dict[str, Any]:
        return {}


class Boolean(Handler):
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


class Choice(Handler):
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
