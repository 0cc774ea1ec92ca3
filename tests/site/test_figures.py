"""Every figure a page shows (fees, month thresholds, dates) is one the
parameters file holds: a page cannot keep last year's figure."""

from __future__ import annotations

import re
from pathlib import Path

from checker import parameters as P

_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_YUAN = re.compile(r"(?<![\d.])(\d+)元")
_MONTHS = re.compile(r"(?<![\d.])(\d+)个月")


def _known_dates() -> set[str]:
    iso = {P.RETIREMENT_CUTOFF, P.day_before(P.RETIREMENT_CUTOFF), *P.RETIREMENT_YEAR, P.NOTICE["signed"]}
    for period in P.PERIODS:
        iso |= {period.start, period.end} - {None}
    return {P.zh_date(d) for d in iso}


def test_pages_show_only_figures_from_the_parameters(site_dir: Path) -> None:
    fees = {str(v) for v in P.FEES_YUAN.values()}
    months = {str(m) for m in (P.MIN_EMPLOYMENT_MONTHS, P.MIN_ARCHIVE_MONTHS, P.MIN_SOCIAL_SECURITY_MONTHS)}
    dates = _known_dates()
    checked = 0
    for page in site_dir.rglob("index.html"):
        if page.parent.name == "notice":  # the verbatim notice is the source, not a copy
            continue
        # Code spans show formats and examples (e.g. a date typed as `2017年6月30日`), not figures.
        html = re.sub(r"<code>.*?</code>", "", page.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"<[^>]+>", "", html)
        assert set(_YUAN.findall(text)) <= fees, page
        assert set(_MONTHS.findall(text)) <= months | {"0"}, page
        assert set(_DATE.findall(text)) <= dates, page
        checked += 1
    assert checked >= 10
