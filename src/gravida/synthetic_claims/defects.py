"""The defects the corpus covers: for each, the rule id that must report it, its mutation and its clean original."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gravida.synthetic_claims.catalog import (
    _AET,
    _AUTHORIZED,
    _CPT,
    _HIG,
    _MCR,
    _OPT,
    _PPO_AUTHORIZATION_AFTER,
    _PRE,
    _SELF,
    _TX,
    _VISIT_LIMIT,
    _WA,
)
from gravida.synthetic_claims.mutations import (
    Mutation,
    _above_kx,
    _add_97014,
    _add_97750,
    _add_evaluation_2016,
    _add_massage_line,
    _assistant,
    _authorization_ended,
    _authorization_no_visits,
    _authorization_not_started,
    _authorization_number_off,
    _authorization_one_unit,
    _authorization_other_code,
    _broken,
    _condition_to,
    _credential,
    _drop,
    _duplicate,
    _highmark_exercise_units,
    _hot_pack_to_97014,
    _late,
    _manual_to_massage,
    _massage_alone,
    _massage_with_hot_pack,
    _near_deadline,
    _no_authorization,
    _no_birth_date,
    _no_prescription,
    _no_tax_id,
    _pelvic_pain_to,
    _place,
    _plan_after_visit,
    _plan_certified_late,
    _plan_ended,
    _plan_needs_recertification,
    _plan_uncertified,
    _pregnancy_header,
    _progress_report_overdue,
    _referral_after,
    _referral_expired,
    _referral_stale,
    _replace_with_evaluation_2016,
    _status_pointers,
    _submitted_before_visit,
    _undated_referral,
    _units,
    _visits,
    _without_active_treatment,
    _without_distinct,
    _without_therapy_modifier,
    _x_modifier_for_59,
    _zero_charge,
)


@dataclass(frozen=True)
class _Defect:
    """One entry of the table below: kept as data so the table reads as the list of what the corpus covers."""

    rule_id: str
    recipe: dict[str, Any]
    mutate: Mutation


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
