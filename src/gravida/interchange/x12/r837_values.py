"""Element values of an 837P read back into Gravida's types: dates, names, addresses, codes, amounts.

Each reader of a value takes the segment it comes from, so a problem is reported at its segment (number and id) with
what was expected there. Two kinds of problem, because they call for different answers:

- `X12Error`: the file breaks the standard or the implementation guide (a missing required element, a date that is
  not a date). The whole file is refused, as a clearinghouse would refuse it.
- `Unholdable`: the file is fine but one claim says something a `ClaimSubmission` cannot hold (ICD-9 diagnoses, a
  date range, a line with its own rendering provider). That claim is skipped with the reason; the others are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gravida.domain.parties import Relationship
from gravida.interchange.x12.tokens import Segment, X12Error, ascii_digits


class Unholdable(X12Error):
    """A well-formed claim that Gravida's claim model cannot hold: the claim is skipped, the file is still read."""


FREQUENCIES = {"1": "original", "7": "replacement", "8": "void"}
RELATIONSHIPS: dict[str, Relationship] = {"01": "spouse", "19": "child", "G8": "other"}
FILING_INDICATORS = frozenset({"MB", "MC", "CI", "BL", "HM", "12", "13", "14", "15", "16", "17", "ZZ"})
ICD9_QUALIFIERS = frozenset({"BK", "BF"})
_DECIMAL = re.compile(r"-?(\d+\.?\d*|\.\d+)")
#: Every segment the 837P (005010X222A1) detail may hold; anything else is not an 837P segment.
DETAIL_SEGMENTS = frozenset(
    {
        "HL", "PRV", "CUR", "NM1", "N3", "N4", "REF", "PER", "SBR", "PAT", "DMG", "CLM", "DTP", "PWK", "CN1",
        "AMT", "K3", "NTE", "CR1", "CR2", "CR3", "CRC", "HI", "HCP", "LX", "SV1", "SV5", "QTY", "MEA", "PS1",
        "LIN", "CTP", "SVD", "CAS", "OI", "MOA", "LQ", "FRM",
    }
)  # fmt: skip


def unholdable(segment: Segment, message: str) -> Unholdable:
    return Unholdable(message, segment.number, segment.id)


def padded(segment: Segment, width: int) -> tuple[str, ...]:
    """The elements with "" for those absent up to `width`: `padded(segment, n)[i] == segment.get(i)`, i <= n.

    One call for a handler that reads several elements, instead of one `get` each (the detail's hot path).
    """
    elements = segment.elements
    if len(elements) > width:
        return elements
    return elements + ("",) * (width + 1 - len(elements))


def d8(segment: Segment, position: int, what: str) -> date:
    """A CCYYMMDD date element."""
    return d8_of(segment, position, segment.get(position), what)


def d8_of(segment: Segment, position: int, value: str, what: str) -> date:
    """`value` (element `position`) as a CCYYMMDD date."""
    if len(value) != 8 or not ascii_digits(value):
        raise segment.error(f"element {position} ({what}) must be a date CCYYMMDD, found {value!r}")
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise segment.error(f"element {position} ({what}) is not a calendar date: {value!r}") from None


def service_date(segment: Segment) -> date:
    """DTP*472: a D8 date, or an RD8 range that starts and ends on the same day (a claim holds one date)."""
    elements = padded(segment, 3)
    qualifier = elements[2]
    if qualifier == "D8":
        return d8_of(segment, 3, elements[3], "service date")
    if qualifier == "RD8":
        start, _, end = elements[3].partition("-")
        if start != end:
            raise unholdable(
                segment, f"the service date is a range ({elements[3]}); a Gravida claim holds one date of service"
            )
        return d8_of(segment, 3, start, "service date")
    raise segment.error(f"expected a service date qualifier D8 or RD8, found {qualifier!r}")


def amount(segment: Segment, position: int, what: str) -> float:
    """An X12 decimal (R) element: digits with an optional sign and decimal point, nothing else."""
    return amount_of(segment, position, segment.get(position), what)


def amount_of(segment: Segment, position: int, value: str, what: str) -> float:
    """`value` (element `position`) as an amount, read as `amount` reads it."""
    if not _DECIMAL.fullmatch(value):
        raise segment.error(f"element {position} ({what}) must be an amount, found {value!r}")
    number = float(value)
    if number < 0:
        raise unholdable(segment, f"element {position} ({what}) is negative ({value}); Gravida holds billed amounts")
    return number


def cents_of(value: float) -> int:
    return round(value * 100)


def dotted(code: str) -> str:
    """An ICD-10-CM code as Gravida writes it: the dot after the third character (HI carries none)."""
    return code if len(code) <= 3 or "." in code else f"{code[:3]}.{code[3:]}"


