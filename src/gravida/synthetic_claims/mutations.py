"""The defect mutations: each changes a clean draft in ONE way and says, in a sentence, what is now wrong."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from gravida.synthetic_claims.catalog import (
    _FILING_DAYS,
    _HMO_REFERRAL_DAYS,
    _KX_SPENT_ABOVE_EVERY_YEAR,
    _MEDICARE_FILING_MONTHS,
    _PLAN_CERTIFY_WITHIN_DAYS,
    _PLAN_RECERTIFY_EVERY_DAYS,
    _PROGRESS_REPORT_EVERY,
)
from gravida.synthetic_claims.clean import _Draft, _set_code, _set_units
from gravida.synthetic_claims.identifiers import _broken_npi

Mutation = Callable[[random.Random, _Draft], str]


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
    occupational = d.therapy_modifier() == "GO"
    d.history["ot_dollars_this_year" if occupational else "therapy_dollars_this_year"] = spent
    benefit = "occupational therapy" if occupational else "PT and SLP therapy"
    return f"${spent:,.2f} of {benefit} already this year puts the claim above the KX threshold, and no line has KX"


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
