"""NCCI procedure-to-procedure edits: pairs paid together only with a distinct-service modifier, or never."""

from __future__ import annotations

from dataclasses import dataclass

from gravida.domain import Finding
from gravida.edits.common import distinct_modifiers, line_evidence, problem
from gravida.edits.context import ScrubContext
from gravida.knowledge import Resolved


@dataclass(frozen=True, slots=True)
class _Pair:
    column1: str
    column2: str
    indicator: int
    basis: Resolved | None


def _pairs(ctx: ScrubContext) -> list[_Pair]:
    codes = {line.code for line in ctx.claim.lines}
    found: dict[frozenset[str], _Pair] = {}
    for resolved in ctx.snapshot.pairs:
        spec = resolved.value
        if spec.column1 in codes and spec.column2 in codes:
            found[frozenset((spec.column1, spec.column2))] = _Pair(
                spec.column1, spec.column2, spec.modifier_indicator, resolved
            )
    for edit in ctx.ncci.pairs_among(codes, ctx.claim.date_of_service):
        found[frozenset((edit.column1, edit.column2))] = _Pair(
            edit.column1, edit.column2, edit.modifier_indicator, None
        )
    return list(found.values())


def ncci_pairs(ctx: ScrubContext) -> list[Finding]:
    out = []
    lines = list(enumerate(ctx.claim.lines))
    for pair in _pairs(ctx):
        if pair.indicator == 9:
            continue
        second = [(i, line) for i, line in lines if line.code == pair.column2]
        first = [(i, line) for i, line in lines if line.code == pair.column1]
        evidence_items = [line_evidence(i, line) for i, line in first + second]
        if pair.indicator == 0:
            out.append(
                problem(
                    "edits.ncci.never_together",
                    f"{pair.column1} and {pair.column2} are never paid together on one date (modifier indicator 0); "
                    f"{pair.column2} would be denied.",
                    fix=f"Remove {pair.column2}.",
                    carc="CO-97",
                    rarc="M80",
                    basis=pair.basis,
                    evidence_items=evidence_items,
                )
            )
        elif any(not distinct_modifiers(line) for _, line in second):
            out.append(
                problem(
                    "edits.ncci.modifier_missing",
                    f"{pair.column1} and {pair.column2} are a bundled pair; without 59 or XE/XS/XP/XU on "
                    f"{pair.column2} it is denied as included in {pair.column1}.",
                    fix=f"If {pair.column2} was a distinct service (separate region or time), add 59 or the fitting X "
                    "modifier to it and document why; otherwise remove it.",
                    carc="CO-97",
                    rarc="M80",
                    basis=pair.basis,
                    evidence_items=evidence_items,
                )
            )
    return out
