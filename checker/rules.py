"""The rules of the notice, each next to the sentence that justifies it.

A rule branches only on named situations from ``situations.py`` (the same ones
that decide when a question is asked), through :meth:`Context.holds` or
:meth:`Context.whether`: a situation names the answers it reads, so an
unanswered question that could still decide it is recorded as missing by one
mechanism, and no rule can forget to. An answer that only adds detail (a blank
counts as no) is read with :meth:`Context.detail`. A rule reports what it
finds by id (``findings.py`` holds the wording, severity, clause and remedy of
each id), and may pick checklist items and route steps from ``catalog``.

``cites`` maps every clause a rule relies on to the words of the notice it
quotes; ``reports`` lists the finding ids it may report; ``blocking`` names the
clause among ``cites`` whose words make the rule final: only such rules may
make a verdict ``ineligible``. Tests check each quote against the notice, and
that each reported finding cites one of its rule's clauses. Where the notice
leaves a point open the rule follows the reading stated on the site's 解读说明
page, and its finding names that reading.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Callable

from . import situations as S
from .catalog import ITEMS, STEPS
from .conditions import Condition, decide, holds
from .findings import FINDINGS
from .parameters import DEADLINE, FEES_YUAN, FIGURES, zh_date
from .questions import BY_ID
from .result import Finding

#: Words of the notice that more than one rule quotes, by clause: each stands once.
QUOTES: dict[str, str] = {
    # 一（一）'s last paragraph, whole: the exception covers the procedures and the age.
    "1.1": ("除符合相关文件规定并按照审批程序办理了延长退休年龄手续者以外，"
            "2016年12月31日以前已办理离退休手续或已达规定退休年龄的专业技术人员不得申报"),
    "1.2.1": "高层次急需紧缺人才直接评审高级职称按照《关于引进高层次急需紧缺人才直接评审高级专业技术资格有关问题的通知（试行）》（桂职改〔2016〕3号）实施",
    "1.2.3": "无职称申报或破格申报均应在申报前经广西工艺美术系列职改办审批同意",
    "2.1.1": "已在广西各级人才市场办理档案托管的，可经所在单位同意并填写基层单位考核推荐意见后，通过各级人才市场申报",
    "2.1.3": "中直驻桂单位或外省驻桂企业的分支机构（分公司、办事处等）专业技术人员，应根据本单位（系统）统一的专业技术资格（职称）申报渠道申报",
}


def quoted(*clauses: str) -> dict[str, str]:
    """The shared words of ``clauses`` (:data:`QUOTES`), for a rule's ``cites``."""
    return {clause: QUOTES[clause] for clause in clauses}


_NONE: frozenset[str] = frozenset()


