"""One claim of an 837P, from the loops it was read from, as a ClaimSubmission; and what an 837P does not carry.

An 837P names the payer by its clearinghouse id and each provider by NPI (sometimes with a taxonomy code). A
ClaimSubmission also names the payer's policy pack and plan and each provider's credential and licensing state,
because coding and the scrubber work from those. They come from a `Directory`: the practice's own table of payers
and providers, which `Directory.of(claims)` builds from claims it already holds. Without an entry:

- the payer's policy pack is its payer id (so the scrubber says "no policy pack" instead of guessing one);
- a provider's credential comes from the taxonomy code when the code names one credential, else from
  `default_credential`; a claim whose rendering credential cannot be found this way is skipped, with the reason.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from gravida.domain.encounter import Credential, Provider
from gravida.domain.parties import Address, PersonName
from gravida.domain.submission import BillingProvider, ClaimSubmission, SubmittedLine
from gravida.interchange.x12 import r837_values as v

#: A payer's policy pack and plan, as `ClaimSubmission.payer` and `.plan` hold them.
PayerPlan = tuple[str, str | None]

#: NUCC taxonomy classification (the code's first four characters) to the one credential it implies. Source: NUCC
#: Health Care Provider Taxonomy code set, https://taxonomy.nucc.org/ (2251 Physical Therapist, 2252 Physical
#: Therapy Assistant, 225X Occupational Therapist, 224Z Occupational Therapy Assistant, 111N Chiropractor, 2257
#: Massage Therapist, 367A Advanced Practice Midwife, 363L Nurse Practitioner). Physician codes are left out: a
#: physician taxonomy does not say whether the physician is an MD or a DO.
TAXONOMY_CREDENTIALS: Mapping[str, Credential] = {
    "2251": Credential.PT,
    "2252": Credential.PTA,
    "225X": Credential.OT,
    "224Z": Credential.OTA,
    "111N": Credential.DC,
    "2257": Credential.LMT,
    "367A": Credential.CNM,
    "363L": Credential.NP,
}
#: The shape of a taxonomy code that `ClaimParties.rendering_taxonomy` holds; another is read as none.
_TAXONOMY = re.compile(r"[0-9A-Z]{9}X")


@dataclass(frozen=True)
class Directory:
    """What the practice knows and an 837P does not carry: payer id -> (policy pack, plan), NPI -> provider."""

    payers: Mapping[str, PayerPlan] = field(default_factory=dict)
    providers: Mapping[str, Provider] = field(default_factory=dict)
    default_credential: Credential | None = None

    @classmethod
    def of(cls, claims: Iterable[ClaimSubmission], default_credential: Credential | None = None) -> Directory:
        """The payers and providers that `claims` name; ValueError when two claims disagree about one of them."""
        payers: dict[str, PayerPlan] = {}
        providers: dict[str, Provider] = {}
        referrers: dict[str, Credential] = {}
        for claim in claims:
            if claim.parties is not None:
                key, value = claim.parties.payer.payer_id, (claim.payer, claim.plan)
                if payers.setdefault(key, value) != value:
                    raise ValueError(f"payer id {key!r} stands for {payers[key]} and for {value} in these claims")
            provider = claim.rendering_provider
            if providers.setdefault(provider.npi, provider) != provider:
                raise ValueError(f"NPI {provider.npi} is {providers[provider.npi]!r} and {provider!r} in these claims")
            referral = claim.referral
            if (
                referral is not None
                and referral.by_npi
                and referral.by_credential
                and referrers.setdefault(referral.by_npi, referral.by_credential) != referral.by_credential
            ):
                raise ValueError(f"referring NPI {referral.by_npi} has two credentials in these claims")
        for npi, credential in referrers.items():
            known = providers.setdefault(npi, Provider(npi=npi, credential=credential))
            if known.credential != credential:
                raise ValueError(f"NPI {npi} renders as {known.credential} and refers as {credential} in these claims")
        return cls(payers, providers, default_credential)

    def payer(self, payer_id: str) -> PayerPlan:
        return self.payers.get(payer_id, (payer_id, None))

    def credential(self, npi: str, taxonomy: str | None) -> Credential | None:
        known = self.providers.get(npi)
        if known is not None:
            return known.credential
        if taxonomy and taxonomy[:4] in TAXONOMY_CREDENTIALS:
            return TAXONOMY_CREDENTIALS[taxonomy[:4]]
        return self.default_credential


def _rendering(
    billing: v.BillingLoop, claim: v.ClaimLoop, directory: Directory
) -> tuple[Provider, dict[str, Any], str | None]:
    """The rendering provider (2310B, or the billing provider when it is a person), its name and taxonomy."""
    if claim.rendering_npi is not None and claim.rendering_name is not None:
        npi, name, taxonomy = claim.rendering_npi, claim.rendering_name, claim.rendering_taxonomy
    elif billing.person is not None and billing.npi is not None:
        npi, name, taxonomy = billing.npi, billing.person, billing.taxonomy
    else:
        raise v.unholdable(
            claim.clm,
            "the claim names no rendering provider (2310B NM1*82) and its billing provider is an organization; "
            "a Gravida claim names the person who rendered the service",
        )
    known = directory.providers.get(npi)
    if known is not None:
        return known, name, taxonomy
    credential = directory.credential(npi, taxonomy)
    if credential is None:
        raise v.unholdable(
            claim.rendering or claim.clm,
            f"the credential of rendering provider NPI {npi} is not in the 837P: the NPI is not in the directory and "
            f"the taxonomy ({taxonomy or 'none given'}) names no one credential; add the provider to the directory",
        )
    return Provider(npi=npi, credential=credential), name, taxonomy


def _date_of_service(claim: v.ClaimLoop) -> date:
    first = claim.dates[0][1]
    for segment, day in claim.dates[1:]:
        if day != first:
            raise v.unholdable(
                segment,
                f"this line's date of service ({day}) differs from the first line's ({first}); a Gravida claim "
                "holds one date of service",
            )
    return first


class ValidatedParts:
    """The parts of claims that a file repeats, validated once per read and reused by every claim that has them.

    Why: an 837P names the same billing provider and address, the same few rendering and referring providers and
    the same few dozen service lines in claim after claim, and validating each claim's copy again was a third of
    the claim's validation. A part equal to one already validated becomes that model instance, which the claim's
    validation takes as it is; a part that fails is left as it was read, so the claim's validation reports it with
    the same message, at the same place in the claim, as before. Every claim is still validated whole.
    """

    def __init__(self) -> None:
        self._known: dict[tuple[type[BaseModel], Hashable], BaseModel] = {}

    def part(self, model: type[BaseModel], values: dict[str, Any] | None, key: Hashable = None) -> Any:
        """`values` as a `model` instance when they validate, else `values` as they are.

        `key` stands for the values when given; otherwise their items do (strings and None, compared exactly).
        """
        if values is None:
            return None
        known_key = (model, tuple(values.items()) if key is None else key)
        try:
            found = self._known.get(known_key)
        except TypeError:  # a value that cannot be a key: validate it with the claim
            return values
        if found is None:
            try:
                found = model.model_validate(values)
            except ValidationError:
                return values
            self._known[known_key] = found
        return found

    def lines(self, lines: list[dict[str, Any]]) -> list[Any]:
        """The service lines, each a validated `SubmittedLine` when it is one."""
        return [self.part(SubmittedLine, line, _line_key(line)) for line in lines]


def _line_key(line: dict[str, Any]) -> Hashable:
    """What a line dict is made of, as a key; the charge's sign too, because -0.0 == 0.0 but reads back as -0.0."""
    charge = line["charge"]
    modifiers, pointers = tuple(line["modifiers"]), tuple(line["diagnosis_pointers"])
    return line["code"], line["units"], modifiers, pointers, charge, math.copysign(1.0, charge)


