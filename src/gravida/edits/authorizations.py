"""Edits on permission to treat: referral, plan of care and progress reports, prior authorization."""

from __future__ import annotations

from datetime import timedelta

from gravida.domain import Finding
from gravida.edits.common import Severity, evidence, finding, problem
from gravida.edits.context import ScrubContext


def referral(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("referral")
    if rule is None or not rule.value.required:
        return []
    dos = ctx.claim.date_of_service
    given = ctx.claim.referral
    if given is None or given.date is None:
        return [
            problem(
                "edits.referral.missing",
                "This payer requires a referral for the visit, and the claim has none.",
                fix="Get the referral from the patient's primary or obstetric provider and add it to the claim.",
                carc="CO-288",
                basis=rule,
            )
        ]
    if given.date > dos:
        return [
            problem(
                "edits.referral.after_service",
                f"The referral is dated {given.date}, after the date of service {dos}.",
                fix="A referral must precede the care it covers; check its date.",
                carc="CO-288",
                basis=rule,
                evidence_items=[evidence("referral.date", given.date)],
            )
        ]
    expires = given.expires
    if expires is None and rule.value.valid_days:
        expires = given.date + timedelta(days=rule.value.valid_days)
    if expires is not None and dos > expires:
        return [
            problem(
                "edits.referral.expired",
                f"The referral expired on {expires}, before the date of service {dos}.",
                fix="Get a renewed referral covering the date of service.",
                carc="CO-288",
                basis=rule,
                evidence_items=[evidence("referral.expires", expires)],
            )
        ]
    return []


def plan_of_care(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("plan_of_care")
    if rule is None or not rule.value.required or not ctx.benefits & {"therapy", "massage"}:
        return []
    plan = ctx.claim.plan_of_care
    dos = ctx.claim.date_of_service
    spec = rule.value
    if plan is None:
        return [
            problem(
                "edits.plan_of_care.missing",
                "This payer pays therapy only under a plan of care, and the claim names none.",
                fix="Add the plan of care's start date and its certification.",
                carc="CO-16",
                basis=rule,
            )
        ]
    if plan.start > dos:
        return [
            problem(
                "edits.plan_of_care.after_service",
                f"The plan of care starts {plan.start}, after the date of service {dos}; it does not cover the visit.",
                fix="Bill the visit under the plan of care in force that day, or correct the plan's start date.",
                carc="CO-16",
                basis=rule,
                evidence_items=[evidence("plan_of_care.start", plan.start)],
            )
        ]
    out = []
    certify_by = plan.start + timedelta(days=spec.certify_within_days)
    if plan.certified_on is None:
        severity = Severity.ERROR if dos > certify_by else Severity.WARNING
        out.append(
            problem(
                "edits.plan_of_care.not_certified",
                f"The plan of care that started {plan.start} is not certified; certification is due within "
                f"{spec.certify_within_days} days of the first treatment ({certify_by}).",
                fix="Have the physician or NPP sign the plan of care and add the date.",
                carc="CO-16",
                basis=rule,
                evidence_items=[evidence("plan_of_care.start", plan.start)],
                severity=severity,
            )
        )
    elif plan.certified_on > certify_by:
        out.append(
            problem(
                "edits.plan_of_care.late_certification",
                f"The plan of care was certified on {plan.certified_on}, later than {spec.certify_within_days} days "
                "after the first treatment; a delayed certification needs an explanation in the record.",
                fix="Document why the certification was delayed.",
                carc="CO-16",
                basis=rule,
                evidence_items=[evidence("plan_of_care.certified_on", plan.certified_on)],
                severity=Severity.WARNING,
            )
        )
    recertify_by = plan.start + timedelta(days=spec.recertify_every_days)
    covered_until = min(plan.end, recertify_by) if plan.end else recertify_by
    if dos > covered_until:
        out.append(
            problem(
                "edits.plan_of_care.recertification_due",
                f"The plan of care covers care through {covered_until}; the visit on {dos} needs a recertified plan.",
                fix="Have the plan of care recertified and bill under the new certification.",
                carc="CO-16",
                basis=rule,
                evidence_items=[evidence("plan_of_care.start", plan.start)],
            )
        )
    return out


def progress_report(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("progress_report")
    if rule is None or not ctx.benefits & {"therapy", "massage"}:
        return []
    days = ctx.history.treatment_days_since_progress_report + 1
    if days <= rule.value.every_treatment_days:
        return []
    return [
        problem(
            "edits.progress_report.due",
            f"This is treatment day {days} since the last progress report; one is due at least every "
            f"{rule.value.every_treatment_days} treatment days.",
            fix="Write the progress report (by the therapist) before or at this visit.",
            carc="CO-50",
            basis=rule,
            evidence_items=[evidence("history.treatment_days_since_progress_report", days - 1)],
            severity=Severity.WARNING,
        )
    ]


def prior_authorization(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("prior_authorization")
    if rule is None or not rule.value.required:
        return []
    spec = rule.value
    covered_lines = [
        line for line in ctx.claim.lines if (s := ctx.spec(line)) is not None and s.benefit_name in spec.benefits
    ]
    visit = ctx.history.visits_used + 1
    if not covered_lines or visit <= spec.after_visits:
        return []
    dos = ctx.claim.date_of_service
    candidates = [
        a
        for a in ctx.history.authorizations
        if not ctx.claim.prior_authorization or a.number == ctx.claim.prior_authorization
    ]
    if not candidates:
        return [
            problem(
                "edits.authorization.missing",
                f"Visit {visit} this plan year needs prior authorization"
                + (f" after {spec.after_visits} visits" if spec.after_visits else "")
                + ", and none is on record"
                + (f" under number {ctx.claim.prior_authorization}" if ctx.claim.prior_authorization else "")
                + ".",
                fix="Request authorization before the visit and put its number on the claim.",
                carc="CO-197",
                basis=rule,
            )
        ]
    in_date = [a for a in candidates if a.start <= dos <= a.end]
    if not in_date:
        latest = max(candidates, key=lambda a: a.end)
        return [
            problem(
                "edits.authorization.expired",
                f"Authorization {latest.number} covers {latest.start} to {latest.end}, not {dos}.",
                fix="Request an extension or a new authorization covering the date of service.",
                carc="CO-197",
                basis=rule,
                evidence_items=[evidence("history.authorizations", latest.number)],
            )
        ]
    units = sum(line.units for line in covered_lines)
    usable = [
        a
        for a in in_date
        if (a.visits_remaining is None or a.visits_remaining > 0)
        and (a.units_remaining is None or a.units_remaining >= units)
        and (not a.codes or all(line.code in a.codes for line in covered_lines))
    ]
    if not usable:
        auth = in_date[0]
        return [
            problem(
                "edits.authorization.exhausted",
                f"Authorization {auth.number} has {auth.visits_remaining} visit(s) and {auth.units_remaining} unit(s) "
                f"left, or does not cover every code, for {units} unit(s) billed.",
                fix="Request more visits or units, or bill only what the authorization covers.",
                carc="CO-197",
                basis=rule,
                evidence_items=[evidence("history.authorizations", auth.number)],
            )
        ]
    if not ctx.claim.prior_authorization:
        return [
            finding(
                "edits.authorization.number_missing",
                Severity.WARNING,
                f"Authorization {usable[0].number} covers this visit but its number is not on the claim.",
                fix="Put the authorization number on the claim (837P REF*G1).",
                basis=rule,
                carc="CO-197",
            )
        ]
    return []
