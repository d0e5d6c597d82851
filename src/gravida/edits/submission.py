"""Edits on the claim as a submission: required fields, place of service, timely filing, duplicates."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from gravida.domain import Finding
from gravida.edits.common import Severity, evidence, finding, line_evidence, problem
from gravida.edits.context import ScrubContext

#: How close to the filing deadline a claim is warned about.
FILING_WARNING_DAYS = 30


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def required_fields(ctx: ScrubContext) -> list[Finding]:
    claim = ctx.claim
    out = []
    self_pay = ctx.snapshot.knowledge.payers[claim.payer].spec.kind == "self_pay"
    if not self_pay and not claim.subscriber_id:
        out.append(
            problem(
                "edits.required.subscriber_id",
                "The claim has no subscriber (member) id; the payer cannot find the coverage.",
                fix="Add the member id from the insurance card.",
                carc="CO-16",
                rarc="MA27",
            )
        )
    if claim.patient.birth_date is None:
        out.append(
            problem(
                "edits.required.birth_date",
                "The patient's birth date is missing.",
                fix="Add the patient's birth date.",
                carc="CO-16",
            )
        )
    if not self_pay and not claim.billing_provider.tax_id:
        out.append(
            problem(
                "edits.required.tax_id",
                "The billing provider's tax id (EIN or SSN) is missing.",
                fix="Add the billing provider's tax id.",
                carc="CO-16",
            )
        )
    for index, line in enumerate(claim.lines):
        if line.charge <= 0:
            out.append(
                problem(
                    "edits.required.charge",
                    f"{line.code} has no charge.",
                    fix="Enter the practice's charge for the line.",
                    carc="CO-16",
                    rarc="M79",
                    evidence_items=[line_evidence(index, line)],
                )
            )
    return out


def place_of_service(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("place_of_service")
    if rule is None or ctx.claim.place_of_service in rule.value.allowed:
        return []
    return [
        problem(
            "edits.place_of_service.not_allowed",
            f"Place of service {ctx.claim.place_of_service} is not one this payer pays these services in "
            f"({', '.join(rule.value.allowed)}).",
            fix="Use the place of service where the visit happened; check the payer's list.",
            carc="CO-5",
            basis=rule,
            evidence_items=[evidence("place_of_service", ctx.claim.place_of_service)],
        )
    ]


def timely_filing(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("filing_limit")
    if rule is None:
        return []
    dos = ctx.claim.date_of_service
    spec = rule.value
    if spec.months:
        deadline, span = _add_months(dos, spec.months), f"{spec.months} months"
    elif spec.days:
        deadline, span = dos + timedelta(days=spec.days), f"{spec.days} days"
    else:
        return []
    submitted = ctx.submitted_on
    if submitted < dos:
        return [
            problem(
                "edits.timely_filing.before_service",
                f"The claim is dated for submission on {submitted}, before the date of service {dos}.",
                fix="Bill a service only after it is furnished; check the date of service and the submission date.",
                carc="CO-16",
                basis=rule,
                evidence_items=[evidence("submitted_on", submitted)],
            )
        ]
    if submitted > deadline:
        return [
            problem(
                "edits.timely_filing.expired",
                f"Submitted {submitted}, after the filing deadline {deadline} ({span} from the date of service).",
                fix="A late claim is paid only with proof of timely filing or a payer-recognised exception.",
                carc="CO-29",
                rarc="N211",
                basis=rule,
                evidence_items=[evidence("submitted_on", submitted)],
            )
        ]
    if (deadline - submitted).days <= FILING_WARNING_DAYS:
        return [
            finding(
                "edits.timely_filing.near",
                Severity.WARNING,
                f"The filing deadline is {deadline}, {(deadline - submitted).days} days away.",
                fix="Send the claim now.",
                basis=rule,
            )
        ]
    return []


def duplicates(ctx: ScrubContext) -> list[Finding]:
    claim = ctx.claim
    if claim.frequency != "original":
        return []
    codes = {line.code for line in claim.lines}
    out = []
    for earlier in ctx.history.earlier_claims:
        if (
            earlier.patient_id == claim.patient.id
            and earlier.rendering_npi == claim.rendering_provider.npi
            and earlier.date_of_service == claim.date_of_service
            and codes & set(earlier.codes)
        ):
            same = ", ".join(sorted(codes & set(earlier.codes)))
            out.append(
                problem(
                    "edits.duplicate",
                    f"Claim {earlier.claim_id} already billed {same} for this patient, provider and date.",
                    fix="To correct the earlier claim, send a replacement (frequency 7) instead of a new claim.",
                    carc="CO-18",
                    evidence_items=[evidence("history.earlier_claims", earlier.claim_id)],
                )
            )
    return out