@dataclass
class Context:
    """What the rules read and write during one evaluation."""

    answers: dict[str, Any]
    applicable: frozenset[str]
    """Questions that apply now; only these can be missing."""
    today: _dt.date
    needed: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    fee_yuan: int | None = None
    rule: Rule | None = None
    """The rule being applied (what it may report is checked against it)."""
    peeked: list[str] = field(default_factory=list)
    """Questions the current rule read with :meth:`detail` that apply and are
    unanswered."""
    bar_pending: bool = False
    """A blocking rule waits for an answer that could bar the applicant: no
    one is told yet that they are in scope."""

    def apply(self, rule: Rule) -> None:
        """Apply one rule (what it reads unanswered is tracked per rule)."""
        self.rule, self.peeked = rule, []
        rule.apply(self)

    def whether(self, situation: Condition) -> bool | None:
        """Whether a named situation holds: ``None`` while an unanswered
        question could still decide it. Those questions are recorded as
        missing (the verdict waits for them); a question that does not apply
        yet waits for the answers that would open it, which are recorded
        instead."""
        value, unknown = decide(situation, self.answers, self._undecided)
        for key in unknown:
            if key not in self.needed:
                self.needed.append(key)
        if unknown and self.rule is not None and self.rule.blocking:
            self.bar_pending = True
        return value

    def holds(self, situation: Condition) -> bool:
        """Whether a named situation holds for the answers given, as a
        question's ``when`` reads it (an unanswered question passes no test);
        the questions that could still decide it are recorded as missing
        (:meth:`whether`)."""
        self.whether(situation)
        return holds(situation, self.answers)

    def detail(self, situation: Condition) -> bool:
        """A situation that only adds detail: a blank counts as no and does
        not hold the verdict back. If the rule then reports a condition, the
        detail was not one: see :meth:`report`."""
        _, unknown = decide(situation, self.answers, self._unanswered)
        self.peeked.extend(key for key in unknown if key not in self.peeked)
        return holds(situation, self.answers)

    def answer(self, key: str) -> Any:
        """An answer's value for a finding's wording (``months``), read once a
        situation has decided on it."""
        return self.answers.get(key)

    def _unanswered(self, key: str) -> frozenset[str]:
        return frozenset((key,)) if key in self.applicable and key not in self.answers else _NONE

    def _undecided(self, key: str) -> frozenset[str]:
        """The unanswered questions that decide an answer to ``key``: itself
        if it applies, else those that would open it."""
        if key in self.answers:
            return _NONE
        if key in self.applicable:
            return frozenset((key,))
        value, unknown = decide(BY_ID[key].when, self.answers, self._undecided)
        return unknown if value is None else _NONE

    def report(self, finding_id: str, **values: Any) -> None:
        """Report a declared finding; its remedy joins the steps or checklist."""
        rule = self.rule
        if rule is None or finding_id not in rule.reports:
            raise LookupError(f"rule {rule and rule.name} does not declare finding {finding_id!r}")
        definition = FINDINGS[finding_id]
        if definition.severity == "blocker" and not rule.blocking:
            raise LookupError(f"rule {rule.name} is not a blocking rule")
        if definition.severity != "note":
            # A condition (or blocker) reported after reading an unanswered
            # question rests on it: answering it could change the verdict, so
            # the question is missing (the verdict is incomplete, not
            # conditional). One mechanism for every rule (issue 16, item 4).
            for key in self.peeked:
                if key not in self.needed:
                    self.needed.append(key)
        if any(f.id == finding_id for f in self.findings):
            return
        message = definition.text.format(**FIGURES, **values)
        self.findings.append(Finding(finding_id, definition.severity, message, definition.clause))
        for remedy in definition.remedy:  # a step to take, the evidence to enclose, or both
            if remedy in STEPS:
                self.step(remedy)
            if remedy in ITEMS:
                self.add(remedy)

    def obtained(self, situation: Condition, evidence: str, not_yet: str) -> bool | None:
        """Something to obtain (an approval, a written opinion), as the answer
        that ``situation`` reads says: obtained → ``evidence`` is a checklist
        item to enclose; not yet → the condition ``not_yet``, which says how
        to obtain it; unanswered → missing."""
        value = self.whether(situation)
        if value:
            self.add(evidence)
        elif value is False:
            self.report(not_yet)
        return value

    def add(self, *item_ids: str) -> None:
        self.items.extend(i for i in item_ids if i not in self.items)

    def step(self, *step_ids: str) -> None:
        self.steps.extend(s for s in step_ids if s not in self.steps)


@dataclass(frozen=True)
class Rule:
    name: str
    cites: dict[str, str]
    reports: tuple[str, ...]
    apply: Callable[[Context], None]
    blocking: str | None = None
    """The clause (one of ``cites``) whose words make this rule final: it may
    say ``ineligible``, as nothing the applicant or the unit can still do
    under this notice changes it."""

    @property
    def doc(self) -> str:
        return (self.apply.__doc__ or "").strip()

    @property
    def final_words(self) -> tuple[str, str] | None:
        """(clause, the notice's words) that make a blocking rule final."""
        return (self.blocking, self.cites[self.blocking]) if self.blocking else None


RULES: list[Rule] = []


