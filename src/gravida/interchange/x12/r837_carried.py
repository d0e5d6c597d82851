"""What of a claim an 837P carries: the claim `read_837p` gives back after `write_837p` wrote it.

Why spell it out: "a claim survives writing and reading back unchanged" is only true of what the file can hold, and a
caller comparing a claim with its copy read from a file should know exactly what differs and why:

- `submitted_on` becomes the file's creation date (BHT04): a claim is submitted when its file is made;
- `plan_of_care`, and a referral's date and expiry, have no place in an 837P and are dropped; a referral without a
  referring NPI is dropped (2310A needs one); the referring credential comes back from the directory;
- a subscriber's birth date, sex and address are not sent when the patient is not the subscriber (TR3 2010BA), and
  the group number is the subscriber's (SBR03 holds one);
- the payer's claim number is sent only for a replacement or void (REF*F8);
- values come back in the form the file holds them: diagnoses with the dot after the third character and in upper
  case, the tax id as NN-NNNNNNN, amounts to the cent, empty optional text as none.

A claim already in this form survives `write_837p` then `read_837p` (with a directory that knows its payer and
providers) exactly; the round-trip property test holds the reader and writer to that.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gravida.domain.encounter import Referral
from gravida.domain.parties import Address, PersonName
from gravida.domain.submission import ClaimSubmission


def _dotted(code: str) -> str:
    bare = code.replace(".", "").upper()
    return bare if len(bare) <= 3 else f"{bare[:3]}.{bare[3:]}"


def _tax_id(value: str | None) -> str | None:
    if value is None:
        return None
    digits = value.replace("-", "")
    return f"{digits[:2]}-{digits[2:]}"


def carried_by_837p(claim: ClaimSubmission, submitted_on: date) -> ClaimSubmission:
    """`claim` as an 837P made on `submitted_on` carries it (see the module docstring for each difference)."""
    update: dict[str, Any] = {
        "submitted_on": submitted_on,
        "plan_of_care": None,
        "prior_authorization": claim.prior_authorization or None,
        "diagnoses": tuple(_dotted(code) for code in claim.diagnoses),
        "billing_provider": claim.billing_provider.model_copy(
            update={"tax_id": _tax_id(claim.billing_provider.tax_id)}
        ),
        "lines": tuple(line.model_copy(update={"charge": round(line.charge * 100) / 100}) for line in claim.lines),
    }
    referral = claim.referral
    update["referral"] = (
        Referral(by_npi=referral.by_npi, by_credential=referral.by_credential)
        if referral is not None and referral.by_npi
        else None
    )
    parties = claim.parties
    if parties is not None:
        subscriber = parties.subscriber
        group = parties.group_number or None
        if subscriber is not None:
            subscriber = subscriber.model_copy(
                update={
                    "birth_date": None,
                    "sex": None,
                    "address": None,
                    "group_number": subscriber.group_number or group,
                    "name": _name(subscriber.name),
                }
            )
            group = None
        payer = parties.payer
        if payer.address is not None:
            payer = payer.model_copy(update={"address": _address(payer.address)})
        update["parties"] = parties.model_copy(
            update={
                "payer": payer,
                "patient_name": _name(parties.patient_name),
                "patient_address": _address(parties.patient_address),
                "billing_address": _address(parties.billing_address),
                "group_number": group,
                "subscriber": subscriber,
                "rendering_name": _name(parties.rendering_name),
                "referring_name": (
                    _name(parties.referring_name)
                    if update["referral"] is not None and parties.referring_name is not None
                    else None
                ),
                "billing_phone": parties.billing_phone or None,
                "payer_claim_number": (parties.payer_claim_number or None) if claim.frequency != "original" else None,
                "amount_paid": round(parties.amount_paid * 100) / 100,
            }
        )
    return claim.model_copy(update=update)


def _name(name: PersonName) -> PersonName:
    return name.model_copy(update={"middle": name.middle or None})


def _address(address: Address) -> Address:
    return address.model_copy(update={"line2": address.line2 or None})
