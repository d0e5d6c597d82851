"""The loops of one claim in an 837P (005010X222A1): billing provider, subscriber, patient, claim and lines.

Each function returns segments as strings without terminators, in the order the implementation guide sets. What a
loop needs and the claim lacks raises `Claim837Error` naming the claim, the field and the loop, so the caller learns
what to add rather than a clearinghouse rejecting the file days later.

Choices the guide leaves to the sender, made here once:

- The rendering provider loop (2310B) is sent when its NM1 would differ from the billing provider's (2010AA): a
  different NPI, or a billing provider named as an organization. A provider billing under their own NPI without a
  practice name is the billing provider (2010AA NM1*85*1) and 2310B is left out, as the guide asks; their taxonomy
  then goes in 2000A PRV*BI instead of 2310B PRV*PE.
- The subscriber's address and demographics (2010BA N3/N4/DMG) are sent only when the patient is the subscriber;
  otherwise the patient's go in 2010CA (TR3 situational rules, confirmed by X12 RFI 2281).
- The patient id goes in 2300 REF*EA (medical record number), so a claim read back names the same patient.
"""

from __future__ import annotations

from gravida.domain.parties import Address, ClaimParties, PersonName
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.x12.w837_fields import Claim837Error, cents, money, segment, street_address, text

FREQUENCY_CODES = {"original": "1", "replacement": "7", "void": "8"}
#: PAT01 individual relationship codes for a patient who is not the subscriber.
RELATIONSHIP_CODES = {"spouse": "01", "child": "19", "other": "G8"}


def parties_of(claim: ClaimSubmission) -> ClaimParties:
    if claim.parties is None:
        raise Claim837Error(
            claim.claim_id,
            "parties",
            "is required for the 837P: it names the patient, payer and providers (loops 2010AA to 2310B)",
        )
    return claim.parties


def has_rendering_loop(claim: ClaimSubmission) -> bool:
    """2310B is sent when the rendering provider's NM1 would differ from the billing provider's."""
    return claim.billing_provider.name is not None or claim.rendering_provider.npi != claim.billing_provider.npi


def _person(name: PersonName, claim_id: str, field: str, where: str) -> tuple[str, str, str]:
    return (
        text(name.last, claim_id, f"{field}.last", where),
        text(name.first, claim_id, f"{field}.first", where),
        text(name.middle or "", claim_id, f"{field}.middle", where),
    )


def _address(address: Address, claim_id: str, field: str, where: str) -> list[str]:
    return [
        segment(
            "N3",
            text(address.line1, claim_id, f"{field}.line1", where),
            text(address.line2 or "", claim_id, f"{field}.line2", where),
        ),
        f"N4*{text(address.city, claim_id, f'{field}.city', where)}*{address.state}*{address.zip}",
    ]


def _birth_and_sex(claim: ClaimSubmission, where: str) -> str:
    birth = claim.patient.birth_date
    if birth is None:
        raise Claim837Error(claim.claim_id, "patient.birth_date", f"is required for the 837P patient ({where} DMG)")
    return f"DMG*D8*{birth.isoformat().replace('-', '')}*{claim.patient.sex}"


def billing_loop(claim: ClaimSubmission) -> tuple[str, ...]:
    """2000A without its HL, and 2010AA: the same tuple for claims of the same billing provider."""
    parties = parties_of(claim)
    cid = claim.claim_id
    billing = claim.billing_provider
    segments: list[str] = []
    if not has_rendering_loop(claim) and parties.rendering_taxonomy:
        segments.append(f"PRV*BI*PXC*{parties.rendering_taxonomy}")
    if billing.name is not None:
        name = text(billing.name, cid, "billing_provider.name", "2010AA NM103", 60)
        segments.append(f"NM1*85*2*{name}*****XX*{billing.npi}")
    elif claim.rendering_provider.npi != billing.npi:
        raise Claim837Error(
            cid,
            "billing_provider.name",
            "is required when the billing NPI differs from the rendering NPI: 2010AA NM1*85 names the billing "
            "organization",
        )
    else:
        last, first, middle = _person(parties.rendering_name, cid, "parties.rendering_name", "2010AA NM1*85")
        segments.append(segment("NM1", "85", "1", last, first, middle, "", "", "XX", billing.npi))
    address = parties.billing_address
    street_address(address.line1, cid, "parties.billing_address.line1")
    if len(address.zip) != 9:
        raise Claim837Error(
            cid, "parties.billing_address.zip", "must have 9 digits (ZIP+4) for the billing provider (2010AA N4)"
        )
    segments.extend(_address(address, cid, "parties.billing_address", "2010AA N3/N4"))
    if billing.tax_id is None:
        raise Claim837Error(cid, "billing_provider.tax_id", "is required for the 837P billing provider (2010AA REF*EI)")
    segments.append(f"REF*EI*{billing.tax_id.replace('-', '')}")
    if parties.billing_phone:
        segments.append(f"PER*IC**TE*{parties.billing_phone}")
    return tuple(segments)


