"""ClaimSubmissions out as one X12 837P interchange (005010X222A1), ready for a clearinghouse.

Why a writer of our own: the 837P is the file a practice actually sends, and it must be exactly right (counts,
control numbers, loop order, situational segments) and fast enough to write thousands of claims in a batch. Every
837P the tests write is checked by pyx12, an independent validator of the implementation guide.

Layout of the file:

- one interchange (ISA/IEA) with one functional group (GS/GE);
- one transaction set (ST/SE), split into further transaction sets of at most 5,000 claims (the guide's
  recommended limit of CLM segments per transaction) or fewer when asked, each with its own HL numbering and
  control number (0001, 0002, ...);
- a billing provider loop (2000A) for each run of consecutive claims with the same billing provider, so claims
  keep their order (sort claims by billing provider first to get one 2000A per provider);
- a subscriber loop (2000B) for every claim, and a patient loop (2000C) under it when the patient is not the
  subscriber; each claim (2300) sits in the loop of its patient.

What each loop carries and which choices the guide leaves open is in `w837_loops`; element rules (money to the cent,
text without delimiters) are in `w837_fields`. A claim that cannot be written raises `Claim837Error` naming it.
"""

from __future__ import annotations

from collections.abc import Sequence

from gravida.domain.submission import ClaimSubmission
from gravida.interchange.x12.envelope import VERSION, Envelope
from gravida.interchange.x12.w837_fields import COMPONENT, REPETITION, TERMINATOR, segment
from gravida.interchange.x12.w837_loops import billing_loop, subscriber_and_claim_loops

#: The guide recommends at most 5,000 claims (CLM segments) in one transaction set.
CLAIMS_PER_TRANSACTION = 5000


def write_837p(
    claims: Sequence[ClaimSubmission],
    envelope: Envelope,
    *,
    line_breaks: bool = False,
    claims_per_transaction: int = CLAIMS_PER_TRANSACTION,
) -> str:
    """One 837P interchange holding `claims`, in their order; `line_breaks` puts each segment on its own line.

    `claims_per_transaction` lowers the 5,000 claims per transaction set for a receiver that takes fewer.
    Raises `Claim837Error` (a ValueError) for the first claim that lacks what the 837P needs, naming the claim,
    the field and the loop; ValueError when `claims` is empty.
    """
    if not claims:
        raise ValueError("an 837P needs at least one claim")
    if not 1 <= claims_per_transaction <= CLAIMS_PER_TRANSACTION:
        raise ValueError(f"claims_per_transaction must be 1 to {CLAIMS_PER_TRANSACTION}, not {claims_per_transaction}")
    body: list[str] = []
    transactions = 0
    for start in range(0, len(claims), claims_per_transaction):
        transactions += 1
        body.extend(_transaction(claims[start : start + claims_per_transaction], envelope, transactions))
    created = envelope.created
    group = envelope.group_number
    segments = [
        _isa(envelope),
        segment(
            "GS",
            "HC",
            envelope.gs_sender,
            envelope.gs_receiver,
            created.strftime("%Y%m%d"),
            _time(envelope),
            str(group),
            "X",
            VERSION,
        ),
        *body,
        f"GE*{transactions}*{group}",
        f"IEA*1*{envelope.interchange_control_number:09d}",
    ]
    terminator = TERMINATOR + "\n" if line_breaks else TERMINATOR
    return terminator.join(segments) + terminator


def _time(envelope: Envelope) -> str:
    """HHMM, or HHMMSS when the creation time has seconds (GS05 and BHT05 allow both)."""
    created = envelope.created
    return created.strftime("%H%M%S" if created.second else "%H%M")


def _isa(envelope: Envelope) -> str:
    created = envelope.created
    fields = (
        "ISA",
        "00",
        " " * 10,
        "00",
        " " * 10,
        envelope.sender_qualifier,
        envelope.sender_id.ljust(15),
        envelope.receiver_qualifier,
        envelope.receiver_id.ljust(15),
        created.strftime("%y%m%d"),
        created.strftime("%H%M"),
        REPETITION,
        "00501",
        f"{envelope.interchange_control_number:09d}",
        "1" if envelope.acknowledgment_requested else "0",
        envelope.usage,
        COMPONENT,
    )
    return "*".join(fields)


def _header(envelope: Envelope, control: str) -> list[str]:
    """ST, BHT and the submitter (1000A) and receiver (1000B) loops."""
    contact: list[str] = ["PER", "IC", envelope.submitter_contact or ""]
    if envelope.submitter_phone:
        contact += ["TE", envelope.submitter_phone]
    if envelope.submitter_email:
        contact += ["EM", envelope.submitter_email]
    return [
        f"ST*837*{control}*{VERSION}",
        segment(
            "BHT", "0019", "00", envelope.batch_reference, envelope.created.strftime("%Y%m%d"), _time(envelope), "CH"
        ),
        f"NM1*41*2*{envelope.submitter_name}*****46*{envelope.submitter_code}",
        segment(*contact),
        f"NM1*40*2*{envelope.receiver_name}*****46*{envelope.receiver_code}",
    ]


def _transaction(claims: Sequence[ClaimSubmission], envelope: Envelope, number: int) -> list[str]:
    control = f"{number:04d}"
    segments = _header(envelope, control)
    hl = 1
    provider_hl = 0
    current: tuple[str, ...] | None = None
    for claim in claims:
        provider = billing_loop(claim)
        if provider != current:
            current = provider
            provider_hl = hl
            segments.append(f"HL*{hl}**20*1")
            segments.extend(provider)
            hl += 1
        claim_segments, hl = subscriber_and_claim_loops(claim, hl, provider_hl)
        segments.extend(claim_segments)
    segments.append(f"SE*{len(segments) + 1}*{control}")
    return segments
