"""The rules of the notice, each next to the sentence that justifies it.

A rule reads answers through :meth:`Context.need` (which records an unanswered
question that its outcome depends on) and reports what it finds:

* ``block`` — the notice says the applicant may not apply;
* ``condition`` — the applicant may apply once something is done or confirmed;
* ``note`` — worth knowing, changes nothing;
* ``items`` / ``steps`` — checklist items and route steps from ``catalog``.

``cites`` maps every clause a rule relies on to the words of the notice it
quotes; a test checks each quote against the notice text, and that every
finding cites one of its rule's clauses. Where the notice leaves a point open
the rule follows the reading stated on the site's 解读说明 page and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .catalog import FEES_YUAN
from .result import Finding, Severity

RETIREMENT_CUTOFF = "2017-01-01"  # 2016年12月31日以前 … 不得申报
YEAR_END = "2017-12-31"
LEVEL_ORDER = {"none": 0, "junior": 1, "intermediate": 2, "senior": 3}


@dataclass
class Context:
    """What the rules read and write during one evaluation."""

    answers: dict[str, Any]
    applicable: frozenset[str]
    """Questions that apply now; only these can be missing."""
    needed: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)

    def need(self, key: str) -> Any:
        """The answer to ``key``; if unanswered (and asked), remember that it
        matters. A question that does not apply yet waits for the answer that
        opens it, which another rule needs."""
        value = self.answers.get(key)
        if value is None and key in self.applicable and key not in self.needed:
            self.needed.append(key)
        return value

    def get(self, key: str) -> Any:
        """An answer that only adds detail: unanswered does not block a verdict."""
        return self.answers.get(key)

    def _find(self, severity: Severity, id: str, clause: str, message: str) -> None:
        self.findings.append(Finding(id, severity, message, clause))

    def block(self, id: str, clause: str, message: str) -> None:
        self._find("blocker", id, clause, message)

    def condition(self, id: str, clause: str, message: str) -> None:
        self._find("condition", id, clause, message)

    def note(self, id: str, clause: str, message: str) -> None:
        self._find("note", id, clause, message)

    def add(self, *item_ids: str) -> None:
        self.items.extend(i for i in item_ids if i not in self.items)

    def step(self, *step_ids: str) -> None:
        self.steps.extend(s for s in step_ids if s not in self.steps)


@dataclass(frozen=True)
class Rule:
    name: str
    cites: dict[str, str]
    apply: Callable[[Context], None]

    @property
    def doc(self) -> str:
        return (self.apply.__doc__ or "").strip()


RULES: list[Rule] = []


def rule(cites: dict[str, str]) -> Callable[[Callable[[Context], None]], Callable[[Context], None]]:
    """Register a rule with the clauses it relies on and the words it quotes."""

    def register(fn: Callable[[Context], None]) -> Callable[[Context], None]:
        RULES.append(Rule(fn.__name__, cites, fn))
        return fn

    return register


# --- 一、申报范围和对象 ---------------------------------------------------


@rule({"1.3": "公务员不得参加专业技术人才职称评审"})
def civil_servants_excluded(ctx: Context) -> None:
    """Civil servants may not take part in title reviews."""
    if ctx.need("civil_servant"):
        ctx.block("civil_servant", "1.3", "公务员不得参加专业技术人才职称评审。")


@rule({
    "1.1.1": "与用人单位已建立一年以上人事（劳动）关系",
    "1.1.2": "但其户口在广西或人事档案托管在广西各级人才交流服务中心一年以上的",
    "2.1.4": "外省专业技术人员按规定条件通过委托评审方式到广西评审高级专业技术资格的",
})
def who_is_in_scope(ctx: Context) -> None:
    """Working in Guangxi: a year with the employer (一年以上 includes 12 months).
    Working elsewhere: hukou in Guangxi, or the archive held a year or more by a
    Guangxi talent exchange centre; or entrusted review from another province.
    Reading (解读说明): 一年以上 in 1.1.2 binds the archive, not the hukou."""
    location = ctx.need("work_location")
    if location == "guangxi":
        months = ctx.need("employment_months")
        if months is not None and months < 12:
            ctx.block("employment_under_a_year", "1.1.1",
                      f"与现用人单位建立人事（劳动）关系须满一年（12个月）以上，您填的是{months}个月。")
        return
    if location != "outside_guangxi":
        return
    if ctx.need("entrusted_from_other_province"):
        ctx.add("entrustment_materials")
        ctx.step("entrustment")
        level = ctx.need("target_level")
        if level is not None and level != "senior":
            ctx.block("entrusted_not_senior", "2.1.4", "外省人员委托到广西评审的，只限高级专业技术资格。")
        ctx.condition("entrustment_approval", "2.1.4",
                      "须由您所属省级职改管理部门出具委托材料，并经自治区职改办审核同意后，才能推荐到广西工艺美术系列高级评审委员会评审。")
        return
    if ctx.answers.get("entrusted_from_other_province") is None:
        return
    if ctx.need("hukou_in_guangxi"):
        ctx.note("hukou_reading", "1.1.2",
                 "通知写“户口在广西或人事档案托管在……一年以上”。本站理解“一年以上”只修饰档案托管，户口在广西即可申报；如有疑问请向广西工艺美术系列职改办确认。")
    elif ctx.answers.get("hukou_in_guangxi") is False:
        months = ctx.need("archive_months")
        if months is not None and months < 12:
            ctx.block("outside_without_tie", "1.1.2",
                      f"在广西境外工作的，须户口在广西，或人事档案托管在广西各级人才交流服务中心一年以上（12个月）；您的档案托管{months}个月。")
    if ctx.answers.get("hukou_in_guangxi") is not None:
        ctx.note("outside_route", "2.1.1",
                 "通知没有写明在广西境外工作的人员通过哪个渠道报送材料（二（一）1 说的是广西各企事业单位的人员），请向广西工艺美术系列职改办确认。")


@rule({
    "1.1.3": "2017年1月1日至12月31日期间达到退休年龄的专业技术人员，今年仍可申报相应的专业技术资格",
    "1.1": "2016年12月31日以前已办理离退休手续或已达规定退休年龄的专业技术人员不得申报",
})
def retirement(ctx: Context) -> None:
    """Reaching retirement age in 2017 does not stop an application; having
    retired or reached the age by 2016-12-31 does, unless the retirement age
    was extended by the approval procedure."""
    if not ctx.need("retired"):
        return
    date = ctx.need("retirement_date")
    if date is None:
        return
    if date < RETIREMENT_CUTOFF:
        extended = ctx.need("retirement_extension_approved")
        if extended is False:
            ctx.block("retired_before_2017", "1.1",
                      "2016年12月31日以前已办理离退休手续或已达规定退休年龄的，不得申报（按审批程序办理了延长退休年龄手续的除外）。")
        elif extended:
            ctx.note("retirement_extended", "1.1", "您已按审批程序办理延长退休年龄手续，可以申报。")
    elif date <= YEAR_END:
        ctx.note("retiring_in_2017", "1.1.3", "2017年内达到退休年龄的，今年仍可申报相应的专业技术资格。")
    else:
        ctx.condition("retired_early", "1.1",
                      "您尚未达到法定退休年龄但已办理离退休手续：如果是在2016年12月31日以前办理的，不得申报。请向广西工艺美术系列职改办确认。")


@rule({
    "1.2.1": "无职称申报应符合《关于规范无职称申报评审管理有关问题的通知》（桂职办〔2014〕64号）规定的条件和范围",
    "1.2.3": "无职称申报或破格申报均应在申报前经广西工艺美术系列职改办审批同意",
})
def no_title_application(ctx: Context) -> None:
    """Applying without any title (无职称申报) follows 桂职办〔2014〕64号, which
    the checker does not judge, and needs the series office's approval first.
    Transferees from state organs are limited to 副高级 and below."""
    current = ctx.need("current_title")
    if current != "none":
        return
    ctx.condition("no_title_conditions", "1.2.1",
                  "无职称申报须符合桂职办〔2014〕64号规定的条件和范围。本工具不判断该文件的条件，请对照原文件或向职改办咨询。")
    if ctx.get("from_state_organ"):
        ctx.note("state_organ_limit", "1.2.1",
                 "国家机关分流或交流到企事业单位的人员，无职称申报限于副高级（含）以下专业技术资格。")
    _require_preapproval(ctx, "无职称申报")


def _require_preapproval(ctx: Context, kind: str) -> None:
    ctx.add("preapproval_document")
    ctx.step("preapproval")
    approved = ctx.need("preapproved")
    if approved is False:
        ctx.block("not_preapproved", "1.2.3",
                  f"{kind}应在申报前经广西工艺美术系列职改办审批同意；未经同意不能申报。取得同意后再申报。")


@rule({"1.2.2": "破格申报为破学历资历，不等同于无职称申报或越级申报"})
def level_jump(ctx: Context) -> None:
    """Applying for a level more than one above the current title is 越级申报,
    which the notice only distinguishes from 破格; its conditions are in the
    review conditions. Applying for a level already held is not covered."""
    current, target = ctx.get("current_title"), ctx.get("target_level")
    if current in (None, "none") or target is None:
        return
    gap = LEVEL_ORDER[target] - LEVEL_ORDER[current]
    if gap >= 2:
        ctx.note("level_jump", "1.2.2",
                 "从现有职称跨一级以上申报属于越级申报。通知只说明破格申报不等同于越级申报，越级申报的条件以评审条件文件为准，请向职改办确认。")
    elif gap <= 0:
        ctx.note("level_already_held", "1.2.2",
                 "您已持有同级或更高级别的专业技术资格，通知没有涉及这种情形，请向广西工艺美术系列职改办咨询。")


@rule({"1.2.1": "高层次急需紧缺人才直接评审高级职称按照《关于引进高层次急需紧缺人才直接评审高级专业技术资格有关问题的通知（试行）》（桂职改〔2016〕3号）实施"})
def high_level_talent(ctx: Context) -> None:
    """Direct senior review of high-level talent follows 桂职改〔2016〕3号."""
    if ctx.need("target_level") != "senior":
        return
    if ctx.need("high_level_talent"):
        ctx.condition("high_level_talent", "1.2.1",
                      "高层次急需紧缺人才直接评审高级职称按桂职改〔2016〕3号实施。本工具不判断该文件的条件，请向职改办确认。")


# --- 四、申报条件和政策 ----------------------------------------------------


@rule({
    "4.2": "桂职办〔2005〕104号",
    "4": "不具备规定的学历、资历条件的人员，一般不得申报推荐评审专业技术资格",
    "1.2.2": "破格申报应符合所申报系列破格条件要求",
    "1.2.3": "无职称申报或破格申报均应在申报前经广西工艺美术系列职改办审批同意",
    "2.2.4.2": "破格申报的，申报人应提供本系列评委会同意破格申报材料及达到破格条件的证明材料",
    "5.3": "破格申报人员，请在单位推荐意见中予以说明",
})
def education_and_seniority(ctx: Context) -> None:
    """Education and seniority conditions are those of 桂职办〔2005〕104号 (and
    〔2012〕118号); the applicant says whether they meet them. Without them, only
    an exceptional (破格) application is possible: it must meet the series'
    exceptional conditions, be approved in advance, show the originals to the
    series office, and be explained in the unit's recommendation."""
    if ctx.get("high_level_talent"):
        return
    meets = ctx.need("meets_conditions")
    if meets in (None, "yes"):
        return
    exceptional = ctx.need("exceptional")
    if exceptional:
        _exceptional_route(ctx)
    elif meets == "no" and exceptional is False:
        ctx.block("conditions_not_met", "4",
                  "不具备规定的学历、资历条件的人员，一般不得申报推荐评审专业技术资格（破格申报除外）。")
    elif meets == "unsure" and exceptional is False:
        ctx.condition("check_conditions", "4.2",
                      "请对照桂职办〔2005〕104号（非公有制经济组织和社会组织人员另见桂职办〔2012〕118号）确认您具备规定的学历、资历条件；不具备的一般不得申报。")


