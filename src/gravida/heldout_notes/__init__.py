"""A held-out labelled corpus of synthetic visit notes, written independently of the note extractor.

Why it exists: the main corpus (`gravida.synthetic_notes`) was written by the people who tuned the extractor, so
a perfect score on it proves little. This package writes notes in its own words and layouts (terse SOAP, prose,
EMR forms and flowsheets, shorthand, postpartum, high-risk, chiropractic, PT evaluations, notes with nothing to
bill) without reading the extractor's lexicons or patterns, so the scores on it are an honest estimate.

How the labels stay true: every fact is written by a `Draft` method that chooses the words and records the fact
in the same call; the label is never derived by reading the text back, and `Draft.finish` checks that each
recorded fragment is really in the note. It uses only `gravida.synthetic_notes.labels` (the label model) from the
project.

The modules:

- `npi`: synthetic NPIs with a valid check digit;
- `regions`: how regions are written, and the region-mapping decisions (read its docstring before disagreeing
  with a region label);
- `wording`: techniques, complaints, precautions, positions, limitations, measures, goals, and the status cues;
- `draft`: `Draft`, the recorder;
- `styles`: the nine styles;
- `corpus`: `heldout_corpus(seed, per_style)`.
"""

from __future__ import annotations

from gravida.heldout_notes.corpus import DEFAULT_SEED, NOTES_PER_STYLE, heldout_corpus, heldout_note

__all__ = ["DEFAULT_SEED", "NOTES_PER_STYLE", "heldout_corpus", "heldout_note"]
