"""The pictures in Debian chromium: on a phone and a desktop, in print, and on
the checker's result (sitegen/diagrams.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .checker_helpers import open_checker
from .conftest import PHONE, axe_violations

#: Pages with a picture, and which.
PICTURES = {"/timeline/": "timeline", "/": "timeline", "/guide/eligibility/": "eligibility",
            "/interpretation/": "eligibility", "/guide/routes/": "route"}

#: Every <text> of every picture inside its box (the box's rect is the
#: element before it) and inside the drawing; what the picture's text is set in.
MEASURE = """() => {
    const out = [];
    for (const svg of document.querySelectorAll('svg.diagram-svg')) {
        const vb = svg.viewBox.baseVal;
        for (const t of svg.querySelectorAll('text')) {
            const b = t.getBBox();
            let r = t.previousElementSibling;
            let inside = b.x >= -0.5 && b.x + b.width <= vb.width + 0.5;
            if (r && r.tagName === 'rect') {
                const rb = r.getBBox();
                inside = inside && b.x >= rb.x && b.x + b.width <= rb.x + rb.width
                    && b.y >= rb.y - 1 && b.y + b.height <= rb.y + rb.height + 1;
            }
            if (!inside) out.push(t.textContent.slice(0, 30));
        }
    }
    const svg = document.querySelector('svg.diagram-svg');
    return {outside: out, font: getComputedStyle(svg.querySelector('text')).fontFamily,
            bodyFont: getComputedStyle(document.querySelector('.md-typeset')).fontFamily,
            rights: [...document.querySelectorAll('svg.diagram-svg')].map(s => s.getBoundingClientRect().right),
            column: document.querySelector('.md-content__inner').getBoundingClientRect().right,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1366, "height": 900}], ids=["phone", "desktop"])
def test_pictures_fit_the_column_and_every_text_fits_its_box(browser, base_url: str, viewport) -> None:
    ctx = browser.new_context(viewport=viewport, locale="zh-CN")
    page = ctx.new_page()
    problems = {}
    for path, name in PICTURES.items():
        page.goto(base_url + path, wait_until="networkidle")
        assert page.locator(f"figure.diagram-{name} svg").first.is_visible(), path
        got = page.evaluate(MEASURE)
        if got["outside"] or got["overflow"] > 0 or max(got["rights"]) > got["column"] + 0.5:
            problems[path] = got
        assert got["font"] == got["bodyFont"], path  # the site's fonts, CJK included
    ctx.close()
    assert problems == {}


def _ids(site_dir: Path) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', (site_dir / "notice" / "index.html").read_text(encoding="utf-8")))


@pytest.mark.browser
def test_each_node_of_who_may_apply_leads_to_its_clause(browser, base_url: str, site_dir: Path) -> None:
    ctx = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = ctx.new_page()
    ids = _ids(site_dir)
    for path in ("/guide/eligibility/", "/interpretation/"):
        page.goto(base_url + path, wait_until="networkidle")
        hrefs = page.eval_on_selector_all(
            "figure.diagram-eligibility svg a", "as => as.map(a => new URL(a.getAttribute('href'), location.href).href)")
        assert len(hrefs) >= 10
        for href in hrefs:
            assert href.startswith(base_url + "/notice/#"), href
            assert href.split("#")[1] in ids, href
        # The same links in the text version beside it.
        listed = page.eval_on_selector_all("figure.diagram-eligibility details a", "as => as.map(a => a.href)")
        assert set(hrefs) <= set(listed)
    # A node works like a link, from the keyboard too.
    page.locator("figure.diagram-eligibility svg a").nth(0).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/notice/#clause-"))
    assert page.locator(f"#{page.url.split('#')[1]}").is_visible()
    ctx.close()


GREYS = """() => [...document.querySelectorAll('svg.diagram-svg *')].flatMap(el => {
    const s = getComputedStyle(el);
    return [s.fill, s.stroke].filter(c => c.startsWith('rgb'))
        .filter(c => { const [r, g, b] = c.match(/\\d+/g).map(Number); return !(r === g && g === b); })
        .map(c => el.tagName + ' ' + (el.getAttribute('class') || '') + ' ' + c);
})"""


