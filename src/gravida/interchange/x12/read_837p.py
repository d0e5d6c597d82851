"""Read an X12 837P (005010X222A1) back into ClaimSubmissions and the Envelope it was sent under.

Why a reader as well as a writer: a practice needs to see what it sent (and what a billing service sent for it),
and the writer is only trustworthy if what it writes reads back as the claim it started from.

- `read_837p(text, directory)` gives a `Read837`: the envelope settings, the claims read, the claims skipped (each
  with its CLM01, the segment and the reason) and warnings.
- A file that breaks the standard or the guide (truncated, a wrong count or control number in SE/GE/IEA, a missing
  required element, text that is not X12) raises `X12Error` naming the segment number and what was expected there.
- A well-formed claim that Gravida's claim model cannot hold (ICD-9 diagnoses, several dates of service, a line
  with its own rendering provider, a payer other than the primary) is skipped, and the rest of the file is read.
- What an 837P does not carry (the payer's policy pack, the providers' credentials) comes from the `Directory`;
  `carried_by_837p` says what of a claim survives the round trip.
"""

from __future__ import annotations

from dataclasses import dataclass

from gravida.domain.submission import ClaimSubmission
from gravida.interchange.x12.collector import cyclic_collector_paused
from gravida.interchange.x12.envelope import Envelope
from gravida.interchange.x12.r837_build import Directory, PayerPlan
from gravida.interchange.x12.r837_carried import carried_by_837p
from gravida.interchange.x12.r837_envelope import read_interchange
from gravida.interchange.x12.r837_values import SkippedClaim
from gravida.interchange.x12.tokens import X12Error, tokenize

__all__ = ["Directory", "PayerPlan", "Read837", "SkippedClaim", "carried_by_837p", "read_837p"]


@dataclass(frozen=True, slots=True)
class Read837:
    """An 837P as read: its envelope settings, its claims in file order, the claims skipped, and warnings."""

    envelope: Envelope
    claims: tuple[ClaimSubmission, ...]
    skipped: tuple[SkippedClaim, ...] = ()
    warnings: tuple[str, ...] = ()


def read_837p(text: str, directory: Directory | None = None) -> Read837:
    """Every claim of an 837P interchange. Raises X12Error (a ValueError) for a malformed file."""
    with cyclic_collector_paused():
        return _read(text, directory or Directory())  # the segments are freed before the collector resumes


def _read(text: str, directory: Directory) -> Read837:
    delimiters, segments = tokenize(text)
    interchange = read_interchange(segments, delimiters.component, directory)
    if interchange.envelope is None:  # read_interchange refuses an interchange without a transaction set
        raise X12Error("the interchange holds no 837 transaction set", len(segments))
    return Read837(
        interchange.envelope,
        tuple(interchange.claims),
        tuple(interchange.skipped),
        tuple(interchange.warnings),
    )

