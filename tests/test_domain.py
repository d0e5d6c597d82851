"""Domain types: gestational age arithmetic, and the trusted constructor matching validation."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gravida.domain import Citation, ClaimLine, Evidence, Finding, GestationalAge, Severity
from gravida.domain.trusted import trusted


@pytest.mark.parametrize(("text", "weeks", "days"), [("28w3d", 28, 3), ("28w", 28, 0), (" 7W2D ", 7, 2)])
def test_gestational_age_reads_weeks_and_days(text: str, weeks: int, days: int) -> None:
    assert GestationalAge.parse(text) == GestationalAge(weeks, days)


@pytest.mark.parametrize("text", ["28 weeks", "28w9d", "w3d", "60w0d", ""])
def test_unreadable_gestational_ages_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        GestationalAge.parse(text)


def test_the_age_from_a_due_date_counts_back_280_days() -> None:
    assert GestationalAge.from_due_date(date(2024, 6, 1), on=date(2024, 3, 12)) == GestationalAge(28, 3)
    assert GestationalAge.from_due_date(date(2024, 6, 1), on=date(2024, 6, 1)) == GestationalAge(40, 0)


def test_a_due_date_far_in_the_past_or_future_is_refused() -> None:
    with pytest.raises(ValueError, match="postpartum_weeks"):
        GestationalAge.from_due_date(date(2023, 1, 1), on=date(2024, 3, 12))
    with pytest.raises(ValueError, match="more than 40 weeks"):
        GestationalAge.from_due_date(date(2025, 3, 1), on=date(2024, 3, 12))


@given(st.integers(min_value=0, max_value=280))
def test_due_date_and_age_agree_for_every_day_of_pregnancy(days_before_due: int) -> None:
    on = date(2025, 1, 1)
    due = date.fromordinal(on.toordinal() + days_before_due)
    age = GestationalAge.from_due_date(due, on)
    assert age.total_days == 280 - days_before_due and 0 <= age.days <= 6


def test_trusted_construction_equals_validated_construction() -> None:
    """Guards the fast path against pydantic internals changing under an upgrade."""
    citation = Citation("CMS manual", "https://www.cms.gov/manual")
    values = {
        "rule_id": "coding.units.cms",
        "severity": Severity.INFO,
        "message": "3 units",
        "fix": None,
        "citation": citation,
        "evidence": (Evidence("services[0]", "97140, 30 min"),),
        "predicted_carc": None,
        "uncertain": False,
    }
    fast = trusted(Finding, **values)
    assert fast == Finding(**values)
    assert fast.model_dump(mode="json") == Finding(**values).model_dump(mode="json")
    line = trusted(ClaimLine, code="97140", units=2, modifiers=("GP",), diagnosis_pointers=(1,), minutes=30)
    assert line == ClaimLine(code="97140", units=2, modifiers=("GP",), diagnosis_pointers=(1,), minutes=30)
    assert line.charge is None, "fields left out take their defaults"
