"""Who a claim names beyond what coding needs: the people, places and payer a claim form prints.

Coding and the scrubber never read these; the 837P, CMS-1500, superbill and FHIR writers do. They sit in one
optional block (`ClaimSubmission.parties`) so a claim can be coded and scrubbed without them, and a writer
that needs a missing one says which.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from gravida.domain.inputs import STRICT_INPUT


class Address(BaseModel):
    """A postal address in the United States."""

    model_config = STRICT_INPUT

    line1: str = Field(min_length=1, max_length=55)
    line2: str | None = Field(default=None, max_length=55)
    city: str = Field(min_length=2, max_length=30)
    state: str = Field(pattern=r"^[A-Z]{2}$")
    zip: str = Field(pattern=r"^\d{5}(\d{4})?$", description="5 or 9 digits, no hyphen.")


class PersonName(BaseModel):
    """A person's name as claim forms print it."""

    model_config = STRICT_INPUT

    last: str = Field(min_length=1, max_length=60)
    first: str = Field(min_length=1, max_length=35)
    middle: str | None = Field(default=None, max_length=25)


#: X12 claim filing indicator codes (SBR09) a practice meets in this work.
ClaimFilingIndicator = Literal["MB", "MC", "CI", "BL", "HM", "12", "13", "14", "15", "16", "17", "ZZ"]

#: X12 individual relationship codes (SBR02 / PAT01): self, spouse, child, other.
Relationship = Literal["self", "spouse", "child", "other"]


class PayerParty(BaseModel):
    """The payer as the claim names it (not the policy pack, which says how it pays)."""

    model_config = STRICT_INPUT

    name: str = Field(min_length=1, max_length=60)
    payer_id: str = Field(min_length=2, max_length=80, description="The payer's id at the clearinghouse.")
    address: Address | None = None
    filing_indicator: ClaimFilingIndicator = Field(
        default="CI", description="SBR09: MB Medicare Part B, MC Medicaid, CI commercial, HM HMO, BL Blue Cross."
    )


class Subscriber(BaseModel):
    """The insured person, when not the patient."""

    model_config = STRICT_INPUT

    name: PersonName
    relationship: Relationship = Field(description="The patient's relationship to the subscriber.")
    birth_date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    sex: Literal["F", "M", "U"] | None = None
    address: Address | None = None
    group_number: str | None = Field(default=None, max_length=50)


class ClaimParties(BaseModel):
    """Names, addresses and identifiers that claim forms print and coding never reads.

    Patient details here are synthetic in this repository and are never logged.
    """

    model_config = STRICT_INPUT

    payer: PayerParty
    patient_name: PersonName
    patient_address: Address
    group_number: str | None = Field(default=None, max_length=50, description="SBR03 when the patient is insured.")
    subscriber: Subscriber | None = Field(default=None, description="The insured, when not the patient.")
    billing_address: Address = Field(description="The billing provider's street address (no PO box in an 837P).")
    billing_phone: str | None = Field(default=None, pattern=r"^\d{10}$")
    rendering_name: PersonName
    rendering_taxonomy: str | None = Field(default=None, pattern=r"^[0-9A-Z]{9}X$")
    referring_name: PersonName | None = None
    payer_claim_number: str | None = Field(
        default=None, description="The payer's number for the original claim; required to replace or void it."
    )
    amount_paid: float = Field(default=0, ge=0, description="What the patient has already paid, in dollars.")
