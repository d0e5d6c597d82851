"""A FHIR R4B ExplanationOfBenefit read back into the ClaimPayment it describes (the mirror of `eob_out`).

Adjudications are told apart by their category: HL7's `submitted`, `benefit` and `eligible` are the charge, the
payment and the allowed amount; a coding in Gravida's X12 adjustment group system makes a CAS adjustment; Gravida's
`remark` makes a RARC. Other adjudications (from other systems) are skipped: they have no place in an 835 claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from gravida.domain.remittance import Adjustment, ClaimPayment, Remark
from gravida.interchange.fhir import codes
from gravida.interchange.fhir.errors import FhirError, from_validation_error
from gravida.interchange.fhir.reading import FhirSource, Node, Resources, document
from gravida.interchange.fhir.shapes import JSON

_AMOUNTS = ("submitted", "benefit", "eligible")


@dataclass
class _Adjudicated:
    """The adjudications of an item (or of the whole claim), sorted by what they mean."""

    amounts: dict[str, Decimal] = field(default_factory=dict)
    adjustments: list[Adjustment] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)


def remittance_claim_from_eob(source: FhirSource) -> ClaimPayment:
    """The ClaimPayment an ExplanationOfBenefit describes.

    `source` is an ExplanationOfBenefit (with contained resources) or a Bundle holding one with the resources it
    references: a fhir.resources model, parsed JSON, JSON text, or a path to a JSON file. Raises `FhirError`
    (a `ValueError`) naming the FHIR path of the first problem.
    """
    resources, eob = document(source, "ExplanationOfBenefit")
    status, label = _status(eob)
    header = _adjudicated(eob, "claim")
    totals = _totals(eob)
    coverage = _coverage(eob, resources)
    kind = coverage.get("type") if coverage else None
    patient_member, insured_member = _member_ids(eob, coverage, resources)
    family, given = _patient_name(eob, resources)
    period = eob.get("billablePeriod")
    received = eob.extension(codes.EXT_RECEIVED)
    facility = eob.extension(codes.EXT_FACILITY_CODE)
    frequency = eob.extension(codes.EXT_FREQUENCY_CODE)
    fields: dict[str, Any] = {
        "claim_id": _claim_id(eob),
        "status": status,
        "status_label": label,
        "charge": _required(totals, "submitted", eob),
        "paid": _paid(eob, totals),
        "patient_responsibility": totals.get("patient-responsibility"),
        "filing_indicator": kind.code([codes.FILING_INDICATOR]) if kind else None,
        "payer_claim_number": eob.identifier(codes.PAYER_CLAIM_NUMBER),
        "patient_last_name": family,
        "patient_first_name": given,
        "patient_member_id": patient_member,
        "insured_member_id": insured_member,
        "rendering_provider_id": _rendering(eob, resources),
        "service_from": _day(period, "start"),
        "service_to": _day(period, "end"),
        "received_on": received.need("valueDate").day() if received else None,
        "facility_code": facility.need("valueCode").text() if facility else None,
        "frequency_code": frequency.need("valueCode").text() if frequency else None,
        "drg_code": _extension_value(eob, codes.EXT_DRG, "valueCode"),
        "drg_weight": _extension_value(eob, codes.EXT_DRG_WEIGHT, "valueDecimal"),
        "discharge_fraction": _extension_value(eob, codes.EXT_DISCHARGE_FRACTION, "valueDecimal"),
        "adjustments": header.adjustments,
        "remarks": header.remarks,
        "services": [_service(item) for item in eob.each("item")],
    }
    try:
        return ClaimPayment.model_validate(fields)
    except ValidationError as exc:
        error = from_validation_error(exc, fields, "ClaimPayment")
        raise FhirError(eob.path, f"does not make a valid claim payment: {error}", error.issues) from exc


def _extension_value(owner: Node, url: str, kind: str) -> str | Decimal | None:
    found = owner.extension(url)
    if found is None:
        return None
    value = found.need(kind)
    return value.decimal() if kind == "valueDecimal" else value.text()


def _member_ids(eob: Node, coverage: Node | None, resources: Resources) -> tuple[str | None, str | None]:
    """(patient's member id, insured's member id). The subscriber is the insured when the Coverage names a
    RelatedPerson as subscriber; then the patient's own id, if any, is its MB identifier."""
    subscriber_id = coverage.get("subscriberId") if coverage else None
    subscriber = coverage.get("subscriber") if coverage else None
    if subscriber is None or subscriber.get("reference") is None:
        return (subscriber_id.text() if subscriber_id else None), None
    insured = resources.resolve(subscriber, eob, "RelatedPerson", "Patient")
    if insured.resource_type == "Patient":
        return (subscriber_id.text() if subscriber_id else None), None
    found = eob.need("patient")
    patient = resources.resolve(found, eob, "Patient") if found.get("reference") else None
    own = patient.identifier(codes.MEMBER_ID) if patient else None
    insured_id = subscriber_id.text() if subscriber_id else insured.identifier(codes.MEMBER_ID)
    return own, insured_id