def rule(cites: dict[str, str], reports: tuple[str, ...] = (),
         blocking: str | None = None) -> Callable[[Callable[[Context], None]], Callable[[Context], None]]:
    """Register a rule with the clauses it relies on (and the words it
    quotes), the findings it may report and, if it may bar the applicant,
    the clause whose words make it final."""
    if blocking is not None and blocking not in cites:
        raise LookupError(f"blocking clause {blocking} is not among the rule's cites")

    def register(fn: Callable[[Context], None]) -> Callable[[Context], None]:
        RULES.append(Rule(fn.__name__, cites, reports, fn, blocking))
        return fn

    return register


def blocking_rules() -> list[Rule]:
    """The only rules that may say ``ineligible``, in their order."""
    return [r for r in RULES if r.blocking]


# --- 一、申报范围和对象 ---------------------------------------------------


def _barred_if(name: str, situation: Condition, finding_id: str, clause: str, words: str, doc: str) -> None:
    """Register a rule under which ``situation`` (a yes) bars the application."""

    def apply(ctx: Context) -> None:
        if ctx.holds(situation):
            ctx.report(finding_id)

    apply.__name__, apply.__doc__ = name, doc
    rule({clause: words}, reports=(finding_id,), blocking=clause)(apply)


_barred_if("civil_servants_excluded", S.CIVIL_SERVANT, "civil_servant",
           "1.3", "公务员不得参加专业技术人才职称评审",
           "Civil servants may not take part in title reviews.")


@rule({
    "1.1": "符合广西工艺美术系列专业技术资格申报条件的以下在职人员均可申报",
    "1.1.1": "与用人单位已建立一年以上人事（劳动）关系",
    "1.1.2": "但其户口在广西或人事档案托管在广西各级人才交流服务中心一年以上的",
    "2.1.1": "广西各企事业单位专业技术人员应通过其所在单位申报",
    "2.1.4": "外省专业技术人员按规定条件通过委托评审方式到广西评审高级专业技术资格的",
    **quoted("1.2.1"),
}, reports=("employment_under_a_year", "employment_under_a_year_talent", "in_scope_employment", "hukou_reading",
            "in_scope_archive", "outside_without_tie", "outside_route", "entrusted_in_scope", "entrustment_approval",
            "entrusted_level_unstated", "self_employed"), blocking="1.1")
def who_is_in_scope(ctx: Context) -> None:
    """Working in Guangxi: a year with the employer (一年以上 includes 12 months).
    Working elsewhere: hukou in Guangxi, or the archive held a year or more by a
    Guangxi talent exchange centre; or entrusted review from another province,
    whose procedure the notice describes for senior titles only (once the
    entrustment is approved, its papers are evidence to enclose).
    Readings (解读说明): 一年以上 in 1.1.2 binds the archive, not the hukou; the
    notice names no channel for 1.1.2 applicants; it is silent on entrusted
    review below senior, on the self-employed (who have no 用人单位: the
    unit type is known before anyone is barred or admitted), and on how 3号
    treats the one-year rule for high-level talent (a point to confirm). The
    note says which clause admits the applicant."""
    in_guangxi = ctx.whether(S.WORKS_IN_GUANGXI)
    if in_guangxi is None:
        return
    if not in_guangxi:
        entrusted = ctx.whether(S.ENTRUSTED)
        if entrusted:
            ctx.report("entrusted_in_scope")
            ctx.obtained(S.ENTRUSTMENT_APPROVED, "entrustment_materials", "entrustment_approval")
            if ctx.holds(S.TARGET_BELOW_SENIOR):
                ctx.report("entrusted_level_unstated")
            return
        if entrusted is None:
            return
    self_employed = ctx.whether(S.SELF_EMPLOYED)
    if self_employed:
        ctx.report("self_employed")
        return
    if in_guangxi:
        a_year = ctx.whether(S.EMPLOYED_A_YEAR)
        if a_year is None or self_employed is None:
            return
        if a_year:
            ctx.report("in_scope_employment")
            return
        talent = ctx.whether(S.HIGH_LEVEL_TALENT)  # 3号 talent: a point to confirm, not a blocker
        if talent is not None:
            ctx.report("employment_under_a_year_talent" if talent else "employment_under_a_year",
                       months=ctx.answer("employment_months"))
        return
    hukou = ctx.whether(S.HUKOU_IN_GUANGXI)
    archive = ctx.whether(S.ARCHIVE_A_YEAR) if hukou is False else None
    if self_employed is None or hukou is None or (hukou is False and archive is None):
        return
    if hukou:
        ctx.report("hukou_reading")
    elif not archive:
        ctx.report("outside_without_tie", months=ctx.answer("archive_months"))
        return
    else:
        ctx.report("in_scope_archive")
    # 二（一）1 names a channel for them only through a Guangxi talent market.
    if not ctx.detail(S.VIA_TALENT_MARKET):
        ctx.report("outside_route")


