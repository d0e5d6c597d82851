"""The shapes that rule values must have, one model per kind of rule file.

The loader validates every dated value against the model its rule id selects, so a typo in a rule file
fails at load time with the file and line, never at coding time.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_SPEC = ConfigDict(extra="forbid", frozen=True)


class ProcedureSpec(BaseModel):
    """A CPT/HCPCS code in the catalog, with our own label (CPT descriptors are the AMA's copyright)."""

    model_config = _SPEC

    label: str
    timed: bool = Field(description="Billed in 15-minute units of direct one-on-one time.")
    therapy: Literal["always", "sometimes", "never"] = Field(
        description="Whether CMS lists the code as always or sometimes furnished under a therapy plan."
    )
    category: Literal["modality", "procedure", "evaluation", "chiropractic", "acupuncture", "test"]
    techniques: tuple[str, ...] = ()
    spinal_regions: tuple[int, int] | None = Field(
        default=None, description="For manipulation: the range of spinal regions this code covers."
    )
    benefit: Literal["massage", "therapy", "manipulation", "acupuncture", "evaluation"] | None = Field(
        default=None,
        description="The benefit a payer counts it under; by default from its category (massage only when set).",
    )
    counts_toward_total_time: bool | None = Field(
        default=None,
        description="Whether its minutes join the CMS total timed minutes; defaults to `timed`.",
    )

    @property
    def benefit_name(self) -> str:
        """massage, therapy, manipulation, acupuncture or evaluation: what visit limits and caps count."""
        if self.benefit:
            return self.benefit
        return {"chiropractic": "manipulation", "acupuncture": "acupuncture", "evaluation": "evaluation"}.get(
            self.category, "therapy"
        )

    @property
    def in_total_time(self) -> bool:
        return self.timed if self.counts_toward_total_time is None else self.counts_toward_total_time


class TrimesterCodes(BaseModel):
    """A chapter-15 code whose last character is the trimester; each variant spelt out."""

    model_config = _SPEC

    first: str
    second: str
    third: str
    unspecified: str


CodeTemplate = str | TrimesterCodes


class ConceptSpec(BaseModel):
    """A clinical concept and the codes that express it, by pregnancy status.

    A code may hold '{side}', filled from `sides` with the condition's side; a side given as a list
    yields one code per entry (a bilateral condition without a bilateral code is coded on each side). A
    variant that is null means the concept does not apply in that status (round-ligament pain after
    delivery, say).
    """

    model_config = _SPEC

    label: str
    regions: tuple[str, ...] = ()
    pregnant: tuple[CodeTemplate, ...] | None
    postpartum: tuple[CodeTemplate, ...] | None
    not_pregnant: tuple[CodeTemplate, ...] | None
    sides: dict[Literal["unspecified", "left", "right", "bilateral"], str | tuple[str, ...]] | None = None
    pregnancy_specific: bool = Field(
        default=False, description="A complication of pregnancy itself; the pregnancy cannot be incidental to it."
    )


class CodeChange(BaseModel):
    """One ICD-10-CM code-set change that took effect on the date it is filed under."""

    model_config = _SPEC

    code: str
    change: Literal["added", "became_header", "deleted"]
    replaced_by: tuple[str, ...] = ()
    description: str | None = Field(default=None, description="For deleted codes: their description.")


class CodeSetSpec(BaseModel):
    model_config = _SPEC

    code_set: Literal["ICD-10-CM", "ICD-9-CM"]


class TabularSpec(BaseModel):
    model_config = _SPEC

    version: str
    valid_through: date


class UnitTableSpec(BaseModel):
    """The timed-unit table: a unit per `minutes_per_unit`, the first from `minimum_minutes`."""

    model_config = _SPEC

    minutes_per_unit: int = Field(gt=0)
    minimum_minutes: int = Field(gt=0)


class TrimesterSpec(BaseModel):
    model_config = _SPEC

    second_from_week: int
    third_from_week: int


class WeeksOfGestationSpec(BaseModel):
    model_config = _SPEC

    prefix: str
    under_first_week: str
    first_week: int
    last_week: int
    over_last_week: str
    unspecified: str


class CodeSpec(BaseModel):
    model_config = _SPEC

    code: str


class PrefixesSpec(BaseModel):
    model_config = _SPEC

    prefixes: tuple[str, ...]


DiagnosisGroup = Literal["chapter_15", "condition", "pregnancy_status", "weeks_of_gestation"]


class SequencingSpec(BaseModel):
    """The order of diagnosis groups on the claim."""

    model_config = _SPEC

    order: tuple[DiagnosisGroup, ...] = Field(min_length=4, max_length=4)


class CombinationSpec(BaseModel):
    """Codes that, found together, should be one combination code."""

    model_config = _SPEC

    when: tuple[str, ...] = Field(min_length=2)
    use: str
    label: str


class PostpartumPeriodSpec(BaseModel):
    model_config = _SPEC

    weeks: int


class ClaimLimitsSpec(BaseModel):
    model_config = _SPEC

    max_diagnoses: int
    max_pointers: int


class TherapyModifierSpec(BaseModel):
    model_config = _SPEC

    required: bool
    physical_therapy: str = "GP"
    occupational_therapy: str = "GO"


class AssistantModifierSpec(BaseModel):
    model_config = _SPEC

    required: bool
    threshold_percent: float = Field(ge=0, le=100)
    physical_therapy: str = "CQ"
    occupational_therapy: str = "CO"


class ChiropracticModifierSpec(BaseModel):
    model_config = _SPEC

    active_treatment: str


class DistinctModifierSpec(BaseModel):
    """Which modifier the payer wants when a bundled pair is distinct by region or by separate service."""

    model_config = _SPEC

    region: str
    separate_service: str


class PairSpec(BaseModel):
    """Two codes that are not paid together unless distinct; the modifier goes on column 2."""

    model_config = _SPEC

    column1: str
    column2: str
    modifier_indicator: Literal[0, 1, 9]
    basis: Literal["region", "separate_service"]


class PayerPackSpec(BaseModel):
    """A payer policy pack's description (`_pack.yaml`): not dated, it names the pack."""

    model_config = _SPEC

    name: str
    kind: Literal["medicare", "medicaid", "commercial", "self_pay", "template"]
    description: str
    plans: dict[str, str] = Field(
        default_factory=dict,
        description="Plans within the pack (id: description); a plan's rules live in payers/<pack>/<plan>/ and "
        "override the pack's.",
    )


class RegionSpec(BaseModel):
    model_config = _SPEC

    label: str
    spinal: bool = False
    synonyms: tuple[str, ...] = ()
    #: A regular expression over one word that names a vertebral segment of this region ("C6", "L4", "T7").
    segments: str | None = None


class RegionVocabularySpec(BaseModel):
    model_config = _SPEC

    description: str
    source: dict[str, str]
    regions: dict[str, RegionSpec]


UnitsMethod = Literal["cms", "cpt"]


# --- payer policy rules read by the scrubber (edits) ---------------------------------------------------

Benefit = Literal["massage", "therapy", "manipulation", "acupuncture", "evaluation"]


class ProviderEligibilitySpec(BaseModel):
    """Which rendering credentials the payer pays, and codes some of them are limited to."""

    model_config = _SPEC

    allowed: tuple[str, ...]
    codes_by_credential: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Credentials paid only for these codes (a DC: manipulation only)."
    )


