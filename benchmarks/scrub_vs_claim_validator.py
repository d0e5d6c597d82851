"""Gravida's claim scrubber against the PyPI package claim-validator, on the seeded defect corpus, in one run.

Run: .venv/bin/python benchmarks/scrub_vs_claim_validator.py [--rounds 5] [--min-seconds 0.5] [--seed 2026]

The corpus (gravida.synthetic_claims.defect_corpus) holds clean claims for every payer pack and copies of them with
one known defect each. The script reports:

1. Throughput on the same claims, best of --rounds: Gravida's `service.scrub` on parsed claims against
   claim-validator's public `validate(dict)` (which parses the dict and builds its pipeline on every call), with the
   ratio against Gravida's goal of 50x. For a like-for-like reading it also times both from a JSON-ready dict with
   set-up reused: Gravida parse + scrub, and claim-validator `ClaimData(**dict)` + a pipeline built once.
2. What each catches. Gravida catches a defect when the expected rule id is among its findings. claim-validator has
   no notion of our rule ids, so its criterion is differential: it catches a defect when the defect claim draws an
   ERROR of a kind (finding code + field, or a refused input field) that the defect's clean original does not draw.
   A lenient reading (any error at all on the defect claim) is shown beside it, with the share of clean claims each
   tool passes without an error, which is what makes "any error" meaningless when it is low.

Conversion to claim-validator's input (its ClaimData, CMS-1500 fields) keeps everything its schema can hold and
leaves out, as documented in CANNOT_EXPRESS below, what it cannot. Both tools see the same synthetic NCCI row the
corpus relies on for `edits.ncci.never_together` (claim-validator has no pair edits at all). Nothing here asserts a
figure; the figures are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from unittest import mock

from pydantic import ValidationError

from gravida import service
from gravida.domain import Citation, Severity
from gravida.domain.submission import ClaimSubmission, History
from gravida.knowledge import default_knowledge
from gravida.knowledge.ncci import NcciTables, PtpEdit
from gravida.synthetic_claims import DEFAULT_SEED, IMPORTED_PTP_ROWS, CorpusClaim, defect_corpus

GOAL_RATIO = 50.0

#: Our payer packs as claim-validator payer ids: the payer a pack is modelled on where claim-validator knows it (its
#: timely-filing table is keyed by these), else the pack id, which it files under its 365-day default.
PAYER_IDS = {
    "medicare": "MEDICARE",
    "aetna-style": "AETNA",
    "premera-style": "BCBS",
    "highmark-style": "BCBS",
    "optum-style": "UHC",
    "commercial-template": "COMMERCIAL-TEMPLATE",
    "medicaid-example-wa": "MEDICAID",
    "medicaid-example-tx": "MEDICAID",
    "commercial-cpt": "COMMERCIAL-CPT",
}

#: What a Gravida claim holds that claim-validator's claim input cannot express.
CANNOT_EXPRESS = (
    "the payer pack and plan (only a payer id string: plan rules such as HMO referrals are not expressible)",
    "a self-pay claim (no payer id or member id: claim-validator requires both)",
    "the rendering provider's credential (PT, LMT, DC, ...; it has a billing-provider taxonomy only)",
    "the billing provider's tax id",
    "the referral or prescription (referring NPI, date, expiry)",
    "the plan of care and its certification",
    "the prior authorization number, and authorizations on file",
    "the claim frequency (original / replacement)",
    "history: visits used this year, therapy dollars (KX), treatment days since the progress report, earlier claims",
    "Z3A weeks-of-gestation codes (its ICD-10 pattern wants two digits after the letter); they are left out and the "
    "pointers renumbered, and a line that pointed only to them is left with no pointer (its MISSING_FIELD error on "
    "that line is a conversion artifact and is not counted as a catch)",
    "patient names are not in Gravida's claim; synthetic placeholders fill claim-validator's required name fields",
    "the total charge: claim-validator checks it as the sum of charge x units, but a CMS-1500 line charge already "
    "covers all its units, so the total is left out rather than made to fail",
)
ARTIFACT = "MISSING_FIELD(diagnosis_pointers)"
SYNTHETIC_SOURCE = Citation("Synthetic NCCI rows of the defect corpus (not CMS data)", "https://example.invalid/ncci")


def corpus_ncci_tables() -> NcciTables:
    """The NCCI rows the corpus assumes a practice imported (one made-up indicator-0 pair)."""
    return NcciTables(
        [
            PtpEdit(
                row.column1, row.column2, row.effective, None, row.modifier_indicator, row.rationale, SYNTHETIC_SOURCE
            )
            for row in IMPORTED_PTP_ROWS
        ]
    )


# ---------------------------------------------------------------- conversion


@dataclass(frozen=True)
class Converted:
    payload: dict[str, Any]
    artifacts: frozenset[str]  # error kinds the conversion itself causes


def to_claim_validator(claim: CorpusClaim, keeps_code: Callable[[str], bool]) -> Converted:
    """The corpus claim as claim-validator's claim dict, as faithfully as its schema allows (see CANNOT_EXPRESS)."""
    sub = claim.submission
    kept = [code for code in sub.diagnoses if keeps_code(code)]
    renumber = {position: kept.index(code) + 1 for position, code in enumerate(sub.diagnoses, 1) if code in kept}
    artifacts: set[str] = set()
    lines = []
    for line in sub.lines:
        pointers = [renumber[p] for p in line.diagnosis_pointers if p in renumber]
        if not pointers:
            artifacts.add(ARTIFACT)
        lines.append(
            {
                "procedure_code": line.code,
                "modifiers": list(line.modifiers),
                "diagnosis_pointers": pointers,
                "charge_amount": line.charge,
                "units": float(line.units),
                "service_date_from": sub.date_of_service.isoformat(),
                "service_date_to": sub.date_of_service.isoformat(),
                "place_of_service": sub.place_of_service,
                "rendering_provider_npi": sub.rendering_provider.npi,
            }
        )
    birth = sub.patient.birth_date
    payload: dict[str, Any] = {
        "billing_provider_npi": sub.billing_provider.npi,
        "rendering_provider_npi": sub.rendering_provider.npi,
        "subscriber_id": sub.subscriber_id,
        "patient_first_name": "Synthetic",
        "patient_last_name": sub.patient.id,
        "patient_dob": birth.isoformat() if birth else None,
        "patient_gender": sub.patient.sex,
        "payer_id": PAYER_IDS.get(sub.payer),
        "place_of_service": sub.place_of_service,
        "filing_date": (sub.submitted_on or claim.today).isoformat(),
        "diagnosis_codes": [
            {"code": code, "pointer": index, "type": "principal" if index == 1 else "secondary"}
            for index, code in enumerate(kept, 1)
        ],
        "lines": lines,
    }
    return Converted(payload, frozenset(artifacts))


