"""What a visit note says, as facts that each keep the words they came from.

Every fact carries a `TextSpan` (character offsets into the note) and the id of the vocabulary entry or pattern
that produced it, so a reader can check each decision against the note and a maintainer can find the rule.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gravida.domain.inputs import Day

_FACT = ConfigDict(frozen=True, extra="forbid")

Status = Literal["affirmed", "negated", "historical", "hypothetical", "family"]
Side = Literal["left", "right", "bilateral"]


class TextSpan(BaseModel):
    """Where in the note: `text == note[start:end]`."""

    model_config = _FACT

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    section: str | None = Field(default=None, description="The note section it sits in (subjective, plan, ...).")


class RegionMention(BaseModel):
    model_config = _FACT

    region: str
    side: Side | None = None
    span: TextSpan


class TechniqueFact(BaseModel):
    """A technique performed, with its minutes and where on the body."""

    model_config = _FACT

    technique: str
    minutes: int | None = None
    code: str | None = Field(default=None, description="A procedure code written next to it, if any.")
    regions: tuple[RegionMention, ...] = ()
    span: TextSpan
    minutes_span: TextSpan | None = None
    timed_with: int | None = Field(
        default=None,
        description="The technique (its index among the note's techniques) listed with this one whose minutes cover "
        "both ('Swedish massage / effleurage x 25 min').",
    )
    rule: str


class ConceptFact(BaseModel):
    """A condition, complaint or precaution, with its ConText status."""

    model_config = _FACT

    concept: str
    status: Status = "affirmed"
    side: Side | None = None
    span: TextSpan
    rule: str


class NumberFact(BaseModel):
    """A number the note states: a total time, weeks postpartum, an outcome score."""

    model_config = _FACT

    name: str
    value: float
    span: TextSpan
    rule: str


class PainScore(BaseModel):
    model_config = _FACT

    score: float = Field(ge=0, le=10)
    scale: Literal["nprs", "vas", "unspecified"] = "unspecified"
    when: Literal["before", "after", "unspecified"] = "unspecified"
    span: TextSpan
    rule: str = "patterns.pain_score"


class PregnancyFacts(BaseModel):
    model_config = _FACT

    gestational_age: str | None = Field(default=None, description="Like '28w3d'.")
    gestational_age_span: TextSpan | None = None
    edd: date | None = None
    edd_span: TextSpan | None = None
    gravida: int | None = None
    para: int | None = None
    postpartum_weeks: int | None = None
    postpartum_span: TextSpan | None = None
    high_risk: bool = False
    high_risk_span: TextSpan | None = None


class PersonFact(BaseModel):
    """Who referred or who signed: name as written, credential, NPI and date when stated."""

    model_config = _FACT

    name: str | None = None
    credential: str | None = None
    npi: str | None = None
    date: Day | None = None
    signed: bool = True
    span: TextSpan
    rule: str


class TextFact(BaseModel):
    """A sentence that states something the audit looks for (a goal, a response, a limitation)."""

    model_config = _FACT

    kind: str
    value: str | None = Field(default=None, description="A vocabulary id when one applies (e.g. 'sitting').")
    measurable: bool | None = None
    span: TextSpan
    rule: str


class PlanFacts(BaseModel):
    model_config = _FACT

    frequency_per_week: int | None = None
    duration_weeks: int | None = None
    span: TextSpan | None = None


class NoteFacts(BaseModel):
    """Everything Gravida read in one note."""

    model_config = _FACT

    characters: int
    words: int
    date_of_service: date | None = None
    date_of_service_span: TextSpan | None = None
    techniques: tuple[TechniqueFact, ...] = ()
    total_treatment_minutes: NumberFact | None = None
    total_timed_minutes: NumberFact | None = None
    positions: tuple[ConceptFact, ...] = ()
    pregnancy: PregnancyFacts = PregnancyFacts()
    conditions: tuple[ConceptFact, ...] = ()
    precautions: tuple[ConceptFact, ...] = ()
    pain: tuple[PainScore, ...] = ()
    functional_limitations: tuple[TextFact, ...] = ()
    outcome_measures: tuple[NumberFact, ...] = ()
    referral: PersonFact | None = None
    plan_of_care: PlanFacts | None = None
    goals: tuple[TextFact, ...] = ()
    therapist: PersonFact | None = None
    responses: tuple[TextFact, ...] = ()
    evaluations: tuple[TextFact, ...] = Field(
        default=(),
        description="Evaluation codes the note writes for today (value: the code, e.g. 97163); untimed, one unit.",
    )

    @property
    def billable(self) -> bool:
        """Whether the note documents any service performed (no technique or evaluation: nothing to bill)."""
        return bool(self.techniques or self.evaluations)

    @property
    def documents_response(self) -> bool:
        """Whether the note shows how the patient responded: in words, or as a pain score after treatment."""
        return bool(self.responses) or any(p.when == "after" for p in self.pain)

    def affirmed_conditions(self) -> tuple[ConceptFact, ...]:
        return tuple(c for c in self.conditions if c.status == "affirmed")