class ReferralSpec(BaseModel):
    model_config = _SPEC

    required: bool
    valid_days: int | None = Field(default=None, description="How long a referral holds when it gives no expiry.")


class VisitLimitSpec(BaseModel):
    """An annual visit limit shared by the benefits named."""

    model_config = _SPEC

    visits_per_year: int = Field(gt=0)
    benefits: tuple[Benefit, ...]


class PriorAuthorizationSpec(BaseModel):
    model_config = _SPEC

    required: bool
    after_visits: int = Field(default=0, ge=0, description="Visits in the plan year allowed before one is needed.")
    benefits: tuple[Benefit, ...] = ("massage", "therapy", "manipulation", "acupuncture", "evaluation")


class PlanOfCareSpec(BaseModel):
    model_config = _SPEC

    required: bool
    certify_within_days: int = Field(gt=0)
    recertify_every_days: int = Field(gt=0)


class ProgressReportSpec(BaseModel):
    model_config = _SPEC

    every_treatment_days: int = Field(gt=0)


class FilingLimitSpec(BaseModel):
    """Timely filing: the claim must be received within this time from the date of service."""

    model_config = _SPEC

    months: int | None = Field(default=None, gt=0)
    days: int | None = Field(default=None, gt=0)


class UnitsPerDaySpec(BaseModel):
    model_config = _SPEC

    max_units: int = Field(gt=0)
    benefits: tuple[Benefit, ...]


class KxThresholdSpec(BaseModel):
    """The year's therapy threshold above which lines need KX, and the targeted-review threshold."""

    model_config = _SPEC

    amount: float = Field(gt=0)
    review_threshold: float = Field(gt=0)
    modifier: str = "KX"


class MassagePolicySpec(BaseModel):
    model_config = _SPEC

    covered: bool = True
    adjunct_only: bool = Field(default=False, description="Paid only with another therapeutic procedure that day.")
    prescription_required: bool = False


class PlaceOfServiceSpec(BaseModel):
    model_config = _SPEC

    allowed: tuple[str, ...]


class MueSpec(BaseModel):
    """A medically unlikely edit: the most units of a code one provider may bill one patient on one day."""

    model_config = _SPEC

    max_units: int = Field(gt=0)
    adjudication_indicator: Literal[1, 2, 3]


class DenialWeightsSpec(BaseModel):
    """Chance that a problem with a given CARC ends in a denial, for the denial-risk score."""

    model_config = _SPEC

    by_carc: dict[str, float]
    default: float = Field(ge=0, le=1)
    warning_factor: float = Field(ge=0, le=1)
