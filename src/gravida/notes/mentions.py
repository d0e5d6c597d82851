"""The note as medspaCy reads it, reduced to what the assembly needs: each entity with its ConText status and its
section, and the section of any character offset.

Why a module of its own: every kind of fact (techniques, conditions, positions, measures) starts from these
mentions, and the ConText status of each is decided here once, with Gravida's correction to medspaCy's scopes (a
cue does not reach across a terminator).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gravida.domain.note import Status
from gravida.notes.pipeline import CONTEXT_LABELS

#: The sentence, as (start, end) offsets, that holds a character offset.
SentenceOf = Callable[[int], tuple[int, int]]


@dataclass(slots=True)
class Mention:
    """A medspaCy entity, reduced to what the assembly needs."""

    label: str
    entry: str
    start: int
    end: int
    text: str
    status: Status
    section: str | None


class Sections:
    """Section of any character offset, from the sectionizer's token categories."""

    def __init__(self, doc: Any) -> None:
        self.starts: list[int] = []
        self.names: list[str | None] = []
        for section in doc._.sections:
            first = doc[section.title_start] if section.title_start is not None else doc[section.body_start]
            self.starts.append(first.idx)
            self.names.append(section.category)

    def at(self, position: int) -> str | None:
        index = bisect.bisect_right(self.starts, position) - 1
        return self.names[index] if index >= 0 else None


_STATUS_OF_CATEGORY: dict[str, Status] = {
    "NEGATED_EXISTENCE": "negated", "FAMILY": "family", "HYPOTHETICAL": "hypothetical", "HISTORICAL": "historical"
}
_STATUS_ORDER: tuple[Status, ...] = ("negated", "family", "hypothetical", "historical")


def mention_from_entity(ent: Any, sections: Sections, terminators: list[int]) -> Mention:
    """A target with its ConText status. A cue whose reach crosses a terminator (';', 'but', 'c/o') does not
    count: medspaCy leaves such a scope unlimited when cues of another kind follow ('no VB; FHx: HTN (sister)')."""
    status: Status = "affirmed"
    extensions = ent._
    if ent.label_ in CONTEXT_LABELS:
        found = {
            _STATUS_OF_CATEGORY[m.category]
            for m in extensions.modifiers
            if m.category in _STATUS_OF_CATEGORY and not _crosses(m.modifier_span, ent.start, terminators)
        }
        status = next((s for s in _STATUS_ORDER if s in found), "affirmed")
    return Mention(
        label=ent.label_,
        entry=extensions.target_rule.metadata["id"],
        start=ent.start_char,
        end=ent.end_char,
        text=ent.text,
        status=status,
        section=sections.at(ent.start_char),
    )


def _crosses(cue: tuple[int, int], target: int, terminators: list[int]) -> bool:
    """Whether a terminator token stands between a cue and the target it would modify."""
    low, high = (cue[1], target) if cue[1] <= target else (target, cue[0])
    return any(low <= t < high for t in terminators)


def first_of_each(
    mentions: list[Mention], label: str, skip: list[tuple[int, int]] | None = None
) -> list[Mention]:
    """The first affirmed mention of each entry with `label`, leaving out those that start inside `skip` (an
    unticked option, an exercise named like a position)."""
    seen: set[str] = set()
    kept = []
    for m in mentions:
        if any(s <= m.start < e for s, e in skip or ()):
            continue
        if m.label == label and m.status == "affirmed" and m.entry not in seen:
            seen.add(m.entry)
            kept.append(m)
    return kept
