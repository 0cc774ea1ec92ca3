"""Named situations, each defined once (like OpenFisca's eligibility variables).

A question is asked *when* a situation holds, and the rule that reads its answer
branches on the same situation, so the two can never drift apart. Each is a
plain condition (``conditions.py``), so the page can evaluate it too. Rules
branch only on situations (``Context.holds``), never on a raw answer: the
situation names the keys it reads, so an unanswered one is recorded as
missing by one mechanism.
"""

from __future__ import annotations

import datetime as _dt
from typing import Callable

from . import parameters as _p
from .conditions import Condition, all_, answered, any_, at_least, before, below, gt, in_, is_, not_

#: Civil servants (一（三）).
CIVIL_SERVANT = is_("civil_servant", True)

#: Another application for a title in the same year (二（一）6).
APPLIES_TWICE = is_("other_application_this_year", True)

#: Where the applicant works (一（一）1 or 2).
WORKS_IN_GUANGXI = is_("work_location", "guangxi")
WORKS_OUTSIDE = is_("work_location", "outside_guangxi")
LOCATION_KNOWN = answered("work_location")

#: Applying for a senior title (面试答辩, 3号 direct review).
TARGET_SENIOR = is_("target_level", "senior")

#: Applying for a junior or an intermediate title (二（一）4 describes entrusted review for senior ones).
TARGET_BELOW_SENIOR = in_("target_level", "junior", "intermediate")

#: Applying for a junior title (四（二） names no document of conditions for it).
TARGET_JUNIOR = is_("target_level", "junior")

#: A year or more with the employer (一（一）1: 一年以上 includes 12 months).
EMPLOYED_A_YEAR = at_least("employment_months", _p.MIN_EMPLOYMENT_MONTHS)

#: 委托评审 (二（一）4): working in another province, entrusted by that province.
ENTRUSTED = all_(WORKS_OUTSIDE, is_("entrusted_from_other_province", True))

#: The entrustment is approved (二（一）4): its papers are evidence to enclose.
ENTRUSTMENT_APPROVED = is_("entrustment_approved", True)

#: Working outside Guangxi and not entrusted: in scope only through 一（一）2.
OUTSIDE_NOT_ENTRUSTED = all_(WORKS_OUTSIDE, is_("entrusted_from_other_province", False))

#: Applicants for whom 一（一）1 or 2 is the way in (not 委托评审).
IN_GUANGXI_ROUTE = any_(WORKS_IN_GUANGXI, OUTSIDE_NOT_ENTRUSTED)

#: Hukou in Guangxi (一（一）2).
HUKOU_IN_GUANGXI = is_("hukou_in_guangxi", True)

#: The archive is held by a Guangxi talent exchange centre (二（一）1, 三（一）2).
ARCHIVE_HELD = gt("archive_months", 0)

#: ... and has been for a year or more (一（一）2: 一年以上 binds the archive).
ARCHIVE_A_YEAR = at_least("archive_months", _p.MIN_ARCHIVE_MONTHS)

#: Applying through the Guangxi talent market that holds the archive (二（一）1).
VIA_TALENT_MARKET = is_("via_talent_market", True)

#: Units that 二（一）5 governs. 二（一）3 names the branches (分公司、办事处等) of
#: out-of-province firms and admits them on its own terms, so the specific clause
#: governs its own case (解读说明 #branch).
BRANCH_RULE_UNIT = in_("unit_type", "state_owned", "non_public", "social_org", "collective")

#: The applying unit would be a branch without legal-person status (二（一）5),
#: chosen as the applying unit: applying through a talent market instead
#: (二（一）1) does not choose the branch (解读说明 #branch-talent-market).
UNIT_IS_BRANCH = is_("unit_non_legal_branch", True)
NON_LEGAL_BRANCH = all_(UNIT_IS_BRANCH, not_(VIA_TALENT_MARKET))

