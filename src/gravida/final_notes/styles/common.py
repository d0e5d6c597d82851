"""Pieces several styles share: the pregnancy facts, exam findings, writing the chosen techniques, typos.

Why typos are applied only to a fixed list of filler words: real dictation and rushed charting misspell words, and
an extractor should not care, but a misspelled key word ("sciatcia", "denise") would make its label a coin toss.
So only words that never carry a labelled fact are ever misspelled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from gravida.final_notes import words
from gravida.final_notes.clinical import Case
from gravida.final_notes.draft import Draft, TechWords
from gravida.final_notes.people import due_date
from gravida.final_notes.treatment import Spec
from gravida.final_notes.words import Register
from gravida.synthetic_notes.labels import Side

_TYPOS = {
    "patient": "pateint", "received": "recieved", "appointment": "appointmnet", "because": "becuase",
    "which": "whcih", "comfortable": "comfortible", "their": "thier",
    "throughout": "thoughout", "minimal": "minimel",
}


def typos(d: Draft, text: str, count: int) -> str:
    """Misspell up to `count` filler words (never a word that carries a labelled fact)."""
    for _ in range(count):
        present = [w for w in _TYPOS if re.search(rf"\b{w}\b", text)]
        if not present:
            break
        word = d.pick(present)
        hits = list(re.finditer(rf"\b{word}\b", text))
        hit = d.pick(hits)
        text = text[: hit.start()] + _TYPOS[word] + text[hit.end():]
    return text


def gestation(d: Draft, visit: date, *, low: int = 14, high: int = 38, days_p: float = 0.7) -> tuple[int, int | None]:
    """Pick a gestational age (weeks, days or None) for a pregnant patient seen on `visit`."""
    weeks = d.rng.randint(low, high)
    return weeks, (d.rng.randint(0, 6) if d.chance(days_p) else None)


def edd_for(visit: date, weeks: int, days: int | None) -> date:
    return due_date(visit, weeks, days or 0)


def written(d: Draft, spec: Spec, register: Register = "short") -> TechWords:
    """Record one chosen technique and return its words."""
    return d.technique(spec.technique, minutes=spec.minutes, regions=spec.regions, side=spec.side, register=register)


def tech_lines(d: Draft, specs: Sequence[Spec], register: Register = "short") -> list[str]:
    return [d.tech_line(written(d, s, register)) for s in specs]


def finding(d: Draft, case: Case, side: Side | None, register: Register) -> str:
    """An exam finding at one of the case's areas ("TTP R piriformis"); records nothing (findings are not facts
    the label model has), so it names no condition, technique or activity."""
    area = d.pick(case.areas) if case.areas else "lumbar"
    place = d.form(words.REGIONS, area, register)
    side_word = "" if side is None else d.form(words.SIDES, side, register) + " "
    if register == "full":
        return d.pick([f"tenderness to palpation at the {side_word}{place}",
                       f"restricted tissue mobility through the {side_word}{place}"])
    return d.pick([f"TTP {side_word}{place}", f"↓ tissue mobility {side_word}{place}", f"tender {side_word}{place}"])


def spasm_finding(d: Draft, register: Register) -> str:
    """A palpated spasm: the condition muscle_spasm, affirmed (no side: the side of a finding is not labelled)."""
    phrase = d.concept("muscle_spasm", "affirmed", register=register)
    return f"palpable {phrase} in the paraspinals" if register == "full" else f"palpable {phrase} paraspinals"


def measure_score(d: Draft, measure: str) -> float:
    """A plausible score on the instrument's own scale (PSFS 0-10 with one decimal, RMDQ 0-24, LEFS 0-80, NDI
    0-50, ODI and PGQ 0-100)."""
    if measure == "psfs":
        return d.rng.randint(25, 75) / 10
    if measure == "roland_morris":
        return float(d.rng.randint(5, 18))
    if measure == "ndi":
        return float(d.rng.randint(8, 30))
    return float(d.rng.randint(14, 48))


def join_list(items: Sequence[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]
