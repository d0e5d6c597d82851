"""Timed units: the 8-minute table, the CMS total-time method and the CPT per-code method."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gravida.coding import cms_total_time_units, per_code_units, units_for_minutes

CODES = ("97110", "97112", "97124", "97140", "97530")
minutes_maps = st.dictionaries(st.sampled_from(CODES), st.integers(min_value=0, max_value=120), max_size=5)


@pytest.mark.parametrize(
    ("minutes", "units"),
    [(0, 0), (7, 0), (8, 1), (22, 1), (23, 2), (37, 2), (38, 3), (52, 3), (53, 4), (67, 4), (68, 5)],
)
def test_the_table_gives_a_unit_from_8_minutes_and_one_more_every_15(minutes: int, units: int) -> None:
    assert units_for_minutes(minutes) == units


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        # CMS examples (Pub. 100-04 ch. 5 §20.2): 33 min 97110 + 7 min 97140 = 40 min -> 3 units.
        ({"97110": 33, "97140": 7}, {"97110": 2, "97140": 1}),
        # 24 + 23 = 47 min -> 3 units; each has one full unit, the third goes to the larger leftover (9 > 8).
        ({"97112": 24, "97110": 23}, {"97112": 2, "97110": 1}),
        # Two codes under 8 minutes that add up to 8 or more: one unit, to the longer.
        ({"97110": 7, "97140": 5}, {"97110": 1, "97140": 0}),
        # 15+ minutes always earns its own unit.
        ({"97140": 15, "97124": 7}, {"97140": 1, "97124": 0}),
        ({"97140": 30, "97124": 14, "97110": 7}, {"97140": 2, "97124": 1, "97110": 0}),
        ({}, {}),
    ],
)
def test_cms_total_time_shares_units_by_full_units_then_largest_leftover(
    minutes: dict[str, int], expected: dict[str, int]
) -> None:
    assert cms_total_time_units(minutes).units == expected


def test_cpt_per_code_counts_each_code_on_its_own() -> None:
    assert per_code_units({"97112": 24, "97110": 23}).units == {"97112": 2, "97110": 2}
    assert per_code_units({"97110": 7, "97140": 7}).units == {"97110": 0, "97140": 0}


def test_an_equal_leftover_is_reported_as_a_tie() -> None:
    allocation = cms_total_time_units({"97110": 20, "97140": 20})
    assert allocation.total_units == 3
    assert sorted(allocation.units.values()) == [1, 2]
    assert allocation.tie_broken_between == ("97110", "97140")
    assert allocation.units == {"97110": 2, "97140": 1}, "ties go to the code listed first"


@given(st.integers(min_value=0, max_value=600), st.integers(min_value=0, max_value=60))
def test_more_minutes_never_give_fewer_units(minutes: int, extra: int) -> None:
    assert units_for_minutes(minutes + extra) >= units_for_minutes(minutes)


@given(minutes_maps)
def test_cms_total_units_follow_the_table_applied_to_total_minutes(minutes: dict[str, int]) -> None:
    allocation = cms_total_time_units(minutes)
    assert sum(allocation.units.values()) == units_for_minutes(sum(minutes.values())) == allocation.total_units


@given(minutes_maps)
def test_cms_gives_every_code_its_full_15_minute_units(minutes: dict[str, int]) -> None:
    allocation = cms_total_time_units(minutes)
    for code, mins in minutes.items():
        assert allocation.units[code] >= mins // 15
        assert allocation.units[code] <= mins // 15 + 1


@given(minutes_maps, st.sampled_from(CODES), st.integers(min_value=1, max_value=60))
def test_cms_more_minutes_on_a_code_never_lower_its_units_or_the_total(
    minutes: dict[str, int], code: str, extra: int
) -> None:
    before = cms_total_time_units(minutes)
    more = dict(minutes)
    more[code] = more.get(code, 0) + extra
    after = cms_total_time_units(more)
    assert after.total_units >= before.total_units
    assert after.units[code] >= before.units.get(code, 0)


@given(minutes_maps, st.sampled_from(CODES), st.integers(min_value=1, max_value=60))
def test_cpt_more_minutes_on_a_code_never_lower_any_units(minutes: dict[str, int], code: str, extra: int) -> None:
    before = per_code_units(minutes)
    more = dict(minutes)
    more[code] = more.get(code, 0) + extra
    after = per_code_units(more)
    assert all(after.units[c] >= before.units.get(c, 0) for c in after.units)
