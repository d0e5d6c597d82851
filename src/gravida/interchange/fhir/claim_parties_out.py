"""The resources a FHIR Claim points to: Patient, Practitioners, Organizations, Coverage, RelatedPerson, referral.

Each builder takes the submission and returns one resource as JSON. Names, addresses and the payer's details come
from `ClaimParties` when the submission has them; without them every resource still carries what coding needs
(identifiers, credential, policy pack), so a claim can be exchanged before its form fields are known.
"""

from __future__ import annotations

from dataclasses import dataclass

from gravida.domain.encounter import Credential
from gravida.domain.parties import PersonName
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.fhir import codes
from gravida.interchange.fhir.shapes import (
    JSON,
    address,
    compact,
    concept,
    day,
    extension,
    full_url,
    human_name,
    identifier,
    reference,
)


@dataclass(frozen=True)
class Refs:
    """References to the resources of one claim's Bundle, by role (patient, billing, payer, coverage, rendering,
    referring, subscriber, referral); the role is also the resource's id."""

    claim_id: str

    def __call__(self, role: str) -> JSON:
        return reference(full_url(self.claim_id, role))


def patient(claim: ClaimSubmission) -> JSON:
    parties = claim.parties
    return compact(
        {
            "resourceType": "Patient",
            "id": "patient",
            "identifier": [identifier(codes.PATIENT_ID, claim.patient.id, "MR")],
            "name": [human_name(parties.patient_name)] if parties else None,
            "gender": codes.GENDER[claim.patient.sex],
            "birthDate": day(claim.patient.birth_date),
            "address": [address(parties.patient_address)] if parties else None,
        }
    )


def billing_organization(claim: ClaimSubmission) -> JSON:
    billing, parties = claim.billing_provider, claim.parties
    identifiers = [identifier(codes.NPI, billing.npi, "NPI")]
    if billing.tax_id:
        identifiers.append(identifier(codes.EIN, billing.tax_id, "TAX"))
    phone = parties.billing_phone if parties else None
    return compact(
        {
            "resourceType": "Organization",
            "id": "billing",
            "identifier": identifiers,
            "name": billing.name,
            "telecom": [{"system": "phone", "value": phone}] if phone else None,
            "address": [address(parties.billing_address)] if parties else None,
        }
    )


def payer_organization(claim: ClaimSubmission) -> JSON:
    """The payer: always our policy pack id as an identifier, and its name and clearinghouse id when known."""
    payer = claim.parties.payer if claim.parties else None
    identifiers = [identifier(codes.POLICY_PACK, claim.payer)]
    if payer:
        identifiers.append(identifier(codes.PAYER_ID, payer.payer_id))
    return compact(
        {
            "resourceType": "Organization",
            "id": "payer",
            "identifier": identifiers,
            "name": payer.name if payer else None,
            "address": [address(payer.address)] if payer and payer.address else None,
        }
    )


def practitioner(
    role: str,
    npi: str | None,
    credential: Credential | None,
    name: PersonName | None,
    state: str | None = None,
    taxonomy: str | None = None,
) -> JSON:
    """A rendering or referring practitioner: NPI, licence (with its state) and NUCC taxonomy as qualifications."""
    qualifications: list[JSON] = []
    if credential:
        licence_state = [extension(codes.EXT_LICENCE_STATE, "String", state)] if state else None
        qualifications.append(compact({"extension": licence_state, "code": credential_concept(credential)}))
    if taxonomy:
        qualifications.append({"code": concept(codes.NUCC_TAXONOMY, taxonomy)})
    return compact(
        {
            "resourceType": "Practitioner",
            "id": role,
            "identifier": [identifier(codes.NPI, npi, "NPI")] if npi else None,
            "name": [human_name(name)] if name else None,
            "qualification": qualifications,
        }
    )


def credential_concept(credential: Credential) -> JSON:
    return concept(codes.CREDENTIAL, credential.value)


def rendering_practitioner(claim: ClaimSubmission) -> JSON:
    provider, parties = claim.rendering_provider, claim.parties
    return practitioner(
        "rendering",
        provider.npi,
        provider.credential,
        parties.rendering_name if parties else None,
        provider.state,
        parties.rendering_taxonomy if parties else None,
    )


def referring_practitioner(claim: ClaimSubmission) -> JSON | None:
    """The referring practitioner, when the claim names one (by NPI, credential or name); None otherwise."""
    referral = claim.referral
    npi = referral.by_npi if referral else None
    credential = referral.by_credential if referral else None
    name = claim.parties.referring_name if claim.parties else None
    if not (npi or credential or name):
        return None
    return practitioner("referring", npi, credential, name)


def coverage(claim: ClaimSubmission, refs: Refs) -> JSON:
    """The Coverage: subscriber id, payor, group, filing indicator, and who the subscriber is."""
    parties = claim.parties
    subscriber = parties.subscriber if parties else None
    relationship = (subscriber.relationship if subscriber else "self") if parties else None
    plan = [extension(codes.EXT_POLICY_PLAN, "String", claim.plan)] if claim.plan else None
    group = parties.group_number if parties else None
    return compact(
        {
            "resourceType": "Coverage",
            "id": "coverage",
            "extension": plan,
            "status": "active",
            "type": concept(codes.FILING_INDICATOR, parties.payer.filing_indicator) if parties else None,
            "subscriber": refs("subscriber") if subscriber else None,
            "subscriberId": claim.subscriber_id,
            "beneficiary": refs("patient"),
            "relationship": concept(codes.SUBSCRIBER_RELATIONSHIP, relationship) if relationship else None,
            "payor": [refs("payer")],
            "class": [{"type": concept(codes.COVERAGE_CLASS, "group"), "value": group}] if group else None,
        }
    )


def subscriber_person(claim: ClaimSubmission, refs: Refs) -> JSON | None:
    """The insured, when not the patient, as a RelatedPerson of the patient."""
    subscriber = claim.parties.subscriber if claim.parties else None
    if subscriber is None:
        return None
    group = subscriber.group_number
    return compact(
        {
            "resourceType": "RelatedPerson",
            "id": "subscriber",
            "extension": [extension(codes.EXT_SUBSCRIBER_GROUP, "String", group)] if group else None,
            "patient": refs("patient"),
            "name": [human_name(subscriber.name)],
            "gender": codes.GENDER[subscriber.sex] if subscriber.sex else None,
            "birthDate": subscriber.birth_date,
            "address": [address(subscriber.address)] if subscriber.address else None,
        }
    )


def referral_request(claim: ClaimSubmission, refs: Refs, has_referring: bool) -> JSON | None:
    """The referral as a ServiceRequest: written on (authoredOn), valid until (occurrencePeriod.end), by whom."""
    referral = claim.referral
    if referral is None:
        return None
    return compact(
        {
            "resourceType": "ServiceRequest",
            "id": "referral",
            "status": "active",
            "intent": "order",
            "subject": refs("patient"),
            "authoredOn": day(referral.date),
            "occurrencePeriod": {"end": day(referral.expires)} if referral.expires else None,
            "requester": refs("referring") if has_referring else None,
        }
    )
