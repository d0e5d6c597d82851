"""Reading the resources around a FHIR Claim back into the submission's providers, patient, referral and parties.

The mirror of `claim_parties_out`. Each reader names the FHIR path of anything it needs and cannot find, so an
incomplete Bundle from another system says what to add.
"""

from __future__ import annotations

from typing import Any

from gravida.interchange.fhir import codes
from gravida.interchange.fhir.errors import FhirError
from gravida.interchange.fhir.reading import Node, Resources
from gravida.interchange.fhir.shapes import JSON, read_address, read_name

#: What to say when the payer Organization lacks the policy pack id our writer puts there.
_NO_PACK = "holds no Gravida policy pack id (identifier system " + codes.POLICY_PACK + "); pass payer= to name it"


class ClaimContext:
    """The Claim and the resources it references, resolved once."""

    def __init__(self, resources: Resources, claim: Node) -> None:
        self.resources = resources
        self.claim = claim
        self.patient = resources.resolve(claim.need("patient"), claim, "Patient")
        self.billing = resources.resolve(claim.need("provider"), claim, "Organization")
        insurance = self._focal_insurance()
        self.insurance = insurance
        self.coverage = resources.resolve(insurance.need("coverage"), claim, "Coverage")
        payor = self.coverage.first("payor")
        payer_ref = claim.get("insurer") or payor
        if payer_ref is None:
            raise FhirError(f"{claim.path}.insurer", "required element is missing: name the payer Organization")
        self.payer = resources.resolve(payer_ref, claim, "Organization")
        rendering = self._team_member("primary")
        if rendering is None:
            raise FhirError(f"{claim.path}.careTeam", "required element is missing: the rendering provider")
        self.rendering: Node = rendering
        self.referring = self._team_member("referring")

    def _focal_insurance(self) -> Node:
        insurances = self.claim.each("insurance")
        if not insurances:
            raise FhirError(f"{self.claim.path}.insurance", "required element is missing")
        return next((i for i in insurances if i.value.get("focal") is True), insurances[0])

    def _team_member(self, role: str) -> Node | None:
        """The practitioner in this care team role; for `primary`, the first member when none has a role."""
        team = self.claim.each("careTeam")
        member = next((m for m in team if _role(m) == role), None)
        if member is None and role == "primary":
            member = next((m for m in team if _role(m) is None), None)
        if member is None:
            return None
        return self.resources.resolve(member.need("provider"), self.claim, "Practitioner")

    def policy_pack(self, override: str | None) -> str:
        pack = override or self.payer.identifier(codes.POLICY_PACK)
        if not pack:
            raise FhirError(f"{self.payer.path}.identifier", _NO_PACK)
        return pack

    def plan(self) -> str | None:
        found = self.coverage.extension(codes.EXT_POLICY_PLAN)
        return found.need("valueString").text() if found else None


def _role(member: Node) -> str | None:
    role = member.get("role")
    return role.code([codes.CARE_TEAM_ROLE]) if role else None


def npi(resource: Node, *, required: bool) -> str | None:
    value = resource.identifier(codes.NPI)
    if value is None and required:
        raise FhirError(f"{resource.path}.identifier", f"holds no NPI (identifier system {codes.NPI})")
    return value


def credential(practitioner: Node) -> tuple[str | None, str | None]:
    """The licence (credential code) and the state that issued it, from Practitioner.qualification."""
    for qualification in practitioner.each("qualification"):
        code = qualification.need("code").code([codes.CREDENTIAL])
        if code:
            state = qualification.extension(codes.EXT_LICENCE_STATE)
            return code, state.need("valueString").text() if state else None
    return None, None


def rendering_provider(context: ClaimContext) -> JSON:
    licence, state = credential(context.rendering)
    if licence is None:
        where = f"{context.rendering.path}.qualification"
        raise FhirError(where, f"holds no licence (a code in {codes.CREDENTIAL}); Gravida's payer rules need it")
    return {"npi": npi(context.rendering, required=True), "credential": licence, "state": state}


def billing_provider(context: ClaimContext) -> JSON:
    name = context.billing.get("name")
    return {
        "npi": npi(context.billing, required=True),
        "tax_id": context.billing.identifier(codes.EIN),
        "name": name.text() if name else None,
    }


def patient(context: ClaimContext) -> JSON:
    node = context.patient
    patient_id = node.identifier(codes.PATIENT_ID)
    if patient_id is None:
        first = node.first("identifier")
        if first is None:
            raise FhirError(f"{node.path}.identifier", "required element is missing: the practice's patient id")
        patient_id = first.need("value").text()
    gender = node.get("gender")
    birth = node.get("birthDate")
    sex = codes.SEX.get(gender.text(), "U") if gender else "U"
    return {"id": patient_id, "birth_date": birth.day() if birth else None, "sex": sex}


