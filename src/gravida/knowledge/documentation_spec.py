"""The shape of the documentation rule (knowledge/data/documentation/elements.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_SPEC = ConfigDict(extra="forbid", frozen=True)


class DocumentationElement(BaseModel):
    model_config = _SPEC

    label: str
    severity: Literal["error", "warning", "info"]
    why: str
    fix: str


class DocumentationSpec(BaseModel):
    """What a note must show, and the thresholds of the checks that are Gravida's own choices."""

    model_config = _SPEC

    clone_similarity: float = Field(gt=0, le=1)
    minutes_tolerance: int = Field(ge=0)
    elements: dict[str, DocumentationElement]
