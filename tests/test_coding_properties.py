"""Properties every coded claim must have, over many generated encounters."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gravida import service
from gravida.coding import units_for_minutes
from gravida.domain import Severity
from gravida.knowledge import Knowledge, default_knowledge
from gravida.synthetic import synthetic_encounter

TIMED_CODES = ("97110", "97112", "97116", "97124", "97140", "97530", "97535", "97032", "97035")
REGIONS = ("lumbar", "cervical", "thoracic", "pelvic", "hip", "wrist_hand", "lower_extremity", "abdomen")


def _encounter(seed: int) -> dict[str, Any]:
    return synthetic_encounter(random.Random(seed), 1)


@st.composite
def timed_encounters(draw: st.DrawFn) -> dict[str, Any]:
    data = _encounter(draw(st.integers(0, 10_000)))
    codes = draw(st.lists(st.sampled_from(TIMED_CODES), min_size=1, max_size=4, unique=True))
    data["services"] = [
        {"code": code, "minutes": draw(st.integers(0, 75)), "regions": [draw(st.sampled_from(REGIONS))]}
        for code in codes
    ]
    data["payer"] = draw(st.sampled_from(["medicare", "commercial-cpt"]))
    return data


def _check_claim_shape(data: dict[str, Any], knowledge: Knowledge) -> None:
    encounter = service.parse_encounter(data)
    result = service.code(encounter)
    claim = result.claim
    codes = [d.code for d in claim.diagnoses]
    assert len(codes) <= 12 and len(set(codes)) == len(codes)
    for line in claim.lines:
        assert line.units > 0
        assert len(line.modifiers) <= 4 and len(set(line.modifiers)) == len(line.modifiers)
        assert 0 < len(line.diagnosis_pointers) <= 4 or not codes
        assert all(1 <= p <= len(codes) for p in line.diagnosis_pointers)
        assert len(set(line.diagnosis_pointers)) == len(line.diagnosis_pointers)
    # A code appears on two lines only when an assistant's units are split out with CQ/CO.
    assert len({(line.code, line.modifiers) for line in claim.lines}) == len(claim.lines)
    # Chapter 15 first, Z3A last.
    kinds = [0 if c.startswith("O") else 2 if c.startswith("Z3A") else 1 for c in codes]
    assert kinds == sorted(kinds)
    if encounter.pregnancy_incidental and encounter.pregnancy and encounter.pregnancy.postpartum_weeks is None:
        assert not any(c.startswith("O") for c in codes) and "Z33.1" in codes
    # Every diagnosis is billable on the date of service, or an error says it is not.
    snapshot = knowledge.at(encounter.date_of_service)
    flagged = {e.value for f in result.findings if f.severity is Severity.ERROR for e in f.evidence}
    for code in codes:
        assert snapshot.diagnosis(code).billable or code in flagged, code


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 1_000_000))
def test_synthetic_encounters_code_into_well_formed_claims(seed: int) -> None:
    _check_claim_shape(_encounter(seed), default_knowledge())


@settings(max_examples=150, deadline=None)
@given(timed_encounters())
def test_cms_units_on_the_claim_follow_the_total_time_table(data: dict[str, Any]) -> None:
    _check_claim_shape(data, default_knowledge())
    result = service.code(service.parse_encounter(data))
    billed = sum(line.units for line in result.claim.lines)
    if data["payer"] == "medicare":
        assert billed == units_for_minutes(sum(s["minutes"] for s in data["services"]))
    else:
        assert billed == sum(units_for_minutes(s["minutes"]) for s in data["services"])


@settings(max_examples=100, deadline=None)
@given(timed_encounters(), st.integers(1, 30))
def test_more_minutes_on_a_line_never_lower_its_units(data: dict[str, Any], extra: int) -> None:
    before = {line.code: line.units for line in service.code(service.parse_encounter(data)).claim.lines}
    data["services"][0]["minutes"] += extra
    after = {line.code: line.units for line in service.code(service.parse_encounter(data)).claim.lines}
    first = data["services"][0]["code"]
    assert after.get(first, 0) >= before.get(first, 0)
    assert sum(after.values()) >= sum(before.values())
