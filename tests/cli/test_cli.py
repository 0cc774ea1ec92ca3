"""``python -m checker`` through a real subprocess, as employers' tools run it."""

from __future__ import annotations

import datetime
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import evaluate
from checker.cli import format_text
from checker.notice import clause_label
from checker.parameters import FIGURES

from ..checker.scenarios import load_scenarios

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | bytes = "") -> subprocess.CompletedProcess[str]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run([sys.executable, "-m", "checker", *args], input=data, capture_output=True, cwd=ROOT, timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


SENIOR = {"target_level": "senior", "current_title": "intermediate", "civil_servant": False, "high_level_talent": False,
          "work_location": "guangxi", "employment_months": 24, "archive_months": 0, "unit_type": "non_public",
          "unit_non_legal_branch": False, "social_security_months": 12, "retired": False, "meets_conditions": "yes",
          "other_application_this_year": False, "continuing_education_done": True}


def test_check_from_stdin_prints_the_result_as_json() -> None:
    proc = run("check", stdin=json.dumps(SENIOR))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == evaluate(SENIOR).to_dict()
    assert json.loads(proc.stdout)["verdict"] == "eligible"


def test_check_reads_a_file_and_dash_means_stdin(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"civil_servant": True}), encoding="utf-8")
    assert json.loads(run("check", str(path)).stdout)["verdict"] == "ineligible"
    assert json.loads(run("check", "-", stdin='{"civil_servant": true}').stdout)["verdict"] == "ineligible"


@pytest.mark.parametrize("answers, verdict", [({}, "incomplete"), ({"civil_servant": True}, "ineligible"),
                                              ({**SENIOR, "continuing_education_done": False}, "conditional"),
                                              (SENIOR, "eligible")])
def test_every_verdict_exits_zero(answers: dict, verdict: str) -> None:
    proc = run("check", stdin=json.dumps(answers))
    assert proc.returncode == 0 and json.loads(proc.stdout)["verdict"] == verdict


def test_text_format_is_a_chinese_summary() -> None:
    proc = run("check", "--format", "text", stdin=json.dumps(SENIOR))
    assert proc.returncode == 0
    assert "结论：可以申报" in proc.stdout
    assert "评审费：380元" in proc.stdout
    assert "连续6个月以上个人社保缴费证明" in proc.stdout


def _text_of(scenario: dict) -> tuple[object, str]:
    today = datetime.date.fromisoformat(scenario.get("today", "2017-06-01"))
    result = evaluate(scenario["answers"], today=today)
    return result, format_text(result)


def test_text_output_reads_clauses_as_people_do_and_has_no_codes() -> None:
    """Every scenario: 二（二）4（1）-style clause numbers, no dotted id, no
    answer key or verdict code in a Chinese sentence (the JSON keeps those)."""
    problems = []
    for scenario in load_scenarios():
        result, text = _text_of(scenario)
        shown = [*result.findings, *result.steps, *result.checklist, *result.dates]
        if result.verdict == "ineligible":
            shown = [f for f in result.findings if f.severity == "blocker"]
        labels = {clause_label(item.clause) for item in shown}
        codes = re.findall(r"[A-Za-z_]{2,}|\d\.\d", text)
        missing = [label for label in labels if f"依据：{label}）" not in text]
        if codes or missing:
            problems.append((scenario["name"], codes, missing))
    assert problems == []
    assert clause_label("2.2.4.1") == "二（二）4（1）"


def test_text_output_says_which_findings_are_the_sites_reading() -> None:
    """A finding resting on a reading of 解读说明 is marked as the site's reading in the text, as the
    pages link it (本站的理解); a finding stating only the notice is not (issue 20)."""
    from checker.findings import FINDINGS, READING_NOTE

    marked, plain = 0, 0
    for scenario in load_scenarios():
        result, text = _text_of(scenario)
        for f in result.findings:
            line = next((line for line in text.splitlines() if f.message in line and "依据" in line), None)
            if line is None:  # not listed: a note beside 不能申报, or the deadline passed (said with the verdict)
                continue
            if FINDINGS[f.id].reading:
                assert "本站" in line, (scenario["name"], line)
                marked += 1
            else:
                assert READING_NOTE not in line, (scenario["name"], line)
                plain += 1
    assert marked and plain


