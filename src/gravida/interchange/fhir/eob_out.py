"""One claim of an 835 remittance as a FHIR R4B ExplanationOfBenefit.

The EOB stands alone: the patient, payer, payee and coverage the remittance names are contained resources, because
an 835 names them only as this payment saw them (a name and an id), not as records to keep. Every amount keeps
its X12 meaning:

- item.adjudication `submitted` = SVC02 charge, `benefit` = SVC03 paid, `eligible` = AMT*B6 allowed;
- each CAS triple is one adjudication: category = the group code (Gravida's X12 group code system, plus HL7's
  `deductible` / `copay` for PR-1 / PR-3), reason = the CARC, amount, value = the CAS units;
- each RARC is an adjudication with Gravida's category `remark` and the RARC as its reason (no amount), so the
  code travels as a code, next to the CARCs it explains (CARIN Blue Button puts RARCs in reason the same way);
- the claim-level CAS and MOA/MIA remarks are the EOB's header-level adjudication;
- total `submitted` = CLP03, `benefit` = CLP04, Gravida's `patient-responsibility` = CLP05;
- the patient's member id (NM1*QC) is a Patient.identifier of type MB; the insured's (NM1*IL), when the 835
  names one, is a contained RelatedPerson that is the Coverage's subscriber, and Coverage.subscriberId is the
  subscriber's id either way; the rendering provider (NM1*82) is the care team's one Practitioner.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fhir.resources.R4B.explanationofbenefit import ExplanationOfBenefit
from pydantic import ValidationError

from gravida.domain.remittance import Adjustment, ClaimPayment, Remark, Remittance, ServicePayment
from gravida.interchange.fhir import codes
from gravida.interchange.fhir.errors import FhirError, from_validation_error
from gravida.interchange.fhir.shapes import (
    JSON,
    coding,
    compact,
    concept,
    day,
    extension,
    identifier,
    money,
    reference,
)

#: CLP02 claim status 4 is "Denied" (X12 835 TR3 CLP02 code list); every other status adjudicated the claim.
_DENIED = "4"


def eob_from_remittance(
    remittance: Remittance, payment: ClaimPayment, *, created: date | None = None
) -> ExplanationOfBenefit:
    """The ExplanationOfBenefit for one ClaimPayment of a Remittance, validated by fhir.resources.

    `created` (ExplanationOfBenefit.created) defaults to the 835's production date, then its payment date; one
    of them is required, because the writer reads no clock.
    """
    if payment not in remittance.claims:
        raise FhirError("payment", f"claim {payment.claim_id} is not one of this remittance's claims")
    created = created or remittance.production_date or remittance.payment_date
    if created is None:
        where = "created"
        raise FhirError(where, "ExplanationOfBenefit.created is required: pass created= (the 835 has no dates)")
    where = f"claim {payment.claim_id}"
    payer, payee = _payer(remittance), _payee(remittance)
    contained = [
        _patient(payment),
        _insured(payment),
        payer,
        payee,
        _coverage(payment, payer is not None),
        _rendering(payment),
    ]
    document = compact(
        {
            "resourceType": "ExplanationOfBenefit",
            "id": "eob",
            "contained": [resource for resource in contained if resource is not None],
            "extension": _extensions(payment),
            "identifier": [identifier(codes.PAYER_CLAIM_NUMBER, payment.payer_claim_number)]
            if payment.payer_claim_number
            else None,
            "status": "active",
            "type": concept(codes.CLAIM_TYPE, "professional"),
            "use": "claim",
            "patient": reference("#patient"),
            "billablePeriod": compact({"start": day(payment.service_from), "end": day(payment.service_to)}) or None,
            "created": created.isoformat(),
            "insurer": reference("#payer") if payer else {"display": "payer not named in the remittance"},
            "provider": reference("#payee") if payee else {"display": "payee not named in the remittance"},
            "outcome": "error" if payment.status == _DENIED else "complete",
            "claim": {"identifier": identifier(codes.PATIENT_CONTROL_NUMBER, payment.claim_id)},
            "careTeam": [{"sequence": 1, "provider": reference("#rendering"),
                          "role": concept(codes.CARE_TEAM_ROLE, "primary")}]
            if payment.rendering_provider_id
            else None,
            "insurance": [{"focal": True, "coverage": reference("#coverage")}],
            "item": [_item(i, service, f"{where} services[{i - 1}]") for i, service in enumerate(payment.services, 1)],
            "adjudication": _adjudications(payment.adjustments, payment.remarks, where),
            "total": _totals(payment, where),
            "payment": _payment(remittance, payment, where),
        }
    )
    try:
        return ExplanationOfBenefit.model_validate(document)
    except ValidationError as exc:
        raise from_validation_error(exc, document, "ExplanationOfBenefit") from exc


def _extensions(payment: ClaimPayment) -> list[JSON]:
    status = coding(codes.CLAIM_STATUS, payment.status, payment.status_label or None)
    found = [extension(codes.EXT_CLAIM_STATUS, "Coding", status)]
    if payment.facility_code:
        found.append(extension(codes.EXT_FACILITY_CODE, "Code", payment.facility_code))
    if payment.frequency_code:
        found.append(extension(codes.EXT_FREQUENCY_CODE, "Code", payment.frequency_code))
    if payment.received_on:
        found.append(extension(codes.EXT_RECEIVED, "Date", payment.received_on.isoformat()))
    if payment.drg_code:
        found.append(extension(codes.EXT_DRG, "Code", payment.drg_code))
    if payment.drg_weight is not None:
        found.append(extension(codes.EXT_DRG_WEIGHT, "Decimal", payment.drg_weight))
    if payment.discharge_fraction is not None:
        found.append(extension(codes.EXT_DISCHARGE_FRACTION, "Decimal", payment.discharge_fraction))
    return found


def _patient(payment: ClaimPayment) -> JSON:
    name = compact(
        {
            "family": payment.patient_last_name,
            "given": [payment.patient_first_name] if payment.patient_first_name else None,
        }
    )
    member = [identifier(codes.MEMBER_ID, payment.patient_member_id, "MB")] if payment.patient_member_id else None
    return compact({"resourceType": "Patient", "id": "patient", "identifier": member, "name": [name] if name else None})


def _insured(payment: ClaimPayment) -> JSON | None:
    """The insured the 835 names apart from the patient (NM1*IL): the Coverage's subscriber."""
    if payment.insured_member_id is None:
        return None
    return {
        "resourceType": "RelatedPerson",
        "id": "insured",
        "patient": reference("#patient"),
        "identifier": [identifier(codes.MEMBER_ID, payment.insured_member_id, "MB")],
    }