def _exceptional_route(ctx: Context) -> None:
    """破格: the evidence, the originals and the unit's statement (二（二）4（2）, 四, 五（三）)."""
    ctx.condition("exceptional_conditions", "1.2.2",
                  "破格申报须符合本系列破格条件要求（破学历、资历），并提交达到破格条件的证明材料。本工具不判断破格条件。")
    ctx.add("exceptional_evidence", "exceptional_originals", "exceptional_unit_statement")
    ctx.step("exceptional_review")
    _require_preapproval(ctx, "破格申报")


# --- 二（一）申报途径 ----------------------------------------------------


@rule({
    "2.1.1": "已在广西各级人才市场办理档案托管的，可经所在单位同意并填写基层单位考核推荐意见后，通过各级人才市场申报",
    "3.1.2": "如申报人办理档案托管的，申报人所在单位与档案管理部门应根据各自所掌握申报材料的情况，分别对上述材料的真实性进行审核把关",
})
def route(ctx: Context) -> None:
    """Apply through the unit; with the archive at a talent market, through it
    with the unit's consent and assessment."""
    if ctx.get("entrusted_from_other_province"):
        return
    if ctx.get("via_talent_market"):
        ctx.add("talent_market_consent")
        ctx.step("apply_via_talent_market")
    else:
        ctx.step("apply_via_unit")
    if (ctx.get("archive_months") or 0) > 0:
        ctx.add("archive_verification")