def subscriber_and_claim_loops(claim: ClaimSubmission, hl: int, parent: int) -> tuple[list[str], int]:
    """2000B (and 2000C when the patient is not the subscriber), then the claim; returns the next free HL number."""
    parties = parties_of(claim)
    cid = claim.claim_id
    subscriber = parties.subscriber
    if subscriber is not None and subscriber.relationship == "self":
        raise Claim837Error(
            cid,
            "parties.subscriber.relationship",
            "is 'self': leave parties.subscriber out when the patient is insured",
        )
    if claim.subscriber_id is None:
        raise Claim837Error(cid, "subscriber_id", "is required for the 837P: the member id (2010BA NM1*IL NM109)")
    member = text(claim.subscriber_id, cid, "subscriber_id", "2010BA NM109", 80)
    if len(member) < 2:
        raise Claim837Error(cid, "subscriber_id", "must have at least 2 characters (2010BA NM109)")
    group = parties.group_number
    if subscriber is not None and subscriber.group_number is not None:
        if group is not None and group != subscriber.group_number:
            raise Claim837Error(
                cid,
                "parties.group_number",
                "differs from parties.subscriber.group_number; SBR03 holds one group number",
            )
        group = subscriber.group_number
    payer = parties.payer
    segments = [
        f"HL*{hl}*{parent}*22*{0 if subscriber is None else 1}",
        segment(
            "SBR",
            "P",
            "18" if subscriber is None else "",
            text(group or "", cid, "parties.group_number", "SBR03"),
            "",
            "",
            "",
            "",
            "",
            payer.filing_indicator,
        ),
    ]
    if subscriber is None:
        last, first, middle = _person(parties.patient_name, cid, "parties.patient_name", "2010BA NM1*IL")
        segments.append(segment("NM1", "IL", "1", last, first, middle, "", "", "MI", member))
        segments.extend(_address(parties.patient_address, cid, "parties.patient_address", "2010BA N3/N4"))
        segments.append(_birth_and_sex(claim, "2010BA"))
    else:
        last, first, middle = _person(subscriber.name, cid, "parties.subscriber.name", "2010BA NM1*IL")
        segments.append(segment("NM1", "IL", "1", last, first, middle, "", "", "MI", member))
    payer_name = text(payer.name, cid, "parties.payer.name", "2010BB NM103", 60)
    payer_id = text(payer.payer_id, cid, "parties.payer.payer_id", "2010BB NM109", 80)
    segments.append(f"NM1*PR*2*{payer_name}*****PI*{payer_id}")
    if payer.address is not None:
        segments.extend(_address(payer.address, cid, "parties.payer.address", "2010BB N3/N4"))
    hl += 1
    if subscriber is not None:
        segments.append(f"HL*{hl}*{hl - 1}*23*0")
        segments.append(f"PAT*{RELATIONSHIP_CODES[subscriber.relationship]}")
        last, first, middle = _person(parties.patient_name, cid, "parties.patient_name", "2010CA NM1*QC")
        segments.append(segment("NM1", "QC", "1", last, first, middle))
        segments.extend(_address(parties.patient_address, cid, "parties.patient_address", "2010CA N3/N4"))
        segments.append(_birth_and_sex(claim, "2010CA"))
        hl += 1
    segments.extend(claim_loop(claim, parties))
    return segments, hl