def _rendering(payment: ClaimPayment) -> JSON | None:
    """The rendering provider's id (NM1*82); an NPI when it has an NPI's shape, else an id of the payer's."""
    found = payment.rendering_provider_id
    if found is None:
        return None
    system = codes.NPI if len(found) == 10 and found.isdigit() else codes.PAYER_PROVIDER_ID
    return {"resourceType": "Practitioner", "id": "rendering", "identifier": [identifier(system, found)]}


def _payer(remittance: Remittance) -> JSON | None:
    if not (remittance.payer_name or remittance.payer_id):
        return None
    payer_id = [identifier(codes.PAYER_ID, remittance.payer_id)] if remittance.payer_id else None
    return compact(
        {"resourceType": "Organization", "id": "payer", "identifier": payer_id, "name": remittance.payer_name}
    )


def _payee(remittance: Remittance) -> JSON | None:
    if not (remittance.payee_name or remittance.payee_npi):
        return None
    npi = [identifier(codes.NPI, remittance.payee_npi, "NPI")] if remittance.payee_npi else None
    return compact({"resourceType": "Organization", "id": "payee", "identifier": npi, "name": remittance.payee_name})


def _coverage(payment: ClaimPayment, has_payer: bool) -> JSON:
    filing = payment.filing_indicator
    return compact(
        {
            "resourceType": "Coverage",
            "id": "coverage",
            "status": "active",
            "type": concept(codes.FILING_INDICATOR, filing) if filing else None,
            "subscriber": reference("#insured") if payment.insured_member_id is not None else None,
            "subscriberId": payment.insured_member_id or payment.patient_member_id,
            "beneficiary": reference("#patient"),
            "payor": [reference("#payer") if has_payer else {"display": "payer not named in the remittance"}],
        }
    )


