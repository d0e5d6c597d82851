"""A FHIR R4B Claim (in a Bundle, or with contained resources) read back into a Gravida ClaimSubmission.

The reader accepts what `claim_to_bundle` writes and the same Claim from other systems where it can: references by
fullUrl, by Type/id or to contained resources; HCPCS under its http or https URL. What it cannot read it refuses
with the FHIR path and the reason, rather than guessing: every line must have one date of service and place of
service (a Gravida claim has one of each), diagnoses must be numbered 1, 2, 3 in order.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from gravida.domain.submission import ClaimSubmission
from gravida.interchange.fhir import codes
from gravida.interchange.fhir.claim_parties_in import (
    ClaimContext,
    billing_provider,
    parties,
    patient,
    referral,
    rendering_provider,
)
from gravida.interchange.fhir.errors import FhirError, from_validation_error
from gravida.interchange.fhir.reading import FhirSource, Node, document
from gravida.interchange.fhir.shapes import JSON

_FREQUENCIES = ("replacement", "void")


def claim_from_fhir(source: FhirSource, *, payer: str | None = None) -> ClaimSubmission:
    """The ClaimSubmission a FHIR Claim describes.

    `source` is a Bundle holding one Claim (or a Claim with contained resources): a fhir.resources model, parsed
    JSON, JSON text, or a path to a JSON file. `payer` names the Gravida policy pack when the FHIR does not carry
    it (our writer puts it on the payer Organization); given, it wins. Raises `FhirError` (a `ValueError`) naming
    the FHIR path of the first problem.
    """
    context = ClaimContext(*document(source, "Claim"))
    claim = context.claim
    fields: dict[str, Any] = {
        "claim_id": _claim_id(claim),
        "payer": context.policy_pack(payer),
        "plan": context.plan(),
        "date_of_service": _date_of_service(claim),
        "submitted_on": claim.need("created").day(),
        "frequency": _frequency(claim),
        "place_of_service": _place_of_service(claim),
        "billing_provider": billing_provider(context),
        "rendering_provider": rendering_provider(context),
        "patient": patient(context),
        "subscriber_id": _text(context.coverage.get("subscriberId")),
        "referral": referral(context),
        "plan_of_care": _plan_of_care(claim),
        "prior_authorization": _text(context.insurance.first("preAuthRef")),
        "diagnoses": _diagnoses(claim),
        "lines": [_line(item) for item in _ordered(claim, "item")],
        "parties": parties(context),
    }
    try:
        return ClaimSubmission.model_validate(fields)
    except ValidationError as exc:
        error = from_validation_error(exc, fields, "ClaimSubmission")
        raise FhirError(claim.path, f"does not make a valid Gravida claim: {error}", error.issues) from exc


def _text(node: Node | None) -> str | None:
    return node.text() if node else None


def _claim_id(claim: Node) -> str:
    found = claim.identifier(codes.PATIENT_CONTROL_NUMBER)
    if found:
        return found
    first = claim.first("identifier")
    if first is None:
        raise FhirError(f"{claim.path}.identifier", "required element is missing: the patient control number")
    return first.need("value").text()


def _ordered(claim: Node, key: str) -> list[Node]:
    """Diagnoses or items, which must be numbered 1, 2, 3...: line pointers and CLM order depend on it."""
    items = claim.each(key)
    for position, item in enumerate(items, start=1):
        sequence = item.need("sequence").integer()
        if sequence != position:
            raise FhirError(f"{item.path}.sequence", f"is {sequence}; Gravida reads {key} numbered 1, 2, 3 in order")
    return items


def _date_of_service(claim: Node) -> Any:
    """The one date of service: billablePeriod.start, and every item's servicedDate must agree with it."""
    period = claim.get("billablePeriod")
    start = period.get("start") if period else None
    dates = {item.need("servicedDate", "Gravida needs each line's date").day() for item in claim.each("item")}
    day = start.day() if start else (min(dates) if dates else None)
    if day is None:
        raise FhirError(f"{claim.path}.billablePeriod.start", "required element is missing: the date of service")
    if dates - {day}:
        raise FhirError(f"{claim.path}.item", f"has dates of service other than {day}; a Gravida claim has one")
    return day


def _frequency(claim: Node) -> str:
    found = claim.extension(codes.EXT_FREQUENCY)
    if found is None:
        return "original"
    value = found.need("valueCode").text()
    if value not in _FREQUENCIES:
        raise FhirError(f"{found.path}.valueCode", f"is {value!r}; expected one of {', '.join(_FREQUENCIES)}")
    return value


def _place_of_service(claim: Node) -> str:
    places = set()
    for item in claim.each("item"):
        location = item.need("locationCodeableConcept", "the CMS place of service code")
        code = location.code([codes.PLACE_OF_SERVICE])
        if code is None:
            raise FhirError(location.path, f"holds no code in {codes.PLACE_OF_SERVICE}")
        places.add(code)
    if len(places) > 1:
        raise FhirError(f"{claim.path}.item", f"has places of service {sorted(places)}; a Gravida claim has one")
    return places.pop() if places else "11"


def _plan_of_care(claim: Node) -> JSON | None:
    fields: JSON = {}
    for info in claim.each("supportingInfo"):
        code = info.get("code")
        kind = code.code([codes.SUPPORTING_INFO]) if code else None
        if kind == "plan-of-care":
            period = info.need("timingPeriod")
            end = period.get("end")
            fields["start"] = period.need("start").day()
            fields["end"] = end.day() if end else None
        elif kind == "plan-of-care-certified":
            fields["certified_on"] = info.need("timingDate").day()
    return fields or None


def _diagnoses(claim: Node) -> list[str]:
    found = []
    for diagnosis in _ordered(claim, "diagnosis"):
        concept = diagnosis.need("diagnosisCodeableConcept", "Gravida reads coded diagnoses")
        code = concept.code([codes.ICD10CM]) or concept.code()
        if code is None:
            raise FhirError(f"{concept.path}.coding", "required element is missing: the ICD-10-CM code")
        found.append(code)
    return found


def _line(item: Node) -> JSON:
    product = item.need("productOrService")
    code = product.code(codes.PROCEDURE_SYSTEMS) or product.code()
    if code is None:
        raise FhirError(f"{product.path}.coding", "required element is missing: the CPT or HCPCS code")
    modifiers = []
    for modifier in item.each("modifier"):
        value = modifier.code(codes.PROCEDURE_SYSTEMS) or modifier.code()
        if value is None:
            raise FhirError(f"{modifier.path}.coding", "required element is missing: the modifier code")
        modifiers.append(value)
    units = item.need("quantity", "the number of units").need("value").integer()
    net, price = item.get("net"), item.get("unitPrice")
    if net is not None:
        charge = net.need("value").decimal()
    elif price is not None:
        charge = price.need("value").decimal() * units
    else:
        raise FhirError(f"{item.path}.net", "required element is missing: the line's charge")
    return {
        "code": code,
        "units": units,
        "modifiers": modifiers,
        "diagnosis_pointers": [pointer.integer() for pointer in item.each("diagnosisSequence")],
        "charge": float(charge),
    }
