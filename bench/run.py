"""Benchmark the site in headless Debian chromium and print a table.

    .venv/bin/python bench/run.py [--rounds 5] [--changes 200] [--server nginx|python] [--bytes-only]
    .venv/bin/python bench/run.py --phone [--rounds 3] [--log] [--site DIR] [--against DIR]

Measures, in one run, alternating and over several rounds (medians):
  (a) a bare page that only boots the site's own Pyodide and runs 1+1, against
      the checker page until <html data-checker="ready">; cold (fresh browser
      context: empty HTTP cache, no service worker) and warm (second visit);
  (b) answer change → result in the page: median and p95;
  (c) bytes each docs page and the checker page transfer (on the wire, and
      decoded), with a fresh context per page.
With --phone, instead: the checker page cold on an applicant's phone (CPU
slowed ×4, 1.6 Mbit/s down, 150 ms round trip, 390 px wide, through the
DevTools protocol): when the form is usable, when the checker is ready, the
first result after an answer, and the bytes on the wire before ready,
against the time those bytes take at that bandwidth; --log prints each
visit's requests (start, first and last byte, size), --against alternates
the rounds with another built site (A/B in one run, as the machine's load
varies).
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


#: An applicant's phone on a slow mobile network (issue 16).
PHONE_DOWN_BITS = 1_600_000  # bit/s
PHONE = {"cpu_slowdown": 4, "down_bits": PHONE_DOWN_BITS, "up_bits": 750_000, "rtt_ms": 150,
         "viewport": {"width": 390, "height": 844}}

# When the form is usable: its last question laid out and shown (the page
# shows the form once boot.js marks <html data-checker>; CSS hides it before).
FORM_USABLE = """(() => {
  const check = () => {
    const questions = document.querySelectorAll('#checker-form .q:not([hidden])');
    const last = questions[questions.length - 1];
    if (last && last.getClientRects().length && document.documentElement.dataset.checker) {
      performance.mark('bench-form-usable');
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();"""


def print_requests(requests: list[Any], origin: float, ready_ms: float) -> None:
    """The request log of one visit: when each request started, its first and
    last byte (ms after navigation), its bytes on the wire and who asked."""
    print(f"    {'start':>7}{'first':>7}{'last':>7}{'KiB':>7}  {'by':6} request")
    for request in sorted(requests, key=lambda r: r.timing["startTime"]):
        timing, sizes = request.timing, request.sizes()
        start = timing["startTime"] - origin
        if start > ready_ms:
            continue
        by = "sw" if request.service_worker else request.resource_type[:6]
        first = start + timing["responseStart"] if timing["responseStart"] >= 0 else float("nan")
        print(f"    {start:7.0f}{first:7.0f}{start + timing['responseEnd']:7.0f}"
              f"{(sizes['responseBodySize'] + sizes['responseHeadersSize']) / 1024:7.1f}  {by:6} "
              f"{request.url.split('/', 3)[-1][-60:]}")


def phone_times(browser: Any, bases: dict[str, str], rounds: int, log: bool = False,
                init_script: Path | None = None) -> dict[str, list[dict[str, float]]]:
    """One cold visit per round on the throttled phone, of each site (A/B:
    alternating, the other first every other round)."""
    figures: dict[str, list[dict[str, float]]] = {name: [] for name in bases}
    for n in range(rounds):
        for name in (list(bases) if n % 2 == 0 else list(reversed(bases))):
            if len(bases) > 1:
                print(f"  round {n + 1}, {name}:")
            figures[name].append(phone_visit(browser, bases[name], log, init_script))
    return figures


def phone_visit(browser: Any, base: str, log: bool, init_script: Path | None = None) -> dict[str, float]:
    """A cold visit of the checker page on the throttled phone."""
    ctx = browser.new_context(viewport=PHONE["viewport"], is_mobile=True, has_touch=True, device_scale_factor=3)
    ctx.add_init_script(FORM_USABLE)
    if init_script:
        ctx.add_init_script(path=init_script)
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": PHONE["rtt_ms"],
        "downloadThroughput": PHONE["down_bits"] / 8, "uploadThroughput": PHONE["up_bits"] / 8})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu_slowdown"]})
    wire = [0]
    ready_at = [None]
    ends: list[tuple[float, str]] = []  # (epoch ms of the last byte, url) of each request before ready

    requests: list[Any] = []  # for the log

    def count(request: Any) -> None:
        requests.append(request)
        if ready_at[0] is None:  # bytes needed to get to ready
            sizes = request.sizes()
            wire[0] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            timing = request.timing
            if sizes["responseBodySize"] > 0:  # not a cache hit (Pyodide imports its modules again)
                ends.append((timing["startTime"] + timing["responseEnd"], request.url))

    ctx.on("requestfinished", count)
    page.goto(f"{base}/checker/")
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT * 3)
    marks = page.evaluate("""() => Object.fromEntries(['bench-form-usable', 'checker-ready']
        .map(name => [name, (performance.getEntriesByName(name)[0] || {}).startTime]))""")
    ready_at[0] = marks["checker-ready"]
    origin = page.evaluate("performance.timeOrigin")
    # Events arrive a little late: keep the requests that ended before ready.
    last_end, last_url = max((end, url) for end, url in ends
                             if url.startswith("http") and end - origin <= ready_at[0])
    page.wait_for_selector("#checker-app[data-busy='false']", state="attached")
    # The first result after an answer: a tap on the first question.
    t0 = page.evaluate("performance.now()")
    page.locator("#target_level-senior").check()  # sets data-busy="true" at once (app.js)
    page.wait_for_selector("#checker-app[data-busy='false']", state="attached", timeout=60000)
    t1 = page.evaluate("performance.now()")
    figure = {"form_usable_ms": marks["bench-form-usable"], "ready_ms": marks["checker-ready"],
              "first_result_ms": t1 - t0, "wire_bytes_to_ready": wire[0], "last_byte_ms": last_end - origin,
              "load_average": os.getloadavg()[0]}
    print(f"  last byte before ready: {last_end - origin:.0f} ms ({last_url.rsplit('/', 1)[-1]})")
    if log:
        print_requests(requests, origin, ready_at[0])
        timings = page.evaluate("window.__benchTimings || []")
        for name, epoch in timings:
            print(f"    worker {name:30} {epoch - origin:8.0f}")
    ctx.close()
    return figure


def print_phone(figures: list[dict[str, float]]) -> dict[str, float]:
    med = {key: statistics.median(f[key] for f in figures) for key in figures[0]}
    at_bandwidth_ms = med["wire_bytes_to_ready"] * 8 / PHONE["down_bits"] * 1000
    med["bytes_time_ms"] = at_bandwidth_ms
    med["ready_over_bytes_time"] = med["ready_ms"] / at_bandwidth_ms
    print(f"phone: CPU ×{PHONE['cpu_slowdown']}, {PHONE['down_bits'] / 1e6} Mbit/s down, {PHONE['rtt_ms']} ms RTT, "
          f"{PHONE['viewport']['width']} px; cold; median of {len(figures)} rounds")
    print(f"{'round':>6}{'form usable':>13}{'last byte':>11}{'ready':>10}{'first result':>14}{'MiB to ready':>14}")
    for n, f in enumerate(figures, 1):
        print(f"{n:6d}{f['form_usable_ms']:13.0f}{f['last_byte_ms']:11.0f}{f['ready_ms']:10.0f}"
              f"{f['first_result_ms']:14.0f}{f['wire_bytes_to_ready'] / 1048576:14.2f}")
    print(f"{'median':>6}{med['form_usable_ms']:13.0f}{med['last_byte_ms']:11.0f}{med['ready_ms']:10.0f}"
          f"{med['first_result_ms']:14.0f}{med['wire_bytes_to_ready'] / 1048576:14.2f}")
    print(f"load average (1 min) during the rounds: "
          f"{min(f['load_average'] for f in figures):.1f}–{max(f['load_average'] for f in figures):.1f}")
    print(f"those bytes take {at_bandwidth_ms:.0f} ms at {PHONE['down_bits'] / 1e6} Mbit/s: "
          f"ready = {med['ready_over_bytes_time']:.2f} × that (goal ≤ 1.15); form usable goal ≤ 2500 ms")
    return med


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
    parser.add_argument("--phone", action="store_true", help="the checker page on a slow phone and network instead")
    parser.add_argument("--log", action="store_true", help="with --phone: print each round's requests")
    parser.add_argument("--init-script", type=Path, help="with --phone: a script to run first in each page "
                        "(e.g. to collect timing marks a patched worker posts)")
    parser.add_argument("--site", type=Path, help="an already built site instead of building one")
    parser.add_argument("--against", type=Path, help="with --phone: another built site (e.g. the base commit's), "
                        "measured in alternating rounds (A/B)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="gxgm-bench-"))
    site = args.site or build_site(work / "site")
    (site / "__bench__").mkdir(exist_ok=True)
    # The bare page boots Pyodide with its defaults: the lock file, the full stdlib.
    for name in ("pyodide-lock.json", "python_stdlib.zip"):
        shutil.copy(runtime.PYODIDE_DIR / name, site / runtime.pyodide_url())
    for name in ("bare.html", "bare.js"):
        text = (ROOT / "bench" / name).read_text().replace("__VERSION__", runtime.pyodide_version())
        (site / "__bench__" / name).write_text(text)
    other = None
    if args.server == "nginx":
        base, proc = nginx.start(site, work / "nginx")
        if args.against:
            other, other_proc = nginx.start(args.against.resolve(), work / "nginx-against")
    else:
        base, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            if args.phone:
                bases = {"this": base, "against": other} if other else {"this": base}
                phone = phone_times(browser, bases, args.rounds, args.log, args.init_script)
                browser.close()
                medians = {}
                for name, figures in phone.items():
                    print(f"\n{name if other else ''}")
                    medians[name] = print_phone(figures)
                write_report({"machine": machine(), "server": args.server, "phone": PHONE, "rounds": phone,
                              "median": medians, "against": str(args.against) if other else None})
                return
            boots = {} if args.bytes_only else boot_times(browser, base, args.rounds)
            changes = [] if args.bytes_only else change_times(browser, base, args.changes)
            sizes = page_bytes(browser, base, site_pages(site))
            browser.close()
    finally:
        if args.server == "nginx":
            nginx.stop(proc)
            if other:
                nginx.stop(other_proc)
        else:
            server.shutdown()
        shutil.rmtree(work, ignore_errors=True)  # (a --site is outside it)

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
