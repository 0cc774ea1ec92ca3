"""Benchmark the site in headless Debian chromium and print a table.

    .venv/bin/python bench/run.py [--rounds 5] [--changes 200] [--server nginx|python] [--bytes-only]

Measures, in one run, alternating and over several rounds (medians):
  (a) a bare page that only boots the site's own Pyodide and runs 1+1, against
      the checker page until <html data-checker="ready">; cold (fresh browser
      context: empty HTTP cache, no service worker) and warm (second visit);
  (b) answer change → result in the page: median and p95;
  (c) bytes each docs page and the checker page transfer (on the wire, and
      decoded), with a fresh context per page.
Writes the figures as JSON to bench/results/. Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen import runtime  # noqa: E402
from tests.site import nginx  # noqa: E402
from tests.site.checker_helpers import READY  # noqa: E402
from tests.site.conftest import CHROMIUM, CHROMIUM_ARGS, build_site, serve, site_pages  # noqa: E402

READY_TIMEOUT = 120_000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def visit(ctx: Any, url: str, selector: str, mark: str) -> float:
    """Milliseconds from navigation start to the page's ready mark."""
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_selector(selector, state="attached", timeout=READY_TIMEOUT)
    ms = page.evaluate(f"performance.getEntriesByName('{mark}')[0].startTime")
    page.close()
    return float(ms)


def boot_times(browser: Any, base: str, rounds: int) -> dict[str, list[float]]:
    targets = {
        "bare": (f"{base}/__bench__/bare.html", "html[data-bare='ready']", "bare-ready"),
        "checker": (f"{base}/checker/", READY, "checker-ready"),
    }
    times: dict[str, list[float]] = {f"{k}_{w}": [] for k in targets for w in ("cold", "warm")}
    for n in range(rounds):
        order = list(targets) if n % 2 == 0 else list(reversed(targets))
        for name in order:
            url, selector, mark = targets[name]
            ctx = browser.new_context()
            times[f"{name}_cold"].append(visit(ctx, url, selector, mark))
            if name == "checker":  # as a visitor who stays a moment: runtime and snapshot kept
                page = ctx.new_page()
                page.goto(url)
                page.wait_for_selector("#checker-app[data-snapshot='stored']", state="attached", timeout=60000)
                page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30000)
                page.close()
            times[f"{name}_warm"].append(visit(ctx, url, selector, mark))
            ctx.close()
    return times


CHANGE_LOOP = """async (n) => {
  const form = document.getElementById('checker-form');
  const root = document.getElementById('checker-app');
  const values = ['senior', 'junior', 'intermediate'];
  const times = [];
  for (let i = 0; i < n; i++) {
    const done = new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        if (root.dataset.busy === 'false') { watch.disconnect(); resolve(); }
      });
      watch.observe(root, { attributes: true, attributeFilter: ['data-busy'] });
    });
    const t0 = performance.now();
    form.querySelector(`input[name=target_level][value=${values[i % 3]}]`).checked = true;
    form.dispatchEvent(new Event('change', { bubbles: true }));
    await done;
    times.push(performance.now() - t0);
  }
  return times;
}"""


def change_times(browser: Any, base: str, changes: int) -> list[float]:
    ctx = browser.new_context()
    page = ctx.new_page()
    answers = ("?current_title=intermediate&civil_servant=false&high_level_talent=false&work_location=guangxi"
               "&employment_months=30&archive_months=12&via_talent_market=false&unit_type=non_public"
               "&unit_non_legal_branch=false&social_security_months=12&retired=false&meets_conditions=yes"
               "&other_application_this_year=false&continuing_education_done=true")
    page.goto(f"{base}/checker/{answers}")
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT)
    page.evaluate(CHANGE_LOOP, 20)  # warm-up
    times = page.evaluate(CHANGE_LOOP, changes)
    ctx.close()
    return times


def page_bytes(browser: Any, base: str, paths: list[str]) -> dict[str, dict[str, int]]:
    result = {}
    for path in paths:
        ctx = browser.new_context()
        page = ctx.new_page()
        seen: list[Any] = []
        ctx.on("requestfinished", lambda request: seen.append(request))
        if path == "/checker/":
            page.goto(base + path)
            page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT)
            page.wait_for_load_state("networkidle")
        else:
            page.goto(base + path, wait_until="networkidle")
        wire = decoded = pyodide = sw_wire = requests = 0
        by_encoding: dict[str, int] = {}  # wire bytes per Content-Encoding (br, gzip, identity)
        for request in seen:
            sizes = request.sizes()
            if request.service_worker:  # the service worker's own precache of the site
                sw_wire += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                continue
            response = request.response()
            body = len(response.body()) if response and response.status == 200 else 0
            requests += 1
            wire += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            encoding = (response.headers.get("content-encoding") if response else None) or "identity"
            by_encoding[encoding] = by_encoding.get(encoding, 0) + sizes["responseBodySize"] + sizes["responseHeadersSize"]
            decoded += body
            if "/assets/pyodide/" in request.url:
                pyodide += body
        result[path] = {"requests": requests, "wire": wire, "decoded": decoded, "pyodide_decoded": pyodide,
                        "service_worker_wire": sw_wire, "wire_by_encoding": by_encoding,
                        "accept_encoding": seen[0].all_headers().get("accept-encoding", "") if seen else ""}
        ctx.close()
    return result


