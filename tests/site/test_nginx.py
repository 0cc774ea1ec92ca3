"""The site behind Debian's nginx with deploy/nginx.conf: headers, and the
browser tests that matter most, with no CSP violation in the console."""

from __future__ import annotations

import io
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from .checker_helpers import fill, open_checker, shown
from .nginx import start, stop


@pytest.fixture(scope="module")
def nginx_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url, proc = start(site_dir, tmp_path_factory.mktemp("nginx"))
    yield url
    stop(proc)


def head(url: str, gzip: bool = True) -> dict[str, str]:
    request = urllib.request.Request(url, method="HEAD", headers={"Accept-Encoding": "gzip"} if gzip else {})
    with urllib.request.urlopen(request) as response:
        return {k.lower(): v for k, v in response.headers.items()}


def test_types_compression_caching_and_security_headers(nginx_url: str, site_dir: Path) -> None:
    version = next((site_dir / "assets" / "pyodide").iterdir()).name
    wasm = head(f"{nginx_url}/assets/pyodide/{version}/pyodide.asm.wasm")
    assert wasm["content-type"] == "application/wasm"
    assert wasm["content-encoding"] == "gzip"  # the pre-compressed .gz (gzip_static)
    assert "immutable" in wasm["cache-control"]
    assert head(f"{nginx_url}/assets/pyodide/{version}/pyodide.mjs")["content-type"].startswith("text/javascript")
    page = head(f"{nginx_url}/checker/")
    assert page["cache-control"] == "no-cache"
    csp = page["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp and "'wasm-unsafe-eval'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert page["x-content-type-options"] == "nosniff"
    assert page["referrer-policy"] == "no-referrer"
    assert head(f"{nginx_url}/sw.js")["cache-control"] == "no-cache"


@pytest.fixture()
def console(browser) -> Iterator[tuple[object, list[str]]]:
    ctx = browser.new_context(locale="zh-CN")
    messages: list[str] = []
    ctx.on("console", lambda m: messages.append(m.text))
    ctx.on("weberror", lambda e: messages.append(str(e.error)))
    yield ctx, messages
    ctx.close()


def csp_problems(messages: list[str]) -> list[str]:
    return [m for m in messages if "Content Security Policy" in m or "Content-Security-Policy" in m]


def test_pages_and_search_work_under_the_csp(console, nginx_url: str, pages: list[str]) -> None:
    ctx, messages = console
    page = ctx.new_page()
    for path in pages:
        response = page.goto(nginx_url + path, wait_until="networkidle")
        assert response.ok, path
    page.goto(nginx_url + "/", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("破格申报")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert csp_problems(messages) == []


def test_the_checker_and_printing_work_under_the_csp(console, nginx_url: str) -> None:
    ctx, messages = console
    page = ctx.new_page()
    page.on("worker", lambda w: w.on("console", lambda m: messages.append(m.text)))
    open_checker(page, nginx_url, "?civil_servant=true")
    assert shown(page)["verdict"] == "ineligible"
    fill(page, {"target_level": "junior", "civil_servant": False})
    assert shown(page)["verdict"] == "incomplete"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert csp_problems(messages) == []
