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