@pytest.mark.browser
def test_pictures_print_in_black_and_white(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    for path in ("/timeline/", "/guide/eligibility/", "/guide/routes/"):
        page.goto(base_url + path, wait_until="networkidle")
        if path != "/guide/routes/":
            assert page.evaluate(GREYS) != [], path  # colour on screen (the deadline, 不能申报) ...
        page.emulate_media(media="print")
        assert page.evaluate(GREYS) == [], path  # ... none on paper: weight and dashes carry it
        assert page.locator("figure.diagram svg").first.is_visible()
        page.emulate_media(media="screen")
    ctx.close()


@pytest.mark.browser
def test_the_checkers_result_shows_the_timeline(browser, base_url: str) -> None:
    ctx = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = ctx.new_page()
    open_checker(page, base_url, "#target_level=senior&work_location=guangxi")
    figure = page.locator("#checker-result figure.diagram-timeline")
    assert figure.is_visible()
    desc = figure.locator("desc").text_content()
    dates = page.locator("#dates").inner_text()
    for when in re.findall(r"\d{4}年[\d\-月日]+起?", dates):  # the list beside it and the picture agree
        assert when in desc, when
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    ctx.close()


BARS = """() => [...document.querySelectorAll(SEL)].map(svg => ({
    label: svg.getAttribute('aria-label'), width: svg.viewBox.baseVal.width,
    bars: Object.fromEntries([...svg.querySelectorAll('[data-bar]')]
        .map(r => [r.dataset.bar, [Number(r.dataset.count), Number(r.getAttribute('width'))]]))}))"""


#: Whether the texts of SEL are set in the page's font (CJK included).
FONTS = """() => [...new Set([...document.querySelectorAll(SEL)].map(t => getComputedStyle(t).fontFamily
    === getComputedStyle(document.querySelector('.md-typeset')).fontFamily))]"""


def _bars(page, selector: str) -> list[dict]:
    return page.evaluate(BARS.replace("SEL", repr(selector)))


@pytest.mark.browser
def test_the_unit_desk_draws_its_counts_on_the_results_and_the_print_summary(browser, base_url: str,
                                                                             tmp_path: Path) -> None:
    from checker.result import VERDICT_LABELS

    from ..batch.rosters import answer_sets, table, to_csv
    from .unit_helpers import cli_batch, open_unit, paste

    ctx = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = ctx.new_page()
    open_unit(page, base_url)
    for count, seed in ((14, 3), (5, 11)):  # a second check replaces the first one's bar
        text = to_csv(table(answer_sets(count, seed=seed)), "\t")
        want = cli_batch(tmp_path, "roster.tsv", text.encode())
        paste(page, text)
        [chart] = _bars(page, "#unit-results svg.diagram-counts")
        expected = {v: n for v, n in want["counts"].items() if n}
        assert {k: n for k, (n, _) in chart["bars"].items()} == expected
        for verdict, n in expected.items():  # each bar its share of the list
            assert chart["bars"][verdict][1] == pytest.approx(max(3, chart["width"] * n / len(want["rows"])), abs=0.5)
        for verdict, n in want["counts"].items():  # the same counts in words (its text alternative)
            assert f"{VERDICT_LABELS[verdict]} {n} 人" in chart["label"]
            assert page.text_content(f"[data-count='{verdict}']") == str(n)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert page.evaluate(FONTS.replace("SEL", repr("#unit-results svg.diagram-counts text"))) == [True]
    page.evaluate("window.print = () => {}")  # no dialog in a test
    page.click("#print-bundle-button")
    page.wait_for_selector("#unit-app[data-print='ready']", state="attached", timeout=60000)
    [printed] = _bars(page, ".print-summary svg.diagram-counts")
    assert printed["bars"] == chart["bars"]
    page.emulate_media(media="print")
    assert page.locator(".print-summary svg.diagram-counts").is_visible()
    assert page.evaluate(GREYS) == []
    # The printed bundle (what print shows of the page) passes axe too: its summary's bar has its name.
    assert axe_violations(page) == []
    ctx.close()
