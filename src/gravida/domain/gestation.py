"""Gestational age and trimesters, as ICD-10-CM counts them (from the first day of the last period)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from functools import lru_cache

_GA_PATTERN = re.compile(r"^\s*(\d{1,2})\s*w\s*(?:(\d)\s*d)?\s*$", re.IGNORECASE)

#: A full-term pregnancy counts 280 days (40 weeks) from the last menstrual period to the due date.
DAYS_LMP_TO_EDD = 280
#: Past this a pregnancy is not plausible; such an age is an input error.
MAX_WEEKS = 45


class Trimester(IntEnum):
    """The ICD-10-CM trimester; its value is the character chapter-15 codes use (9 = unspecified)."""

    FIRST = 1
    SECOND = 2
    THIRD = 3
    UNSPECIFIED = 9


@dataclass(frozen=True, slots=True)
class GestationalAge:
    """Weeks and days since the last menstrual period."""

    weeks: int
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> GestationalAge:
        """Read '28w3d' or '28w'. Raises ValueError with a message fit for the user."""
        return _parse(text)

    @classmethod
    def _parse_uncached(cls, text: str) -> GestationalAge:
        match = _GA_PATTERN.match(text)
        if match is None:
            raise ValueError(f"expected weeks and days like '28w3d' or '28w', got {text!r}")
        weeks, days = int(match.group(1)), int(match.group(2) or 0)
        if days > 6:
            raise ValueError(f"days must be 0 to 6, got {days} in {text!r}")
        if weeks > MAX_WEEKS:
            raise ValueError(f"a gestational age of {weeks} weeks is not possible ({text!r})")
        return cls(weeks, days)

    @classmethod
    def from_due_date(cls, due_date: date, on: date) -> GestationalAge:
        """The age on a given day for an estimated due date at 40w0d."""
        total_days = DAYS_LMP_TO_EDD - (due_date - on).days
        if total_days < 0:
            raise ValueError(f"the due date {due_date} is more than 40 weeks after {on}")
        if total_days > MAX_WEEKS * 7:
            raise ValueError(
                f"the due date {due_date} is {(on - due_date).days // 7} weeks before {on}; "
                "after delivery give postpartum_weeks instead"
            )
        return cls(total_days // 7, total_days % 7)

    @property
    def total_days(self) -> int:
        return self.weeks * 7 + self.days

    def __str__(self) -> str:
        return f"{self.weeks}w{self.days}d"


@lru_cache(maxsize=4096)
def _parse(text: str) -> GestationalAge:
    return GestationalAge._parse_uncached(text)
