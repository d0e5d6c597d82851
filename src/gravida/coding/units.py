"""Timed units: the CMS total-time method and the CPT per-code method.

Both read the same table (a unit per 15 minutes, the first from 8). They differ in what they apply it
to: the CMS method to the day's total timed minutes, then shares the units out; the per-code method to
each code's own minutes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class UnitTable:
    minutes_per_unit: int = 15
    minimum_minutes: int = 8


@dataclass(frozen=True, slots=True)
class UnitAllocation:
    """Units per code, and how the leftover units were shared, for the explanation."""

    units: dict[str, int]
    total_minutes: int
    total_units: int
    tie_broken_between: tuple[str, ...] = field(default=())


def units_for_minutes(minutes: int, table: UnitTable = UnitTable()) -> int:
    """8-22 minutes = 1, 23-37 = 2, 38-52 = 3, and on by 15; under 8 minutes, none."""
    if minutes < table.minimum_minutes:
        return 0
    return (minutes - table.minimum_minutes) // table.minutes_per_unit + 1


def per_code_units(minutes_by_code: Mapping[str, int], table: UnitTable = UnitTable()) -> UnitAllocation:
    """The CPT midpoint rule applied to each code separately."""
    units = {code: units_for_minutes(minutes, table) for code, minutes in minutes_by_code.items()}
    total = sum(minutes_by_code.values())
    return UnitAllocation(units, total, sum(units.values()))


def cms_total_time_units(minutes_by_code: Mapping[str, int], table: UnitTable = UnitTable()) -> UnitAllocation:
    """The CMS total-time method (Pub. 100-04 ch. 5 §20.2).

    The day's total timed minutes set the number of units. Each code first gets a unit for every full
    15 of its own minutes; the units still owed go one each to the codes with the most minutes left
    over. Equal leftovers are the clinician's choice: we give the unit to the code with more minutes in
    all, then to the code listed first, and report the tie so a person can change it.
    """
    codes = list(minutes_by_code)
    total = sum(minutes_by_code.values())
    total_units = units_for_minutes(total, table)
    per_unit = table.minutes_per_unit
    units = {code: minutes_by_code[code] // per_unit for code in codes}
    owed = total_units - sum(units.values())
    leftovers = sorted(
        (
            (minutes_by_code[code] % per_unit, minutes_by_code[code], -position, code)
            for position, code in enumerate(codes)
            if minutes_by_code[code] % per_unit
        ),
        reverse=True,
    )
    tie: tuple[str, ...] = ()
    if 0 < owed < len(leftovers):
        boundary = leftovers[owed - 1][0]
        if leftovers[owed][0] == boundary:
            tie = tuple(sorted(code for left, _, _, code in leftovers if left == boundary))
    for _left, _minutes, _position, code in leftovers[: max(owed, 0)]:
        units[code] += 1
    return UnitAllocation(units, total, total_units, tie)
