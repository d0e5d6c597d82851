"""Invented people, clinics, NPIs and dates for the final blind notes.

Why invented: the notes must never carry a real person's name or a real provider's NPI. Names are assembled from
syllables (so a name is unlikely to be anyone's), clinics from invented place words, and every NPI is ten digits
whose last digit is the Luhn check digit over the prefix 80840 plus the first nine digits, as the NPI standard
requires, so a validator that checks NPIs accepts them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

_FIRST = (
    "Maren", "Odile", "Tamsin", "Brielle", "Noor", "Ysolde", "Katrin", "Lioba", "Sabeen", "Delphine", "Ansa",
    "Petra", "Ilse", "Corra", "Wren", "Anouk", "Saoirse", "Mireille", "Zofia", "Linnea", "Thandi", "Rosalind",
    "Elowen", "Briar", "Nadira", "Ottilie", "Calla", "Junia", "Teodora", "Marisol",
)
_SURNAME_HEADS = ("Hal", "Brenn", "Tor", "Quill", "Ash", "Vel", "Mar", "Fen", "Orr", "Dal", "Kest", "Lun", "Sorr",
                  "Wick", "Thorn", "Gale", "Rook", "Penn")
_SURNAME_TAILS = ("vane", "wick", "holt", "mere", "by", "stead", "ridge", "fell", "ham", "lowe", "combe", "marsh",
                  "wood", "stone", "ley", "hurst")
_CLINIC_PLACES = ("Stillwater", "Larkfield", "Cedar Hollow", "Bramblecroft", "North Quay", "Willowmere",
                  "Harrowgate", "Juniper Row", "Saltmarsh", "Amberley Park")
_CLINIC_KINDS = ("Maternal Bodywork", "Prenatal Wellness Studio", "Physical Therapy & Pelvic Health",
                 "Women's Rehab", "Family Chiropractic", "Birth & Body Clinic", "Therapy Associates")


def person(rng: random.Random) -> tuple[str, str]:
    """An invented (first name, surname)."""
    return rng.choice(_FIRST), rng.choice(_SURNAME_HEADS) + rng.choice(_SURNAME_TAILS)


def full_name(rng: random.Random) -> str:
    first, last = person(rng)
    return f"{first} {last}"


#: Two-letter strings that already mean something in a chart (a technique, a credential, a position, "OB").
_TAKEN = frozenset({"TA", "MT", "US", "CP", "SL", "HP", "PT", "OT", "DC", "MD", "DO", "NP", "OB", "ES", "TE", "GA",
                    "PP", "HR", "BP", "LE", "UE", "SI", "TP", "CS", "RN", "PA"})


def initials(rng: random.Random) -> str:
    """Invented initials that are not also a chart abbreviation."""
    while True:
        first, last = person(rng)
        if (first[0] + last[0]) not in _TAKEN:
            return first[0] + last[0]


def clinic(rng: random.Random) -> str:
    return f"{rng.choice(_CLINIC_PLACES)} {rng.choice(_CLINIC_KINDS)}"


def luhn_check_digit(digits: str) -> int:
    """The digit that makes `digits` + it pass the Luhn check."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return (10 - total % 10) % 10


def npi(rng: random.Random) -> str:
    """A ten-digit NPI-shaped number (first digit 1, as individual NPIs are) with a valid check digit."""
    body = "1" + "".join(str(rng.randrange(10)) for _ in range(8))
    return body + str(luhn_check_digit("80840" + body))


def visit_date(rng: random.Random) -> date:
    """A date of service between September 2024 and June 2025, on a weekday."""
    day = date(2024, 9, 2) + timedelta(days=rng.randrange(300))
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def days_before(day: date, rng: random.Random, low: int, high: int) -> date:
    return day - timedelta(days=rng.randint(low, high))


def due_date(visit: date, weeks: int, days: int) -> date:
    """The due date that a gestational age of weeks+days on `visit` implies (280 days from the last period)."""
    return visit + timedelta(days=280 - (weeks * 7 + days))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")

DATE_FORMS = ("us", "us_short", "iso", "long", "dmy", "mon")


def write_date(day: date, form: str) -> str:
    """A date the way US charts write it; every form is unambiguous month-first or spelled out."""
    if form == "us":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if form == "us_short":
        return f"{day.month}/{day.day}/{day.year % 100:02d}"
    if form == "iso":
        return day.isoformat()
    if form == "long":
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if form == "dmy":
        return f"{day.day:02d}-{_MONTHS[day.month - 1][:3]}-{day.year}"
    if form == "mon":
        return f"{_MONTHS[day.month - 1][:3]} {day.day} {day.year}"
    raise ValueError(f"unknown date form {form!r}")
