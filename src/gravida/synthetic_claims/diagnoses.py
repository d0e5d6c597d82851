"""Diagnoses for a clean claim: the chapter-15 pregnancy code, the treated condition and the weeks of gestation."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from gravida.synthetic_claims.catalog import _M54_5_SPLIT, _R10_2_SPLIT


def _condition_code(rng: random.Random, condition: str, dos: date) -> str:
    """An ICD-10-CM code for the condition that is valid and billable on the date of service."""
    if condition == "low_back_pain":
        return "M54.5" if dos < _M54_5_SPLIT else "M54.50"
    if condition == "pelvic_pain":
        return "R10.2" if dos < _R10_2_SPLIT else rng.choice(("R10.20", "R10.21", "R10.22", "R10.23"))
    choices = {
        "sciatica": ("M54.31", "M54.32"),
        "carpal_tunnel": ("G56.01", "G56.02", "G56.03"),
        "neck_pain": ("M54.2",),
        "muscle_spasm": ("M62.830",),
        "coccyx_pain": ("M53.3",),
        "hip_pain": ("M25.551", "M25.552"),
    }
    return rng.choice(choices[condition])


@dataclass
class _Dx:
    codes: list[str]
    pointers: list[int]
    condition_index: int | None  # where the treated condition's own code is, when it has one
    status_index: int | None  # where the weeks-of-gestation code is, when there is one
    words: str


def _diagnoses(rng: random.Random, dos: date, condition: str, postpartum: bool) -> _Dx:
    """Chapter-15 code first (with the trimester), the condition, then Z3A weeks of gestation."""
    label = condition.replace("_", " ")
    if postpartum:
        if condition == "symphysis_pubis":
            return _Dx(["O26.73"], [1], None, None, f"{label} after delivery")
        return _Dx(["O90.89", _condition_code(rng, condition, dos)], [1, 2], 1, None, f"{label} after delivery")
    weeks = rng.randint(8, 40)
    trimester = 1 if weeks < 14 else 2 if weeks < 28 else 3
    weeks_code = f"Z3A.{weeks:02d}"
    if condition == "symphysis_pubis":
        return _Dx([f"O26.71{trimester}", weeks_code], [1], None, 1, f"{label} at {weeks} weeks")
    if condition == "gestational_edema":
        return _Dx([f"O12.0{trimester}", weeks_code], [1], None, 1, f"{label} at {weeks} weeks")
    codes = [f"O26.89{trimester}", _condition_code(rng, condition, dos), weeks_code]
    return _Dx(codes, [1, 2], 1, 2, f"{label} at {weeks} weeks")
