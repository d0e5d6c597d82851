"""ICD-10-CM as it stood on a date of service: today's tabular, walked back through dated changes."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from gravida.domain import Citation
from gravida.knowledge.icd10_index import TabularIndex, normalize, pattern_matches
from gravida.knowledge.rules import Rule
from gravida.knowledge.specs import CodeChange


@dataclass(frozen=True, slots=True)
class CodeStatus:
    """What a diagnosis code was on a date: known at all, valid, billable, and what replaces it."""

    code: str
    known: bool
    valid: bool
    billable: bool
    description: str
    replacements: tuple[str, ...] = ()
    reason: str | None = None
    citation: Citation | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "valid": self.valid,
            "billable": self.billable,
            "description": self.description,
            "replacements": list(self.replacements),
        }


@lru_cache(maxsize=65536)
def _levels(code: str) -> frozenset[str]:
    """The code and every category above it: M54.50 -> {M54, M54.5, M54.50}."""
    return frozenset(code[:length] for length in range(3, len(code) + 1) if length != 4)


@dataclass(frozen=True, slots=True)
class _Change:
    effective: date
    change: CodeChange
    citation: Citation | None


class DiagnosisCodes:
    """Judges a code as of a date. `changes` is the icd10cm.changes rule; `code_set` icd10cm.code_set."""

    def __init__(self, tabular: TabularIndex, changes: Rule, code_set: Rule) -> None:
        self._tabular = tabular
        self._code_set = code_set
        self._by_code: dict[str, list[_Change]] = {}
        for version in changes.versions:
            for change in version.value or ():
                key = normalize(change.code)
                self._by_code.setdefault(key, []).append(_Change(version.effective, change, version.source))
        for entries in self._by_code.values():
            entries.sort(key=lambda c: c.effective)
        self._change_dates = sorted({*changes.change_dates, *code_set.change_dates})
        # A day inside each stretch between changes, to judge codes for every day of that stretch.
        self._epoch_starts = [date.min, *self._change_dates]

    @property
    def tabular(self) -> TabularIndex:
        return self._tabular

    def status(self, raw_code: str, on: date) -> CodeStatus:
        """The code's state on `on`. Memoized (bounded) per stretch of dates between two code-set changes."""
        epoch = bisect.bisect_right(self._change_dates, on)
        return self._status_in(raw_code, epoch, self._epoch_starts[epoch])

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance lives for the whole process
    def _status_in(self, raw_code: str, epoch: int, representative: date) -> CodeStatus:
        return self._status(normalize(raw_code), representative)

    def _status(self, code: str, on: date) -> CodeStatus:
        code_set = self._code_set.at(on)
        if code_set is None or code_set.value.code_set != "ICD-10-CM":
            first = self._code_set.versions[0].effective
            return CodeStatus(
                code,
                known=False,
                valid=False,
                billable=False,
                description="",
                reason=f"ICD-10-CM applies to dates of service from {first}; earlier dates fall under ICD-9-CM",
                citation=self._code_set.versions[0].source,
            )
        entry = self._tabular.get(code)
        changes = self._by_code.get(code, [])
        later = [c for c in changes if c.effective > on]
        in_force = [c for c in changes if c.effective <= on]
        if later:
            # The earliest change after the date tells what the code was before it.
            first_later = later[0]
            kind = first_later.change.change
            if kind == "added":
                return CodeStatus(
                    code,
                    known=True,
                    valid=False,
                    billable=False,
                    description=entry.description if entry else "",
                    replacements=self._replacements_before(code, on),
                    reason=f"{code} was added to ICD-10-CM on {first_later.effective}",
                    citation=first_later.citation,
                )
            description = entry.description if entry else (first_later.change.description or "")
            return CodeStatus(
                code, known=True, valid=True, billable=True, description=description, citation=first_later.citation
            )
        if entry is None:
            deleted = next((c for c in reversed(in_force) if c.change.change == "deleted"), None)
            if deleted is not None:
                return CodeStatus(
                    code,
                    known=True,
                    valid=False,
                    billable=False,
                    description=deleted.change.description or "",
                    replacements=deleted.change.replaced_by,
                    reason=f"{code} was deleted from ICD-10-CM on {deleted.effective}",
                    citation=deleted.citation,
                )
            return CodeStatus(
                code,
                known=False,
                valid=False,
                billable=False,
                description="",
                reason=f"{code} is not an ICD-10-CM code",
            )
        if entry.billable:
            return CodeStatus(code, known=True, valid=True, billable=True, description=entry.description)
        header_change = next((c for c in reversed(in_force) if c.change.change == "became_header"), None)
        replacements = header_change.change.replaced_by if header_change else self._tabular.children(code)
        reason = (
            f"{code} is a header, not billable, since {header_change.effective}"
            if header_change
            else f"{code} is a header (category or subcategory), not a billable code"
        )
        return CodeStatus(
            code,
            known=True,
            valid=True,
            billable=False,
            description=entry.description,
            replacements=replacements,
            reason=reason,
            citation=header_change.citation if header_change else None,
        )

    def excludes1_conflicts(self, codes: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
        """(i, j, note) for every pair where an Excludes1 note over codes[i] names codes[j].

        Notes come from the shipped tabular, whatever the date. Each code's notes are split once into exact
        patterns (matched against the other codes' levels) and ranges.
        """
        found: list[tuple[int, int, str]] = []
        levels = [_levels(code) for code in codes]
        for i, first in enumerate(codes):
            exact, ranges = self._exclusions(first)
            if not exact and not ranges:
                continue
            for j, second in enumerate(codes):
                if j == i:
                    continue
                found.extend((i, j, exact[hit]) for hit in levels[j] & exact.keys())
                found.extend((i, j, note) for pattern, note in ranges if pattern_matches(pattern, second))
        return tuple(found)

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance lives for the whole process
    def _exclusions(self, code: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
        notes = self._tabular.excludes1(code)
        exact = {pattern: note for pattern, note in notes if "-" not in pattern}
        return exact, tuple((pattern, note) for pattern, note in notes if "-" in pattern)

    def _replacements_before(self, code: str, on: date) -> tuple[str, ...]:
        """For a code added later: the code it replaced (the one whose change lists it)."""
        for entries in self._by_code.values():
            for change in entries:
                if code in change.change.replaced_by and change.effective > on:
                    return (change.change.code,)
        return ()
