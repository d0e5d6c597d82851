"""The envelopes of an 837P read in order: ISA, GS, ST, the BHT and 1000A/1000B header, the detail, SE, GE, IEA.

One pass from the first segment to the last, so the first problem in the file is the one reported, with its segment
number and what was expected there: a missing trailer, a count or control number in SE/GE/IEA that does not match,
another transaction set where an 837 was expected. The trailers' counts are how a receiver knows nothing was lost
or spliced in transit, so a wrong count refuses the file rather than reading what is there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from gravida.domain.submission import ClaimSubmission
from gravida.interchange.x12 import r837_values as v
from gravida.interchange.x12.envelope import VERSION, Envelope
from gravida.interchange.x12.r837_build import Directory
from gravida.interchange.x12.r837_detail import DetailReader
from gravida.interchange.x12.tokens import Segment, X12Error, ascii_digits

#: GS01 functional identifier codes a wrong file is likely to carry, for the error that refuses it.
_GROUP_KINDS = {"HP": "an 835 remittance (GS01 HP)", "HS": "a 270 eligibility inquiry (GS01 HS)"}
_TRAILERS = frozenset({"SE", "GE", "IEA", "ST", "GS", "ISA"})


@dataclass
class Interchange:
    """What one pass over an interchange gives: the envelope settings, the claims, the claims skipped."""

    envelope: Envelope | None = None
    claims: list[ClaimSubmission] = field(default_factory=list)
    skipped: list[v.SkippedClaim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Cursor:
    """The segments in order; asking past the end names the last segment and what was still expected."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments
        self.index = 0

    def peek(self, expected: str) -> Segment:
        if self.index >= len(self.segments):
            last = self.segments[-1]
            raise X12Error(
                f"the file ends after segment {last.number} ({last.id}); expected {expected}", last.number + 1
            )
        return self.segments[self.index]

    def take(self, segment_id: str, expected: str) -> Segment:
        segment = self.peek(expected)
        if segment.id != segment_id:
            raise segment.error(f"expected {expected}, found {segment.id}")
        self.index += 1
        return segment


def _count(segment: Segment, position: int, what: str) -> int:
    raw = segment.get(position)
    if not ascii_digits(raw):
        raise segment.error(f"{segment.id}{position:02d} must be the number of {what}, found {raw!r}")
    return int(raw)


def _trailer(trailer: Segment, counted: int, what: str, header: Segment, control_position: int) -> None:
    said = _count(trailer, 1, what)
    if said != counted:
        raise trailer.error(f"{trailer.id}01 says {said} {what}, but there are {counted}")
    control = header.get(control_position).strip()
    if trailer.get(2).strip() != control:
        raise trailer.error(
            f"{trailer.id}02 {trailer.get(2)!r} does not match the control number {control!r} of the {header.id} "
            f"at segment {header.number}"
        )


def read_interchange(segments: list[Segment], component: str, directory: Directory) -> Interchange:
    """Walk the whole interchange; the first structural problem raises X12Error naming its segment."""
    cursor = _Cursor(segments)
    isa = cursor.take("ISA", "ISA")
    _check_isa(isa)
    result = Interchange()
    groups = 0
    while cursor.peek("GS (a functional group) or IEA").id != "IEA":
        gs = cursor.take("GS", "GS (a functional group) or IEA")
        groups += 1
        _read_group(cursor, gs, isa, component, directory, result)
    iea = cursor.take("IEA", "IEA")
    _trailer(iea, groups, "functional group(s)", isa, 13)
    if groups == 0:
        raise iea.error("the interchange holds no functional group (GS ... GE)")
    if cursor.index < len(segments):
        extra = segments[cursor.index]
        raise extra.error(f"expected the end of the file after the IEA at segment {iea.number}, found {extra.id}")
    return result


def _check_isa(isa: Segment) -> None:
    if not ascii_digits(isa.get(13)) or len(isa.get(13)) != 9:
        raise isa.error(f"ISA13 must be a 9-digit interchange control number, found {isa.get(13)!r}")
    if isa.get(12) != "00501":
        raise isa.error(f"ISA12 is {isa.get(12)!r}; an 837P (005010X222A1) interchange has version 00501")
    if isa.get(15) not in ("T", "P"):
        raise isa.error(f"ISA15 must be T (test) or P (production), found {isa.get(15)!r}")
    if isa.get(14) not in ("0", "1"):
        raise isa.error(f"ISA14 must be 0 or 1 (acknowledgment requested), found {isa.get(14)!r}")


def _read_group(
    cursor: _Cursor, gs: Segment, isa: Segment, component: str, directory: Directory, result: Interchange
) -> None:
    kind, version = gs.get(1), gs.get(8)
    if kind != "HC":
        what = _GROUP_KINDS.get(kind, f"functional group {kind!r}")
        raise gs.error(f"this is {what}, not an 837 health care claim (GS01 HC)")
    if not version.startswith("005010X222"):
        raise gs.error(f"GS08 is {version!r}; the 837P reader reads {VERSION}")
    if version != VERSION:
        result.warnings.append(f"segment {gs.number} (GS): the group declares {version}; read as {VERSION}")
    sets = 0
    while cursor.peek("ST (a transaction set) or GE").id != "GE":
        st = cursor.take("ST", "ST (a transaction set) or GE")
        if st.get(1) != "837":
            raise st.error(f"this is transaction set {st.get(1)!r}, not an 837; the 837P reader reads only 837s")
        sets += 1
        _read_transaction(cursor, st, isa, gs, component, directory, result)
    _trailer(cursor.take("GE", "GE"), sets, "transaction set(s)", gs, 6)


