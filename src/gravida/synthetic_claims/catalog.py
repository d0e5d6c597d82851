"""The constant tables the corpus is built from: payer facts, the fee schedule, visit menus, conditions, identifiers.

Plain copies of what the corpus relies on, written out here rather than read from the knowledge layer, so a test of
the scrubber against the corpus does not check the rule data against itself.
"""

from __future__ import annotations

from datetime import date

# ---------------------------------------------------------------- payer facts the corpus relies on
# Plain copies of the payer packs' values (src/gravida/knowledge/data/payers), so mutations land on the right side
# of each limit. They are facts about the packs, not rules the corpus applies.

_PAYER_NAMES = {
    "medicare": "Medicare",
    "aetna-style": "Aetna-style",
    "premera-style": "Premera-style",
    "highmark-style": "Highmark-style",
    "optum-style": "Optum-style",
    "commercial-template": "commercial-template",
    "medicaid-example-wa": "Medicaid (WA example)",
    "medicaid-example-tx": "Medicaid (TX example)",
    "self-pay": "self-pay",
    "commercial-cpt": "commercial-cpt",
}
_FILING_DAYS = {
    "aetna-style": 120,
    "premera-style": 365,
    "highmark-style": 365,
    "optum-style": 90,
    "commercial-template": 180,
    "medicaid-example-wa": 365,
    "medicaid-example-tx": 365,
}
_MEDICARE_FILING_MONTHS = 12
#: Above every year's Medicare KX amount in the pack ($2,110 in 2021 to $2,480 in 2026), below the $3,000 review line.
_KX_SPENT_ABOVE_EVERY_YEAR = 2500.0
_HMO_REFERRAL_DAYS = 90
_VISIT_LIMIT = 20
_PPO_AUTHORIZATION_AFTER = 12
_HIGHMARK_UNITS_PER_DAY = 4
_PLAN_CERTIFY_WITHIN_DAYS = 30
_PLAN_RECERTIFY_EVERY_DAYS = 90
_PROGRESS_REPORT_EVERY = 10
_MEDICARE_POS = ("11", "11", "11", "12", "22", "19")
_MEDICAID = ("medicaid-example-wa", "medicaid-example-tx")
_NEEDS_PLAN_OF_CARE = ("medicare", *_MEDICAID)
#: Credentials each pack pays for non-manipulation services (manipulation is always billed by a DC).
_CREDENTIALS = {
    "medicare": ("PT", "PT", "PT", "OT", "MD", "NP"),
    "aetna-style": ("PT", "PT", "OT", "DO"),
    "premera-style": ("PT", "PT", "OT", "LMT"),
    "highmark-style": ("PT", "PT", "OT", "MD"),
    "optum-style": ("PT", "PT", "OT", "NP"),
    "commercial-template": ("PT", "PT", "OT", "DO"),
    "medicaid-example-wa": ("PT", "PT", "OT"),
    "medicaid-example-tx": ("PT", "PT", "OT"),
    "self-pay": ("PT", "LMT", "LMT", "PTA", "OT"),
    "commercial-cpt": ("PT", "LMT", "OT"),
}
_LMT_PAID = ("premera-style", "self-pay", "commercial-cpt")

# ---------------------------------------------------------------- services

#: The practice's charge per unit, in dollars (synthetic fee schedule).
_PRICE = {
    "97010": 22.0,
    "97012": 32.0,
    "97014": 26.0,
    "97110": 46.0,
    "97112": 49.0,
    "97124": 52.0,
    "97140": 58.0,
    "97161": 128.0,
    "97162": 141.0,
    "97163": 156.0,
    "97164": 92.0,
    "97530": 54.0,
    "97535": 47.0,
    "97750": 57.0,
    "98940": 44.0,
}
_NOT_THERAPY = frozenset({"98940", "98941", "98942"})
_EVALUATIONS = ("97161", "97162", "97163")

#: (code, units range, how the line is distinct from the line before when the two are a bundled pair).
_Item = tuple[str, tuple[int, int], str | None]
_MENUS: dict[str, tuple[_Item, ...]] = {
    "manual": (("97140", (1, 3), None),),
    "massage": (("97124", (1, 3), None),),
    "manual+massage": (("97140", (1, 2), None), ("97124", (1, 2), "region")),
    "manual+activities": (("97140", (1, 2), None), ("97530", (1, 2), "separate_service")),
    "exercise": (("97110", (1, 3), None), ("97112", (1, 2), None)),
    "evaluation": (("EVAL", (1, 1), None), ("97140", (1, 2), "separate_service")),
    "traction+manual": (("97012", (1, 1), None), ("97140", (1, 2), "region")),
    "hot-pack+exercise": (("97010", (1, 1), None), ("97110", (1, 3), None)),
    "self-care+massage": (("97535", (1, 2), None), ("97124", (1, 2), None)),
    "re-evaluation+exercise": (("97164", (1, 1), None), ("97110", (1, 2), None)),
    "manipulation": (("98940", (1, 1), None),),
    "manipulation+massage": (("98940", (1, 1), None), ("97124", (1, 2), "region")),
}
_WITH_MASSAGE = frozenset(name for name, items in _MENUS.items() if any(item[0] == "97124" for item in items))
_MANIPULATION = frozenset({"manipulation", "manipulation+massage"})
_EVALUATION_MENUS = frozenset({"evaluation", "re-evaluation+exercise"})

# ---------------------------------------------------------------- diagnoses

_CONDITIONS = (
    "low_back_pain",
    "sciatica",
    "carpal_tunnel",
    "neck_pain",
    "pelvic_pain",
    "muscle_spasm",
    "coccyx_pain",
    "hip_pain",
    "symphysis_pubis",
    "gestational_edema",
)
_M54_5_SPLIT = date(2021, 10, 1)  # M54.5 became a header; M54.50/.51/.59 were added
_R10_2_SPLIT = date(2025, 10, 1)  # R10.2 became a header; R10.20-R10.24 were added

# ---------------------------------------------------------------- identifiers

_MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"  # the letters a Medicare Beneficiary Identifier uses
_MEMBER_PREFIX = {
    "aetna-style": "W",
    "premera-style": "PRA",
    "highmark-style": "YHM",
    "optum-style": "U",
    "commercial-template": "CT",
    "medicaid-example-wa": "WA",
    "medicaid-example-tx": "TX",
    "commercial-cpt": "CC",
}

# ---------------------------------------------------------------- shorthand the recipes share (defects, corpus)

_AUTHORIZED = _PPO_AUTHORIZATION_AFTER + 2  # a PPO member past the visits that need no authorization
_MCR, _AET, _PRE, _HIG, _OPT = "medicare", "aetna-style", "premera-style", "highmark-style", "optum-style"
_WA, _TX, _SELF, _CPT = "medicaid-example-wa", "medicaid-example-tx", "self-pay", "commercial-cpt"
