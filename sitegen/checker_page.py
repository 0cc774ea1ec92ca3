"""The self-check page, generated at build time from the ``checker`` package.

The form comes from the questions (``python -m checker questions``), the
static fallback from the checklist catalogue, and the labels the script
needs from ``checker.result``: nothing about a question or an item is written
a second time. The page works as static HTML; ``web/checker/app.js``
brings it to life with Python running in a Web Worker.

The HTML comes from Jinja templates with autoescaping, one per component
(``sitegen/templates/checker/``: one per question type, the result blocks, the
generic checklist, the loading and failure messages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from checker import questions_json
from checker.advice import ROUND_CLOSED, ineligible_advice
from checker.catalog import DATES, ITEMS, STEPS
from checker.findings import FINDINGS
from checker.parameters import DEADLINE, FIGURES, NOTICE
from checker.notice import anchor, load
from checker.result import SEVERITY_LABELS, VERDICT_LABELS, WHO_LABELS

from . import diagrams, failures, templating

NOTICE_URL = "../notice/"  # from /checker/
INTERPRETATION_URL = "../interpretation/"
#: The checker page's templates, and the unit page's (which share the macros).
TEMPLATES = [Path(__file__).with_name("templates") / name for name in ("checker", "unit")]
#: The kind of field the page asks each question type with (a type of
#: ``checker.answer_types.HANDLERS`` → a field of ``FIELDS`` in app.js, which
#: reads and fills it). The page data carries each question's field, so a new
#: type that fits a field reaches the page without editing app.js.
FIELDS = {
    "choice": "options",
    "boolean": "options",
    "integer": "integer",
    "date": "date",
}
#: One template per field.
FIELD_TEMPLATES = {
    "options": "question_choice.html",
    "integer": "question_integer.html",
    "date": "question_date.html",
}
#: What to write instead, by field, after the form's sentence on a bad answer
#: (the limits are the handler's, as ``questions_json`` gives them).
INSTEAD = {
    "options": lambda q: "请选择：" + "、".join(o["label"] for o in q["options"]),
    "integer": lambda q: (f"请填写 {q['minimum']} 到 {q['maximum']} 之间的整数"
                          + (f"（单位：{q['unit']}）" if q["unit"] else "")),
    "date": lambda q: "请在日期框中选择一个真实存在的日期，例如 2017-06-30",
}

#: What the page says when the checker cannot run, by the reason boot.js or
#: app.js sets in ``<html data-checker-failure>`` (wording: checker/failures.toml).
FAILURES = failures.CHECKER_PAGE



def _clause_href(clause_id: str) -> str:
    return f"{NOTICE_URL}#{anchor(clause_id)}"


def clause_links() -> dict[str, dict[str, str]]:
    """Every clause's label and link, for a page's script (so that it links
    findings to clauses as the static page does)."""
    return {c.id: {"label": c.label, "href": _clause_href(c.id)} for c in load().clauses.values()}


#: The words a text links to a reading of 解读说明 (its readings, in order).
READING_WORDS = "解读说明"


def reading_href(reading: str) -> str:
    return f"{INTERPRETATION_URL}#{reading}"


def with_readings(text: str, readings: Any = ()) -> Markup:
    """``text`` escaped, each “解读说明” in it linked, in order, to the reading
    it refers to (an entry's ``readings``); as dom.js ``withReadings`` does."""
    parts = text.split(READING_WORDS)
    out = [Markup.escape(parts[0])]
    for reading, part in zip([*readings, *[None] * len(parts)], parts[1:]):
        words = (Markup('<a href="{}" class="reading-link">{}</a>').format(reading_href(reading), READING_WORDS)
                 if reading else Markup.escape(READING_WORDS))
        out += [words, Markup.escape(part)]
    return Markup("").join(out)


def finding_readings() -> dict[str, str]:
    """The link of the reading each finding takes, by finding id, for a page's script."""
    return {d.id: reading_href(d.reading) for d in FINDINGS.values() if d.reading}


def item_readings() -> dict[str, list[str]]:
    """The links of the readings a checklist item's detail states, by item id, for a page's script."""
    return {d.id: [reading_href(r) for r in d.readings] for d in ITEMS.values() if d.readings}


def _environment() -> Environment:
    env = templating.environment(*TEMPLATES, html=True)
    env.filters["clause_href"] = _clause_href
    env.filters["clause_label"] = lambda clause_id: load().clauses[clause_id].label
    env.filters["with_readings"] = with_readings
    env.globals["question_template"] = lambda q: FIELD_TEMPLATES[FIELDS[q["type"]]]
    return env


def render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)


def _groups() -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for q in questions_json():
        groups.setdefault(q["group"], []).append(q)
    return list(groups.items())


def _context() -> dict[str, Any]:
    return {
        "groups": _groups(),
        "items": list(ITEMS.values()),
        "steps": list(STEPS.values()),
        "dates": list(DATES),
        "who": WHO_LABELS,
        "fees": FIGURES["fees"],
        "failures": FAILURES,
        "deadline": DEADLINE,
        "figures": FIGURES,
        "advice": ineligible_advice(),
        "timeline_figure": Markup(diagrams.timeline_html("checker/index.md")),
    }


def form_html() -> str:
    return render("form.html", **_context())


def generic_checklist_html() -> str:
    """Every checklist item, step and date, marked with whom it applies to."""
    return render("generic_checklist.html", **_context())


def page_questions() -> list[dict[str, Any]]:
    """The questions for app.js, each with its field and what to write instead."""
    return [{**q, "field": FIELDS[q["type"]], "instead": INSTEAD[FIELDS[q["type"]]](q)} for q in questions_json()]


def page_data() -> dict[str, Any]:
    """What the script needs: the questions and the labels of the result."""
    return {
        "questions": page_questions(),
        "fees": FIGURES["fees"],
        "notice": {"number": NOTICE["number"], "deadline": DEADLINE},
        # Findings that rest on a reading link to it on 解读说明.
        "readings": finding_readings(),
        # Checklist items whose detail states a reading link its “解读说明” there.
        "item_readings": item_readings(),
        "labels": {"verdict": VERDICT_LABELS, "severity": SEVERITY_LABELS, "who": WHO_LABELS},
        "clauses": clause_links(),
        "round_closed": ROUND_CLOSED,
    }


def page_html() -> str:
    return render("page.html", data=page_data(), **_context())
