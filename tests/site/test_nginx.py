"""The site behind Debian's nginx with deploy/nginx.conf: headers, and the
browser tests that matter most, with no CSP violation in the console."""

from __future__ import annotations

import http.client
import re
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from .checker_helpers import fill, open_checker, shown
from .conftest import ROOT, axe_violations
from .nginx import NGINX, start, stop, write_main


@pytest.fixture(scope="module")
def nginx_prefix(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    prefix = tmp_path_factory.mktemp("nginx")
    url, proc = start(site_dir, prefix)
    yield url, prefix
    stop(proc)


@pytest.fixture(scope="module")
def nginx_url(nginx_prefix: tuple[str, Path]) -> str:
    return nginx_prefix[0]


def head(url: str, gzip: bool = True) -> dict[str, str]:
    request = urllib.request.Request(url, method="HEAD", headers={"Accept-Encoding": "gzip"} if gzip else {})
    with urllib.request.urlopen(request) as response:
        return {k.lower(): v for k, v in response.headers.items()}


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """One raw request (no redirect followed, any Host header, any status)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


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
    assert "immutable" in head(nginx_url + app_js(site_dir))["cache-control"]  # its folder is named by build


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


def app_js(site_dir: Path) -> str:
    """The checker's script, in the build's versioned folder."""
    return "/" + next(site_dir.glob("assets/checker/v-*/app.js")).relative_to(site_dir).as_posix()


def compressible(site_dir: Path) -> list[str]:
    version = next((site_dir / "assets" / "pyodide").iterdir()).name
    return [f"/assets/pyodide/{version}/pyodide.asm.wasm", f"/assets/pyodide/{version}/pyodide.asm.mjs",
            f"/assets/pyodide/{version}/" + next((site_dir / "assets" / "pyodide" / version).glob("stdlib-*.zip")).name,
            "/checker/", "/search/search_index.json", app_js(site_dir)]


def test_brotli_for_browsers_that_accept_it_and_gzip_for_the_others(nginx_url: str, site_dir: Path) -> None:
    for path in compressible(site_dir):
        local = site_dir / (path.strip("/") + ("/index.html" if path.endswith("/") else ""))
        status, br, body = get(nginx_url + path, {"Accept-Encoding": "gzip, deflate, br, zstd"})
        assert status == 200 and br["content-encoding"] == "br", path
        assert body == local.with_name(local.name + ".br").read_bytes()
        assert "Accept-Encoding" in br["vary"]
        _, gz, body = get(nginx_url + path, {"Accept-Encoding": "gzip, deflate"})
        assert gz["content-encoding"] == "gzip" and body == local.with_name(local.name + ".gz").read_bytes(), path
        _, plain, body = get(nginx_url + path)
        assert "content-encoding" not in plain and body == local.read_bytes(), path
        assert br["content-type"] == gz["content-type"] == plain["content-type"]


def readme_types() -> dict[str, str]:
    """The README's table of file types (Deploying): extension → Content-Type."""
    section = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Deploying", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ((?:`\.\w+`,? ?)+) \| `([^`]+)` \|", section, re.M)
    return {ext: ctype for exts, ctype in rows for ext in re.findall(r"`(\.\w+)`", exts)}


def test_the_readme_lists_every_type_the_site_uses_as_nginx_sends_it(nginx_url: str, site_dir: Path) -> None:
    table = readme_types()
    assert table, "no type table in the README's Deploying section"
    samples: dict[str, Path] = {}
    for path in sorted(site_dir.rglob("*.*")):
        if path.is_file() and path.suffix not in (".gz", ".br"):
            samples.setdefault(path.suffix, path)
    assert set(samples) <= set(table), f"types missing from the README: {set(samples) - set(table)}"
    for suffix, path in samples.items():
        status, headers, _ = get(f"{nginx_url}/{path.relative_to(site_dir).as_posix()}", method="HEAD")
        assert status == 200 and headers["content-type"].split(";")[0] == table[suffix], suffix


def test_a_redirect_never_names_the_host_the_client_sent(nginx_url: str) -> None:
    status, headers, _ = get(nginx_url + "/checker", {"Host": "evil.example"})
    assert status == 301 and headers["location"] == "/checker/"


