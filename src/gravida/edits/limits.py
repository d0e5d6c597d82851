"""Edits on how much: annual visit limits, units per day, medically unlikely edits, the Medicare KX threshold."""

from __future__ import annotations

from collections import defaultdict

from gravida.domain import Finding
from gravida.edits.common import Severity, evidence, finding, line_evidence, problem
from gravida.edits.context import ScrubContext


def visit_limit(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("visit_limit")
    if rule is None or not ctx.benefits & set(rule.value.benefits):
        return []
    limit = rule.value.visits_per_year
    visit = ctx.history.visits_used + 1
    shared = ", ".join(rule.value.benefits)
    if visit > limit:
        return [
            problem(
                "edits.visit_limit.reached",
                f"This would be visit {visit} of a {limit}-visit annual limit shared by {shared}.",
                fix="Bill the patient (with a signed waiver where the plan requires one), or ask the plan for an "
                "exception.",
                carc="CO-119",
                basis=rule,
                evidence_items=[evidence("history.visits_used", ctx.history.visits_used)],
            )
        ]
    if visit == limit:
        return [
            finding(
                "edits.visit_limit.last_visit",
                Severity.WARNING,
                f"This is the last of {limit} visits this plan year ({shared}).",
                fix="Tell the patient before the next visit; later visits are not covered.",
                basis=rule,
            )
        ]
    return []


def units_per_day(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("units_per_day")
    if rule is None:
        return []
    counted = [
        (i, line)
        for i, line in enumerate(ctx.claim.lines)
        if (spec := ctx.spec(line)) is not None and spec.benefit_name in rule.value.benefits
    ]
    total = sum(line.units for _, line in counted)
    if total <= rule.value.max_units:
        return []
    return [
        problem(
            "edits.units_per_day.exceeded",
            f"{total} units of {', '.join(rule.value.benefits)} on one date; this payer pays at most "
            f"{rule.value.max_units} per date of service and provider.",
            fix=f"Bill at most {rule.value.max_units} units; the rest are not payable.",
            carc="CO-151",
            basis=rule,
            evidence_items=[line_evidence(i, line) for i, line in counted],
        )
    ]


def medically_unlikely(ctx: ScrubContext) -> list[Finding]:
    """MUEs: from the curated rules (mue/<code>.yaml) and from imported CMS files, which take precedence."""
    if not any(ctx.ncci.mue(line.code) or ctx.snapshot.get(f"mue.{line.code}") for line in ctx.claim.lines):
        return []
    units: dict[str, int] = defaultdict(int)
    largest_line: dict[str, int] = defaultdict(int)
    where: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(ctx.claim.lines):
        units[line.code] += line.units
        largest_line[line.code] = max(largest_line[line.code], line.units)
        where[line.code].append(index)
    out = []
    for code, total in units.items():
        imported = ctx.ncci.mue(code)
        curated = ctx.snapshot.get(f"mue.{code}")
        if imported is not None:
            maximum, indicator, basis = imported.value, imported.adjudication_indicator, None
        elif curated is not None:
            maximum, indicator, basis = curated.value.max_units, curated.value.adjudication_indicator, curated
        else:
            continue
        billed = largest_line[code] if indicator == 1 else total
        if billed > maximum:
            scope = "on one line" if indicator == 1 else "on one date of service"
            out.append(
                problem(
                    "edits.mue.exceeded",
                    f"{billed} units of {code} {scope}; the medically unlikely edit allows {maximum} "
                    f"(adjudication indicator {indicator}).",
                    fix=f"Bill at most {maximum} units, or document why more were needed and appeal.",
                    carc="CO-151",
                    rarc="N362",
                    basis=basis,
                    evidence_items=[line_evidence(i, ctx.claim.lines[i]) for i in where[code]],
                )
            )
    return out


#: The two therapy benefits Medicare caps separately: PT with speech-language pathology, and OT.
_KX_BENEFITS = (("physical therapy and speech-language pathology", {"GP", "GN"}), ("occupational therapy", {"GO"}))


def kx_threshold(ctx: ScrubContext) -> list[Finding]:
    """Above the year's therapy threshold, Medicare pays therapy lines only with KX. PT+SLP and OT each have
    their own threshold of the same amount. Charges stand in for allowed amounts, so the edit errs early."""
    rule = ctx.payer_rule("kx_threshold")
    if rule is None:
        return []
    spec = rule.value
    out = []
    spent = {"GO": ctx.history.ot_dollars_this_year}
    for benefit, modifiers in _KX_BENEFITS:
        lines = [(i, line) for i, line in enumerate(ctx.claim.lines) if modifiers & set(line.modifiers)]
        if not lines:
            continue
        before = spent.get("GO", 0.0) if "GO" in modifiers else ctx.history.therapy_dollars_this_year
        after = before + sum(line.charge for _, line in lines)
        missing = [(i, line) for i, line in lines if spec.modifier not in line.modifiers]
        if after > spec.amount and missing:
            out.append(
                problem(
                    "edits.kx.missing",
                    f"{benefit.capitalize()} this year reaches ${after:,.2f}, above the ${spec.amount:,.2f} "
                    f"threshold; lines above it are paid only with {spec.modifier}, which attests that the care is "
                    "medically necessary.",
                    fix=f"Add {spec.modifier} when the documentation supports medical necessity.",
                    carc="CO-96",
                    rarc="N130",
                    basis=rule,
                    evidence_items=[line_evidence(i, line) for i, line in missing],
                )
            )
        if after > spec.review_threshold:
            out.append(
                finding(
                    "edits.kx.review_threshold",
                    Severity.WARNING,
                    f"{benefit.capitalize()} this year reaches ${after:,.2f}, above ${spec.review_threshold:,.0f}: "
                    "claims may be chosen for targeted medical review.",
                    fix="Make sure the plan of care, progress reports and daily notes support every visit.",
                    basis=rule,
                )
            )
    return out