# ---------------------------------------------------------------- claim-validator, if it can be imported


@dataclass(frozen=True)
class ClaimValidator:
    """claim-validator's entry points: the public `validate`, and its pipeline built once for the fair timing."""

    version: str
    validate: Callable[[dict[str, Any]], Any]
    parse: Callable[[dict[str, Any]], Any]
    run_prebuilt: Callable[[Any], Any]
    keeps_code: Callable[[str], bool]


def load_claim_validator() -> ClaimValidator | str:
    """The library, or the reason it cannot be used (printed, and Gravida's figures are still reported)."""
    try:
        import claim_validator
        from claim_validator import ClaimData, validate
        from claim_validator.models.claim import DiagnosisCode
        from claim_validator.validators.pipeline import ValidationPipeline
    except Exception as exc:  # an ImportError, or anything its package __init__ raises
        if "httpx" in str(exc):
            fix = "claim-validator 0.3.0 imports httpx without declaring it; `.venv/bin/pip install httpx`"
        else:
            fix = "install it with `.venv/bin/pip install claim-validator`"
        return f"cannot import claim-validator ({type(exc).__name__}: {exc}); {fix}."
    pipeline = ValidationPipeline.from_settings()

    def keeps_code(code: str) -> bool:
        try:
            DiagnosisCode(code=code)
        except ValidationError:
            return False
        return True

    return ClaimValidator(
        version=str(getattr(claim_validator, "__version__", "?")),
        validate=validate,
        parse=lambda payload: ClaimData(**payload),
        run_prebuilt=pipeline.run,
        keeps_code=keeps_code,
    )


def error_kinds(cv: ClaimValidator, payload: dict[str, Any]) -> frozenset[str]:
    """The kinds of ERROR claim-validator reports on a claim: `CODE(field)`, or `INPUT_REJECTED(field)` when its
    input model refuses the claim outright (a bad NPI check digit, a zero charge, ...)."""
    try:
        result = cv.validate(payload)
    except ValidationError as exc:
        return frozenset(
            f"INPUT_REJECTED({next((p for p in reversed(e['loc']) if isinstance(p, str)), 'claim')})"
            for e in exc.errors()
        )
    return frozenset(f"{f.code}({f.field_name})" for f in result.findings if f.severity == "error")


