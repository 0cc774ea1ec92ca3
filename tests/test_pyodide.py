"""The checker's own test suite, run again inside real Pyodide under Node.js:
that is where applicants run the code."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sitegen import runtime

from .pyodide import wheels

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.node
@pytest.mark.slow
def test_checker_suite_passes_inside_pyodide() -> None:
    proc = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide" / "run.mjs"), str(runtime.wheel()), str(wheels.ensure()), "-q"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    assert "on emscripten" in output
    summary = re.search(r"(\d+) passed", output)
    assert summary and int(summary.group(1)) >= 80, output[-2000:]
    assert "failed" not in output.splitlines()[-1]


@pytest.mark.node
@pytest.mark.slow
def test_hostile_rosters_are_stopped_inside_pyodide_too(tmp_path: Path) -> None:
    """Issue 18: the reading limits hold where the unit's desk runs (openpyxl
    from the site's own wheels, as in the browser)."""
    from sitegen import extra_wheels

    for distribution in extra_wheels.PACKAGES:
        name, data = extra_wheels.wheel_bytes(distribution)
        (tmp_path / name).write_bytes(data)
    proc = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide" / "run.mjs"), str(runtime.wheel()), f"{wheels.ensure()}:{tmp_path}",
         "/project/tests/batch/test_hostile.py", "-q"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    assert "on emscripten" in output and re.search(r"(\d+) passed", output), output[-2000:]
