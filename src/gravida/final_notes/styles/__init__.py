"""The nine note styles of the final blind set, one module each; `WRITERS` maps a style to its writer.

A writer takes a fresh `Draft` (its random source seeded for that one note) and the note's 1-based index within
its style, which picks the layout, so every layout of a style appears in a corpus of six notes per style.
"""

from __future__ import annotations

from collections.abc import Callable

from gravida.final_notes.draft import Draft
from gravida.final_notes.styles import (
    abbreviated,
    chiropractic,
    high_risk,
    narrative,
    non_billable,
    postpartum,
    pt_evaluation,
    templated_emr,
    terse_soap,
)
from gravida.synthetic_notes.labels import Style

Writer = Callable[[Draft, int], str]

WRITERS: dict[Style, Writer] = {
    "terse_soap": terse_soap.write,
    "narrative": narrative.write,
    "templated_emr": templated_emr.write,
    "abbreviated": abbreviated.write,
    "postpartum": postpartum.write,
    "high_risk": high_risk.write,
    "chiropractic": chiropractic.write,
    "pt_evaluation": pt_evaluation.write,
    "non_billable": non_billable.write,
}
