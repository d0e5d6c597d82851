"""Synthetic claim parties: the names, addresses and payer details a claim form prints, for synthetic claims.

Why: the 837P, CMS-1500 and superbill writers need a patient name, addresses, a payer id and the providers' names,
which coding never produces. These come from small lists of obviously made-up names and a `random.Random(seed)`,
so tests, the demo and the benchmarks share them and no real person, practice or payer is behind any of them. Payer
ids start with "SYN" and are not real clearinghouse ids.

- `payer_party(payer, plan)`: the payer a pack id stands for, with its claim filing indicator (SBR09): medicare MB,
  medicaid-* MC, a plan named "hmo" HM, other insurers CI; self-pay gets a placeholder (ZZ) that no 837P carries,
  because a self-pay claim has no member id and is never sent to a payer.
- `with_parties(claim, rng)`: a copy of a claim with parties attached (and its billing provider named).
- `clean_claims_with_parties(seed)`: the defect corpus's clean claims with parties; the corpus itself is unchanged.
- `claims_with_parties(count, seed)`: any number of insured claims with parties, quickly, for benchmarks.
"""

from __future__ import annotations

import random
from itertools import cycle
from typing import Any

from gravida.domain.parties import Address, ClaimParties, PayerParty, PersonName, Subscriber
from gravida.domain.submission import ClaimSubmission
from gravida.synthetic_claims.catalog import _AET, _CPT, _HIG, _MCR, _OPT, _PAYER_NAMES, _PRE, _TX, _WA
from gravida.synthetic_claims.clean import _clean
from gravida.synthetic_claims.corpus import DEFAULT_SEED, defect_corpus
from gravida.synthetic_claims.identifiers import _npi

_LAST = ("Testwell", "Sampleton", "Fakename", "Placeholder", "Exampleby", "Mockridge", "Dummond", "Synthwood")
_FIRST = ("Avery", "Jordan", "Riley", "Morgan", "Casey", "Quinn", "Harper", "Rowan", "Sage", "Emery")
_MIDDLE = (None, None, None, "A", "J", "Lee", "Marie")
_STREETS = ("Example", "Sample", "Synthetic", "Testing", "Placeholder", "Mockingbird")
_STREET_KINDS = ("St", "Ave", "Rd", "Blvd", "Way")
#: (city, state, first three ZIP digits): real places, made-up streets and numbers.
_CITIES = (
    ("Seattle", "WA", "981"),
    ("Portland", "OR", "972"),
    ("Philadelphia", "PA", "191"),
    ("Austin", "TX", "787"),
    ("Albany", "NY", "122"),
    ("Sacramento", "CA", "958"),
)
_PRACTICE_WORDS = (("Maple", "Harbor", "Cedar", "Willow", "Summit"), ("Prenatal Therapy", "Maternal Rehab", "Bodywork"))
#: NUCC Health Care Provider Taxonomy codes for the credentials that have one classification code
#: (source: NUCC Health Care Provider Taxonomy code set, https://taxonomy.nucc.org/).
_TAXONOMY = {"PT": "225100000X", "OT": "225X00000X", "DC": "111N00000X"}
#: Insured packs and plans, in the order `claims_with_parties` cycles through them.
_INSURED_PACKS: tuple[tuple[str, str | None], ...] = (
    (_MCR, None),
    (_AET, None),
    (_PRE, None),
    (_HIG, None),
    (_OPT, None),
    ("commercial-template", "ppo"),
    ("commercial-template", "hmo"),
    (_WA, None),
    (_TX, None),
    (_CPT, None),
)


def payer_party(payer: str, plan: str | None = None) -> PayerParty:
    """The synthetic payer for a policy pack (and plan): a made-up name and id, the pack's filing indicator."""
    label = _PAYER_NAMES.get(payer, payer)
    if payer == "self-pay":
        return PayerParty(name="Self-pay (no insurer)", payer_id="SYN-SELF-PAY", filing_indicator="ZZ")
    if payer == "medicare":
        indicator = "MB"
    elif payer.startswith("medicaid-"):
        indicator = "MC"
    elif plan == "hmo":
        indicator = "HM"
    else:
        indicator = "CI"
    suffix = f"-{plan.upper()}" if plan else ""
    name = f"Synthetic {label}{' ' + plan.upper() if plan else ''} payer"
    return PayerParty(name=name, payer_id=f"SYN-{payer.upper()}{suffix}", filing_indicator=indicator)


def _name(rng: random.Random, last: str | None = None) -> PersonName:
    return PersonName(last=last or rng.choice(_LAST), first=rng.choice(_FIRST), middle=rng.choice(_MIDDLE))