def _rendering(eob: Node, resources: Resources) -> str | None:
    """The rendering provider's id: the care team's first member's NPI or payer id."""
    member = eob.first("careTeam")
    if member is None:
        return None
    practitioner = resources.resolve(member.need("provider"), eob, "Practitioner")
    return practitioner.identifier(codes.NPI) or practitioner.identifier(codes.PAYER_PROVIDER_ID)


def _paid(eob: Node, totals: dict[str, Decimal]) -> Decimal:
    """CLP04: the `benefit` total, or else the payment amount."""
    payment = eob.get("payment")
    amount = payment.get("amount") if payment else None
    if "benefit" in totals or amount is None:
        return _required(totals, "benefit", eob)
    return amount.need("value").decimal()


def _patient_name(eob: Node, resources: Resources) -> tuple[str | None, str | None]:
    """The patient's last and first name as the 835 gave them (NM1*QC), when the EOB names a Patient."""
    found = eob.need("patient")
    patient = resources.resolve(found, eob, "Patient") if found.get("reference") else None
    name = patient.first("name") if patient else None
    family, given = (name.get("family"), name.first("given")) if name else (None, None)
    return (family.text() if family else None), (given.text() if given else None)


def _claim_id(eob: Node) -> str:
    claim = eob.need("claim", "the claim this explains (our patient control number)")
    found = claim.need("identifier", "Gravida matches a payment to its claim by the patient control number")
    return found.need("value").text()


def _status(eob: Node) -> tuple[str, str]:
    """CLP02 and its label, from Gravida's extension; without it, only a denial (outcome `error`) is readable."""
    found = eob.extension(codes.EXT_CLAIM_STATUS)
    if found is not None:
        status = found.need("valueCoding")
        label = status.get("display")
        return status.need("code").text(), label.text() if label else ""
    if eob.need("outcome").text() == "error":
        return "4", ""
    raise FhirError(
        f"{eob.path}.extension",
        f"holds no X12 claim status ({codes.EXT_CLAIM_STATUS}); an outcome alone does not say how it was processed",
    )


def _day(period: Node | None, key: str) -> Any:
    found = period.get(key) if period else None
    return found.day() if found else None


def _required(amounts: dict[str, Decimal], category: str, where: Node) -> Decimal:
    if category not in amounts:
        raise FhirError(f"{where.path}.total", f"holds no {category!r} amount ({codes.ADJUDICATION})")
    return amounts[category]


def _totals(eob: Node) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for total in eob.each("total"):
        category = total.need("category")
        kind = category.code([codes.ADJUDICATION]) or category.code([codes.GRAVIDA_ADJUDICATION])
        if kind:
            found[kind] = total.need("amount").need("value").decimal()
    return found


