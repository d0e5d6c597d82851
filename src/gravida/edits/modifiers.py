"""Edits on modifiers: therapy (GP/GO), assistants (CQ/CO), and modifiers not yet in force."""

from __future__ import annotations

from gravida.domain import Finding
from gravida.edits.common import THERAPY_MODIFIERS, line_evidence, problem
from gravida.edits.context import ScrubContext


def therapy_modifier(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("therapy_modifiers")
    if rule is None or not rule.value.required:
        return []
    out = []
    for index, line in enumerate(ctx.claim.lines):
        spec = ctx.spec(line)
        if spec is None or spec.therapy != "always" or THERAPY_MODIFIERS & set(line.modifiers):
            continue
        out.append(
            problem(
                "edits.modifier.therapy_missing",
                f"{line.code} is an always-therapy code; this payer requires GP (physical therapy) or GO "
                "(occupational therapy) on it.",
                fix="Add GP or GO for the plan of care the service was furnished under.",
                carc="CO-4",
                basis=rule,
                evidence_items=[line_evidence(index, line)],
            )
        )
    return out


def active_treatment_modifier(ctx: ScrubContext) -> list[Finding]:
    """A payer that pays manipulation only as active treatment denies it without that modifier (Medicare: AT)."""
    rule = ctx.payer_rule("chiropractic_modifiers")
    if rule is None:
        return []
    modifier = rule.value.active_treatment
    return [
        problem(
            "edits.modifier.active_treatment_missing",
            f"{line.code} has no {modifier}; this payer pays manipulation only as active or corrective treatment "
            "and treats it as maintenance therapy without the modifier.",
            fix=f"Add {modifier} if the record documents active treatment with expected improvement.",
            carc="CO-96",
            rarc="N130",
            basis=rule,
            evidence_items=[line_evidence(index, line)],
        )
        for index, line in enumerate(ctx.claim.lines)
        if (spec := ctx.spec(line)) is not None and spec.category == "chiropractic" and modifier not in line.modifiers
    ]


def assistant_modifier(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("assistant_modifiers")
    out = []
    pairs = {}
    if rule is not None:
        pairs = {rule.value.physical_therapy: "GP", rule.value.occupational_therapy: "GO"}
    for index, line in enumerate(ctx.claim.lines):
        used = [m for m in line.modifiers if m in {"CQ", "CO"}]
        if not used:
            continue
        modifier = used[0]
        if rule is None or not rule.value.required:
            out.append(
                problem(
                    "edits.modifier.assistant_not_in_force",
                    f"{modifier} is not recognised by this payer on {ctx.claim.date_of_service}.",
                    fix=f"Remove {modifier}.",
                    carc="CO-4",
                    basis=rule,
                    evidence_items=[line_evidence(index, line)],
                )
            )
            continue
        spec = ctx.spec(line)
        partner = pairs.get(modifier)
        if spec is not None and spec.therapy == "never":
            message = f"{modifier} marks a therapy assistant's service, but {line.code} is not a therapy code."
        elif partner and partner not in line.modifiers:
            message = f"{modifier} goes with {partner}; {line.code} carries {modifier} without it."
        else:
            continue
        out.append(
            problem(
                "edits.modifier.assistant_inconsistent",
                message,
                fix=f"Use {modifier} only with {partner} on therapy codes.",
                carc="CO-4",
                basis=rule,
                evidence_items=[line_evidence(index, line)],
            )
        )
    return out
