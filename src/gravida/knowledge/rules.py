"""Dated rules: a value that holds from its effective date until the next one (OpenFisca-style)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gravida.domain import Citation


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One version of a rule. `value` is None when the rule ended on `effective`."""

    effective: date
    value: Any
    source: Citation | None
    verified_on: date | None
    uncertain: bool = False
    note: str | None = None
    line: int | None = None

    @property
    def ended(self) -> bool:
        return self.value is None


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule file: its id (the path with dots), why it exists, and its versions in date order."""

    id: str
    description: str
    path: str
    versions: tuple[DatedValue, ...]
    uncertain: bool = False
    _starts: tuple[date, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(v.effective for v in self.versions))

    def at(self, on: date) -> DatedValue | None:
        """The version in force on a day, or None before the first version or after the rule ended."""
        index = bisect.bisect_right(self._starts, on) - 1
        if index < 0:
            return None
        version = self.versions[index]
        return None if version.ended else version

    @property
    def change_dates(self) -> tuple[date, ...]:
        """Every date on which this rule's value changed (including its start and end)."""
        return self._starts
