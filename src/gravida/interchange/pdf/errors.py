"""Why a claim cannot be printed: each error names the claim and the field, so the message alone says what to fix."""

from __future__ import annotations

from gravida.domain.errors import InputError


class ClaimDocumentError(InputError):
    """A claim (or letter) that cannot be printed as given: a missing field, text that does not fit its box."""

    def __init__(self, claim_id: str, field: str, problem: str) -> None:
        super().__init__(field, problem)
        self.claim_id = claim_id
        self.args = (f"claim {claim_id!r}: {field}: {problem}",)


class MissingClaimFieldError(ClaimDocumentError):
    """The document prints a fact the claim does not carry (most often the whole `parties` block)."""
