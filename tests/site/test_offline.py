"""Offline use: the service worker keeps the site and, after a first check, the
checker's runtime; a new deployment replaces the old cache."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from sitegen import offline

from .checker_helpers import fill, open_checker, settle, shown
from .conftest import ROOT, serve

CACHE_NAMES = "async () => (await caches.keys()).sort()"


@pytest.fixture()
def served_copy(site_dir: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A copy of the built site that the test may redeploy."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    url, server = serve(copy)
    yield url, copy
    server.shutdown()


def wait_controlled(page) -> None:
    """Until the service worker has installed (it downloads the site's shell,
    slow on a loaded machine) and claimed the page."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60000)


def test_after_a_first_visit_a_check_works_offline(browser, served_copy) -> None:
    url, _ = served_copy
    ctx = browser.new_context()
    page = ctx.new_page()
    open_checker(page, url)
    page.wait_for_selector("#checker-app[data-offline='ready']", state="attached", timeout=30000)
    wait_controlled(page)
    names = page.evaluate(CACHE_NAMES)
    assert all(any(n.startswith(kind) for n in names) for kind in ("pyodide-", "stdlib-", "checker-"))
    assert any(n.startswith("site-") for n in names)

    ctx.set_offline(True)
    offline_page = ctx.new_page()
    failed: list[str] = []
    offline_page.on("requestfailed", lambda r: failed.append(r.url))
    open_checker(offline_page, url, "?civil_servant=false&target_level=senior")
    fill(offline_page, {"civil_servant": True})
    assert shown(offline_page)["verdict"] == "ineligible"
    offline_page.goto(url + "/guide/materials/")
    assert "申报材料" in offline_page.inner_text("h1")
    assert failed == []
    ctx.close()


def test_a_new_deployment_replaces_the_old_cache(browser, served_copy) -> None:
    url, root = served_copy
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url + "/", wait_until="networkidle")
    page.reload(wait_until="networkidle")
    wait_controlled(page)
    old = [n for n in page.evaluate(CACHE_NAMES) if n.startswith("site-")]
    assert len(old) == 1

    # Deploy a changed build: new content, and the service worker written for it.
    index = root / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("本站不是官方网站", "本站不是官方网站（新版）"), encoding="utf-8")
    offline.write(root)

    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    for _ in range(100):  # the new worker installs, then drops the old cache
        names = page.evaluate(CACHE_NAMES)
        if old[0] not in names and any(n.startswith("site-") for n in names):
            break
        page.wait_for_timeout(200)
    else:
        raise AssertionError(f"the old cache stayed: {names}")
    ctx.set_offline(True)
    page.reload()
    assert "本站不是官方网站（新版）" in page.inner_text("article")
    ctx.close()


def test_a_second_visit_restores_python_from_the_snapshot_made_on_the_first(browser, served_copy) -> None:
    url, _ = served_copy
    ctx = browser.new_context()
    first = ctx.new_page()
    open_checker(first, url)
    assert first.get_attribute("#checker-app", "data-boot") == "fresh"
    first.wait_for_selector("#checker-app[data-snapshot='stored']", state="attached", timeout=60000)
    first.close()
    second = ctx.new_page()
    open_checker(second, url, "?civil_servant=true")
    assert second.get_attribute("#checker-app", "data-boot") == "snapshot"
    assert shown(second)["verdict"] == "ineligible"
    fill(second, {"target_level": "intermediate", "civil_servant": False, "work_location": "guangxi", "employment_months": 11,
                  "unit_type": "state_owned"})
    assert shown(second)["verdict"] == "ineligible"
    assert "employment_months" in second.url
    ctx.close()


def test_offline_a_page_never_visited_is_a_404_not_a_200(browser, served_copy) -> None:
    url, _ = served_copy
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url + "/", wait_until="networkidle")
    wait_controlled(page)
    page.wait_for_function("async () => (await caches.keys()).some(n => n.startsWith('site-'))")
    ctx.set_offline(True)
    response = page.goto(url + "/no-such-page/")
    assert response is not None and response.status == 404
    assert "找不到这个页面" in page.inner_text("body")  # the site's own 404 page, kept offline
    ctx.close()


UNIT_KEPT = """async () => {
    const name = (await caches.keys()).find(n => n.startsWith('unit-'));
    return name ? (await (await caches.open(name)).keys()).length : 0;
}"""


