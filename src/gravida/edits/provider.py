"""Edits on who renders and bills: payer eligibility of the credential, NPI check digits."""

from __future__ import annotations

from functools import lru_cache

from gravida.domain import Finding
from gravida.edits.common import evidence, line_evidence, problem
from gravida.edits.context import ScrubContext

_CMS_NPI_PREFIX = "80840"


@lru_cache(maxsize=65536)
def npi_is_valid(npi: str) -> bool:
    """The NPI's last digit is the Luhn check digit computed over '80840' and its first nine digits."""
    if len(npi) != 10 or not npi.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(_CMS_NPI_PREFIX + npi[:9])):
        digit = int(char)
        if position % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return (10 - total % 10) % 10 == int(npi[9])


def npi_check_digits(ctx: ScrubContext) -> list[Finding]:
    claim = ctx.claim
    numbers = [
        ("rendering_provider.npi", claim.rendering_provider.npi, "N290"),
        ("billing_provider.npi", claim.billing_provider.npi, "N257"),
    ]
    if claim.referral is not None and claim.referral.by_npi:
        numbers.append(("referral.by_npi", claim.referral.by_npi, "N286"))
    return [
        problem(
            "edits.provider.npi_check_digit",
            f"{field} {npi} fails the NPI check digit; the claim would be rejected.",
            fix="Correct the NPI (the last digit is a check digit; a typo usually breaks it).",
            carc="CO-16",
            rarc=rarc,
            evidence_items=[evidence(field, npi)],
        )
        for field, npi, rarc in numbers
        if not npi_is_valid(npi)
    ]


def provider_eligibility(ctx: ScrubContext) -> list[Finding]:
    rule = ctx.payer_rule("provider_eligibility")
    if rule is None:
        return []
    credential = ctx.claim.rendering_provider.credential.value
    if credential not in rule.value.allowed:
        return [
            problem(
                "edits.provider.not_eligible",
                f"This payer does not pay a {credential} as rendering provider for these services.",
                fix="Bill under an eligible provider who furnished or supervised the care, or bill the patient "
                "(self-pay, superbill).",
                carc="CO-170",
                basis=rule,
                evidence_items=[evidence("rendering_provider.credential", credential)],
            )
        ]
    limited_to = rule.value.codes_by_credential.get(credential)
    if limited_to is None:
        return []
    return [
        problem(
            "edits.provider.code_not_allowed",
            f"This payer pays a {credential} only for {', '.join(limited_to)}; {line.code} is not among them.",
            fix=f"Remove {line.code}, or bill it under a provider the payer pays for it.",
            carc="CO-170",
            basis=rule,
            evidence_items=[line_evidence(index, line)],
        )
        for index, line in enumerate(ctx.claim.lines)
        if line.code not in limited_to
    ]