def referral(context: ClaimContext) -> JSON | None:
    """The referral: from the ServiceRequest the Claim names, with its requester's NPI and licence."""
    found = context.claim.get("referral")
    if found is None:
        return None
    if found.get("reference") is None:
        return {}
    request = context.resources.resolve(found, context.claim, "ServiceRequest")
    authored, period = request.get("authoredOn"), request.get("occurrencePeriod")
    expires = period.get("end") if period else None
    fields: dict[str, Any] = {
        "date": authored.day() if authored else None,
        "expires": expires.day() if expires else None,
    }
    requester = request.get("requester")
    if requester is not None and requester.get("reference") is not None:
        by = context.resources.resolve(requester, request, "Practitioner")
        fields["by_npi"] = npi(by, required=False)
        fields["by_credential"] = credential(by)[0]
    return fields


def parties(context: ClaimContext) -> JSON | None:
    """The names, addresses and payer details, when the payer Organization has a name (as our writer puts it)."""
    payer = context.payer
    if payer.get("name") is None:
        return None
    need = "Gravida's claim parties need it, since the payer Organization has a name"
    related = context.claim.first("related")
    paid = context.claim.extension(codes.EXT_PATIENT_PAID)
    subscriber_ref = context.coverage.get("subscriber")
    subscriber = None
    if subscriber_ref is not None:
        person = context.resources.resolve(subscriber_ref, context.coverage, "RelatedPerson", "Patient")
        subscriber = _subscriber(person, context.coverage) if person.resource_type == "RelatedPerson" else None
    return {
        "payer": _payer(context),
        "patient_name": read_name(_first(context.patient, "name", need)),
        "patient_address": read_address(_first(context.patient, "address", need)),
        "group_number": _group(context.coverage),
        "subscriber": subscriber,
        "billing_address": read_address(_first(context.billing, "address", need)),
        "billing_phone": _phone(context.billing),
        "rendering_name": read_name(_first(context.rendering, "name", need)),
        "rendering_taxonomy": _taxonomy(context.rendering),
        "referring_name": _optional_name(context.referring),
        "payer_claim_number": _related_number(related),
        "amount_paid": float(paid.need("valueMoney").need("value").decimal()) if paid else 0,
    }


def _first(resource: Node, key: str, why: str) -> Node:
    found = resource.first(key)
    if found is None:
        raise FhirError(f"{resource.path}.{key}", f"required element is missing: {why}")
    return found


def _phone(organization: Node) -> str | None:
    phones = [t for t in organization.each("telecom") if t.value.get("system") == "phone"]
    return phones[0].need("value").text() if phones else None


def _payer(context: ClaimContext) -> JSON:
    payer = context.payer
    payer_id = payer.identifier(codes.PAYER_ID)
    if payer_id is None:
        others = [i for i in payer.each("identifier") if i.value.get("system") != codes.POLICY_PACK]
        if not others:
            raise FhirError(f"{payer.path}.identifier", "holds no payer id (the payer's id at the clearinghouse)")
        payer_id = others[0].need("value").text()
    kind = context.coverage.get("type")
    address = payer.first("address")
    fields: JSON = {"name": payer.need("name").text(), "payer_id": payer_id, "address": None}
    if address is not None:
        fields["address"] = read_address(address)
    filing = kind.code([codes.FILING_INDICATOR]) if kind else None
    if filing:
        fields["filing_indicator"] = filing
    return fields


def _group(coverage: Node) -> str | None:
    for item in coverage.each("class"):
        if item.need("type").code([codes.COVERAGE_CLASS]) == "group":
            return item.need("value").text()
    return None


def _subscriber(person: Node, coverage: Node) -> JSON:
    relationship = coverage.get("relationship")
    code = relationship.code([codes.SUBSCRIBER_RELATIONSHIP]) if relationship else None
    if code not in ("self", "spouse", "child", "other"):
        where = f"{coverage.path}.relationship"
        raise FhirError(where, f"is {code!r}; Gravida knows self, spouse, child and other")
    gender, birth, group = person.get("gender"), person.get("birthDate"), person.extension(codes.EXT_SUBSCRIBER_GROUP)
    address = person.first("address")
    return {
        "name": read_name(_first(person, "name", "a subscriber who is not the patient needs a name")),
        "relationship": code,
        "birth_date": birth.text() if birth else None,
        "sex": codes.SEX.get(gender.text(), "U") if gender else None,
        "address": read_address(address) if address else None,
        "group_number": group.need("valueString").text() if group else None,
    }


def _taxonomy(practitioner: Node) -> str | None:
    for qualification in practitioner.each("qualification"):
        code = qualification.need("code").code([codes.NUCC_TAXONOMY])
        if code:
            return code
    return None


def _optional_name(practitioner: Node | None) -> JSON | None:
    name = practitioner.first("name") if practitioner else None
    return read_name(name) if name else None


def _related_number(related: Node | None) -> str | None:
    if related is None:
        return None
    claim = related.get("claim")
    found = claim.get("identifier") if claim else None
    return found.need("value").text() if found else None
