"""Element values for the 837P writer: money to the cent, text an X12 element can hold, the writer's error.

Every value that reaches an element passes through here, so a claim that cannot be written says which claim, which
field and which loop, instead of producing a file a clearinghouse rejects (or worse, one it misreads).
"""

from __future__ import annotations

import math
import re

#: The separators the writer uses: element, component, repetition and segment terminator.
ELEMENT, COMPONENT, REPETITION, TERMINATOR = "*", ":", "^", "~"
_DELIMITERS = (ELEMENT, COMPONENT, REPETITION, TERMINATOR)

#: TR3 2010AA N301: the billing provider address must be a street address; PO boxes go in the pay-to loop.
_PO_BOX = re.compile(r"\bP\.?\s*O\.?\s*BOX\b|\bPOST\s+OFFICE\s+BOX\b", re.IGNORECASE)


class Claim837Error(ValueError):
    """A claim the 837P writer cannot write: names the claim, the field and the loop that needs it."""

    def __init__(self, claim_id: str, field: str, problem: str) -> None:
        self.claim_id = claim_id
        self.field = field
        self.problem = problem
        super().__init__(f"claim {claim_id}: {field} {problem}")


def text(value: str, claim_id: str, field: str, where: str, max_length: int | None = None) -> str:
    """`value` unchanged when an X12 element can carry it: printable ASCII, no delimiter, not too long."""
    if not (value.isascii() and value.isprintable()) or any(d in value for d in _DELIMITERS):
        raise Claim837Error(
            claim_id,
            field,
            f"({where}) holds a character an X12 element cannot carry: use printable ASCII without * : ^ ~",
        )
    if max_length is not None and len(value) > max_length:
        raise Claim837Error(claim_id, field, f"is {len(value)} characters; {where} holds at most {max_length}")
    return value


def street_address(value: str, claim_id: str, field: str) -> str:
    """The billing provider's street line: a PO box is refused (TR3 2010AA N301)."""
    if _PO_BOX.search(value):
        raise Claim837Error(
            claim_id, field, "is a PO box; the 837P billing provider address (2010AA N3) must be a street address"
        )
    return value


def cents(value: float, claim_id: str, field: str) -> int:
    """A dollar amount in whole cents; an amount with a fraction of a cent is refused, not rounded."""
    if not math.isfinite(value) or value < 0:
        raise Claim837Error(claim_id, field, f"is {value}; an 837P amount is a non-negative number of dollars")
    hundredths = round(value * 100)
    if abs(value * 100 - hundredths) > 1e-6 * max(1.0, abs(value)):
        raise Claim837Error(claim_id, field, f"is {value}; an 837P amount has at most 2 decimals (whole cents)")
    return hundredths


def money(amount_in_cents: int) -> str:
    """Dollars as X12 writes them: no trailing zeros, no decimal point for whole dollars (65, 65.5, 65.25)."""
    whole, part = divmod(amount_in_cents, 100)
    if part == 0:
        return str(whole)
    if part % 10 == 0:
        return f"{whole}.{part // 10}"
    return f"{whole}.{part:02d}"


def segment(*elements: str) -> str:
    """A segment without its terminator; trailing empty elements are dropped, as X12 requires."""
    end = len(elements)
    while end > 1 and elements[end - 1] == "":
        end -= 1
    return ELEMENT.join(elements[:end])
