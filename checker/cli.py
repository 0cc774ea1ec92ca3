"""``python -m checker``: check answers, or print the questions or the clause table.

Exit codes: 0 for every verdict; 2 for bad input or bad usage (including an
output that cannot be written), with one message on stderr and never a
traceback; 130 when interrupted (Ctrl-C); 141 (128 + SIGPIPE, as a shell
tool killed by it) when the reader stops early (``… | head -1``).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
from typing import Any, Callable, Sequence, TextIO

from . import trace
from .advice import ROUND_CLOSED, ineligible_advice
from .answer_types import HANDLERS, Invalid
from .answers import AnswerError, loads, printable, shown
from .batch import cli as batch_cli  # `batch`: the unit's desk (checker/batch/)
from .engine import evaluate
from .findings import reading_note
from .inputs import InputError, read_bytes, say, source_name, write_all
from .notice import clause_label
from .parameters import RAW, YEAR
from .questions import BY_ID, questions_json
from .result import SEVERITY_LABELS, VERDICT_LABELS, WHO_LABELS, Result

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

#: Largest input read. A complete set of answers is under 2 KB; the cap keeps
#: a wrong file (or /dev/zero) from filling memory.
MAX_INPUT_BYTES = 1024 * 1024
MAX_INPUT_TEXT = "1 MiB"

#: The clause of the fees (七).
FEE_CLAUSE: str = RAW["fees"]["clause"]

EXIT_CODES_HELP = "退出码：0 已得出结论（任何结论）；2 输入或用法有误；130 被中断（Ctrl-C）；141 读取输出的一方提前关闭。"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        _say(f"{message}\n（用法见 python -m checker --help）")
        raise SystemExit(EXIT_BAD_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m checker",
                     description=f"广西工艺美术系列专业技术资格评审（{YEAR}）申报自查。",
                     epilog=EXIT_CODES_HELP)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="读入一个 JSON 答案对象，输出结论与清单", epilog=EXIT_CODES_HELP)
    check.add_argument("file", nargs="?", default="-",
                       help=f"答案 JSON 文件（UTF-8，最大 {MAX_INPUT_TEXT}）；- 或省略时读标准输入（同样最大 {MAX_INPUT_TEXT}）")
    check.add_argument("--format", choices=("json", "text"), default="json", help="输出格式（默认 json）")
    check.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                       help="自查的日期（默认：本机日期）；晚于通知的截止日期时，结果会提示材料接收已截止")
    sub.add_parser("questions", help="以 JSON 输出全部问题")
    sub.add_parser("clauses", help="以 JSON 输出条款溯源表")
    batch_cli.add_parser(sub)
    return parser


def _day(text: str) -> _dt.date:
    """``--today``: a real date written YYYY-MM-DD, checked as a date answer is."""
    dates = HANDLERS["date"]
    try:
        return _dt.date.fromisoformat(dates.check(None, text))  # type: ignore[arg-type]
    except Invalid as bad:
        raise argparse.ArgumentTypeError(
            f"{bad.problem}：收到 {shown(text)}，应为 {dates.allowed(None)}。") from None  # type: ignore[arg-type]



def _say(message: str) -> None:
    """One message on stderr; nothing (and no second error) if stderr is gone."""
    say(sys.stderr, "python -m checker", message)


def read_text(source: str, stdin: TextIO | None) -> str:
    """The answers' text from a file or ``-`` (stdin), at most :data:`MAX_INPUT_BYTES`."""
    data = read_bytes(source, stdin, what="答案 JSON 文件", limit=MAX_INPUT_BYTES,
                      limit_text=MAX_INPUT_TEXT)
    name = source_name(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"无法读取{name}：须为 UTF-8 编码的文本。") from None


