"""Value types shared by every layer. Nothing here imports another part of Gravida."""

from gravida.domain.claim import Claim, ClaimLine, CodingResult, Diagnosis
from gravida.domain.encounter import (
    Condition,
    Credential,
    Encounter,
    Patient,
    PlanOfCare,
    Pregnancy,
    Provider,
    Referral,
    Service,
)
from gravida.domain.errors import InputError
from gravida.domain.finding import Citation, Evidence, Finding, Severity
from gravida.domain.gestation import GestationalAge, Trimester

__all__ = [
    "Citation",
    "Claim",
    "ClaimLine",
    "CodingResult",
    "Condition",
    "Credential",
    "Diagnosis",
    "Encounter",
    "Evidence",
    "Finding",
    "GestationalAge",
    "InputError",
    "Patient",
    "PlanOfCare",
    "Pregnancy",
    "Provider",
    "Referral",
    "Service",
    "Severity",
    "Trimester",
]
