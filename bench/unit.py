"""Benchmark the unit's desk with a 1,000-row roster and print a table.

    .venv/bin/python bench/unit.py [--rows 1000] [--rounds 3] [--server nginx|python]
    .venv/bin/python bench/unit.py --long-tasks [--rounds 1] [--rows 20000] [--trace] [--site DIR]

The roster is kept as offices keep it (tests/batch/rosters.py::office_files):
short headings, everyday words in the cells, the unit's own columns, a title
row above the CSV's header, a two-row merged header after a 填表说明 sheet in
the .xlsx and the .xls.

Measures (medians over the rounds):
  (a) the page, headless Debian chromium: from "ready" (<html data-checker>)
      to the results shown for a pasted TSV, a GB18030 CSV, an .xlsx (the
      first .xlsx also loads openpyxl into the worker; then warm) and an .xls
      (loads xlrd), the .xlsx and .csv exports, and the print bundle with a QR
      code per person;
  (b) the CLI: ``python -m checker batch`` on the CSV, the .xlsx and the .xls
      (a whole process, start-up included), and with ``--out result.xlsx``.
With ``--long-tasks`` (issue 18, 7: no main-thread task over 200 ms), instead:
the main thread's long tasks (PerformanceObserver "longtask") while a fresh
page checks and shows a pasted roster of 2,000 and of 20,000 rows, at 1366 px
and 390 px: the longest, how many over 200 ms, and the time to the results
shown; then while the shown table is sorted by name, filtered by a verdict
and set back (row order, everyone). ``uptime``'s load is printed with the
figures. With ``--trace``, each phase is traced (Chrome) and its tasks are also
given by CPU time, which other work on the machine does not inflate; the
traces of 20,000 rows at 1366 px are written (bench/results/unit-trace-*.json,
for the DevTools performance panel), with what the longest tasks spent.
Run nginx under the shared lock (``flock /tmp/gxgm-nginx.lock``). Not a test:
it asserts nothing. Writes JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.batch.rosters import office_files, staff_sets  # noqa: E402
from tests.site import nginx  # noqa: E402
from tests.site.conftest import CHROMIUM, CHROMIUM_ARGS, build_site, serve  # noqa: E402
from tests.site.unit_helpers import open_unit  # noqa: E402


def timed_check(page: Any, action: Callable[[], None]) -> float:
    """Milliseconds from the action to the results shown (the page's own clock)."""
    before = int(page.evaluate("document.getElementById('unit-app').dataset.checked || '0'"))
    start = page.evaluate("performance.now()")
    action()
    page.wait_for_function(
        "n => { const a = document.getElementById('unit-app'); return Number(a.dataset.checked || 0) > n && a.dataset.busy === 'false'; }",
        arg=before, timeout=600000)
    return page.evaluate("performance.now()") - start


def timed_download(page: Any, selector: str) -> float:
    start = time.perf_counter()
    with page.expect_download(timeout=120000) as info:
        page.click(selector)
    info.value.path()
    return (time.perf_counter() - start) * 1000


def browser_round(browser: Any, base: str, tsv: str, csv_bytes: bytes, xlsx: bytes, xls: bytes) -> dict[str, float]:
    ctx = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = ctx.new_page()
    open_unit(page, base)
    out: dict[str, float] = {}

    def paste() -> None:
        page.evaluate("text => { document.getElementById('paste').value = text; }", tsv)
        page.click("#paste-check")

    def file(name: str, data: bytes) -> Callable[[], None]:
        return lambda: page.set_input_files("#roster", files=[{"name": name, "mimeType": "application/octet-stream",
                                                               "buffer": data}])

    out["paste TSV"] = timed_check(page, paste)
    out["CSV (GB18030)"] = timed_check(page, file("r.csv", csv_bytes))
    out[".xlsx, first (loads openpyxl)"] = timed_check(page, file("r.xlsx", xlsx))
    out[".xlsx, again"] = timed_check(page, file("r2.xlsx", xlsx))
    out[".xls, first (loads xlrd)"] = timed_check(page, file("r.xls", xls))
    out[".xlsx, once more"] = timed_check(page, file("r3.xlsx", xlsx))
    out["export .xlsx"] = timed_download(page, "#export-xlsx")
    out["export .xlsx, again"] = timed_download(page, "#export-xlsx")
    out["export .csv"] = timed_download(page, "#export-csv")
    page.evaluate("window.print = () => {}")
    start = time.perf_counter()
    page.click("#print-bundle-button")
    page.wait_for_selector("#unit-app[data-print='ready']", state="attached", timeout=300000)
    out["print bundle incl. QR codes"] = (time.perf_counter() - start) * 1000
    ctx.close()
    return out


LONG_TASKS = """window.longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); })
  .observe({ type: "longtask", buffered: true });"""


# Resolves once the page has drawn two frames and run what was queued after
# them: the long tasks of a change are all reported by then.
SETTLED = """() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(
    () => setTimeout(resolve, 50))))"""
ARRANGED = "document.getElementById('unit-app').dataset.busy === 'false'"


def arranged(page: Any, select: str, value: str) -> list[float]:
    """The long tasks while the shown table is arranged anew (sorted or filtered)."""
    page.evaluate("window.longTasks = []")
    page.select_option(select, value)
    page.wait_for_function(ARRANGED, timeout=600000)
    page.evaluate(SETTLED)
    return page.evaluate("window.longTasks")


def long_tasks_round(browser: Any, base: str, text: str, viewport: dict[str, int],
                     trace: bool = False) -> dict[str, Any]:
    """A fresh page, a pasted roster: the main thread's long tasks from the click to the results shown,
    then while the table is sorted and filtered; with ``trace``, each phase's Chrome trace too."""
    ctx = browser.new_context(locale="zh-CN", viewport=viewport)
    ctx.add_init_script(LONG_TASKS)
    page = ctx.new_page()
    open_unit(page, base)
    page.evaluate("text => { document.getElementById('paste').value = text; }", text)
    # The pasted text laid out in its box first (Chrome: 20,000 lines, up to a second or two
    # of one task on a busy machine): the paste's cost, not the check's.
    page.evaluate(SETTLED)
    page.evaluate("window.longTasks = []")
    out: dict[str, Any] = {}
    if trace:
        browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
    out["results shown"] = timed_check(page, lambda: page.click("#paste-check"))
    page.evaluate(SETTLED)
    if trace:
        out["trace, shown"] = browser.stop_tracing()
    out["shown"] = page.evaluate("window.longTasks")
    out["rows shown"] = page.evaluate("document.querySelectorAll('#unit-table tbody tr').length")
    verdict = page.evaluate("document.querySelector('#unit-table [data-verdict]').dataset.verdict")
    if trace:
        browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
    out["arranged"] = [*arranged(page, "#unit-sort", "name"), *arranged(page, "#unit-filter", verdict),
                       *arranged(page, "#unit-sort", "row"), *arranged(page, "#unit-filter", "")]
    if trace:
        out["trace, arranged"] = browser.stop_tracing()
    ctx.close()
    return out


TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "blink", "v8"]
RUN_TASK = ("RunTask", "ThreadControllerImpl::RunTask")


