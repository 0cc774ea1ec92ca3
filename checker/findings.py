"""Every finding a rule can report, declared once: its severity, the clause it
cites, its wording, what to do about it and the reading it relies on.

Rules (``rules.py``) report findings by id and declare which ids they may
report; the wording lives here, apart from the routing, as smart-answers keeps
it. The meaning of each severity is a stated property of the package:

* ``blocker`` — nothing the applicant or the unit can still do under this
  notice changes it. Only the rules in ``rules.BLOCKING`` may report one.
* ``condition`` — the applicant may apply once something is obtained or
  confirmed: an approval not yet given, a requirement the notice hedges with
  原则上/一般, a point it leaves to a document it only cites, or a case on which
  it is silent. Each names what to do; its ``remedy`` puts the step or the
  checklist item for it into the result.
* ``note`` — worth knowing (including why the applicant is in scope); changes
  nothing.

Wording is a ``str.format`` template over ``parameters.FIGURES`` (the notice's
figures from ``parameters.toml``) and the values the rule passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .result import Severity

_ASK = "请向{office}咨询（电话 {phone}）。"


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
    scope: str = ""
    """``"in"``: says why the applicant is in scope (一（一）); shown only when
    nothing bars them and no finding doubts it (``"doubt"``: whether they are
    在职 is open), so that no one is told they are in scope who may not be.
    ``"applying"``: advice to someone who applies (the deadline, the fee, the
    checklist): dropped beside a blocker, whose result lists no steps."""


def _block(id: str, clause: str, text: str, reading: str | None = None) -> FindingDef:
    return FindingDef(id, "blocker", clause, text, (), reading)


def _cond(id: str, clause: str, text: str, *remedy: str, reading: str | None = None, scope: str = "") -> FindingDef:
    return FindingDef(id, "condition", clause, text, remedy or ("ask_series_office",), reading, scope)


def _note(id: str, clause: str, text: str, reading: str | None = None, scope: str = "") -> FindingDef:
    return FindingDef(id, "note", clause, text, (), reading, scope)


def _advice(id: str, clause: str, text: str, reading: str | None = None) -> FindingDef:
    """A note for someone who applies (dropped beside a blocker)."""
    return _note(id, clause, text, reading, scope="applying")


def _scope(id: str, clause: str, text: str, reading: str | None = None) -> FindingDef:
    """A note on why the applicant is in scope (dropped beside a blocker)."""
    return FindingDef(id, "note", clause, text, (), reading, scope="in")


_DEFS = (
    # 一（三）
    _block("civil_servant", "1.3", "公务员不得参加专业技术人才职称评审。"),
    # 一（一）: who is in scope, and why.
    _block("employment_under_a_year", "1.1.1",
           "在广西境内工作的，须与现用人单位建立人事（劳动）关系一年以上（满{employment_months}个月，算到申报时）；"
           "您填的是{months}个月。", reading="one-year"),
    _cond("employment_under_a_year_talent", "1.1.1",
          "您作为高层次急需紧缺人才申请直接评审高级职称，按桂职改〔2016〕3号实施。您与现用人单位建立人事（劳动）关系"
          "{months}个月，不满一（一）1 所说的一年；这是否影响按3号文件直接评审，本通知没有写明，" + _ASK, reading="high-level-talent"),
    _cond("self_employed", "1.1.1",
          "通知的申报对象是在企事业单位和社会团体中从事专业技术工作的人员，申报途径是所在单位或托管档案的人才市场"
          "（一（一）、二（一）1）；对个体工商户和自由职业者能否申报、从哪里申报、由谁审核推荐"
          "（包括五（四）由所在单位人事职改部门组织的专家鉴定意见），通知没有写明。"
          "本工具不判为不能申报，也不替通知指定途径，结果里不列单位要办的事项和报送步骤。" + _ASK, reading="self-employed"),
    _scope("in_scope_employment", "1.1.1",
          "您在广西境内从事专业技术工作，与用人单位建立人事（劳动）关系已满一年，属一（一）1 规定的申报对象。",
          reading="one-year"),
    _scope("hukou_reading", "1.1.2",
          "您在广西境外工作、户口在广西，属一（一）2 规定的申报对象。通知写“户口在广西或人事档案托管在……一年以上”，"
          "本站理解“一年以上”只修饰档案托管；如有疑问" + _ASK, reading="hukou"),
    _scope("in_scope_archive", "1.1.2",
          "您在广西境外工作、人事档案托管在广西各级人才交流服务中心满一年，属一（一）2 规定的申报对象。", reading="one-year"),
    _block("outside_without_tie", "1.1.2",
           "在广西境外工作的，须户口在广西，或人事档案托管在广西各级人才交流服务中心一年以上（满{archive_months}个月）；"
           "您的档案托管{months}个月。外省专业技术人员如由所属省级职改管理部门委托到广西评审（二（一）4），"
           "请在“委托评审”一题选“是”。", reading="hukou"),
    _cond("outside_route", "2.1.1",
          "通知没有写明在广西境外工作的人员通过哪个渠道报送材料（二（一）1 说的是广西各企事业单位的人员，"
          "以及档案托管在广西各级人才市场、通过人才市场申报的人员）。" + _ASK, reading="outside-route"),
    _scope("entrusted_in_scope", "2.1.4", "您按二（一）4 的委托评审方式申报：外省专业技术人员经委托到广西评审。"),
    _cond("entrustment_approval", "2.1.4",
          "须先由您所属省级职改管理部门出具委托材料，并经自治区职改办审核同意，才能推荐到广西工艺美术系列评审委员会评审。",
          "entrustment", "entrustment_materials"),
    _cond("entrusted_level_unstated", "2.1.4",
          "通知只写了外省人员委托到广西评审高级专业技术资格的程序，对委托评审中级、初级资格没有规定。"
          "能否委托评审您申报的级别，请先向所属省级职改管理部门和自治区职改办确认，也可以向{office}咨询（电话 {phone}）。",
          reading="entrusted-level"),
    # 一（一）: retirement.
    _block("retired_before_2017", "1.1",
           "{cutoff_day}以前已办理离退休手续的（包括提前退休），又没有按审批程序办理延长退休年龄手续的，不得申报。",
           reading="early-retirement"),
    _cond("retired_extension_unclear", "1.1",
          "您在{cutoff_day}以前办理了离退休手续，又按审批程序办理了延长退休年龄手续。通知的例外（“除符合相关文件规定并按照"
          "审批程序办理了延长退休年龄手续者以外”）管整句话，所以您不因离退休手续而不得申报；但通知规定申报对象为在职人员，"
          "您现在是否算在职人员，通知没有写明。" + _ASK, reading="early-retirement", scope="doubt"),
    _block("age_before_2017", "1.1",
           "{cutoff_day}以前已达规定退休年龄、又没有按审批程序办理延长退休年龄手续的，即使没有办理退休手续，也不得申报。",
           reading="early-retirement"),
    _note("retirement_extended", "1.1", "您已按审批程序办理延长退休年龄手续，退休年龄不妨碍申报。"),
    _scope("retiring_in_2017", "1.1.3",
          "{year_start}至{year_end}期间达到退休年龄的专业技术人员，今年仍可申报（一（一）3）。", reading="retiring-this-year"),
    _cond("retired_early", "1.1",
          "您在{cutoff_day}以后办理了离退休手续，又不属于{retirement_year}期间达到退休年龄的情形（一（一）3）。"
          "通知规定申报对象为在职人员，对这种情形没有写明。" + _ASK, reading="early-retirement", scope="doubt"),
    # 一（二）: no title, exceptional, high-level talent.
    _cond("no_title_conditions", "1.2.1",
          "无职称申报须符合桂职办〔2014〕64号规定的条件和范围，并在申报前经{office}审批同意；"
          "本工具不判断64号文件的条件，由职改办审批时审核。", "preapproval"),
    _cond("not_preapproved", "1.2.3",
          "无职称申报或破格申报应在申报前经{office}审批同意。请先办理审批，取得同意后再申报。", "preapproval",
          reading="preapproval"),
    _note("preapproved", "1.2.3", "您已取得{office}同意无职称申报或破格申报的审批，请把审批材料放进申报材料。"),
    _note("state_organ_limit", "1.2.1",
          "国家机关分流或交流到企事业单位的人员，无职称申报限于副高级（含）以下专业技术资格。", reading="state-organ"),
    _cond("junior_first_title", "1.2.1",
          "您没有职称、申报初级资格。通知没有写明首次申报初级是否属于无职称申报（须符合桂职办〔2014〕64号并事先审批）。"
          + _ASK, reading="junior-no-title"),
    _cond("high_level_talent", "1.2.1",
          "高层次急需紧缺人才直接评审高级职称按桂职改〔2016〕3号实施，不按本通知的无职称、破格申报程序。"
          "本工具不判断该文件的条件。" + _ASK, reading="high-level-talent"),
    _cond("level_jump", "1.2.2",
          "从现有职称跨一级以上申报属于越级申报。通知只说明破格申报不等同于越级申报，越级申报的条件以评审条件文件为准。"
          + _ASK, reading="level-jump"),
    _cond("level_already_held", "1.2.2",
          "您已持有同级或更高级别的专业技术资格，通知没有涉及这种情形。" + _ASK, reading="level-jump"),
    _cond("exceptional_conditions", "1.2.2",
          "破格申报须符合本系列破格条件要求（破学历、资历），并在申报前经{office}审批同意：持破格证明材料原件及复印件报审，"
          "取得同意破格的批文后放进申报材料。本工具不判断破格条件。", "preapproval", reading="exceptional-approver"),
    # 四（二）
    _cond("conditions_not_met", "4.2",
          "不具备规定的学历、资历条件的人员，一般不得申报推荐评审专业技术资格。通知写明的例外是破格申报"
          "（须达到破格条件，并在申报前经{office}审批同意）。不按破格申报的，" + _ASK, reading="hedged"),
    _cond("check_conditions_junior", "4.2",
          "四（二）只写了高、中级资格的评审条件（桂职办〔2005〕104号、〔2012〕118号）；初级资格的学历、资历条件依据哪个文件，"
          "通知没有写明。您是否具备初级的条件，" + _ASK, reading="junior-conditions"),
    _cond("check_conditions", "4.2",
          "请对照桂职办〔2005〕104号（非公有制经济组织和社会组织人员另见桂职办〔2012〕118号）确认您具备规定的学历、资历条件；"
          "不具备的一般不得申报。拿不准的，" + _ASK),
    # 二（一）3, 5 and the unit's type
    _cond("no_hq_opinion", "2.1.3",
          "选择通过广西工艺美术系列职称评委会申报的，须由中直单位组织人事部门或外省驻桂企业总公司人力资源管理部门"
          "就申报渠道出具书面意见，并报{office}备案，方可申报。请先取得书面意见并备案。", "hq_opinion"),
    _note("branch_via_talent_market", "2.1.5",
          "您通过托管档案的人才市场申报（二（一）1），没有选择分支机构作为申报单位，二（一）5 的限制不适用于这种情形。",
          reading="branch-talent-market"),
    _note("single_channel", "2.1.3", "须按本单位（系统）统一的申报渠道申报，不得同时保留两种以上申报渠道、多头申报。"),
    _note("branch_by_2_1_3", "2.1.3",
          "中直驻桂单位和外省驻桂企业的分支机构（分公司、办事处等）按二（一）3 凭书面意见申报，"
          "二（一）5 关于非独立法人分支机构的限制不适用于这种情形。", reading="branch"),
    _block("non_legal_branch", "2.1.5",
           "不具有独立法人地位的分支机构不能作为申报单位（银行、保险公司等法律法规明确规定可独立承担民事责任的分支机构除外）。"
           "二（一）3 的中直驻桂单位和外省驻桂企业的分支机构，以及通过托管档案的人才市场申报的人员，不受这一限制；"
           "按您的回答，您不属于这些情形。能否改以其他具有独立法人地位的单位申报，通知没有写明，" + _ASK, reading="branch"),
    _cond("social_security_short", "2.2.4.1",
          "非公有制经济组织和社会组织人员原则上应提供申报前连续{social_months}个月以上（不含申报当月）的个人社保缴费证明，"
          "您填的是{months}个月。能否申报，" + _ASK, reading="hedged"),
    _note("social_org_education", "3.3.2",
          "三（三）只分国有企事业单位和非公有制申报人员两类。本站把社会组织人员按非公有制申报人员对待"
          "（二（二）4（1）和桂职办〔2012〕118号都把两者并列），学历由评委会统一认证。如有疑问" + _ASK,
          reading="social-org-education"),
    _cond("collective_unit", "2.1.2",
          "二（二）4（1）只写了非公经济组织和社会组织人员的社保缴费证明和营业执照，三（三）只写了国有企事业单位和非公有制"
          "申报人员的学历证书确认方式；集体所有制单位的人员按哪一类提供材料（要不要社保缴费证明和营业执照、学历证书由档案"
          "管理部门确认还是由评委会认证），通知没有写明。" + _ASK, reading="collective-unit"),
    # 二（一）6
    _block("two_applications", "2.1.6",
           "同一年度不得申报评审两个以上专业技术资格；同一年度申报的，该年度所有评审结果无效。"),
    # 二（二）
    _advice("no_additions", "2.2.1", "申报材料上报至评委会后不允许补充材料，请一次备齐。"),
    _cond("continuing_education", "2.2.2",
          "须完成本部门、本行业规定的继续教育任务或{year}年度公需科目学习任务，并提供合格证明材料。", "continuing_education"),
    _advice("entrusted_unit_duties", "2.1.4",
          "二（一）4 只写了委托评审的途径：由所属省级职改管理部门出具委托材料，经自治区职改办审核同意后推荐评审。"
          "单位审核、公示、推荐（高级须面试答辩）、学历确认和按单位类型提供的材料，本站理解为照常适用，列在清单里；"
          "另一种理解是这些由所属省的程序决定。请向所属省级职改管理部门和自治区职改办确认。", reading="entrusted-duties"),
    _note("no_exams", "2.2.3", "申报本系列不要求职称外语和计算机应用能力考试。"),
    # 三（二）
    _note("honesty", "3.2.2",
          "职改部门发现涉嫌虚假材料的，会要求申报人提供证明；不能证明的按规定处罚，评审已通过的取消评审结果，并列入失信档案。"),
    # 七
    _advice("fee_payer", "7", "通知只写“报送材料时请一次付清”，没有写明由谁缴纳评审费，请向所在单位确认。", reading="fee-payer"),
    _advice("fee_payer_no_unit", "7", "通知只写“报送材料时请一次付清”，没有写明由谁缴纳评审费；您没有所在单位，请向{office}确认。",
            reading="fee-payer"),
    # 六（三）
    _advice("deadline", "6.3",
          "材料由市（厅、局）职改部门在{period_submission_deadline}送到{office}，逾期不再受理。单位和各市职改部门在{period_unit_stage}"
          "收集、审核材料，请按单位的安排及早提交。", reading="deadline"),
    _advice("deadline_entrusted", "6.3",
          "{office}接收材料的时间是{period_submission_deadline}，逾期不再受理。通知写的是由市（厅、局）职改部门报送；"
          "委托评审的材料怎样送达，通知没有写明，请向所属省级职改管理部门和自治区职改办确认，及早办理。",
          reading="entrusted-duties"),
    _advice("deadline_route_unstated", "6.3",
          "{office}接收材料的时间是{period_submission_deadline}，逾期不再受理。通知写的是由市（厅、局）职改部门报送；"
          "您的材料从哪里报送，通知没有写明（见上），请向{office}确认，及早办理。"),
    _note("round_closed", "6.3",
          "本通知的材料接收已于{deadline}截止（今天是{today}）。以上结论是按{year}年度通知得出的；"
          "申报其他年度的，请以当年度的通知为准。"),
)

FINDINGS: dict[str, FindingDef] = {d.id: d for d in _DEFS}
