"""The FINAL blind set of labelled synthetic visit notes: a fourth generator, written independently, never tuned on.

Why it exists: the note extractor was tuned against three labelled corpora, so their scores overstate how it does
on notes it has not seen. This generator was written from how PTs, PTAs, OTs, LMTs, chiropractors and EMR exports
chart, without reading the extractor, its vocabulary or the other generators; its first-run scores are the honest
estimate. Tuning on it would spend that estimate, so nobody does.

How the labels stay true: a style writes through a `Draft`, whose methods choose the words for one fact and record
it in the same call (`draft.py`); labels are never parsed back from text. The modules:

- `words`: the surface forms, with every mapping decision (which written form is which id) in its docstring;
- `people`: invented names and clinics, Luhn-valid NPIs, dates;
- `draft`: the recording `Draft`, and the rule for `responded` (post-treatment pain scores count);
- `clinical`: complaint cases and the status cues (negated, historical, family, hypothetical);
- `treatment`: which techniques each discipline performs for a case;
- `styles`: the nine styles, one module each;
- `corpus`: `final_corpus(seed=53, per_style=6)`.
"""

from __future__ import annotations

from gravida.final_notes.corpus import DEFAULT_SEED, PER_STYLE, final_corpus

__all__ = ["DEFAULT_SEED", "PER_STYLE", "final_corpus"]
