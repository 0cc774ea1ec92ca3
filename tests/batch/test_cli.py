"""``python -m checker batch`` through a real subprocess: the contract employers'
scripts rely on, and parity with ``python -m checker check``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker import evaluate

from .rosters import HOSTILE_NAMES, answer_sets, table, to_csv, to_xlsx

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True, cwd=ROOT,
                          timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


def check_verdict(answers: dict) -> str:
    proc = run("check", stdin=json.dumps(answers).encode())
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["verdict"]


def test_json_contract_and_every_verdict_equals_check(tmp_path: Path) -> None:
    sets = answer_sets(60, seed=11)
    path = tmp_path / "roster.csv"
    path.write_bytes(to_csv(table(sets)).encode("gb18030"))
    proc = run("batch", str(path))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"rows", "counts", "fee_total", "sheet", "header_row", "ignored_columns"}
    assert (out["sheet"], out["header_row"], out["ignored_columns"]) == (None, 1, [])
    for row in out["rows"]:
        assert set(row) == {"row", "name", "verdict", "fee_yuan", "errors"}
    assert [r["row"] for r in out["rows"]] == list(range(2, 62))
    assert [r["verdict"] for r in out["rows"]] == [evaluate(a).verdict for a in sets]
    assert [r["fee_yuan"] for r in out["rows"]] == [evaluate(a).fee_yuan for a in sets]
    # A few through the real `check` command as well.
    for answers, row in list(zip(sets, out["rows"]))[:6]:
        assert row["verdict"] == check_verdict(answers)
    # No one who cannot apply is in the fee total (their row still shows the level's fee).
    assert out["fee_total"] == sum(r["fee_yuan"] or 0 for r in out["rows"] if r["verdict"] != "ineligible")
    counts = {v: sum(1 for r in out["rows"] if r["verdict"] == v) for v in out["counts"]}
    assert out["counts"] == counts and sum(counts.values()) == 60


def test_unit_answers_file_and_text_format(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,target_level,civil_servant\n甲,高级,否\n乙,初级,是\n", encoding="utf-8")
    unit = tmp_path / "unit.json"
    unit.write_text(json.dumps({"work_location": "guangxi", "unit_type": "non_public"}), encoding="utf-8")
    proc = run("batch", str(roster), "--unit", str(unit), "--format", "text")
    assert proc.returncode == 0, proc.stderr
    want = evaluate({"target_level": "senior", "civil_servant": False, "work_location": "guangxi",
                     "unit_type": "non_public"}).verdict
    from checker.result import VERDICT_LABELS

    text = proc.stdout
    assert text.startswith("第1行为列标题。")
    group = text.split(f"\n{VERDICT_LABELS[want]}（1人）\n")[1].split("\n\n")[0]
    assert "第2行 甲，评审费380元" in group
    ineligible = text.split(f"\n{VERDICT_LABELS['ineligible']}（1人）\n")[1].split("\n\n")[0]
    assert "第3行 乙" in ineligible and "评审费" not in ineligible  # an ineligible person pays nothing
    assert "一（三）" in ineligible and "咨询（电话" in ineligible  # why, with the clause as people read it; whom to ask
    assert f"合计 {380 if want in ('eligible', 'conditional') else 0} 元" in text
    # No English code, answer key or true/false in a text for people.
    assert not any(word in text for word in ("ineligible", "eligible", "civil_servant", "true", "false", "1.3"))


def test_row_problems_go_to_stderr_and_the_output_with_exit_0(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,target_level,备注\n甲,特级,\n乙,高级,调入\n丙,高级,借调\n", encoding="utf-8")
    proc = run("batch", str(roster))
    assert proc.returncode == 0
    out = json.loads(proc.stdout)
    assert out["rows"][0]["verdict"] is None
    assert out["rows"][0]["errors"][0]["column"] == "target_level"
    assert "第2行，“target_level”列 B2：收到“特级”" in proc.stderr
    assert proc.stderr.count("备注") == 1 and "未用于判断的列“备注”（C列）" in proc.stderr
    assert out["ignored_columns"] == ["备注"] and out["rows"][1]["errors"] == []
    assert out["rows"][1]["verdict"] == "incomplete"
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("content, args, message", [
    (None, (), "找不到文件"),
    (b"", (), "空"),
    (b"\x00\x01\x02binary", (), "不是表格"),
    (b"PK\x03\x04 not really a workbook", (), ".xlsx"),
    ("姓名,target_level\n甲,高级\n".encode(), ("--unit", "missing.json"), "找不到文件"),
    ("姓名,target_level\n甲,高级\n".encode(), ("--out", "result.pdf"), "--out"),
])
def test_unreadable_input_exits_2_with_one_message(tmp_path: Path, content, args, message) -> None:
    path = tmp_path / "r.csv"
    if content is not None:
        path.write_bytes(content)
    proc = run("batch", str(path), *(a if a.startswith("--") else str(tmp_path / a) for a in args))
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert proc.stdout == ""


def test_bad_unit_answers_exit_2_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("姓名,target_level\n甲,高级\n", encoding="utf-8")
    (tmp_path / "u.json").write_text('{"unit_type": "private"}', encoding="utf-8")
    proc = run("batch", str(tmp_path / "r.csv"), "--unit", str(tmp_path / "u.json"))
    assert proc.returncode == 2 and "“unit_type”收到“private”" in proc.stderr and "Traceback" not in proc.stderr
    assert "“民营企业”" not in proc.stderr and "non_public" not in proc.stderr  # what to write, in words
    assert "“国有企事业单位”" in proc.stderr


@pytest.mark.parametrize("unit, said", [
    ('{"单位性质": "民营企业", "单位性质": "国有"}', "“单位性质”出现了不止一次"),
    ('{"单位性质": "民营企业",}', "例如 {\"单位性质\": \"民营企业\""),
    ('{"单位性质": "民营企业", "x": 1}', "“x”不是可以统一回答的问题"),
    ('["民营企业"]', "例如 {\"单位性质\": \"民营企业\""),
])
def test_the_unit_answers_file_is_told_of_in_the_officer_s_words(tmp_path: Path, unit: str, said: str) -> None:
    """The unit's answers file is written by HR staff by heading: its messages
    name what they wrote and show an example by heading, never an 答案键 or
    an answer key they did not write (issue 20)."""
    (tmp_path / "r.csv").write_text("姓名,申报级别\n甲,高级\n", encoding="utf-8")
    (tmp_path / "u.json").write_text(unit, encoding="utf-8")
    proc = run("batch", str(tmp_path / "r.csv"), "--unit", str(tmp_path / "u.json"))
    assert proc.returncode == 2 and said in proc.stderr, proc.stderr
    assert "答案键" not in proc.stderr and "target_level" not in proc.stderr and "Traceback" not in proc.stderr


def test_out_writes_json_csv_and_xlsx_that_read_back(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sets = answer_sets(5, seed=3)
    roster = tmp_path / "r.xlsx"
    roster.write_bytes(to_xlsx(table(sets, names=HOSTILE_NAMES[:5])))
    stdout = json.loads(run("batch", str(roster)).stdout)
    assert run("batch", str(roster), "--out", str(tmp_path / "o.json")).returncode == 0
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8")) == stdout
    assert run("batch", str(roster), "--out", str(tmp_path / "o.csv"), "--base-url", "https://gx.example/").returncode == 0
    raw = (tmp_path / "o.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert lines[0][:2] == ["行号", "姓名"]
    body = lines[1:6]
    code, link = lines[0].index("结论代码"), lines[0].index("自查链接")
    assert [line[code] for line in body] == [r["verdict"] or "" for r in stdout["rows"]]
    names = [n.strip() for n in HOSTILE_NAMES[:5]]  # a name is read without surrounding blanks
    assert [line[1] for line in body] == [f"'{n}" if n[0] in "=+-@" else n for n in names]  # text, never run
    assert all(line[link].startswith("https://gx.example/checker/#") for line in body if line[link])
    assert run("batch", str(roster), "--out", str(tmp_path / "o.xlsx")).returncode == 0
    book = load_workbook(tmp_path / "o.xlsx")
    assert book.sheetnames == ["汇总", "清单"]
    names = [book["汇总"].cell(row=n, column=2) for n in range(2, 7)]
    assert [c.value for c in names] == [n.strip() for n in HOSTILE_NAMES[:5]]
    assert all(c.data_type == "s" for c in names)  # text cells, not formulas
    assert [book["汇总"].cell(row=n, column=code + 1).value for n in range(2, 7)] == [r["verdict"] for r in stdout["rows"]]
