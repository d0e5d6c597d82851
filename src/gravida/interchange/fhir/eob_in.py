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
    member = coverage.get("subscriberId") if coverage else None
    family, given = _patient_name(eob, resources)
    period = eob.get("billablePeriod")
    received = eob.extension(codes.EXT_RECEIVED)
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
        "patient_member_id": member.text() if member else None,
        "service_from": _day(period, "start"),
        "service_to": _day(period, "end"),
        "received_on": received.need("valueDate").day() if received else None,
        "adjustments": header.adjustments,
        "remarks": header.remarks,
        "services": [_service(item) for item in eob.each("item")],
    }
    try:
        return ClaimPayment.model_validate(fields)
    except ValidationError as exc:
        error = from_validation_error(exc, fields, "ClaimPayment")
        raise FhirError(eob.path, f"does not make a valid claim payment: {error}", error.issues) from exc


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
    quantity, served = item.get("quantity"), item.get("servicedDate")
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
        "service_date": served.day() if served else None,
        "control_number": control.need("valueString").text() if control else None,
        "allowed": amounts.get("eligible"),
        "adjustments": adjudicated.adjustments,
        "remarks": adjudicated.remarks,
    }