@rule({
    "2.1.3": "方可申报",
    "2.2.4.1": "原则上应提供申报前连续6个月以上（不含申报当月）个人社保缴费证明",
    "3.3.1": "国有企事业单位申报人员提交的学历证书由其档案管理部门出具意见予以确认并加盖档案专用章",
    "3.3.2": "非公有制申报人员提交的学历证书由各级评委会在评审前通过学信网验证等有效方式统一对申报学历材料进行第三方学历认证",
    "3.3": "对学历证书的审核要求",
    "2.1.2": "申报人身份性质应根据其申报时人事（劳动）关系所在工作单位确定",
})
def unit_type(ctx: Context) -> None:
    """What the kind of unit requires: a written opinion on the channel for
    central and out-of-province units; social insurance and licence for
    non-public units and social organisations; who verifies the diploma."""
    if ctx.get("entrusted_from_other_province"):
        return
    kind = ctx.need("unit_type")
    if kind in ("central_unit", "out_of_province_branch"):
        ctx.add("hq_opinion", "education_check_unclear")
        ctx.step("hq_opinion")
        if ctx.need("hq_written_opinion") is False:
            ctx.block("no_hq_opinion", "2.1.3",
                      "选择通过广西工艺美术系列职称评委会申报的，须由中直单位组织人事部门或外省驻桂企业总公司人力资源管理部门就申报渠道出具书面意见，并报系列职改办备案，方可申报。")
        ctx.note("single_channel", "2.1.3", "须按本单位（系统）统一的申报渠道申报，不得同时保留两种以上申报渠道、多头申报。")
    elif kind in ("non_public", "social_org"):
        ctx.add("social_security_proof", "unit_licence", "education_check_non_public")
        months = ctx.need("social_security_months")
        if months is not None and months < 6:
            ctx.condition("social_security_short", "2.2.4.1",
                          f"非公有制经济组织和社会组织人员原则上应提供申报前连续6个月以上（不含申报当月）的个人社保缴费证明，您填的是{months}个月。请向职改办确认能否申报。")
    elif kind == "state_owned":
        ctx.add("education_check_state")