def test_after_a_visit_of_the_unit_s_desk_xlsx_exports_and_printing_work_offline(browser, served_copy) -> None:
    """Issue 18, 4: once /unit/ is ready its extra files (openpyxl, et_xmlfile,
    segno, its standard library) are fetched in the background and kept."""
    from ..batch.rosters import answer_sets, table, to_xlsx
    from .test_unit_page import _download, _print_bundle
    from .unit_helpers import open_file, open_unit, shown_rows

    url, _ = served_copy
    ctx = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = ctx.new_page()
    open_unit(page, url)
    page.wait_for_selector("#unit-app[data-offline='ready']", state="attached", timeout=30000)
    from sitegen import extra_wheels

    assert page.evaluate(UNIT_KEPT) == len(extra_wheels.unit_files())
    wait_controlled(page)
    page.wait_for_function("async () => (await caches.keys()).some(n => n.startsWith('site-'))")
    page.close()

    ctx.set_offline(True)
    offline_page = ctx.new_page()
    open_unit(offline_page, url)
    open_file(offline_page, "r.xlsx", to_xlsx(table(answer_sets(3, seed=4))))
    assert len(shown_rows(offline_page)) == 3 and offline_page.is_hidden("#unit-message")
    assert _download(offline_page, "#export-xlsx").startswith(b"PK")
    assert _download(offline_page, "[data-template='xlsx']").startswith(b"PK")
    assert _print_bundle(offline_page).startswith(b"%PDF")
    ctx.close()


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project to build a changed version from (tools linked, not copied)."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "build",
                                                               "__pycache__", "*.egg-info", "test-results"))
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    # Content-keyed caches: the same standard library needs no Node compile, the
    # same wasm no minute of brotli.
    for cache in ("stdlib-cache", "compress-cache"):
        if (ROOT / "build" / cache).exists():
            shutil.copytree(ROOT / "build" / cache, copy / "build" / cache)
    return copy


def test_after_a_redeploy_the_page_and_its_rules_are_of_one_version(browser, served_copy, tmp_path: Path) -> None:
    url, root = served_copy
    ctx = browser.new_context()
    page = ctx.new_page()
    from .unit_helpers import open_unit

    open_unit(page, url)  # the old build's unit's desk, kept by its service worker
    open_checker(page, url, "#target_level=senior")
    page.wait_for_selector("#checker-app[data-offline='ready']", state="attached", timeout=30000)
    wait_controlled(page)
    page.wait_for_function("async () => (await caches.keys()).some(n => n.startsWith('site-'))")
    assert "380元" in page.inner_text("#fee")

    # The next notice changes a fee: a new build of the whole site is deployed.
    project = project_copy(tmp_path)
    # … and the unit's desk's files change too (other bytes, other names).
    wheels = project / "sitegen" / "extra_wheels.py"
    wheels.write_text(wheels.read_text(encoding="utf-8").replace("(2017, 1, 1, 0, 0, 0)", "(2018, 1, 1, 0, 0, 0)"),
                      encoding="utf-8")
    for source in [*(project / "checker").rglob("*.py"), *(project / "checker").rglob("*.toml")]:
        text = source.read_text(encoding="utf-8")
        changed = re.sub(r"(?<![0-9])380(?![0-9元])", "381", text)  # the figure, not the notice's words
        if changed != text:
            source.write_text(changed, encoding="utf-8")
    new_site = tmp_path / "new-site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(new_site)],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    old_sw = (root / "sw.js").read_bytes()
    shutil.rmtree(root)
    shutil.copytree(new_site, root)
    # A host (or a CDN) still serving the old sw.js a while: the old service
    # worker stays in charge, with its cache-first copy of the old build.
    (root / "sw.js").write_bytes(old_sw)

    page.reload()  # under the old service worker
    page.wait_for_selector("html[data-checker='ready']", state="attached", timeout=60000)
    settle(page)
    assert "高级381元" in page.text_content("#generic-checklist")  # the new page …
    assert "381元" in page.inner_text("#fee")  # … and the new rules
    # The unit's desk of the new build finds the new build's files (issue 18, 2:
    # an unversioned list kept by the old service worker named the old ones).
    from ..batch.rosters import answer_sets, table, to_xlsx
    from .unit_helpers import open_file, open_unit, shown_rows

    unit = ctx.new_page()
    open_unit(unit, url)
    open_file(unit, "r.xlsx", to_xlsx(table(answer_sets(2, seed=6))))
    assert len(shown_rows(unit)) == 2 and unit.is_hidden("#unit-message")
    ctx.close()
