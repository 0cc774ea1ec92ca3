"""Traceability, Catala-style: for every numbered clause of the notice, what in
the checker uses it, or why it is informational only."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import DATES, ITEMS, STEPS
from .notice import load
from .questions import QUESTIONS
from .rules import RULES

#: Clauses no rule, item or step needs, and why.
INFORMATIONAL: dict[str, str] = {
    "1": "标题：申报范围和对象，内容见其下各款。",
    "1.2": "标题：无职称申报及破格申报的范围及程序，内容见其下各项。",
    "2": "标题：申报程序及要求。",
    "2.1": "标题：申报途径。",
    "2.2": "标题：申报材料要求。",
    "2.2.4": "标题：辅助证明材料要求，内容见其下各目。",
    "3": "标题：审核推荐要求。",
    "3.1": "标题：单位审核推荐。",
    "3.2": "标题：职改部门审核审查。",
    "3.3": "标题：对学历证书的审核要求，内容见其下各目。",
    "4": "标题：申报条件和政策，内容见其下各款（不具备条件一段归四（二），见解读说明）。",
    "4.1": "总体要求，指向桂职办〔2017〕26号；没有可由申报人回答的具体条件。",
    "6": "标题：报送材料及评审时间安排。",
    "8": "其它事宜和联系方式，见“联系方式”页。",
}


@dataclass(frozen=True)
class Use:
    kind: str  # rule | item | step | date | question
    id: str


def uses() -> dict[str, list[Use]]:
    """Clause id → what cites it (clauses nobody cites are absent)."""
    table: dict[str, list[Use]] = {}

    def cite(clause: str, use: Use) -> None:
        table.setdefault(clause, []).append(use)

    for rule in RULES:
        for clause in rule.cites:
            cite(clause, Use("rule", rule.name))
    for item in ITEMS.values():
        cite(item.clause, Use("item", item.id))
    for step in STEPS.values():
        cite(step.clause, Use("step", step.id))
    for date in DATES:
        cite(date.clause, Use("date", date.id))
    for question in QUESTIONS:
        for clause in question.clauses:
            cite(clause, Use("question", question.id))
    return table


def table() -> list[dict[str, object]]:
    """One row per numbered clause, in the notice's order."""
    cited = uses()
    rows = []
    for clause in load().clauses.values():
        rows.append({
            "clause": clause.id,
            "label": clause.label,
            "uses": [{"kind": u.kind, "id": u.id} for u in cited.get(clause.id, [])],
            "informational": INFORMATIONAL.get(clause.id),
        })
    return rows


def problems() -> list[str]:
    """Clauses neither used nor explained, and citations of clauses that do
    not exist. Empty when the checker is fully traceable."""
    known = set(load().clauses)
    cited = uses()
    found = [f"{c} 被 {', '.join(u.kind + ':' + u.id for u in us)} 引用，但通知中没有这一条" for c, us in cited.items() if c not in known]
    for clause in known:
        if clause not in INFORMATIONAL and not any(u.kind != "question" for u in cited.get(clause, [])):
            found.append(f"{clause} 既没有规则、清单项或步骤使用，也没有说明为何只是信息")
    found += [f"{c} 标为信息条款，但通知中没有这一条" for c in INFORMATIONAL if c not in known]
    return sorted(found)
