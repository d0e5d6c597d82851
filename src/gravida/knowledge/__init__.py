"""Dated rule data and code sets. `Knowledge.at(date_of_service, payer)` is the way in."""

from __future__ import annotations

from functools import lru_cache

from gravida.knowledge.diagnosis_codes import CodeStatus
from gravida.knowledge.errors import KnowledgeError, RuleFileError, UnknownPayerError, UnknownPlanError
from gravida.knowledge.snapshot import Knowledge, Resolved, Snapshot


@lru_cache(maxsize=1)
def default_knowledge() -> Knowledge:
    """The bundled rule data, loaded once per process."""
    return Knowledge.load()


__all__ = [
    "CodeStatus",
    "Knowledge",
    "KnowledgeError",
    "Resolved",
    "RuleFileError",
    "Snapshot",
    "UnknownPayerError",
    "UnknownPlanError",
    "default_knowledge",
]
