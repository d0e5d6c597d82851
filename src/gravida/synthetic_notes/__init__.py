"""A labelled corpus of synthetic visit notes, for the note extractor's tests and its benchmark.

Why it exists: the note extractor must read notes as therapists write them (terse SOAP, narrative, EMR templates,
heavy abbreviations, postpartum, high-risk, chiropractic, PT evaluations, notes with nothing to bill). Real notes
are patient data; these are generated from `random.Random(seed)`, and each comes with the facts the generator put
into it, so precision and recall can be measured field by field.

How the labels stay true: a style writes a note through a `NoteBuilder`, whose `write_*` methods choose the words
for one fact and record that fact in the label at the same moment. The labels are never produced by running the
extractor, and the surface forms (`phrases`) are written here by hand, not read from the note vocabulary.

The modules:

- `labels`: the strict label model (`NoteLabel`, `Expected`), also used to read the corpus back from YAML;
- `phrases`: how therapists write techniques, regions, complaints, precautions, limitations, goals;
- `builder`: `NoteBuilder`, which records each fact as it writes it;
- `styles`: the nine styles;
- `corpus`: `note_corpus(seed)` and `notes_of_about(words, count)` for the speed benchmark.
"""

from __future__ import annotations

from gravida.synthetic_notes.corpus import DEFAULT_SEED, NOTES_PER_STYLE, note_corpus, notes_of_about
from gravida.synthetic_notes.labels import STYLES, Expected, NoteLabel

__all__ = ["DEFAULT_SEED", "NOTES_PER_STYLE", "STYLES", "Expected", "NoteLabel", "note_corpus", "notes_of_about"]
