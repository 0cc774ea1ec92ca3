"""From answers to a result: validate, keep the answers that apply, run every
rule, then settle the verdict by the contract's precedence."""

from __future__ import annotations

from typing import Any, Mapping

from .answers import Answers, applicable, validate
from .catalog import DATES, ITEMS, STEPS
from .questions import QUESTIONS
from .result import Finding, Result, Verdict
from .rules import RULES, Context, fee_for


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


def evaluate(answers: Mapping[str, Any]) -> Result:
    """Check an applicant's answers against the notice.

    Raises :class:`checker.AnswerError` for answers it cannot accept. Answers
    to questions that do not apply (see :func:`checker.applicable`) are ignored.
    """
    return run(validate(answers))[0]


def run(valid: Answers) -> tuple[Result, list[str]]:
    """Evaluate answers already validated; also return the questions that
    apply (computed once, for the rules and for the page)."""
    asked = applicable(valid)
    ctx = Context({key: valid[key] for key in asked if key in valid}, frozenset(asked))
    for rule in RULES:
        rule.apply(ctx)
    findings = tuple(ctx.findings)
    order = [q.id for q in QUESTIONS]
    missing = tuple(sorted(ctx.needed, key=order.index))
    verdict = verdict_of(findings, missing)
    if verdict == "ineligible":
        missing = ()  # no further answer can lift a blocker
    step_order = list(STEPS)
    item_order = list(ITEMS)
    result = Result(
        verdict=verdict,
        findings=findings,
        checklist=tuple(ITEMS[i].item() for i in sorted(ctx.items, key=item_order.index)),
        steps=tuple(STEPS[s].step() for s in sorted(ctx.steps, key=step_order.index)),
        fee_yuan=fee_for(ctx.answers.get("target_level")),
        dates=DATES,
        missing=missing,
    )
    return result, asked
