"""`blind_corpus(seed)`: the blind test set, generated note by note from its own seeded random source.

Why one `random.Random(f"{seed}:{style}:{index}")` per note: a note never depends on how many notes came before it
or on another style's code, so changing one style or one note leaves every other note byte-identical and a
review diff shows only what changed.
"""

from __future__ import annotations

import random

from gravida.blind_notes.dates import visit_date
from gravida.blind_notes.draft import Draft
from gravida.blind_notes.people import patient
from gravida.blind_notes.styles import WRITERS
from gravida.blind_notes.styles.common import Visit
from gravida.synthetic_notes.labels import STYLES, NoteLabel

DEFAULT_SEED = 29
PER_STYLE = 6


def blind_note(seed: int, style: str, index: int) -> NoteLabel:
    """Note `index` (1-based) of `style`: its text and the label recorded while it was written."""
    for known in STYLES:
        if known == style:
            rng = random.Random(f"{seed}:{style}:{index}")
            visit = Visit(rng, Draft(), patient(rng), visit_date(rng))
            text = "\n".join(line.rstrip() for line in WRITERS[known](visit, index).strip().splitlines())
            return visit.draft.label(f"blind_{style}-{index:03d}", known, text)
    raise ValueError(f"unknown style {style!r}")


def blind_corpus(seed: int = DEFAULT_SEED, per_style: int = PER_STYLE) -> list[NoteLabel]:
    """`per_style` notes of each of the nine styles, in style order; the same seed always gives the same notes."""
    return [blind_note(seed, style, index) for style in STYLES for index in range(1, per_style + 1)]
