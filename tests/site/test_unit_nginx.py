"""The unit's desk behind Debian's nginx with deploy/nginx.conf (its CSP, types
and caching): .xlsx in, both exports, the print bundle with QR codes, and no
CSP violation. Run under the shared lock: flock /tmp/gxgm-nginx.lock …"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterator

import pytest

from ..batch.rosters import HOSTILE_NAMES, answer_sets, table, to_csv, to_xlsx
from .nginx import start, stop
from .test_unit_page import _download, _print_bundle, _qr_codes
from .unit_helpers import cli_batch, fee_total, open_file, open_unit, shown_rows


@pytest.fixture(scope="module")
def nginx_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url, proc = start(site_dir, tmp_path_factory.mktemp("nginx-unit"))
    yield url
    stop(proc)


def test_the_unit_s_desk_works_under_the_csp(browser, nginx_url: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ctx = browser.new_context(locale="zh-CN", accept_downloads=True)
    messages: list[str] = []
    ctx.on("console", lambda m: messages.append(m.text))
    ctx.on("weberror", lambda e: messages.append(str(e.error)))
    page = ctx.new_page()
    page.on("worker", lambda w: w.on("console", lambda m: messages.append(m.text)))
    open_unit(page, nginx_url)
    rows = table(answer_sets(4, seed=5), names=HOSTILE_NAMES[:4])
    data = to_xlsx(rows)
    open_file(page, "r.xlsx", data)
    want = cli_batch(tmp_path, "r.xlsx", data)
    assert [(r["row"], r["verdict"]) for r in shown_rows(page)] == [(r["row"], r["verdict"]) for r in want["rows"]]
    assert fee_total(page) == want["fee_total"]
    book = load_workbook(io.BytesIO(_download(page, "#export-xlsx")))
    header = [c.value for c in book["汇总"][1]]
    codes = [row[header.index("结论代码")].value for row in book["汇总"].iter_rows(min_row=2, max_row=5)]
    assert codes == [r["verdict"] for r in want["rows"]]
    # An old .xls workbook is read too (xlrd, fetched from the site when first needed).
    from ..batch.rosters import office_files

    xls = office_files(answer_sets(3, seed=6))["旧版.xls"]
    open_file(page, "r.xls", xls)
    assert not page.is_visible("#unit-message"), page.text_content("#unit-message")
    assert [r["verdict"] for r in shown_rows(page)] == [r["verdict"] for r in cli_batch(tmp_path, "r.xls", xls)["rows"]]
    assert _download(page, "#export-csv").startswith(b"\xef\xbb\xbf")
    open_file(page, "r.csv", to_csv(rows).encode("gb18030"))
    pdf = _print_bundle(page)
    assert _qr_codes(pdf, 2) == [shown_rows(page)[0]["link"]]
    problems = [m for m in messages if "Content Security Policy" in m or "Content-Security-Policy" in m]
    assert problems == []
    ctx.close()