def test_an_ineligible_text_says_why_whether_it_can_change_and_whom_to_ask() -> None:
    ineligible = [s for s in load_scenarios() if s["verdict"] == "ineligible"]
    assert ineligible
    for scenario in ineligible:
        result, text = _text_of(scenario)
        assert "为什么不能申报" in text and all(f.message in text for f in result.findings if f.severity == "blocker")
        assert "无法通过补办手续" in text and "请更正后重新自查" in text
        assert f"请向{FIGURES['office']}咨询（电话 {FIGURES['phone']}" in text
        for gone in ("申报步骤：", "材料清单：", "评审费：", "[ ]", "签名"):
            assert gone not in text, (scenario["name"], gone)
    _, open_text = _text_of({"answers": SENIOR})
    assert "申报步骤：" in open_text and "评审费：380元" in open_text and "请更正后重新自查" not in open_text


def test_after_the_deadline_the_verdict_line_says_the_round_has_closed() -> None:
    _, text = _text_of({"answers": SENIOR, "today": "2017-08-11"})
    head = text.split("\n\n")[0]
    assert head.startswith("结论：可以申报") and "材料接收已于2017年8月10日截止" in head
    assert text.count("材料接收已于") == 1
    assert "截止" not in _text_of({"answers": SENIOR, "today": "2017-08-10"})[1].split("\n\n")[0]


