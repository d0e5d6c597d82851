"""The nine held-out styles: style name -> (how to pick its register, the function that writes a note).

Why a registry: the corpus builds every style the same way (a seeded `Draft`, then the style's writer), so adding
or re-balancing a style touches one row.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from gravida.heldout_notes.draft import Draft, Register
from gravida.heldout_notes.styles.chiro import chiropractic
from gravida.heldout_notes.styles.emr import templated_emr
from gravida.heldout_notes.styles.evaluation import pt_evaluation
from gravida.heldout_notes.styles.high_risk import high_risk
from gravida.heldout_notes.styles.narrative import narrative
from gravida.heldout_notes.styles.non_billable import non_billable
from gravida.heldout_notes.styles.postpartum import postpartum
from gravida.heldout_notes.styles.soap import abbreviated, terse_soap
from gravida.synthetic_notes.labels import Style

Writer = Callable[[Draft], str]


def _always(register: Register) -> Callable[[random.Random], Register]:
    return lambda rng: register


def _either(abbr_share: float) -> Callable[[random.Random], Register]:
    return lambda rng: "abbr" if rng.random() < abbr_share else "full"


WRITERS: dict[Style, tuple[Callable[[random.Random], Register], Writer]] = {
    "terse_soap": (_always("abbr"), terse_soap),
    "narrative": (_always("full"), narrative),
    "templated_emr": (_either(0.3), templated_emr),
    "abbreviated": (_always("abbr"), abbreviated),
    "postpartum": (_either(0.6), postpartum),
    "high_risk": (_either(0.6), high_risk),
    "chiropractic": (_always("abbr"), chiropractic),
    "pt_evaluation": (_either(0.3), pt_evaluation),
    "non_billable": (_either(0.7), non_billable),
}
