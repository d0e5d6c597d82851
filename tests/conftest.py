"""Shared fixtures: the bundled knowledge, loaded once, and a plain encounter to vary in tests."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from gravida.knowledge import Knowledge, default_knowledge

BASE_ENCOUNTER: dict[str, Any] = {
    "date_of_service": "2024-03-12",
    "payer": "medicare",
    "place_of_service": "11",
    "provider": {"npi": "1234567893", "credential": "PT", "state": "WA"},
    "patient": {"id": "SYN-TEST-1", "birth_date": "1992-05-01", "sex": "F"},
    "pregnancy": {"gestational_age": "28w3d"},
    "referral": {"by_npi": "1245319599", "by_credential": "CNM", "date": "2024-02-20", "expires": "2024-08-20"},
    "services": [{"code": "97140", "minutes": 30, "regions": ["lumbar"]}],
    "conditions": [{"concept": "low_back_pain"}],
}


BASE_CLAIM: dict[str, Any] = {
    "claim_id": "SYN-TEST-1-20240312",
    "payer": "medicare",
    "date_of_service": "2024-03-12",
    "submitted_on": "2024-03-20",
    "place_of_service": "11",
    "billing_provider": {"npi": "1234567893", "tax_id": "12-3456789"},
    "rendering_provider": {"npi": "1234567893", "credential": "PT", "state": "WA"},
    "patient": {"id": "SYN-TEST-1", "birth_date": "1992-05-01", "sex": "F"},
    "subscriber_id": "1EG4TE5MK73",
    "referral": {"by_npi": "1245319599", "by_credential": "CNM", "date": "2024-02-20", "expires": "2024-08-20"},
    "plan_of_care": {"start": "2024-02-26", "certified_on": "2024-03-01", "end": "2024-05-20"},
    "diagnoses": ["O26.893", "M54.50", "Z3A.28"],
    "lines": [{"code": "97140", "units": 2, "modifiers": ["GP"], "diagnosis_pointers": [1, 2], "charge": 120.0}],
}


def claim_dict(**overrides: Any) -> dict[str, Any]:
    """The base claim with top-level keys replaced."""
    data = copy.deepcopy(BASE_CLAIM)
    data.update(copy.deepcopy(overrides))
    return data


def encounter_dict(**overrides: Any) -> dict[str, Any]:
    """The base encounter with top-level keys replaced."""
    data = copy.deepcopy(BASE_ENCOUNTER)
    data.update(copy.deepcopy(overrides))
    return data


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return default_knowledge()
