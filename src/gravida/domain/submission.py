"""What the scrubber reads: a claim ready to send, with the facts payers check, and the history around it.

`gravida schema claim` and `gravida schema history` print these models' JSON Schemas. Like the encounter,
they refuse unknown fields, so a misspelt field is an error rather than a silently missing fact.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from gravida.domain.encounter import Patient, PlanOfCare, Provider, Referral
from gravida.domain.inputs import STRICT_INPUT, Day
from gravida.domain.parties import ClaimParties


class BillingProvider(BaseModel):
    """Who is paid: the practice (group NPI and tax id)."""

    model_config = STRICT_INPUT

    npi: str = Field(pattern=r"^\d{10}$")
    tax_id: str | None = Field(default=None, pattern=r"^\d{2}-?\d{7}$")
    name: str | None = None


class SubmittedLine(BaseModel):
    """One service line as it will be sent."""

    model_config = STRICT_INPUT

    code: str = Field(min_length=5, max_length=5)
    units: int = Field(ge=1, le=99)
    modifiers: tuple[str, ...] = Field(default=(), max_length=4)
    diagnosis_pointers: tuple[int, ...] = Field(min_length=1, max_length=4)
    charge: float = Field(ge=0, description="Billed charge for the line, in dollars.")


class ClaimSubmission(BaseModel):
    """A professional claim with the context its payer's edits need."""

    model_config = STRICT_INPUT

    claim_id: str = Field(min_length=1, description="Patient control number (CLM01).")
    payer: str = Field(min_length=1, description="Payer policy pack id, e.g. 'medicare'.")
    plan: str | None = Field(default=None, description="Plan within the pack (e.g. 'hmo'), when the pack has plans.")
    date_of_service: Day
    submitted_on: Day | None = Field(default=None, description="Submission date; today when not given.")
    frequency: Literal["original", "replacement", "void"] = "original"
    place_of_service: str = Field(default="11", pattern=r"^\d{2}$")
    billing_provider: BillingProvider
    rendering_provider: Provider
    patient: Patient
    subscriber_id: str | None = None
    referral: Referral | None = None
    plan_of_care: PlanOfCare | None = None
    prior_authorization: str | None = Field(default=None, description="Authorization number on the claim.")
    diagnoses: tuple[str, ...] = Field(default=(), max_length=12)
    lines: tuple[SubmittedLine, ...] = Field(min_length=1, max_length=50)
    parties: ClaimParties | None = Field(
        default=None, description="Names, addresses and payer details that claim forms print; coding never reads them."
    )

    @model_validator(mode="after")
    def _pointers_name_diagnoses(self) -> ClaimSubmission:
        for position, line in enumerate(self.lines):
            for pointer in line.diagnosis_pointers:
                if not 1 <= pointer <= len(self.diagnoses):
                    raise ValueError(
                        f"lines[{position}] points to diagnosis {pointer}, but the claim lists "
                        f"{len(self.diagnoses)} diagnosis code(s)"
                    )
        return self


class Authorization(BaseModel):
    """A prior authorization the payer granted."""

    model_config = STRICT_INPUT

    number: str = Field(min_length=1)
    start: Day
    end: Day
    visits_remaining: int | None = Field(default=None, ge=0)
    units_remaining: int | None = Field(default=None, ge=0)
    codes: tuple[str, ...] = Field(default=(), description="Codes it covers; empty means all.")

    @model_validator(mode="after")
    def _ends_after_start(self) -> Authorization:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class EarlierClaim(BaseModel):
    """A claim already sent, for duplicate checks."""

    model_config = STRICT_INPUT

    claim_id: str
    patient_id: str
    rendering_npi: str
    date_of_service: Day
    codes: tuple[str, ...]


class History(BaseModel):
    """What happened before this claim: passed in as data, so the scrubber stays pure."""

    model_config = STRICT_INPUT

    visits_used: int = Field(default=0, ge=0, description="Visits already used in this plan year.")
    treatment_days_since_progress_report: int = Field(default=0, ge=0)
    therapy_dollars_this_year: float = Field(
        default=0, ge=0, description="Allowed PT and SLP dollars already this calendar year (Medicare KX)."
    )
    ot_dollars_this_year: float = Field(
        default=0, ge=0, description="Allowed OT dollars already this calendar year (OT has its own KX threshold)."
    )
    authorizations: tuple[Authorization, ...] = ()
    earlier_claims: tuple[EarlierClaim, ...] = ()
