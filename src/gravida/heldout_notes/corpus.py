"""`heldout_corpus`: the held-out labelled notes, the same for the same seed on every machine.

Why one `random.Random` per note, seeded with "seed:style:index": a note does not change when another style or
another note is edited, so a reviewer's diff of the written corpus shows only the notes a change really touched.
"""

from __future__ import annotations

import random

from gravida.heldout_notes.draft import Draft
from gravida.heldout_notes.styles import WRITERS
from gravida.synthetic_notes.labels import STYLES, NoteLabel

DEFAULT_SEED = 11
NOTES_PER_STYLE = 6


def heldout_note(seed: int, style: str, index: int) -> NoteLabel:
    """Note `index` (from 1) of `style`."""
    for known in STYLES:
        if known == style:
            rng = random.Random(f"{seed}:{style}:{index}")
            choose_register, write = WRITERS[known]
            draft = Draft(rng, choose_register(rng), index)
            return draft.finish(f"heldout_{style}-{index:03d}", known, write(draft))
    raise KeyError(style)


def heldout_corpus(seed: int = DEFAULT_SEED, per_style: int = NOTES_PER_STYLE) -> list[NoteLabel]:
    """`per_style` notes of each of the nine styles, style by style."""
    return [heldout_note(seed, style, index) for style in STYLES for index in range(1, per_style + 1)]
