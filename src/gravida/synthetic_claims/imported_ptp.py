"""The NCCI procedure-to-procedure row the corpus assumes a practice has imported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ImportedPtpRow:
    """An NCCI procedure-to-procedure row as a practice's import of the CMS quarterly files would hold it."""

    column1: str
    column2: str
    effective: date
    modifier_indicator: int
    rationale: str


#: Gravida's curated code pairs all allow a distinct-service modifier (indicator 1), so `edits.ncci.never_together`
#: fires only on pairs imported from the CMS files (`gravida ncci import`). The corpus claims that expect it assume
#: this row has been imported; the test and the benchmark load it. The row is MADE UP for the corpus (like the
#: indicator-0 rows of tests/test_ncci.py); it is not CMS's edit for these codes.
IMPORTED_PTP_ROWS: tuple[ImportedPtpRow, ...] = (
    ImportedPtpRow("97164", "97750", date(2015, 10, 1), 0, "Mutually exclusive procedures (synthetic row)"),
)
