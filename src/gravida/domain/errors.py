"""Errors in what the user gave us. Each names the field, so the message alone says what to fix."""

from __future__ import annotations


class InputError(ValueError):
    """A request that cannot be coded as given: a missing or malformed field, an unknown code."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")
