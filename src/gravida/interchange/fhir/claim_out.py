"""A Gravida ClaimSubmission as a FHIR R4B Claim, in a collection Bundle with every resource it references.

Why a collection Bundle rather than contained resources: the Patient, Practitioners, payer and Coverage exist
independently of one claim (FHIR says contained resources are for things that cannot), and a receiver can store
them as they are. Every reference is the fullUrl of an entry (urn:uuid, derived from the claim id and the role), so
the same claim always gives the same Bundle, with no clock and no randomness.

What does not travel in FHIR's own elements travels in Gravida's identifiers and extensions (see `codes`): the
policy pack id (payer Organization.identifier), the plan within the pack, the claim frequency, the amount the
patient paid.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from gravida.domain.submission import ClaimSubmission, SubmittedLine
from gravida.interchange.fhir import codes
from gravida.interchange.fhir.claim_parties_out import (
    Refs,
    billing_organization,
    coverage,
    credential_concept,
    patient,
    payer_organization,
    referral_request,
    referring_practitioner,
    rendering_practitioner,
    subscriber_person,
)
from gravida.interchange.fhir.errors import FhirError, from_validation_error
from gravida.interchange.fhir.shapes import (
    JSON,
    coding,
    compact,
    concept,
    dollars,
    extension,
    full_url,
    identifier,
    money,
)

_CENT = Decimal("0.01")


def claim_to_bundle(claim: ClaimSubmission, *, created: date | None = None) -> Bundle:
    """The claim as a validated R4B collection Bundle: the Claim first, then the resources it references.

    `created` is the submission date (Claim.created); it defaults to `claim.submitted_on`, and one of them is
    required, because the writer reads no clock.
    """
    created = created or claim.submitted_on
    if created is None:
        raise FhirError("created", "Claim.created is required: pass created= or set the claim's submitted_on")
    refs = Refs(claim.claim_id)
    referring = referring_practitioner(claim)
    resources = [
        _claim(claim, created, refs, has_referring=referring is not None),
        patient(claim),
        billing_organization(claim),
        payer_organization(claim),
        coverage(claim, refs),
        rendering_practitioner(claim),
        referring,
        subscriber_person(claim, refs),
        referral_request(claim, refs, has_referring=referring is not None),
    ]
    entries = [
        {"fullUrl": full_url(claim.claim_id, str(resource["id"])), "resource": resource}
        for resource in resources
        if resource is not None
    ]
    document: JSON = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    try:
        return Bundle.model_validate(document)
    except ValidationError as exc:
        raise from_validation_error(exc, document, "Bundle") from exc


def _claim(claim: ClaimSubmission, created: date, refs: Refs, has_referring: bool) -> JSON:
    where = f"claim {claim.claim_id}"
    total = sum((dollars(line.charge, f"{where} lines[{i}].charge") for i, line in enumerate(claim.lines)), Decimal(0))
    return compact(
        {
            "resourceType": "Claim",
            "id": "claim",
            "extension": _claim_extensions(claim),
            "identifier": [identifier(codes.PATIENT_CONTROL_NUMBER, claim.claim_id)],
            "status": "active",
            "type": concept(codes.CLAIM_TYPE, "professional"),
            "use": "claim",
            "patient": refs("patient"),
            "billablePeriod": {"start": claim.date_of_service.isoformat(), "end": claim.date_of_service.isoformat()},
            "created": created.isoformat(),
            "insurer": refs("payer"),
            "provider": refs("billing"),
            "priority": concept(codes.PROCESS_PRIORITY, "normal"),
            "related": _related(claim),
            "referral": refs("referral") if claim.referral else None,
            "careTeam": _care_team(claim, refs, has_referring),
            "supportingInfo": _supporting_info(claim),
            "diagnosis": [
                {"sequence": i, "diagnosisCodeableConcept": concept(codes.ICD10CM, codes.dotted(code))}
                for i, code in enumerate(claim.diagnoses, start=1)
            ],
            "insurance": [
                compact(
                    {
                        "sequence": 1,
                        "focal": True,
                        "coverage": refs("coverage"),
                        "preAuthRef": [claim.prior_authorization] if claim.prior_authorization else None,
                    }
                )
            ],
            "item": [_item(claim, i, line, f"{where} lines[{i - 1}]") for i, line in enumerate(claim.lines, 1)],
            "total": {"value": total, "currency": "USD"},
        }
    )


def _claim_extensions(claim: ClaimSubmission) -> list[JSON]:
    found = []
    if claim.frequency != "original":
        found.append(extension(codes.EXT_FREQUENCY, "Code", claim.frequency))
    paid = claim.parties.amount_paid if claim.parties else 0
    if paid:
        found.append(extension(codes.EXT_PATIENT_PAID, "Money", money(paid, "parties.amount_paid")))
    return found


def _related(claim: ClaimSubmission) -> list[JSON] | None:
    """The payer's number for the claim this one replaces or voids (`prior`), or merely refers to."""
    number = claim.parties.payer_claim_number if claim.parties else None
    if not number:
        return None
    relationship = concept(codes.RELATED_CLAIM, "prior") if claim.frequency != "original" else None
    return [
        compact({"claim": {"identifier": identifier(codes.PAYER_CLAIM_NUMBER, number)}, "relationship": relationship})
    ]


