"""A clean claim: the draft a claim is built and mutated as, and the builder of a claim valid for its payer."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gravida.synthetic_claims.catalog import (
    _CONDITIONS,
    _CREDENTIALS,
    _EVALUATION_MENUS,
    _EVALUATIONS,
    _HIGHMARK_UNITS_PER_DAY,
    _LMT_PAID,
    _MANIPULATION,
    _MEDICAID,
    _MEDICARE_POS,
    _MENUS,
    _NEEDS_PLAN_OF_CARE,
    _NOT_THERAPY,
    _PAYER_NAMES,
    _PLAN_RECERTIFY_EVERY_DAYS,
    _PPO_AUTHORIZATION_AFTER,
    _PRICE,
    _PROGRESS_REPORT_EVERY,
    _WITH_MASSAGE,
)
from gravida.synthetic_claims.diagnoses import _diagnoses, _Dx
from gravida.synthetic_claims.identifiers import _member_id, _npi


def _menus_for(payer: str, first: date) -> tuple[str, ...]:
    """The visits a clean claim to this payer can bill: each payer's coverage and eligibility rules ruled in."""
    names = list(_MENUS)
    if payer == "medicare":
        names.remove("manipulation+massage")  # Medicare pays a DC for manipulation only
    if payer == "aetna-style":
        names = [n for n in names if n not in {"massage", "manipulation+massage"}]  # massage only as an adjunct
    if payer in _MEDICAID:
        names = [n for n in names if n not in _WITH_MASSAGE and n not in _MANIPULATION]
    if first < date(2017, 1, 1):
        names = [n for n in names if n not in _EVALUATION_MENUS]  # 97161-97164 start 2017-01-01
    return tuple(names)


@dataclass
class _Draft:
    """A claim and its history as plain data, while it is built and mutated; frozen into models at the end."""

    claim: dict[str, Any]
    history: dict[str, Any]
    today: date
    summary: str
    dx: _Dx

    @property
    def dos(self) -> date:
        value: date = self.claim["date_of_service"]
        return value

    @property
    def lines(self) -> list[dict[str, Any]]:
        value: list[dict[str, Any]] = self.claim["lines"]
        return value

    def line(self, code: str) -> dict[str, Any]:
        return next(line for line in self.lines if line["code"] == code)

    def therapy_modifier(self) -> str:
        return "GO" if self.claim["rendering_provider"]["credential"] == "OT" else "GP"

    def add_line(self, code: str, units: int = 1, modifiers: tuple[str, ...] | None = None) -> None:
        chosen = (self.therapy_modifier(),) if modifiers is None else modifiers
        self.lines.append(_new_line(code, units, chosen, self.dx.pointers))

    def authorization(self) -> dict[str, Any]:
        value: dict[str, Any] = self.history["authorizations"][0]
        return value


def _new_line(code: str, units: int, modifiers: tuple[str, ...], pointers: list[int]) -> dict[str, Any]:
    return {
        "code": code,
        "units": units,
        "modifiers": list(modifiers),
        "diagnosis_pointers": list(pointers),
        "charge": round(_PRICE[code] * units, 2),
    }


def _set_units(line: dict[str, Any], units: int) -> None:
    """Change a line's units and its charge with them."""
    line["units"] = units
    line["charge"] = round(_PRICE[line["code"]] * units, 2)


def _set_code(line: dict[str, Any], code: str, units: int = 1) -> None:
    line["code"] = code
    _set_units(line, units)


