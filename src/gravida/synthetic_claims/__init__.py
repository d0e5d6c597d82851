"""A labelled defect corpus for the scrubber: clean claims for every payer pack, and copies with one known defect.

Why it exists: the YAML scrub cases pin each edit on one hand-made variation of a single base claim. A corpus of
varied claims (every payer pack and plan, dates of service 2021-2026, different codes, credentials, diagnoses and
histories) shows that every error-level edit fires on the defect it is for wherever that defect occurs, that claims
valid for their payer pass, and it gives the benchmarks a labelled set to compare claim scrubbers on.

How it is built: each defect starts from a clean claim, valid for its payer on its date of service (valid NPIs, a
certified plan of care where the payer requires one, a referral and authorization where required, diagnoses valid
on the date, GP/GO where required, 59 or XS on the column-2 code of a bundled pair, charges, filed in time), and
applies ONE mutation. The clean claim is in the corpus too, and the defect names it in `derived_from`. Everything
comes from `random.Random(seed)`, so one seed always gives the same corpus; no real patient, provider or payer is
behind any of it.

This package is data generation: it imports only the domain types (and `npi_with_check_digit` from the synthetic
encounters) and writes the payer facts it relies on as plain constants (`catalog`), so a test of the scrubber against
it does not check the rule data against itself.

The modules, each one part of that:

- `catalog`: the constant tables (payer facts, fee schedule, visit menus, conditions, identifier shapes);
- `diagnoses` and `identifiers`: the diagnosis codes and the NPIs and member ids of a claim;
- `clean`: the draft a claim is built and mutated as, and the builder of a clean claim;
- `mutations`: the defect mutations, each one change to a clean draft;
- `defects`: the table of defects the corpus covers;
- `imported_ptp`: the NCCI row the corpus assumes has been imported;
- `corpus`: the labelled claim type and `defect_corpus()`, which puts it all together for a seed.
"""

from __future__ import annotations

from gravida.synthetic_claims.corpus import DEFAULT_SEED, CorpusClaim, defect_corpus
from gravida.synthetic_claims.imported_ptp import IMPORTED_PTP_ROWS, ImportedPtpRow

__all__ = ["DEFAULT_SEED", "IMPORTED_PTP_ROWS", "CorpusClaim", "ImportedPtpRow", "defect_corpus"]