def _address(rng: random.Random, *, zip_plus_four: bool) -> Address:
    city, state, prefix = rng.choice(_CITIES)
    zip_code = f"{prefix}{rng.randrange(100):02d}" + (f"{rng.randrange(10**4):04d}" if zip_plus_four else "")
    line2 = f"Suite {rng.randint(100, 499)}" if rng.random() < 0.2 else None
    street = f"{rng.randint(10, 9999)} {rng.choice(_STREETS)} {rng.choice(_STREET_KINDS)}"
    return Address(line1=street, line2=line2, city=city, state=state, zip=zip_code)


def _phone(rng: random.Random) -> str:
    return f"{rng.choice(('206', '503', '215', '512', '518', '916'))}555{rng.randrange(100, 200):04d}"


def synthetic_parties(claim: ClaimSubmission, rng: random.Random) -> ClaimParties:
    """Parties for one claim: about a quarter of patients are insured through a spouse, parent or other person."""
    patient_name = _name(rng)
    subscriber: Subscriber | None = None
    has_group = claim.payer not in {"medicare", "self-pay"} and rng.random() < 0.7
    group = f"GRP{rng.randrange(10**6):06d}" if has_group else None
    if claim.payer != "self-pay" and rng.random() < 0.25:
        relationship = rng.choice(("spouse", "spouse", "child", "other"))
        same_family = relationship != "other" and rng.random() < 0.6
        subscriber = Subscriber(
            name=_name(rng, patient_name.last if same_family else None),
            relationship=relationship,
            group_number=group,
        )
        group = None
    payer = payer_party(claim.payer, claim.plan)
    if claim.payer != "self-pay" and rng.random() < 0.5:
        payer = payer.model_copy(update={"address": _address(rng, zip_plus_four=rng.random() < 0.5)})
    referral = claim.referral
    return ClaimParties(
        payer=payer,
        patient_name=patient_name,
        patient_address=_address(rng, zip_plus_four=rng.random() < 0.5),
        group_number=group,
        subscriber=subscriber,
        billing_address=_address(rng, zip_plus_four=True),
        billing_phone=_phone(rng) if rng.random() < 0.8 else None,
        rendering_name=_name(rng),
        rendering_taxonomy=_TAXONOMY.get(claim.rendering_provider.credential.value),
        referring_name=_name(rng) if referral is not None and referral.by_npi else None,
        payer_claim_number=f"SYNPCN{rng.randrange(10**9):09d}" if claim.frequency != "original" else None,
        amount_paid=float(rng.choice((20, 25, 30, 40))) if rng.random() < 0.2 else 0.0,
    )


def _practice_name(rng: random.Random) -> str:
    return f"{rng.choice(_PRACTICE_WORDS[0])} {rng.choice(_PRACTICE_WORDS[1])} (synthetic)"


def with_parties(claim: ClaimSubmission, rng: random.Random) -> ClaimSubmission:
    """A copy of `claim` with synthetic parties, and a practice name for its billing provider when it has none."""
    update: dict[str, Any] = {"parties": synthetic_parties(claim, rng)}
    if claim.billing_provider.name is None:
        update["billing_provider"] = claim.billing_provider.model_copy(update={"name": _practice_name(rng)})
    return claim.model_copy(update=update)


def clean_claims_with_parties(seed: int = DEFAULT_SEED) -> list[ClaimSubmission]:
    """The clean claims of `defect_corpus(seed)`, each with parties; the corpus itself is left as it is."""
    rng = random.Random(seed)
    return [with_parties(item.submission, rng) for item in defect_corpus(seed) if item.is_clean]


def claims_with_parties(count: int, seed: int = DEFAULT_SEED) -> list[ClaimSubmission]:
    """`count` insured claims with parties, cycling through the insured payer packs, from a handful of practices.

    Claims come in blocks by practice (so an 837P has few billing provider loops, as a practice's batch would);
    about one in twenty is a replacement of an earlier claim. Fast enough for a 1 MB 837P in well under a second.
    """
    rng = random.Random(seed)
    practices = [
        (
            {
                "npi": _npi(rng),
                "tax_id": f"{rng.randint(10, 99)}-{rng.randrange(10**7):07d}",
                "name": _practice_name(rng),
            },
            {"billing_address": _address(rng, zip_plus_four=True), "billing_phone": _phone(rng)},
        )
        for _ in range(max(1, min(5, count // 50)))
    ]
    claims: list[ClaimSubmission] = []
    packs = cycle(_INSURED_PACKS)
    for number in range(1, count + 1):
        payer, plan = next(packs)
        draft = _clean(rng, number, payer=payer, plan=plan)
        provider, where = practices[(number - 1) * len(practices) // count]
        draft.claim["billing_provider"] = provider
        if rng.random() < 0.05:
            draft.claim["frequency"] = "replacement"
        claim = with_parties(ClaimSubmission.model_validate(draft.claim), rng)
        assert claim.parties is not None
        claims.append(claim.model_copy(update={"parties": claim.parties.model_copy(update=where)}))
    return claims
