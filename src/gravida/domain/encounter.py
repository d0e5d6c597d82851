"""The encounter: what happened at one visit, as the therapist or biller describes it.

This is the stable input contract of coding (`gravida schema encounter` prints its JSON Schema). Unknown
fields are refused so that a misspelt field never silently drops a fact.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from gravida.domain.gestation import GestationalAge
from gravida.domain.inputs import STRICT_INPUT, Day


class Credential(StrEnum):
    """The licence of the person who furnished or referred a service."""

    LMT = "LMT"
    PT = "PT"
    PTA = "PTA"
    OT = "OT"
    OTA = "OTA"
    DC = "DC"
    MD = "MD"
    DO = "DO"
    CNM = "CNM"
    NP = "NP"


#: Therapy assistants, whose share of a service drives the CQ/CO modifiers.
ASSISTANT_CREDENTIALS = frozenset({Credential.PTA, Credential.OTA})


class Provider(BaseModel):
    """The rendering provider."""

    model_config = STRICT_INPUT

    npi: str = Field(pattern=r"^\d{10}$", description="10-digit National Provider Identifier.")
    credential: Credential
    state: str | None = Field(default=None, pattern=r"^[A-Z]{2}$", description="Licensing state, e.g. 'WA'.")


class Patient(BaseModel):
    """Who was treated. Only what coding needs; never logged."""

    model_config = STRICT_INPUT

    id: str = Field(min_length=1)
    birth_date: date | None = None
    sex: Literal["F", "M", "U"] = "F"


class Pregnancy(BaseModel):
    """Where the patient stands in pregnancy on the date of service.

    Give the gestational age on the date of service, or the estimated due date, or, after delivery, the
    weeks since delivery.
    """

    model_config = STRICT_INPUT

    gestational_age: str | None = Field(
        default=None, description="Weeks and days on the date of service, like '28w3d'.", examples=["28w3d"]
    )
    edd: date | None = Field(default=None, description="Estimated due date.")
    postpartum_weeks: int | None = Field(default=None, ge=0, le=52, description="Weeks since delivery.")
    high_risk: bool = False

    @field_validator("gestational_age")
    @classmethod
    def _gestational_age_is_readable(cls, value: str | None) -> str | None:
        if value is not None:
            GestationalAge.parse(value)
        return value

    @model_validator(mode="after")
    def _not_pregnant_and_postpartum(self) -> Pregnancy:
        if self.postpartum_weeks is not None and (self.gestational_age or self.edd):
            raise ValueError("give either a gestational age / due date or postpartum_weeks, not both")
        return self


class Referral(BaseModel):
    """The physician's, midwife's or NP's referral or prescription for the therapy."""

    model_config = STRICT_INPUT

    by_npi: str | None = Field(default=None, pattern=r"^\d{10}$")
    by_credential: Credential | None = None
    date: Day | None = None
    expires: Day | None = None

    @model_validator(mode="after")
    def _expires_after_written(self) -> Referral:
        if self.date and self.expires and self.expires < self.date:
            raise ValueError(f"expires ({self.expires}) is before the referral date ({self.date})")
        return self


class PlanOfCare(BaseModel):
    """The therapy plan of care and its certification by the physician or NPP."""

    model_config = STRICT_INPUT

    start: Day = Field(description="First treatment under the plan.")
    certified_on: Day | None = Field(default=None, description="Date the physician/NPP signed the plan.")
    end: Day | None = Field(default=None, description="Last day the certified plan covers.")


class Service(BaseModel):
    """One procedure or technique furnished at the visit."""

    model_config = STRICT_INPUT

    code: str | None = Field(default=None, description="CPT/HCPCS code, when known.")
    technique: str | None = Field(
        default=None, description="The technique documented, e.g. 'effleurage', when no code is given."
    )
    minutes: int = Field(default=0, ge=0, le=600, description="Direct one-on-one minutes.")
    regions: tuple[str, ...] = Field(default=(), description="Body regions treated, e.g. 'lumbar'.")
    performed_by: Credential | None = Field(
        default=None, description="Who furnished it, when not the rendering provider (e.g. 'PTA')."
    )
    assistant_minutes: int = Field(
        default=0, ge=0, le=600, description="Minutes of this service furnished by a PTA or OTA."
    )

    @model_validator(mode="after")
    def _code_or_technique(self) -> Service:
        if not self.code and not self.technique:
            raise ValueError("each service needs a code or a technique")
        if self.assistant_minutes > self.minutes and self.minutes:
            raise ValueError(
                f"assistant_minutes ({self.assistant_minutes}) exceed the service's minutes ({self.minutes})"
            )
        return self


class Condition(BaseModel):
    """A condition treated: an ICD-10-CM code, or a clinical concept Gravida maps to codes."""

    model_config = STRICT_INPUT

    code: str | None = Field(default=None, description="ICD-10-CM code, with or without the dot.")
    concept: str | None = Field(default=None, description="A concept such as 'low_back_pain'.")
    side: Literal["left", "right", "bilateral"] | None = None
    pregnancy_related: bool = True

    @model_validator(mode="after")
    def _code_or_concept(self) -> Condition:
        if not self.code and not self.concept:
            raise ValueError("each condition needs a code or a concept")
        return self


class Encounter(BaseModel):
    """One visit: the input to coding."""

    model_config = STRICT_INPUT

    date_of_service: date
    payer: str = Field(min_length=1, description="Payer policy pack id, e.g. 'medicare'.")
    place_of_service: str = Field(default="11", pattern=r"^\d{2}$", description="CMS place-of-service code.")
    provider: Provider
    patient: Patient
    pregnancy: Pregnancy | None = None
    referral: Referral | None = None
    plan_of_care: PlanOfCare | None = Field(
        default=None, description="The therapy plan of care, for payers that require one (used by --history)."
    )
    services: tuple[Service, ...] = Field(min_length=1)
    conditions: tuple[Condition, ...] = ()
    pregnancy_incidental: bool = Field(
        default=False,
        description="The provider documents that the pregnancy is incidental to this visit (Z33.1, no O codes).",
    )
