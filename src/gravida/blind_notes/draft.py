"""`Draft`: the label of one note, filled in fact by fact while the note's words are chosen.

Why: a label derived afterwards from the text would inherit whatever mistakes the deriving code makes, which is the
very thing the blind set exists to measure. Here every phrase helper records its fact in the same call that returns
its words, so a fact is in the label exactly when its words are in the note. `Draft` also refuses unknown ids and
repeated concepts (a technique or a condition written twice would make the multiset scores ambiguous), so a slip in
a style module fails loudly at generation time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

from gravida.blind_notes import vocab
from gravida.synthetic_notes.labels import (
    ConditionLabel,
    Credential,
    Expected,
    GoalLabel,
    MeasureLabel,
    NoteLabel,
    PainLabel,
    PlanLabel,
    PrecautionLabel,
    ReferralLabel,
    Side,
    Status,
    Style,
    TechniqueLabel,
    TherapistLabel,
)

Scale = Literal["nprs", "vas", "unspecified"]
When = Literal["before", "after", "unspecified"]


class DraftError(ValueError):
    """A style module tried to record an impossible or repeated fact."""


def _known(value: str, allowed: tuple[str, ...], kind: str) -> str:
    if value not in allowed:
        raise DraftError(f"unknown {kind} id {value!r}")
    return value


class Draft:
    """The facts of one note so far; `label()` turns them into a strict `NoteLabel`."""

    def __init__(self) -> None:
        self.date_of_service: date | None = None
        self.techniques: list[TechniqueLabel] = []
        self.total_treatment_minutes: int | None = None
        self.total_timed_minutes: int | None = None
        self.positioning: list[str] = []
        self.gestational_age: str | None = None
        self.edd: date | None = None
        self.postpartum_weeks: int | None = None
        self.high_risk = False
        self.conditions: list[ConditionLabel] = []
        self.precautions: list[PrecautionLabel] = []
        self.pain: list[PainLabel] = []
        self.functional_limitations: list[str] = []
        self.outcome_measures: list[MeasureLabel] = []
        self.referral: ReferralLabel | None = None
        self.plan_of_care: PlanLabel | None = None
        self.goals: list[GoalLabel] = []
        self.therapist: TherapistLabel | None = None
        self.responded = False

    # --- recorders: each is called by the helper that writes the matching words ---------------------------------

    def technique(self, technique: str, minutes: int | None, regions: Iterable[str], side: Side | None) -> None:
        _known(technique, vocab.TECHNIQUES, "technique")
        if any(t.technique == technique for t in self.techniques):
            raise DraftError(f"technique {technique!r} written twice")
        unique: list[str] = []
        for region in regions:
            if _known(region, vocab.REGIONS, "region") not in unique:
                unique.append(region)
        if side is not None and not unique:
            raise DraftError(f"{technique}: a side needs a region")
        self.techniques.append(TechniqueLabel(technique=technique, minutes=minutes, regions=unique, side=side))

    def condition(self, concept: str, status: Status, side: Side | None = None) -> None:
        _known(concept, vocab.CONDITIONS, "condition")
        if any(c.concept == concept for c in self.conditions):
            raise DraftError(f"condition {concept!r} written twice")
        self.conditions.append(ConditionLabel(concept=concept, side=side, status=status))

    def precaution(self, precaution: str, status: Status) -> None:
        _known(precaution, vocab.PRECAUTIONS, "precaution")
        if any(p.precaution == precaution for p in self.precautions):
            raise DraftError(f"precaution {precaution!r} written twice")
        self.precautions.append(PrecautionLabel(precaution=precaution, status=status))
        if precaution == "high_risk_pregnancy" and status == "affirmed":
            self.high_risk = True

    def pain_score(self, score: float, scale: Scale, when: When) -> None:
        self.pain.append(PainLabel(score=float(score), scale=scale, when=when))
        if when == "after":
            self.responded = True

    def position(self, position: str) -> None:
        if _known(position, vocab.POSITIONS, "position") in self.positioning:
            raise DraftError(f"position {position!r} written twice")
        self.positioning.append(position)

    def limitation(self, limitation: str) -> None:
        if _known(limitation, vocab.LIMITATIONS, "limitation") in self.functional_limitations:
            raise DraftError(f"limitation {limitation!r} written twice")
        self.functional_limitations.append(limitation)

    def measure(self, measure: str, score: float) -> None:
        _known(measure, vocab.MEASURES, "outcome measure")
        self.outcome_measures.append(MeasureLabel(measure=measure, score=float(score)))

    def goal(self, measurable: bool) -> None:
        self.goals.append(GoalLabel(measurable=measurable))

    def refer(self, credential: Credential | None, when: date | None) -> None:
        if self.referral is not None:
            raise DraftError("two referrals")
        self.referral = ReferralLabel(credential=credential, date=when)

    def plan(self, per_week: int, weeks: int | None) -> None:
        if self.plan_of_care is not None:
            raise DraftError("two plans of care")
        self.plan_of_care = PlanLabel(frequency_per_week=per_week, duration_weeks=weeks)

    def sign(self, credential: Credential | None, signed: bool, npi: str | None) -> None:
        if self.therapist is not None:
            raise DraftError("two signatures")
        self.therapist = TherapistLabel(credential=credential, signed=signed, npi=npi)

    def response(self) -> None:
        """The note states how the patient responded to today's treatment."""
        self.responded = True

    def ga(self, weeks: int, days: int | None) -> None:
        self.gestational_age = f"{weeks}w" if days is None else f"{weeks}w{days}d"

    # --- the finished label ---------------------------------------------------------------------------------------

    def label(self, note_id: str, style: Style, text: str) -> NoteLabel:
        if self.responded and not self.techniques:
            raise DraftError(f"{note_id}: a response without a treatment")
        expected = Expected(
            date_of_service=self.date_of_service,
            techniques=self.techniques,
            total_treatment_minutes=self.total_treatment_minutes,
            total_timed_minutes=self.total_timed_minutes,
            positioning=self.positioning,
            gestational_age=self.gestational_age,
            edd=self.edd,
            postpartum_weeks=self.postpartum_weeks,
            high_risk=self.high_risk,
            conditions=self.conditions,
            precautions=self.precautions,
            pain=self.pain,
            functional_limitations=self.functional_limitations,
            outcome_measures=self.outcome_measures,
            referral=self.referral,
            plan_of_care=self.plan_of_care,
            goals=self.goals,
            therapist=self.therapist,
            responded=self.responded,
            billable=bool(self.techniques),
        )
        return NoteLabel(id=note_id, style=style, text=text, expected=expected)