# ---------------------------------------------------------------- throughput


def best_rate(work: Callable[[], None], count: int, rounds: int, min_seconds: float) -> float:
    """Claims per second of the fastest of `rounds` rounds; a round repeats passes over the claims for at least
    `min_seconds`, so a fast tool is not timed on a few milliseconds of noise."""
    best = 0.0
    for _ in range(rounds):
        passes, started = 0, time.perf_counter()
        while True:
            work()
            passes += 1
            elapsed = time.perf_counter() - started
            if elapsed >= min_seconds:
                break
        best = max(best, passes * count / elapsed)
    return best


def throughput(
    corpus: Sequence[CorpusClaim],
    payloads: Sequence[dict[str, Any]],
    cv: ClaimValidator | None,
    rounds: int,
    min_seconds: float,
) -> dict[str, float]:
    """Claims per second of each tool on the same claims (claim-validator's only when it is available)."""
    dumped = [(c.submission.model_dump(mode="json"), c.history.model_dump(mode="json"), c.today) for c in corpus]

    def gravida_scrub() -> None:
        for claim in corpus:
            service.scrub(claim.submission, claim.history, claim.today)

    def gravida_parse_and_scrub() -> None:
        for claim_data, history_data, today in dumped:
            service.scrub(ClaimSubmission.model_validate(claim_data), History.model_validate(history_data), today)

    rates = {
        "gravida scrub": best_rate(gravida_scrub, len(corpus), rounds, min_seconds),
        "gravida parse+scrub": best_rate(gravida_parse_and_scrub, len(corpus), rounds, min_seconds),
    }
    if cv is None:
        return rates

    def cv_validate() -> None:
        for payload in payloads:
            with contextlib.suppress(ValidationError):
                cv.validate(payload)

    def cv_parse_and_prebuilt() -> None:
        for payload in payloads:
            with contextlib.suppress(ValidationError):
                cv.run_prebuilt(cv.parse(payload))

    rates["cv validate"] = best_rate(cv_validate, len(payloads), rounds, min_seconds)
    rates["cv parse+prebuilt"] = best_rate(cv_parse_and_prebuilt, len(payloads), rounds, min_seconds)
    return rates


# ---------------------------------------------------------------- catching


@dataclass
class Outcome:
    """What each tool says about one defect claim."""

    gravida_caught: bool
    cv_caught: bool = False  # differential criterion: a new error kind against the clean original
    cv_any_error: bool = False  # lenient criterion: any error at all
    cv_new: frozenset[str] = frozenset()


@dataclass
class Catches:
    outcomes: dict[str, Outcome]
    gravida_clean_passed: int
    cv_kinds: dict[str, frozenset[str]]


def catches(corpus: Sequence[CorpusClaim], cv: ClaimValidator | None, converted: dict[str, Converted]) -> Catches:
    cv_kinds = {cid: error_kinds(cv, conv.payload) for cid, conv in converted.items()} if cv else {}
    outcomes: dict[str, Outcome] = {}
    clean_passed = 0
    for claim in corpus:
        result = service.scrub(claim.submission, claim.history, claim.today)
        if claim.is_clean:
            clean_passed += not any(f.severity is Severity.ERROR for f in result.findings)
            continue
        cid = claim.submission.claim_id
        outcome = Outcome(gravida_caught=any(f.rule_id == claim.expected_rule_id for f in result.findings))
        if cv is not None:
            new = cv_kinds[cid] - cv_kinds[str(claim.derived_from)] - converted[cid].artifacts
            outcome.cv_new, outcome.cv_caught, outcome.cv_any_error = new, bool(new), bool(cv_kinds[cid])
        outcomes[cid] = outcome
    return Catches(outcomes, clean_passed, cv_kinds)


def pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "-"


def print_throughput(rates: dict[str, float], count: int, rounds: int, min_seconds: float, available: bool) -> None:
    print(f"1. throughput on the same {count} claims (claims/s, best of {rounds} rounds of at least {min_seconds}s)")
    print(f"   {'Gravida          service.scrub(parsed claim)':58} {rates['gravida scrub']:>9,.0f}")
    print(f"   {'Gravida          parse dict + scrub':58} {rates['gravida parse+scrub']:>9,.0f}")
    if not available:
        print("   claim-validator  not measured: not available")
        return
    print(f"   {'claim-validator  validate(dict)':58} {rates['cv validate']:>9,.0f}")
    print(f"   {'claim-validator  ClaimData(**dict) + pipeline built once':58} {rates['cv parse+prebuilt']:>9,.0f}")
    headline = rates["gravida scrub"] / rates["cv validate"]
    fair = rates["gravida parse+scrub"] / rates["cv parse+prebuilt"]
    verdict = "meets" if headline >= GOAL_RATIO else "misses"
    goal = f"{verdict} Gravida's {GOAL_RATIO:.0f}x goal"
    print(f"   ratio Gravida scrub / claim-validator validate(dict): {headline:6.1f}x ({goal})")
    print(f"   ratio like for like (dict in, set-up reused)        : {fair:6.1f}x")


