"""Long rosters on the unit's desk (issue 18, 7): the results table is added
a piece at a time, each in its own task, so the page answers meanwhile; it
ends complete, in row order, and its filter works; sorted, every row is still
there once, in order, and found by the browser's find. How long the tasks take is
measured by ``bench/unit.py --long-tasks``, not asserted here. And the table's
fixed columns (issue 17): a phone never scrolls sideways, a wide screen needs
no scrolling inside the table."""

from __future__ import annotations

from typing import Any

from ..batch.rosters import answer_sets, people_names, staff_sets, table, to_csv
from .conftest import PHONE
from .unit_helpers import open_unit, paste, shown_rows

# Every mutation of the results table's rows, as the rows it has then (one
# entry per task that changed it: a MutationObserver reports once per task).
WATCH_ROWS = """() => {
    window.rowSteps = [];
    const table = document.getElementById('unit-table');
    new MutationObserver(() => window.rowSteps.push(table.querySelectorAll('[data-row]').length))
        .observe(table, { childList: true, subtree: true });
}"""
# Sorting and filtering a long table go a piece at a time too: done once the page is no longer busy.
ARRANGED = "#unit-app[data-busy='false']"


def test_a_long_paste_is_shown_a_piece_at_a_time_and_completely(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    open_unit(page, base_url)
    page.evaluate(WATCH_ROWS)
    sets = answer_sets(20, seed=11) * 100  # 2,000 people
    page.evaluate("text => { document.querySelector('textarea[name=paste]').value = text; }",
                  to_csv(table(sets), "\t"))
    before = int(page.evaluate("document.getElementById('unit-app').dataset.checked || '0'"))
    page.click("#paste-check")
    page.wait_for_function("n => Number(document.getElementById('unit-app').dataset.checked || 0) > n"
                           " && document.getElementById('unit-app').dataset.busy === 'false'", arg=before, timeout=300000)
    steps = [n for n in page.evaluate("window.rowSteps") if n]
    assert len(steps) > 1 and steps == sorted(steps) and steps[-1] == 2000  # pieces, then all of them
    rows = shown_rows(page)
    assert [r["row"] for r in rows] == list(range(2, 2002))
    assert all(r["verdict"] for r in rows) and all(r["link"] for r in rows)
    # The long table answers its controls.
    verdict = rows[0]["verdict"]
    page.select_option("#unit-filter", verdict)
    page.wait_for_selector(ARRANGED, state="attached")
    visible = page.evaluate("[...document.querySelectorAll('#unit-table [data-row]')].filter(tr => tr.checkVisibility()).length")
    assert 0 < visible == sum(r["verdict"] == verdict for r in rows) < 2000
    assert page.inner_text("#unit-shown") == f"显示 {visible} / 2000 人"
    ctx.close()


def test_a_long_table_sorted_keeps_every_row_in_order_and_findable(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    open_unit(page, base_url)
    # In no order: sorting by name moves rows far. Not a round number, so that
    # no verdict's count ends at a group's edge (groups of 100): a filtered
    # group then holds rows shown and rows hidden.
    count = 973
    names = people_names(count)
    paste(page, to_csv(table((answer_sets(20, seed=11) * 50)[:count], names=names), "\t"))
    page.fill("textarea[name=paste]", "")  # the names are found in the table only
    page.select_option("#unit-sort", "name")
    page.wait_for_selector(ARRANGED, state="attached")
    rows = shown_rows(page)
    assert sorted(r["row"] for r in rows) == list(range(2, count + 2))  # every row, once
    assert [r["name"] for r in rows] != names and sorted(r["name"] for r in rows) == sorted(names)
    in_order = page.evaluate("""names => { const collator = new Intl.Collator('zh-CN');
        return names.every((name, n) => n === 0 || collator.compare(names[n - 1], name) <= 0); }""", [r["name"] for r in rows])
    assert in_order
    # A person far down the sorted table: the browser's find (as Ctrl+F) finds them and shows their row.
    far = next(r for r in reversed(rows) if names.count(r["name"]) == 1)
    found = page.evaluate("""name => { getSelection().removeAllRanges();
        if (!window.find(name)) return null;
        const row = getSelection().anchorNode.parentElement.closest('tr');
        const box = row.getBoundingClientRect();
        return { row: row.dataset.row, onScreen: box.bottom > 0 && box.top < innerHeight }; }""", far["name"])
    assert found == {"row": str(far["row"]), "onScreen": True}
    # Filtered, then sorted by verdict: the rows shown are those of the verdict, in row order.
    verdict = rows[-1]["verdict"]
    page.select_option("#unit-filter", verdict)
    page.select_option("#unit-sort", "verdict")
    page.wait_for_selector(ARRANGED, state="attached")
    shown = page.evaluate("[...document.querySelectorAll('#unit-table [data-row]')].filter(tr => tr.checkVisibility())"
                          ".map(tr => [Number(tr.dataset.row), tr.dataset.verdict])")
    assert shown == [[r, verdict] for r in range(2, count + 2) if any(x["row"] == r and x["verdict"] == verdict for x in rows)]
    assert page.inner_text("#unit-shown") == f"显示 {len(shown)} / {count} 人"
    # Everyone again, in row order.
    page.select_option("#unit-filter", "")
    page.select_option("#unit-sort", "row")
    page.wait_for_selector(ARRANGED, state="attached")
    assert [(r["row"], r["name"]) for r in shown_rows(page)] == [(n + 2, name) for n, name in enumerate(names)]
    assert page.inner_text("#unit-shown") == ""
    ctx.close()


def _thirty_rows(browser: Any, base_url: str, viewport: dict[str, int]) -> Any:
    ctx = browser.new_context(locale="zh-CN", viewport=viewport)
    page = ctx.new_page()
    open_unit(page, base_url)
    paste(page, to_csv(table(staff_sets(26, seed=9) + answer_sets(4, seed=2)), "\t"))
    assert len(shown_rows(page)) == 30
    return ctx, page


def test_thirty_rows_fit_a_phone_and_a_wide_screen(browser, base_url: str) -> None:
    ctx, page = _thirty_rows(browser, base_url, PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    ctx.close()
    ctx, page = _thirty_rows(browser, base_url, {"width": 1366, "height": 900})
    wrap = page.evaluate("(() => { const w = document.querySelector('.unit-table-wrap'); return [w.scrollWidth, w.clientWidth]; })()")
    assert wrap[0] <= wrap[1]  # no scrolling sideways inside the table
    # Each heading sits over its column, and no name is broken one character a line.
    lefts = page.evaluate("""() => [document.querySelector('#unit-table thead tr'), document.querySelector('#unit-table tbody tr')]
        .map(tr => [...tr.children].map(cell => Math.round(cell.getBoundingClientRect().left)))""")
    assert lefts[0] == lefts[1]
    lines = page.evaluate("""() => [...document.querySelectorAll('#unit-table tbody th')].map(th => {
        const range = document.createRange(); range.selectNodeContents(th); return range.getClientRects().length; })""")
    assert lines == [1] * 30  # 职工0001 … on one line each
    ctx.close()
