"""``python -m checker batch ROSTER [--unit UNIT.json] [--format json|text] [--out FILE]``.

Exit 0 when the roster was read (problems in rows go to stderr and into the
output), 2 when it cannot be read at all; one message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from ..answers import AnswerError, loads
from ..inputs import InputError, read_bytes
from ..notice import clause_label
from ..questions import BY_ID
from ..result import SEVERITY_LABELS, VERDICT_LABELS, VERDICTS
from .export import whom_to_ask
from .reading import RosterError, read_sheets
from .roster import Batch, UnitAnswerError, check_sheets, unit_answers

EXIT_OK = 0
EXIT_BAD_INPUT = 2
OUT_FORMATS = (".xlsx", ".csv", ".json")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("batch", help="单位批量自查：读入花名册（.xlsx、.xls 或 .csv），逐行给出结论")
    parser.add_argument("file", help="花名册：.xlsx、.xls、.csv（UTF-8 或 GBK）或制表符分隔的文本；须有“姓名”列，"
                        "列标题可在标题之下、可占两行")
    parser.add_argument("--unit", metavar="UNIT.json", help="单位共同的答案（JSON 对象，键写问题或列标题，"
                        "如 {\"单位性质\": \"民营企业\"}），各行未填的题目按此填写")
    parser.add_argument("--format", choices=("json", "text"), default="json", help="标准输出的格式（默认 json）")
    parser.add_argument("--out", metavar="FILE", help="另存结果：.xlsx、.csv（UTF-8 带 BOM）或 .json")
    parser.add_argument("--base-url", default="/", help="个人自查链接的网站地址（写入导出文件），默认 /")
    return parser


class _Refused(Exception):
    pass


#: Far above any staff list (1,000 rows of .xlsx are about 100 KB).
MAX_ROSTER_BYTES = 50 * 1024 * 1024
MAX_ROSTER_TEXT = "50 MiB"


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
        return unit_answers(loads(data.decode("utf-8-sig")))
    except UnicodeDecodeError:
        raise _Refused(f"单位答案文件 {path} 不是 UTF-8 编码的文本。") from None
    except AnswerError as err:
        raise _Refused(f"单位答案文件 {path}：{err.message}") from None
    except UnitAnswerError as err:
        raise _Refused(f"单位答案文件 {path}：{err}") from None


def _write_out(batch: Batch, path: str, base_url: str) -> None:
    suffix = Path(path).suffix.lower()
    if suffix not in OUT_FORMATS:
        raise _Refused(f"--out 的文件名须以 {'、'.join(OUT_FORMATS)} 结尾：{path}")
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
        raise _Refused(f"无法写入 {path}（{err.strerror or type(err).__name__}）。") from None


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
                    lines.append(f"    {SEVERITY_LABELS[f.severity]}：{f.message}（{clause_label(f.clause)}）")
            if row.verdict == "ineligible":
                lines.append(f"    {whom_to_ask()}")
            if row.result and row.result.missing:
                lines.append(f"    还需回答：{'；'.join(BY_ID[k].label if k in BY_ID else k for k in row.result.missing)}")
            for error in row.errors:
                lines.append(f"    “{error['column']}”列 {error['message']}")
    counts = "、".join([*(f"{VERDICT_LABELS[v]} {n}人" for v, n in batch.counts.items()),
                        f"表格有误（未检查） {batch.not_checked}人"])
    lines.append(f"\n合计 {len(batch.rows)} 人：{counts}。")
    lines.append(f"评审费（{clause_label('7')}）：可以申报和满足条件后可以申报的人员合计 {batch.fee_applying} 元；"
                 "不能申报的人员不计。")
    return "\n".join(lines) + "\n"


def report_problems(batch: Batch, stderr: TextIO) -> None:
    """Row problems, one line each (the cell as Excel names it); the columns
    not used, once."""
    for row in batch.rows:
        for error in row.errors:
            stderr.write(f"python -m checker batch: 第{row.row}行，“{error['column']}”列 {error['message']}\n")
    for column in batch.ignored:
        why = f"：{column.problem}" if column.problem else ""
        stderr.write(f"python -m checker batch: 未用于判断的列“{column.header}”（{column.letter}列）{why}\n")


def run(args: argparse.Namespace, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    try:
        unit = _unit(args.unit)
        batch = check_sheets(read_sheets(_read_bytes(args.file, "花名册文件"), args.file), unit)
        if args.out:
            _write_out(batch, args.out, args.base_url)
    except (_Refused, RosterError) as err:
        stderr.write(f"python -m checker batch: {err}\n")
        return EXIT_BAD_INPUT
    report_problems(batch, stderr)
    if args.format == "text":
        stdout.write(format_text(batch))
    else:
        json.dump(batch.to_contract(), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    return EXIT_OK
