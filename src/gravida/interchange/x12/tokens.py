"""X12 text to segments: the delimiters come from the ISA header, every segment keeps its position.

Both readers (837P and 835) start here, so an error anywhere can name the segment by its number (1 is the
ISA) and its identifier, which is how X12 implementation guides and clearinghouse reports count them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ISA_LENGTH = 106
"""The ISA segment is fixed width: 105 characters and its terminator."""


class X12Error(ValueError):
    """Malformed X12: says which segment (1-based, ISA is 1) and what was expected there."""

    def __init__(self, message: str, segment_number: int | None = None, segment_id: str | None = None) -> None:
        self.segment_number = segment_number
        self.segment_id = segment_id
        self.problem = message
        where = ""
        if segment_number is not None:
            where = f"segment {segment_number}" + (f" ({segment_id})" if segment_id else "") + ": "
        super().__init__(where + message)


@dataclass(frozen=True, slots=True)
class Delimiters:
    """The four separators an interchange declares in its ISA header."""

    element: str = "*"
    component: str = ":"
    repetition: str = "^"
    segment: str = "~"


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment: its id, its elements (element 1 is `elements[1]`; `elements[0]` is the id) and position."""

    number: int
    elements: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.elements[0]

    def get(self, position: int, default: str = "") -> str:
        """Element `position` (1-based, as the guides number them), or `default` when absent or empty."""
        if position < len(self.elements) and self.elements[position] != "":
            return self.elements[position]
        return default

    def error(self, message: str) -> X12Error:
        return X12Error(message, self.number, self.id)


def read_delimiters(text: str) -> Delimiters:
    """Take the separators from the ISA header; a file without one is not an interchange."""
    start = text.lstrip("\ufeff \t\r\n")
    if not start.startswith("ISA"):
        identifier = re.match(r"[A-Za-z0-9]{1,3}", start)
        first = identifier.group() if identifier else start[:3] or "nothing"
        bare = " (a bare transaction set without its ISA/GS envelope)" if first == "ST" else ""
        raise X12Error(
            f"expected an ISA interchange header at the start of the file, found {first!r}{bare}; "
            "the file must be a complete X12 interchange (ISA ... IEA)",
            1,
        )
    if len(start) < ISA_LENGTH:
        raise X12Error(f"the ISA header is {len(start)} characters long; it must be {ISA_LENGTH}", 1, "ISA")
    element = start[3]
    if start[ISA_LENGTH - 1] in "\r\n" or element.isalnum():
        raise X12Error("the ISA header is not the fixed 106 characters the standard requires", 1, "ISA")
    isa_fields = start[: ISA_LENGTH - 1].split(element)
    if len(isa_fields) != 17:
        raise X12Error(f"the ISA header has {len(isa_fields) - 1} elements; it must have 16", 1, "ISA")
    repetition = isa_fields[11] if isa_fields[12] >= "00501" else "^"
    return Delimiters(element=element, component=start[104], repetition=repetition, segment=start[105])


def tokenize(text: str) -> tuple[Delimiters, list[Segment]]:
    """Split an interchange into numbered segments. Line breaks after terminators are tolerated."""
    delimiters = read_delimiters(text)
    body = text.lstrip("\ufeff \t\r\n")
    segments: list[Segment] = []
    number = 0
    for raw in body.split(delimiters.segment):
        stripped = raw.strip("\r\n")
        if not stripped.strip():
            continue
        number += 1
        elements = tuple(stripped.split(delimiters.element))
        segment_id = elements[0].strip()
        if not (2 <= len(segment_id) <= 3 and segment_id.isalnum() and segment_id.isupper()) or segment_id[0].isdigit():
            raise X12Error(f"expected a segment identifier, found {segment_id[:20]!r}", number)
        segments.append(Segment(number, (segment_id, *elements[1:])))
    return delimiters, segments
