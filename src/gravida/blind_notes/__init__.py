"""A blind test set of labelled synthetic visit notes: a third generator, independent of the two corpora the note
extractor was tuned on, whose scores are reported as the honest estimate of its accuracy.

Why independent: the tuning corpora share their author's phrasing with the extractor's patterns, so high scores on
them say little about notes written differently. This package was written without reading the extractor, its
lexicons or the other generators; it imports only the label model and the corpus file helpers. Nobody tunes the
extractor on these notes; a change made to pass them would make them one more tuning set.

How labels stay true: every fact is recorded in a `Draft` by the helper that writes its words (`services`,
`clinical`, `styles.common`), never derived from the text afterwards. The modules:

- `vocab`: the label ids; `words`: technique, region and side forms (and the mapping decisions);
- `clinical`: conditions, precautions, pain, limitations, measures, goals, plans (and their mapping decisions);
- `people`, `dates`: invented people with valid NPIs, dates, gestational ages that agree with the EDD;
- `services`: techniques done today and their minutes; `styles`: the nine styles; `corpus`: `blind_corpus()`.
"""

from __future__ import annotations

from gravida.blind_notes.corpus import DEFAULT_SEED, PER_STYLE, blind_corpus, blind_note

__all__ = ["DEFAULT_SEED", "PER_STYLE", "blind_corpus", "blind_note"]
