"""Synthetic identifiers: NPIs with a valid check digit (and broken ones), member ids in each payer's shape."""

from __future__ import annotations

import random

from gravida.synthetic import npi_with_check_digit
from gravida.synthetic_claims.catalog import _MBI_LETTERS, _MEMBER_PREFIX


def _npi(rng: random.Random) -> str:
    return npi_with_check_digit(f"1{rng.randrange(10**8):08d}")


def _broken_npi(npi: str, rng: random.Random) -> str:
    """The same NPI with its check digit changed, the way a one-key typo breaks it."""
    return npi[:9] + str((int(npi[9]) + rng.randint(1, 9)) % 10)


def _member_id(rng: random.Random, payer: str) -> str | None:
    if payer == "self-pay":
        return None
    if payer == "medicare":
        letter, both = _MBI_LETTERS, _MBI_LETTERS + "0123456789"
        shape = (str(rng.randint(1, 9)), letter, both, "#", letter, both, "#", letter, letter, "#", "#")
        return "".join(rng.choice("0123456789") if part == "#" else rng.choice(part) for part in shape)
    return f"{_MEMBER_PREFIX[payer]}{rng.randrange(10**9):09d}"
