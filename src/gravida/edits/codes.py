"""Edits on the codes themselves: procedure codes in force, diagnoses valid and supporting the lines."""

from __future__ import annotations

from gravida.domain import Finding
from gravida.edits.common import Severity, evidence, finding, line_evidence, problem
from gravida.edits.context import ScrubContext


def procedure_codes(ctx: ScrubContext) -> list[Finding]:
    out = []
    substitutions = ctx.payer_rule("code_substitutions")
    for index, line in enumerate(ctx.claim.lines):
        rule_id = f"procedures.{line.code}"
        if rule_id not in ctx.snapshot.knowledge.rules:
            out.append(
                finding(
                    "edits.code.not_in_catalog",
                    Severity.INFO,
                    f"{line.code} is not one of the physical-medicine codes Gravida knows; its payer rules are not "
                    "checked.",
                    evidence_items=[line_evidence(index, line)],
                )
            )
        elif ctx.procedure(line.code) is None:
            out.append(
                problem(
                    "edits.code.not_in_force",
                    f"{line.code} was not a valid code on {ctx.claim.date_of_service}.",
                    fix="Use the code in force on the date of service.",
                    carc="CO-16",
                    rarc="M51",
                    evidence_items=[line_evidence(index, line)],
                )
            )
        if substitutions is not None and line.code in substitutions.value:
            out.append(
                problem(
                    "edits.code.payer_code",
                    f"This payer does not accept {line.code}; it takes {substitutions.value[line.code]} instead.",
                    fix=f"Bill {substitutions.value[line.code]}.",
                    carc="CO-16",
                    rarc="M51",
                    basis=substitutions,
                    evidence_items=[line_evidence(index, line)],
                )
            )
    return out


def diagnosis_codes(ctx: ScrubContext) -> list[Finding]:
    out = []
    for position, code in enumerate(ctx.claim.diagnoses):
        status = ctx.snapshot.diagnosis(code)
        if status.valid and status.billable:
            continue
        use = ", ".join(status.replacements) or "a valid, billable code"
        out.append(
            problem(
                "edits.dx.invalid" if not status.valid else "edits.dx.not_billable",
                f"{status.code} is not billable on {ctx.claim.date_of_service}: {status.reason}.",
                fix=f"Use {use}.",
                carc="CO-16",
                rarc="M76",
                evidence_items=[evidence(f"diagnoses[{position}]", code)],
            )
        )
    return out


def diagnosis_support(ctx: ScrubContext) -> list[Finding]:
    """A line must point to a diagnosis that shows a condition; pregnancy status codes alone do not."""
    rule = ctx.snapshot.get("diagnosis.status_only_codes")
    prefixes = tuple(rule.value.prefixes) if rule else ()
    out = []
    for index, line in enumerate(ctx.claim.lines):
        pointed = [ctx.claim.diagnoses[p - 1] for p in line.diagnosis_pointers if p <= len(ctx.claim.diagnoses)]
        if pointed and all(code.startswith(prefixes) for code in pointed):
            out.append(
                problem(
                    "edits.dx.no_support",
                    f"{line.code} points only to pregnancy status codes ({', '.join(pointed)}); pregnancy alone does "
                    "not support therapy.",
                    fix="Point the line to the condition it treats.",
                    carc="CO-11",
                    basis=rule,
                    evidence_items=[line_evidence(index, line)],
                )
            )
    return out