def main_thread(trace: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A Chrome trace's busiest renderer main thread: its outermost tasks (not the bench's own
    commands) and all its spans, in time order."""
    events = json.loads(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    mains = {(e["pid"], e["tid"]) for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    spans: dict[tuple[int, int], list[dict[str, Any]]] = {thread: [] for thread in mains}
    for e in events:
        if e.get("ph") == "X" and "dur" in e and (e.get("pid"), e.get("tid")) in spans:
            spans[(e["pid"], e["tid"])].append(e)
    page = sorted(max(spans.values(), key=len), key=lambda e: (e["ts"], -e["dur"]))
    tasks, until = [], 0
    for e in page:
        if e["name"] in RUN_TASK and e["ts"] >= until:  # the outermost task only
            until = e["ts"] + e["dur"]
            tasks.append(e)
        elif e["ts"] < until and e["name"] == "Receive mojo message" and DEVTOOLS in str(e.get("args")):
            tasks[-1]["driver"] = True
    return [t for t in tasks if not t.get("driver")], page


# Playwright's commands (evaluate, select_option …) arrive in a DevTools
# session: up to 0.3 s of CPU each on a 20,000-row page, the bench's, not the page's.
DEVTOOLS = "blink.mojom.DevToolsSession"


def cpu(e: dict[str, Any]) -> float:
    """A trace event's CPU time (ms): on a machine with other work, less than its wall time."""
    return e.get("tdur", e["dur"]) / 1000


def trace_summary(trace: bytes, top: int = 8) -> None:
    """The ``top`` longest main-thread tasks by CPU time and the events inside each (the outermost of each name)."""
    tasks, spans = main_thread(trace)
    for task in sorted(tasks, key=cpu, reverse=True)[:top]:
        end = task["ts"] + task["dur"]
        parts: dict[str, float] = {}
        open_until: dict[str, float] = {}
        for e in spans:
            if not (task["ts"] <= e["ts"] and e["ts"] + e["dur"] <= end) or e["name"] in RUN_TASK:
                continue
            if e["ts"] >= open_until.get(e["name"], 0):  # no double counting of nested ones
                parts[e["name"]] = parts.get(e["name"], 0) + cpu(e)
                open_until[e["name"]] = e["ts"] + e["dur"]
        named = sorted(((ms, name) for name, ms in parts.items() if ms >= 5), reverse=True)[:6]
        print(f"      CPU {cpu(task):4.0f} ms (wall {task['dur'] / 1000:5.0f}): " + "; ".join(f"{name} {ms:.0f}" for ms, name in named))