#: A branch in Guangxi of an enterprise or unit: where its headquarters is
#: decides whether 二（一）3 (a 中直驻桂单位 or an out-of-province firm's branch)
#: governs it instead of 二（一）5 (解读说明 #branch). Asked because 国有/非公有制/
#: 集体 is the natural first choice of someone at such a branch.
BRANCH_ASKS_HQ = all_(NON_LEGAL_BRANCH, WORKS_IN_GUANGXI,
                      in_("unit_type", "state_owned", "non_public", "collective"))

#: A branch whose headquarters makes it a 二（一）3 unit.
BRANCH_OF_HQ_UNIT = all_(BRANCH_ASKS_HQ, in_("branch_headquarters", "outside_guangxi", "central"))

#: A branch that only 二（一）5 governs: its bank/insurer exception is asked.
BRANCH_UNDER_2_1_5 = all_(NON_LEGAL_BRANCH, any_(not_(BRANCH_ASKS_HQ), is_("branch_headquarters", "guangxi")))

#: ... and is not a bank, insurer or other branch the law lets bear civil liability.
BRANCH_NOT_LIABLE = is_("unit_financial_branch", False)

#: The unit type itself names a 二（一）3 unit; its ownership is then asked.
HQ_UNIT_TYPE = in_("unit_type", "central_unit", "out_of_province_branch")

#: Units that choose their channel and need the headquarters' written opinion (二（一）3).
HQ_CHANNEL_UNIT = any_(HQ_UNIT_TYPE, BRANCH_OF_HQ_UNIT)

#: The headquarters' written opinion on the channel is filed (二（一）3).
HQ_OPINION_FILED = is_("hq_written_opinion", True)

#: 个体工商户、自由职业: no unit; the notice is silent (解读说明 #self-employed).
SELF_EMPLOYED = is_("unit_type", "self_employed")

#: Applicants for whom the notice names no channel: the self-employed, and
#: 一（一）2 applicants not applying through a Guangxi talent market (解读说明
#: #outside-route, #self-employed). 五's Guangxi channel (单位版汇总, 各市人事职改部门或区直
#: 主管部门签章, 市（厅、局）职改部门报送) is not listed for them.
ROUTE_UNSTATED = any_(SELF_EMPLOYED, all_(OUTSIDE_NOT_ENTRUSTED, not_(VIA_TALENT_MARKET)))

#: 非公经济组织和社会组织 (二（二）4（1）), including a 二（一）3 unit whose
#: ownership is non-public.
NON_PUBLIC_UNIT = any_(in_("unit_type", "non_public", "social_org"), is_("unit_ownership", "non_public"))

#: A social organisation (三（三）2: its diploma is checked as a non-public unit's).
SOCIAL_ORG = is_("unit_type", "social_org")

#: Fewer months of social insurance than 二（二）4（1） asks (原则上: a condition).
SOCIAL_SECURITY_SHORT = below("social_security_months", _p.MIN_SOCIAL_SECURITY_MONTHS)

#: 国有企事业单位 (三（三）1), including a 二（一）3 unit owned by the state.
STATE_OWNED_UNIT = any_(is_("unit_type", "state_owned"), is_("unit_ownership", "state_owned"))

#: 集体所有制: neither 国有 nor 非公有制 as 二（二）4（1） and 三（三） name them
#: (解读说明 #collective-unit).
COLLECTIVE_UNIT = any_(is_("unit_type", "collective"), is_("unit_ownership", "collective"))

#: Direct senior review of high-level talent under 桂职改〔2016〕3号 (一（二）1).
HIGH_LEVEL_TALENT = all_(TARGET_SENIOR, is_("high_level_talent", True))

#: Holds no title (一（二）1).
NO_TITLE = is_("current_title", "none")

#: A first application for a junior title by someone with none: the notice does
#: not say it is 无职称申报 (there is no lower title to lack; 解读说明 #junior-no-title).
FIRST_JUNIOR_TITLE = all_(NO_TITLE, TARGET_JUNIOR)

