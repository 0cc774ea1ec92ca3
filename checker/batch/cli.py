"""``python -m checker batch ROSTER [--unit UNIT.json] [--format json|text] [--out FILE]``.

Exit 0 when the roster was read (problems in rows go to stderr and into the
output), 2 when it cannot be read at all; one message, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from ..answers import AnswerError, loads, printable
from ..findings import ASK, reading_note
from ..inputs import InputError, read_bytes, say, write_all
from ..notice import clause_label
from ..questions import BY_ID
from ..result import SEVERITY_LABELS, VERDICT_LABELS, VERDICTS
from . import limits
from .reading import RosterError, read_sheets
from .roster import UNIT_EXAMPLE, Batch, UnitAnswerError, check_sheets, unit_answers

EXIT_OK = 0
EXIT_BAD_INPUT = 2
OUT_FORMATS = (".xlsx", ".csv", ".json")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("batch", help="单位批量自查：读入花名册（.xlsx、.xls 或 .csv），逐行给出结论")
    parser.add_argument("file", help="花名册：.xlsx、.xls、.csv（UTF-8 或 GBK）或制表符分隔的文本；须有“姓名”列，"
                        "列标题可在标题之下、可占两行")
    parser.add_argument("--unit", metavar="UNIT.json", help="单位共同的答案（JSON 对象，名称写问题或列标题，"
                        "如 {\"单位性质\": \"民营企业\"}），各行未填的题目按此填写")
    parser.add_argument("--format", choices=("json", "text"), default="json", help="标准输出的格式（默认 json）")
    parser.add_argument("--out", metavar="FILE", help="另存结果：.xlsx、.csv（UTF-8 带 BOM）或 .json")
    parser.add_argument("--base-url", default="/", help="个人自查链接的网站地址（写入导出文件），默认 /")
    return parser


class _Refused(Exception):
    pass


#: Far above any staff list (1,000 rows of .xlsx are about 100 KB); the page's limit too.
MAX_ROSTER_BYTES = limits.MAX_FILE_BYTES
MAX_ROSTER_TEXT = limits.MAX_FILE_TEXT


def _read_bytes(path: str, what: str) -> bytes:
    try:
        return read_bytes(path, sys.stdin, what=what, limit=MAX_ROSTER_BYTES, limit_text=MAX_ROSTER_TEXT)
    except InputError as err:
        raise _Refused(str(err)) from None


def _unit(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    data = _read_bytes(path, "单位答案 JSON 文件")
    try:
        # The same strict reader as `check` (duplicate keys, huge integers, deep nesting).
        return unit_answers(loads(data.decode("utf-8-sig"), example=UNIT_EXAMPLE))
    except UnicodeDecodeError:
        raise _Refused(f"单位答案文件 {_path(path)} 不是 UTF-8 编码的文本。") from None
    except AnswerError as err:
        raise _Refused(f"单位答案文件 {_path(path)}：{err.message}") from None
    except UnitAnswerError as err:
        raise _Refused(f"单位答案文件 {_path(path)}：{err}") from None


def _path(path: str) -> str:
    """A path as it may be echoed (control characters and bidi overrides escaped)."""
    return printable(path, 300)


#: Why a file could not be written, in the user's words (errno → reason).
_WRITE_REASONS = {errno.ENOSPC: "磁盘已满", errno.EDQUOT: "磁盘配额已用完", errno.EACCES: "没有写入权限",
                  errno.EPERM: "没有写入权限", errno.EROFS: "只读的磁盘", errno.EISDIR: "这是一个文件夹",
                  errno.ENOENT: "所在的文件夹不存在", errno.ENOTDIR: "路径中有一项不是文件夹"}


def _reason(err: OSError | ValueError) -> str:
    if isinstance(err, OSError) and err.errno in _WRITE_REASONS:
        return _WRITE_REASONS[err.errno]
    return printable(getattr(err, "strerror", None) or type(err).__name__)


def _same_file(a: str, b: str) -> bool:
    """Whether two paths name one file, however they are spelled (./r.csv,
    a/../r.csv, a symbolic or hard link, another case on a case-blind disk)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def _check_out(args: argparse.Namespace) -> None:
    """Refuse an --out that would overwrite an input or cannot be a file, before any work."""
    out = args.out
    for source, what in ((args.file, "花名册文件"), (args.unit, "单位答案文件")):
        if source and source != "-" and _same_file(out, source):
            raise _Refused(f"--out 不能写到{what}本身（{_path(out)}），否则会覆盖它：请另取一个文件名，例如 结果.xlsx。")
    if os.path.isdir(out) or out.endswith(("/", os.sep)):
        raise _Refused(f"--out 指向的是一个文件夹（{_path(out)}）：请写出文件名，例如 {_path(os.path.join(out, '结果.xlsx'))}。")


