"""Findings: every decision and every problem the engine reports, with the source that justifies it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Severity(StrEnum):
    """How much a finding matters to the claim.

    error: the claim would be denied or rejected as it stands; warning: a reviewer may deny it or the
    documentation is thin; info: an explanation of a decision the engine made.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# Citation and Evidence are plain frozen dataclasses: coding creates tens of thousands of them a second
# in batch work, and pydantic still validates and serializes them as fields of Finding.


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a rule comes from, so a biller can check it against the source."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """The input a finding rests on: a field of the encounter and its value, or a span of a note.

    `field` is the path of the input field (e.g. 'services[1].minutes'); `start`/`end` are character
    offsets when the evidence comes from a note.
    """

    field: str
    value: str
    start: int | None = None
    end: int | None = None


class Finding(BaseModel):
    """One decision or problem, with the rule that produced it and how to fix it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    severity: Severity
    message: str
    fix: str | None = None
    citation: Citation | None = None
    evidence: tuple[Evidence, ...] = ()
    predicted_carc: str | None = Field(
        default=None, description="The claim adjustment reason code this problem would likely draw."
    )
    predicted_rarc: str | None = Field(
        default=None, description="The remittance advice remark code that would likely come with it."
    )
    uncertain: bool = Field(
        default=False, description="True when the rule behind this finding rests on an uncertain source."
    )
