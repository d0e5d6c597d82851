"""A labelled defect corpus for the scrubber: clean claims for every payer pack, and copies with one known defect.

Why it exists: the YAML scrub cases pin each edit on one hand-made variation of a single base claim. A corpus of
varied claims (every payer pack and plan, dates of service 2021-2026, different codes, credentials, diagnoses and
histories) shows that every error-level edit fires on the defect it is for wherever that defect occurs, that claims
valid for their payer pass, and it gives the benchmarks a labelled set to compare claim scrubbers on.

How it is built: each defect starts from a clean claim, valid for its payer on its date of service (valid NPIs, a
certified plan of care where the payer requires one, a referral and authorization where required, diagnoses valid
on the date, GP/GO where required, 59 or XS on the column-2 code of a bundled pair, charges, filed in time), and
applies ONE mutation. The clean claim is in the corpus too, and the defect names it in `derived_from`. Everything
comes from `random.Random(seed)`, so one seed always gives the same corpus; no real patient, provider or payer is
behind any of it.

This module is data generation: it imports only the domain types (and `npi_with_check_digit` from the synthetic
encounters) and writes the payer facts it relies on as plain constants below, so a test of the scrubber against it
does not check the rule data against itself.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gravida.domain.submission import ClaimSubmission, History
from gravida.synthetic import npi_with_check_digit

DEFAULT_SEED = 2026


@dataclass(frozen=True)
class CorpusClaim:
    """One labelled claim: what is wrong with it, and the edit that must say so (None: nothing is wrong).

    `derived_from` is the claim id of the clean corpus claim a defect was made from (None for clean claims), so a
    comparison can tell what a tool says about the defect from what it says about the claim anyway.
    """

    name: str
    submission: ClaimSubmission
    history: History
    today: date
    expected_rule_id: str | None
    derived_from: str | None = None

    @property
    def is_clean(self) -> bool:
        return self.expected_rule_id is None


@dataclass(frozen=True)
class ImportedPtpRow:
    """An NCCI procedure-to-procedure row as a practice's import of the CMS quarterly files would hold it."""

    column1: str
    column2: str
    effective: date
    modifier_indicator: int
    rationale: str


#: Gravida's curated code pairs all allow a distinct-service modifier (indicator 1), so `edits.ncci.never_together`
#: fires only on pairs imported from the CMS files (`gravida ncci import`). The corpus claims that expect it assume
#: this row has been imported; the test and the benchmark load it. The row is MADE UP for the corpus (like the
#: indicator-0 rows of tests/test_ncci.py); it is not CMS's edit for these codes.
IMPORTED_PTP_ROWS: tuple[ImportedPtpRow, ...] = (
    ImportedPtpRow("97164", "97750", date(2015, 10, 1), 0, "Mutually exclusive procedures (synthetic row)"),
)

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


def _menus_for(payer: str, first: date) -> tuple[str, ...]:
    """The visits a clean claim to this payer can bill: each payer's coverage and eligibility rules ruled in."""
    names = list(_MENUS)
    if payer == "medicare":
        names.remove("manipulation+massage")  # Medicare pays a DC for manipulation only
    if payer == "aetna-style":
        names = [n for n in names if n not in {"massage", "manipulation+massage"}]  # massage only as an adjunct
    if payer in _MEDICAID:
        names = [n for n in names if n not in _WITH_MASSAGE and n not in _MANIPULATION]
    if first < date(2017, 1, 1):
        names = [n for n in names if n not in _EVALUATION_MENUS]  # 97161-97164 start 2017-01-01
    return tuple(names)


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


def _condition_code(rng: random.Random, condition: str, dos: date) -> str:
    """An ICD-10-CM code for the condition that is valid and billable on the date of service."""
    if condition == "low_back_pain":
        return "M54.5" if dos < _M54_5_SPLIT else "M54.50"
    if condition == "pelvic_pain":
        return "R10.2" if dos < _R10_2_SPLIT else rng.choice(("R10.20", "R10.21", "R10.22", "R10.23"))
    choices = {
        "sciatica": ("M54.31", "M54.32"),
        "carpal_tunnel": ("G56.01", "G56.02", "G56.03"),
        "neck_pain": ("M54.2",),
        "muscle_spasm": ("M62.830",),
        "coccyx_pain": ("M53.3",),
        "hip_pain": ("M25.551", "M25.552"),
    }
    return rng.choice(choices[condition])


@dataclass
class _Dx:
    codes: list[str]
    pointers: list[int]
    condition_index: int | None  # where the treated condition's own code is, when it has one
    status_index: int | None  # where the weeks-of-gestation code is, when there is one
    words: str


def _diagnoses(rng: random.Random, dos: date, condition: str, postpartum: bool) -> _Dx:
    """Chapter-15 code first (with the trimester), the condition, then Z3A weeks of gestation."""
    label = condition.replace("_", " ")
    if postpartum:
        if condition == "symphysis_pubis":
            return _Dx(["O26.73"], [1], None, None, f"{label} after delivery")
        return _Dx(["O90.89", _condition_code(rng, condition, dos)], [1, 2], 1, None, f"{label} after delivery")
    weeks = rng.randint(8, 40)
    trimester = 1 if weeks < 14 else 2 if weeks < 28 else 3
    weeks_code = f"Z3A.{weeks:02d}"
    if condition == "symphysis_pubis":
        return _Dx([f"O26.71{trimester}", weeks_code], [1], None, 1, f"{label} at {weeks} weeks")
    if condition == "gestational_edema":
        return _Dx([f"O12.0{trimester}", weeks_code], [1], None, 1, f"{label} at {weeks} weeks")
    codes = [f"O26.89{trimester}", _condition_code(rng, condition, dos), weeks_code]
    return _Dx(codes, [1, 2], 1, 2, f"{label} at {weeks} weeks")


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


def _npi(rng: random.Random) -> str:
    return npi_with_check_digit(f"1{rng.randrange(10**8):08d}")


