"""Synthetic NPIs that pass the real check-digit test, so a validator in the pipeline treats them as well formed.

Why the prefix: an NPI's tenth digit is a Luhn check digit computed over the card-issuer prefix 80840 followed by
the first nine digits (CMS, "Requirements for NPI check digit"). The identifiers are random, belong to no one, and
are only ever paired with invented names.
"""

from __future__ import annotations

import random

NPI_PREFIX = "80840"


def luhn_check_digit(payload: str) -> int:
    """The digit that makes `payload + digit` pass the Luhn test."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def make_npi(rng: random.Random) -> str:
    """A ten-digit individual-provider NPI (first digit 1) with a valid check digit."""
    base = "1" + "".join(str(rng.randrange(10)) for _ in range(8))
    return base + str(luhn_check_digit(NPI_PREFIX + base))


def npi_is_valid(npi: str) -> bool:
    """Ten digits whose last one is the Luhn check digit over the 80840 prefix and the first nine."""
    return len(npi) == 10 and npi.isdigit() and luhn_check_digit(NPI_PREFIX + npi[:9]) == int(npi[9])
