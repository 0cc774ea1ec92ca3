"""Hostile roster files (issue 18, 5): how long until each is answered, and
how much memory it takes, on the command line and in the page.

    .venv/bin/python bench/hostile.py [--site SITE_DIR] [--no-page]

The files are those of the tests (tests/batch/hostile.py). For each it prints:
  CLI: ``python -m checker batch FILE``, a whole process (start-up included),
       wall time and peak resident memory (os.wait4);
  page: /unit/ in headless Debian chromium on Python's static server, from
       choosing the file to the message shown (the page's own clock), and the
       peak resident memory of chromium's renderer processes meanwhile (the
       tab and its worker, where Pyodide runs), sampled every 20 ms.
Not a test: it asserts nothing. Targets: each answered within 3 s, the tab
under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.batch.hostile import HOSTILE  # noqa: E402
from tests.site.conftest import CHROMIUM, CHROMIUM_ARGS, build_site, serve  # noqa: E402
from tests.site.unit_helpers import open_unit  # noqa: E402


def cli(path: Path) -> tuple[float, float]:
    """Wall time, and the child's own high-water mark (VmHWM, sampled: ru_maxrss
    would include this process's size at the fork)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "checker", "batch", str(path)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    while proc.poll() is None:
        try:
            for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        except OSError:
            pass
        time.sleep(0.005)
    return time.perf_counter() - start, peak


def renderer_rss_mb() -> float:
    """The largest renderer process (the tab, with its worker, where Pyodide runs)."""
    total = 0.0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"chromium" not in cmdline or b"--type=renderer" not in cmdline:
                continue
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total = max(total, int(line.split()[1]) / 1024)
        except OSError:
            continue
    return total


def page_run(page: Any, name: str, data: bytes) -> tuple[float, float, str]:
    peak = [renderer_rss_mb()]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], renderer_rss_mb())
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    before = int(page.evaluate("document.getElementById('unit-app').dataset.checked || '0'"))
    start = page.evaluate("performance.now()")
    page.set_input_files("input[type=file][name=roster]",
                         files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}])
    page.wait_for_function("n => Number(document.getElementById('unit-app').dataset.checked || 0) > n",
                           arg=before, timeout=120000)
    elapsed = (page.evaluate("performance.now()") - start) / 1000
    done.set()
    sampler.join()
    return elapsed, peak[0], page.inner_text("#unit-message").strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--no-page", action="store_true", help="the CLI only")
    args = parser.parse_args()
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for case, (make, name, _) in HOSTILE.items():
            data = make()
            (Path(tmp) / name).write_bytes(data)
            files[case] = (name, data)
        for case, (name, data) in files.items():
            seconds, mb = cli(Path(tmp) / name)
            rows.append([case, f"{len(data) / 1024:.0f} KB", f"{seconds:.2f} s", f"{mb:.0f} MB"])
        if not args.no_page:
            from playwright.sync_api import sync_playwright

            site = args.site or build_site(Path(tmp) / "site")
            url, server = serve(site)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                open_unit(page, url)
                print(f"the tab when ready: {renderer_rss_mb():.0f} MB")
                for row, (case, (name, data)) in zip(rows, files.items()):
                    seconds, mb, said = page_run(page, name, data)
                    row += [f"{seconds:.2f} s", f"{mb:.0f} MB", said[:40]]
                browser.close()
            server.shutdown()
    head = ["file", "size", "CLI time", "CLI peak RSS", "page time", "tab peak RSS", "page says"]
    print("| " + " | ".join(head[:len(rows[0])]) + " |")
    print("|" + "---|" * len(rows[0]))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
