"""The pictures are drawn from the checker's own structures: a changed copy of
the parameters or of the blocking rules changes the SVG (sitegen/diagrams.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker.notice import load
from checker.parameters import Period
from sitegen import build_hooks, diagrams

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


def _periods_from(toml_text: str) -> tuple[Period, ...]:
    return tuple(Period(**p) for p in tomllib.loads(toml_text)["periods"])


def _svg_texts(svg: str) -> list[str]:
    """Each text element's words, as the picture shows them (lines joined)."""
    root = ET.fromstring(f"<div>{svg}</div>")  # one drawing or a stack of them
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.fixture()
def parameters_copy() -> str:
    return (ROOT / "checker" / "parameters.toml").read_text(encoding="utf-8")


#: Run in a fresh interpreter whose ``checker`` is a changed copy: each page
#: with a picture, its markers replaced as the build replaces them.
DRAW = """
import json, sys
from pathlib import Path
import checker
from sitegen import diagrams
docs = Path(sys.argv[1]) / "docs"
pages = {page: diagrams.substitute((docs / page).read_text(encoding="utf-8"), page) for page in sys.argv[2:]}
pages["checker/index.md"] = diagrams.timeline_html("checker/index.md")  # the checker's result
print(json.dumps({"checker": checker.__file__, "pages": pages}, ensure_ascii=False))
"""
#: The pages with a picture (tests/docs: the markers are there), and which.
PAGES = {"timeline.md": "timeline", "index.md": "timeline", "guide/eligibility.md": "eligibility",
         "interpretation.md": "eligibility", "guide/routes.md": "route"}