def _care_team(claim: ClaimSubmission, refs: Refs, has_referring: bool) -> list[JSON]:
    team = [
        {
            "sequence": 1,
            "provider": refs("rendering"),
            "responsible": True,
            "role": concept(codes.CARE_TEAM_ROLE, "primary"),
            "qualification": credential_concept(claim.rendering_provider.credential),
        }
    ]
    if has_referring:
        team.append({"sequence": 2, "provider": refs("referring"), "role": concept(codes.CARE_TEAM_ROLE, "referring")})
    return team


def _supporting_info(claim: ClaimSubmission) -> list[JSON]:
    """The plan of care: its period, and the date the physician or NPP certified it."""
    plan = claim.plan_of_care
    if plan is None:
        return []
    info = compact(
        {
            "sequence": 1,
            "category": concept(codes.CLAIM_INFORMATION, "info"),
            "code": concept(codes.SUPPORTING_INFO, "plan-of-care"),
            "timingPeriod": compact(
                {"start": plan.start.isoformat(), "end": plan.end.isoformat() if plan.end else None}
            ),
        }
    )
    if plan.certified_on is None:
        return [info]
    certified = {
        "sequence": 2,
        "category": concept(codes.CLAIM_INFORMATION, "info"),
        "code": concept(codes.SUPPORTING_INFO, "plan-of-care-certified"),
        "timingDate": plan.certified_on.isoformat(),
    }
    return [info, certified]


def _item(claim: ClaimSubmission, sequence: int, line: SubmittedLine, where: str) -> JSON:
    charge = dollars(line.charge, f"{where}.charge")
    unit_price = (charge / line.units).quantize(_CENT)
    return compact(
        {
            "sequence": sequence,
            "careTeamSequence": [1],
            "diagnosisSequence": list(line.diagnosis_pointers),
            "productOrService": {"coding": [coding(codes.procedure_system(line.code), line.code)]},
            "modifier": [concept(codes.modifier_system(m), m) for m in line.modifiers],
            "servicedDate": claim.date_of_service.isoformat(),
            "locationCodeableConcept": concept(codes.PLACE_OF_SERVICE, claim.place_of_service),
            "quantity": {"value": line.units},
            # The unit price only when it is exact to the cent; the line's charge always travels in net.
            "unitPrice": {"value": unit_price, "currency": "USD"} if unit_price * line.units == charge else None,
            "net": {"value": charge, "currency": "USD"},
        }
    )
