"""Domain types: gestational age arithmetic, and the trusted constructor matching validation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from gravida.domain import Citation, ClaimLine, Evidence, Finding, GestationalAge, Severity
from gravida.domain.remittance import Adjustment, Remark, ServicePayment
from gravida.domain.submission import ClaimSubmission
from gravida.domain.trusted import Trusted, trusted


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


def test_the_trusted_builder_gives_what_validation_gives() -> None:
    """Field values, their order (repr, dumps) and the fields set: a pydantic upgrade that changes the internals
    `Trusted` relies on fails here, not in a reader."""
    service_values = {
        "code": "97140",
        "qualifier": "HC",
        "modifiers": ("GP",),
        "charge": Decimal("120.00"),
        "paid": Decimal("100.00"),
        "revenue_code": None,
        "units_paid": Decimal("2"),
        "units_billed": None,
        "control_number": "L1",
        "adjustments": (Adjustment(group="CO", reason="45", amount=Decimal("20.00")),),
        "remarks": (),
    }
    for model, values in [
        (Adjustment, {"group": "CO", "reason": "45", "amount": Decimal("20.00"), "units": None}),
        (Remark, {"code": "N115"}),
        (ServicePayment, service_values),
    ]:
        fast, validated = Trusted(model).build(dict(values)), model(**values)
        assert fast == validated
        assert repr(fast) == repr(validated)
        assert fast.model_dump_json() == validated.model_dump_json()
        assert fast.model_fields_set == validated.model_fields_set
        assert fast.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
        changed = {"reason" if model is Adjustment else "code": "X"}
        assert fast.model_copy(update=changed) == validated.model_copy(update=changed)
        assert hash(fast) == hash(validated)


def test_the_trusted_builder_refuses_what_it_cannot_build_as_validation_would() -> None:
    with pytest.raises(TypeError, match="runs code when validated"):
        Trusted(ClaimSubmission)  # its model validator would not run
    remark = Trusted(Remark)
    with pytest.raises(TypeError, match="no field"):
        remark.build({"code": "N115", "lable": "misspelt"})
    assert remark.missing({"label": "no code"}) == ["code"]
    with pytest.raises(ValidationError):
        remark.build({"code": "N115"}).code = "N116"  # frozen, like a validated instance  # type: ignore[misc]