def build_claim(
    billing: v.BillingLoop,
    insured: v.InsuredLoop,
    patient: v.PatientLoop | None,
    claim: v.ClaimLoop,
    submitted_on: date,
    directory: Directory,
    known: ValidatedParts | None = None,
) -> ClaimSubmission:
    """The ClaimSubmission the loops describe; Unholdable (naming a segment) when Gravida cannot hold it."""
    if not claim.lines:
        raise claim.clm.error("the claim has no service line (2400 LX/SV1)")
    if insured.payer is None:
        raise claim.clm.error("the subscriber loop has no payer (2010BB NM1*PR) before the claim")
    line_total = sum(v.cents_of(line["charge"]) for line in claim.lines)
    if v.cents_of(claim.total) != line_total:
        raise v.unholdable(
            claim.clm,
            f"CLM02 total charge {claim.clm.get(2)} is not the sum of the line charges ({line_total / 100:.2f})",
        )
    rendering, rendering_name, taxonomy = _rendering(billing, claim, directory)
    pack, plan = directory.payer(insured.payer["payer_id"])
    people = patient if patient is not None else insured
    subscriber: dict[str, Any] | None = None
    group = insured.group_number
    if patient is not None:
        subscriber = {"name": insured.name, "relationship": patient.relationship, "group_number": group}
        if insured.birth_date is not None:
            subscriber.update(birth_date=insured.birth_date.isoformat(), sex=insured.sex)
        if insured.address is not None:
            subscriber["address"] = insured.address
        group = None
    referral: dict[str, Any] | None = None
    if claim.referring_npi is not None:
        referrer = directory.providers.get(claim.referring_npi)
        referral = {"by_npi": claim.referring_npi, "by_credential": referrer.credential if referrer else None}
    payer = {**insured.payer, "filing_indicator": insured.filing_indicator}
    known = known or ValidatedParts()
    fields: dict[str, Any] = {
        "claim_id": claim.claim_id,
        "payer": pack,
        "plan": plan,
        "date_of_service": _date_of_service(claim),
        "submitted_on": submitted_on,
        "frequency": claim.frequency,
        "place_of_service": claim.place_of_service,
        "billing_provider": known.part(
            BillingProvider, {"npi": billing.npi, "tax_id": billing.tax_id, "name": billing.name}
        ),
        "rendering_provider": rendering,
        "patient": {
            "id": claim.patient_id or _patient_id(insured, patient),
            "birth_date": people.birth_date,
            "sex": people.sex or "U",
        },
        "subscriber_id": insured.member_id,
        "referral": referral,
        "prior_authorization": claim.prior_authorization,
        "diagnoses": claim.diagnoses or (),
        "lines": known.lines(claim.lines),
        "parties": {
            "payer": payer,
            "patient_name": people.name,
            "patient_address": people.address,
            "group_number": group,
            "subscriber": subscriber,
            "billing_address": known.part(Address, billing.address),
            "billing_phone": billing.phone,
            "rendering_name": known.part(PersonName, rendering_name),
            "rendering_taxonomy": taxonomy if taxonomy and _TAXONOMY.fullmatch(taxonomy) else None,
            "referring_name": known.part(PersonName, claim.referring_name),
            "payer_claim_number": claim.payer_claim_number,
            "amount_paid": claim.amount_paid,
        },
    }
    try:
        return ClaimSubmission.model_validate(fields)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc']) or 'claim'}: {item['msg']}" for item in error.errors()
        )
        raise v.unholdable(claim.clm, f"Gravida cannot hold this claim: {problems}") from None


def _patient_id(insured: v.InsuredLoop, patient: v.PatientLoop | None) -> str:
    """Without REF*EA: the member id, and for a dependant the member id and the patient's name."""
    member = insured.member_id or "unknown-member"
    if patient is None or patient.name is None:
        return member
    return f"{member}/{patient.name['last']}/{patient.name['first']}"
