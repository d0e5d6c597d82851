"""X12 text to segments: the delimiters come from the ISA header, every segment keeps its position.

Both readers (837P and 835) start here, so an error anywhere can name the segment by its number (1 is the
ISA) and its identifier, which is how X12 implementation guides and clearinghouse reports count them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import count, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

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


class Segment(NamedTuple):
    """One segment: its id, its elements (element 1 is `elements[1]`; `elements[0]` is the id) and position.

    A named tuple rather than a frozen dataclass: a 1 MB file has some 40,000 segments, and the tokenizer builds
    tuples in C while a frozen dataclass sets each field through `object.__setattr__`. Immutable all the same.
    """

    number: int
    elements: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.elements[0]

    def get(self, position: int, default: str = "") -> str:
        """Element `position` (1-based, as the guides number them), or `default` when absent or empty."""
        elements = self.elements
        if position < len(elements):
            value = elements[position]
            if value:
                return value
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
    """Split an interchange into numbered segments. Line breaks after terminators are tolerated.

    The first step of both readers, so it works in whole-list passes that run in C rather than segment by
    segment, and checks each distinct identifier once: a file repeats a few dozen of them thousands of times.
    """
    delimiters = read_delimiters(text)
    body = text.lstrip("\ufeff \t\r\n")
    separator = delimiters.element
    # One pass that maps built-ins over the pieces (no Python code runs once per segment): split, make the
    # element tuple, number it. tuple.__new__(Segment, (number, elements)) is what Segment(number, elements) does.
    pieces = filter(None, _pieces(body, delimiters.segment))
    elements = map(tuple, map(str.split, pieces, repeat(separator)))
    segments: list[Segment] = list(map(tuple.__new__, repeat(Segment), zip(count(1), elements)))
    return delimiters, _checked(segments, separator)


def _pieces(body: str, terminator: str) -> list[str]:
    """The text of each segment, without the line breaks around its terminator.

    Most files have no line breaks, or one after every terminator and none elsewhere; then a single split gives
    the pieces with nothing left to strip, and the strip pass over every segment is saved.
    """
    if "\r" not in body and terminator not in "\r\n":
        if "\n" not in body:
            return body.split(terminator)
        pieces = body.split(terminator + "\n")
        breaks = len(pieces) - 1  # every terminator followed by a line break, and no other line break
        if breaks == body.count(terminator) == body.count("\n"):
            return pieces
    return [raw.strip("\r\n") for raw in body.split(terminator)]


def _checked(segments: list[Segment], separator: str) -> list[Segment]:
    """The segments without the blanks between terminators, their identifiers stripped of spaces.

    The first malformed identifier is refused with its segment's number (blanks are not counted). Usually every
    distinct identifier is well-formed as written and the list is returned as it is.
    """
    written = set(map(itemgetter(0), map(attrgetter("elements"), segments)))
    identifiers = {head: head.strip() for head in written}
    if all(head == identifier and _well_formed(identifier) for head, identifier in identifiers.items()):
        return segments
    checked: list[Segment] = []
    for segment in segments:
        elements = segment.elements
        if separator.join(elements).isspace():
            continue
        identifier = identifiers[elements[0]]
        if not _well_formed(identifier):
            raise X12Error(f"expected a segment identifier, found {identifier[:20]!r}", len(checked) + 1)
        checked.append(Segment(len(checked) + 1, (identifier, *elements[1:])))
    return checked


def _well_formed(identifier: str) -> bool:
    """Two or three upper-case letters or digits, not starting with a digit."""
    return 2 <= len(identifier) <= 3 and identifier.isalnum() and identifier.isupper() and not identifier[0].isdigit()


def ascii_digits(text: str) -> bool:
    """Whether `text` is all ASCII digits: `str.isdigit` also accepts '²' and other digits `int` refuses, which
    would turn a damaged element into a traceback instead of an error naming its segment."""
    return text.isascii() and text.isdigit()
