"""The ISA/GS/ST envelope around 835 transaction sets, checked the way a clearinghouse checks it.

Counts and control numbers in the trailers (SE01/SE02, GE01/GE02, IEA01/IEA02) are how a receiver knows that
nothing was lost or spliced in transit, so a mismatch is an error that names the trailer segment and both numbers.
A transaction set of another kind (an 837 passed to the 835 reader) is refused at its ST.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter, itemgetter

from gravida.interchange.x12.tokens import Segment, X12Error

#: What other transaction sets are, for the error that refuses them.
TRANSACTION_NAMES = {
    "837": "an 837 health care claim",
    "270": "a 270 eligibility inquiry",
    "271": "a 271 eligibility response",
    "276": "a 276 claim status request",
    "277": "a 277 claim status response",
    "999": "a 999 implementation acknowledgment",
    "997": "a 997 functional acknowledgment",
}


#: Where a transaction set's segments stop: its SE, or a header that says the SE is missing.
_SET_ENDS = frozenset({"SE", "ST", "GE", "GS"})


@dataclass(frozen=True, slots=True)
class TransactionSet:
    """One ST ... SE, with the GS08 version of the group that carried it."""

    segments: list[Segment]
    version: str


def _count(segment: Segment, position: int, what: str) -> int:
    raw = segment.get(position).strip()
    if not (raw.isascii() and raw.isdigit()):
        raise segment.error(f"{segment.id}{position:02d} {raw!r} is not a count of {what}")
    return int(raw)


def _check_trailer(trailer: Segment, count: int, counted: int, what: str, control: str, header: Segment) -> None:
    if count != counted:
        raise trailer.error(f"{trailer.id}01 says {count} {what}, but there are {counted}")
    if trailer.get(2).strip() != control:
        raise trailer.error(
            f"{trailer.id}02 {trailer.get(2)!r} does not match the control number {control!r} "
            f"of the {header.id} at segment {header.number}"
        )


def _positions(segments: list[Segment], identifiers: frozenset[str]) -> list[int]:
    """The positions of the segments with one of `identifiers`, in one pass that runs in C."""
    kinds = map(itemgetter(0), map(attrgetter("elements"), segments))
    return list(compress(count(), map(identifiers.__contains__, kinds)))


def transaction_sets(segments: list[Segment], expected: str = "835") -> Iterator[TransactionSet]:
    """Yield each transaction set after checking the envelope around it; the first problem raises X12Error."""
    isa = segments[0]
    last = segments[-1]
    if len(segments) < 2 or last.id != "IEA":
        raise last.error(f"expected the interchange to end with IEA, found {last.id}")
    end = len(segments) - 1
    set_ends = _positions(segments, _SET_ENDS)  # where each transaction set may stop
    index = 1
    groups = 0
    while index < end:
        gs = segments[index]
        if gs.id != "GS":
            raise gs.error(f"expected GS (functional group header) or IEA, found {gs.id}")
        groups += 1
        index += 1
        sets = 0
        while True:
            if index >= end:
                raise last.error(f"expected GE to close the functional group opened at segment {gs.number}")
            st = segments[index]
            if st.id == "GE":
                _check_trailer(st, _count(st, 1, "transaction sets"), sets, "transaction set(s)", gs.get(6).strip(), gs)
                index += 1
                break
            if st.id != "ST":
                raise st.error(f"expected ST (transaction set header) or GE, found {st.id}")
            kind = st.get(1).strip()
            if kind != expected:
                name = TRANSACTION_NAMES.get(kind, f"transaction set {kind!r}")
                raise st.error(f"this is {name}, not an {expected}; the {expected} reader reads only {expected}s")
            start = index
            following = bisect_right(set_ends, index)
            index = set_ends[following] if following < len(set_ends) else end
            se = segments[index]
            if se.id != "SE":
                raise se.error(f"expected SE to close the transaction set opened at segment {st.number}, found {se.id}")
            counted = index - start + 1
            _check_trailer(se, _count(se, 1, "segments"), counted, "segment(s)", st.get(2).strip(), st)
            sets += 1
            index += 1
            yield TransactionSet(segments[start:index], gs.get(8).strip())
    _check_trailer(last, _count(last, 1, "functional groups"), groups, "functional group(s)", isa.get(13).strip(), isa)
    if groups == 0:
        raise X12Error("the interchange holds no functional group (GS ... GE)", last.number, last.id)
