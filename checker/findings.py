"""Every finding a rule can report, read from ``findings.toml``: its severity,
the clause it cites, its wording, what to do about it and the reading it
relies on (the meaning of each severity and scope is written there).

Rules (``rules.py``) report findings by id and declare which ids they may
report; the wording lives in the data file, apart from the routing, as
smart-answers keeps it. Wording is a ``str.format`` template over
``parameters.FIGURES`` (the notice's figures from ``parameters.toml``) and the
values the rule passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from .datafile import by_id, check_keys, load
from .parameters import FIGURES
from .result import SEVERITIES, Severity

Scope = Literal["", "in", "doubt", "applying"]


@dataclass(frozen=True)
class FindingDef:
    id: str
    severity: Severity
    clause: str
    text: str
    remedy: tuple[str, ...] = ()
    """Step or checklist ids that say what to do (conditions must have one)."""
    reading: str | None = None
    """Anchor on 解读说明 of the reading this finding takes."""
    scope: Scope = ""
    """``"in"``: says why the applicant is in scope (一（一）); shown only when
    nothing bars them and no finding doubts it (``"doubt"``: whether they are
    在职 is open), so that no one is told they are in scope who may not be.
    ``"applying"``: advice to someone who applies (the deadline, the fee, the
    checklist): dropped beside a blocker, whose result lists no steps."""
    case: str = ""
    """The case in a few words, where the who-may-apply picture lists a
    condition the notice leaves unsettled (else the reading's heading)."""


#: ``{ask}`` in a text: the sentence that names whom to ask (``[phrases] ask``).
_ASK_FIELD = "{ask}"


def _definition(raw: dict[str, Any], ask: str) -> FindingDef:
    """One ``[[findings]]`` entry, checked: a known severity and scope."""
    check_keys(f"findings.toml {raw.get('id')!r}", raw, {"id", "severity", "clause", "text"},
               {"remedy", "reading", "scope", "case"})
    definition = FindingDef(
        id=raw["id"],
        severity=raw["severity"],
        clause=raw["clause"],
        text=raw["text"].replace(_ASK_FIELD, ask),
        remedy=tuple(raw.get("remedy", ())),
        reading=raw.get("reading"),
        scope=raw.get("scope", ""),
        case=raw.get("case", ""),
    )
    if definition.severity not in SEVERITIES or definition.scope not in get_args(Scope):
        raise ValueError(f"findings.toml {definition.id!r}: severity {definition.severity!r}, "
                         f"scope {definition.scope!r}")
    return definition


_DATA = load("findings.toml")
FINDINGS: dict[str, FindingDef] = by_id("findings.toml", _DATA["findings"],
                                      lambda raw: _definition(raw, _DATA["phrases"]["ask"]))
#: The sentence that names whom to ask, with the figures filled in: the one
#: wording of it for a finding's ``{ask}``, a roster's lines and its exports.
ASK: str = _DATA["phrases"]["ask"].format(**FIGURES)


#: What a text (CLI, the roster's text) says after a finding that rests on a
#: reading of 解读说明, where a page links it as 本站的理解.
READING_NOTE = "（本站的理解，见解读说明）"


def reading_note(finding_id: str, message: str) -> str:
    """:data:`READING_NOTE` for a finding that takes a reading and does not say so itself, else ``""``."""
    definition = FINDINGS.get(finding_id)
    return READING_NOTE if definition and definition.reading and "本站" not in message else ""
