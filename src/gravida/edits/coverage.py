"""Edits on what the payer covers: massage as a benefit, as an adjunct only, or only with a prescription."""

from __future__ import annotations

from gravida.domain import Finding
from gravida.edits.common import line_evidence, problem
from gravida.edits.context import ScrubContext


def massage_policy(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("massage_policy")
    if rule is None:
        return []
    massage = [
        (i, line) for i, line in enumerate(ctx.claim.lines) if (s := ctx.spec(line)) and s.benefit_name == "massage"
    ]
    if not massage:
        return []
    spec = rule.value
    evidence_items = [line_evidence(i, line) for i, line in massage]
    if not spec.covered:
        return [
            problem(
                "edits.massage.not_covered",
                "This plan does not cover massage.",
                fix="Bill the patient (superbill, HSA/FSA with a letter of medical necessity).",
                carc="CO-96",
                rarc="N130",
                basis=rule,
                evidence_items=evidence_items,
            )
        ]
    out = []
    if spec.adjunct_only:
        others = [
            line
            for line in ctx.claim.lines
            if (s := ctx.spec(line)) is not None and s.category == "procedure" and s.benefit_name == "therapy"
        ]
        if not others:
            out.append(
                problem(
                    "edits.massage.adjunct_only",
                    "This payer pays massage only as an adjunct to another therapeutic procedure the same day, and "
                    "the claim has none.",
                    fix="Bill massage with the therapeutic procedure it supports, or bill the patient.",
                    carc="CO-96",
                    rarc="N130",
                    basis=rule,
                    evidence_items=evidence_items,
                )
            )
    if spec.prescription_required and (ctx.claim.referral is None or ctx.claim.referral.date is None):
        out.append(
            problem(
                "edits.massage.prescription_missing",
                "This payer pays medical massage only with a diagnosis-specific prescription, and the claim names "
                "none.",
                fix="Get the prescription from the treating provider and add it as the referral.",
                carc="CO-50",
                basis=rule,
                evidence_items=evidence_items,
            )
        )
    return out
