"""``python -m checker``: check answers, or print the questions or the clause table.

Exit codes: 0 for every verdict; 2 for bad input or bad usage, with one message
on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Sequence, TextIO

from . import trace
from .answers import AnswerError
from .batch import cli as batch_cli  # `batch`: the unit's desk (checker/batch/)
from .engine import evaluate
from .questions import BY_ID, questions_json
from .result import SEVERITY_LABELS, VERDICT_LABELS, WHO_LABELS, Result

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        sys.stderr.write(f"python -m checker: {message}\n（用法见 python -m checker --help）\n")
        raise SystemExit(EXIT_BAD_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m checker",
                     description="广西工艺美术系列专业技术资格评审（2017）申报自查。")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="读入一个 JSON 答案对象，输出结论与清单")
    check.add_argument("file", nargs="?", default="-", help="答案 JSON 文件；- 或省略时读标准输入")
    check.add_argument("--format", choices=("json", "text"), default="json", help="输出格式（默认 json）")
    sub.add_parser("questions", help="以 JSON 输出全部问题")
    sub.add_parser("clauses", help="以 JSON 输出条款溯源表")
    batch_cli.add_parser(sub)
    return parser


class InputError(Exception):
    """Input that is not a JSON object of answers (before validation)."""


def read_answers(source: str, stdin: TextIO) -> Any:
    try:
        if source == "-":
            buffer = getattr(stdin, "buffer", None)
            text = buffer.read().decode("utf-8-sig") if buffer else stdin.read()
        else:
            with open(source, encoding="utf-8-sig") as handle:
                text = handle.read()
    except FileNotFoundError:
        raise InputError(f"找不到文件：{source}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"无法读取{'标准输入' if source == '-' else source}：须为 UTF-8 编码的文本（{type(err).__name__}）。") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"输入不是有效的 JSON（第{err.lineno}行第{err.colno}列：{err.msg}）。应为一个答案对象，例如 {{\"target_level\": \"senior\"}}。") from None


def format_text(result: Result, answers: dict[str, Any]) -> str:
    """A readable Chinese summary."""
    lines = [f"结论：{VERDICT_LABELS[result.verdict]}（{result.verdict}）"]
    if result.fee_yuan is not None:
        lines.append(f"评审费：{result.fee_yuan}元（七）")
    if result.findings:
        lines.append("\n理由与提示：")
        lines += [f"- [{SEVERITY_LABELS[f.severity]}] {f.message}（条款 {f.clause}）" for f in result.findings]
    if result.missing:
        lines.append("\n还需回答：")
        lines += [f"- {BY_ID[key].label}（{key}）" for key in result.missing]
    lines.append("\n申报步骤：")
    lines += [f"{n}. {s.title}（条款 {s.clause}）" for n, s in enumerate(result.steps, 1)]
    lines.append("\n材料清单：")
    lines += [f"[ ] {c.title}——{WHO_LABELS[c.who]}（条款 {c.clause}）" for c in result.checklist]
    lines.append("\n时间：")
    lines += [f"- {d.period}：{d.title}（条款 {d.clause}）" for d in result.dates]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    args = _parser().parse_args(argv)
    if args.command == "questions":
        json.dump(questions_json(), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
        return EXIT_OK
    if args.command == "batch":
        return batch_cli.run(args, stdout)
    if args.command == "clauses":
        json.dump(trace.table(), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
        return EXIT_OK
    try:
        answers = read_answers(args.file, stdin)
        result = evaluate(answers)
    except (InputError, AnswerError) as err:
        sys.stderr.write(f"python -m checker: {err}\n")
        return EXIT_BAD_INPUT
    if args.format == "text":
        stdout.write(format_text(result, answers))
    else:
        json.dump(result.to_dict(), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    return EXIT_OK
