"""From answers to a result: validate, keep the answers that apply, run every
rule, then settle the verdict by the contract's precedence."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping

from .answers import Answers, applicable, validate
from .catalog import DATES, ITEMS, STEPS
from .findings import FINDINGS
from .questions import BY_ID, QUESTIONS
from .result import Answer, Finding, Result, Verdict
from .rules import RULES, Context

_QUESTION_ORDER = [q.id for q in QUESTIONS]
_ITEM_ORDER = list(ITEMS)
_STEP_ORDER = list(STEPS)


def verdict_of(findings: tuple[Finding, ...], missing: tuple[str, ...]) -> Verdict:
    """Any blocker → ineligible; else missing answers → incomplete; else any
    condition → conditional; else eligible."""
    severities = {f.severity for f in findings}
    if "blocker" in severities:
        return "ineligible"
    if missing:
        return "incomplete"
    if "condition" in severities:
        return "conditional"
    return "eligible"


def _in_scope_only_if_unbarred(findings: tuple[Finding, ...], bar_pending: bool = False) -> tuple[Finding, ...]:
    """Beside a blocker, or a finding that leaves open whether the applicant
    is 在职, no note says why the applicant is in scope: no one barred is told
    they are in it (and 一（一）3 adds no scope to someone 一（一）1 leaves out);
    nor while a blocking rule waits for an answer that could bar them
    (``bar_pending``). Beside a blocker, no advice for applying either (submit
    early, who pays the fee, the checklist): a barred applicant is not told
    how to apply."""
    if any(f.severity == "blocker" for f in findings):
        dropped = {"in", "applying"}
    elif bar_pending or any(FINDINGS[f.id].scope == "doubt" for f in findings):
        dropped = {"in"}
    else:
        return findings
    return tuple(f for f in findings if FINDINGS[f.id].scope not in dropped)


def evaluate(answers: Mapping[str, Any], today: _dt.date | None = None) -> Result:
    """Check an applicant's answers against the notice.

    ``today`` is the day of the check (default: this device's date); after the
    notice's deadline the result says the round has closed, and the verdict
    stays the one under the notice. Raises :class:`checker.AnswerError` for
    answers it cannot accept. Answers to questions that do not apply (see
    :func:`checker.applicable`) are ignored.
    """
    return run(validate(answers), today)


def run(valid: Answers, today: _dt.date | None = None) -> Result:
    """Evaluate answers already validated (the questions that apply are
    computed once, for the rules and for every renderer)."""
    asked = applicable(valid)
    kept = {key: valid[key] for key in asked if key in valid}
    ctx = Context(kept, frozenset(asked), today or _dt.date.today())
    for rule in RULES:
        ctx.apply(rule)
    findings = _in_scope_only_if_unbarred(tuple(ctx.findings), ctx.bar_pending)
    missing = tuple(sorted(ctx.needed, key=_QUESTION_ORDER.index))
    verdict = verdict_of(findings, missing)
    if verdict == "ineligible":
        missing = ()  # no further answer can lift a blocker
    result = Result(
        verdict=verdict,
        findings=findings,
        checklist=tuple(ITEMS[i].item() for i in sorted(ctx.items, key=_ITEM_ORDER.index)),
        steps=tuple(STEPS[s].step() for s in sorted(ctx.steps, key=_STEP_ORDER.index)),
        fee_yuan=ctx.fee_yuan,
        dates=DATES,
        missing=missing,
        answers=tuple(Answer(key, BY_ID[key].label, value, BY_ID[key].shown(value)) for key, value in kept.items()),
        applicable=tuple(asked),
    )
    return result
