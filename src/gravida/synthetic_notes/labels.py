"""The label of one corpus note: the text and the facts the generator put into it.

Why strict: the labels are the benchmark's ground truth. A typo in a hand edit, a field the extractor does not know
or a value of the wrong type must fail when the corpus is read, not turn into a silent miss in the scores. Every
model forbids extra keys and coerces nothing (a YAML string is not a date, a float is not an int).

The ids are the note vocabulary's (`knowledge/data/vocabulary/notes/*.yaml`) and the regions vocabulary's; the
corpus test checks each id against them, so this module itself stays free of the knowledge layer.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_STRICT = ConfigDict(extra="forbid", strict=True)

Style = Literal[
    "terse_soap",
    "narrative",
    "templated_emr",
    "abbreviated",
    "postpartum",
    "high_risk",
    "chiropractic",
    "pt_evaluation",
    "non_billable",
]
STYLES: tuple[Style, ...] = (
    "terse_soap",
    "narrative",
    "templated_emr",
    "abbreviated",
    "postpartum",
    "high_risk",
    "chiropractic",
    "pt_evaluation",
    "non_billable",
)
Side = Literal["left", "right", "bilateral"]
Status = Literal["affirmed", "negated", "historical", "hypothetical", "family"]
Credential = Literal["LMT", "PT", "PTA", "OT", "OTA", "DC", "MD", "DO", "CNM", "NP"]


class TechniqueLabel(BaseModel):
    """A technique performed today; `side` is written before each of its regions (None: no side written)."""

    model_config = _STRICT

    technique: str
    minutes: int | None = Field(default=None, ge=1, le=240)
    regions: list[str] = Field(default_factory=list)
    side: Side | None = None


class ConditionLabel(BaseModel):
    model_config = _STRICT

    concept: str
    side: Side | None = None
    status: Status


class PrecautionLabel(BaseModel):
    model_config = _STRICT

    precaution: str
    status: Status


class PainLabel(BaseModel):
    """A pain score as written: `when` is before/after only where the note says so."""

    model_config = _STRICT

    score: float = Field(ge=0, le=10)
    scale: Literal["nprs", "vas", "unspecified"]
    when: Literal["before", "after", "unspecified"]


class MeasureLabel(BaseModel):
    model_config = _STRICT

    measure: str
    score: float


class ReferralLabel(BaseModel):
    model_config = _STRICT

    credential: Credential | None
    date: date | None


class PlanLabel(BaseModel):
    model_config = _STRICT

    frequency_per_week: int = Field(ge=1, le=7)
    duration_weeks: int | None = Field(default=None, ge=1, le=52)


class GoalLabel(BaseModel):
    model_config = _STRICT

    measurable: bool


class TherapistLabel(BaseModel):
    """Who signed: `signed` is False for a blank signature line (then no credential is written)."""

    model_config = _STRICT

    credential: Credential | None
    signed: bool
    npi: str | None = Field(default=None, pattern=r"^\d{10}$")


class Expected(BaseModel):
    """Everything the note states that the extractor should find, and nothing else."""

    model_config = _STRICT

    date_of_service: date | None
    techniques: list[TechniqueLabel]
    total_treatment_minutes: int | None
    total_timed_minutes: int | None
    positioning: list[str]
    gestational_age: str | None = Field(pattern=r"^\d{1,2}w(?:[0-6]d)?$")
    edd: date | None
    postpartum_weeks: int | None
    high_risk: bool
    conditions: list[ConditionLabel]
    precautions: list[PrecautionLabel]
    pain: list[PainLabel]
    functional_limitations: list[str]
    outcome_measures: list[MeasureLabel]
    referral: ReferralLabel | None
    plan_of_care: PlanLabel | None
    goals: list[GoalLabel]
    therapist: TherapistLabel | None
    #: The note documents the response to treatment: in words ("tolerated well") or as a pain score after it.
    responded: bool
    billable: bool


class NoteLabel(BaseModel):
    """One corpus note: its id, the style it imitates, its text and the facts in it."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z_]+-\d{3}$")
    style: Style
    text: str = Field(min_length=1)
    expected: Expected
