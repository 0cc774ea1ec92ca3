"""The pages' failure sentences are wording (checker/failures.toml, issue 15,
section 3): one sentence for every kind of failure the scripts report and the
styles can show, and none for a kind nothing reports."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen import checker_page, failures, unit_page

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "docs" / "assets" / "checker").glob("*.js"))
STYLES = ROOT / "docs" / "assets" / "stylesheets" / "checker.css"


def _reported() -> set[str]:
    """Kinds the scripts pass to fail(), boot.fail(), failStart(), failure() or
    watch() (a kind chosen by a condition counts both ways)."""
    found: set[str] = set()
    for script in SCRIPTS:
        for line in script.read_text(encoding="utf-8").splitlines():
            if re.search(r"\b(fail|failStart|failure|watch)\(", line):
                found |= set(re.findall(r'"([a-z]+)"', line))
    return found


def test_every_kind_the_scripts_report_has_a_sentence_on_both_pages() -> None:
    reported = _reported()
    assert reported >= {"network", "download", "start", "scripts"}
    assert reported - set(failures.CHECKER_PAGE) == set()
    assert reported - set(failures.UNIT_PAGE) == set()


def test_every_sentence_is_one_the_styles_can_show_and_a_script_reports() -> None:
    shown = set(re.findall(r'\[data-failure="(\w+)"\]', STYLES.read_text(encoding="utf-8")))
    assert set(failures.CHECKER_PAGE) == shown
    # "none" is no script's: it is shown when no script ran at all.
    assert set(failures.CHECKER_PAGE) - {"none"} == set(failures.UNIT_PAGE) == _reported()


def test_the_unit_desks_file_sentences_are_for_what_its_downloads_report() -> None:
    worker = (ROOT / "docs" / "assets" / "checker" / "worker.js").read_text(encoding="utf-8")
    assert set(failures.UNIT_FILES) == set(re.findall(r'failure\("(\w+)"', worker))
    assert "UNIT_MESSAGES = unitFailures" in worker and "首次" not in worker


def test_the_pages_show_the_sentences_of_the_wording_file() -> None:
    checker = checker_page.render("status.html", failures=checker_page.FAILURES)
    assert all(f'data-failure="{kind}">{text}</p>' in checker for kind, text in failures.CHECKER_PAGE.items())
    assert unit_page.FAILURES == failures.UNIT_PAGE
