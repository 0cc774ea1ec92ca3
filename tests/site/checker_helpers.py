"""Driving the checker page like a person (or an employer's tool) would."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .conftest import ROOT

READY = "html[data-checker='ready']"


def open_checker(page: Any, base_url: str, query: str = "") -> None:
    """Open the checker with a link's answers (``?…`` or ``#…``) and wait for its first result."""
    page.goto(f"{base_url}/checker/{query}")
    page.wait_for_selector(READY, state="attached", timeout=60000)
    settle(page)


def settle(page: Any) -> None:
    """Wait until the result shown is the result of the form as it is now."""
    page.wait_for_selector("#checker-app[data-busy='false']", state="attached", timeout=20000)


def fill(page: Any, answers: dict[str, Any]) -> None:
    """Replace every answer in the form at once, then let the page react."""
    page.evaluate(
        """answers => {
            const form = document.getElementById('checker-form');
            for (const input of form.querySelectorAll('input')) {
                if (input.type === 'radio') input.checked = false; else input.value = '';
            }
            for (const [key, value] of Object.entries(answers)) {
                const radio = form.querySelector(`input[name="${key}"][value="${String(value)}"]`);
                if (radio) radio.checked = true; else form.elements[key].value = String(value);
            }
            form.dispatchEvent(new Event('change', {bubbles: true}));
        }""",
        answers,
    )
    settle(page)


def shown(page: Any) -> dict[str, Any]:
    """What the page shows: verdict, checklist items and their clauses, fee."""
    return page.evaluate(
        """() => ({
            verdict: document.querySelector('[data-verdict]').dataset.verdict,
            checklist: [...document.querySelectorAll('#checklist [data-clause]')].map(li => [li.dataset.item, li.dataset.clause]),
            steps: [...document.querySelectorAll('#steps [data-step-clause]')].map(li => li.dataset.stepClause),
            findings: [...document.querySelectorAll('#findings [data-finding-clause]')].map(li => li.dataset.findingClause),
            fee: document.getElementById('fee').textContent,
        })"""
    )


def cli(answers: dict[str, Any]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "checker", "check"], input=json.dumps(answers),
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(proc.stdout)


def answers_in_url(url: str) -> dict[str, list[str]]:
    """The answers a page's URL carries: in the fragment, never in the query."""
    parts = urlsplit(url)
    assert parts.query == "", f"answers must not be in the query string: {url}"
    return parse_qs(parts.fragment)