@rule({"2.1.5": "申报人不得选择不具有独立法人地位的分支机构作为申报单位参评"})
def branch_units(ctx: Context) -> None:
    """A branch without legal-person status cannot be the applying unit, except
    a bank, insurer or other branch the law lets bear civil liability."""
    if ctx.get("unit_type") is None:
        return
    if ctx.need("unit_non_legal_branch") and ctx.need("unit_financial_branch") is False:
        ctx.block("non_legal_branch", "2.1.5",
                  "不具有独立法人地位的分支机构不能作为申报单位（银行、保险公司等法律法规明确规定可独立承担民事责任的分支机构除外）。")


@rule({"2.1.6": "专业技术人员不得在同一年度申报评审两个以上专业技术资格"})
def one_application_a_year(ctx: Context) -> None:
    """Two applications in one year void every result of that year."""
    if ctx.need("other_application_this_year"):
        ctx.block("two_applications", "2.1.6",
                  "同一年度不得申报评审两个以上专业技术资格；同一年度申报的，该年度所有评审结果无效。")


# --- 二（二）申报材料要求 ------------------------------------------------


@rule({
    "2.2.1": "所有申报证明材料原则上应提供原件扫描件",
    "5.1": "上传的照片应为近期免冠证件照，并确保清晰",
    "5.2": "按照电子档案模版所列出的项目，逐项扫描录入相关附件材料",
    "5.4": "专家鉴定意见由申报人所在单位人事职改部门组织进行",
})
def materials_for_everyone(ctx: Context) -> None:
    """Every applicant files the review form and scans of originals; the unit
    arranges the expert opinion."""
    ctx.add("review_form", "e_archive", "original_scans", "continuing_education", "expert_opinion")
    ctx.note("no_additions", "2.2.1", "申报材料上报至评委会后不允许补充材料，请一次备齐。")


