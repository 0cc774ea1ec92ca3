"""Named situations, each defined once (like OpenFisca's eligibility variables).

A question is asked *when* a situation holds, and the rule that reads its answer
branches on the same situation, so the two can never drift apart. Each is a
plain condition (``conditions.py``), so the page can evaluate it too.
"""

from __future__ import annotations

from .conditions import all_, answered, any_, before, gt, in_, is_, not_
from .parameters import RETIREMENT_CUTOFF

#: Where the applicant works (一（一）1 or 2).
WORKS_IN_GUANGXI = is_("work_location", "guangxi")
WORKS_OUTSIDE = is_("work_location", "outside_guangxi")
LOCATION_KNOWN = answered("work_location")

#: Applying for a senior title (面试答辩, 3号 direct review).
TARGET_SENIOR = is_("target_level", "senior")

#: 委托评审 (二（一）4): working in another province, entrusted by that province.
ENTRUSTED = all_(is_("work_location", "outside_guangxi"), is_("entrusted_from_other_province", True))

#: Working outside Guangxi and not entrusted: in scope only through 一（一）2.
OUTSIDE_NOT_ENTRUSTED = all_(is_("work_location", "outside_guangxi"), is_("entrusted_from_other_province", False))

#: Applicants for whom 一（一）1 or 2 is the way in (not 委托评审).
IN_GUANGXI_ROUTE = any_(is_("work_location", "guangxi"), OUTSIDE_NOT_ENTRUSTED)

#: The archive is held by a Guangxi talent exchange centre (二（一）1, 三（一）2).
ARCHIVE_HELD = gt("archive_months", 0)

#: Applying through the Guangxi talent market that holds the archive (二（一）1).
VIA_TALENT_MARKET = is_("via_talent_market", True)

#: Units that 二（一）5 governs. 二（一）3 names the branches (分公司、办事处等) of
#: out-of-province firms and admits them on its own terms, so the specific clause
#: governs its own case (解读说明 #branch).
BRANCH_RULE_UNIT = in_("unit_type", "state_owned", "non_public", "social_org", "collective")

#: The applying unit would be a branch without legal-person status (二（一）5),
#: chosen as the applying unit: applying through a talent market instead
#: (二（一）1) does not choose the branch (解读说明 #branch-talent-market).
NON_LEGAL_BRANCH = all_(is_("unit_non_legal_branch", True), not_(VIA_TALENT_MARKET))

#: A branch in Guangxi of an enterprise or unit: where its headquarters is
#: decides whether 二（一）3 (a 中直驻桂单位 or an out-of-province firm's branch)
#: governs it instead of 二（一）5 (解读说明 #branch). Asked because 国有/非公有制/
#: 集体 is the natural first choice of someone at such a branch.
BRANCH_ASKS_HQ = all_(NON_LEGAL_BRANCH, is_("work_location", "guangxi"),
                      in_("unit_type", "state_owned", "non_public", "collective"))

#: A branch whose headquarters makes it a 二（一）3 unit.
BRANCH_OF_HQ_UNIT = all_(BRANCH_ASKS_HQ, in_("branch_headquarters", "outside_guangxi", "central"))

#: A branch that only 二（一）5 governs: its bank/insurer exception is asked.
BRANCH_UNDER_2_1_5 = all_(NON_LEGAL_BRANCH, any_(not_(BRANCH_ASKS_HQ), is_("branch_headquarters", "guangxi")))

#: The unit type itself names a 二（一）3 unit; its ownership is then asked.
HQ_UNIT_TYPE = in_("unit_type", "central_unit", "out_of_province_branch")

#: Units that choose their channel and need the headquarters' written opinion (二（一）3).
HQ_CHANNEL_UNIT = any_(HQ_UNIT_TYPE, BRANCH_OF_HQ_UNIT)

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

#: 国有企事业单位 (三（三）1), including a 二（一）3 unit owned by the state.
STATE_OWNED_UNIT = any_(is_("unit_type", "state_owned"), is_("unit_ownership", "state_owned"))

#: 集体所有制: neither 国有 nor 非公有制 as 二（二）4（1） and 三（三） name them
#: (解读说明 #collective-unit).
COLLECTIVE_UNIT = any_(is_("unit_type", "collective"), is_("unit_ownership", "collective"))

#: Direct senior review of high-level talent under 桂职改〔2016〕3号 (一（二）1).
HIGH_LEVEL_TALENT = all_(is_("target_level", "senior"), is_("high_level_talent", True))

#: A first application for a junior title by someone with none: the notice does
#: not say it is 无职称申报 (there is no lower title to lack; 解读说明 #junior-no-title).
FIRST_JUNIOR_TITLE = all_(is_("current_title", "none"), is_("target_level", "junior"))

#: 无职称申报 under 一（二）1 and 3 (high-level talent go by 3号 instead).
NO_TITLE_APPLICATION = all_(is_("current_title", "none"), not_(FIRST_JUNIOR_TITLE), not_(HIGH_LEVEL_TALENT))

#: Lacks, or is unsure of, the education and seniority conditions (四（二）).
LACKS_CONDITIONS = in_("meets_conditions", "no", "unsure")

#: 破格申报 (一（二）2, 四（二）).
EXCEPTIONAL = is_("exceptional", True)

#: 无职称申报 or 破格申报 need the series office's approval first (一（二）3).
NEEDS_PREAPPROVAL = any_(NO_TITLE_APPLICATION, EXCEPTIONAL)

#: Education and seniority conditions are the applicant's to state (四（二）),
#: except for high-level talent, who go by 3号.
STATES_CONDITIONS = not_(HIGH_LEVEL_TALENT)

#: Has done the retirement procedures (一（一）, last paragraph).
RETIRED = is_("retired", True)

#: Retirement procedures done before the cut-off (一（一）, last paragraph).
RETIRED_BEFORE_CUTOFF = all_(RETIRED, before("retirement_procedures_date", RETIREMENT_CUTOFF))

#: Reached retirement age before the cut-off.
AGE_BEFORE_CUTOFF = before("retirement_date", RETIREMENT_CUTOFF)

#: Barred by 一（一）'s last paragraph unless the retirement age was extended:
#: "除……办理了延长退休年龄手续者以外" covers the whole sentence, the procedures
#: as well as the age (解读说明 #early-retirement).
BARRED_UNLESS_EXTENDED = any_(RETIRED_BEFORE_CUTOFF, AGE_BEFORE_CUTOFF)