def _broken_npi(npi: str, rng: random.Random) -> str:
    """The same NPI with its check digit changed, the way a one-key typo breaks it."""
    return npi[:9] + str((int(npi[9]) + rng.randint(1, 9)) % 10)


def _member_id(rng: random.Random, payer: str) -> str | None:
    if payer == "self-pay":
        return None
    if payer == "medicare":
        letter, both = _MBI_LETTERS, _MBI_LETTERS + "0123456789"
        shape = (str(rng.randint(1, 9)), letter, both, "#", letter, both, "#", letter, letter, "#", "#")
        return "".join(rng.choice("0123456789") if part == "#" else rng.choice(part) for part in shape)
    return f"{_MEMBER_PREFIX[payer]}{rng.randrange(10**9):09d}"


# ---------------------------------------------------------------- a clean claim


@dataclass
class _Draft:
    """A claim and its history as plain data, while it is built and mutated; frozen into models at the end."""

    claim: dict[str, Any]
    history: dict[str, Any]
    today: date
    summary: str
    dx: _Dx

    @property
    def dos(self) -> date:
        value: date = self.claim["date_of_service"]
        return value

    @property
    def lines(self) -> list[dict[str, Any]]:
        value: list[dict[str, Any]] = self.claim["lines"]
        return value

    def line(self, code: str) -> dict[str, Any]:
        return next(line for line in self.lines if line["code"] == code)

    def therapy_modifier(self) -> str:
        return "GO" if self.claim["rendering_provider"]["credential"] == "OT" else "GP"

    def add_line(self, code: str, units: int = 1, modifiers: tuple[str, ...] | None = None) -> None:
        chosen = (self.therapy_modifier(),) if modifiers is None else modifiers
        self.lines.append(_new_line(code, units, chosen, self.dx.pointers))

    def authorization(self) -> dict[str, Any]:
        value: dict[str, Any] = self.history["authorizations"][0]
        return value


def _new_line(code: str, units: int, modifiers: tuple[str, ...], pointers: list[int]) -> dict[str, Any]:
    return {
        "code": code,
        "units": units,
        "modifiers": list(modifiers),
        "diagnosis_pointers": list(pointers),
        "charge": round(_PRICE[code] * units, 2),
    }


def _set_units(line: dict[str, Any], units: int) -> None:
    """Change a line's units and its charge with them."""
    line["units"] = units
    line["charge"] = round(_PRICE[line["code"]] * units, 2)


def _set_code(line: dict[str, Any], code: str, units: int = 1) -> None:
    line["code"] = code
    _set_units(line, units)


def _describe_lines(lines: list[dict[str, Any]]) -> str:
    return ", ".join(f"{line['code']}{''.join('-' + m for m in line['modifiers'])} x{line['units']}" for line in lines)


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _clean(
    rng: random.Random,
    number: int,
    *,
    payer: str,
    plan: str | None = None,
    menu: str | None = None,
    credential: str | None = None,
    condition: str | None = None,
    postpartum: bool | None = None,
    first: date = date(2021, 1, 4),
    last: date = date(2026, 10, 30),
    visits_used: int | None = None,
) -> _Draft:
    """A claim valid for its payer (and plan) on its date of service; the keywords pin what a mutation needs."""
    dos = _day(rng, first, last)
    menu = menu or rng.choice(_menus_for(payer, first))
    if credential is None:
        if menu in _MANIPULATION:
            credential = "DC"
        elif menu == "massage" and payer in _LMT_PAID:
            credential = "LMT"
        elif menu in _EVALUATION_MENUS:
            credential = "PT"  # 97161-97164 are physical therapy evaluations
        else:
            credential = rng.choice([c for c in _CREDENTIALS[payer] if c != "LMT"])
    if postpartum is None:
        postpartum = rng.random() < 0.2
    if condition is None:
        pool = [c for c in _CONDITIONS if not (postpartum and c == "gestational_edema")]
        condition = rng.choice(pool)
    dx = _diagnoses(rng, dos, condition, postpartum)

    therapy = "GO" if credential == "OT" else "GP"
    lines: list[dict[str, Any]] = []
    for code, (low, high), distinct in _MENUS[menu]:
        if code == "EVAL":
            code = rng.choice(_EVALUATIONS)
        modifiers: list[str] = []
        if distinct is not None:
            modifiers.append("XS" if payer == "medicare" and distinct == "region" else "59")
        if code in _NOT_THERAPY:
            if payer == "medicare":
                modifiers.append("AT")  # active treatment
        elif payer != "self-pay":
            modifiers.append(therapy)
        lines.append(_new_line(code, rng.randint(low, high), tuple(modifiers), dx.pointers))
    if payer == "highmark-style":
        while sum(line["units"] for line in lines) > _HIGHMARK_UNITS_PER_DAY:
            biggest = max(lines, key=lambda line: int(line["units"]))
            _set_units(biggest, biggest["units"] - 1)

    submitted = dos + timedelta(days=rng.randint(2, 25))
    patient_id = f"SYN-C-{number:04d}"
    rendering_npi = _npi(rng)
    claim: dict[str, Any] = {
        "claim_id": f"{patient_id}-{dos:%Y%m%d}",
        "payer": payer,
        "plan": plan,
        "date_of_service": dos,
        "submitted_on": submitted,
        "place_of_service": rng.choice(_MEDICARE_POS) if payer == "medicare" else "11",
        "billing_provider": {"npi": _npi(rng), "tax_id": f"{rng.randint(10, 99)}-{rng.randrange(10**7):07d}"},
        "rendering_provider": {
            "npi": rendering_npi,
            "credential": credential,
            "state": rng.choice(("WA", "OR", "PA", "TX", "NY", "CA")),
        },
        "patient": {
            "id": patient_id,
            "birth_date": date(rng.randint(1984, 2003), rng.randint(1, 12), rng.randint(1, 28)),
            "sex": "F",
        },
        "subscriber_id": _member_id(rng, payer),
        "referral": None,
        "plan_of_care": None,
        "prior_authorization": None,
        "diagnoses": list(dx.codes),
        "lines": lines,
    }
    needs_referral = plan == "hmo" or (payer == "premera-style" and menu in _WITH_MASSAGE)
    if needs_referral or (payer != "self-pay" and rng.random() < 0.7):
        written = dos - timedelta(days=rng.randint(3, 60))
        expires = None if plan == "hmo" and rng.random() < 0.5 else written + timedelta(days=rng.choice((120, 180)))
        claim["referral"] = {
            "by_npi": _npi(rng),
            "by_credential": rng.choice(("MD", "DO", "CNM", "NP")),
            "date": written,
            "expires": expires,
        }
    if payer in _NEEDS_PLAN_OF_CARE:
        start = dos - timedelta(days=rng.randint(0, 50))
        certified = start + timedelta(days=rng.randint(0, min(14, (dos - start).days)))
        end = start + timedelta(days=_PLAN_RECERTIFY_EVERY_DAYS - 1) if rng.random() < 0.5 else None
        claim["plan_of_care"] = {"start": start, "certified_on": certified, "end": end}

    if visits_used is None:
        visits_used = rng.randint(0, 17) if payer == "commercial-template" else rng.randint(0, 30)
    history: dict[str, Any] = {
        "visits_used": visits_used,
        "treatment_days_since_progress_report": rng.randint(0, _PROGRESS_REPORT_EVERY - 2),
        "therapy_dollars_this_year": round(rng.uniform(0, 1200), 2) if payer == "medicare" else 0.0,
        "authorizations": [],
        "earlier_claims": [],
    }
    if plan == "hmo" or payer in _MEDICAID or (plan == "ppo" and visits_used >= _PPO_AUTHORIZATION_AFTER):
        start = dos - timedelta(days=rng.randint(1, 45))
        units = sum(line["units"] for line in lines)
        authorization_number = f"PA-{rng.randrange(10**6):06d}"
        history["authorizations"].append(
            {
                "number": authorization_number,
                "start": start,
                "end": start + timedelta(days=rng.randint(90, 180)),
                "visits_remaining": rng.choice((None, rng.randint(2, 12))),
                "units_remaining": rng.choice((None, units + rng.randint(8, 30))),
                "codes": [],
            }
        )
        claim["prior_authorization"] = authorization_number
    if rng.random() < 0.3:  # an earlier visit of the same patient, on another day: not a duplicate
        history["earlier_claims"].append(
            {
                "claim_id": f"{patient_id}-{dos - timedelta(days=7):%Y%m%d}",
                "patient_id": patient_id,
                "rendering_npi": rendering_npi,
                "date_of_service": dos - timedelta(days=7),
                "codes": [line["code"] for line in lines],
            }
        )
    where = _PAYER_NAMES[payer] + (f" {plan.upper()}" if plan else "")
    article = "an" if credential[0] in "AEFHILMNORSX" else "a"
    summary = f"{where} claim, {_describe_lines(lines)} by {article} {credential} on {dos}, {dx.words}"
    return _Draft(claim, history, submitted, summary, dx)


