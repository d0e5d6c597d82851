"""Small helpers the edits share."""

from __future__ import annotations

from collections.abc import Iterable

from gravida.domain import Evidence, Finding, Severity
from gravida.domain.submission import SubmittedLine
from gravida.knowledge.findings import evidence, finding
from gravida.knowledge.snapshot import Resolved

__all__ = ["Severity", "distinct_modifiers", "evidence", "finding", "line_evidence", "problem"]

#: Modifiers that mark a service as distinct for an NCCI procedure-to-procedure edit.
DISTINCT = frozenset({"59", "XE", "XS", "XP", "XU"})
THERAPY_MODIFIERS = frozenset({"GP", "GO", "GN"})


def distinct_modifiers(line: SubmittedLine) -> frozenset[str]:
    return DISTINCT & frozenset(line.modifiers)


def line_evidence(index: int, line: SubmittedLine) -> Evidence:
    modifiers = f"-{'-'.join(line.modifiers)}" if line.modifiers else ""
    return evidence(f"lines[{index}]", f"{line.code}{modifiers} x{line.units}")


def problem(
    rule_id: str,
    message: str,
    *,
    fix: str,
    carc: str,
    rarc: str | None = None,
    basis: Resolved | None = None,
    evidence_items: Iterable[Evidence] = (),
    severity: Severity = Severity.ERROR,
) -> Finding:
    """A finding that would draw a denial: it always names the fix and the adjustment reason code."""
    return finding(
        rule_id, severity, message, basis=basis, fix=fix, evidence_items=evidence_items, carc=carc, rarc=rarc
    )