def _coverage(eob: Node, resources: Resources) -> Node | None:
    insurance = next((i for i in eob.each("insurance") if i.value.get("focal") is True), eob.first("insurance"))
    found = insurance.get("coverage") if insurance else None
    if found is None or found.get("reference") is None:
        return None
    return resources.resolve(found, eob, "Coverage")


def _adjudicated(owner: Node, label: str) -> _Adjudicated:
    found = _Adjudicated()
    for adjudication in owner.each("adjudication"):
        category = adjudication.need("category")
        group = category.coding([codes.ADJUSTMENT_GROUP])
        reason = adjudication.get("reason")
        if group is not None:
            found.adjustments.append(_adjustment(adjudication, group))
        elif category.code([codes.GRAVIDA_ADJUDICATION]) == "remark":
            rarc = adjudication.need("reason", "the remark code").coding([codes.RARC])
            if rarc is None:
                raise FhirError(f"{adjudication.path}.reason", f"holds no RARC ({codes.RARC})")
            found.remarks.append(Remark(code=rarc.need("code").text(), label=_display(rarc)))
        elif (kind := category.code([codes.ADJUDICATION])) in _AMOUNTS and reason is None:
            found.amounts[str(kind)] = (
                adjudication.need("amount", f"the {label}'s {kind} amount").need("value").decimal()
            )
    return found


def _adjustment(adjudication: Node, group: Node) -> Adjustment:
    carc = adjudication.need("reason", "the CARC").coding([codes.CARC])
    if carc is None:
        raise FhirError(f"{adjudication.path}.reason", f"holds no CARC ({codes.CARC})")
    units = adjudication.get("value")
    return Adjustment(
        group=group.need("code").text(),
        group_label=_display(group),
        reason=carc.need("code").text(),
        reason_label=_display(carc),
        amount=adjudication.need("amount").need("value").decimal(),
        units=units.decimal() if units else None,
    )


def _display(coding: Node) -> str:
    found = coding.get("display")
    return found.text() if found else ""


def _service(item: Node) -> JSON:
    product = item.need("productOrService")
    code = product.code(codes.PROCEDURE_SYSTEMS) or product.code()
    if code is None:
        raise FhirError(f"{product.path}.coding", "required element is missing: the procedure code")
    adjudicated = _adjudicated(item, "line")
    amounts = adjudicated.amounts
    for needed in ("submitted", "benefit"):
        if needed not in amounts:
            raise FhirError(f"{item.path}.adjudication", f"holds no {needed!r} amount ({codes.ADJUDICATION})")
    quantity, served, period = item.get("quantity"), item.get("servicedDate"), item.get("servicedPeriod")
    revenue = item.get("revenue")
    qualifier = item.extension(codes.EXT_PRODUCT_QUALIFIER)
    original_code, original_units = item.extension(codes.EXT_ORIGINAL_CODE), item.extension(codes.EXT_ORIGINAL_UNITS)
    control = item.extension(codes.EXT_LINE_CONTROL)
    modifiers = [m.code(codes.PROCEDURE_SYSTEMS) or m.code() for m in item.each("modifier")]
    return {
        "code": code,
        "qualifier": qualifier.need("valueCode").text() if qualifier else "HC",
        "modifiers": [m for m in modifiers if m],
        "charge": amounts["submitted"],
        "paid": amounts["benefit"],
        "units_paid": quantity.need("value").decimal() if quantity else None,
        "original_code": original_code.need("valueString").text() if original_code else None,
        "units_billed": original_units.need("valueDecimal").decimal() if original_units else None,
        "service_date": served.day() if served else _day(period, "start"),
        "service_through": _day(period, "end"),
        "original_modifiers": [
            e.need("valueString").text()
            for e in item.each("extension")
            if e.value.get("url") == codes.EXT_ORIGINAL_MODIFIER
        ],
        "revenue_code": revenue.code([codes.NUBC_REVENUE]) if revenue else None,
        "control_number": control.need("valueString").text() if control else None,
        "allowed": amounts.get("eligible"),
        "adjustments": adjudicated.adjustments,
        "remarks": adjudicated.remarks,
    }
