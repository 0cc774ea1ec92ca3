"""Offline use: the service worker keeps the site and, after a first check, the
checker's runtime; a new deployment replaces the old cache."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import pytest

from sitegen import offline

from .checker_helpers import fill, open_checker, shown
from .conftest import serve

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
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=15000)


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
    index.write_text(index.read_text(encoding="utf-8").replace("一眼看懂", "一眼看懂（新版）"), encoding="utf-8")
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
    assert "一眼看懂（新版）" in page.inner_text("article")
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
    fill(second, {"target_level": "senior", "civil_servant": False, "work_location": "guangxi", "employment_months": 11})
    assert shown(second)["verdict"] == "ineligible"
    assert "employment_months" in second.url
    ctx.close()
