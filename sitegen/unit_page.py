"""The unit's desk (/unit/, 单位批量自查), generated at build time from the
``checker`` package like the checker page: the unit's questions, the column
list and labels come from :mod:`checker.questions` and :mod:`checker.result`;
``web/checker/unit.js`` (served from the versioned script folder) brings it to life through the checker's own worker.
"""

from __future__ import annotations

from typing import Any

from checker.batch.roster import UNIT_KEYS
from checker.batch.template import header
from checker.batch.words import accepted, ambiguous_headings, everyday_words, short_headings, unit_voice
from checker.findings import ASK
from checker.parameters import FIGURES
from checker.questions import BY_ID, QUESTIONS
from checker.result import SEVERITY_LABELS, VERDICT_LABELS, VERDICTS, WHO_LABELS

from . import failures
from .checker_page import NOTICE_URL, clause_links, finding_readings, item_readings, render


#: Why the start failed (the kinds the checker's worker and boot.js report, as
#: on /checker/), in words for a unit's HR officer; shown by checker.css.
FAILURES = failures.UNIT_PAGE
_ALTERNATIVE = failures.UNIT_ALTERNATIVE


def page_data() -> dict[str, Any]:
    return {
        "unit_keys": [k for k in UNIT_KEYS],
        "questions": {q.id: {"label": q.label, "header": header(q)} for q in QUESTIONS},
        "labels": {"verdict": VERDICT_LABELS, "severity": SEVERITY_LABELS, "who": WHO_LABELS},
        "verdicts": list(VERDICTS),
        "clauses": clause_links(),
        "readings": finding_readings(),
        "item_readings": item_readings(),
        "notice": NOTICE_URL,
        "notice_number": FIGURES["notice_number"],
        "whom_to_ask": ASK,
    }


def columns() -> list[dict[str, str]]:
    """Each question's column: its short headings and what a cell may hold
    (checker/headings.toml), for /unit/ and 单位使用说明."""
    return [{"label": q.label, "headings": "、".join(short_headings(q.id)),
             "accepts": accepted(q) + (f"；也可写：{everyday_words(q)}" if everyday_words(q) else "")}
            for q in QUESTIONS]


def headings_markdown() -> str:
    """The same table as Markdown, for 单位使用说明 (``<!-- gen:unit-headings -->``)."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    rows = ["| 问题 | 列标题可写的简称 | 可填写 |", "| --- | --- | --- |"]
    rows += [f"| {cell(c['label'])} | {cell(c['headings']) or '—'} | {cell(c['accepts'])} |" for c in columns()]
    return "\n".join(rows)


def page_html() -> str:
    # Asked in the unit's voice (本单位…), worded in checker/headings.toml.
    unit_questions = [{"id": key, "label": unit_voice(key).label, "hint": unit_voice(key).hint,
                       "readings": unit_voice(key).readings,
                       "clauses": BY_ID[key].clauses,
                       "choices": [(str(o.value).lower(), o.label) for o in BY_ID[key].options]} for key in UNIT_KEYS]
    return render("unit_page.html", data=page_data(), unit_questions=unit_questions, columns=columns(),
                         ambiguous=ambiguous_headings(), failures=FAILURES, alternative=_ALTERNATIVE,
                         verdicts=VERDICTS, labels={"verdict": VERDICT_LABELS})
