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
from functools import lru_cache

from gravida.interchange.x12.tokens import Delimiters, Segment
from gravida.knowledge.remittance_codes import Kind, RemittanceCodes

#: X12 type R: ASCII digits only (Python's \d would also take other scripts' digits, which no 835 may carry).
_AMOUNT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_STRAY_SEPARATOR = re.compile(r"[A-Z0-9]{2}([^A-Za-z0-9 ])")

#: Product/service qualifiers the 005010X221A1 guide allows in SVC01-1 and SVC06-1.
SERVICE_QUALIFIERS = frozenset({"AD", "ER", "HC", "HP", "IV", "N4", "N6", "NU", "UI", "WK"})


def place(segment: Segment, position: int) -> str:
    """How X12 guides name an element: CLP04, SVC01."""
    return f"{segment.id}{position:02d}"


@dataclass
class Context:
    """What one read shares: the interchange's separators, the code labels, and the warnings gathered so far."""

    delimiters: Delimiters
    codes: RemittanceCodes
    warnings: list[str] = field(default_factory=list)
    _labels: dict[tuple[Kind, str], str] = field(default_factory=dict)

    def label(self, kind: Kind, code: str) -> str:
        """The code's label from Gravida's tables, remembered for the rest of the read."""
        key = (kind, code)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self.codes.label(kind, code)
        return found

    def warn(self, segment: Segment, message: str) -> None:
        self.warnings.append(f"segment {segment.number} ({segment.id}): {message}")

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


def required(segment: Segment, position: int, what: str) -> str:
    value = element(segment, position)
    if not value:
        raise segment.error(f"{place(segment, position)} ({what}) is required but empty")
    return value


def optional(segment: Segment, position: int) -> str | None:
    return element(segment, position) or None


def amount(segment: Segment, position: int, what: str) -> Decimal:
    """A required monetary amount (X12 type R), as Decimal."""
    raw = element(segment, position)
    if not raw:
        raise segment.error(f"{place(segment, position)} ({what}) is required but empty")
    return _decimal(segment, position, raw, "an amount")


def optional_amount(segment: Segment, position: int) -> Decimal | None:
    raw = element(segment, position)
    return _decimal(segment, position, raw, "an amount") if raw else None


def optional_quantity(segment: Segment, position: int) -> Decimal | None:
    raw = element(segment, position)
    return _decimal(segment, position, raw, "a quantity") if raw else None


def _decimal(segment: Segment, position: int, raw: str, kind: str) -> Decimal:
    if not _AMOUNT.match(raw):
        raise segment.error(f"{place(segment, position)} {raw!r} is not {kind}")
    return Decimal(raw)


@lru_cache(maxsize=8192)
def _calendar_day(raw: str) -> date | None:
    """Eight digits as a date; None when there is no such day. Cached: a remittance repeats its dates."""
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        return None


def optional_date(context: Context, segment: Segment, position: int) -> date | None:
    """A CCYYMMDD date. Not eight digits: an error. Eight digits but no such day: a warning and no date."""
    raw = element(segment, position)
    if not raw:
        return None
    if len(raw) != 8 or not raw.isdigit() or not raw.isascii():
        raise segment.error(f"{place(segment, position)} {raw!r} is not a date (CCYYMMDD)")
    day = _calendar_day(raw)
    if day is None:
        context.warn(segment, f"{place(segment, position)} {raw!r} is not a calendar date; the date is left empty")
    return day


def check_width(segment: Segment, most: int) -> None:
    """Refuse a segment with more elements than the guide defines (a sign of a shifted or merged segment)."""
    count = len(segment.elements) - 1
    if count > most:
        raise segment.error(f"{segment.id} has {count} elements; the 835 defines at most {most}")