def _read_transaction(
    cursor: _Cursor,
    st: Segment,
    isa: Segment,
    gs: Segment,
    component: str,
    directory: Directory,
    result: Interchange,
) -> None:
    start = cursor.index - 1
    bht = cursor.take("BHT", "BHT (beginning of hierarchical transaction) right after ST")
    if bht.get(1) != "0019":
        raise bht.error(f"BHT01 must be 0019 (information source, subscriber, dependent), found {bht.get(1)!r}")
    submitted_on = v.d8(bht, 4, "transaction creation date")
    submitter = cursor.take("NM1", "the submitter name (1000A NM1*41)")
    if submitter.get(1) != "41":
        raise submitter.error(f"expected the submitter name (1000A NM1*41), found NM1*{submitter.get(1)}")
    contacts: list[Segment] = []
    while cursor.peek("PER or the receiver name (1000B NM1*40)").id == "PER":
        contacts.append(cursor.take("PER", "PER"))
    if not contacts:
        raise cursor.peek("PER").error("expected the submitter contact (1000A PER) after the submitter name")
    receiver = cursor.take("NM1", "the receiver name (1000B NM1*40)")
    if receiver.get(1) != "40":
        raise receiver.error(f"expected the receiver name (1000B NM1*40), found NM1*{receiver.get(1)}")
    if receiver.get(2) != "2":
        raise receiver.error(
            f"the receiver (1000B NM1*40) is an organization: expected NM102 2, found {receiver.get(2)!r}"
        )
    if result.envelope is None:
        result.envelope = _envelope(isa, gs, bht, submitter, contacts[0], receiver)
    detail = DetailReader(component, submitted_on, directory)
    cursor.index = detail.read_until(cursor.segments, cursor.index, _TRAILERS)
    se = cursor.take("SE", f"SE to close the transaction set opened at segment {st.number}")
    if not detail.levels:
        raise se.error("expected at least one billing provider level (HL*20) before SE")
    detail.finish()
    _trailer(se, cursor.index - start, "segment(s)", st, 2)
    result.claims.extend(detail.claims)
    result.skipped.extend(detail.skipped)


def _contact(per: Segment) -> dict[str, Any]:
    found: dict[str, Any] = {"submitter_contact": per.get(2) or None}
    for position in (3, 5, 7):
        qualifier, value = per.get(position), per.get(position + 1)
        if qualifier == "TE" and "submitter_phone" not in found:
            found["submitter_phone"] = value
        elif qualifier == "EM" and "submitter_email" not in found:
            found["submitter_email"] = value
    return found


def _created(gs: Segment) -> datetime:
    day = v.d8(gs, 4, "group creation date")
    clock = gs.get(5)
    if not ascii_digits(clock) or len(clock) not in (4, 6, 7, 8) or int(clock[:2]) > 23 or int(clock[2:4]) > 59:
        raise gs.error(f"GS05 must be a time HHMM or HHMMSS, found {clock!r}")
    second = int(clock[4:6]) if len(clock) >= 6 else 0
    if second > 59:
        raise gs.error(f"GS05 must be a time HHMM or HHMMSS, found {clock!r}")
    return datetime(day.year, day.month, day.day, int(clock[:2]), int(clock[2:4]), second)


def _envelope(isa: Segment, gs: Segment, bht: Segment, submitter: Segment, per: Segment, receiver: Segment) -> Envelope:
    """The Envelope these header segments were written from; a value Envelope refuses names its segment."""
    fields: dict[str, Any] = {
        "sender_qualifier": isa.get(5),
        "sender_id": isa.get(6).strip(),
        "receiver_qualifier": isa.get(7),
        "receiver_id": isa.get(8).strip(),
        "application_sender": gs.get(2),
        "application_receiver": gs.get(3),
        "submitter_name": submitter.get(3),
        "submitter_id": submitter.get(9) or None,
        **_contact(per),
        "receiver_name": receiver.get(3),
        "receiver_id_code": receiver.get(9) or None,
        "interchange_control_number": int(isa.get(13)),
        "group_control_number": int(gs.get(6)) if ascii_digits(gs.get(6)) else gs.get(6),
        "reference": bht.get(3) or None,
        "usage": isa.get(15),
        "acknowledgment_requested": isa.get(14) == "1",
        "created": _created(gs),
    }
    try:
        return Envelope.model_validate(fields)
    except ValidationError as error:
        item = error.errors()[0]
        name = str(item["loc"][0]) if item["loc"] else ""
        sources = {
            "sender": isa, "receiver_id": isa, "receiver_qualifier": isa, "interchange_control_number": isa,
            "usage": isa, "application": gs, "group_control_number": gs, "created": gs, "reference": bht,
            "submitter_name": submitter, "submitter_id": submitter, "receiver_name": receiver,
            "receiver_id_code": receiver,
        }  # fmt: skip
        segment = next((found for key, found in sources.items() if name.startswith(key)), per)
        raise segment.error(f"cannot read the envelope's {name or 'settings'}: {item['msg']}") from None
