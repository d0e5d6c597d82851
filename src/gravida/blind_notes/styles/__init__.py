"""The nine styles of the blind set, each a `write(visit, index) -> text` that records the label as it writes.

Why `index` as well as the random source: each style has a few layouts, and cycling them by index guarantees that
every layout appears in a six-note style, while the random source varies everything inside a layout.
"""

from __future__ import annotations

from collections.abc import Callable

from gravida.blind_notes.styles import (
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
from gravida.blind_notes.styles.common import Visit
from gravida.synthetic_notes.labels import Style

Writer = Callable[[Visit, int], str]

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