@rule({"2.2.2": "专业技术人员应完成本部门、本行业规定的继续教育任务或政府人社部门规定的2017年度公需科目学习任务并提供相关合格证明材料"})
def continuing_education(ctx: Context) -> None:
    """Continuing education (or the 2017 公需科目) must be done and proved."""
    if ctx.need("continuing_education_done") is False:
        ctx.condition("continuing_education", "2.2.2",
                      "须完成本部门、本行业规定的继续教育任务或2017年度公需科目学习任务，并提供合格证明材料。")


@rule({"2.2.3": "职称外语和计算机应用能力考试不作要求"})
def no_language_or_computer_exam(ctx: Context) -> None:
    """No title-language or computer exam is required in this series."""
    ctx.note("no_exams", "2.2.3", "申报本系列不要求职称外语和计算机应用能力考试。")


@rule({
    "2.2.4.3": "应在申报材料中提供户籍管理部门关于两个身份证号码属于同一人的证明材料",
    "3.3.3": "国境外取得的学历（学位），申报人员应提供国家教育行政主管部门出具的学历认证材料",
})
def personal_evidence(ctx: Context) -> None:
    """Proof for a changed ID number; certification of a degree from abroad."""
    if ctx.get("id_number_changed"):
        ctx.add("id_number_proof")
    if ctx.get("education_abroad"):
        ctx.add("foreign_degree_certification")


# --- 三、审核推荐要求；五、材料报送 ---------------------------------------


@rule({
    "3.2.1": "对提供虚假材料的个人、单位列入失信档案",
    "3.2.2": "如评审通过的，取消评审结果并按相关规定予以处罚",
})
def honest_materials(ctx: Context) -> None:
    """False materials go on record and void a passed review."""
    ctx.note("honesty", "3.2.2",
             "职改部门发现涉嫌虚假材料的，会要求申报人提供证明；不能证明的按规定处罚，评审已通过的取消评审结果，并列入失信档案。")


@rule({
    "3.1.1": "签署承诺书",
    "3.1.3": "各单位（部门）应对所有申报人员的申报情况、申报材料情况进行公示",
    "3.1.4": "对申报高级专业技术资格的人员，各单位（部门）应在审议前组织面试答辩",
    "5": "同时出具委托评审函件、2017年度评审工艺美术系列专业技术职务资格名册表（需加盖市或厅局职改部门公章）各1份",
})
def unit_duties(ctx: Context) -> None:
    """What the unit does for every applicant, and the interview and defence
    before deliberation for senior applicants."""
    senior = ctx.get("target_level") == "senior"
    entrusted = bool(ctx.get("entrusted_from_other_province"))
    ctx.step("prepare")
    if not entrusted:
        ctx.add("unit_commitment", "unit_verification", "publicity")
        if senior:
            ctx.add("interview_defence")
        ctx.add("unit_recommendation", "unit_submission", "entrustment_letter")
        ctx.step("unit_review", "publicity")
        if senior:
            ctx.step("interview_defence")
        ctx.step("recommendation", "department_review")
    ctx.step("submission", "review")


@rule({"7": "高级380元/人·次、中级230元/人·次、初级150元/人·次"})
def fee(ctx: Context) -> None:
    """Fees under 桂价费字〔2006〕115号, paid at once on submission."""
    ctx.add("fee")


def fee_for(level: str | None) -> int | None:
    """The review fee in yuan for a target level (七)."""
    return FEES_YUAN.get(level) if level else None


@rule({"6.3": "请有关市（厅、局）职改部门务必在2017年8月10日前将申报材料送到广西工艺美术系列职改办"})
def deadline(ctx: Context) -> None:
    """The series office receives materials 1–10 August 2017; late ones are
    refused. Reading (解读说明): 8月10日前 includes 10 August."""
    ctx.note("deadline", "6.3",
             "材料由市（厅、局）职改部门在2017年8月1-10日送到广西工艺美术系列职改办，逾期不再受理。单位和各市职改部门在6-7月收集、审核材料，请按单位的安排及早提交。")
