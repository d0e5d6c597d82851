"""`final_corpus(seed, per_style)`: the final blind set, deterministic per note.

Why one random source per note (`random.Random(f"{seed}:{style}:{index}")`): changing one style's writer, or the
number of notes per style, leaves every other note as it was, so a regenerated file shows only the notes that
really changed. After a note is written, `_check` rejects the label slips a writer could make that are visible
without reading the text for facts: a technique's minutes missing from the text, an NPI that is not in it.
"""

from __future__ import annotations

import random

from gravida.final_notes.draft import Draft
from gravida.final_notes.styles import WRITERS
from gravida.synthetic_notes.labels import STYLES, NoteLabel

DEFAULT_SEED = 53
PER_STYLE = 6


def final_corpus(seed: int = DEFAULT_SEED, per_style: int = PER_STYLE) -> list[NoteLabel]:
    """`per_style` notes of each of the nine styles, ids `final_<style>-NNN`, in style order."""
    notes: list[NoteLabel] = []
    for style in STYLES:
        for index in range(1, per_style + 1):
            draft = Draft(random.Random(f"{seed}:{style}:{index}"))
            text = WRITERS[style](draft, index)
            note = draft.label(f"final_{style}-{index:03d}", style, text)
            _check(note, draft.said)
            notes.append(note)
    return notes


def _check(note: NoteLabel, said: list[str]) -> None:
    """Guard against writer bugs (a recorded fact whose words were dropped); never a source of labels."""
    lowered = note.text.lower()
    for phrase in said:
        if phrase.lower().rstrip(".") not in lowered:
            raise AssertionError(f"{note.id}: recorded phrase {phrase!r} not in the text")
    e = note.expected
    for t in e.techniques:
        if t.minutes is not None and str(t.minutes) not in note.text:
            raise AssertionError(f"{note.id}: minutes of {t.technique} not written")
    if e.therapist is not None and e.therapist.npi is not None and e.therapist.npi not in note.text:
        raise AssertionError(f"{note.id}: NPI not written")
    for m in e.outcome_measures:
        if f"{m.score:g}" not in note.text:
            raise AssertionError(f"{note.id}: score of {m.measure} not written")
    for p in e.pain:
        if f"{p.score:g}/10" not in note.text and f"{p.score:g} out of 10" not in note.text:
            raise AssertionError(f"{note.id}: pain score {p.score:g} not written")
    if e.referral is not None and e.referral.credential is not None and e.referral.credential not in note.text:
        raise AssertionError(f"{note.id}: referral credential not written")
    if e.billable and not e.techniques:
        raise AssertionError(f"{note.id}: billable without techniques")
    if e.gestational_age is not None and e.postpartum_weeks is not None:
        raise AssertionError(f"{note.id}: pregnant and postpartum at once")