def long_tasks(browser: Any, base: str, rounds: int, trace: bool = False,
               sizes: tuple[int, ...] = (2000, 20000)) -> None:
    from tests.batch.rosters import answer_sets, people_names, table, to_csv

    for rows in sizes:
        # Names in no order: sorting by name moves every row.
        text = to_csv(table(answer_sets(20, seed=11) * (rows // 20), names=people_names(rows)), "\t")
        for width, height in ((1366, 900), (390, 844)):
            for n in range(rounds):
                load = Path("/proc/loadavg").read_text().split()[0]
                r = long_tasks_round(browser, base, text, {"width": width, "height": height}, trace)
                print(f"  pasted {rows:>6} rows at {width:>4} px (load {load}): results shown in {r['results shown']:6.0f} ms "
                      f"({r['rows shown']} rows)", flush=True)
                for phase in ("shown", "arranged"):
                    tasks = r[phase]
                    line = (f"    {'until shown' if phase == 'shown' else 'sorted, filtered'}: longest task "
                            f"{max(tasks, default=0):5.0f} ms, {sum(t > 200 for t in tasks):3d} over 200 ms")
                    if trace:
                        cpus = [cpu(t) for t in main_thread(r[f"trace, {phase}"])[0]]
                        line += f"; by CPU time: longest {max(cpus, default=0):4.0f} ms, {sum(t > 200 for t in cpus)} over 200 ms"
                    print(line, flush=True)
                    if trace and rows == 20000 and width == 1366 and n == 0:
                        path = ROOT / "bench" / "results" / f"unit-trace-{phase}-{time.strftime('%Y%m%d-%H%M%S')}.json"
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_bytes(r[f"trace, {phase}"])
                        print(f"    the longest tasks by CPU time ({path.relative_to(ROOT)}):")
                        trace_summary(r[f"trace, {phase}"])


def cli_time(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "checker", "batch", *args], cwd=ROOT, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=None, help="1000; with --long-tasks 2000 and 20000")
    parser.add_argument("--rounds", type=int, default=None, help="3; with --long-tasks 1")
    parser.add_argument("--server", choices=("nginx", "python"), default="python")
    parser.add_argument("--long-tasks", action="store_true", help="the main thread's long tasks instead")
    parser.add_argument("--trace", action="store_true", help="with --long-tasks: tasks by CPU time too (Chrome traces)")
    parser.add_argument("--site", type=Path, help="with --long-tasks: a site built already (e.g. of an older commit)")
    args = parser.parse_args()
    if args.long_tasks:
        measure_long_tasks(args.rounds or 1, args.site, args.trace, args.rows)
        return
    args.rounds = args.rounds or 3
    args.rows = args.rows or 1000
    files = office_files(staff_sets(args.rows, seed=1000))  # a realistic mix of verdicts
    tsv, csv_bytes = files["粘贴.tsv"].decode("utf-8"), files["excel-gb18030.csv"]
    xlsx, xls = files["两行列标题.xlsx"], files["旧版.xls"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "r.csv").write_bytes(csv_bytes)
        (work / "r.xlsx").write_bytes(xlsx)
        (work / "r.xls").write_bytes(xls)
        cli: dict[str, list[float]] = {"CLI, CSV": [], "CLI, .xlsx": [], "CLI, .xls": [], "CLI, CSV → --out .xlsx": []}
        for _ in range(max(args.rounds, 5)):
            cli["CLI, CSV"].append(cli_time(str(work / "r.csv")))
            cli["CLI, .xlsx"].append(cli_time(str(work / "r.xlsx")))
            cli["CLI, .xls"].append(cli_time(str(work / "r.xls")))
            cli["CLI, CSV → --out .xlsx"].append(cli_time(str(work / "r.csv"), "--out", str(work / "o.xlsx")))
        site = build_site(work / "site")
        proc = None
        if args.server == "nginx":
            base, proc = nginx.start(site, work / "nginx")
        else:
            base, server = serve(site)
        from playwright.sync_api import sync_playwright

        page_runs: list[dict[str, float]] = []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for _ in range(args.rounds):
                    page_runs.append(browser_round(browser, base, tsv, csv_bytes, xlsx, xls))
                browser.close()
        finally:
            if proc:
                nginx.stop(proc)
            else:
                server.shutdown()
    figures = {f"page: {k}": [r[k] for r in page_runs] for k in page_runs[0]}
    figures.update(cli)
    print(f"{args.rows} rows, {args.rounds} rounds, server {args.server}; medians (ms)")
    for name, values in figures.items():
        print(f"  {name:<42} {statistics.median(values):8.0f}   (min {min(values):.0f}, max {max(values):.0f})")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"unit-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"rows": args.rows, "server": args.server, "figures": figures}, indent=2))
    print(f"written: {path.relative_to(ROOT)}")


def measure_long_tasks(rounds: int, site: Path | None, trace: bool = False, rows: int | None = None) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = site or build_site(Path(tmp) / "site")
        base, server = serve(site)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                long_tasks(browser, base, rounds, trace, (rows,) if rows else (2000, 20000))
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