@rule(quoted("1.1"), reports=("retired_before_cutoff", "retired_extension_unclear", "retired_early"), blocking="1.1")
def retirement_procedures(ctx: Context) -> None:
    """Retirement procedures done by 2016-12-31 bar the application, unless
    the retirement age was extended by the approval procedure: the exception
    opens the whole sentence. Whether such a person is still 在职 the notice
    does not say (a condition naming whom to ask). Someone who retired later
    is no longer 在职; 一（一）3 still admits them if they reach the age in 2017;
    reaching it before 2017 without an extension bars them by the notice's own
    words (``retirement_age``); on anyone else the notice is silent: a
    condition naming whom to ask."""
    if not ctx.holds(S.RETIRED):
        return
    before_cutoff = ctx.whether(S.RETIRED_BEFORE_CUTOFF)
    if before_cutoff is None:
        return
    if before_cutoff:
        extended = ctx.whether(S.AGE_EXTENDED)
        if extended is False:
            ctx.report("retired_before_cutoff")
        elif extended:
            ctx.report("retired_extension_unclear")
        return
    age_before = ctx.whether(S.AGE_BEFORE_CUTOFF)
    if age_before is None or ctx.holds(S.RETIRING_IN_YEAR):
        return
    if age_before and not ctx.holds(S.AGE_EXTENDED):
        return  # barred by the age itself (retirement_age), or waiting for the extension answer
    ctx.report("retired_early")  # retired in or after 2017, and 一（一）3 does not cover them


@rule({
    **quoted("1.1"),
    "1.1.3": "2017年1月1日至12月31日期间达到退休年龄的专业技术人员，今年仍可申报相应的专业技术资格",
}, reports=("age_before_cutoff", "retirement_extended", "retiring_this_year"), blocking="1.1")
def retirement_age(ctx: Context) -> None:
    """The retirement age reached by 2016-12-31 bars the application whether or
    not the procedures were done, unless the age was extended by the approval
    procedure; reaching it in 2017 does not. The date is used whenever given
    (left blank, the age is far off); procedures done by the cut-off are
    ``retirement_procedures``' to judge."""
    if ctx.detail(S.RETIRED_BEFORE_CUTOFF):
        return
    if ctx.detail(S.AGE_BEFORE_CUTOFF):
        extended = ctx.whether(S.AGE_EXTENDED)
        if extended is False:
            ctx.report("age_before_cutoff")
        elif extended:
            ctx.report("retirement_extended")
    elif ctx.detail(S.RETIRING_IN_YEAR):
        ctx.report("retiring_this_year")


@rule({
    "1.2.1": "无职称申报应符合《关于规范无职称申报评审管理有关问题的通知》（桂职办〔2014〕64号）规定的条件和范围",
    **quoted("1.2.3"),
}, reports=("no_title_conditions", "state_organ_limit", "junior_first_title", "not_preapproved", "preapproved"))
def no_title_application(ctx: Context) -> None:
    """Applying without any title (无职称申报) follows 桂职办〔2014〕64号, which
    the checker does not judge, and needs the series office's approval first;
    once approved, the approval is evidence to enclose. Transferees from state
    organs are limited to 副高级 and below. A first junior application, and
    high-level talent (3号), are not 无职称申报 by the notice's words alone."""
    if not ctx.holds(S.NO_TITLE):
        return
    if ctx.holds(S.FIRST_JUNIOR_TITLE):
        ctx.report("junior_first_title")
        return
    if not ctx.holds(S.NO_TITLE_APPLICATION):
        return
    if _preapproval(ctx) is not True:
        ctx.report("no_title_conditions")
    if ctx.detail(S.FROM_STATE_ORGAN):  # a note: read after the conditions, which do not rest on it
        ctx.report("state_organ_limit")