@pytest.mark.parametrize("stdin, names", [
    ("not json", "JSON"),
    ("", "JSON"),
    ("[1, 2]", "对象"),
    ('"text"', "对象"),
    ('{"salary": 3}', "salary"),
    ('{"civil_servant": "yes"}', "civil_servant"),
    ('{"employment_months": "12"}', "employment_months"),
    ('{"employment_months": -1}', "employment_months"),
    ('{"archive_months": 2.5}', "archive_months"),
    ('{"retirement_date": "2017-02-30"}', "retirement_date"),
    ('{"retirement_date": "30/06/2017"}', "retirement_date"),
    ('{"unit_type": "private"}', "unit_type"),
    (b"\xff\xfe{", "UTF-8"),
])
def test_bad_input_exits_2_with_one_clear_message(stdin: str | bytes, names: str) -> None:
    proc = run("check", stdin=stdin)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert names in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_missing_file_and_bad_usage_exit_2() -> None:
    for args in (("check", "/nonexistent/answers.json"), ("check", "--format", "xml"), ("frobnicate",), ()):
        proc = run(*args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr


def test_questions_are_printed_as_json() -> None:
    proc = run("questions")
    questions = json.loads(proc.stdout)
    assert proc.returncode == 0
    by_id = {q["id"]: q for q in questions}
    assert by_id["unit_type"]["options"][1] == {"value": "non_public", "label": "非公有制经济组织（如民营企业）"}
    assert by_id["employment_months"]["when"] == {"key": "work_location", "is": "guangxi"}
    assert by_id["civil_servant"]["clauses"] == ["1.3"]


def test_clause_table_is_printed_as_json() -> None:
    rows = json.loads(run("clauses").stdout)
    assert rows[0]["clause"] == "1" and any(r["clause"] == "2.2.4.1" and r["uses"] for r in rows)


# Hostile input and hostile surroundings: exit 2 (130 for Ctrl-C, 141 for a
# reader that stops early) with at most one line on stderr, never a traceback.

def assert_one_clear_message(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("python -m checker: ")
    assert proc.stderr.rstrip("\n").isprintable(), proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


@pytest.mark.parametrize("stdin, words", [
    ('{"employment_months": ' + "9" * 5000 + "}", ("5000 位的整数",)),
    ('{"employment_months": 1' + "0" * 4299 + "}", ("employment_months", "超出范围")),
    ("[" * 200_000, ("嵌套",)),
    ('{"a": ' * 100_000, ("嵌套",)),
    ('{"employment_months": NaN}', ("NaN",)),
    ('{"civil_servant": true, "civil_servant": false}', ("civil_servant", "不止一次")),
    ('{"retirement_date": "\\uff12\\uff10\\uff11\\uff17-06-30"}', ("retirement_date", "不是 YYYY-MM-DD 格式")),
    ('{"retirement_date": "2017-06-30\\n"}', ("retirement_date", "不是 YYYY-MM-DD 格式")),
    ('{"\\u001b]0;owned\\u0007\\u001b[2J": 1}', ("未知的答案键", "\\u001b")),
    ('{"\\u202e\\ud800": 1}', ("未知的答案键", "\\u202e", "\\ud800")),
])
def test_hostile_answers_get_one_clear_message(stdin: str, words: tuple[str, ...]) -> None:
    assert_one_clear_message(run("check", stdin=stdin), *words)


def test_a_huge_unknown_key_is_cut() -> None:
    proc = run("check", stdin=json.dumps({"k" * 900_000: 1}))
    assert_one_clear_message(proc, "未知的答案键")
    assert len(proc.stderr) < 1000


def test_input_over_the_stated_cap_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    assert "1 MiB" in run("check", "--help").stdout
    for args in (("check", "/dev/zero"), ("check", "-")):
        proc = subprocess.run([sys.executable, "-m", "checker", *args], stdin=open("/dev/zero", "rb"),
                              capture_output=True, cwd=ROOT, timeout=60, text=True)
        assert_one_clear_message(proc, "1 MiB")
    answers = json.dumps({"civil_servant": True}).encode()
    just_fits = answers + b" " * (1024 * 1024 - len(answers))
    assert run("check", stdin=just_fits).returncode == 0
    assert_one_clear_message(run("check", stdin=just_fits + b" "), "1 MiB")


def test_a_directory_as_file(tmp_path: Path) -> None:
    assert_one_clear_message(run("check", str(tmp_path)), "是一个目录")


def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text("{}")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: make it unreadable another way
        path.chmod(0o644)
        path = tmp_path / "loop"
        path.symlink_to(path)
    proc = run("check", str(path))
    assert_one_clear_message(proc, str(path))


def shell(script: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(["sh", "-c", script, "sh", sys.executable], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_closed_stdin_and_stdout() -> None:
    assert_one_clear_message(shell('"$1" -m checker check <&-'), "标准输入已关闭")
    assert_one_clear_message(shell('echo "{}" | "$1" -m checker check >&-'), "标准输出已关闭")
    assert_one_clear_message(shell('"$1" -m checker questions >&-'), "标准输出已关闭")


def test_an_output_that_cannot_be_written() -> None:
    assert_one_clear_message(shell('echo "{}" | "$1" -m checker check >/dev/full'), "无法写出结果")


def blocked_reading(pid: int) -> bool:
    """Whether the process sits in a read of its pipe (Linux /proc)."""
    try:
        return "pipe_read" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False


def test_ctrl_c_exits_130_without_a_traceback() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 30
    while not blocked_reading(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert blocked_reading(proc.pid), "the checker never waited for its input"
    proc.send_signal(signal.SIGINT)
    # Wait for the exit before closing its input (communicate() closes it at
    # once): on a busy machine an input closed first could be read as empty.
    proc.wait(timeout=30)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert out == b"" and b"Traceback" not in err and b"KeyboardInterrupt" not in err


@pytest.mark.parametrize("args", [("clauses",), ("questions",), ("check",), ("check", "--format", "text")])
def test_a_reader_that_stops_early_gets_no_traceback(args: tuple[str, ...]) -> None:
    # The read end is closed before the checker writes: every run hits the broken pipe.
    proc = subprocess.Popen([sys.executable, "-m", "checker", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()
    proc.stdin.write(json.dumps(SENIOR).encode())
    proc.stdin.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert err == b""


@pytest.mark.parametrize("command", ["clauses", "questions", "check --format text"])
def test_piping_into_head_prints_only_the_first_line(command: str) -> None:
    for _ in range(3):
        proc = shell(f'"$1" -m checker {command} | head -1', stdin=b'{"civil_servant": true}')
        assert proc.returncode == 0 and proc.stderr == "" and len(proc.stdout.splitlines()) == 1
