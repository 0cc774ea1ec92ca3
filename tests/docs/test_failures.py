"""The kinds of failure of a page on the checker's worker are named once, in
checker/failures.toml [kinds] (issue 15, sections 3 and 4): a kind written
anywhere else (scripts, styles, templates, tests) must be named there, and
every kind named there is reported by a script, shown by the styles and has a
sentence on each page."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen import checker_page, failures, unit_page

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "web" / "checker").glob("*.js"))
STYLES = ROOT / "docs" / "assets" / "stylesheets" / "checker.css"
DEFINED = set(failures.KINDS)

# Where a kind of failure is written, by the kind of file. A script reports one
# when it passes it to fail(), boot.fail(), failStart(), failure() or watch()
# (a kind chosen by a condition counts both ways) or sets or compares a `kind`.
_REPORTS = re.compile(r"\b(?:fail|failStart|failure|watch)\(")
_SCRIPT_USES = re.compile(r'\b(?:kind|checkerFailure)\s*(?:[!=]==?|=)\s*"(\w+)"')
_MARKUP_USES = re.compile(r"""data-(?:checker-)?failure=["'](\w+)["']""")
_TEST_USES = re.compile(r"""(?:FAILURES|CHECKER_PAGE|UNIT_PAGE|UNIT_FILES)\[["'](\w+)["']\]"""
                        r"""|\bfailure\(page[^)]*\)(?:\[0\])? == \(?"(\w+)"|\bkind == "(\w+)"|^    "[^"]+": \(.*, "(\w+)"\),$""", re.M)


# unit.js also calls an export's format its `kind` (exportAs, template): the
# formats of its TYPES table are not failures.
_UNIT_JS = (ROOT / "web" / "checker" / "unit.js").read_text(encoding="utf-8")
_FORMATS = set(re.findall(r"^  (\w+): \"", re.search(r"const TYPES = \{(.*?)\n\}", _UNIT_JS, re.S).group(1), re.M))


def _reported(script: Path) -> set[str]:
    found: set[str] = set()
    for line in script.read_text(encoding="utf-8").splitlines():
        if _REPORTS.search(line):
            found |= set(re.findall(r'"([a-z]+)"', line))
        found |= set(_SCRIPT_USES.findall(line)) - _FORMATS
    return found


def _reported_by_scripts() -> set[str]:
    return set().union(*map(_reported, SCRIPTS))


def _shown_by_styles() -> set[str]:
    """The kinds checker.css shows, as the build writes it (its rule by kind
    comes from failures.toml: sitegen/failures.py)."""
    return set(_MARKUP_USES.findall(failures.fill_styles(STYLES.read_text(encoding="utf-8"))))


def _uses() -> dict[str, set[str]]:
    """Every place outside failures.toml that writes a kind: file → kinds."""
    uses = {script.name: _reported(script) for script in SCRIPTS}
    markup = [STYLES, *(ROOT / "site_overrides").rglob("*.html"), *(ROOT / "sitegen").rglob("*.html")]
    uses |= {path.name: set(_MARKUP_USES.findall(path.read_text(encoding="utf-8"))) for path in markup}
    for path in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "sitegen").rglob("*.py"), *(ROOT / "checker").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if "failures" in text or "data-checker-failure" in text:  # Python that speaks of failures
            uses[str(path.relative_to(ROOT))] = {kind for match in _TEST_USES.findall(text) for kind in match if kind}
    return {name: kinds for name, kinds in uses.items() if kinds}


def test_no_kind_of_failure_is_written_anywhere_without_being_named_in_failures_toml() -> None:
    uses = _uses()
    # The scanner sees the places that write kinds today (so it cannot pass by finding nothing).
    assert _FORMATS == {"xlsx", "csv", "docx"}
    assert {"boot.js", "connect.js", "unit.js", "worker.js", "checker.css"} <= set(uses)
    assert "tests/site/test_faults.py" in uses and uses["tests/site/test_faults.py"] == DEFINED
    undefined = {name: sorted(kinds - DEFINED) for name, kinds in uses.items() if kinds - DEFINED}
    assert undefined == {}, "kinds of failure not named in checker/failures.toml [kinds]"


def test_every_kind_named_is_reported_by_a_script_and_shown_by_the_styles() -> None:
    assert _reported_by_scripts() == failures.REPORTED  # "none" is no script's: no script ran at all
    assert _shown_by_styles() == DEFINED


def test_every_kind_has_a_sentence_on_both_pages() -> None:
    assert set(failures.CHECKER_PAGE) == DEFINED
    assert set(failures.UNIT_PAGE) == failures.REPORTED


def test_a_sentence_for_a_kind_not_named_stops_the_build() -> None:
    import pytest
    with pytest.raises(ValueError, match=r"\[unit_page\]: kinds not named in \[kinds\]: \['offline'\]"):
        failures._check("unit_page", {**failures.UNIT_PAGE, "offline": "…"}, set(failures.REPORTED))
    with pytest.raises(ValueError, match=r"no sentence for \['start'\]"):
        failures._check("checker_page", {k: v for k, v in failures.CHECKER_PAGE.items() if k != "start"}, DEFINED)


def test_the_unit_desks_file_sentences_are_for_what_its_downloads_report() -> None:
    worker = (ROOT / "web" / "checker" / "worker.js").read_text(encoding="utf-8")
    assert set(failures.UNIT_FILES) == set(re.findall(r'failure\("(\w+)"', worker))
    assert "UNIT_MESSAGES = unitFailures" in worker and "首次" not in worker


def test_the_pages_show_the_sentences_of_the_wording_file() -> None:
    checker = checker_page.render("status.html", failures=checker_page.FAILURES)
    assert all(f'data-failure="{kind}">{text}</p>' in checker for kind, text in failures.CHECKER_PAGE.items())
    assert unit_page.FAILURES == failures.UNIT_PAGE


def test_styles_without_the_place_of_the_rule_by_kind_stop_the_build() -> None:
    import pytest
    with pytest.raises(ValueError, match=r"gen:failure-rules"):
        failures.fill_styles(".checker-failure [data-failure] { display: none; }")