def _describe_lines(lines: list[dict[str, Any]]) -> str:
    return ", ".join(f"{line['code']}{''.join('-' + m for m in line['modifiers'])} x{line['units']}" for line in lines)


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _clean(
    rng: random.Random,
    number: int,
    *,
    payer: str,
    plan: str | None = None,
    menu: str | None = None,
    credential: str | None = None,
    condition: str | None = None,
    postpartum: bool | None = None,
    first: date = date(2021, 1, 4),
    last: date = date(2026, 10, 30),
    visits_used: int | None = None,
) -> _Draft:
    """A claim valid for its payer (and plan) on its date of service; the keywords pin what a mutation needs."""
    dos = _day(rng, first, last)
    menu = menu or rng.choice(_menus_for(payer, first))
    if credential is None:
        if menu in _MANIPULATION:
            credential = "DC"
        elif menu == "massage" and payer in _LMT_PAID:
            credential = "LMT"
        elif menu in _EVALUATION_MENUS:
            credential = "PT"  # 97161-97164 are physical therapy evaluations
        else:
            credential = rng.choice([c for c in _CREDENTIALS[payer] if c != "LMT"])
    if postpartum is None:
        postpartum = rng.random() < 0.2
    if condition is None:
        pool = [c for c in _CONDITIONS if not (postpartum and c == "gestational_edema")]
        condition = rng.choice(pool)
    dx = _diagnoses(rng, dos, condition, postpartum)

    therapy = "GO" if credential == "OT" else "GP"
    lines: list[dict[str, Any]] = []
    for code, (low, high), distinct in _MENUS[menu]:
        if code == "EVAL":
            code = rng.choice(_EVALUATIONS)
        modifiers: list[str] = []
        if distinct is not None:
            modifiers.append("XS" if payer == "medicare" and distinct == "region" else "59")
        if code in _NOT_THERAPY:
            if payer == "medicare":
                modifiers.append("AT")  # active treatment
        elif payer != "self-pay":
            modifiers.append(therapy)
        lines.append(_new_line(code, rng.randint(low, high), tuple(modifiers), dx.pointers))
    if payer == "highmark-style":
        while sum(line["units"] for line in lines) > _HIGHMARK_UNITS_PER_DAY:
            biggest = max(lines, key=lambda line: int(line["units"]))
            _set_units(biggest, biggest["units"] - 1)

    submitted = dos + timedelta(days=rng.randint(2, 25))
    patient_id = f"SYN-C-{number:04d}"
    rendering_npi = _npi(rng)
    claim: dict[str, Any] = {
        "claim_id": f"{patient_id}-{dos:%Y%m%d}",
        "payer": payer,
        "plan": plan,
        "date_of_service": dos,
        "submitted_on": submitted,
        "place_of_service": rng.choice(_MEDICARE_POS) if payer == "medicare" else "11",
        "billing_provider": {"npi": _npi(rng), "tax_id": f"{rng.randint(10, 99)}-{rng.randrange(10**7):07d}"},
        "rendering_provider": {
            "npi": rendering_npi,
            "credential": credential,
            "state": rng.choice(("WA", "OR", "PA", "TX", "NY", "CA")),
        },
        "patient": {
            "id": patient_id,
            "birth_date": date(rng.randint(1984, 2003), rng.randint(1, 12), rng.randint(1, 28)),
            "sex": "F",
        },
        "subscriber_id": _member_id(rng, payer),
        "referral": None,
        "plan_of_care": None,
        "prior_authorization": None,
        "diagnoses": list(dx.codes),
        "lines": lines,
    }
    needs_referral = plan == "hmo" or (payer == "premera-style" and menu in _WITH_MASSAGE)
    if needs_referral or (payer != "self-pay" and rng.random() < 0.7):
        written = dos - timedelta(days=rng.randint(3, 60))
        expires = None if plan == "hmo" and rng.random() < 0.5 else written + timedelta(days=rng.choice((120, 180)))
        claim["referral"] = {
            "by_npi": _npi(rng),
            "by_credential": rng.choice(("MD", "DO", "CNM", "NP")),
            "date": written,
            "expires": expires,
        }
    if payer in _NEEDS_PLAN_OF_CARE:
        start = dos - timedelta(days=rng.randint(0, 50))
        certified = start + timedelta(days=rng.randint(0, min(14, (dos - start).days)))
        end = start + timedelta(days=_PLAN_RECERTIFY_EVERY_DAYS - 1) if rng.random() < 0.5 else None
        claim["plan_of_care"] = {"start": start, "certified_on": certified, "end": end}

    if visits_used is None:
        visits_used = rng.randint(0, 17) if payer == "commercial-template" else rng.randint(0, 30)
    history: dict[str, Any] = {
        "visits_used": visits_used,
        "treatment_days_since_progress_report": rng.randint(0, _PROGRESS_REPORT_EVERY - 2),
        "therapy_dollars_this_year": round(rng.uniform(0, 1200), 2) if payer == "medicare" else 0.0,
        "authorizations": [],
        "earlier_claims": [],
    }
    if plan == "hmo" or payer in _MEDICAID or (plan == "ppo" and visits_used >= _PPO_AUTHORIZATION_AFTER):
        start = dos - timedelta(days=rng.randint(1, 45))
        units = sum(line["units"] for line in lines)
        authorization_number = f"PA-{rng.randrange(10**6):06d}"
        history["authorizations"].append(
            {
                "number": authorization_number,
                "start": start,
                "end": start + timedelta(days=rng.randint(90, 180)),
                "visits_remaining": rng.choice((None, rng.randint(2, 12))),
                "units_remaining": rng.choice((None, units + rng.randint(8, 30))),
                "codes": [],
            }
        )
        claim["prior_authorization"] = authorization_number
    if rng.random() < 0.3:  # an earlier visit of the same patient, on another day: not a duplicate
        history["earlier_claims"].append(
            {
                "claim_id": f"{patient_id}-{dos - timedelta(days=7):%Y%m%d}",
                "patient_id": patient_id,
                "rendering_npi": rendering_npi,
                "date_of_service": dos - timedelta(days=7),
                "codes": [line["code"] for line in lines],
            }
        )
    where = _PAYER_NAMES[payer] + (f" {plan.upper()}" if plan else "")
    article = "an" if credential[0] in "AEFHILMNORSX" else "a"
    summary = f"{where} claim, {_describe_lines(lines)} by {article} {credential} on {dos}, {dx.words}"
    return _Draft(claim, history, submitted, summary, dx)
