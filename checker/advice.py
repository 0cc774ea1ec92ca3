"""What a person reads beside an ``ineligible`` verdict, in place of steps,
checklist, fee and signature line: whether anything could still change it, and
whom to ask. One wording for the CLI's text output, the checker page and its
printout (``sitegen/checker_page.py`` puts it into the page's data).

A blocker (``findings.py``) is something nothing under this notice can still
change; the one thing that can change the verdict is an answer that does not
match the person's situation. The office to ask is the one the notice names
for enquiries (八).
"""

from __future__ import annotations

from .parameters import FIGURES

#: The finding that the notice's round has closed (after 六（三）'s last day):
#: the verdict itself says it, not only a note further down.
ROUND_CLOSED = "round_closed"

_INELIGIBLE = (
    # whether anything could change it
    "以上情形按本通知无法通过补办手续或补充材料改变，因此这里不列申报步骤、材料清单和评审费。"
    "如果某个回答与您的实际情况不符，请更正后重新自查。",
    # whom to ask
    "对结论有疑问的，请向{office}咨询（电话 {phone}；地址：{address}）。",
)


def ineligible_advice() -> tuple[str, ...]:
    """The sentences shown after the reasons of an ``ineligible`` result."""
    return tuple(text.format(**FIGURES) for text in _INELIGIBLE)
