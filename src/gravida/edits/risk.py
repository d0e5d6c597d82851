"""The denial-risk score: each finding is a chance of denial; the claim's risk is the chance that any one bites."""

from __future__ import annotations

from collections.abc import Sequence

from gravida.domain import Finding, Severity
from gravida.knowledge import Snapshot
from gravida.knowledge.findings import finding


def denial_risk(findings: Sequence[Finding], snapshot: Snapshot) -> tuple[float, Finding | None]:
    """The risk in [0, 1] and a finding that explains which findings make it (None when there are none)."""
    rule = snapshot.require("scrub.denial_weights")
    weights = rule.value
    survival = 1.0
    parts = []
    for item in findings:
        if item.severity is Severity.INFO or not item.predicted_carc:
            continue
        chance = weights.by_carc.get(item.predicted_carc, weights.default)
        if item.severity is Severity.WARNING:
            chance *= weights.warning_factor
        survival *= 1 - chance
        parts.append(f"{item.rule_id} ({item.predicted_carc}, {chance:.0%})")
    risk = round(1 - survival, 4)
    if not parts:
        return 0.0, None
    return risk, finding(
        "edits.denial_risk",
        Severity.INFO,
        f"Denial risk {risk:.0%}, from: " + "; ".join(parts) + ".",
        basis=rule,
    )
