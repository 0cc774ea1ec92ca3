"""``python -m checker`` through a real subprocess, as employers' tools run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker import evaluate

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