#: 无职称申报 under 一（二）1 and 3 (high-level talent go by 3号 instead).
NO_TITLE_APPLICATION = all_(NO_TITLE, not_(FIRST_JUNIOR_TITLE), not_(HIGH_LEVEL_TALENT))

#: Transferred from a state organ (一（二）1: 副高级 and below).
FROM_STATE_ORGAN = is_("from_state_organ", True)

#: The rank of each title, to compare the one held with the one applied for.
_LEVEL_ORDER = {"none": 0, "junior": 1, "intermediate": 2, "senior": 3}


def _levels(gap_holds: Callable[[int], bool]) -> Condition:
    """A title held and a level applied for whose gap (target − held) passes
    ``gap_holds``, as a plain condition (one pair of answers per case)."""
    return any_(*(all_(is_("current_title", held), is_("target_level", target))
                  for held in _LEVEL_ORDER if held != "none" for target in _LEVEL_ORDER if target != "none"
                  if gap_holds(_LEVEL_ORDER[target] - _LEVEL_ORDER[held])))


#: 越级申报: a level more than one above the title held (一（二）2).
LEVEL_JUMP = _levels(lambda gap: gap >= 2)

#: Applying for a level already held, or a lower one.
LEVEL_ALREADY_HELD = _levels(lambda gap: gap <= 0)

#: Lacks, or is unsure of, the education and seniority conditions (四（二）).
LACKS_CONDITIONS = in_("meets_conditions", "no", "unsure")

#: Says the conditions are not met (四（二）'s 一般不得, not only unsure).
FAILS_CONDITIONS = is_("meets_conditions", "no")

#: 破格申报 (一（二）2, 四（二）).
EXCEPTIONAL = is_("exceptional", True)

#: 无职称申报 or 破格申报 need the series office's approval first (一（二）3).
NEEDS_PREAPPROVAL = any_(NO_TITLE_APPLICATION, EXCEPTIONAL)

#: ... and it has been given (evidence to enclose).
PREAPPROVED = is_("preapproved", True)

#: Education and seniority conditions are the applicant's to state (四（二）),
#: except for high-level talent, who go by 3号.
STATES_CONDITIONS = not_(HIGH_LEVEL_TALENT)

#: Has done the retirement procedures (一（一）, last paragraph).
RETIRED = is_("retired", True)

#: Retirement procedures done before the cut-off (一（一）, last paragraph).
RETIRED_BEFORE_CUTOFF = all_(RETIRED, before("retirement_procedures_date", _p.RETIREMENT_CUTOFF))

#: Reached retirement age before the cut-off.
AGE_BEFORE_CUTOFF = before("retirement_date", _p.RETIREMENT_CUTOFF)

#: Reaches retirement age within the year 一（一）3 names.
RETIRING_IN_YEAR = all_(not_(before("retirement_date", _p.RETIREMENT_YEAR[0])),
                        before("retirement_date", (_dt.date.fromisoformat(_p.RETIREMENT_YEAR[1])
                                                   + _dt.timedelta(days=1)).isoformat()))

#: The retirement age was extended by the approval procedure (一（一）, last paragraph).
AGE_EXTENDED = is_("retirement_extension_approved", True)

#: Barred by 一（一）'s last paragraph unless the retirement age was extended:
#: "除……办理了延长退休年龄手续者以外" covers the whole sentence, the procedures
#: as well as the age (解读说明 #early-retirement).
BARRED_UNLESS_EXTENDED = any_(RETIRED_BEFORE_CUTOFF, AGE_BEFORE_CUTOFF)

#: Has not done the year's continuing education (二（二）2).
NO_CONTINUING_EDUCATION = is_("continuing_education_done", False)

#: Changed ID number (二（二）4（3）) · a degree from abroad (三（三）3).
ID_NUMBER_CHANGED = is_("id_number_changed", True)
EDUCATION_ABROAD = is_("education_abroad", True)
