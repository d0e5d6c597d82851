"""Matching 835 claim payments to the claims we sent: synthetic claims, a payer's synthetic answer to them, and
small hand-edited answers for the cases the generator does not make (a dropped modifier, another date, a reversal).
"""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from gravida.domain.remittance import Remittance
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.remittance_match import match_remittance
from gravida.interchange.x12 import balance_problems, read_835
from gravida.synthetic_claims.parties import claims_with_parties

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SEED = 7


def _generator() -> ModuleType:
    if "synthetic_835" in sys.modules:
        return sys.modules["synthetic_835"]
    spec = importlib.util.spec_from_file_location("synthetic_835", BENCHMARKS / "synthetic_835.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic_835"] = module
    spec.loader.exec_module(module)
    return module


CLAIMS = claims_with_parties(40, seed=SEED)
ANSWERED = CLAIMS[:30]
"""The payer answered the first 30; we match against claims 0-24 and 30-39, so 25-29 are unknown to us."""
OURS = CLAIMS[:25] + CLAIMS[30:]


def _answer(claims: list[ClaimSubmission], seed: int = SEED) -> tuple[list[Remittance], Any]:
    made = _generator().synthetic_835_for_claims(claims, seed=seed)
    return read_835(made.text), made


def test_the_answer_to_synthetic_claims_balances_and_has_one_payment_per_payer() -> None:
    remittances, made = _answer(ANSWERED)
    payers = list(dict.fromkeys(c.payer for c in ANSWERED))
    assert [r.payer_name for r in remittances] == [f"SYNTHETIC {p.upper()} PAYER" for p in payers]
    expected = [[c.claim_id for c in ANSWERED if c.payer == payer] for payer in payers]
    assert [[c.claim_id for c in r.claims] for r in remittances] == expected
    assert sum((r.total_paid for r in remittances), Decimal(0)) == made.total_paid
    assert all(balance_problems(r) == [] and r.warnings == () for r in remittances)


def test_every_answered_claim_of_ours_matches_with_all_its_lines_and_the_rest_are_reported() -> None:
    remittances, _made = _answer(ANSWERED)
    result = match_remittance(remittances, OURS)
    assert sorted(m.submission.claim_id for m in result.matched) == sorted(c.claim_id for c in CLAIMS[:25])
    assert sorted(c.claim_id for c in result.unknown) == sorted(c.claim_id for c in CLAIMS[25:30])
    assert [c.claim_id for c in result.unanswered] == [c.claim_id for c in CLAIMS[30:]]
    for match in result.matched:
        assert match.payment.claim_id == match.submission.claim_id
        assert (match.unmatched_submitted_lines, match.unmatched_paid_lines) == ((), ())
        assert [m.submitted_index for m in match.lines] == list(range(len(match.submission.lines)))
        for line in match.lines:
            assert line.basis == "code, modifiers and date"
            assert line.paid.charge == Decimal(str(line.submitted.charge)).quantize(Decimal("0.01"))
            assert line.paid.service_date == match.submission.date_of_service


def test_a_line_the_payer_recoded_matches_on_the_code_as_billed_in_svc06() -> None:
    remittances, made = _answer(ANSWERED)
    recoded = set(made.recoded_claims) & {c.claim_id for c in OURS}
    assert recoded, "the seed gives at least one recoded line among our claims"
    result = match_remittance(remittances, OURS)
    changed = [line for m in result.matched if m.submission.claim_id in recoded for line in m.lines]
    changed = [line for line in changed if line.paid.original_code]
    assert changed
    for line in changed:
        assert line.paid.code == _generator().RECODED_TO != line.submitted.code
        assert line.paid.original_code == line.submitted.code
        assert line.paid.original_modifiers == line.submitted.modifiers


def test_matching_without_lines_pairs_claims_only() -> None:
    remittances, _ = _answer(ANSWERED[:5])
    result = match_remittance(remittances, ANSWERED[:5], lines=False)
    assert len(result.matched) == 5 and all(m.lines == () for m in result.matched)


# --- hand-edited answers -----------------------------------------------------------------------------------------

ONE = next(c for c in CLAIMS if len(c.lines) >= 2 and all(line.modifiers for line in c.lines))


def _edited(old: str, new: str, count: int = 1) -> Remittance:
    """The generator's answer to ONE with `old` replaced by `new` (the first `count` times)."""
    made = _generator().synthetic_835_for_claims([ONE], seed=SEED)
    assert old in made.text
    [remittance] = read_835(made.text.replace(old, new, count))
    return remittance


def test_a_line_whose_modifiers_the_payer_dropped_still_matches_on_code_and_date() -> None:
    first = ONE.lines[0]
    billed = ":".join(("HC", first.code, *first.modifiers))
    [match] = match_remittance(_edited(f"SVC*{billed}*", f"SVC*HC:{first.code}*"), [ONE]).matched
    assert match.lines[0].basis == "code and date"
    assert all(m.basis == "code, modifiers and date" for m in match.lines[1:])
    assert match.unmatched_submitted_lines == ()


def test_a_line_on_another_date_does_not_match_and_both_sides_are_reported() -> None:
    day = f"DTM*472*{ONE.date_of_service:%Y%m%d}"
    [match] = match_remittance(_edited(day, "DTM*472*19990101"), [ONE]).matched
    assert (match.unmatched_submitted_lines, match.unmatched_paid_lines) == ((0,), (0,))
    assert [m.submitted_index for m in match.lines] == list(range(1, len(ONE.lines)))


def test_a_reversal_and_its_correction_both_match_the_claim() -> None:
    [remittance] = _answer([ONE])[0]
    [original] = remittance.claims
    reversal = original.model_copy(update={"status": "22", "paid": -original.paid, "charge": -original.charge})
    result = match_remittance([remittance.model_copy(update={"claims": (reversal, original)})], [ONE])
    assert [m.payment.status for m in result.matched] == ["22", original.status]
    assert result.unanswered == () and result.unknown == ()


def test_two_claims_with_one_control_number_cannot_be_matched() -> None:
    remittances, _ = _answer([ONE])
    with pytest.raises(ValueError, match="share the patient control number"):
        match_remittance(remittances, [ONE, ONE])