# ---------------------------------------------------------------- the defects

Mutation = Callable[[random.Random, _Draft], str]


@dataclass(frozen=True)
class _Defect:
    """One entry of the table below: kept as data so the table reads as the list of what the corpus covers."""

    rule_id: str
    recipe: dict[str, Any]
    mutate: Mutation


def _drop(field_name: str, words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        d.claim[field_name] = None
        return words

    return mutate


def _no_birth_date(rng: random.Random, d: _Draft) -> str:
    d.claim["patient"]["birth_date"] = None
    return "The patient's birth date is missing"


def _no_tax_id(rng: random.Random, d: _Draft) -> str:
    d.claim["billing_provider"]["tax_id"] = None
    return "The billing provider's tax id is missing"


def _zero_charge(index: int) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        line = d.lines[index]
        line["charge"] = 0.0
        return f"Line {index + 1} ({line['code']}) has a charge of $0.00"

    return mutate


def _place(code: str, words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        d.claim["place_of_service"] = code
        return f"Place of service {code} ({words}) is not one Medicare pays outpatient therapy in"

    return mutate


def _late(rng: random.Random, d: _Draft) -> str:
    payer = d.claim["payer"]
    if payer == "medicare":
        year, month = d.dos.year + (d.dos.month + _MEDICARE_FILING_MONTHS - 1) // 12, d.dos.month
        deadline = date(year, month, min(d.dos.day, 28))
        limit = f"{_MEDICARE_FILING_MONTHS} months"
    else:
        deadline = d.dos + timedelta(days=_FILING_DAYS[payer])
        limit = f"{_FILING_DAYS[payer]} days"
    submitted = deadline + timedelta(days=rng.randint(5, 40))
    d.claim["submitted_on"] = submitted
    d.today = submitted
    return f"Submitted on {submitted}, past the payer's {limit} filing limit"


def _near_deadline(rng: random.Random, d: _Draft) -> str:
    days = _FILING_DAYS[d.claim["payer"]] - rng.randint(5, 20)
    d.claim["submitted_on"] = d.today = d.dos + timedelta(days=days)
    return f"Submitted {days} days after the visit, within 30 days of the payer's filing deadline (a warning)"


def _duplicate(rng: random.Random, d: _Draft) -> str:
    code = d.lines[0]["code"]
    earlier = f"{d.claim['claim_id']}-SENT"
    d.history["earlier_claims"].append(
        {
            "claim_id": earlier,
            "patient_id": d.claim["patient"]["id"],
            "rendering_npi": d.claim["rendering_provider"]["npi"],
            "date_of_service": d.dos,
            "codes": [code],
        }
    )
    return f"Claim {earlier} already billed {code} for this patient, provider and date, and this is a new original"


def _broken(where: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        holder = d.claim[where]
        key = "by_npi" if where == "referral" else "npi"
        holder[key] = _broken_npi(holder[key], rng)
        return f"The {where.replace('_', ' ')} NPI {holder[key]} fails its check digit"

    return mutate


def _credential(credential: str, words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        d.claim["rendering_provider"]["credential"] = credential
        return words

    return mutate


def _add_evaluation_2016(rng: random.Random, d: _Draft) -> str:
    d.add_line("97162")
    return f"97162 (moderate-complexity PT evaluation) is billed on {d.dos}, before the code existed (2017-01-01)"


def _replace_with_evaluation_2016(rng: random.Random, d: _Draft) -> str:
    _set_code(d.lines[0], "97163")
    return f"97163 (high-complexity PT evaluation) is billed on {d.dos}, before the code existed (2017-01-01)"


def _add_97014(rng: random.Random, d: _Draft) -> str:
    d.add_line("97014")
    return "97014 (unattended electrical stimulation) is billed to Medicare, which takes G0283 instead"


def _hot_pack_to_97014(rng: random.Random, d: _Draft) -> str:
    _set_code(d.line("97010"), "97014")
    return "The modality line is billed as 97014; Medicare takes unattended e-stim only as G0283"


def _condition_to(code: str, words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        assert d.dx.condition_index is not None
        old = d.claim["diagnoses"][d.dx.condition_index]
        d.claim["diagnoses"][d.dx.condition_index] = code
        return f"The diagnosis {code} replaces {old}: {words}"

    return mutate


def _pelvic_pain_to(choice: tuple[str, ...], words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        return _condition_to(rng.choice(choice), words)(rng, d)

    return mutate


def _pregnancy_header(rng: random.Random, d: _Draft) -> str:
    old = d.claim["diagnoses"][0]
    d.claim["diagnoses"][0] = old[:-1]
    return f"The first diagnosis is {old[:-1]}, a header without the trimester digit ({old} is the billable code)"


def _status_pointers(rng: random.Random, d: _Draft) -> str:
    assert d.dx.status_index is not None
    for line in d.lines:
        line["diagnosis_pointers"] = [d.dx.status_index + 1]
    weeks = d.claim["diagnoses"][d.dx.status_index]
    return f"Every line points only to {weeks} (weeks of gestation), which shows no condition to treat"


def _without_therapy_modifier(index: int) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        line = d.lines[index]
        line["modifiers"] = [m for m in line["modifiers"] if m not in {"GP", "GO"}]
        return f"{line['code']} is billed without GP/GO although the payer requires it on therapy codes"

    return mutate


def _assistant(modifier: str, index: int, words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        d.lines[index]["modifiers"].insert(0, modifier)
        return f"{d.lines[index]['code']} carries {modifier}: {words}"

    return mutate


def _add_97750(rng: random.Random, d: _Draft) -> str:
    d.add_line("97750")
    return "97750 (physical performance test) is billed with the 97164 re-evaluation, a pair never paid together"


def _without_distinct(index: int) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        line = d.lines[index]
        dropped = [m for m in line["modifiers"] if m in {"59", "XS"}]
        line["modifiers"] = [m for m in line["modifiers"] if m not in {"59", "XS"}]
        first = d.lines[index - 1]["code"]
        return f"{line['code']} is billed with {first} without {dropped[0]}, so it is bundled into {first}"

    return mutate


def _visits(count: int, words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        d.history["visits_used"] = count
        return f"{count} visits were already used this plan year: {words}"

    return mutate


def _units(code: str, units: int, words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        _set_units(d.line(code), units)
        return f"{code} is billed x{units}: {words}"

    return mutate


def _highmark_exercise_units(rng: random.Random, d: _Draft) -> str:
    _set_units(d.line("97110"), 2)
    _set_units(d.line("97112"), 3)
    return "97110 x2 and 97112 x3 make 5 physical-medicine units, over the plan's 4 a day"


def _above_kx(rng: random.Random, d: _Draft) -> str:
    spent = round(_KX_SPENT_ABOVE_EVERY_YEAR + rng.uniform(0, 50), 2)
    d.history["therapy_dollars_this_year"] = spent
    return f"${spent:,.2f} of therapy already this year puts the claim above the KX threshold, and no line has KX"


def _add_massage_line(rng: random.Random, d: _Draft) -> str:
    d.add_line("97124")
    return "97124 (massage) is added, which this Medicaid plan does not cover"


def _manual_to_massage(rng: random.Random, d: _Draft) -> str:
    _set_code(d.line("97140"), "97124", 2)
    return "The manual therapy line is billed as 97124 (massage), which this Medicaid plan does not cover"


def _massage_alone(rng: random.Random, d: _Draft) -> str:
    d.lines.remove(d.line("97140"))
    massage = d.line("97124")
    massage["modifiers"] = [m for m in massage["modifiers"] if m != "59"]
    return "97124 (massage) is billed alone, and this plan pays massage only as an adjunct to a therapy procedure"


def _massage_with_hot_pack(rng: random.Random, d: _Draft) -> str:
    _set_code(d.line("97140"), "97010")
    return "97124 (massage) comes only with 97010 (hot pack, a modality), not with a therapy procedure"


def _no_prescription(rng: random.Random, d: _Draft) -> str:
    d.claim["referral"] = None
    return "Medical massage is billed with no prescription on the claim"


def _undated_referral(words: str) -> Mutation:
    def mutate(rng: random.Random, d: _Draft) -> str:
        d.claim["referral"]["date"] = None
        d.claim["referral"]["expires"] = None
        return words

    return mutate


def _referral_after(rng: random.Random, d: _Draft) -> str:
    written = d.dos + timedelta(days=rng.randint(1, 10))
    d.claim["referral"].update({"date": written, "expires": None})
    return f"The referral is dated {written}, after the visit on {d.dos}"


def _referral_stale(rng: random.Random, d: _Draft) -> str:
    written = d.dos - timedelta(days=_HMO_REFERRAL_DAYS + rng.randint(5, 60))
    d.claim["referral"].update({"date": written, "expires": None})
    return f"The referral of {written} gives no expiry and is more than {_HMO_REFERRAL_DAYS} days old at the visit"


def _referral_expired(rng: random.Random, d: _Draft) -> str:
    expires = d.dos - timedelta(days=rng.randint(1, 10))
    d.claim["referral"].update({"date": expires - timedelta(days=60), "expires": expires})
    return f"The referral expired on {expires}, before the visit on {d.dos}"


def _plan_uncertified(rng: random.Random, d: _Draft) -> str:
    start = d.dos - timedelta(days=rng.randint(_PLAN_CERTIFY_WITHIN_DAYS + 5, 80))
    d.claim["plan_of_care"] = {"start": start, "certified_on": None, "end": None}
    return f"The plan of care started {start} and is still not certified, more than 30 days on"


def _plan_needs_recertification(rng: random.Random, d: _Draft) -> str:
    start = d.dos - timedelta(days=rng.randint(_PLAN_RECERTIFY_EVERY_DAYS + 5, 140))
    d.claim["plan_of_care"] = {"start": start, "certified_on": start + timedelta(days=3), "end": None}
    return f"The plan of care started {start}, more than 90 days before the visit, and was not recertified"


def _plan_ended(rng: random.Random, d: _Draft) -> str:
    start = d.dos - timedelta(days=60)
    end = d.dos - timedelta(days=rng.randint(1, 10))
    d.claim["plan_of_care"] = {"start": start, "certified_on": start + timedelta(days=2), "end": end}
    return f"The certified plan of care ended on {end}, before the visit"


def _plan_certified_late(rng: random.Random, d: _Draft) -> str:
    start = d.dos - timedelta(days=60)
    certified = start + timedelta(days=rng.randint(_PLAN_CERTIFY_WITHIN_DAYS + 5, 50))
    d.claim["plan_of_care"] = {"start": start, "certified_on": certified, "end": None}
    return f"The plan of care was certified on {certified}, more than 30 days after it started (a warning)"


def _progress_report_overdue(rng: random.Random, d: _Draft) -> str:
    days = rng.randint(_PROGRESS_REPORT_EVERY, _PROGRESS_REPORT_EVERY + 5)
    d.history["treatment_days_since_progress_report"] = days
    return f"{days} treatment days have passed since the last progress report (a warning)"


def _no_authorization(rng: random.Random, d: _Draft) -> str:
    d.history["authorizations"] = []
    d.claim["prior_authorization"] = None
    return "No prior authorization is on record or on the claim, and the plan requires one"


def _authorization_ended(rng: random.Random, d: _Draft) -> str:
    end = d.dos - timedelta(days=rng.randint(1, 15))
    d.authorization().update({"start": end - timedelta(days=120), "end": end})
    return f"The prior authorization ended on {end}, before the visit"


def _authorization_not_started(rng: random.Random, d: _Draft) -> str:
    start = d.dos + timedelta(days=rng.randint(2, 10))
    d.authorization().update({"start": start, "end": start + timedelta(days=90)})
    return f"The prior authorization starts on {start}, after the visit"


def _authorization_no_visits(rng: random.Random, d: _Draft) -> str:
    d.authorization()["visits_remaining"] = 0
    return "The prior authorization has no visits left"


def _authorization_one_unit(rng: random.Random, d: _Draft) -> str:
    d.authorization()["units_remaining"] = 1
    return f"The prior authorization has 1 unit left for {sum(line['units'] for line in d.lines)} units billed"


def _authorization_other_code(rng: random.Random, d: _Draft) -> str:
    d.authorization()["codes"] = ["97110"]
    return f"The prior authorization covers only 97110, not {', '.join(line['code'] for line in d.lines)}"


def _authorization_number_off(rng: random.Random, d: _Draft) -> str:
    d.claim["prior_authorization"] = None
    return "A valid prior authorization covers the visit but its number is not on the claim (a warning)"


def _without_active_treatment(rng: random.Random, d: _Draft) -> str:
    line = d.line("98940")
    line["modifiers"] = [m for m in line["modifiers"] if m != "AT"]
    return "Chiropractic manipulation is billed to Medicare without AT (treated as maintenance)"


def _plan_after_visit(rng: random.Random, d: _Draft) -> str:
    start = d.dos + timedelta(days=rng.randint(1, 20))
    d.claim["plan_of_care"] = {"start": start, "certified_on": start, "end": None}
    return f"The plan of care starts {start}, after the visit"


def _submitted_before_visit(rng: random.Random, d: _Draft) -> str:
    submitted = d.dos - timedelta(days=rng.randint(1, 10))
    d.claim["submitted_on"] = submitted
    d.today = submitted
    return f"The claim is submitted on {submitted}, before the visit"


def _x_modifier_for_59(rng: random.Random, d: _Draft) -> str:
    line = next(line for line in d.lines if "59" in line["modifiers"])
    line["modifiers"] = ["XS" if m == "59" else m for m in line["modifiers"]]
    return f"{line['code']} carries XS where this payer takes 59 (a warning)"


def _d(rule_id: str, mutate: Mutation, payer: str, menu: str, **recipe: Any) -> _Defect:
    """A defect: the rule id that must report it, the one change, and the clean claim it starts from."""
    if payer in {"hmo", "ppo"}:
        recipe["plan"], payer = payer, "commercial-template"
    return _Defect(rule_id, {"payer": payer, "menu": menu, **recipe}, mutate)


_LATE_ENOUGH = date(2025, 10, 31)  # so a late submission still comes before the corpus's last day
_IN_2016: dict[str, Any] = {"first": date(2016, 1, 4), "last": date(2016, 12, 15)}
#: Two defects an edit of one payer catches are dated apart, so they differ in more than the seed.
_EARLY: dict[str, Any] = {"first": date(2021, 1, 4), "last": date(2023, 12, 29)}
_LATE: dict[str, Any] = {"first": date(2024, 1, 2)}
_AUTHORIZED = _PPO_AUTHORIZATION_AFTER + 2  # a PPO member past the visits that need no authorization
_MCR, _AET, _PRE, _HIG, _OPT = "medicare", "aetna-style", "premera-style", "highmark-style", "optum-style"
_WA, _TX, _SELF, _CPT = "medicaid-example-wa", "medicaid-example-tx", "self-pay", "commercial-cpt"
_NO_LMT = "A licensed massage therapist is the rendering provider; this payer does not pay LMTs"

#: Every defect. Payers "hmo" and "ppo" are the commercial-template pack's plans.
_DEFECTS: tuple[_Defect, ...] = (
    # the claim form
    _d("edits.required.subscriber_id", _drop("subscriber_id", "The member id is missing"), _AET, "manual+massage"),
    _d("edits.required.subscriber_id", _drop("subscriber_id", "The Medicaid member id is missing"), _TX, "exercise"),
    _d("edits.required.subscriber_id", _drop("subscriber_id", "The Medicare MBI is missing"), _MCR, "manual"),
    _d("edits.required.birth_date", _no_birth_date, _OPT, "manual+activities"),
    _d("edits.required.birth_date", _no_birth_date, "hmo", "manual"),
    _d("edits.required.birth_date", _no_birth_date, _SELF, "massage"),
    _d("edits.required.tax_id", _no_tax_id, _PRE, "massage"),
    _d("edits.required.tax_id", _no_tax_id, _HIG, "exercise"),
    _d("edits.required.charge", _zero_charge(1), _MCR, "exercise"),
    _d("edits.required.charge", _zero_charge(0), _CPT, "manual+massage"),
    # where and when
    _d("edits.place_of_service.not_allowed", _place("23", "emergency room"), _MCR, "manual"),
    _d(
        "edits.place_of_service.not_allowed",
        _place("10", "telehealth in the patient's home, on Medicare's list only from 2022"),
        _MCR,
        "massage",
        first=date(2021, 1, 4),
        last=date(2021, 12, 20),
    ),
    _d("edits.place_of_service.not_allowed", _place("31", "skilled nursing facility"), _MCR, "exercise"),
    _d("edits.timely_filing.expired", _late, _OPT, "manual", last=_LATE_ENOUGH),
    _d("edits.timely_filing.expired", _late, _MCR, "exercise", last=date(2025, 9, 30)),
    _d("edits.timely_filing.expired", _late, "ppo", "manual+activities", last=_LATE_ENOUGH),
    _d("edits.timely_filing.expired", _late, _AET, "evaluation", last=_LATE_ENOUGH),
    _d("edits.duplicate", _duplicate, _HIG, "manual"),
    _d("edits.duplicate", _duplicate, _CPT, "massage"),
    _d("edits.duplicate", _duplicate, _WA, "manual+activities"),
    # who renders and bills
    _d("edits.provider.npi_check_digit", _broken("rendering_provider"), _MCR, "manual+massage"),
    _d("edits.provider.npi_check_digit", _broken("referral"), _PRE, "massage"),
    _d("edits.provider.npi_check_digit", _broken("billing_provider"), _WA, "exercise"),
    _d("edits.provider.npi_check_digit", _broken("billing_provider"), _SELF, "manual"),
    _d("edits.provider.not_eligible", _credential("LMT", _NO_LMT), _MCR, "massage", credential="PT"),
    _d("edits.provider.not_eligible", _credential("LMT", _NO_LMT), _AET, "manual+massage"),
    _d(
        "edits.provider.not_eligible",
        _credential("PTA", "A PTA is the rendering provider; assistants bill through the supervising PT"),
        _TX,
        "exercise",
    ),
    _d(
        "edits.provider.code_not_allowed",
        _credential("DC", "A chiropractor bills 97140; Medicare pays a DC only for spinal manipulation"),
        _MCR,
        "manual",
        credential="PT",
        **_EARLY,
    ),
    _d(
        "edits.provider.code_not_allowed",
        _credential("DC", "A chiropractor bills therapeutic exercise; Medicare pays a DC only for manipulation"),
        _MCR,
        "exercise",
        credential="PT",
        **_LATE,
    ),
    # the codes
    _d("edits.code.not_in_force", _add_evaluation_2016, _MCR, "exercise", **_IN_2016),
    _d("edits.code.not_in_force", _replace_with_evaluation_2016, _PRE, "manual", credential="PT", **_IN_2016),
    _d("edits.code.payer_code", _add_97014, _MCR, "exercise", **_EARLY),
    _d("edits.code.payer_code", _hot_pack_to_97014, _MCR, "hot-pack+exercise", **_LATE),
    _d(
        "edits.dx.invalid",
        _condition_to("M54.50", "M54.50 was added only on 2021-10-01"),
        _MCR,
        "manual",
        condition="low_back_pain",
        first=date(2021, 1, 4),
        last=date(2021, 9, 30),
    ),
    _d(
        "edits.dx.invalid",
        _condition_to("M54.99", "there is no such ICD-10-CM code"),
        _OPT,
        "exercise",
        condition="sciatica",
    ),
    _d(
        "edits.dx.invalid",
        _pelvic_pain_to(("R10.21", "R10.22", "R10.23"), "R10.21-R10.23 were added only on 2025-10-01"),
        _PRE,
        "manual+massage",
        condition="pelvic_pain",
        first=date(2024, 1, 2),
        last=date(2025, 9, 30),
    ),
    _d("edits.dx.invalid", _condition_to("M54.20", "M54.2 has no subcodes"), _SELF, "massage", condition="neck_pain"),
    _d(
        "edits.dx.not_billable",
        _condition_to("M54.5", "M54.5 has been a header since 2021-10-01"),
        _AET,
        "manual",
        condition="low_back_pain",
        first=date(2021, 10, 1),
    ),
    _d(
        "edits.dx.not_billable",
        _condition_to("R10.2", "R10.2 has been a header since 2025-10-01"),
        _HIG,
        "massage",
        condition="pelvic_pain",
        first=date(2025, 10, 1),
    ),
    _d("edits.dx.not_billable", _pregnancy_header, "hmo", "exercise", condition="muscle_spasm", postpartum=False),
    _d("edits.dx.no_support", _status_pointers, _MCR, "manual", condition="neck_pain", postpartum=False),
    _d("edits.dx.no_support", _status_pointers, _CPT, "massage", condition="symphysis_pubis", postpartum=False),
    # modifiers
    _d("edits.modifier.therapy_missing", _without_therapy_modifier(0), _OPT, "manual"),
    _d("edits.modifier.therapy_missing", _without_therapy_modifier(1), _WA, "exercise"),
    _d("edits.modifier.therapy_missing", _without_therapy_modifier(1), _MCR, "manual+activities"),
    _d(
        "edits.modifier.assistant_not_in_force",
        _assistant("CQ", 0, "this plan does not recognise the assistant modifiers"),
        _AET,
        "manual",
        credential="PT",
    ),
    _d(
        "edits.modifier.assistant_not_in_force",
        _assistant("CQ", 0, "this plan does not recognise the assistant modifiers"),
        _HIG,
        "exercise",
        credential="PT",
    ),
    _d(
        "edits.modifier.assistant_not_in_force",
        _assistant("CQ", 0, "Medicare recognised CQ only from 2020-01-01"),
        _MCR,
        "manual",
        credential="PT",
        first=date(2019, 1, 2),
        last=date(2019, 12, 20),
    ),
    _d(
        "edits.modifier.assistant_inconsistent",
        _assistant("CO", 0, "CO (an OT assistant) on a line of a PT plan of care, which carries GP"),
        _MCR,
        "exercise",
        credential="PT",
        **_EARLY,
    ),
    _d(
        "edits.modifier.assistant_inconsistent",
        _assistant("CQ", 0, "a therapy assistant's modifier on chiropractic manipulation"),
        _MCR,
        "manipulation",
        **_LATE,
    ),
    # code pairs
    _d("edits.ncci.never_together", _add_97750, _MCR, "re-evaluation+exercise"),
    _d("edits.ncci.never_together", _add_97750, _WA, "re-evaluation+exercise"),
    _d("edits.ncci.modifier_missing", _without_distinct(1), _AET, "manual+massage"),
    _d("edits.ncci.modifier_missing", _without_distinct(1), "ppo", "manual+activities"),
    _d("edits.ncci.modifier_missing", _without_distinct(1), _OPT, "traction+manual"),
    _d("edits.ncci.modifier_missing", _without_distinct(1), _MCR, "evaluation"),
    _d("edits.ncci.modifier_missing", _without_distinct(1), _SELF, "manual+massage"),
    # how much
    _d(
        "edits.visit_limit.reached",
        _visits(_VISIT_LIMIT, "this is visit 21 of the plan's 20"),
        "ppo",
        "manual",
        visits_used=_AUTHORIZED,
    ),
    _d("edits.visit_limit.reached", _visits(_VISIT_LIMIT + 3, "this is visit 24 of the plan's 20"), "hmo", "exercise"),
    _d(
        "edits.units_per_day.exceeded",
        _units("97140", 5, "5 units of physical medicine, over the plan's 4 a day"),
        _HIG,
        "manual",
        **_EARLY,
    ),
    _d("edits.units_per_day.exceeded", _highmark_exercise_units, _HIG, "exercise", **_LATE),
    _d("edits.mue.exceeded", _units("97110", 7, "over the medically unlikely edit of 6 a day"), _MCR, "exercise"),
    _d("edits.mue.exceeded", _units("97112", 5, "over the medically unlikely edit of 4 a day"), _OPT, "exercise"),
    _d(
        "edits.mue.exceeded",
        _units("97530", 8, "over the medically unlikely edit of 6 a day"),
        _PRE,
        "manual+activities",
    ),
    _d("edits.kx.missing", _above_kx, _MCR, "manual", first=date(2022, 1, 3), last=date(2023, 12, 20)),
    _d("edits.kx.missing", _above_kx, _MCR, "manual+massage", credential="OT", first=date(2025, 1, 2)),
    # coverage
    _d("edits.massage.not_covered", _add_massage_line, _WA, "exercise"),
    _d("edits.massage.not_covered", _manual_to_massage, _TX, "manual"),
    _d("edits.massage.adjunct_only", _massage_alone, _AET, "manual+massage", **_EARLY),
    _d("edits.massage.adjunct_only", _massage_with_hot_pack, _AET, "manual+massage", **_LATE),
    _d("edits.massage.prescription_missing", _no_prescription, _PRE, "massage", **_EARLY),
    _d(
        "edits.massage.prescription_missing",
        _undated_referral("The massage prescription on the claim has no date"),
        _PRE,
        "manual+massage",
        credential="PT",
        **_LATE,
    ),
    # permission to treat
    _d("edits.referral.missing", _drop("referral", "The HMO claim has no referral"), "hmo", "manual", **_EARLY),
    _d(
        "edits.referral.missing",
        _undated_referral("The referral names the referring NPI but has no date"),
        "hmo",
        "exercise",
        **_LATE,
    ),
    _d("edits.referral.after_service", _referral_after, "hmo", "manual", **_EARLY),
    _d("edits.referral.after_service", _referral_after, "hmo", "manual+activities", **_LATE),
    _d("edits.referral.expired", _referral_stale, "hmo", "massage", **_EARLY),
    _d("edits.referral.expired", _referral_expired, "hmo", "exercise", **_LATE),
    _d("edits.plan_of_care.missing", _drop("plan_of_care", "Therapy is billed with no plan of care"), _MCR, "manual"),
    _d("edits.plan_of_care.missing", _drop("plan_of_care", "Therapy is billed with no plan of care"), _TX, "exercise"),
    _d("edits.plan_of_care.not_certified", _plan_uncertified, _MCR, "massage"),
    _d("edits.plan_of_care.not_certified", _plan_uncertified, _WA, "manual"),
    _d("edits.plan_of_care.recertification_due", _plan_needs_recertification, _MCR, "exercise"),
    _d("edits.plan_of_care.recertification_due", _plan_ended, _TX, "manual"),
    _d("edits.authorization.missing", _no_authorization, "hmo", "manual"),
    _d("edits.authorization.missing", _no_authorization, _WA, "exercise"),
    _d(
        "edits.authorization.missing",
        _visits(_PPO_AUTHORIZATION_AFTER + 1, "visit 14 needs the prior authorization the claim lacks"),
        "ppo",
        "manual+massage",
        visits_used=6,
    ),
    _d("edits.authorization.expired", _authorization_ended, "hmo", "manual+massage"),
    _d("edits.authorization.expired", _authorization_not_started, _TX, "manual"),
    _d("edits.authorization.exhausted", _authorization_no_visits, "hmo", "manual"),
    _d("edits.authorization.exhausted", _authorization_one_unit, _WA, "exercise"),
    _d("edits.authorization.exhausted", _authorization_other_code, "ppo", "manual", visits_used=_AUTHORIZED),
    # warnings: defects the payer may still pay, reported so the biller can act
    _d("edits.plan_of_care.late_certification", _plan_certified_late, _MCR, "manual"),
    _d("edits.progress_report.due", _progress_report_overdue, _MCR, "exercise"),
    _d("edits.timely_filing.near", _near_deadline, _OPT, "manual", last=_LATE_ENOUGH),
    _d(
        "edits.visit_limit.last_visit",
        _visits(_VISIT_LIMIT - 1, "this is the last covered visit of 20"),
        "ppo",
        "exercise",
        visits_used=_AUTHORIZED,
    ),
    _d("edits.authorization.number_missing", _authorization_number_off, "hmo", "manual"),
    _d("edits.authorization.number_missing", _authorization_number_off, _TX, "exercise"),
    # added with the edits for AT, plans of care that start late, early submission and payer-specific X modifiers
    _d("edits.modifier.active_treatment_missing", _without_active_treatment, _MCR, "manipulation"),
    _d("edits.modifier.active_treatment_missing", _without_active_treatment, _MCR, "manipulation", **_EARLY),
    _d("edits.plan_of_care.after_service", _plan_after_visit, _MCR, "manual"),
    _d("edits.plan_of_care.after_service", _plan_after_visit, _WA, "exercise"),
    _d("edits.timely_filing.before_service", _submitted_before_visit, _MCR, "manual+activities"),
    _d("edits.timely_filing.before_service", _submitted_before_visit, _AET, "manual+massage"),
    _d("edits.ncci.modifier_not_accepted", _x_modifier_for_59, _AET, "manual+massage"),
)

_PACKS: tuple[tuple[str, str | None], ...] = (
    (_MCR, None),
    (_AET, None),
    (_PRE, None),
    (_HIG, None),
    (_OPT, None),
    ("commercial-template", "ppo"),
    ("commercial-template", "hmo"),
    (_WA, None),
    (_TX, None),
    (_SELF, None),
    (_CPT, None),
)
#: Clean claims beyond the defects' own originals: three for every payer pack and plan, with whatever visit fits,
#: and a few visits the defects do not start from.
_EXTRA_CLEAN: tuple[dict[str, Any], ...] = (
    *({"payer": payer, "plan": plan} for payer, plan in _PACKS for _ in range(3)),
    {"payer": _MCR, "menu": "manipulation"},
    {"payer": _HIG, "menu": "manipulation+massage"},
    {"payer": _MCR, "menu": "evaluation"},
    {"payer": _MCR, "menu": "manual+activities", "credential": "OT"},
    {"payer": "commercial-template", "plan": "ppo", "menu": "self-care+massage", "visits_used": _AUTHORIZED},
)


def _freeze(draft: _Draft, name: str, expected: str | None, derived_from: str | None) -> CorpusClaim:
    return CorpusClaim(
        name=name,
        submission=ClaimSubmission.model_validate(draft.claim),
        history=History.model_validate(draft.history),
        today=draft.today,
        expected_rule_id=expected,
        derived_from=derived_from,
    )


def _clean_claim(draft: _Draft) -> CorpusClaim:
    return _freeze(draft, f"Nothing is wrong: {draft.summary}.", None, None)


def _with_medicare_assistant(rng: random.Random, draft: _Draft) -> None:
    """Some clean Medicare therapy lines from 2020 on were furnished partly by a PTA: CQ beside GP is right."""
    if draft.claim["payer"] != "medicare" or draft.claim["rendering_provider"]["credential"] != "PT":
        return
    line = draft.lines[-1]
    if "GP" in line["modifiers"] and rng.random() < 0.25:
        line["modifiers"].append("CQ")
        draft.summary += " (a PTA furnished part of the last line: CQ)"


def defect_corpus(seed: int = DEFAULT_SEED) -> list[CorpusClaim]:
    """The labelled corpus for a seed: each defect's clean original, then the defect; then more clean claims.

    Every claim is synthetic. A defect claim has exactly one known defect, named in a full sentence, and the rule id
    of the edit that must report it; its claim id is its original's with "-D" added.
    """
    rng = random.Random(seed)
    corpus: list[CorpusClaim] = []
    number = 0
    for defect in _DEFECTS:
        number += 1
        base = _clean(rng, number, **defect.recipe)
        original = _clean_claim(base)
        corpus.append(original)
        mutated = copy.deepcopy(base)
        mutated.claim["claim_id"] += "-D"
        problem = defect.mutate(rng, mutated)
        corpus.append(_freeze(mutated, f"{problem} ({base.summary}).", defect.rule_id, original.submission.claim_id))
    for recipe in _EXTRA_CLEAN:
        number += 1
        draft = _clean(rng, number, **recipe)
        _with_medicare_assistant(rng, draft)
        corpus.append(_clean_claim(draft))
    return corpus


__all__ = ["DEFAULT_SEED", "IMPORTED_PTP_ROWS", "CorpusClaim", "ImportedPtpRow", "defect_corpus"]
