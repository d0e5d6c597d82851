"""Invented people: patients, the clinicians who sign, the providers who refer, and their NPIs.

Why invented and checked: the corpus is public test data, so no name may be a real patient's; the NPIs are made
valid (a Luhn check digit over the card-issuer prefix 80840, as CMS defines it) so that an extractor which checks
the digit is tested on the numbers it would accept, never on numbers it would rightly reject.

Credential mapping (the label keeps only the licence; degrees and certifications after it are not credentials):
"PT, DPT", "PT, DPT, WCS", "PT, MSPT" -> PT; "PTA" -> PTA; "OTR/L", "MS, OTR/L" -> OT; "COTA/L", "OTA" -> OTA;
"LMT", "LMT, CPMT", "LMT, BCTMB" -> LMT; "DC", "DC, CACCP", "D.C." -> DC. Signatures are "/s/ Name, CRED",
"Signed: Name, CRED" or "Electronically signed by Name, CRED on <date>", each maybe with "NPI <10 digits>"; a blank
signature line is signed=false with no credential or NPI; a note with no signature line has no therapist.
Referrers are "Dr. Name, MD|DO", "Name, CNM" or "Name, NP"; an OB/MFM clearance names a prescriber without a
credential and is not a referral.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from gravida.synthetic_notes.labels import Credential

FIRST_NAMES = (
    "Marisol", "Thandiwe", "Keiko", "Brynn", "Oluwaseun", "Delphine", "Annika", "Yesenia", "Priyanka", "Rosalind",
    "Maren", "Ifeoma", "Lucia", "Tamsin", "Esperanza", "Noor", "Kalani", "Henrike", "Ximena", "Dagny",
)
LAST_NAMES = (
    "Abernathy", "Quintero", "Okonkwo-Reyes", "Vashti", "Lindqvist", "Tremblay", "Achterberg", "Mbeki-Lowe",
    "Castellanos", "Fairweather", "Nakagawa", "Ostrowski", "Delacroix", "Haverford", "Iwu", "Pellegrini",
    "Thornbury", "Zeledon", "Kowalczyk", "Brightwater",
)
CLINICIAN_FIRST = ("Jolene", "Ravi", "Simone", "Teodora", "Callum", "Mireille", "Anders", "Beatriz", "Wren", "Kofi")
CLINICIAN_LAST = ("Halvorsen", "Underwood", "Ferreira", "Szabo", "Montague", "Achebe", "Lindgren", "Paquette")


def luhn_check_digit(payload: str) -> str:
    """The digit that makes `payload + digit` pass the Luhn check."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def npi(rng: random.Random) -> str:
    """A ten-digit NPI whose last digit is the Luhn check over 80840 and the first nine."""
    base = str(rng.choice((1, 2))) + "".join(str(rng.randrange(10)) for _ in range(8))
    return base + luhn_check_digit("80840" + base)


@dataclass(frozen=True)
class Patient:
    first: str
    last: str
    age: int
    gravida: int
    para: int

    @property
    def gp(self) -> str:
        return f"G{self.gravida}P{self.para}"


@dataclass(frozen=True)
class Clinician:
    """A person who signs or refers; `extra` is trailing letters that are degrees or certifications, not a
    credential of the label's list (DPT, CPMT, OTR/L stays with OT...)."""

    first: str
    last: str
    credential: Credential
    written: str
    npi: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def short(self) -> str:
        return f"{self.first[0]}. {self.last}"

    @property
    def signature(self) -> str:
        """Name and credential as a signature line writes them."""
        return f"{self.name}, {self.written}"


#: How a credential is written after a name. The label keeps only the credential; degrees and certifications that
#: follow it (DPT, WCS, CPMT, CACCP) are not credentials of the label list. OTR/L is an OT, COTA/L an OTA.
WRITTEN: dict[Credential, tuple[str, ...]] = {
    "LMT": ("LMT", "LMT", "LMT, CPMT", "LMT, BCTMB"),
    "PT": ("PT, DPT", "PT", "PT, DPT, WCS", "PT, MSPT"),
    "PTA": ("PTA",),
    "OT": ("OTR/L", "MS, OTR/L"),
    "OTA": ("COTA/L", "OTA"),
    "DC": ("DC", "DC, CACCP", "D.C."),
    "MD": ("MD",),
    "DO": ("DO",),
    "CNM": ("CNM",),
    "NP": ("NP",),
}


def patient(rng: random.Random) -> Patient:
    gravida = rng.choice((1, 1, 2, 2, 3, 4))
    para = rng.randrange(gravida)
    return Patient(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), rng.randint(22, 41), gravida, para)


def clinician(rng: random.Random, credential: Credential) -> Clinician:
    written = rng.choice(WRITTEN[credential])
    return Clinician(rng.choice(CLINICIAN_FIRST), rng.choice(CLINICIAN_LAST), credential, written, npi(rng))


def referrer(rng: random.Random) -> Clinician:
    """An obstetric or primary-care prescriber."""
    credential: Credential = rng.choice(("MD", "MD", "DO", "CNM", "NP"))
    return clinician(rng, credential)