def draw_from_a_copy(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """The pages' pictures, built from a copy of ``checker/`` with each file's
    ``(old, new)`` replacements made (each must be there), in a fresh
    interpreter: nothing of this process's checker is reused."""
    copy = tmp_path / "checker"
    shutil.copytree(ROOT / "checker", copy, ignore=shutil.ignore_patterns("__pycache__"))
    for name, replacements in edits.items():
        path = copy / name
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, (name, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    proc = subprocess.run([sys.executable, "-c", DRAW, str(ROOT), *PAGES], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert Path(out["checker"]).is_relative_to(copy)
    return out["pages"]


def _figures(html: str, name: str) -> str:
    """The page's figures of picture ``name`` (their SVG and text versions)."""
    found = re.findall(rf'<figure class="diagram diagram-{name}">.*?</figure>', html, re.S)
    assert found, name
    return "".join(found)


def test_the_pictures_follow_a_changed_copy_of_the_parameters(tmp_path: Path) -> None:
    # A later deadline (the notice, its quotes and the parameter alike) and an end given to the review.
    pages = draw_from_a_copy(tmp_path, {
        "data/notice.txt": [("2017年8月1-10日为", "2017年8月1-14日为"), ("2017年8月10日前", "2017年8月14日前")],
        "parameters.toml": [('quote = "2017年8月1-10日为', 'quote = "2017年8月1-14日为'),
                            ('end = "2017-08-10"', 'end = "2017-08-14"'),
                            ('start = "2017-08-11"', 'start = "2017-08-11"\nend = "2017-09-30"')],
        "rules.py": [("2017年8月10日前", "2017年8月14日前")],
    })
    for page in [p for p, name in PAGES.items() if name == "timeline"] + ["checker/index.md"]:
        timeline = _figures(pages[page], "timeline")
        shown = "".join(_svg_texts(timeline))
        assert "2017年8月1-14日" in shown and f"{diagrams.DEADLINE_TAG}：2017年8月14日" in shown, page
        assert "8月1-10日" not in timeline and "8月10日" not in timeline, page
        # Given an end, the review is drawn closed and says no more that it has none.
        assert "2017年8月11日至9月30日" in shown and diagrams.OPEN_END not in timeline, page
        desc = ET.fromstring(timeline.split("<figcaption")[0].split(">", 1)[1]).find(f"{SVG}desc").text
        assert "2017年8月1-14日" in desc and "2017年8月11日至9月30日" in desc, page  # its text alternative
    route = _figures(pages["guide/routes.md"], "route")
    assert "2017年8月1-14日：" in "".join(_svg_texts(route)) and "8月1-10日" not in route


def test_the_open_end_is_never_given_a_date(parameters_copy: str) -> None:
    last = _periods_from(parameters_copy)[-1]
    assert last.end is None
    svg = diagrams.timeline_svg()
    text = "".join(_svg_texts(svg))
    assert f"{last.start[:4]}年8月11日起" in text and diagrams.OPEN_END in text
    # No date after the review's start anywhere in the picture.
    days = re.findall(r"(\d+)月(\d+)(?:-(\d+))?日", text)
    assert max((int(m), int(b or a)) for m, a, b in days) == (8, 11)


BRANCH = "申报人不得选择不具有独立法人地位的分支机构作为申报单位参评"  # 二（一）5, a blocking rule's words
CHANNELS = "不得同时保留两种以上申报渠道，多头申报"  # 二（一）3, words no rule makes final


def test_who_may_apply_follows_a_changed_copy_of_the_blocking_rules(tmp_path: Path) -> None:
    before = {page: _figures(diagrams.substitute(f"<!-- gen:diagram:{PAGES[page]} -->", page), "eligibility")
              for page in ("guide/eligibility.md", "interpretation.md")}
    for figure in before.values():
        assert BRANCH in "".join(_svg_texts(figure)) and CHANNELS not in figure
    # 二（一）5 no longer final; 二（一）3's words made final by a rule added to the copy.
    pages = draw_from_a_copy(tmp_path, {"rules.py": [
        ('blocking="2.1.5")', ")"),
        ("# --- 二（二）申报材料要求", f'_barred_if("two_channels", S.APPLIES_TWICE, "two_applications", "2.1.3", '
                                 f'"{CHANNELS}", "Added by a test.")\n\n\n# --- 二（二）申报材料要求'),
    ]})
    for page, prefix in (("guide/eligibility.md", "../../"), ("interpretation.md", "../")):
        figure = _figures(pages[page], "eligibility")
        svg, text = figure.split("<figcaption")
        shown = "".join(_svg_texts(svg.split(">", 1)[1]))
        assert BRANCH not in shown and BRANCH not in text, page
        assert CHANNELS in shown and CHANNELS in text, page  # the picture and its text version alike
        assert f'href="{prefix}notice/#clause-2-1-3"' in svg, page
        assert svg.count(diagrams.BARRED) == before[page].split("<figcaption")[0].count(diagrams.BARRED), page


def test_who_may_apply_shows_who_is_admitted_the_exceptions_and_what_can_still_be_obtained() -> None:
    svg = diagrams.eligibility_svg("guide/eligibility.md")
    shown = "".join(_svg_texts(svg))
    # The scope rule's admitting clauses, in the notice's words, and 一（一）3 as an exception.
    for words in ("在广西境内的企事业单位", "户口在广西或人事档案托管", "委托评审方式到广西评审高级", "今年仍可申报"):
        assert words in shown, words
    # Conditions that can still be met: advance approval, the HQ's opinion, entrustment.
    for step in ("preapproval", "hq_opinion", "entrustment"):
        assert diagrams.STEPS[step].title in shown, step


def _reading_ids() -> set[str]:
    return set(re.findall(r"\{#([a-z0-9-]+)\}", diagrams.READINGS_PAGE.read_text(encoding="utf-8")))


def _gate_box(svg: str, words: str) -> str:
    """The text of the drawing (one step of who may apply) that shows ``words``, and its links."""
    root = ET.fromstring(f"<div>{svg}</div>")
    for drawing in root.iter(f"{SVG}svg"):
        shown = "".join(_svg_texts(ET.tostring(drawing, encoding="unicode")))
        if words in shown:
            return shown + " " + " ".join(a.get("href") for a in drawing.iter(f"{SVG}a"))
    raise AssertionError(words)


def _text_item(page: str, words: str) -> str:
    return next(item for item in diagrams.eligibility_text(page) if words in item)


def test_who_may_apply_says_what_the_checker_says_of_those_the_notice_is_silent_on() -> None:
    """一（一）'s step does not send everyone outside its clauses to 不能申报: the self-employed (and the
    other cases the checker gives a condition, not a blocker) are listed as the site's reading, linked
    to it, in the picture and its text version alike (issue 20)."""
    from checker import evaluate

    page = "guide/eligibility.md"
    scope = "符合广西工艺美术系列专业技术资格申报条件的以下在职人员均可申报"
    box, item = _gate_box(diagrams.eligibility_svg(page), scope), _text_item(page, scope)
    assert diagrams.UNSTATED in box and diagrams.UNSTATED[:-1] in item
    for finding, reading, title in (("self_employed", "self-employed", "个体工商户、自由职业者"),
                                    ("employment_under_a_year_talent", "high-level-talent", "高层次急需紧缺人才，与现单位不满一年"),
                                    ("entrusted_level_unstated", "entrusted-level", "外省委托评审中级、初级资格")):
        assert diagrams.FINDINGS[finding].severity == "condition"  # what the checker says of them
        assert title in box and f"../../interpretation/#{reading}" in box, finding
        assert f'<a href="../../interpretation/#{reading}">{title}</a>' in item, finding
    assert "不属于的，不能申报：" not in item and item.endswith(f"都不属于的，{diagrams.BARRED}。")


def test_who_may_apply_gives_the_notices_exception_and_marks_the_sites_readings() -> None:
    page = "guide/eligibility.md"
    svg = diagrams.eligibility_svg(page)
    branch = _gate_box(svg, BRANCH)
    # 二（一）5's own exception, in the notice's words (the step and its text version).
    bank = "除银行、保险公司等法律法规明确规定可独立承担民事责任能力的分支机构以外"
    assert bank in branch and bank in _text_item(page, BRANCH)
    # The talent-market exception is the site's reading: marked so, linked to it.
    talent = "没有选择分支机构作为申报单位"
    assert f"{diagrams.OURS}例外：" in branch.replace(" ", "").replace("·", "")
    assert "../../interpretation/#branch-talent-market" in branch
    item = _text_item(page, BRANCH)
    assert talent in item and f'例外（{diagrams.OURS}，见<a href="../../interpretation/#branch-talent-market">' in item
    # An exception on the notice's words alone is not marked as a reading.
    retirement = _gate_box(svg, "延长退休年龄手续者以外")
    assert "例外：您已按审批程序办理延长退休年龄手续" in retirement
    assert f"一（一）{diagrams.OURS}" not in retirement.replace(" ", "").replace("·", "")


def test_each_node_links_to_a_clause_that_exists_on_the_notice_page() -> None:
    anchors = {c.anchor for c in load().clauses.values()}
    for page, root_ in (("guide/eligibility.md", "../../"), ("interpretation.md", "../")):
        root = ET.fromstring(diagrams.eligibility_svg(page))
        links = [a.get("href") for a in root.iter(f"{SVG}a")]
        to_notice = [h for h in links if h.startswith(root_ + "notice/#")]
        to_readings = [h for h in links if h.startswith(root_ + "interpretation/#")]
        assert to_notice and to_readings and len(to_notice) + len(to_readings) == len(links)
        assert {h.split("#")[1] for h in to_notice} <= anchors
        assert {h.split("#")[1] for h in to_readings} <= _reading_ids()  # the site's readings, on 解读说明
        # Every link has words (its accessible name).
        assert all("".join(a.itertext()).strip() for a in root.iter(f"{SVG}a"))


def test_the_route_shows_the_stages_with_their_dates_and_the_other_channels() -> None:
    main, other = diagrams.route_svgs()
    shown = "".join(_svg_texts(main))
    for who, steps in diagrams.ROUTE:
        assert who in shown
    for period in ("2017年4-5月", "2017年6-7月", "2017年8月1-10日", "2017年8月11日起"):
        assert period in shown, period
    assert "面试答辩" in shown and "申报高级资格的人员" in shown
    # The unit's box has its period of 六 (its steps have no date), and whom a
    # box applies to is said once, not after each of its steps.
    assert "2017年6-7月〔六（二）〕" in shown.split("各市人事职改部门")[0].split("申报人所在单位（部门）")[1]
    for applies in {diagrams.STEPS[s].applies for _, ids in diagrams.ROUTE for s in ids} - {diagrams.ALL}:
        assert shown.count(applies) <= 1, applies
    assert diagrams.SAME in shown  # the series office: the same people as the box above
    others = "".join(_svg_texts(other))
    for step in diagrams.CHANNELS:
        assert diagrams.STEPS[step].applies in others


def test_text_is_wrapped_to_fit_its_box_and_the_pictures_fit_a_phone() -> None:
    for line in diagrams.wrap("2016年12月31日以前已办理离退休手续或已达规定退休年龄的专业技术人员不得申报", 200):
        assert diagrams.text_width(line) <= 200 and line[0] not in "，。、）"
    assert diagrams.wrap("审核材料真实性〔三（一）2〕", 120)[-1] == "〔三（一）2〕"  # a clause label stays whole
    assert len(diagrams.wrap("广西工艺美术系列职改办接收材料，逾期不再受理", 300)[-1]) > 1  # no character alone
    for svg in (diagrams.timeline_svg(), diagrams.eligibility_svg("x.md"), *diagrams.route_svgs()):
        assert 'viewBox="0 0 340 ' in svg


def test_markers_become_figures_with_a_text_alternative() -> None:
    for name in diagrams.DIAGRAMS:
        html = build_hooks.on_page_markdown(f"前\n\n<!-- gen:diagram:{name} -->\n\n后", None, None, None)
        assert "<figure" in html and "<svg" in html and "<title" in html
        assert "\n\n" not in html.split("<figure", 1)[1].split("</figure>")[0]  # one HTML block for Markdown
        assert "<desc" in html or "diagram-text" in html
    with pytest.raises(KeyError, match="unknown diagram"):
        diagrams.substitute("<!-- gen:diagram:nonesuch -->", "index.md")


def test_the_pages_hold_the_markers() -> None:
    for page, name in PAGES.items():
        assert f"<!-- gen:diagram:{name} -->" in (ROOT / "docs" / page).read_text(encoding="utf-8"), page
