"""``python -m checker batch`` in hostile surroundings (issue 18, 11-13):
closed or full streams, a reader that stops early, an --out that would
overwrite the roster or cannot be written, and roster text that would forge
lines on a terminal. One message, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .hostile import HOSTILE
from .rosters import answer_sets, table, to_csv

ROOT = Path(__file__).resolve().parents[2]
# A roster with a row problem (an option no question has) and hostile names.
FORGED = "王\n第99行 伪造：可以申报"
BIDI = "\u202e甲乙\u202c"
ESCAPE = "丙\u2067戊\u0085"  # an isolate and a next-line character


def roster(tmp_path: Path, rows: int = 3) -> Path:
    lines = table(answer_sets(rows, seed=3), names=[FORGED, BIDI, ESCAPE][:rows] + [f"丁{n}" for n in range(rows - 3)])
    lines[1][1 + [n for n, h in enumerate(lines[0][1:]) if h in ("target_level", "申报级别", "拟申报级别")][0]] = "特级"
    path = tmp_path / "名单.csv"
    path.write_text(to_csv(lines), encoding="utf-8")
    return path


def sh(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(["sh", "-c", script, "sh", sys.executable, *args], capture_output=True, cwd=ROOT, timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def one_message(proc: subprocess.CompletedProcess[str], words: str, after_rows: bool = False) -> None:
    """Exit 2, the message last on stderr (after the row problems when the
    roster was read), no traceback."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert (after_rows or len(lines) == 1) and words in lines[-1], proc.stderr


def test_closed_stderr_and_a_full_disk(tmp_path: Path) -> None:
    path = roster(tmp_path)
    closed = sh('"$1" -m checker batch "$2" --format text 2>&-; echo "exit $?" >&1', str(path))
    assert closed.stdout.rstrip().endswith("exit 0") and "第2行" in closed.stdout
    if Path("/dev/full").exists():
        one_message(sh('"$1" -m checker batch "$2" --format text >/dev/full', str(path)), "无法写出结果（磁盘已满）", after_rows=True)
        one_message(sh('"$1" -m checker batch "$2" >/dev/full', str(path)), "无法写出结果", after_rows=True)


def test_a_reader_that_stops_early_gets_141_and_no_traceback(tmp_path: Path) -> None:
    path = roster(tmp_path)
    for fmt in ("text", "json"):
        proc = subprocess.Popen([sys.executable, "-m", "checker", "batch", str(path), "--format", fmt],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 141 and "Traceback" not in err
    # More than a pipe holds (64 KiB), so that head has gone before the last
    # write; buffered or not (python -u wrote part and dropped the rest, exit 0).
    big = roster(tmp_path, rows=2000)
    for unbuffered in ("1", ""):
        status = sh('(PYTHONUNBUFFERED="$3" "$1" -m checker batch "$2" --format text 2>/dev/null; echo $? >&2)'
                    " | head -c 10 >/dev/null", str(big), unbuffered)
        assert status.stderr.strip() == "141", (unbuffered, status.stderr)


def test_out_may_not_name_the_roster_however_it_is_spelled(tmp_path: Path) -> None:
    path = roster(tmp_path)
    before = path.read_bytes()
    (tmp_path / "link.csv").symlink_to(path)
    os.link(path, tmp_path / "hard.csv")
    (tmp_path / "sub").mkdir()
    for out in ("名单.csv", "./名单.csv", "sub/../名单.csv", str(path), "link.csv", "hard.csv"):
        proc = subprocess.run([sys.executable, "-m", "checker", "batch", "名单.csv", "--out", out], capture_output=True,
                              text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
        one_message(subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout, proc.stderr), "不能写到花名册文件本身")
        assert proc.stdout == ""
    assert path.read_bytes() == before


def test_out_to_a_folder_or_an_unwritable_place_gets_one_message(tmp_path: Path) -> None:
    path = roster(tmp_path)
    (tmp_path / "结果.xlsx").mkdir()
    for out, words in ((str(tmp_path), "是一个文件夹"), (str(tmp_path) + "/", "是一个文件夹"),
                       (str(tmp_path / "结果.xlsx"), "是一个文件夹"),
                       (str(tmp_path / "nope" / "r.xlsx"), "所在的文件夹不存在"),
                       (str(path / "r.csv"), "不是文件夹")):
        one_message(sh('"$1" -m checker batch "$2" --out "$3" >/dev/null', str(path), out), words)


def test_control_characters_and_bidi_overrides_are_escaped_in_every_text_output(tmp_path: Path) -> None:
    path = roster(tmp_path)
    heading = tmp_path / "heading.csv"
    heading.write_text("姓名,\u202e级别\u2028\n甲,x\n", encoding="utf-8")
    proc = sh('"$1" -m checker batch "$2" --format text', str(path))
    head = sh('"$1" -m checker batch "$2" --format text', str(heading))
    odd_path = tmp_path / "a\u202eb\nc.csv"
    missing = sh('"$1" -m checker batch "$2"', str(odd_path))
    for output in (proc.stdout, proc.stderr, head.stdout, head.stderr, missing.stderr):
        assert not [ch for ch in output if ch in "\x1b\u202e\u202c\u2067\u0085\u2028\r"], repr(output)
    lines = proc.stdout.splitlines()
    assert not [line for line in lines if line.startswith("第99行")]  # no forged result line
    assert "王\\u000a第99行" in proc.stdout and "\\u202e甲乙" in proc.stdout and "丙\\u2067戊" in proc.stdout
    assert "\\u202e级别" in head.stderr and len(missing.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("case", ["far cell (A1:XFD1048576)", "encrypted .xlsx", "PNG", "cell past csv's field limit",
                                  "mixed encodings"])
def test_hostile_files_get_the_readers_message_and_exit_2(tmp_path, case: str) -> None:
    make, name, words = HOSTILE[case]
    path = tmp_path / name
    path.write_bytes(make())
    proc = sh('"$1" -m checker batch "$2"', str(path))
    assert proc.returncode == 2 and proc.stdout == "" and words in proc.stderr and "Traceback" not in proc.stderr
