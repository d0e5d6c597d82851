"""Does a remittance add up? The 835 balancing rules, checked to the cent, listing what does not.

A biller posting an 835 trusts that charge - paid = adjustments for every line and claim, and that the check
equals the claims paid less the provider adjustments. When a payer's file breaks one of these, money goes missing
silently in posting, so the reader reports each break instead of correcting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from gravida.domain.remittance import ClaimPayment, Remittance

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class BalanceProblem:
    """One rule of 835 balancing that a remittance breaks, with the amounts on each side."""

    level: Literal["transaction", "claim", "line"]
    claim_id: str | None
    line: int | None
    expected: Decimal
    found: Decimal
    message: str

    @property
    def difference(self) -> Decimal:
        return self.found - self.expected


def _total(values: list[Decimal]) -> Decimal:
    return sum(values, _ZERO)


def _claim_problems(claim: ClaimPayment) -> list[BalanceProblem]:
    problems = []
    for number, line in enumerate(claim.services, start=1):
        adjusted = _total([a.amount for a in line.adjustments])
        if line.charge - line.paid != adjusted:
            problems.append(
                BalanceProblem(
                    "line",
                    claim.claim_id,
                    number,
                    line.charge - line.paid,
                    adjusted,
                    f"claim {claim.claim_id} line {number} ({line.code}): charge {line.charge} - paid {line.paid} = "
                    f"{line.charge - line.paid}, but its adjustments add up to {adjusted}",
                )
            )
    adjusted = _total([a.amount for a in claim.all_adjustments])
    if claim.charge - claim.paid != adjusted:
        problems.append(
            BalanceProblem(
                "claim",
                claim.claim_id,
                None,
                claim.charge - claim.paid,
                adjusted,
                f"claim {claim.claim_id}: charge {claim.charge} - paid {claim.paid} = {claim.charge - claim.paid}, "
                f"but its claim and line adjustments add up to {adjusted}",
            )
        )
    if claim.services:
        from_lines = _total([s.paid for s in claim.services]) - _total([a.amount for a in claim.adjustments])
        if from_lines != claim.paid:
            problems.append(
                BalanceProblem(
                    "claim",
                    claim.claim_id,
                    None,
                    claim.paid,
                    from_lines,
                    f"claim {claim.claim_id}: paid {claim.paid}, but its lines' payments less its claim-level "
                    f"adjustments come to {from_lines}",
                )
            )
    return problems


def balance_problems(remittance: Remittance) -> list[BalanceProblem]:
    """Every line, claim and the payment total that does not balance; empty when the remittance adds up."""
    problems = [problem for claim in remittance.claims for problem in _claim_problems(claim)]
    sign = Decimal(-1) if remittance.credit_debit == "D" else Decimal(1)
    expected = _total([c.paid for c in remittance.claims]) - _total([p.amount for p in remittance.provider_adjustments])
    if sign * remittance.total_paid != expected:
        problems.append(
            BalanceProblem(
                "transaction",
                None,
                None,
                expected,
                sign * remittance.total_paid,
                f"BPR02 pays {remittance.total_paid}, but the claims paid less the provider adjustments come to "
                f"{expected}",
            )
        )
    return problems
