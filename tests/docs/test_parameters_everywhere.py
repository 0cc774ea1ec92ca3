"""A change of fee or date is one edit in checker/parameters.toml, and every
page, the CLI's text and the checker page follow it.

The test copies the project, edits the copy's parameters, and renders the
pages (through the build hook), the CLI and the checker page from the copy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RENDER = r"""
import json, sys
from pathlib import Path
from sitegen import build_hooks, checker_page
pages = {str(p.relative_to("docs")): build_hooks.on_page_markdown(p.read_text(encoding="utf-8"), None, None, None)
         for p in Path("docs").rglob("*.md") if p.name != "notice.md"}
pages["checker page"] = checker_page.page_html()
json.dump(pages, sys.stdout, ensure_ascii=False)
"""


def _copy(tmp: Path) -> Path:
    dest = tmp / "project"
    for name in ("checker", "sitegen", "docs", "site_data"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _run(cwd: Path, *args: str, stdin: str = "") -> str:
    proc = subprocess.run([sys.executable, *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_an_edited_fee_and_deadline_reach_every_page_and_the_cli(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    params = project / "checker" / "parameters.toml"
    text = params.read_text(encoding="utf-8")
    text = text.replace("senior = 380", "senior = 381").replace('end = "2017-08-10"', 'end = "2017-08-12"')
    params.write_text(text, encoding="utf-8")

    answers = json.dumps({"target_level": "senior", "work_location": "guangxi"})
    cli = _run(project, "-m", "checker", "check", "--format", "text", stdin=answers)
    assert "381元" in cli and "380元" not in cli
    assert "2017-08-12" in cli and "2017年8月1-12日" in cli
    questions = _run(project, "-m", "checker", "questions")
    assert "高级381元" in questions

    pages = json.loads(_run(project, "-c", RENDER))
    for name in ("guide/fees.md", "index.md", "checker page"):
        assert "381" in pages[name], name
    for name in ("timeline.md", "guide/submission.md", "index.md"):
        assert "2017年8月1-12日" in pages[name] or "2017年8月12日" in pages[name], name
    stale = [name for name, page in pages.items() if "380元" in page or "2017年8月10日" in page]
    assert stale == []


def test_the_site_the_cli_and_the_scripts_take_the_notice_from_the_parameters() -> None:
    """The notice's number and year are figures too (issue 15, section 3): the
    site's name, the CLI's description and the scripts read them."""
    from checker.parameters import NOTICE

    sources = [ROOT / "mkdocs.yml", ROOT / "checker" / "cli.py", *sorted((ROOT / "web" / "checker").glob("*.js"))]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert NOTICE["number"] not in text and f"（{NOTICE['year']}）" not in text, source.name
