"""NCCI procedure-to-procedure edits: pairs paid together only with a distinct-service modifier, or never."""

from __future__ import annotations

from dataclasses import dataclass

from gravida.domain import Evidence, Finding
from gravida.domain.submission import SubmittedLine
from gravida.edits.common import Severity, distinct_modifiers, line_evidence, problem
from gravida.edits.context import ScrubContext
from gravida.knowledge import Resolved


@dataclass(frozen=True, slots=True)
class _Pair:
    column1: str
    column2: str
    indicator: int
    basis: Resolved | None


def _pairs_by_code(ctx: ScrubContext) -> dict[str, list[Resolved]]:
    """The curated pairs in force, indexed by each of their codes (built once per stretch of unchanged rules)."""
    index: dict[str, list[Resolved]] = {}
    for resolved in ctx.snapshot.pairs:
        index.setdefault(resolved.value.column1, []).append(resolved)
        index.setdefault(resolved.value.column2, []).append(resolved)
    return index


def _pairs(ctx: ScrubContext) -> list[_Pair]:
    codes = {line.code for line in ctx.claim.lines}
    found: dict[frozenset[str], _Pair] = {}
    by_code: dict[str, list[Resolved]] = ctx.snapshot.memo("<pairs by code>", lambda: _pairs_by_code(ctx))
    candidates = {id(r): r for code in codes for r in by_code.get(code, ())}
    for resolved in candidates.values():
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
            out.append(_missing(pair, evidence_items))
        else:
            out.extend(_not_accepted(ctx, pair, second))
    return out


def _accepted_distinct(ctx: ScrubContext) -> frozenset[str] | None:
    """The distinct-service modifiers the payer takes: its own choices, plus every X modifier if it uses one."""
    rule = ctx.payer_rule("distinct_modifiers")
    if rule is None:
        return None
    chosen = {rule.value.region, rule.value.separate_service}
    if any(m.startswith("X") for m in chosen):
        chosen |= {"XE", "XS", "XP", "XU"}
    return frozenset(chosen)


def _not_accepted(ctx: ScrubContext, pair: _Pair, second: list[tuple[int, SubmittedLine]]) -> list[Finding]:
    accepted = _accepted_distinct(ctx)
    if accepted is None:
        return []
    rule = ctx.payer_rule("distinct_modifiers")
    return [
        problem(
            "edits.ncci.modifier_not_accepted",
            f"{line.code} carries {', '.join(sorted(distinct_modifiers(line)))}, which this payer does not take for "
            f"a distinct service; it uses {', '.join(sorted(accepted))}.",
            fix=f"Replace it with {sorted(accepted)[0]}.",
            carc="CO-4",
            basis=rule,
            evidence_items=[line_evidence(i, line)],
            severity=Severity.WARNING,
        )
        for i, line in second
        if not distinct_modifiers(line) & accepted
    ]


def _missing(pair: _Pair, evidence_items: list[Evidence]) -> Finding:
    return problem(
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
