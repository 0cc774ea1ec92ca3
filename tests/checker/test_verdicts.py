"""The meaning of a verdict is a property of the package, not a per-rule choice.

* only rules declared ``blocking`` can say ``ineligible``, each on the
  notice's words that make it final (one of its own quotes);
* every condition says what to do, and the step or item for it is in the result;
* every finding cites a clause its own rule declares;
* the notice's figures are quoted from the notice.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings

from checker import evaluate, parameters
from checker.catalog import ITEMS, STEPS
from checker.findings import FINDINGS
from checker.notice import load
from checker.rules import QUOTES, RULES, Context, Rule, blocking_rules, rule
from checker.result import DateItem

from .strategies import valid_answers

BLOCKING = {r.name for r in blocking_rules()}
DECLARED_BY: dict[str, set[str]] = {}
for _rule in RULES:
    for _id in _rule.reports:
        DECLARED_BY.setdefault(_id, set()).add(_rule.name)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_reported_id_is_declared_and_cites_a_clause_of_its_rule() -> None:
    for rule in RULES:
        for finding_id in rule.reports:
            assert finding_id in FINDINGS, (rule.name, finding_id)
            assert FINDINGS[finding_id].clause in rule.cites, (rule.name, finding_id)


def test_every_declared_finding_belongs_to_a_rule() -> None:
    assert set(FINDINGS) == set(DECLARED_BY)


def test_blocking_rules_quote_the_words_that_make_them_final() -> None:
    notice = load()
    assert BLOCKING == {"civil_servants_excluded", "who_is_in_scope", "retirement_procedures", "retirement_age",
                        "branch_units", "one_application_a_year"}
    for blocking in blocking_rules():
        clause, words = blocking.final_words
        assert words == blocking.cites[clause]
        assert _squash(words) in _squash(notice.text_of(clause)), (blocking.name, clause)


def test_a_quote_two_rules_share_stands_once() -> None:
    """(test_trace checks every quote against the notice.)"""
    for clause, words in QUOTES.items():
        users = [r.name for r in RULES if r.cites.get(clause) == words]
        assert len(users) >= 2, (clause, users)  # a quote only one rule uses stands in that rule
    quotes = [(c, w) for r in RULES for c, w in r.cites.items() if (c, w) not in QUOTES.items()]
    repeated = {q for q in quotes if quotes.count(q) > 1}
    assert repeated == set(), repeated  # words two rules quote live in QUOTES


def test_a_rule_is_final_only_on_a_clause_it_quotes() -> None:
    with pytest.raises(LookupError):
        rule({"1.3": "公务员不得参加专业技术人才职称评审"}, blocking="2.1.6")


def test_only_blocking_rules_declare_blockers() -> None:
    for finding_id, definition in FINDINGS.items():
        if definition.severity == "blocker":
            assert DECLARED_BY[finding_id] <= BLOCKING, finding_id


def test_every_condition_has_a_remedy_in_the_catalogue() -> None:
    for definition in FINDINGS.values():
        if definition.severity == "condition":
            assert definition.remedy, definition.id
            assert all(r in STEPS or r in ITEMS for r in definition.remedy), definition.id


@settings(max_examples=300, deadline=None)
@given(valid_answers())
def test_verdicts_keep_their_meaning_for_any_answers(answers: dict) -> None:
    result = evaluate(answers, today=dt.date(2017, 6, 1))
    steps = {s.id for s in result.steps}
    items = {c.id for c in result.checklist}
    for finding in result.findings:
        definition = FINDINGS[finding.id]
        assert finding.severity == definition.severity and finding.clause == definition.clause
        if finding.severity == "blocker":
            assert DECLARED_BY[finding.id] <= BLOCKING
        if finding.severity == "condition":
            assert all(r in steps or r in items for r in definition.remedy), finding.id
    if result.verdict == "ineligible" or any(FINDINGS[f.id].scope == "doubt" for f in result.findings):
        # no one barred (or whose 在职 status is open) is told they are in scope
        assert not [f.id for f in result.findings if FINDINGS[f.id].scope == "in"]
    if result.verdict == "ineligible":
        # nor told how to apply (submit early, who pays, the checklist)
        assert not [f.id for f in result.findings if FINDINGS[f.id].scope == "applying"]


def test_a_rule_cannot_report_what_it_did_not_declare() -> None:
    ctx = Context({}, frozenset(), dt.date(2017, 6, 1))
    ctx.rule = Rule("stray", {"1.3": "公务员"}, (), lambda c: None)
    with pytest.raises(LookupError):
        ctx.report("civil_servant")


def test_a_non_blocking_rule_cannot_block() -> None:
    ctx = Context({}, frozenset(), dt.date(2017, 6, 1))
    ctx.rule = Rule("stray", {"1.3": "公务员"}, ("civil_servant",), lambda c: None)
    with pytest.raises(LookupError):
        ctx.report("civil_servant")


def test_every_figure_is_quoted_from_the_notice() -> None:
    notice = load()
    quoted = parameters.quotes()
    assert {clause for _, clause, _ in quoted} >= {"1.1", "1.1.1", "1.1.2", "1.1.3", "2.2.4.1", "6.1", "6.2", "6.3", "7"}
    for name, clause, quote in quoted:
        assert _squash(quote) in _squash(notice.text_of(clause)), (name, clause)


def test_figures_in_the_quotes_match_the_values() -> None:
    """A figure edited without its quote (or the reverse) is caught."""
    raw = parameters.RAW
    for level, label in (("senior", "高级"), ("intermediate", "中级"), ("junior", "初级")):
        assert f"{label}{raw['fees'][level]}元" in raw["fees"]["quote"]
    assert f"{raw['social_security']['min_months']}个月" in raw["social_security"]["quote"]
    assert parameters.zh_date(parameters.day_before(parameters.RETIREMENT_CUTOFF)) in raw["retirement"]["quote"]
    for period in parameters.PERIODS:
        if period.end:
            assert parameters.zh_period(period.start, period.end) in period.quote, period.id


def test_an_open_ended_period_has_no_invented_end() -> None:
    review = next(d for d in evaluate({}).dates if d.id == "review_start")
    assert review.end is None and review.period.endswith("起")
    assert DateItem("x", "x", "2017-04-01", "2017-05-31", "6.1").period == "2017-04-01 至 2017-05-31"


@pytest.mark.parametrize("today, closed", [("2017-08-10", False), ("2017-08-11", True), ("2026-11-28", True)])
def test_the_round_closed_note_follows_the_day_of_the_check(today: str, closed: bool) -> None:
    result = evaluate({"civil_servant": False}, today=dt.date.fromisoformat(today))
    notes = [f for f in result.findings if f.id == "round_closed"]
    assert bool(notes) == closed
    if closed:
        assert "2017年8月10日" in notes[0].message and parameters.zh_date(today) in notes[0].message


def test_the_default_day_is_the_devices() -> None:
    assert any(f.id == "round_closed" for f in evaluate({}).findings)  # this machine's clock is past 2017


def test_the_page_bridge_takes_the_devices_date() -> None:
    import json

    from checker.web import respond

    def notes(today: str | None) -> set[str]:
        return {f["id"] for f in json.loads(respond("{}", today))["result"]["findings"]}

    assert "round_closed" not in notes("2017-08-10")
    assert "round_closed" in notes("2017-08-11")
    assert "round_closed" in notes(None) and "round_closed" in notes("not a date")
