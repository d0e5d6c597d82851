"""A seeded, valid, balanced synthetic 835 (005010X221A1) of any size, for the reader benchmark and its tests.

Every claim balances (charge - paid = adjustments, line and claim) and every payment balances (BPR02 = claims paid
less PLB amounts), so a reader that finds a balance problem in this file has a bug. Patients and amounts are made up
from `random.Random(seed)`; nothing here is a real person or a real payer.

- `synthetic_835(claims, seed)`: made-up claims, for the benchmark (size) and the reader's own tests.
- `synthetic_835_for_claims(submissions, seed)`: a payer's answer to claims we sent (one payment per payer, the
  codes, modifiers, units, charges and dates of the submitted lines), for the remittance matching tests.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from gravida.domain.submission import ClaimSubmission

CODES = (("97140", "GP"), ("97124", "GP"), ("97110", "GP"), ("97112", "GP"), ("97530", "GP"), ("98940", ""))
DENIALS = (("CO", "50", "N115"), ("CO", "96", "N130"), ("CO", "197", "N54"), ("CO", "16", "M51"), ("CO", "119", "N640"))
PATIENT_SHARE = ("1", "2", "3")
LAST_NAMES = ("RIVERA", "NGUYEN", "OKAFOR", "LINDQVIST", "PATEL", "MORALES", "KOWALSKI", "TANAKA")
FIRST_NAMES = ("ANA", "MEI", "CHIDI", "ELSA", "PRIYA", "LUCIA", "MARTA", "YUKI")
#: Codes a payer may adjudicate instead of the billed one (SVC01 differs, SVC06 carries the billed code).
RECODED_TO = "97010"
CENT = Decimal("0.01")


def _money(value: Decimal) -> str:
    return f"{value.quantize(CENT)}"


@dataclass
class Synthetic835:
    """The text and what it should read as (totals the reader's output is checked against)."""

    text: str
    claims: int = 0
    lines: int = 0
    total_paid: Decimal = Decimal(0)
    transactions: int = 0
    claim_ids: list[str] = field(default_factory=list)
    recoded_claims: list[str] = field(default_factory=list)
    denied_claims: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LineSpec:
    """A service line as billed: what the payer's SVC answers."""

    code: str
    modifiers: tuple[str, ...]
    units: int
    charge: Decimal


@dataclass(frozen=True)
class ClaimSpec:
    """A claim as billed: its patient control number, date of service and lines."""

    claim_id: str
    day: date
    lines: tuple[LineSpec, ...]


def _service(
    rng: random.Random, spec: LineSpec, day: date, line_id: str, denied: bool, recoded: bool
) -> tuple[list[str], Decimal, Decimal]:
    """One SVC loop: segments, paid, patient responsibility."""
    billed = ":".join(("HC", spec.code, *spec.modifiers))
    charge = spec.charge
    adjudicated = f"HC:{RECODED_TO}" if recoded else billed
    original = f"*{billed}" if recoded else ""
    if denied:
        group, reason, remark = rng.choice(DENIALS)
        segments = [
            f"SVC*{adjudicated}*{_money(charge)}*0**{spec.units}{original}",
            f"DTM*472*{day:%Y%m%d}",
            f"CAS*{group}*{reason}*{_money(charge)}",
            f"REF*6R*{line_id}",
            f"LQ*HE*{remark}",
        ]
        return segments, Decimal(0), Decimal(0)
    allowed = (charge * Decimal(rng.randint(55, 90)) / 100).quantize(CENT)
    share = (allowed * Decimal(rng.choice((0, 10, 20, 30))) / 100).quantize(CENT)
    paid = allowed - share
    segments = [f"SVC*{adjudicated}*{_money(charge)}*{_money(paid)}**{spec.units}{original}", f"DTM*472*{day:%Y%m%d}"]
    segments.append(f"CAS*CO*45*{_money(charge - allowed)}")
    if share:
        segments.append(f"CAS*PR*{rng.choice(PATIENT_SHARE)}*{_money(share)}")
    segments += [f"REF*6R*{line_id}", f"AMT*B6*{_money(allowed)}"]
    return segments, paid, share


def _claim(rng: random.Random, number: int, spec: ClaimSpec, result: Synthetic835) -> tuple[list[str], Decimal]:
    denied = rng.random() < 0.12
    recoded_line = rng.randrange(len(spec.lines)) if rng.random() < 0.1 else None
    body: list[str] = []
    charge = paid = share = Decimal(0)
    for line, line_spec in enumerate(spec.lines):
        recoded = line == recoded_line
        segments, line_paid, line_share = _service(rng, line_spec, spec.day, f"{number}-{line + 1}", denied, recoded)
        body += segments
        charge, paid, share = charge + line_spec.charge, paid + line_paid, share + line_share
        result.lines += 1
    status = "4" if denied else rng.choice(("1", "1", "1", "2"))
    received = spec.day + timedelta(days=rng.randint(3, 20))
    head = [
        f"CLP*{spec.claim_id}*{status}*{_money(charge)}*{_money(paid)}*{_money(share)}*12*PCN{number:09d}*11*1",
        f"NM1*QC*1*{rng.choice(LAST_NAMES)}*{rng.choice(FIRST_NAMES)}****MI*SYNM{rng.randint(10**6, 10**7 - 1)}",
        f"DTM*050*{received:%Y%m%d}",
    ]
    result.claims += 1
    result.claim_ids.append(spec.claim_id)
    if denied:
        result.denied_claims.append(spec.claim_id)
    if recoded_line is not None:
        result.recoded_claims.append(spec.claim_id)
    return head + body, paid


def _transaction(
    rng: random.Random, control: int, specs: Sequence[ClaimSpec], first: int, payer: str, result: Synthetic835
) -> list[str]:
    latest = max(spec.day for spec in specs)
    paid_on = latest + timedelta(days=rng.randint(15, 45))
    body: list[str] = ["LX*1"]
    total = Decimal(0)
    for number, spec in enumerate(specs, start=first):
        segments, paid = _claim(rng, number, spec, result)
        body += segments
        total += paid
    interest = Decimal(rng.randint(0, 300)) / 100
    recovery = Decimal(rng.randint(0, 2000)) / 100
    plb = f"PLB*1234567893*{paid_on.year}1231*L6*{_money(-interest)}*WO:SYN-{first:06d}*{_money(recovery)}"
    total = total + interest - recovery
    result.total_paid += total
    header = [
        f"ST*835*{control:04d}",
        f"BPR*I*{_money(total)}*C*ACH*CCP*01*999999992*DA*123456789*1512345678**01*999988880*DA*98765"
        f"*{paid_on:%Y%m%d}",
        f"TRN*1*EFT{control:08d}*1512345678",
        f"DTM*405*{paid_on - timedelta(days=1):%Y%m%d}",
        f"N1*PR*{payer}",
        "N3*100 EXAMPLE WAY",
        "N4*SEATTLE*WA*98101",
        "PER*BL*EDI SUPPORT*TE*8005550100",
        "N1*PE*GRAVIDA SYNTHETIC CLINIC*XX*1234567893",
        "REF*TJ*123456789",
    ]
    segments = [*header, *body, plb]
    result.transactions += 1
    return [*segments, f"SE*{len(segments) + 1}*{control:04d}"]


def _interchange(rng: random.Random, payments: Iterable[tuple[str, Sequence[ClaimSpec]]]) -> Synthetic835:
    result = Synthetic835(text="")
    transactions: list[str] = []
    first = 1
    for control, (payer, specs) in enumerate(payments, start=1):
        transactions += _transaction(rng, control, specs, first, payer, result)
        first += len(specs)
    isa = (
        "ISA*00*          *00*          *ZZ*SYNTHPAYER     *ZZ*GRAVIDA        *241203*1200*^*00501*000000001*0*T*:"
    )
    segments = [
        isa,
        "GS*HP*SYNTHPAYER*GRAVIDA*20241203*1200*1*X*005010X221A1",
        *transactions,
        f"GE*{result.transactions}*1",
        "IEA*1*000000001",
    ]
    result.text = "~\n".join(segments) + "~\n"
    return result


def _random_claim(rng: random.Random, number: int) -> ClaimSpec:
    day = date(2024, 1, 2) + timedelta(days=rng.randint(0, 300))
    lines = []
    for _ in range(rng.randint(1, 4)):
        code, modifier = rng.choice(CODES)
        units = rng.randint(1, 4)
        lines.append(LineSpec(code, (modifier,) if modifier else (), units, Decimal(rng.randint(35, 60) * units)))
    return ClaimSpec(f"SYN-{number:06d}-{day:%Y%m%d}", day, tuple(lines))


def synthetic_835(claims: int, seed: int = 2026, claims_per_payment: int = 400) -> Synthetic835:
    """An interchange of `claims` made-up claims, split into payments (ST/SE) of at most `claims_per_payment`."""
    rng = random.Random(seed)
    specs = [_random_claim(rng, number) for number in range(1, claims + 1)]
    chunks = [specs[start : start + claims_per_payment] for start in range(0, claims, claims_per_payment)]
    return _interchange(rng, (("SYNTHETIC HEALTH PLAN", chunk) for chunk in chunks))


def synthetic_835_for_claims(submissions: Iterable[ClaimSubmission], seed: int = 2026) -> Synthetic835:
    """A remittance answering `submissions`: one payment per payer, each line answered on its billed code,
    modifiers, units, charge and date (about one claim in ten has a line the payer recoded, SVC06 = as billed)."""
    rng = random.Random(seed)
    by_payer: dict[str, list[ClaimSpec]] = {}
    for submission in submissions:
        lines = tuple(
            LineSpec(line.code, tuple(line.modifiers), line.units, Decimal(str(line.charge)).quantize(CENT))
            for line in submission.lines
        )
        spec = ClaimSpec(submission.claim_id, submission.date_of_service, lines)
        by_payer.setdefault(submission.payer, []).append(spec)
    payments = ((f"SYNTHETIC {payer.upper()} PAYER", specs) for payer, specs in by_payer.items())
    return _interchange(rng, payments)


def synthetic_835_of_size(target_bytes: int, seed: int = 2026) -> Synthetic835:
    """About `target_bytes` of 835 (within one claim's size), seeded."""
    probe = synthetic_835(200, seed)
    per_claim = len(probe.text) / 200
    return synthetic_835(max(1, round(target_bytes / per_claim)), seed)
