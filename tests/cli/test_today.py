"""``--today``: the day of the check decides the note on the closed round, so
that runs are deterministic; the verdict is the one under the notice."""

from __future__ import annotations

import json

import pytest

from .test_cli import SENIOR, run


def _ids(stdout: str) -> set[str]:
    return {f["id"] for f in json.loads(stdout)["findings"]}


def test_before_and_after_the_deadline() -> None:
    before = run("check", "--today", "2017-08-10", stdin=json.dumps(SENIOR))
    after = run("check", "--today", "2017-08-11", stdin=json.dumps(SENIOR))
    assert before.returncode == after.returncode == 0
    assert "round_closed" not in _ids(before.stdout) and "round_closed" in _ids(after.stdout)
    assert json.loads(before.stdout)["verdict"] == json.loads(after.stdout)["verdict"]


def test_text_says_the_round_closed_and_open_ended_periods_say_qi() -> None:
    proc = run("check", "--format", "text", "--today", "2026-11-28", stdin=json.dumps(SENIOR))
    assert "材料接收已于2017年8月10日截止" in proc.stdout
    assert "2017-08-11 起" in proc.stdout and "2017-08-20" not in proc.stdout


def test_the_default_is_this_machines_date() -> None:
    assert "round_closed" in _ids(run("check", stdin=json.dumps(SENIOR)).stdout)


@pytest.mark.parametrize("bad", ["2017-02-30", "17-6-1", "２０１７-０６-０１", "2017-06-01\n", "today"])
def test_a_bad_day_exits_2_with_one_message(bad: str) -> None:
    proc = run("check", "--today", bad, stdin="{}")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "YYYY-MM-DD" in proc.stderr and proc.stdout == ""
