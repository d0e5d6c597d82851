"""Element values of an 835: amounts, quantities, dates and composites, each refused with its place when malformed.

Money decides whether a remittance balances, so an amount that is not a number stops the read with the element
named ("CLP04 'abc' is not an amount"). A calendar-impossible date in an optional position (public samples carry
BPR16 '20002316') and a composite written with a stray separator are read around instead, with a warning kept on
the remittance, because refusing the whole payment over them would help nobody; a date that is not eight digits
at all is still an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from gravida.domain.remittance import Adjustment, Remark
from gravida.interchange.x12.tokens import Delimiters, Segment, X12Error
from gravida.knowledge.remittance_codes import Kind, RemittanceCodes

#: X12 type R: ASCII digits only (Python's \d would also take other scripts' digits, which no 835 may carry).
_AMOUNT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_STRAY_SEPARATOR = re.compile(r"[A-Z0-9]{2}([^A-Za-z0-9 ])")
_BLANKS = ("",) * 24  # padding for `padded`

#: Product/service qualifiers the 005010X221A1 guide allows in SVC01-1 and SVC06-1.
SERVICE_QUALIFIERS = frozenset({"AD", "ER", "HC", "HP", "IV", "N4", "N6", "NU", "UI", "WK"})


def place(segment: Segment, position: int) -> str:
    """How X12 guides name an element: CLP04, SVC01."""
    return f"{segment.id}{position:02d}"


@dataclass(slots=True)
class Context:
    """What one read shares: the interchange's separators, the code labels, and the warnings gathered so far.

    It also remembers what it has already read (numbers, dates, procedure codes, CAS segments, remarks) for the
    rest of the read only: a remittance repeats them thousands of times, and a cache kept past the read would hold
    thousands of the file's strings alive (which slowed whatever ran next).
    """

    delimiters: Delimiters
    codes: RemittanceCodes
    warnings: list[str] = field(default_factory=list)
    _labels: dict[Kind, dict[str, str]] = field(default_factory=dict)
    _numbers: dict[str, Decimal] = field(default_factory=dict)
    #: Raw CCYYMMDD dates already read, and the day each names (None: no such day).
    days: dict[str, date | None] = field(default_factory=dict)
    #: CAS segments already read, by their elements: half the CAS of a remittance repeat one seen before.
    adjustments: dict[tuple[str, ...], tuple[Adjustment, ...]] = field(default_factory=dict)
    #: Procedure composites already read (HC:97140:GP): qualifier, code, modifiers.
    procedures: dict[str, tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)
    remarks: dict[str, Remark] = field(default_factory=dict)

    def label(self, kind: Kind, code: str) -> str:
        """The code's label from Gravida's tables, remembered for the rest of the read."""
        labels = self._labels.get(kind)
        if labels is None:
            labels = self._labels[kind] = {}
        found = labels.get(code)
        if found is None:
            found = labels[code] = self.codes.label(kind, code)
        return found

    def warn(self, segment: Segment, message: str) -> None:
        self.warnings.append(f"segment {segment.number} ({segment.id}): {message}")

    def decimal(self, segment: Segment, position: int, raw: str, kind: str) -> Decimal:
        """`raw` (stripped, not empty) as a Decimal (X12 type R); X12Error naming the element when it is not one."""
        number = self._numbers.get(raw)
        if number is None:
            if not _AMOUNT.match(raw):
                raise segment.error(f"{place(segment, position)} {raw!r} is not {kind}")
            number = self._numbers[raw] = Decimal(raw)
        return number

    def composite(self, segment: Segment, position: int) -> list[str]:
        """The parts of a composite element; a composite split by an undeclared separator is split by that one."""
        raw = segment.get(position)
        separator = self.delimiters.component
        if separator in raw:
            return raw.split(separator)
        stray = _STRAY_SEPARATOR.match(raw)
        if stray and stray.group(1) != self.delimiters.repetition:
            used = stray.group(1)
            self.warn(
                segment,
                f"{place(segment, position)} {raw!r} separates its parts with {used!r}, not with the component "
                f"separator {separator!r} that the ISA header declares; read it with {used!r}",
            )
            return raw.split(used)
        return [raw]


def element(segment: Segment, position: int) -> str:
    """Element `position`, stripped; empty when absent (the hot path of every read, so no method call)."""
    elements = segment.elements
    return elements[position].strip() if position < len(elements) else ""


def qualified(segment: Segment) -> tuple[str, str]:
    """Elements 1 and 2, stripped ("" where absent): the qualifier and value of a DTM, REF, AMT or LQ.

    `element(segment, 1), element(segment, 2)` in one call, for the segments every service line repeats.
    """
    elements = segment.elements
    if len(elements) > 2:
        return elements[1].strip(), elements[2].strip()
    return (elements[1].strip() if len(elements) > 1 else ""), ""


def padded(segment: Segment, width: int) -> tuple[str, ...]:
    """The elements as written, with "" for those absent up to `width`.

    `padded(segment, n)[i].strip()` is `element(segment, i)` for every i up to n: one call for a segment whose
    elements are nearly all read (CLP, SVC), instead of one each.
    """
    elements = segment.elements
    if len(elements) > width:
        return elements
    return elements + _BLANKS[: width + 1 - len(elements)]


def required(segment: Segment, position: int, what: str) -> str:
    value = element(segment, position)
    if not value:
        raise missing(segment, position, what)
    return value


def missing(segment: Segment, position: int, what: str) -> X12Error:
    """The error for a required element left empty: `if not value: raise missing(segment, 2, "...")`."""
    return segment.error(f"{place(segment, position)} ({what}) is required but empty")


def optional(segment: Segment, position: int) -> str | None:
    return element(segment, position) or None


def amount(context: Context, segment: Segment, position: int, what: str) -> Decimal:
    """A required monetary amount (X12 type R), as Decimal."""
    raw = element(segment, position)
    if not raw:
        raise missing(segment, position, what)
    return context.decimal(segment, position, raw, "an amount")


def optional_date(context: Context, segment: Segment, position: int) -> date | None:
    """A CCYYMMDD date. Not eight digits: an error. Eight digits but no such day: a warning and no date."""
    return date_of(context, segment, position, element(segment, position))


def date_of(context: Context, segment: Segment, position: int, raw: str) -> date | None:
    """`raw` (element `position`, stripped) as an optional CCYYMMDD date, as `optional_date` reads it."""
    if not raw:
        return None
    try:
        day = context.days[raw]
    except KeyError:
        day = context.days[raw] = _calendar_day(segment, position, raw)
    if day is None:
        context.warn(segment, f"{place(segment, position)} {raw!r} is not a calendar date; the date is left empty")
    return day


def _calendar_day(segment: Segment, position: int, raw: str) -> date | None:
    """Eight ASCII digits as a date, None when they name no day; X12Error when `raw` is not eight digits."""
    if len(raw) != 8 or not raw.isdigit() or not raw.isascii():
        raise segment.error(f"{place(segment, position)} {raw!r} is not a date (CCYYMMDD)")
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        return None


def check_width(segment: Segment, most: int) -> None:
    """Refuse a segment with more elements than the guide defines (a sign of a shifted or merged segment)."""
    count = len(segment.elements) - 1
    if count > most:
        raise segment.error(f"{segment.id} has {count} elements; the 835 defines at most {most}")