def _preapproval(ctx: Context) -> bool | None:
    """一（二）3 for 无职称 and 破格: obtained → evidence; refused or not yet
    asked → a condition with the step to obtain it."""
    approved = ctx.obtained(S.PREAPPROVED, "preapproval_document", "not_preapproved")
    if approved:
        ctx.report("preapproved")
    return approved


@rule({"1.2.2": "破格申报为破学历资历，不等同于无职称申报或越级申报"}, reports=("level_jump", "level_already_held"))
def level_jump(ctx: Context) -> None:
    """Applying for a level more than one above the current title: the notice
    names 越级申报 only to distinguish it from 破格 and says nothing of its
    conditions (the finding says so). Applying for a level already held is not covered.
    High-level talent go by 3号 instead."""
    if ctx.detail(S.HIGH_LEVEL_TALENT):
        return
    if ctx.detail(S.LEVEL_JUMP):
        ctx.report("level_jump")
    elif ctx.detail(S.LEVEL_ALREADY_HELD):
        ctx.report("level_already_held")


@rule(quoted("1.2.1"), reports=("high_level_talent",))
def high_level_talent(ctx: Context) -> None:
    """Direct senior review of high-level talent follows 桂职改〔2016〕3号, not
    this notice's no-title and exceptional procedures."""
    if ctx.holds(S.HIGH_LEVEL_TALENT):
        ctx.report("high_level_talent")


# --- 四、申报条件和政策 ----------------------------------------------------


@rule({
    "4.2": "不具备规定的学历、资历条件的人员，一般不得申报推荐评审专业技术资格",
    "1.2.2": "破格申报应符合所申报系列破格条件要求",
    **quoted("1.2.3"),
    "2.2.4.2": "破格申报的，申报人应提供本系列评委会同意破格申报材料及达到破格条件的证明材料",
    "5.3": "破格申报人员，请在单位推荐意见中予以说明",
}, reports=("exceptional_conditions", "not_preapproved", "preapproved", "conditions_not_met", "check_conditions",
            "check_conditions_junior"))
def education_and_seniority(ctx: Context) -> None:
    """Education and seniority conditions are those of 桂职办〔2005〕104号 (and
    〔2012〕118号) for 高、中级; for 初级 the notice names no document (a
    condition naming whom to ask). The applicant says whether they meet them.
    Without them the notice says 一般不得 (hedged, like 原则上: a condition, see
    解读说明) and names 破格 as the way: it must meet the series' exceptional
    conditions and be approved before applying, once, by the series office
    (一（二）3; the 同意 of 二（二）4（2）, 四（二） and 五（三） is that approval, 解读说明
    #exceptional-approver), the originals shown for it, and be explained in the
    recommendation. Once approved, the approval is evidence."""
    if not ctx.holds(S.STATES_CONDITIONS) or not ctx.holds(S.LACKS_CONDITIONS):
        return
    exceptional = ctx.whether(S.EXCEPTIONAL)
    if exceptional:
        ctx.add("exceptional_evidence", "exceptional_unit_statement")
        if _preapproval(ctx) is not True:
            ctx.add("exceptional_originals")
            ctx.report("exceptional_conditions")
    elif exceptional is False:
        if ctx.holds(S.FAILS_CONDITIONS):
            ctx.report("conditions_not_met")
        elif ctx.holds(S.TARGET_JUNIOR):
            ctx.report("check_conditions_junior")
        else:
            ctx.report("check_conditions")


# --- 二（一）申报途径 ----------------------------------------------------


