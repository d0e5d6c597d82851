"""What the payer answered: an 835 remittance read into plain values.

The 835 reader builds these; denial explanations and FHIR ExplanationOfBenefit read them. Money is kept as
`Decimal` so a remittance balances to the cent.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

_VALUE = ConfigDict(frozen=True, extra="forbid")


class Adjustment(BaseModel):
    """One CAS triple: why part of the charge was not paid, and who owes it."""

    model_config = _VALUE

    group: str = Field(description="CO contractual, PR patient responsibility, OA other, PI payer initiated, CR.")
    reason: str = Field(description="Claim adjustment reason code (CARC).")
    amount: Decimal
    units: Decimal | None = None
    group_label: str = ""
    reason_label: str = Field(default="", description="The CARC's description, when known.")


class Remark(BaseModel):
    """A remittance advice remark code (RARC), with its description when known."""

    model_config = _VALUE

    code: str
    label: str = ""


class ServicePayment(BaseModel):
    """One paid (or denied) service line: SVC with its dates, adjustments and remarks."""

    model_config = _VALUE

    code: str
    qualifier: str = "HC"
    modifiers: tuple[str, ...] = ()
    charge: Decimal
    paid: Decimal
    units_paid: Decimal | None = None
    original_code: str | None = Field(default=None, description="SVC06: the code as billed, when the payer changed it.")
    units_billed: Decimal | None = None
    service_date: date | None = None
    service_through: date | None = Field(default=None, description="DTM*151: end of a service period.")
    original_modifiers: tuple[str, ...] = Field(default=(), description="SVC06 modifiers, as billed.")
    revenue_code: str | None = Field(default=None, description="SVC04: NUBC revenue code (institutional).")
    control_number: str | None = Field(default=None, description="REF*6R: the line item control number.")
    allowed: Decimal | None = Field(default=None, description="AMT*B6, when the payer reports it.")
    adjustments: tuple[Adjustment, ...] = ()
    remarks: tuple[Remark, ...] = ()


class ClaimPayment(BaseModel):
    """One claim's outcome (CLP loop), matched to our claim by its patient control number."""

    model_config = _VALUE

    claim_id: str = Field(description="CLP01: our patient control number, as sent in CLM01.")
    status: str = Field(description="CLP02 claim status code (1 primary, 2 secondary, 4 denied, 22 reversal, ...).")
    status_label: str = ""
    charge: Decimal
    paid: Decimal
    patient_responsibility: Decimal | None = None
    filing_indicator: str | None = None
    payer_claim_number: str | None = Field(default=None, description="CLP07: the payer's claim control number.")
    patient_last_name: str | None = Field(default=None, description="NM1*QC; never logged.")
    patient_first_name: str | None = None
    patient_member_id: str | None = None
    service_from: date | None = None
    service_to: date | None = None
    received_on: date | None = None
    facility_code: str | None = Field(default=None, description="CLP08: place of service or type of bill (first 2).")
    frequency_code: str | None = Field(default=None, description="CLP09: claim frequency (1 original, 7 replacement).")
    drg_code: str | None = Field(default=None, description="CLP11, institutional.")
    drg_weight: Decimal | None = Field(default=None, description="CLP12, institutional.")
    discharge_fraction: Decimal | None = Field(default=None, description="CLP13, institutional.")
    insured_member_id: str | None = Field(default=None, description="NM1*IL: the subscriber's id.")
    rendering_provider_id: str | None = Field(default=None, description="NM1*82 NM109 (an NPI when NM108 is XX).")
    adjustments: tuple[Adjustment, ...] = Field(default=(), description="Claim-level CAS.")
    remarks: tuple[Remark, ...] = Field(default=(), description="MOA/MIA remark codes.")
    services: tuple[ServicePayment, ...] = ()

    @property
    def all_adjustments(self) -> tuple[Adjustment, ...]:
        """Claim-level and line-level adjustments together, for totals."""
        return self.adjustments + tuple(a for s in self.services for a in s.adjustments)


class ProviderAdjustment(BaseModel):
    """One PLB adjustment: money taken or given back at the provider level, not tied to a claim."""

    model_config = _VALUE

    provider_id: str
    fiscal_period_end: date | None = None
    reason: str = Field(description="PLB adjustment reason code, e.g. WO overpayment recovery, L6 interest.")
    reason_label: str = ""
    reference: str | None = None
    amount: Decimal


class Remittance(BaseModel):
    """One 835 transaction: a payment (or notice) from one payer to one payee."""

    model_config = _VALUE

    control_number: str = Field(description="ST02.")
    handling: str = Field(description="BPR01: I remittance with payment, H notification only, ...")
    total_paid: Decimal = Field(description="BPR02.")
    credit_debit: str = "C"
    payment_method: str | None = Field(default=None, description="BPR04: ACH, CHK, NON, FWT, BOP.")
    payment_date: date | None = Field(default=None, description="BPR16.")
    trace_number: str | None = Field(default=None, description="TRN02: check or EFT trace number.")
    payer_name: str | None = None
    payer_id: str | None = None
    payee_name: str | None = None
    payee_npi: str | None = None
    payee_tax_id: str | None = Field(default=None, description="N1*PE with FI, or REF*TJ in the payee loop.")
    production_date: date | None = None
    claims: tuple[ClaimPayment, ...] = ()
    provider_adjustments: tuple[ProviderAdjustment, ...] = ()
    warnings: tuple[str, ...] = Field(
        default=(), description="What the reader read around (a bad optional date, a stray separator); never money."
    )
