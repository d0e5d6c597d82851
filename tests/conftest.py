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


def encounter_dict(**overrides: Any) -> dict[str, Any]:
    """The base encounter with top-level keys replaced."""
    data = copy.deepcopy(BASE_ENCOUNTER)
    data.update(copy.deepcopy(overrides))
    return data


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return default_knowledge()
