"""Building findings from the rule that justifies them, so every finding carries its source."""

from __future__ import annotations

from collections.abc import Iterable

from gravida.domain import Evidence, Finding, Severity
from gravida.knowledge import Resolved


def evidence(field: str, value: object) -> Evidence:
    return Evidence(field=field, value=str(value))


def finding(
    rule_id: str,
    severity: Severity,
    message: str,
    *,
    basis: Resolved | None = None,
    fix: str | None = None,
    evidence_items: Iterable[Evidence] = (),
    carc: str | None = None,
) -> Finding:
    """A finding whose citation and uncertainty come from the rule data it rests on."""
    return Finding(
        rule_id=rule_id,
        severity=severity,
        message=message,
        fix=fix,
        citation=basis.citation if basis else None,
        evidence=tuple(evidence_items),
        predicted_carc=carc,
        uncertain=basis.uncertain if basis else False,
    )
