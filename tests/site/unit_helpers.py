"""Driving the unit's desk (/unit/) like an HR officer (or an employer's tool) would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .conftest import ROOT

READY = "html[data-checker='ready']"


def open_unit(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/unit/")
    page.wait_for_selector(READY, state="attached", timeout=60000)
    page.wait_for_selector("#unit-app[data-busy='false']", state="attached", timeout=20000)


def _checked(page: Any) -> int:
    return int(page.evaluate("document.getElementById('unit-app').dataset.checked || '0'"))


def _wait_check(page: Any, before: int) -> None:
    page.wait_for_function(
        "n => { const app = document.getElementById('unit-app');"
        " return Number(app.dataset.checked || 0) > n && app.dataset.busy === 'false'; }",
        arg=before, timeout=60000)


def open_file(page: Any, name: str, data: bytes) -> None:
    before = _checked(page)
    page.set_input_files("input[type=file][name=roster]", files=[{"name": name, "mimeType": "application/octet-stream",
                                                                   "buffer": data}])
    _wait_check(page, before)


def paste(page: Any, text: str) -> None:
    before = _checked(page)
    page.fill("textarea[name=paste]", text)
    page.click("#paste-check")
    _wait_check(page, before)


def shown_rows(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('#unit-table [data-row]')].map(tr => ({
            row: Number(tr.dataset.row), verdict: tr.dataset.verdict || null,
            name: tr.querySelector('th').textContent,
            link: tr.querySelector('a.person-link') ? tr.querySelector('a.person-link').href : null}))""")


def shown_errors(page: Any) -> list[tuple[int, str]]:
    return page.evaluate(
        "() => [...document.querySelectorAll('[data-row-error]')].map(li => [Number(li.dataset.rowError), li.textContent])")


def fee_total(page: Any) -> int:
    return int(page.text_content("[data-fee-total]"))


def cli_batch(tmp: Path, name: str, data: bytes, *args: str) -> dict[str, Any]:
    path = tmp / name
    path.write_bytes(data)
    proc = subprocess.run([sys.executable, "-m", "checker", "batch", str(path), *args], capture_output=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)