def claim_loop(claim: ClaimSubmission, parties: ClaimParties) -> list[str]:
    """2300 with its provider loops (2310A, 2310B) and the service lines (2400)."""
    cid = claim.claim_id
    line_cents = [cents(line.charge, cid, f"lines[{n}].charge") for n, line in enumerate(claim.lines)]
    claim_number = text(cid, cid, "claim_id", "CLM01", 38)
    frequency = FREQUENCY_CODES[claim.frequency]
    segments = [f"CLM*{claim_number}*{money(sum(line_cents))}***{claim.place_of_service}:B:{frequency}*Y*A*Y*Y"]
    if parties.amount_paid:
        segments.append(f"AMT*F5*{money(cents(parties.amount_paid, cid, 'parties.amount_paid'))}")
    if claim.prior_authorization:
        segments.append(f"REF*G1*{text(claim.prior_authorization, cid, 'prior_authorization', 'REF*G1', 50)}")
    if frequency != "1":
        if not parties.payer_claim_number:
            raise Claim837Error(
                cid,
                "parties.payer_claim_number",
                f"is required to send a {claim.frequency} claim: the payer's number for the original (REF*F8)",
            )
        segments.append(f"REF*F8*{text(parties.payer_claim_number, cid, 'parties.payer_claim_number', 'REF*F8', 50)}")
    segments.append(f"REF*EA*{text(claim.patient.id, cid, 'patient.id', 'REF*EA', 50)}")
    segments.append(_diagnoses(claim))
    referral = claim.referral
    if referral is not None and referral.by_npi:
        if parties.referring_name is None:
            raise Claim837Error(
                cid,
                "parties.referring_name",
                "is required when referral.by_npi is given: the referring provider loop (2310A NM1*DN) names them",
            )
        last, first, middle = _person(parties.referring_name, cid, "parties.referring_name", "2310A NM1*DN")
        segments.append(segment("NM1", "DN", "1", last, first, middle, "", "", "XX", referral.by_npi))
    if has_rendering_loop(claim):
        last, first, middle = _person(parties.rendering_name, cid, "parties.rendering_name", "2310B NM1*82")
        segments.append(segment("NM1", "82", "1", last, first, middle, "", "", "XX", claim.rendering_provider.npi))
        if parties.rendering_taxonomy:
            segments.append(f"PRV*PE*PXC*{parties.rendering_taxonomy}")
    served = f"DTP*472*D8*{claim.date_of_service.isoformat().replace('-', '')}"
    for number, (line, amount) in enumerate(zip(claim.lines, line_cents, strict=True), start=1):
        procedure = f"HC:{text(line.code, cid, f'lines[{number - 1}].code', 'SV101-2')}"
        for modifier in line.modifiers:
            if len(modifier) != 2 or not modifier.isalnum() or not modifier.isascii():
                raise Claim837Error(
                    cid, f"lines[{number - 1}].modifiers", f"has {modifier!r}; a modifier is 2 characters"
                )
            procedure += ":" + modifier
        pointers = ":".join(str(pointer) for pointer in line.diagnosis_pointers)
        segments.append(f"LX*{number}")
        segments.append(f"SV1*{procedure}*{money(amount)}*UN*{line.units}***{pointers}")
        segments.append(served)
    return segments


def _diagnoses(claim: ClaimSubmission) -> str:
    """HI: ABK for the principal diagnosis, ABF for the others, codes without the dot."""
    elements = []
    for position, code in enumerate(claim.diagnoses):
        bare = code.replace(".", "")
        if not (3 <= len(bare) <= 7 and bare.isalnum() and bare.isascii()):
            raise Claim837Error(
                claim.claim_id, f"diagnoses[{position}]", f"is {code!r}, not an ICD-10-CM code the HI segment can carry"
            )
        elements.append(("ABK:" if position == 0 else "ABF:") + bare.upper())
    if not elements:
        raise Claim837Error(claim.claim_id, "diagnoses", "needs at least one code for the 837P (2300 HI)")
    return "HI*" + "*".join(elements)