def machine() -> dict[str, str]:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                    if l.startswith("model name")), "")
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return {"cpu": cpu, "cores": str(os.cpu_count()), "python": platform.python_version(),
            "chromium": chromium, "pyodide": runtime.pyodide_version()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--server", choices=("nginx", "python"), default="nginx" if Path(nginx.NGINX).exists() else "python")
    parser.add_argument("--bytes-only", action="store_true", help="only (c): bytes per page, no timing")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="gxgm-bench-"))
    site = build_site(work / "site")
    (site / "__bench__").mkdir()
    # The bare page boots Pyodide with its defaults: the lock file, the full stdlib.
    for name in ("pyodide-lock.json", "python_stdlib.zip"):
        shutil.copy(runtime.PYODIDE_DIR / name, site / runtime.pyodide_url())
    for name in ("bare.html", "bare.js"):
        text = (ROOT / "bench" / name).read_text().replace("__VERSION__", runtime.pyodide_version())
        (site / "__bench__" / name).write_text(text)
    if args.server == "nginx":
        base, proc = nginx.start(site, work / "nginx")
    else:
        base, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            boots = {} if args.bytes_only else boot_times(browser, base, args.rounds)
            changes = [] if args.bytes_only else change_times(browser, base, args.changes)
            sizes = page_bytes(browser, base, site_pages(site))
            browser.close()
    finally:
        if args.server == "nginx":
            nginx.stop(proc)
        else:
            server.shutdown()
        shutil.rmtree(work, ignore_errors=True)

    if args.bytes_only:
        report = {"machine": machine(), "server": args.server, "bytes": sizes}
        print_bytes(sizes)
        write_report(report)
        return
    med = {k: statistics.median(v) for k, v in boots.items()}
    report = {
        "machine": machine(), "server": args.server, "rounds": args.rounds,
        "boot_ms": boots, "boot_median_ms": med,
        "ratio_cold": med["checker_cold"] / med["bare_cold"], "ratio_warm": med["checker_warm"] / med["bare_warm"],
        "change_ms": {"median": statistics.median(changes), "p95": p95(changes), "n": len(changes)},
        "bytes": sizes,
    }
    print(f"machine: {report['machine']['cpu']} × {report['machine']['cores']} cores · "
          f"{report['machine']['chromium']} · Pyodide {report['machine']['pyodide']} · server {args.server}")
    print(f"\n(a) boot to ready, median of {args.rounds} rounds (ms)")
    print(f"{'':10}{'bare 1+1':>12}{'checker':>12}{'ratio':>8}")
    for when in ("cold", "warm"):
        print(f"{when:10}{med['bare_' + when]:12.0f}{med['checker_' + when]:12.0f}"
              f"{med['checker_' + when] / med['bare_' + when]:8.2f}")
    print(f"\n(b) answer change → result shown: median {report['change_ms']['median']:.1f} ms, "
          f"p95 {report['change_ms']['p95']:.1f} ms (n={len(changes)})")
    print_bytes(sizes)
    write_report(report)


def print_bytes(sizes: dict[str, dict[str, Any]]) -> None:
    print("\n(c) bytes per page, fresh context (KiB; sw = the service worker's offline copy, in the background;"
          " br/gzip/identity = wire bytes by Content-Encoding)")
    print(f"{'page':28}{'requests':>9}{'wire':>10}{'decoded':>10}{'pyodide':>10}{'sw wire':>10}"
          f"{'br':>9}{'gzip':>9}{'identity':>9}")
    for path, s in sizes.items():
        enc = s["wire_by_encoding"]
        print(f"{path:28}{s['requests']:9d}{s['wire'] / 1024:10.0f}{s['decoded'] / 1024:10.0f}"
              f"{s['pyodide_decoded'] / 1024:10.0f}{s['service_worker_wire'] / 1024:10.0f}"
              + "".join(f"{enc.get(e, 0) / 1024:9.0f}" for e in ("br", "gzip", "identity")))
    if "/checker/" in sizes:
        checker = sizes["/checker/"]
        print(f"checker page on the wire: {checker['wire'] / 1024 / 1024:.2f} MiB"
              f" (browser sent Accept-Encoding: {checker['accept_encoding']})")


def write_report(report: dict[str, Any]) -> None:
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwritten: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