@rule({
    **quoted("2.1.1"),
    "3.1.2": "如申报人办理档案托管的，申报人所在单位与档案管理部门应根据各自所掌握申报材料的情况，分别对上述材料的真实性进行审核把关",
    "2.1.4": "应由申报人所属省级职改管理部门出具委托材料",
})
def route(ctx: Context) -> None:
    """Entrusted applicants go through their own province's office and the
    autonomous region's (the step to obtain the entrustment is the condition's
    remedy, gone once it is approved); others through the unit, or with the
    archive at a talent market, through it with the unit's consent and
    assessment. For 1.1.2 applicants and the self-employed the channel is a
    condition (who_is_in_scope), not a step chosen for them (the talent
    market's route needs the consent of a unit the self-employed lack)."""
    if ctx.holds(S.ENTRUSTED):
        ctx.step("entrusted_referral")
        return
    if ctx.holds(S.SELF_EMPLOYED):
        pass  # no unit to consent or apply through: the channel is the self_employed condition
    elif ctx.detail(S.VIA_TALENT_MARKET):
        ctx.add("talent_market_consent")
        ctx.step("apply_via_talent_market")
    elif not ctx.holds(S.OUTSIDE_NOT_ENTRUSTED):
        ctx.step("apply_via_unit")
    if ctx.detail(S.ARCHIVE_HELD):
        ctx.add("archive_verification")


@rule(quoted("2.1.3"), reports=("no_hq_opinion", "single_channel", "branch_by_2_1_3"))
def headquarters_channel(ctx: Context) -> None:
    """Central units and branches of out-of-province firms apply through their
    system's one channel, and through this series only once the written
    opinion on the channel is filed; the clause admits them as branches (see
    解读说明). Their ownership is asked, as 二（二）4（1） and 三（三） follow it:
    ``unit_papers`` branches on situations that read it."""
    if not ctx.detail(S.HQ_CHANNEL_UNIT):
        return  # or not yet known: branch_units waits for the branch's answers
    ctx.report("single_channel")
    ctx.report("branch_by_2_1_3")
    ctx.obtained(S.HQ_OPINION_FILED, "hq_opinion", "no_hq_opinion")


@rule({
    "2.1.2": "申报人身份性质应根据其申报时人事（劳动）关系所在工作单位确定",
    "2.2.4.1": "原则上应提供申报前连续6个月以上（不含申报当月）个人社保缴费证明",
    "3.3.1": "国有企事业单位申报人员提交的学历证书由其档案管理部门出具意见予以确认并加盖档案专用章",
    "3.3.2": "非公有制申报人员提交的学历证书由各级评委会在评审前通过学信网验证等有效方式统一对申报学历材料进行第三方学历认证",
}, reports=("social_security_short", "social_org_education", "collective_unit"))
def unit_papers(ctx: Context) -> None:
    """What the kind (or ownership) of unit requires: social insurance and
    licence for non-public units and social organisations (原则上: a
    condition); who confirms the diploma (三（三）). 集体所有制 units are
    neither kind the notice names: which papers apply is a condition naming
    whom to ask (解读说明 #collective-unit). Entrusted applicants answer it
    too: their unit's papers apply (解读说明 #entrusted-duties)."""
    if ctx.holds(S.NON_PUBLIC_UNIT):
        ctx.add("social_security_proof", "unit_licence", "education_check_non_public")
        if ctx.holds(S.SOCIAL_SECURITY_SHORT):
            ctx.report("social_security_short", months=ctx.answer("social_security_months"))
        if ctx.holds(S.SOCIAL_ORG):
            ctx.report("social_org_education")
    elif ctx.holds(S.STATE_OWNED_UNIT):
        ctx.add("education_check_state")
    elif ctx.holds(S.COLLECTIVE_UNIT):
        ctx.report("collective_unit")


