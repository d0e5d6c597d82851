"""A diagnosis chosen for the claim, with what it supports; shared by the diagnosis modules."""

from __future__ import annotations

from dataclasses import dataclass

from gravida.domain import Evidence


@dataclass(frozen=True, slots=True)
class ChosenDiagnosis:
    """A diagnosis and what it can support: the regions of the condition it came from."""

    code: str
    description: str
    regions: frozenset[str]
    status_only: bool
    origin: Evidence


def is_chapter_15(code: str) -> bool:
    return code.startswith("O")
