"""Errors of the knowledge layer, written for the person who must fix the data or the request."""

from __future__ import annotations

from pathlib import Path


class KnowledgeError(Exception):
    """A rule file or a request to the knowledge base is wrong."""


class RuleFileError(KnowledgeError):
    """A rule file breaks the format; names the file and the line so it can be fixed."""

    def __init__(self, path: Path | str, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


class UnknownPlanError(KnowledgeError):
    """The claim names a plan its payer's pack does not have."""

    def __init__(self, payer: str, plan: str, known: list[str]) -> None:
        self.payer = payer
        self.plan = plan
        choices = ", ".join(sorted(known)) or "none"
        super().__init__(f"payer pack {payer!r} has no plan {plan!r}; its plans: {choices}")


class UnknownPayerError(KnowledgeError):
    """The encounter names a payer policy pack that does not exist."""

    def __init__(self, payer: str, known: list[str]) -> None:
        self.payer = payer
        super().__init__(f"unknown payer policy pack {payer!r}; known packs: {', '.join(sorted(known))}")