def format_text(result: Result) -> str:
    """A readable Chinese summary: clauses as people read them (二（二）4（1）),
    no answer key or verdict code (the JSON output has those)."""
    def cited(clause: str) -> str:
        return f"（依据：{clause_label(clause)}）"

    lines = [f"结论：{VERDICT_LABELS[result.verdict]}"]
    # After the deadline, the verdict's own line says the round has closed.
    lines += [f"　　{f.message}" for f in result.findings if f.id == ROUND_CLOSED]
    ineligible = result.verdict == "ineligible"
    if result.fee_yuan is not None and not ineligible:
        lines.append(f"评审费：{result.fee_yuan}元{cited(FEE_CLAUSE)}")
    # An ineligible result gives its reasons only (the notes are about applying).
    reasons = [f for f in result.findings if f.id != ROUND_CLOSED and (not ineligible or f.severity == "blocker")]
    if reasons:
        lines.append("\n为什么不能申报：" if ineligible else "\n理由与提示：")
        lines += [f"- [{SEVERITY_LABELS[f.severity]}] {f.message}{cited(f.clause)}{reading_note(f.id, f.message)}"
                  for f in reasons]
    if result.missing:
        lines.append("\n还需回答：")
        lines += [f"- {BY_ID[key].label}" for key in result.missing]
    if ineligible:
        # No steps, checklist, fee or dates: why (above), whether anything
        # could change it, whom to ask.
        lines.append("")
        lines += list(ineligible_advice())
    else:
        lines.append("\n申报步骤：")
        lines += [f"{n}. {s.title}{cited(s.clause)}" for n, s in enumerate(result.steps, 1)]
        lines.append("\n材料清单：")
        lines += [f"[ ] {c.title}——{WHO_LABELS[c.who]}{cited(c.clause)}" for c in result.checklist]
        lines.append("\n时间：")
        lines += [f"- {d.period}：{d.title}{cited(d.clause)}" for d in result.dates]
    # What the result was computed from, so that a reader can check the answers.
    lines.append("\n您的回答（结论据此得出）：")
    lines += [f"- {a.question} {a.label}" for a in result.answers]
    return "\n".join(lines) + "\n"


def _as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _output(args: argparse.Namespace, stdin: TextIO | None) -> Callable[[], str] | None:
    """What to print, or ``None`` after reporting bad input."""
    if args.command == "questions":
        return lambda: _as_json(questions_json())
    if args.command == "clauses":
        return lambda: _as_json(trace.table())
    try:
        answers = loads(read_text(args.file, stdin))
        result = evaluate(answers, today=args.today)
    except (InputError, AnswerError) as err:
        _say(str(err))
        return None
    if args.format == "text":
        return lambda: format_text(result)
    return lambda: _as_json(result.to_dict())


def _run(argv: Sequence[str] | None, stdin: TextIO | None, stdout: TextIO | None) -> int:
    args = _parser().parse_args(argv)
    if stdout is None:
        _say("标准输出已关闭，无法写出结果。")
        return EXIT_BAD_INPUT
    if args.command == "batch":  # reads a file, writes its own output and row messages
        return batch_cli.run(args, stdout)
    render = _output(args, stdin)
    if render is None:
        return EXIT_BAD_INPUT
    try:
        write_all(stdout, render())  # all or an error (python -u), reported here and not at exit
    except BrokenPipeError:
        raise
    except UnicodeEncodeError:
        _say(f"标准输出的编码（{getattr(stdout, 'encoding', '?')}）写不出中文，请改用 UTF-8（例如设置 PYTHONIOENCODING=utf-8）。")
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as err:  # e.g. a full disk, or a closed stream
        _say(f"无法写出结果（{printable(getattr(err, 'strerror', None) or type(err).__name__)}）。")
        return EXIT_BAD_INPUT
    return EXIT_OK


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (see the module's docstring)."""
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    try:
        return _run(argv, stdin, stdout)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # As the signal module's documentation advises: point stdout at
        # devnull so that Python's flush at exit does not fail a second time.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (AttributeError, OSError, ValueError):
            pass
        return EXIT_BROKEN_PIPE