@rule({
    "2.1.5": "除银行、保险公司等法律法规明确规定可独立承担民事责任能力的分支机构以外，"
             "申报人不得选择不具有独立法人地位的分支机构作为申报单位参评",
    **quoted("2.1.1", "2.1.3"),
}, reports=("non_legal_branch", "branch_via_talent_market"), blocking="2.1.5")
def branch_units(ctx: Context) -> None:
    """A branch without legal-person status cannot be the applying unit, except
    a bank, insurer or other branch the law lets bear civil liability.
    Applying through the talent market that holds the archive (二（一）1) does
    not choose the branch as the applying unit. A branch in Guangxi whose
    headquarters is outside Guangxi, or a 中直驻桂单位, is a 二（一）3 unit
    (headquarters_channel): only a branch no other clause admits is barred."""
    # The unit type is read as a detail: who_is_in_scope and unit_papers wait
    # for it (an entrusted applicant's blank one does not withhold their
    # in-scope note, as before).
    if not ctx.detail(S.BRANCH_RULE_UNIT) or not ctx.holds(S.UNIT_IS_BRANCH):
        return
    if not (ctx.holds(S.IN_GUANGXI_ROUTE) or ctx.holds(S.ENTRUSTED)):
        return  # the route is not known yet (who_is_in_scope needs its answers)
    if ctx.whether(S.ARCHIVE_HELD) is None or ctx.whether(S.VIA_TALENT_MARKET) is None:
        return  # the talent-market route (二（一）1) would not choose the branch
    if ctx.holds(S.VIA_TALENT_MARKET):
        ctx.report("branch_via_talent_market")
        return
    if not ctx.holds(S.BRANCH_UNDER_2_1_5):
        return  # unanswered (waits), or a 二（一）3 unit
    if ctx.holds(S.BRANCH_NOT_LIABLE):
        ctx.report("non_legal_branch")


_barred_if("one_application_a_year", S.APPLIES_TWICE, "two_applications",
           "2.1.6", "专业技术人员不得在同一年度申报评审两个以上专业技术资格",
           "Two applications in one year void every result of that year.")


# --- 二（二）申报材料要求 ------------------------------------------------


@rule({
    "2.2.1": "申报材料上报至评委会后不允许补充材料",
    "5.1": "上传的照片应为近期免冠证件照，并确保清晰",
    "5.2": "按照电子档案模版所列出的项目，逐项扫描录入相关附件材料",
    "5.4": "专家鉴定意见由申报人所在单位人事职改部门组织进行",
}, reports=("no_additions",))
def materials_for_everyone(ctx: Context) -> None:
    """Every applicant files the review form and scans of originals; the unit
    arranges the expert opinion (the self-employed have none: who arranges
    it is part of their condition)."""
    ctx.add("review_form", "e_archive", "original_scans", "continuing_education")
    if not ctx.holds(S.SELF_EMPLOYED):
        ctx.add("expert_opinion")
    ctx.report("no_additions")


@rule({"2.2.2": "专业技术人员应完成本部门、本行业规定的继续教育任务或政府人社部门规定的2017年度公需科目学习任务并提供相关合格证明材料"},
      reports=("continuing_education",))
def continuing_education(ctx: Context) -> None:
    """Continuing education (or the year's 公需科目) must be done and proved."""
    if ctx.holds(S.NO_CONTINUING_EDUCATION):
        ctx.report("continuing_education")


@rule({"2.2.3": "职称外语和计算机应用能力考试不作要求"}, reports=("no_exams",))
def no_language_or_computer_exam(ctx: Context) -> None:
    """No title-language or computer exam is required in this series."""
    ctx.report("no_exams")


@rule({
    "2.2.4.3": "应在申报材料中提供户籍管理部门关于两个身份证号码属于同一人的证明材料",
    "3.3.3": "国境外取得的学历（学位），申报人员应提供国家教育行政主管部门出具的学历认证材料",
})
def personal_evidence(ctx: Context) -> None:
    """Proof for a changed ID number; certification of a degree from abroad."""
    if ctx.detail(S.ID_NUMBER_CHANGED):
        ctx.add("id_number_proof")
    if ctx.detail(S.EDUCATION_ABROAD):
        ctx.add("foreign_degree_certification")


# --- 三、审核推荐要求；五、材料报送 ---------------------------------------


@rule({
    "3.2.1": "对提供虚假材料的个人、单位列入失信档案",
    "3.2.2": "如评审通过的，取消评审结果并按相关规定予以处罚",
}, reports=("honesty",))
def honest_materials(ctx: Context) -> None:
    """False materials go on record and void a passed review."""
    ctx.report("honesty")


