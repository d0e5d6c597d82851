"""What a letter of medical necessity says beyond the claim: the condition, the treatment, how often and how long.

A prenatal massage or manual-therapy client who pays from a health savings or flexible spending account is often
asked by the plan administrator for a letter from the treating obstetric provider. The claim already names the
patient, the diagnoses and the therapist; this model carries the rest, in the provider's own words. The letter is
drafted for the obstetric provider to read, correct and sign: Gravida fills it in, it does not judge necessity.

Every name here may be left out when the claim's `parties` block carries it (the patient's name, the referring
provider's name); the referral on the claim gives the provider's NPI and credential.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator

from gravida.domain.encounter import Credential
from gravida.domain.inputs import STRICT_INPUT, Day
from gravida.domain.parties import Address, PersonName


class Prescriber(BaseModel):
    """The obstetric provider (physician, midwife or nurse practitioner) who signs the letter.

    Each field falls back to the claim: the name to `parties.referring_name`, the NPI and credential to the
    claim's referral. The practice, address and phone make the letterhead; without them it shows name and NPI.
    """

    model_config = STRICT_INPUT

    name: PersonName | None = None
    credential: Credential | None = None
    npi: str | None = Field(default=None, pattern=r"^\d{10}$")
    practice: str | None = Field(default=None, min_length=1, max_length=80, description="Practice name.")
    address: Address | None = None
    phone: str | None = Field(default=None, pattern=r"^\d{10}$")


class LetterOfNecessity(BaseModel):
    """The facts a letter of medical necessity states: condition, treatment, frequency, duration and dates."""

    model_config = STRICT_INPUT

    written_on: Day = Field(description="Date of the letter.")
    condition: str = Field(
        min_length=1,
        max_length=1500,
        description="The condition in the provider's words: what it is, how it limits the patient.",
        examples=["Pregnancy-related low back and pelvic girdle pain since week 24, limiting walking and sleep."],
    )
    treatment: str = Field(
        min_length=1,
        max_length=300,
        description="The recommended treatment.",
        examples=["Prenatal therapeutic massage and manual therapy"],
    )
    frequency: str = Field(min_length=1, max_length=80, examples=["1 visit per week"])
    duration: str = Field(min_length=1, max_length=80, examples=["12 weeks"])
    start: Day = Field(description="First day of the recommended treatment.")
    end: Day | None = Field(default=None, description="Last day of the recommended treatment, when known.")
    goals: str | None = Field(
        default=None, max_length=600, description="What the treatment is expected to achieve, when stated."
    )
    patient_name: PersonName | None = Field(default=None, description="Default: the claim's parties.patient_name.")
    prescriber: Prescriber = Field(default_factory=Prescriber)
    recipient: str = Field(default="HSA/FSA plan administrator", min_length=1, max_length=80)

    @model_validator(mode="after")
    def _ends_after_start(self) -> LetterOfNecessity:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self
