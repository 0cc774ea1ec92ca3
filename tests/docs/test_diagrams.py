"""The pictures are drawn from the checker's own structures: a changed copy of
the parameters or of the blocking rules changes the SVG (sitegen/diagrams.py)."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from checker import rules
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


def test_the_timeline_follows_a_changed_copy_of_the_parameters(monkeypatch, parameters_copy: str) -> None:
    before = diagrams.timeline_svg()
    assert "2017年8月1-10日" in "".join(_svg_texts(before))
    assert diagrams.OPEN_END in before and 'stroke-dasharray' in before  # the review's open end

    changed = parameters_copy.replace('end = "2017-08-10"', 'end = "2017-08-12"').replace(
        'start = "2017-08-11"', 'start = "2017-08-13"\nend = "2017-09-30"')
    periods = _periods_from(changed)
    monkeypatch.setattr(diagrams, "PERIODS", periods)
    monkeypatch.setattr(diagrams, "DEADLINE", "2017-08-12")
    after = diagrams.timeline_svg()
    shown = "".join(_svg_texts(after))
    assert "2017年8月1-12日" in shown and "截止：2017年8月12日" in shown
    assert "8月1-10日" not in after and "2017年8月10日" not in after
    # Given an end, the last period is drawn closed and says no more that it has none.
    assert "2017年8月13日至9月30日" in shown
    assert diagrams.OPEN_END not in after
    # The text alternative says the same.
    desc = ET.fromstring(after).find(f"{SVG}desc").text
    assert "2017年8月1-12日" in desc and "2017年8月13日至9月30日" in desc


def test_the_open_end_is_never_given_a_date(parameters_copy: str) -> None:
    last = _periods_from(parameters_copy)[-1]
    assert last.end is None
    svg = diagrams.timeline_svg()
    text = "".join(_svg_texts(svg))
    assert f"{last.start[:4]}年8月11日起" in text and diagrams.OPEN_END in text
    # No date after the review's start anywhere in the picture.
    days = re.findall(r"(\d+)月(\d+)(?:-(\d+))?日", text)
    assert max((int(m), int(b or a)) for m, a, b in days) == (8, 11)


def test_who_may_apply_follows_a_changed_copy_of_the_blocking_rules(monkeypatch) -> None:
    page = "guide/eligibility.md"
    before = diagrams.eligibility_svg(page)
    exits = before.count(diagrams.BARRED)
    for clause, words in (r.final_words for r in rules.blocking_rules()):
        assert words in "".join(_svg_texts(before)).replace("\n", "")
        assert f'href="../../notice/#clause-{clause.replace(".", "-")}"' in before

    removed = [replace(r, blocking=None) if r.name == "one_application_a_year" else r for r in rules.RULES]
    monkeypatch.setattr(rules, "RULES", removed)
    after = diagrams.eligibility_svg(page)
    assert "同一年度" not in after and after.count(diagrams.BARRED) == exits - 1
    assert "同一年度" not in "".join(diagrams.eligibility_text(page))

    made_up = rules.Rule("made_up", {"2.1.2": "测试用的某种情形不得申报"}, (), lambda ctx: None, blocking="2.1.2")
    monkeypatch.setattr(rules, "RULES", [*removed, made_up])
    after = diagrams.eligibility_svg(page)
    assert "测试用的某种情形不得申报" in "".join(_svg_texts(after))
    assert 'href="../../notice/#clause-2-1-2"' in after
    assert after.count(diagrams.BARRED) == exits
    assert any("测试用的某种情形不得申报" in item for item in diagrams.eligibility_text(page))


def test_who_may_apply_shows_who_is_admitted_the_exceptions_and_what_can_still_be_obtained() -> None:
    svg = diagrams.eligibility_svg("guide/eligibility.md")
    shown = "".join(_svg_texts(svg))
    # The scope rule's admitting clauses, in the notice's words, and 一（一）3 as an exception.
    for words in ("在广西境内的企事业单位", "户口在广西或人事档案托管", "委托评审方式到广西评审高级", "今年仍可申报"):
        assert words in shown, words
    # Conditions that can still be met: advance approval, the HQ's opinion, entrustment.
    for step in ("preapproval", "hq_opinion", "entrustment"):
        assert diagrams.STEPS[step].title in shown, step


def test_each_node_links_to_a_clause_that_exists_on_the_notice_page() -> None:
    anchors = {c.anchor for c in load().clauses.values()}
    for page, prefix in (("guide/eligibility.md", "../../notice/#"), ("interpretation.md", "../notice/#")):
        root = ET.fromstring(diagrams.eligibility_svg(page))
        links = [a.get("href") for a in root.iter(f"{SVG}a")]
        assert links and all(h.startswith(prefix) for h in links)
        assert {h.split("#")[1] for h in links} <= anchors
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
    expected = {"timeline.md": "timeline", "index.md": "timeline", "guide/eligibility.md": "eligibility",
                "interpretation.md": "eligibility", "guide/routes.md": "route"}
    for page, name in expected.items():
        assert f"<!-- gen:diagram:{name} -->" in (ROOT / "docs" / page).read_text(encoding="utf-8"), page
