"""The unit's desk when inputs come quickly (issue 18, 6-7): the newest input
always wins (an older run's result is dropped, and never exported), quick
changes of a unit answer are checked once, and long work shows its progress
with a button that cancels it."""

from __future__ import annotations

import csv
import io
from typing import Any, Iterator

import pytest

from ..batch.rosters import answer_sets, table, to_csv, to_xlsx
from .conftest import DESKTOP
from .test_unit_page import _download
from .unit_helpers import open_unit, shown_rows

# Counts the check calls the page sends to the worker.
COUNT_CALLS = """(() => {
    const post = Worker.prototype.postMessage;
    window.checkCalls = 0;
    Worker.prototype.postMessage = function (message, ...rest) {
        if (message && message.type === "batch" && message.call === "check") window.checkCalls += 1;
        return post.call(this, message, ...rest);
    };
})();"""
SETTLED = "() => document.getElementById('unit-app').dataset.busy === 'false'"


@pytest.fixture()
def page(browser) -> Iterator[Any]:
    ctx = browser.new_context(locale="zh-CN", viewport=DESKTOP, accept_downloads=True)
    ctx.add_init_script(COUNT_CALLS)
    page = ctx.new_page()
    yield page
    ctx.close()


def settle(page: Any) -> None:
    page.wait_for_function(SETTLED, timeout=60000)
    page.wait_for_timeout(1500)  # anything still on its way would show by now
    page.wait_for_function(SETTLED, timeout=60000)


def test_the_newest_input_wins_and_is_what_an_export_writes(page, base_url: str) -> None:
    open_unit(page, base_url)
    xlsx = to_xlsx(table(answer_sets(300, seed=8), names=[f"表格甲{n}" for n in range(300)]))
    pasted = to_csv(table(answer_sets(2, seed=9), names=["粘贴乙", "粘贴丙"]), "\t")
    # An .xlsx (openpyxl still to load), and at once a pasted table.
    page.set_input_files("input[type=file][name=roster]",
                         files=[{"name": "r.xlsx", "mimeType": "application/octet-stream", "buffer": xlsx}])
    page.fill("textarea[name=paste]", pasted)
    page.click("#paste-check")
    settle(page)
    assert [r["name"] for r in shown_rows(page)] == ["粘贴乙", "粘贴丙"]
    assert page.inner_text("#unit-source").startswith("粘贴的表格")
    exported = list(csv.reader(io.StringIO(_download(page, "#export-csv").decode("utf-8-sig"))))
    names = {cell for row in exported for cell in row}
    assert {"粘贴乙", "粘贴丙"} <= names and not [n for n in names if n.startswith("表格甲")]


def test_quick_changes_of_a_unit_answer_are_checked_once(page, base_url: str) -> None:
    open_unit(page, base_url)
    page.fill("textarea[name=paste]", to_csv(table(answer_sets(50, seed=10)), "\t"))
    page.click("#paste-check")
    settle(page)
    before = page.evaluate("window.checkCalls")
    # Three quick changes, clicked within one moment (as a person does; a test
    # driver's round trip per click on a loaded machine would space them out).
    page.evaluate("""() => {
      const radios = document.querySelectorAll('#unit-form input[type=radio]');
      for (const n of [1, 0, 1]) radios[n].click();
    }""")
    settle(page)
    assert page.evaluate("window.checkCalls") - before == 1
    assert len(shown_rows(page)) == 50


def test_long_work_shows_progress_and_can_be_cancelled(page, base_url: str) -> None:
    open_unit(page, base_url)
    long = to_csv(table(answer_sets(20, seed=11) * 1000), "\t")  # 20,000 rows
    # As a paste puts it there (fill types 2 MB too slowly for a test).
    page.evaluate("text => { document.querySelector('textarea[name=paste]').value = text; }", long)
    page.click("#paste-check")
    page.wait_for_selector("#unit-cancel", state="visible", timeout=20000)
    assert page.is_visible("#unit-status") and "正在检查 20000 行" in page.inner_text("#unit-status-text")
    page.click("#unit-cancel")
    assert "已取消检查" in page.inner_text("#unit-message")
    page.wait_for_selector("html[data-checker='ready']", state="attached", timeout=60000)
    page.wait_for_function("() => document.getElementById('unit-status').hidden", timeout=60000)
    # The desk works again at once, on the new worker.
    page.evaluate("text => { document.querySelector('textarea[name=paste]').value = text; }",
                  to_csv(table(answer_sets(3, seed=12)), "\t"))
    page.click("#paste-check")
    settle(page)
    assert len(shown_rows(page)) == 3 and page.is_hidden("#unit-message")