@rule({
    "3.1.1": "签署承诺书",
    "3.1.3": "各单位（部门）应对所有申报人员的申报情况、申报材料情况进行公示",
    "3.1.4": "对申报高级专业技术资格的人员，各单位（部门）应在审议前组织面试答辩",
    "5": "同时出具委托评审函件、2017年度评审工艺美术系列专业技术职务资格名册表（需加盖市或厅局职改部门公章）各1份",
    "2.1.4": "应由申报人所属省级职改管理部门出具委托材料，并经自治区职改办审核同意后推荐到广西工艺美术系列高级评审委员会评审",
}, reports=("entrusted_unit_duties",))
def unit_duties(ctx: Context) -> None:
    """What the unit does for every applicant, and the interview and defence
    before deliberation for senior applicants. Entrusted applicants: the
    unit's duties apply as the site reads it (解读说明 #entrusted-duties), but
    not 五's Guangxi channel (单位版汇总, 各市人事职改部门或区直主管部门签章,
    市或厅局职改部门公章, 市职改部门报送): 二（一）4 names theirs (route's
    step). Nor is 五's
    channel listed where the notice names none (1.1.2 applicants not applying
    through a talent market, the self-employed: a condition), and the
    self-employed have no unit to do its duties (their condition says so)."""
    senior = ctx.detail(S.TARGET_SENIOR)
    entrusted = ctx.holds(S.ENTRUSTED)
    ctx.step("prepare")
    if ctx.holds(S.SELF_EMPLOYED):
        ctx.step("review")  # no unit: who reviews and recommends is the self_employed condition
        return
    ctx.add("unit_commitment", "unit_verification", "publicity")
    if senior:
        ctx.add("interview_defence")
    ctx.add("unit_recommendation")
    ctx.step("unit_review", "publicity")
    if senior:
        ctx.step("interview_defence")
    ctx.step("recommendation")
    if entrusted:
        ctx.report("entrusted_unit_duties")
    elif not ctx.detail(S.ROUTE_UNSTATED):
        ctx.add("unit_submission", "entrustment_letter")
        ctx.step("department_review", "submission")
    ctx.step("review")


@rule({
    "7": "高级380元/人·次、中级230元/人·次、初级150元/人·次",
}, reports=("fee_payer", "fee_payer_no_unit", "fee_payer_entrusted"))
def fee(ctx: Context) -> None:
    """The review fee by target level, paid at once on submission; the notice
    does not say by whom (a note while the round is open: after it closed
    there is nothing left to pay into); the self-employed have no unit to
    ask, and the entrusted ask whom their route's step names (二（一）4)."""
    ctx.add("fee")
    ctx.fee_yuan = FEES_YUAN.get(ctx.answer("target_level"))  # a value by level, no branch
    if not _round_closed(ctx):
        whom = ((S.SELF_EMPLOYED, "fee_payer_no_unit"), (S.ENTRUSTED, "fee_payer_entrusted"))
        ctx.report(next((finding for situation, finding in whom if ctx.holds(situation)), "fee_payer"))


def _round_closed(ctx: Context) -> bool:
    """The day of the check is after 六（三）'s last day of receipt."""
    return ctx.today.isoformat() > DEADLINE


@rule({"6.3": "请有关市（厅、局）职改部门务必在2017年8月10日前将申报材料送到广西工艺美术系列职改办"},
      reports=("deadline", "deadline_entrusted", "deadline_route_unstated", "round_closed"))
def deadline(ctx: Context) -> None:
    """The series office receives materials in the period of 六（三）; late
    ones are refused (8月10日前 includes the 10th, see 解读说明); the notice
    has the city offices deliver them, which entrusted applicants do not go
    through, nor those for whom it names no channel. After that day the result says only that the round has closed
    (no advice to submit early); the verdict stays the one under this notice."""
    if _round_closed(ctx):
        ctx.report("round_closed", today=zh_date(ctx.today.isoformat()))
    elif ctx.holds(S.ENTRUSTED):
        ctx.report("deadline_entrusted")
    elif ctx.detail(S.ROUTE_UNSTATED):
        ctx.report("deadline_route_unstated")
    else:
        ctx.report("deadline")