def print_catches(corpus: Sequence[CorpusClaim], found: Catches, available: bool) -> None:
    clean = [c for c in corpus if c.is_clean]
    defects = [c for c in corpus if not c.is_clean]
    print("2. what each catches on the defect corpus")
    print("   Gravida: the expected rule id is among its findings. claim-validator: the defect claim draws an error")
    print("   kind (code and field) that its clean original does not.")
    rows: dict[str, list[CorpusClaim]] = {}
    for claim in defects:
        rows.setdefault(str(claim.expected_rule_id), []).append(claim)
    header = f"   {'expected rule id':40} {'n':>2} {'Gravida':>8} {'claim-val.':>10}  claim-validator's new error kinds"
    print(header)
    print("   " + "-" * (len(header) - 3))
    for rule_id in sorted(rows):
        got = [found.outcomes[c.submission.claim_id] for c in rows[rule_id]]
        gravida = f"{sum(o.gravida_caught for o in got)}/{len(got)}"
        if available:
            cv_cell = f"{sum(o.cv_caught for o in got)}/{len(got)}"
            kinds = ", ".join(sorted(frozenset().union(*(o.cv_new for o in got)))) or "-"
        else:
            cv_cell, kinds = "n/a", ""
        print(f"   {rule_id:40} {len(got):>2} {gravida:>8} {cv_cell:>10}  {kinds}".rstrip())
    print()
    caught = sum(o.gravida_caught for o in found.outcomes.values())
    passed = found.gravida_clean_passed
    print(
        f"   {'Gravida':16} defects caught {pct(caught, len(defects)):>13}   clean claims without an error "
        f"{pct(passed, len(clean))}"
    )
    if not available:
        return
    cv_caught = sum(o.cv_caught for o in found.outcomes.values())
    cv_any = sum(o.cv_any_error for o in found.outcomes.values())
    cv_clean = sum(not found.cv_kinds[c.submission.claim_id] for c in clean)
    print(
        f"   {'claim-validator':16} defects caught {pct(cv_caught, len(defects)):>13}   clean claims without an error "
        f"{pct(cv_clean, len(clean))}"
    )
    print(f"   {'':16} (lenient reading, any error on the defect claim: {pct(cv_any, len(defects))})")
    common = Counter(kind for c in clean for kind in found.cv_kinds[c.submission.claim_id])
    print("   claim-validator's errors on the clean claims: " + ", ".join(f"{k} x{n}" for k, n in common.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="timing passes over the corpus; the best is reported")
    parser.add_argument("--min-seconds", type=float, default=0.5, help="least time of one timing round")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    args = parser.parse_args()

    default_knowledge()  # loading the rule data is start-up, not scrubbing
    corpus = defect_corpus(args.seed)
    defects = sum(not c.is_clean for c in corpus)
    loaded = load_claim_validator()
    cv = loaded if isinstance(loaded, ClaimValidator) else None
    print(
        f"defect corpus (seed {args.seed}): {len(corpus)} synthetic claims, {defects} with one known defect each, "
        f"{len(corpus) - defects} clean"
    )
    if cv is None:
        print(f"claim-validator: NOT AVAILABLE. {loaded}")
        print("Gravida's figures follow on their own.")
    else:
        print(f"claim-validator {cv.version}: its default rule-based validators (no AI, no clearinghouse)")
    converted = {c.submission.claim_id: to_claim_validator(c, cv.keeps_code) for c in corpus} if cv else {}
    payloads = [converted[c.submission.claim_id].payload for c in corpus] if cv else []

    tables = corpus_ncci_tables()
    with mock.patch.object(service, "imported_ncci", lambda: tables):
        found = catches(corpus, cv, converted)
        rates = throughput(corpus, payloads, cv, args.rounds, args.min_seconds)
    print()
    print_throughput(rates, len(corpus), args.rounds, args.min_seconds, cv is not None)
    print()
    print_catches(corpus, found, cv is not None)
    print()
    print("claim-validator's claim input cannot express:")
    for item in CANNOT_EXPRESS:
        print(f"  - {item}")


if __name__ == "__main__":
    main()
