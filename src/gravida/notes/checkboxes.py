"""Checkboxes in templated notes: which options are ticked, and the Yes/No answer a screening line gives.

Why a module of its own: EMR exports and paper forms scanned to text say most things with boxes, and the same box
means different things by layout. "[x] Side-lying  [ ] Seated" ticks one option of a list; "Preeclampsia: [ ] Yes
[X] No" answers a screening question; a checklist with "Yes  No" column headings answers by the column a box sits
in. A wrong reading turns a denied precaution into an affirmed one, so each layout is read here, once.
"""

from __future__ import annotations

import re
from typing import Literal

Answer = Literal["yes", "no"]

#: A box, ticked or not: "[ ]", "[x]", "[X]", "[✓]", "☐", "□", "☑", "☒".
BOX = re.compile(r"\[\s?([xX✓✔]?)\s?\]|([☐□☑☒])")
_TICKED = frozenset("xX✓✔☑☒")
#: An unticked option and its words, up to the next box or the end of the line.
_UNTICKED_OPTION = re.compile(r"(?:\[\s?\]|☐|□)[^\[\]☐□☒☑\n]*")
#: A box with its Yes/No label, written after ("[X] No") or before ("No [X]") the box.
_LABELLED = re.compile(
    r"(?:\[\s?([xX✓✔]?)\s?\]|([☐□☑☒]))\s*(yes|no|y|n)\b|\b(yes|no|y|n)\s*(?:\[\s?([xX✓✔]?)\s?\]|([☐□☑☒]))", re.I
)
#: A heading line of answer columns, with no box on it: "        Yes   No".
_COLUMNS = re.compile(r"^[^\[\]☐□☑☒]*\byes\b\s+\bno\b[^\[\]☐□☑☒]*$", re.I)
_HEADING_REACH = 15


def unticked_options(text: str) -> list[tuple[int, int]]:
    """The spans of unticked options ("[ ] Seated", "☐ Effleurage"): what the form offers but did not choose."""
    if "[" not in text and "☐" not in text and "□" not in text:
        return []
    return [(m.start(), m.end()) for m in _UNTICKED_OPTION.finditer(text)]


def answer_after(text: str, position: int) -> Answer | None:
    """The Yes/No the boxes after `position` on its line give: a ticked labelled box ("[ ] Yes [X] No"), or,
    under a "Yes  No" column heading, which of two boxes is ticked ("Preeclampsia   [ ]   [X]")."""
    line_end = text.find("\n", position)
    rest = text[position : len(text) if line_end == -1 else line_end]
    if "[" not in rest and not any(ch in rest for ch in "☐□☑☒"):
        return None
    for m in _LABELLED.finditer(rest):
        tick = m.group(1) if m.group(3) else m.group(5)
        symbol = m.group(2) if m.group(3) else m.group(6)
        label = (m.group(3) or m.group(4)).lower()
        if (tick and tick in _TICKED) or (symbol and symbol in _TICKED):
            return "yes" if label.startswith("y") else "no"
    boxes = [_ticked(m) for m in BOX.finditer(rest)][:2]
    if len(boxes) == 2 and boxes.count(True) == 1 and _under_columns(text, position):
        return "yes" if boxes[0] else "no"
    return None


def _ticked(match: re.Match[str]) -> bool:
    mark = match.group(1) or match.group(2) or ""
    return mark in _TICKED


def _under_columns(text: str, position: int) -> bool:
    """Whether a "Yes  No" heading stands above this line, with only checklist rows between."""
    line_start = text.rfind("\n", 0, position) + 1
    above = text[:line_start].rstrip("\n").split("\n")[-_HEADING_REACH:]
    for line in reversed(above):
        if _COLUMNS.match(line.strip()):
            return True
        if not BOX.search(line):
            return False
    return False
