"""The labelled note corpus for a seed, and unlabelled ~300-word notes for the speed benchmark."""

from __future__ import annotations

import random
from datetime import date, timedelta

from gravida.synthetic_notes.builder import NoteBuilder
from gravida.synthetic_notes.labels import STYLES, Expected, NoteLabel
from gravida.synthetic_notes.styles import STYLE_WRITERS

DEFAULT_SEED = 4
NOTES_PER_STYLE = 12
#: Styles written with abbreviations (names like "MFR", sides like "R"); the others spell things out.
_TERSE = frozenset({"terse_soap", "abbreviated", "chiropractic", "postpartum", "high_risk"})
_FIRST_DAY = date(2025, 1, 2)
_DAYS = 700

#: Sentences a longer note adds (objective findings, education); realistic wording for the speed benchmark.
_FILLER = (
    "Palpation: increased tone and tenderness noted in B upper traps and R QL, less than last visit.",
    "Educated pt on sleep positioning with a pillow between the knees and a wedge under the abdomen.",
    "Pt reports she is able to work a full shift with fewer breaks than last week but still needs to change "
    "position every 30 minutes.",
    "Posture: increased lumbar lordosis and forward head; pt cued for neutral pelvis in sitting and standing.",
    "Reviewed HEP: pelvic tilts, cat-cow and side-lying clamshells, 10 reps each daily at home.",
    "Pt asked about exercise in the third trimester; encouraged walking and swimming as tolerated per OB.",
    "Skin intact, no bruising or redness after treatment; pt hydrated well before and after the session.",
    "Discussed ergonomics at her desk: feet supported, lumbar roll, monitor at eye level, breaks every hour.",
)


def note_corpus(seed: int = DEFAULT_SEED, per_style: int = NOTES_PER_STYLE) -> list[NoteLabel]:
    """`per_style` notes of every style, with their labels; the same seed always gives the same notes."""
    notes = []
    for style in STYLES:
        for index in range(1, per_style + 1):
            rng = random.Random(f"{seed}:{style}:{index}")
            builder = NoteBuilder(rng=rng, terse=style in _TERSE)
            dos = _FIRST_DAY + timedelta(days=rng.randrange(_DAYS))
            text = STYLE_WRITERS[style](builder, dos)
            notes.append(
                NoteLabel(
                    id=f"{style}-{index:03d}",
                    style=style,
                    text=text,
                    expected=Expected.model_validate(builder.facts),
                )
            )
    return notes


def notes_of_about(words: int, count: int, seed: int = DEFAULT_SEED) -> list[str]:
    """`count` unlabelled notes of about `words` words: corpus-style notes padded with findings and education."""
    rng = random.Random(f"{seed}:long")
    styles = ("terse_soap", "narrative", "templated_emr", "pt_evaluation", "high_risk", "postpartum")
    notes = []
    for _ in range(count):
        style = rng.choice(styles)
        builder = NoteBuilder(rng=rng, terse=style in _TERSE)
        text = STYLE_WRITERS[style](builder, _FIRST_DAY + timedelta(days=rng.randrange(_DAYS)))
        lines = text.rstrip("\n").split("\n")
        while len(" ".join(lines).split()) < words - 15:
            lines.insert(len(lines) - 1, rng.choice(_FILLER))
        notes.append("\n".join(lines) + "\n")
    return notes
