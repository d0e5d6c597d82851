"""Building findings from the rule that justifies them, so every finding carries its source."""

from __future__ import annotations

from collections.abc import Iterable

from gravida.domain import Evidence, Finding, Severity
from gravida.domain.trusted import trusted
from gravida.knowledge.snapshot import Resolved

# Findings are built from validated inputs and rule data, thousands a second in batch work, so they are
# constructed without re-validation (domain.trusted); mypy checks their types instead.


def evidence(field: str, value: object) -> Evidence:
    return Evidence(field, str(value))


def finding(
    rule_id: str,
    severity: Severity,
    message: str,
    *,
    basis: Resolved | None = None,
    fix: str | None = None,
    evidence_items: Iterable[Evidence] = (),
    carc: str | None = None,
    rarc: str | None = None,
) -> Finding:
    """A finding whose citation and uncertainty come from the rule data it rests on."""
    return trusted(
        Finding,
        rule_id=rule_id,
        severity=severity,
        message=message,
        fix=fix,
        citation=basis.citation if basis else None,
        evidence=tuple(evidence_items),
        predicted_carc=carc,
        predicted_rarc=rarc,
        uncertain=basis.uncertain if basis else False,
    )
