"""The questions an applicant answers, in the order the page asks them.

This is the one place where a question's wording, type, options, the condition
under which it is asked and the clauses it serves are written. The CLI's
``questions`` command, the page's form and its static fallback are all
generated from :data:`QUESTIONS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from . import situations as S
from .conditions import Condition, answered, gt, in_, is_
from .parameters import (
    MIN_ARCHIVE_MONTHS, MIN_EMPLOYMENT_MONTHS, MIN_SOCIAL_SECURITY_MONTHS, RETIREMENT_CUTOFF, RETIREMENT_YEAR,
    YEAR, day_before, fees_text, zh_date,
)
from .result import LEVEL_LABELS

QuestionType = Literal["choice", "boolean", "integer", "date"]


@dataclass(frozen=True)
class Option:
    value: str | bool
    label: str


YES_NO = (Option(True, "是"), Option(False, "否"))

#: Limit on month counts: anything above a working life is a typing error.
MAX_MONTHS = 1200


@dataclass(frozen=True)
class Question:
    id: str
    """The answer key, e.g. ``"unit_type"``."""
    group: str
    """Heading of the group of questions on the page."""
    label: str
    hint: str
    type: QuestionType
    clauses: tuple[str, ...]
    options: tuple[Option, ...] = ()
    when: Condition | None = None
    unit: str = ""
    """Unit shown after a number field, e.g. ``"个月"``."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "group": self.group,
            "label": self.label,
            "hint": self.hint,
            "type": self.type,
            "options": [{"value": o.value, "label": o.label} for o in self.options],
            "when": self.when,
            "clauses": list(self.clauses),
        }
        if self.type == "integer":
            data.update(minimum=0, maximum=MAX_MONTHS, unit=self.unit)
        return data


def _yes_no(**kwargs: Any) -> Question:
    return Question(type="boolean", options=YES_NO, **kwargs)


_BASIC = "申报级别与现有职称"
_WORK = "工作单位与档案"
_RETIRE = "退休情况"
_CONDITIONS = "申报条件与破格"
_MATERIALS = "申报材料"

_CUTOFF_DAY = zh_date(day_before(RETIREMENT_CUTOFF))  # 2016年12月31日
_LEVELS = tuple(Option(level, LEVEL_LABELS[level]) for level in ("junior", "intermediate", "senior"))

