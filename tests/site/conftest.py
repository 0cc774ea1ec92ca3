"""Fixtures for the site tests: a fresh build, a local static server and
Debian's chromium through Playwright."""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}  # the applicants' usual screen
# Without these, chromium phones home at start-up (and this machine's network refuses it).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def build_site(dest: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return dest


def once_per_run(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
                 made: Callable[[Path], bool], make: Callable[[Path], object]) -> Path:
    """``name`` in this run's folder, made once. Under pytest-xdist the workers
    share it: the first to take the lock makes it, the others wait and reuse it
    (one that failed halfway is made again by the next to ask)."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # this run's folder, common to its workers
    dest = shared / name
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made(dest):
            make(dest)
    return dest


def build_once(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The run's one build, shared by the workers (started early by tests/conftest.py)."""
    return once_per_run(tmp_path_factory, worker_id, "site", lambda dest: (dest / "index.html").exists(), build_site)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    return build_once(tmp_path_factory, worker_id)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
                      ".json": "application/json", ".whl": "application/zip"}

    def log_message(self, *args: object) -> None:
        pass


def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    url, server = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def site_pages(site_dir: Path) -> list[str]:
    """URL paths of every HTML page of the built site (404 page excluded)."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


@pytest.fixture(scope="session")
def pages(site_dir: Path) -> list[str]:
    return site_pages(site_dir)


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: object, *, loaded: bool = False) -> list[dict]:
    """Serious and critical axe-core violations on the page (WCAG 2.x A/AA).
    ``loaded``: axe is already in the page (an init script of its context)."""
    if not loaded:
        page.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        """async () => (await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}}))
            .violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")
    return result


# ---- one walk over every page per viewport, shared by the tests that check a property of each page ----

# Each walk's browser context, and whether axe runs on its pages: a desktop
# window and a phone as applicants hold it (touch, no hover: Material then
# leaves code blocks out of the Tab order, so none may scroll sideways).
WALKS: dict[str, tuple[dict[str, Any], bool]] = {
    "desktop": ({"viewport": DESKTOP}, True),
    "phone": ({"viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}, True),
}
RUNS_PYTHON = ("/checker/", "/unit/")  # the two pages that start Pyodide
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def walk_pages(browser: Any, base_url: str, pages: list[str], viewport: str) -> dict[str, Any]:
    """Load every page once in a fresh context and record what the tests check:

    - ``offsite``: every request of the context (pages, their workers, the
      service worker) that left the site's origin;
    - ``failed``: same-origin requests that failed, except those cut off by
      leaving the page (net::ERR_ABORTED: /unit/ fetches its offline files
      after ready), which are not broken links;
    - ``pages[path]``: the URLs the page itself requested (its workers' too)
      while it was the page shown, its sideways overflow in CSS pixels, its
      wide-table wrappers, and its serious or critical axe violations (``None``
      where this walk does not run axe).

    The two pages that run Python come last, so that whatever a documentation
    page requested was requested while it was shown. On each page the search
    is opened too (its worker and index load on demand), after the checks.
    """
    origin = urlsplit(base_url).netloc
    record: dict[str, Any] = {"offsite": [], "failed": [], "pages": {}}
    options, axe = WALKS[viewport]
    ctx = browser.new_context(locale="zh-CN", **options)
    if axe:  # in every page as it loads: quicker than adding it to each page after
        ctx.add_init_script(path=str(AXE))

    def request(r: Any) -> None:
        parts = urlsplit(r.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != origin:
            record["offsite"].append(r.url)

    def failed(r: Any) -> None:
        if urlsplit(r.url).netloc == origin and "ERR_ABORTED" not in (r.failure or ""):
            record["failed"].append(r.url)

    ctx.on("request", request)
    ctx.on("requestfailed", failed)
    page = ctx.new_page()
    shown: dict[str, Any] = {}
    page.on("request", lambda r: shown["requests"].append(r.url))
    for path in sorted(pages, key=lambda p: p in RUNS_PYTHON):
        shown = record["pages"][path] = {"requests": []}
        page.goto(base_url + path, wait_until="networkidle")
        shown["overflow"] = page.evaluate(OVERFLOW)
        shown["scrollwraps"] = page.locator(".md-typeset__scrollwrap").count()
        shown["axe"] = axe_violations(page, loaded=True) if axe else None
        page.keyboard.press("/")
        page.wait_for_timeout(50)
    shown = {"requests": []}
    if viewport == "desktop":  # the search opened by its icon too
        page.goto(base_url + "/", wait_until="networkidle")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.wait_for_timeout(500)
    ctx.close()
    return record


@pytest.fixture(scope="session")
def site_walk(browser: Any, base_url: str, pages: list[str], tmp_path_factory: pytest.TempPathFactory,
              worker_id: str) -> Callable[[str], dict[str, Any]]:
    """``site_walk(viewport)``: the records of :func:`walk_pages`, one walk per
    viewport and run, shared by the workers."""
    walked: dict[str, dict[str, Any]] = {}

    def write(viewport: str, dest: Path) -> None:
        data = walk_pages(browser, base_url, pages, viewport)
        partial = dest.with_suffix(".partial")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.rename(dest)

    def walk(viewport: str) -> dict[str, Any]:
        if viewport not in walked:
            path = once_per_run(tmp_path_factory, worker_id, f"walk-{viewport}.json", Path.exists,
                                functools.partial(write, viewport))
            walked[viewport] = json.loads(path.read_text(encoding="utf-8"))
        return walked[viewport]

    return walk
