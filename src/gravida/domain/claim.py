"""The coded claim: lines, units, modifiers, diagnoses and pointers."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from gravida.domain.finding import Finding, Severity


class Diagnosis(BaseModel):
    """A diagnosis on the claim, in the order it is listed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    description: str = ""


class ClaimLine(BaseModel):
    """One service line."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    units: int = Field(ge=0)
    modifiers: tuple[str, ...] = ()
    diagnosis_pointers: tuple[int, ...] = Field(default=(), description="1-based positions in diagnoses.")
    minutes: int = 0
    charge: float | None = None


class Claim(BaseModel):
    """A professional claim for one date of service."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date_of_service: date
    payer: str
    diagnoses: tuple[Diagnosis, ...] = ()
    lines: tuple[ClaimLine, ...] = ()


class CodingResult(BaseModel):
    """A coded claim and every finding made on the way."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    claim: Claim
    findings: tuple[Finding, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    def to_contract(self) -> dict[str, Any]:
        """The stable JSON shape of `gravida code --json` (DESIGN.md, "Coding result JSON")."""
        return {
            "claim": {
                "diagnoses": [d.code for d in self.claim.diagnoses],
                "lines": [
                    {
                        "code": line.code,
                        "units": line.units,
                        "modifiers": list(line.modifiers),
                        "diagnosis_pointers": list(line.diagnosis_pointers),
                    }
                    for line in self.claim.lines
                ],
            },
            "findings": [f.model_dump(mode="json", exclude_defaults=False) for f in self.findings],
        }
