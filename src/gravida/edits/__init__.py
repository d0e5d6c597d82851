"""The scrubber: pure edits over a claim, the payer's rules on its date of service, and its history.

Each edit is a function from a ScrubContext to findings; EDITS lists them in the order they are reported.
Nothing here reads a clock, a file or a database: `today` and the history are inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from gravida.domain import Finding
from gravida.domain.submission import ClaimSubmission, History
from gravida.edits import authorizations, codes, coverage, limits, modifiers, pairs, provider, submission
from gravida.edits.context import ScrubContext
from gravida.edits.risk import denial_risk
from gravida.knowledge import Snapshot
from gravida.knowledge.ncci import NcciTables

Edit = Callable[[ScrubContext], list[Finding]]

_NO_HISTORY = History()
_NO_NCCI = NcciTables([], [])

#: Edits on the claim form itself, which a claim built from an encounter cannot satisfy yet (no charges,
#: no member id): `scrub(..., policy_only=True)` leaves them out.
SUBMISSION_EDITS: tuple[Edit, ...] = (submission.required_fields,)

EDITS: tuple[Edit, ...] = (
    *SUBMISSION_EDITS,
    provider.npi_check_digits,
    provider.provider_eligibility,
    codes.procedure_codes,
    codes.diagnosis_codes,
    codes.diagnosis_support,
    modifiers.therapy_modifier,
    modifiers.assistant_modifier,
    modifiers.active_treatment_modifier,
    pairs.ncci_pairs,
    limits.medically_unlikely,
    limits.units_per_day,
    coverage.massage_policy,
    authorizations.referral,
    authorizations.plan_of_care,
    authorizations.progress_report,
    authorizations.prior_authorization,
    limits.visit_limit,
    limits.kx_threshold,
    submission.place_of_service,
    submission.timely_filing,
    submission.duplicates,
)


#: Payer rules an edit reads; a payer whose pack has none of them on the date is not run through the edit.
#: (Edits not listed always run.) Skipping them up front keeps batch scrubbing fast.
REQUIRES: dict[Edit, tuple[str, ...]] = {
    provider.provider_eligibility: ("provider_eligibility",),
    modifiers.therapy_modifier: ("therapy_modifiers",),
    modifiers.active_treatment_modifier: ("chiropractic_modifiers",),
    limits.units_per_day: ("units_per_day",),
    coverage.massage_policy: ("massage_policy",),
    authorizations.referral: ("referral",),
    authorizations.plan_of_care: ("plan_of_care",),
    authorizations.progress_report: ("progress_report",),
    authorizations.prior_authorization: ("prior_authorization",),
    limits.visit_limit: ("visit_limit",),
    limits.kx_threshold: ("kx_threshold",),
    submission.place_of_service: ("place_of_service",),
    submission.timely_filing: ("filing_limit",),
}


def applicable_edits(snapshot: Snapshot, policy_only: bool) -> tuple[Edit, ...]:
    """The edits whose payer rules exist on the snapshot's date (computed once per stretch of dates)."""

    def build() -> tuple[Edit, ...]:
        return tuple(
            edit
            for edit in EDITS
            if not (policy_only and edit in SUBMISSION_EDITS)
            and all(snapshot.payer_rule(name) is not None for name in REQUIRES.get(edit, ()))
        )

    found: tuple[Edit, ...] = snapshot.memo(("<edits>", policy_only), build)
    return found


@dataclass(frozen=True)
class ScrubResult:
    findings: tuple[Finding, ...]
    denial_risk: float

    def to_contract(self) -> dict[str, object]:
        """The stable JSON shape of `gravida scrub --json`."""
        return {
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "denial_risk": self.denial_risk,
        }


def scrub(
    claim: ClaimSubmission,
    snapshot: Snapshot,
    history: History | None = None,
    *,
    today: date,
    ncci: NcciTables | None = None,
    policy_only: bool = False,
) -> ScrubResult:
    """Run every edit on a claim as of its date of service; `today` stands in for the submission date."""
    context = ScrubContext(claim, snapshot, history or _NO_HISTORY, today, _NO_NCCI if ncci is None else ncci)
    found = [item for edit in applicable_edits(snapshot, policy_only) for item in edit(context)]
    risk, explanation = denial_risk(found, snapshot)
    if explanation is not None:
        found.append(explanation)
    return ScrubResult(tuple(found), risk)


__all__ = ["EDITS", "REQUIRES", "SUBMISSION_EDITS", "ScrubContext", "ScrubResult", "applicable_edits", "scrub"]