def test_missing_pages_and_too_long_links_get_the_sites_own_chinese_page(nginx_url: str, browser) -> None:
    status, headers, body = get(nginx_url + "/guide/nope/deeper?employment_months=12")
    assert status == 404 and headers["content-type"].startswith("text/html") and "找不到这个页面" in body.decode()
    status, headers, body = get(nginx_url + "/assets/")  # a folder without index.html: not nginx's English 403
    assert status == 404 and "找不到这个页面" in body.decode()
    status, headers, body = get(nginx_url + "/checker/?" + "employment_months=12&" * 1000)
    assert status == 414 and headers["content-type"].startswith("text/html") and "链接太长" in body.decode()
    # bypass_csp: axe-core is injected as an inline script.
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = ctx.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.request.resource_type != "document" else None)
    for path, status, heading in (("/guide/nope/deeper", 404, "找不到这个页面"), ("/x?" + "a" * 20000, 414, "链接太长")):
        assert page.goto(nginx_url + path).status == status
        assert heading in page.locator("article h1").inner_text()
        # The site's look: its header with the stylesheet applied, every asset found, a way home.
        assert page.locator(".md-header").is_visible()
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert failed == [] and axe_violations(page) == []
        page.locator("article").get_by_role("link", name="首页").click()
        page.wait_for_url(nginx_url + "/")
    ctx.close()


def test_the_access_log_holds_no_query_string(nginx_prefix: tuple[str, Path], site_dir: Path) -> None:
    url, prefix = nginx_prefix
    answers = "employment_months=4711&retirement_date=1961-03-05&unit_type=non_public"
    for path in ("/checker/", "/checker", "/no-such-page/", app_js(site_dir)):
        get(f"{url}{path}?{answers}", {"Referer": f"{url}/checker/?{answers}"})
    log = (prefix / "logs" / "access.log").read_text()
    assert '"GET /checker/ HTTP/1.1" 200' in log and '"GET /no-such-page/ HTTP/1.1" 404' in log
    for secret in ("employment_months", "4711", "1961-03-05", "non_public"):
        assert secret not in log, secret
    assert not [p for p in re.findall(r'"[A-Z]+ (\S*) HTTP', log) if "?" in p]
    assert "employment_months" not in (prefix / "error.log").read_text()


@pytest.mark.parametrize("brotli", [True, False], ids=["with brotli", "without brotli"])
def test_nginx_accepts_the_config_without_a_warning(tmp_path: Path, brotli: bool) -> None:
    main = write_main(tmp_path, brotli=brotli)
    proc = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert "test is successful" in proc.stderr and "[warn]" not in proc.stderr and "[emerg]" not in proc.stderr, proc.stderr


def raw(url: str, request: bytes) -> bytes:
    """Send bytes as they are (a request http.client refuses to write) and return the answer."""
    import socket

    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as conn:
        conn.sendall(request)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return answer


def test_dotfiles_are_not_found_and_odd_requests_get_the_sites_chinese_page(nginx_prefix: tuple[str, Path],
                                                                             site_dir: Path) -> None:
    url, prefix = nginx_prefix
    # What a careless copy of site/ brings along (issue 18, 14): never served.
    dotfiles = [site_dir / ".git" / "config", site_dir / ".env", site_dir / "assets" / ".secret"]
    for path in dotfiles:
        path.parent.mkdir(exist_ok=True)
        path.write_text("[remote] url = secret\n")
    try:
        for path in ("/.git/config", "/.env", "/assets/.secret", "/.git/"):
            status, _, body = get(url + path)
            assert status == 404 and "找不到这个页面" in body.decode() and b"secret" not in body, path
    finally:
        for path in dotfiles:
            path.unlink()
        (site_dir / ".git").rmdir()
    answers = "employment_months=4711&unit_type=non_public"
    cases = {
        405: get(f"{url}/checker/?{answers}", method="POST"),
        416: get(f"{url}/404.html", {"Range": "bytes=99999999-"}),
    }
    for status, (got, headers, body) in cases.items():
        assert got == status and headers["content-type"].startswith("text/html"), status
        assert "无法处理这个请求" in body.decode() and "nginx" not in body.decode(), status
    answer = raw(url, f"GET /checker/?{answers} HTTP/1.1\r\nHost: a/b\r\nConnection: close\r\n\r\n".encode()).decode()
    assert answer.startswith("HTTP/1.1 400") and "无法处理这个请求" in answer and "<center>nginx" not in answer
    # A folder without index.html, asked with answers: nothing of them in any log.
    for path in ("/assets/", "/assets/pyodide/", "/guide/nope/"):
        assert get(f"{url}{path}?{answers}")[0] == 404
    for log in (prefix / "error.log", prefix / "logs" / "access.log"):
        assert "4711" not in log.read_text() and "non_public" not in log.read_text(), log.name
