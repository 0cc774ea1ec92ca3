"""Wording of everything a result can list: checklist items, route steps and
dates, each with the clause it comes from and the situations it applies to.

Rules (``rules.py``) only pick items by id; the page's static fallback lists
every item here with its ``applies`` text, so nothing is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from .parameters import CONTACT, FEE_BASIS, FIGURES, NOTICE, PERIOD, PERIODS, YEAR
from .result import ChecklistItem, DateItem, Step, Who


@dataclass(frozen=True)
class ItemDef:
    id: str
    title: str
    detail: str
    clause: str
    who: Who
    applies: str
    """Who needs it, in words, for the generic checklist."""

    def item(self) -> ChecklistItem:
        return ChecklistItem(self.id, self.title, self.detail, self.clause, self.who)


@dataclass(frozen=True)
class StepDef:
    id: str
    title: str
    clause: str
    applies: str

    def step(self) -> Step:
        return Step(self.id, self.title, self.clause)


ALL = "所有申报人"
NOT_ENTRUSTED = ("通过所在单位或人才市场申报的人员（外省委托评审的途径见二（一）4；在广西境外工作、不通过人才市场申报的，"
                 "以及个体工商户、自由职业者，通知没有写明报送渠道）")
WITH_UNIT = "有所在单位的申报人（个体工商户、自由职业者由谁办理，通知没有写明）"
OFFICE = NOTICE["office"]


_ITEMS = (
    # What the applicant prepares.
    ItemDef("review_form", "填写《专业技术资格评审表》",
            "在《广西壮族自治区职称信息化申报系统个人版》（工艺美术系列）中逐项填写，上传近期免冠证件照，确保清晰。",
            "5.1", "applicant", ALL),
    ItemDef("e_archive", "按电子档案模版扫描录入附件材料",
            "按电子档案模版所列项目逐项扫描录入，扫描件必须清晰可阅读。",
            "5.2", "applicant", ALL),
    ItemDef("original_scans", "证明材料原则上提供原件扫描件，按系统规定模块上传",
            "漏报、错报或未放指定位置的后果由申报人承担；材料报送评委会后不允许补充。",
            "2.2.1", "applicant", ALL),
    ItemDef("continuing_education", "继续教育合格证明",
            f"本部门、本行业规定的继续教育任务，或政府人社部门规定的{YEAR}年度公需科目学习任务的合格证明材料。",
            "2.2.2", "applicant", ALL),
    ItemDef("social_security_proof", "连续6个月以上个人社保缴费证明",
            "申报前连续6个月以上（不含申报当月）的个人社保缴费证明。",
            "2.2.4.1", "applicant", "非公有制经济组织和社会组织人员"),
    ItemDef("unit_licence", "单位法人营业执照复印件或工商查档证明",
            "法人营业执照复印件，或工商部门出具的单位查档证明材料，用以证明单位性质。",
            "2.2.4.1", "applicant", "非公有制经济组织和社会组织人员"),
    ItemDef("preapproval_document", "广西工艺美术系列职改办同意无职称申报或破格申报的审批材料",
            "无职称申报或破格申报均应在申报前经广西工艺美术系列职改办审批同意。",
            "1.2.3", "applicant", "无职称申报或破格申报的人员"),
    ItemDef("exceptional_evidence", "达到破格条件的证明材料",
            f"与{OFFICE}同意破格申报的批文一起，扫描录入电子档案模版规定的相应位置，作为申报依据。",
            "2.2.4.2", "applicant", "破格申报的人员"),
    ItemDef("exceptional_originals", "破格证明材料原件及复印件（申报前报职改办审批时提交）",
            f"本人提出破格晋升申请，所在单位审核同意后，持原件及复印件报{OFFICE}审批同意；"
            "本站理解这就是申报前的那一次破格审批（见解读说明）。",
            "4.2", "applicant", "尚未取得破格审批的破格申报人员"),
    ItemDef("id_number_proof", "户籍管理部门出具的两个身份证号码属于同一人的证明",
            "身份证号码非正常升位（变动），且有材料关联不同号码（如学历、专业技术资格证书）的，须提供。",
            "2.2.4.3", "applicant", "身份证号码有过非正常变动的人员"),
    ItemDef("foreign_degree_certification", "国家教育行政主管部门出具的国境外学历（学位）认证材料",
            "在国境外取得的学历（学位）须提供。",
            "3.3.3", "applicant", "国境外取得学历（学位）的人员"),
    ItemDef("talent_market_consent", "所在单位同意并填写基层单位考核推荐意见",
            "通过人才市场申报的，须经所在单位同意并填写基层单位考核推荐意见。",
            "2.1.1", "unit", "通过人才市场申报的档案托管人员"),
    ItemDef("hq_opinion", "申报渠道的书面意见（报系列职改办备案）",
            "中直单位组织人事部门或外省驻桂企业的总公司（总部、集团公司）人力资源管理部门出具，报广西工艺美术系列职改办备案。",
            "2.1.3", "unit", "中直驻桂单位和外省驻桂企业分支机构的人员"),
    ItemDef("entrustment_materials", "所属省级职改管理部门出具的委托材料",
            "经自治区职改办审核同意后，作为推荐到广西工艺美术系列评审委员会评审的依据。",
            "2.1.4", "authority", "外省委托评审的人员"),
    # What the unit (and the archive office) does.
    ItemDef("unit_commitment", "单位明确审查责任人并签署承诺书",
            "所在单位（部门）人事职改部门按相关文件开展申报审核工作。",
            "3.1.1", "unit", WITH_UNIT),
    ItemDef("unit_verification", "单位审核学历、资历、经历、业绩、论文著作、免试证明等材料的真实性",
            "确保材料真实。",
            "3.1.2", "unit", WITH_UNIT),
    ItemDef("archive_verification", "档案管理部门另行审核所掌握材料的真实性",
            "办理了档案托管的，所在单位与档案管理部门根据各自掌握的材料分别审核。",
            "3.1.2", "archive", "人事档案托管的人员"),
    ItemDef("publicity", "单位公示申报情况和申报材料",
            "公示完成后申报情况或材料有变更的，须补充公示。",
            "3.1.3", "unit", WITH_UNIT),
    ItemDef("interview_defence", "单位在审议前组织面试答辩",
            "在审议答辩的基础上确定推荐意见。",
            "3.1.4", "unit", "申报高级资格的人员"),
    ItemDef("unit_recommendation", "单位审议推荐并出具推荐意见",
            "按评审程序审查、组织审议推荐。",
            "3.1.4", "unit", WITH_UNIT),
    ItemDef("exceptional_unit_statement", "在单位推荐意见中说明破格申报情况",
            f"并将{OFFICE}同意破格的批文及达到破格条件的证明材料扫描录入相关附件材料。",
            "5.3", "unit", "破格申报的人员"),
    ItemDef("expert_opinion", "专家鉴定意见",
            "由所在单位人事职改部门组织；纸质材料须加盖专家所在单位公章，扫描后放在“论文著作”电子档案模版。",
            "5.4", "unit", WITH_UNIT),
    ItemDef("education_check_state", "学历证书由档案管理部门出具意见确认并加盖档案专用章",
            "由您的档案管理部门出具意见（档案托管在人才交流服务中心的，即该中心）。",
            "3.3.1", "archive", "国有企事业单位人员"),
    ItemDef("education_check_non_public", "学历证书由各级评委会统一进行第三方学历认证",
            "各级评委会在评审前通过学信网验证等有效方式，统一对申报学历材料进行认证。",
            "3.3.2", "authority", "非公有制经济组织和社会组织人员"),
    ItemDef("unit_submission", "单位用职称信息系统单位版审核汇总，上报各市人事职改部门或区直主管部门审核签章",
            "再由市（厅、局）职改部门汇总报送广西工艺美术系列职改办。",
            "5", "unit", NOT_ENTRUSTED),
    ItemDef("entrustment_letter", "委托评审函件和评审名册表各1份",
            f"{YEAR}年度评审工艺美术系列专业技术职务资格名册表须加盖市或厅局职改部门公章。",
            "5", "authority", NOT_ENTRUSTED),
    ItemDef("fee", "评审费（报送材料时一次付清）",
            f"{FIGURES['fees']}，每人每次（{FEE_BASIS}）。通知没有写明由谁缴纳，请向所在单位确认。",
            "7", "unnamed", ALL),
)

_STEPS = (
    StepDef("ask_series_office",
            f"就结果中“须满足”的事项咨询（通知第八部分列出的联系电话 {CONTACT['phone']}，联系地址 {CONTACT['address']}）", "8",
            "结果中有须确认事项的人员"),
    StepDef("preapproval", f"申报前报{OFFICE}审批同意（无职称申报或破格申报；破格的，持破格证明材料原件及复印件报审）",
            "1.2.3", "尚未取得审批的无职称申报或破格申报人员"),
    StepDef("hq_opinion", "由中直单位组织人事部门或外省总公司人力资源部门出具申报渠道书面意见，报系列职改办备案", "2.1.3",
            "中直驻桂单位和外省驻桂企业分支机构的人员"),
    StepDef("entrustment", "由所属省级职改管理部门出具委托材料，经自治区职改办审核同意", "2.1.4",
            "尚未取得委托同意的外省委托评审人员"),
    StepDef("prepare", f"{FIGURES['period_personal_preparation']}：下载个人版申报系统和电子档案模版，填写评审表、扫描材料", "6.1", ALL),
    StepDef("apply_via_unit", "通过所在单位申报", "2.1.1", "通过单位申报的人员"),
    StepDef("apply_via_talent_market", "经所在单位同意并填写基层单位考核推荐意见后，通过人才市场申报", "2.1.1",
            "通过人才市场申报的档案托管人员"),
    StepDef("unit_review", "单位（和档案管理部门）审核材料真实性", "3.1.2", WITH_UNIT),
    StepDef("publicity", "单位公示申报情况和申报材料", "3.1.3", WITH_UNIT),
    StepDef("interview_defence", "单位组织面试答辩", "3.1.4", "申报高级资格的人员"),
    StepDef("recommendation", "单位审议推荐，出具推荐意见", "3.1.4", WITH_UNIT),
    StepDef("department_review", f"{FIGURES['period_unit_stage']}：单位汇总上报，各市人事职改部门或区直主管部门审核签章", "6.2", NOT_ENTRUSTED),
    StepDef("submission", f"{FIGURES['period_submission_deadline']}：市（厅、局）职改部门将材料送到{OFFICE}；报送材料时一次付清评审费（通知未写明由谁缴纳）", "6.3", NOT_ENTRUSTED),
    StepDef("entrusted_referral",
            "凭所属省级职改管理部门的委托材料，经自治区职改办审核同意后推荐到广西工艺美术系列评审委员会评审"
            f"（材料怎样送到{OFFICE}、评审费怎样缴纳，通知没有写明，请向所属省级职改管理部门和自治区职改办确认）",
            "2.1.4", "外省委托评审的人员"),
    StepDef("review", f"{FIGURES['period_review_start']}：{PERIOD['review_start'].title}", "6.3", ALL),
)

DATES = tuple(DateItem(p.id, p.title, p.start, p.end, p.clause) for p in PERIODS)

ITEMS: dict[str, ItemDef] = {d.id: d for d in _ITEMS}
STEPS: dict[str, StepDef] = {d.id: d for d in _STEPS}