def tax_id(value: str) -> str:
    """A 9-digit employer id as NN-NNNNNNN (REF*EI carries no hyphen)."""
    return f"{value[:2]}-{value[2:]}" if len(value) == 9 and ascii_digits(value) else value


def person(segment: Segment, elements: tuple[str, ...], what: str) -> dict[str, Any]:
    """NM1 of a person: last, first and middle names (NM103-NM105); `elements` is `padded(segment, 9)`."""
    if elements[2] != "1":
        raise unholdable(segment, f"{what} must be a person (NM102 1), found entity type {elements[2]!r}")
    if not elements[3]:
        raise segment.error(f"{what} has no last name (NM103 is required)")
    name: dict[str, Any] = {"last": elements[3], "first": elements[4]}
    if not name["first"]:
        raise unholdable(segment, f"{what} has no first name (NM104); Gravida holds a first and a last name")
    if elements[5]:
        name["middle"] = elements[5]
    return name


def npi(segment: Segment, elements: tuple[str, ...], what: str) -> str:
    """NM108 XX and NM109: a 10-digit National Provider Identifier; `elements` is `padded(segment, 9)`."""
    qualifier, number = elements[8], elements[9]
    if qualifier != "XX" or len(number) != 10 or not ascii_digits(number):
        raise segment.error(
            f"{what} has no NPI: expected NM108 XX and a 10-digit NM109, found {qualifier!r} {number!r}"
        )
    return number


def n3(segment: Segment) -> dict[str, Any]:
    elements = padded(segment, 2)
    address: dict[str, Any] = {"line1": elements[1]}
    if elements[2]:
        address["line2"] = elements[2]
    return address


def n4(segment: Segment, address: dict[str, Any] | None) -> dict[str, Any]:
    if address is None:
        raise segment.error("expected an N3 address line before N4")
    elements = padded(segment, 3)
    address["city"], address["state"], address["zip"] = elements[1], elements[2], elements[3]
    return address


@dataclass(slots=True)
class BillingLoop:
    """2000A and 2010AA as read."""

    hl: Segment
    npi: str | None = None
    name: str | None = None
    person: dict[str, Any] | None = None
    taxonomy: str | None = None
    address: dict[str, Any] | None = None
    tax_id: str | None = None
    phone: str | None = None
    problem: Unholdable | None = None


@dataclass(slots=True)
class InsuredLoop:
    """2000B, 2010BA and 2010BB as read."""

    hl: Segment
    is_patient: bool = False
    sbr: Segment | None = None
    group_number: str | None = None
    filing_indicator: str = "CI"
    name: dict[str, Any] | None = None
    member_id: str | None = None
    address: dict[str, Any] | None = None
    birth_date: date | None = None
    sex: str | None = None
    payer: dict[str, Any] | None = None
    problem: Unholdable | None = None


@dataclass(slots=True)
class PatientLoop:
    """2000C and 2010CA as read."""

    hl: Segment
    relationship: Relationship | None = None
    name: dict[str, Any] | None = None
    address: dict[str, Any] | None = None
    birth_date: date | None = None
    sex: str | None = None
    problem: Unholdable | None = None


@dataclass(slots=True)
class ClaimLoop:
    """2300 with 2310A/2310B and its 2400 lines, as read."""

    clm: Segment
    claim_id: str
    total: float
    place_of_service: str
    frequency: str
    amount_paid: float = 0.0
    prior_authorization: str | None = None
    payer_claim_number: str | None = None
    patient_id: str | None = None
    diagnoses: list[str] | None = None
    referring_npi: str | None = None
    referring_name: dict[str, Any] | None = None
    rendering: Segment | None = None
    rendering_npi: str | None = None
    rendering_name: dict[str, Any] | None = None
    rendering_taxonomy: str | None = None
    lines: list[dict[str, Any]] = field(default_factory=list)
    line_segments: list[Segment] = field(default_factory=list)
    dates: list[tuple[Segment, date]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SkippedClaim:
    """A claim of the file that was not read, with where and why (its CLM01 when the file gives one)."""

    claim_id: str
    segment_number: int | None
    segment_id: str | None
    reason: str

    @classmethod
    def because(cls, claim_id: str, problem: X12Error) -> SkippedClaim:
        return cls(claim_id, problem.segment_number, problem.segment_id, problem.problem)

    def __str__(self) -> str:
        where = f"segment {self.segment_number} ({self.segment_id})" if self.segment_number else "the file"
        return f"claim {self.claim_id} not read, at {where}: {self.reason}"
