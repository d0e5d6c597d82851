"""Synthetic encounters for the demo, the tests and the benchmarks, generated from a fixed seed.

No real patient is behind any of them. The mix is chosen to exercise the rules a prenatal practice meets:
both unit methods, trimesters and postpartum visits, techniques without codes, massage with manual
therapy on the same and on distinct regions, assistants, incidental pregnancies and retired codes.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from gravida.domain import Encounter

_CONCEPTS = (
    "low_back_pain",
    "pelvic_girdle_pain",
    "symphysis_pubis_dysfunction",
    "sciatica",
    "carpal_tunnel",
    "gestational_edema",
    "neck_pain",
    "coccyx_pain",
    "round_ligament_pain",
    "muscle_spasm",
    "anxiety",
)
_CONCEPT_REGIONS = {
    "low_back_pain": ["low back"],
    "pelvic_girdle_pain": ["pelvis", "hip"],
    "symphysis_pubis_dysfunction": ["pelvis"],
    "sciatica": ["lumbar", "gluteal"],
    "carpal_tunnel": ["wrist"],
    "gestational_edema": ["legs"],
    "neck_pain": ["neck"],
    "coccyx_pain": ["sacrum"],
    "round_ligament_pain": ["abdomen"],
    "muscle_spasm": ["upper back"],
    "anxiety": ["neck", "upper back"],
}
_MASSAGE = ("effleurage", "petrissage", "swedish_massage", "97124")
_MANUAL = ("myofascial_release", "soft_tissue_mobilization", "manual_lymphatic_drainage", "97140")
_ACTIVE = ("functional_activities", "therapeutic_exercise", "neuromuscular_reeducation")


def npi_with_check_digit(first_nine: str) -> str:
    """A 10-digit NPI whose last digit is the Luhn check digit over '80840' + the first nine."""
    digits = [int(d) for d in "80840" + first_nine]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return first_nine + str((10 - total % 10) % 10)


def _service(rng: random.Random, choice: str, regions: list[str], minutes: int) -> dict[str, Any]:
    key = "code" if choice[0].isdigit() else "technique"
    return {key: choice, "minutes": minutes, "regions": regions}


def synthetic_encounter(rng: random.Random, index: int) -> dict[str, Any]:
    dos = date(2021, 1, 4) + timedelta(days=rng.randrange(0, 5 * 365 + 200))
    credential = rng.choice(["LMT", "PT", "PT", "PTA", "OT"])
    payer = "medicare" if credential != "LMT" and rng.random() < 0.5 else "commercial-cpt"
    concepts = rng.sample(_CONCEPTS, k=rng.choice([1, 1, 2, 3]))
    regions = _CONCEPT_REGIONS[concepts[0]]
    services = [_service(rng, rng.choice(_MASSAGE), regions, rng.choice([15, 20, 23, 30, 38, 45]))]
    if rng.random() < 0.6:
        # Mostly a region of its own (distinct-region billing); sometimes the same one (a bundling error).
        other = regions if rng.random() < 0.25 else rng.choice([_CONCEPT_REGIONS[concepts[-1]], ["hip"], ["neck"]])
        services.append(_service(rng, rng.choice(_MANUAL), other, rng.choice([8, 10, 15, 22, 25])))
    if credential != "LMT" and rng.random() < 0.4:
        services.append(_service(rng, rng.choice(_ACTIVE), [], rng.choice([7, 12, 15, 24])))
    if credential == "PTA":
        services[0]["performed_by"] = "PTA"
    stage = rng.random()
    pregnancy: dict[str, Any]
    if stage < 0.45:
        pregnancy = {"gestational_age": f"{rng.randint(10, 40)}w{rng.randint(0, 6)}d"}
    elif stage < 0.8:
        pregnancy = {"edd": (dos + timedelta(days=rng.randint(7, 200))).isoformat()}
    else:
        pregnancy = {"postpartum_weeks": rng.randint(1, 12)}
        concepts = [c for c in concepts if c != "round_ligament_pain"] or ["low_back_pain"]
    conditions: list[dict[str, Any]] = [{"concept": c} for c in concepts]
    if concepts[0] == "sciatica" or concepts[0] == "carpal_tunnel":
        conditions[0]["side"] = rng.choice(["left", "right", "bilateral"])
    if rng.random() < 0.08:
        conditions.append({"code": "M54.5"})  # a retired code some practices still send
    referral_date = dos - timedelta(days=rng.randint(5, 120))
    return {
        "date_of_service": dos.isoformat(),
        "payer": payer,
        "place_of_service": "11",
        "provider": {
            "npi": npi_with_check_digit(f"1{rng.randrange(10**8):08d}"),
            "credential": credential,
            "state": rng.choice(["WA", "OR", "CA", "NY", "TX"]),
        },
        "patient": {
            "id": f"SYN-{index:05d}",
            "birth_date": date(rng.randint(1985, 2002), rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
            "sex": "F",
        },
        "pregnancy": pregnancy,
        "referral": {
            "by_npi": npi_with_check_digit(f"1{rng.randrange(10**8):08d}"),
            "by_credential": rng.choice(["MD", "DO", "CNM", "NP"]),
            "date": referral_date.isoformat(),
            "expires": (referral_date + timedelta(days=180)).isoformat(),
        },
        "services": services,
        "conditions": conditions,
        "pregnancy_incidental": "edd" in pregnancy and rng.random() < 0.1,
    }


def synthetic_encounter_dicts(count: int, seed: int = 2026) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [synthetic_encounter(rng, index) for index in range(1, count + 1)]


def synthetic_encounters(count: int, seed: int = 2026) -> list[Encounter]:
    return [Encounter.model_validate(data) for data in synthetic_encounter_dicts(count, seed)]