QUESTIONS: tuple[Question, ...] = (
    Question(
        id="target_level", group=_BASIC, type="choice",
        label="您要申报哪一级工艺美术专业技术资格？",
        hint=f"评审费按级别收取：{fees_text(LEVEL_LABELS)}。",
        options=_LEVELS,
        clauses=("7", "3.1.4", "2.1.4"),
    ),
    Question(
        id="current_title", group=_BASIC, type="choice",
        label="您现在持有哪一级专业技术资格（职称）？",
        hint="没有取得任何专业技术资格的，选“无职称”。",
        options=(Option("none", "无职称"), *_LEVELS),
        clauses=("1.2.1", "1.2.2"),
    ),
    _yes_no(
        id="civil_servant", group=_BASIC,
        label="您是公务员吗？",
        hint="公务员不得参加专业技术人才职称评审。",
        clauses=("1.3",),
    ),
    _yes_no(
        id="high_level_talent", group=_BASIC,
        label="您是否作为高层次急需紧缺人才，申请直接评审高级职称？",
        hint="按《关于引进高层次急需紧缺人才直接评审高级专业技术资格有关问题的通知（试行）》（桂职改〔2016〕3号）实施。",
        when=is_("target_level", "senior"),
        clauses=("1.2.1",),
    ),
    Question(
        id="work_location", group=_WORK, type="choice",
        label="您在哪里从事专业技术工作？",
        hint="指您的工作单位（企事业单位或社会团体）所在地。",
        options=(Option("guangxi", "广西境内"), Option("outside_guangxi", "广西境外")),
        clauses=("1.1.1", "1.1.2"),
    ),
    Question(
        id="employment_months", group=_WORK, type="integer", unit="个月",
        label="您与现在的用人单位建立人事（劳动）关系已满多少个月？",
        hint=f"算到申报时为止，填整数。满一年即{MIN_EMPLOYMENT_MONTHS}个月。",
        when=is_("work_location", "guangxi"),
        clauses=("1.1.1",),
    ),
    _yes_no(
        id="entrusted_from_other_province", group=_WORK,
        label="您是外省专业技术人员，由所属省级职改管理部门委托到广西评审吗？",
        hint="即“委托评审”：由您所属省级职改管理部门出具委托材料，经自治区职改办审核同意。通知只写了委托评审高级资格的程序。",
        when=is_("work_location", "outside_guangxi"),
        clauses=("2.1.4",),
    ),
    _yes_no(
        id="hukou_in_guangxi", group=_WORK,
        label="您的户口在广西吗？",
        hint="在广西境外工作的，户口在广西或人事档案托管在广西各级人才交流服务中心一年以上的，可以申报。",
        when=S.OUTSIDE_NOT_ENTRUSTED,
        clauses=("1.1.2",),
    ),
    Question(
        id="archive_months", group=_WORK, type="integer", unit="个月",
        label="您的人事档案托管在广西各级人才交流服务中心（人才市场）已满多少个月？",
        hint=f"没有托管的填 0。在广西境外工作、户口不在广西的，须满{MIN_ARCHIVE_MONTHS}个月。",
        when=S.IN_GUANGXI_ROUTE,
        clauses=("1.1.2", "2.1.1", "3.1.2"),
    ),
    _yes_no(
        id="via_talent_market", group=_WORK,
        label="您打算经单位同意后，通过托管档案的人才市场申报吗？",
        hint="已在广西各级人才市场办理档案托管的，可经所在单位同意并填写基层单位考核推荐意见后，通过人才市场申报。",
        when=gt("archive_months", 0),
        clauses=("2.1.1",),
    ),
    Question(
        id="unit_type", group=_WORK, type="choice",
        label="您的工作单位属于哪一类？",
        hint="按申报时人事（劳动）关系所在的工作单位确定。",
        options=(
            Option("state_owned", "国有企事业单位"),
            Option("non_public", "非公有制经济组织（如民营企业）"),
            Option("social_org", "社会组织"),
            Option("central_unit", "中直驻桂单位"),
            Option("out_of_province_branch", "外省驻桂企业的分支机构"),
        ),
        when=answered("work_location"),
        clauses=("2.1.2", "2.1.3", "2.2.4.1", "3.3.1", "3.3.2"),
    ),
    _yes_no(
        id="unit_non_legal_branch", group=_WORK,
        label="您申报所用的单位是不具有独立法人地位的分支机构吗？",
        hint="例如分公司、办事处。中直驻桂单位和外省驻桂企业的分支机构按二（一）3 办理，不问此题。",
        when=S.BRANCH_RULE_UNIT,
        clauses=("2.1.5",),
    ),
    _yes_no(
        id="unit_financial_branch", group=_WORK,
        label="该分支机构是银行、保险公司等法律法规明确规定可独立承担民事责任的分支机构吗？",
        hint="只有这类分支机构可以作为申报单位。",
        when=is_("unit_non_legal_branch", True),
        clauses=("2.1.5",),
    ),
    _yes_no(
        id="hq_written_opinion", group=_WORK,
        label="中直单位组织人事部门（或外省总公司人力资源管理部门）是否已就申报渠道出具书面意见，并报广西工艺美术系列职改办备案？",
        hint="选择通过广西工艺美术系列职称评委会申报的，须有此书面意见并备案，方可申报。",
        when=S.HQ_CHANNEL_UNIT,
        clauses=("2.1.3",),
    ),
    Question(
        id="social_security_months", group=_WORK, type="integer", unit="个月",
        label="申报前您已连续缴纳社会保险多少个月（不含申报当月）？",
        hint=f"非公有制经济组织和社会组织人员原则上须提供连续{MIN_SOCIAL_SECURITY_MONTHS}个月以上的个人社保缴费证明。",
        when=S.NON_PUBLIC_UNIT,
        clauses=("2.2.4.1",),
    ),
    _yes_no(
        id="retired", group=_RETIRE,
        label="您是否已办理离退休手续（含提前退休）？",
        hint=f"{_CUTOFF_DAY}以前已办理离退休手续的，不得申报。",
        clauses=("1.1",),
    ),
    Question(
        id="retirement_procedures_date", group=_RETIRE, type="date",
        label="您办理离退休手续的日期是？",
        hint="格式：年-月-日，例如 2016-06-30。",
        when=S.RETIRED,
        clauses=("1.1",),
    ),
    Question(
        id="retirement_date", group=_RETIRE, type="date",
        label="您达到（或将达到）法定退休年龄的日期是？",
        hint=(f"{zh_date(RETIREMENT_YEAR[1])}以前已达到或将达到退休年龄的，请务必填写（没有办理退休手续的也要填）；"
              f"{zh_date(RETIREMENT_YEAR[0])}至{zh_date(RETIREMENT_YEAR[1], year=False)}期间达到的，{YEAR}年仍可申报。"
              "离退休年龄还远的可以不填。格式：年-月-日。"),
        clauses=("1.1.3", "1.1"),
    ),
    _yes_no(
        id="retirement_extension_approved", group=_RETIRE,
        label="您是否符合相关文件规定，并按照审批程序办理了延长退休年龄手续？",
        hint=f"{_CUTOFF_DAY}以前已达退休年龄的，只有办理了延长退休年龄手续才可申报。",
        when=S.AGE_BEFORE_CUTOFF,
        clauses=("1.1",),
    ),
    Question(
        id="meets_conditions", group=_CONDITIONS, type="choice",
        label="您是否具备评审条件规定的学历、资历条件？",
        hint="评审条件见桂职办〔2005〕104号（非公有制经济组织和社会组织人员另见桂职办〔2012〕118号）。本工具不替您判断这些文件的条件。",
        options=(Option("yes", "具备"), Option("no", "不具备"), Option("unsure", "不确定")),
        when=S.STATES_CONDITIONS,
        clauses=("4.2",),
    ),
    _yes_no(
        id="exceptional", group=_CONDITIONS,
        label="您是否按本系列破格条件申报（破学历、资历）？",
        hint="破格申报不等同于无职称申报或越级申报。",
        when=in_("meets_conditions", "no", "unsure"),
        clauses=("1.2.2", "2.2.4.2", "4.2", "5.3"),
    ),
    _yes_no(
        id="preapproved", group=_CONDITIONS,
        label="您的无职称申报或破格申报，是否已在申报前经广西工艺美术系列职改办审批同意？",
        hint="无职称申报或破格申报均应在申报前经审批同意。已同意的，审批材料要放进申报材料。",
        when=S.NEEDS_PREAPPROVAL,
        clauses=("1.2.3",),
    ),
    _yes_no(
        id="from_state_organ", group=_CONDITIONS,
        label="您是从国家机关分流或交流到企事业单位的人员吗？",
        hint="这类人员无职称申报限于副高级（含）以下专业技术资格。",
        when=S.NO_TITLE_APPLICATION,
        clauses=("1.2.1",),
    ),
    _yes_no(
        id="other_application_this_year", group=_CONDITIONS,
        label="今年您是否还申报了其他专业技术资格的评审？",
        hint="同一年度不得申报评审两个以上专业技术资格，否则该年度所有评审结果无效。",
        clauses=("2.1.6",),
    ),
    _yes_no(
        id="continuing_education_done", group=_MATERIALS,
        label=f"您是否已完成规定的继续教育任务（或{YEAR}年度公需科目学习），并能提供合格证明？",
        hint=f"本部门、本行业规定的继续教育任务，或政府人社部门规定的{YEAR}年度公需科目学习任务。",
        clauses=("2.2.2",),
    ),
    _yes_no(
        id="id_number_changed", group=_MATERIALS,
        label="您的身份证号码是否有过非正常升位（变动），且有材料关联的是另一个号码？",
        hint="例如学历证书上的身份证号码与现在的不同。",
        clauses=("2.2.4.3",),
    ),
    _yes_no(
        id="education_abroad", group=_MATERIALS,
        label="您的学历（学位）是在国境外取得的吗？",
        hint="国境外学历须提供国家教育行政主管部门出具的学历认证材料。",
        clauses=("3.3.3",),
    ),
)

BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}


def questions_json() -> list[dict[str, Any]]:
    """The questions as the CLI's ``questions`` command prints them."""
    return [q.to_dict() for q in QUESTIONS]
