"""Which side of the body a region or a complaint is on, from the words written beside it.

Why a module of its own: regions (of a technique) and conditions both take a side, written in the same shorthand
("R QL", "rhomboids (L)", "B/L UE", "sciatica down the R leg"), and a side word must mean the same in both.
"""

from __future__ import annotations

import re

from gravida.domain.note import Side

SIDES: dict[str, Side] = {
    "r": "right", "rt": "right", "right": "right", "l": "left", "lt": "left", "left": "left",
    "b": "bilateral", "bil": "bilateral", "bilat": "bilateral", "bilateral": "bilateral", "both": "bilateral",
    "b/l": "bilateral", "bilaterally": "bilateral",
}
#: A side written before a region or complaint, maybe with '-sided' or an anatomical qualifier between
#: ("R QL", "right-sided PGP", "left lateral hip", "B/L UE").
_SIDE_BEFORE = re.compile(
    r"(?:^|[\s(,])(r|rt|right|l|lt|left|b|bil|bilat|bilateral|both|b/l)\.?(?:-sided|\s+sided)?\)?\s*"
    r"(?:(?:lateral|medial|anterior|posterior|ant|post|upper|lower|mid|inferior|superior|proximal|distal)\s+)?$",
    re.I,
)
#: A side written after a region: "rhomboids (L)", "volar wrist, R side", "TFL on the left", "pectorals bilaterally".
SIDE_AFTER_REGION = re.compile(
    r"(?:\s*\((r|rt|l|lt|b|bil|bilat|b/l)\)|,?\s+(r|rt|l|lt|b|right|left)\s+side\b|\s+on\s+the\s+(left|right)\b"
    r"|\s+(bilaterally)\b)",
    re.I,
)
#: A condition may have one word between its side and itself: "right paraspinal spasm", "rt QL spasm".
SIDE_BEFORE_CONDITION = re.compile(
    r"(?:^|[\s(,/])(r|rt|right|l|lt|left|b|bil|bilat|bilateral|both|b/l)\.?(?:-sided|\s+sided)?\)?\s+"
    r"(?:[a-z]{2,}\s+)?$",
    re.I,
)
#: A side written right after a complaint ("sciatica down the R leg", "swelling in B ankles"); a side after a
#: conjunction belongs to the next complaint ("LBP and R SIJ pain").
_SIDE_AFTER = re.compile(
    r"^\s*(?:(?:on|in|of|down|into|to|at)\s+(?:the\s+)?|radiating\s+(?:down\s+|into\s+)?(?:the\s+)?)?"
    r"(right|left|rt|lt|r|l|bilateral|bilat|b)\b(?!/)",
    re.I,
)


def side_of(text: str, start: int, end: int, pattern: re.Pattern[str] = _SIDE_BEFORE) -> Side | None:
    """The side written beside a span: before it (by `pattern`, a few words back), else right after it."""
    before = pattern.search(text[max(0, start - 30) : start])
    if before:
        return SIDES[before.group(1).lower()]
    after = _SIDE_AFTER.match(text[end : end + 30])
    if after:
        return SIDES.get(after.group(1).lower())
    return None