def _item(sequence: int, service: ServicePayment, where: str) -> JSON:
    system = codes.procedure_system(service.code) if service.qualifier == "HC" else None
    found = []
    if service.qualifier != "HC":
        found.append(extension(codes.EXT_PRODUCT_QUALIFIER, "Code", service.qualifier))
    if service.original_code:
        found.append(extension(codes.EXT_ORIGINAL_CODE, "String", service.original_code))
    found += [extension(codes.EXT_ORIGINAL_MODIFIER, "String", m) for m in service.original_modifiers]
    if service.units_billed is not None:
        found.append(extension(codes.EXT_ORIGINAL_UNITS, "Decimal", service.units_billed))
    if service.control_number:
        found.append(extension(codes.EXT_LINE_CONTROL, "String", service.control_number))
    amounts = [
        _amount("submitted", service.charge, f"{where}.charge"),
        _amount("benefit", service.paid, f"{where}.paid"),
    ]
    if service.allowed is not None:
        amounts.append(_amount("eligible", service.allowed, f"{where}.allowed"))
    return compact(
        {
            "extension": found,
            "sequence": sequence,
            "productOrService": {"coding": [coding(system, service.code)]},
            "modifier": [concept(codes.modifier_system(m), m) for m in service.modifiers],
            "revenue": concept(codes.NUBC_REVENUE, service.revenue_code) if service.revenue_code else None,
            "servicedDate": day(service.service_date) if service.service_through is None else None,
            "servicedPeriod": compact({"start": day(service.service_date), "end": day(service.service_through)})
            if service.service_through
            else None,
            "quantity": {"value": service.units_paid} if service.units_paid is not None else None,
            "adjudication": amounts + _adjudications(service.adjustments, service.remarks, where),
        }
    )


def _amount(category: str, amount: Decimal, where: str) -> JSON:
    return {"category": concept(codes.ADJUDICATION, category), "amount": money(amount, where)}


def _adjudications(adjustments: tuple[Adjustment, ...], remarks: tuple[Remark, ...], where: str) -> list[JSON]:
    found = [_adjustment(adjustment, f"{where}.adjustments[{i}]") for i, adjustment in enumerate(adjustments)]
    found += [
        {
            "category": concept(codes.GRAVIDA_ADJUDICATION, "remark"),
            "reason": concept(codes.RARC, remark.code, remark.label or None),
        }
        for remark in remarks
    ]
    return found


def _adjustment(adjustment: Adjustment, where: str) -> JSON:
    categories = []
    hl7 = codes.HL7_CATEGORY_FOR_PR_CARC.get(adjustment.reason) if adjustment.group == "PR" else None
    if hl7:
        categories.append(coding(codes.ADJUDICATION, hl7))
    categories.append(coding(codes.ADJUSTMENT_GROUP, adjustment.group, adjustment.group_label or None))
    return compact(
        {
            "category": {"coding": categories},
            "reason": concept(codes.CARC, adjustment.reason, adjustment.reason_label or None),
            "amount": money(adjustment.amount, f"{where}.amount"),
            "value": adjustment.units,
        }
    )


def _totals(payment: ClaimPayment, where: str) -> list[JSON]:
    totals = [
        _amount("submitted", payment.charge, f"{where}.charge"),
        _amount("benefit", payment.paid, f"{where}.paid"),
    ]
    if payment.patient_responsibility is not None:
        category = concept(codes.GRAVIDA_ADJUDICATION, "patient-responsibility")
        amount = money(payment.patient_responsibility, f"{where}.patient_responsibility")
        totals.append({"category": category, "amount": amount})
    return totals


def _payment(remittance: Remittance, payment: ClaimPayment, where: str) -> JSON:
    trace = remittance.trace_number
    return compact(
        {
            "date": day(remittance.payment_date),
            "amount": money(payment.paid, f"{where}.paid"),
            "identifier": identifier(codes.TRACE_NUMBER, trace) if trace else None,
        }
    )
