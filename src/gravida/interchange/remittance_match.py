"""Which of our claims did a remittance answer? Pair 835 claim payments with the claims we sent.

The 835 echoes our patient control number in CLP01 (we sent it as CLM01 = `ClaimSubmission.claim_id`), so claims
are matched on it exactly. A remittance claim we do not know is reported, never dropped: it is money (or a denial)
that no one would otherwise post. Within a matched claim, service lines are paired on the code as billed (SVC06
when the payer changed it, else SVC01), its modifiers and its date; a line whose modifiers the payer dropped or
changed is still paired on code and date, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from gravida.domain.remittance import ClaimPayment, Remittance, ServicePayment
from gravida.domain.submission import ClaimSubmission, SubmittedLine

LineBasis = Literal["code, modifiers and date", "code and date"]
_BASES: tuple[LineBasis, ...] = ("code, modifiers and date", "code and date")


@dataclass(frozen=True, slots=True)
class LineMatch:
    """A submitted line and the remittance line that answers it (index is the position in its claim, from 0)."""

    submitted_index: int
    submitted: SubmittedLine
    paid_index: int
    paid: ServicePayment
    basis: LineBasis


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    """One of our claims and one remittance claim that answers it (a reversal and its correction give two)."""

    submission: ClaimSubmission
    payment: ClaimPayment
    lines: tuple[LineMatch, ...] = ()
    unmatched_submitted_lines: tuple[int, ...] = ()
    unmatched_paid_lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RemittanceMatch:
    """The outcome of matching: pairs, remittance claims we do not know, and our claims nothing answered."""

    matched: tuple[ClaimMatch, ...]
    unknown: tuple[ClaimPayment, ...]
    unanswered: tuple[ClaimSubmission, ...]


def match_remittance(
    remittances: Remittance | Iterable[Remittance],
    submissions: Iterable[ClaimSubmission],
    *,
    lines: bool = True,
) -> RemittanceMatch:
    """Match every claim payment of `remittances` to `submissions` by patient control number.

    Two submissions with the same claim id cannot be told apart by a remittance, so they raise ValueError.
    """
    by_id: dict[str, ClaimSubmission] = {}
    for submission in submissions:
        key = submission.claim_id.strip()
        if key in by_id:
            raise ValueError(
                f"two claims share the patient control number {key!r}; a remittance cannot tell them apart"
            )
        by_id[key] = submission
    payments = [remittances] if isinstance(remittances, Remittance) else list(remittances)
    matched: list[ClaimMatch] = []
    unknown: list[ClaimPayment] = []
    answered: set[str] = set()
    for remittance in payments:
        for payment in remittance.claims:
            found = by_id.get(payment.claim_id.strip())
            if found is None:
                unknown.append(payment)
                continue
            answered.add(found.claim_id.strip())
            matched.append(_match_lines(found, payment) if lines else ClaimMatch(found, payment))
    unanswered = tuple(s for key, s in by_id.items() if key not in answered)
    return RemittanceMatch(tuple(matched), tuple(unknown), unanswered)


def _billed(paid: ServicePayment) -> tuple[str, tuple[str, ...]]:
    """The code and modifiers as we billed them: SVC06 when the payer adjudicated a different code."""
    if paid.original_code:
        return paid.original_code.upper(), tuple(sorted(m.upper() for m in paid.original_modifiers))
    return paid.code.upper(), tuple(sorted(m.upper() for m in paid.modifiers))


def _paid_date(paid: ServicePayment, payment: ClaimPayment) -> date | None:
    return paid.service_date or payment.service_from


def _match_lines(submission: ClaimSubmission, payment: ClaimPayment) -> ClaimMatch:
    free_paid = list(range(len(payment.services)))
    free_sent = list(range(len(submission.lines)))
    pairs: list[LineMatch] = []
    for basis in _BASES:
        for sent_index in list(free_sent):
            sent = submission.lines[sent_index]
            modifiers = tuple(sorted(m.upper() for m in sent.modifiers))
            for paid_index in free_paid:
                paid = payment.services[paid_index]
                code, paid_modifiers = _billed(paid)
                day = _paid_date(paid, payment)
                if code != sent.code.upper() or (day is not None and day != submission.date_of_service):
                    continue
                if basis == "code, modifiers and date" and paid_modifiers != modifiers:
                    continue
                pairs.append(LineMatch(sent_index, sent, paid_index, paid, basis))
                free_paid.remove(paid_index)
                free_sent.remove(sent_index)
                break
    pairs.sort(key=lambda pair: pair.submitted_index)
    return ClaimMatch(submission, payment, tuple(pairs), tuple(free_sent), tuple(free_paid))