def _write_out(batch: Batch, path: str, base_url: str) -> None:
    suffix = Path(path).suffix.lower()
    if suffix not in OUT_FORMATS:
        raise _Refused(f"--out 的文件名须以 {'、'.join(OUT_FORMATS)} 结尾：{_path(path)}")
    if suffix == ".json":
        data = (json.dumps(batch.to_contract(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    elif suffix == ".csv":
        from .export import to_csv

        data = to_csv(batch, base_url)
    else:
        from .export import to_xlsx

        data = to_xlsx(batch, base_url)
    try:
        Path(path).write_bytes(data)
    except OSError as err:
        raise _Refused(f"无法写入 {_path(path)}（{_reason(err)}）。") from None


def format_text(batch: Batch) -> str:
    """For a person to read: what was read, then the people grouped by verdict,
    each with their reasons and the questions still to answer (clauses as the
    notice numbers them), then the counts and the fees."""
    lines = [batch.read_as()]
    if batch.ignored_columns:
        lines.append(f"未用于判断的列：{'、'.join(batch.ignored_columns)}。")
    groups = [(VERDICT_LABELS[v], [r for r in batch.rows if r.verdict == v]) for v in VERDICTS]
    groups.append(("表格有误（未检查）", [r for r in batch.rows if r.verdict is None]))
    for title, rows in groups:
        if not rows:
            continue
        lines.append(f"\n{title}（{len(rows)}人）")
        for row in rows:
            fee = f"，评审费{row.fee_yuan}元" if row.fee_yuan is not None and row.verdict != "ineligible" else ""
            lines.append(f"  第{row.row}行 {row.name or '（无姓名）'}{fee}")
            for f in row.result.findings if row.result else ():
                if f.severity != "note":
                    lines.append(f"    {SEVERITY_LABELS[f.severity]}：{f.message}（{clause_label(f.clause)}）"
                                 f"{reading_note(f.id, f.message)}")
            if row.verdict == "ineligible":
                lines.append(f"    {ASK}")
            if row.result and row.result.missing:
                lines.append(f"    还需回答：{'；'.join(BY_ID[k].label if k in BY_ID else k for k in row.result.missing)}")
            for error in row.errors:
                lines.append(f"    “{error['column']}”列 {error['message']}")
    counts = "、".join([*(f"{VERDICT_LABELS[v]} {n}人" for v, n in batch.counts.items()),
                        f"表格有误（未检查） {batch.not_checked}人"])
    lines.append(f"\n合计 {len(batch.rows)} 人：{counts}。")
    lines.append(f"评审费（{clause_label('7')}）：可以申报和满足条件后可以申报的人员合计 {batch.fee_applying} 元；"
                 "不能申报的人员不计。")
    return "\n".join(_escaped(line) for line in lines) + "\n"


def _escaped(line: str) -> str:
    """A line of the roster's text as it may be printed: a newline, an escape
    sequence or a bidi override in a name or heading cannot forge a line of its
    own or reorder one (issue 18, 12); the blank line before a group stays."""
    lead = "\n" if line.startswith("\n") else ""
    return lead + printable(line[len(lead):], 1_000_000)


def _say(stderr: TextIO | None, message: str) -> None:
    """One line on stderr, escaped (the roster's text may hold a newline)."""
    say(stderr, "python -m checker batch", printable(message, 2000))


def report_problems(batch: Batch, stderr: TextIO | None) -> None:
    """Row problems, one line each (the cell as Excel names it); the columns
    not used, once."""
    for row in batch.rows:
        for error in row.errors:
            _say(stderr, f"第{row.row}行，“{error['column']}”列 {error['message']}")
    for column in batch.ignored:
        why = f"：{column.problem}" if column.problem else ""
        _say(stderr, f"未用于判断的列“{column.header}”（{column.letter}列）{why}")


def run(args: argparse.Namespace, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Exit code as the module says; a broken pipe on stdout propagates (the
    caller, checker/cli.py, exits 141 as for the other commands)."""
    stdout = stdout or sys.stdout
    stderr = stderr if stderr is not None else sys.stderr  # None when closed (2>&-)
    try:
        if args.out:
            _check_out(args)
        unit = _unit(args.unit)
        batch = check_sheets(read_sheets(_read_bytes(args.file, "花名册文件"), args.file), unit)
        if args.out:
            _write_out(batch, args.out, args.base_url)
    except (_Refused, RosterError) as err:
        _say(stderr, str(err))
        return EXIT_BAD_INPUT
    report_problems(batch, stderr)
    if args.format == "text":
        text = format_text(batch)
    else:
        text = json.dumps(batch.to_contract(), ensure_ascii=False, indent=2) + "\n"
    try:
        write_all(stdout, text)  # here, so that a failed write is reported here and not at exit
    except BrokenPipeError:
        raise
    except UnicodeEncodeError:
        _say(stderr, f"标准输出的编码（{getattr(stdout, 'encoding', '?')}）写不出中文，请改用 UTF-8（例如设置 PYTHONIOENCODING=utf-8）。")
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as err:  # a full disk (>/dev/full), a closed stream
        _say(stderr, f"无法写出结果（{_reason(err)}）。")
        return EXIT_BAD_INPUT
    return EXIT_OK
