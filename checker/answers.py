"""Checking an applicant's raw answers before any rule reads them.

Every problem raises :class:`AnswerError`, which names the key and says what is
allowed, in Chinese, so that the CLI, the API and the page can show it as is.

Who reads which message: :func:`validate` speaks to whoever writes answers as
JSON keyed by answer key (``check``, the library, the API), so it names the key
beside the question. People never meet those: the page sends only its own
questions' keys and words a refused answer by its question (app.js
``personMessage``); the unit's desk reads its answers by question or column
heading (``checker.batch.roster.unit_answers``). :func:`loads` is shared with
the unit's answers file (``batch --unit``), written by HR staff: its messages
name what was written and the example they are given, never an “answer key”.
Whatever the input, the message is short and printable: values and unknown
keys are echoed escaped and cut (they may come from anywhere, e.g. a link).
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping

from .answer_types import MAX_MONTHS, Invalid, handler
from .conditions import holds
from .questions import BY_ID, QUESTIONS, Question

Answers = dict[str, Any]

#: How many characters of a value or key a message echoes.
ECHO_CHARS = 40


class AnswerError(ValueError):
    """An answer the checker cannot accept. ``key`` names it (``None`` when
    the answers as a whole are not an object)."""

    def __init__(self, key: str | None, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"key": self.key, "message": self.message}}


def printable(text: str, limit: int = ECHO_CHARS) -> str:
    """``text`` safe to echo on a terminal or a page: control, format and
    unassigned characters (escape sequences, bidi overrides, lone surrogates)
    written as ``\\uXXXX``, and cut to ``limit`` characters."""
    cut = "".join(ch if ch.isprintable() else _escape(ch) for ch in text[:limit])
    return cut + "…" if len(text) > limit else cut


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shown(value: Any) -> str:
    """A short, printable rendering of any value, JSON-like where it can be.

    Never converts a huge integer to text (Python refuses beyond 4,300 digits)
    and never walks into nested containers."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        bound = 10 ** ECHO_CHARS
        return str(value) if -bound < value < bound else f"一个超过 {ECHO_CHARS} 位的整数"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return f'"{printable(value)}"'
    if isinstance(value, (list, tuple)):
        return "一个数组"
    if isinstance(value, Mapping):
        return "一个对象"
    return f"一个 {printable(type(value).__name__)} 值"


def _check(question: Question, value: Any) -> Any:
    kind = handler(question)
    try:
        return kind.check(question, value)
    except Invalid as bad:
        key = question.id
        raise AnswerError(key, f"答案“{key}”（{question.label}）{bad.problem}：收到 {shown(value)}，"
                               f"应为 {kind.allowed(question)}。") from None


def validate(raw: object) -> Answers:
    """Check raw answers (e.g. parsed JSON) and return them as a plain dict.

    ``null`` counts as "not answered". Raises :class:`AnswerError`.
    """
    if not isinstance(raw, Mapping):
        raise AnswerError(None, f"答案应为一个 JSON 对象（{{\"键\": 值, …}}），收到的是 {printable(type(raw).__name__)}。")
    answers: Answers = {}
    for key, value in raw.items():
        if not isinstance(key, str) or key not in BY_ID:
            echo = printable(key) if isinstance(key, str) else shown(key)
            raise AnswerError(key if isinstance(key, str) else echo,
                              f"未知的答案键“{echo}”。可用的键：{'、'.join(BY_ID)}。")
        if value is None:
            continue
        answers[key] = _check(BY_ID[key], value)
    return answers


#: The answer object :func:`loads` shows as an example in its messages.
EXAMPLE = '{"target_level": "senior"}'


def loads(text: str, example: str = EXAMPLE) -> Any:
    """Parse answers written as JSON, refusing what plain ``json.loads`` lets
    through or turns into other exceptions: a key given twice (the later one
    would silently win), integers too long for Python to convert,
    ``NaN``/``Infinity`` (not JSON), nesting deeper than the parser allows.
    Raises :class:`AnswerError`; the result still needs :func:`validate`.
    ``example`` is the object the messages show (the unit's answers file gives
    its own, keyed by heading)."""
    if _too_deep(text):
        raise AnswerError(None, f"输入的 JSON 嵌套超过 {MAX_DEPTH} 层，无法读取。应为一个答案对象，例如 {example}。")
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_int=_integer, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise AnswerError(None, f"输入不是有效的 JSON（第{err.lineno}行第{err.colno}列：{_JSON_PROBLEMS.get(err.msg, err.msg)}）。"
                                f"应为一个答案对象，例如 {example}。") from None
    except RecursionError:
        raise AnswerError(None, f"输入的 JSON 嵌套层数太多，无法读取。应为一个答案对象，例如 {example}。") from None


#: Deepest nesting :func:`loads` reads; answers need 1. Checked before
#: parsing: inside Pyodide, json's C parser overflows the JavaScript stack at a
#: few thousand levels, a fatal error instead of a RecursionError.
MAX_DEPTH = 100
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep(text: str) -> bool:
    """Whether arrays and objects in JSON ``text`` nest deeper than
    :data:`MAX_DEPTH` (brackets inside strings do not count)."""
    depth = 0
    for bracket in _BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


#: The json module's messages (stable since Python 3.5), in Chinese.
_JSON_PROBLEMS = {
    "Expecting value": "此处应有一个值",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Expecting property name enclosed in double quotes": "名称须用英文双引号括起",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "字符串中有控制字符",
    "Invalid \\escape": "无效的转义",
    "Invalid \\uXXXX escape": "无效的 \\u 转义",
    "Extra data": "JSON 之后还有多余的内容",
    "Illegal trailing comma before end of object": "对象末尾多了逗号",
    "Illegal trailing comma before end of array": "数组末尾多了逗号",
}


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise AnswerError(key, f"“{printable(key)}”出现了不止一次，无法确定用哪一个值。请只保留一个。")
        data[key] = value
    return data


def _integer(digits: str) -> int:
    try:
        return int(digits)
    except ValueError:  # more digits than sys.get_int_max_str_digits() allows
        raise AnswerError(None, f"输入中有一个 {len(digits.lstrip('-'))} 位的整数，位数太多，无法读取。"
                                f"答案中的数都是月数（0 到 {MAX_MONTHS}）。") from None


def _no_constant(name: str) -> Any:
    raise AnswerError(None, f"输入中的 {name} 不是 JSON 允许的值。")


def applicable(answers: Mapping[str, Any]) -> list[str]:
    """Ids of the questions that apply, given the answers so far, in order.

    A question's condition only reads answers to questions that themselves
    apply, so an answer left behind by a changed earlier answer is ignored.
    """
    kept: dict[str, Any] = {}
    ids: list[str] = []
    for question in QUESTIONS:
        if holds(question.when, kept):
            ids.append(question.id)
            if question.id in answers:
                kept[question.id] = answers[question.id]
    return ids
