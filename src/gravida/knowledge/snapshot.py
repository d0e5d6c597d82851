"""`Knowledge.at(date_of_service, payer)`: every rule as it stood on one day, for one payer.

Coding reads rules only through a snapshot, so no code path compares dates itself: a change of rule is a
new dated value in a data file, and the snapshot picks the right one.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from gravida.domain import Citation
from gravida.knowledge.diagnosis_codes import CodeStatus, DiagnosisCodes
from gravida.knowledge.errors import KnowledgeError, UnknownPayerError, UnknownPlanError
from gravida.knowledge.icd10_index import TabularIndex
from gravida.knowledge.loader import DATA_DIR, LoadedData, PayerPack, load_data
from gravida.knowledge.rules import DatedValue, Rule


@dataclass(frozen=True, slots=True)
class Resolved:
    """A rule's value on the snapshot's day, with what a finding needs to cite it."""

    rule_id: str
    value: Any
    citation: Citation | None
    uncertain: bool
    note: str | None = None


class Knowledge:
    """All rule data, loaded once. Cheap to ask for snapshots; snapshots are cached per day and payer."""

    def __init__(self, data: LoadedData, tabular: TabularIndex) -> None:
        self.rules: dict[str, Rule] = data.rules
        self.payers: dict[str, PayerPack] = data.payers
        self.regions = data.regions
        self.diagnosis_codes = DiagnosisCodes(tabular, self.rule("icd10cm.changes"), self.rule("icd10cm.code_set"))
        self._region_lookup = {
            synonym.lower(): name
            for name, spec in data.regions.regions.items()
            for synonym in (name, name.replace("_", " "), *spec.synonyms)
        }
        self._region_memo: dict[str, str | None] = {}
        self._technique_memo: dict[str, tuple[str, ...]] = {}
        self._change_dates = sorted({day for rule in self.rules.values() for day in rule.change_dates})
        self._techniques: dict[str, list[str]] = {}
        for rule in self.rules.values():
            if rule.id.startswith("procedures."):
                for version in rule.versions:
                    for technique in version.value.techniques if version.value else ():
                        codes = self._techniques.setdefault(technique, [])
                        if rule.id not in codes:
                            codes.append(rule.id)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR, tabular: TabularIndex | None = None) -> Knowledge:
        return cls(load_data(data_dir), tabular or TabularIndex())

    def rule(self, rule_id: str) -> Rule:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise KnowledgeError(f"no rule {rule_id!r} in the knowledge data") from None

    def require_payer(self, payer: str) -> PayerPack:
        if payer not in self.payers:
            raise UnknownPayerError(payer, list(self.payers))
        return self.payers[payer]

    def region(self, text: str) -> str | None:
        """The canonical region for a name or synonym ('low back' -> 'lumbar'), or None."""
        if text not in self._region_memo:
            folded = text.strip().lower()
            self._region_memo[text] = self._region_lookup.get(folded.replace("-", " ").replace("_", " ")) or (
                self._region_lookup.get(folded)
            )
        return self._region_memo[text]

    def procedures_for_technique(self, technique: str) -> tuple[str, ...]:
        """Rule ids of the procedures a technique belongs to (any date; the snapshot filters)."""
        if technique not in self._technique_memo:
            key = technique.strip().lower().replace(" ", "_").replace("-", "_")
            self._technique_memo[technique] = tuple(self._techniques.get(key, ()))
        return self._technique_memo[technique]

    @property
    def techniques(self) -> tuple[str, ...]:
        return tuple(sorted(self._techniques))

    def at(self, on: date, payer: str | None = None, plan: str | None = None) -> Snapshot:
        """The rules in force on `on` for `payer` and its `plan` (None: rules that belong to no payer)."""
        if payer is not None:
            pack = self.require_payer(payer)
            if plan is not None and plan not in pack.spec.plans:
                raise UnknownPlanError(payer, plan, list(pack.spec.plans))
        epoch = bisect.bisect_right(self._change_dates, on)
        return Snapshot(self, on, payer, self._epoch_cache(epoch, payer, plan), plan)

    @lru_cache(maxsize=1024)  # noqa: B019 - knowledge is loaded once per process
    def _epoch_cache(self, epoch: int, payer: str | None, plan: str | None) -> dict[Hashable, Any]:
        """Resolved rules shared by every day between two consecutive change dates: nothing differs there."""
        return {}


class Snapshot:
    """Rules as of one date of service and one payer. Pure look-ups; no clock, no I/O after start-up."""

    def __init__(
        self, knowledge: Knowledge, on: date, payer: str | None, shared: dict[Hashable, Any], plan: str | None = None
    ) -> None:
        self.knowledge = knowledge
        self.on = on
        self.payer = payer
        self.plan = plan
        self._cache: dict[Hashable, Any] = shared

    def get(self, rule_id: str) -> Resolved | None:
        """The rule's value on this day, or None if it is not (or no longer) in force."""
        if rule_id in self._cache:
            cached: Resolved | None = self._cache[rule_id]
            return cached
        rule = self.knowledge.rules.get(rule_id)
        version: DatedValue | None = rule.at(self.on) if rule else None
        resolved = None
        if rule is not None and version is not None:
            resolved = Resolved(
                rule_id, version.value, version.source, rule.uncertain or version.uncertain, version.note
            )
        self._cache[rule_id] = resolved
        return resolved

    def memo(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """A value derived from rules, computed once for every day in this stretch of unchanged rules.

        `build` must depend only on the key and on rules (not on the date itself), since its result is
        shared by every day of the stretch.
        """
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def require(self, rule_id: str) -> Resolved:
        resolved = self.get(rule_id)
        if resolved is None:
            raise KnowledgeError(f"rule {rule_id!r} has no value in force on {self.on}")
        return resolved

    def payer_rule(self, name: str) -> Resolved | None:
        if self.payer is None:
            raise KnowledgeError("this snapshot was taken without a payer")
        key = ("<payer rule>", name)
        if key in self._cache:
            cached: Resolved | None = self._cache[key]
            return cached
        self._cache[key] = found = self._payer_rule(name)
        return found

    def _payer_rule(self, name: str) -> Resolved | None:
        if self.plan is not None:
            own = self.get(f"payers.{self.payer}.{self.plan}.{name}")
            if own is not None:
                return own
        return self.get(f"payers.{self.payer}.{name}")

    def procedure(self, code: str) -> Resolved | None:
        key = ("<procedure>", code)
        if key not in self._cache:
            self._cache[key] = self.get(f"procedures.{code.strip().upper()}")
        found: Resolved | None = self._cache[key]
        return found

    def concept(self, name: str) -> Resolved | None:
        return self.get(f"concepts.{name}")

    def diagnosis(self, code: str) -> CodeStatus:
        return self.knowledge.diagnosis_codes.status(code, self.on)

    def excludes1(self, code: str) -> tuple[tuple[str, str], ...]:
        """(pattern, note) of the Excludes1 notes over `code`, from the shipped tabular."""
        return self.knowledge.diagnosis_codes.tabular.excludes1(code)

    @property
    def pairs(self) -> tuple[Resolved, ...]:
        """Code pairs in force (cached with the other rules of this stretch of dates)."""
        if "<pairs>" not in self._cache:
            found = [self.get(rule_id) for rule_id in self.knowledge.rules if rule_id.startswith("pairs.")]
            self._cache["<pairs>"] = tuple(r for r in found if r is not None)
        return self._cache["<pairs>"]  # type: ignore[no-any-return]

    @property
    def stale_code_set(self) -> Resolved | None:
        """The tabular record when the date of service is past the code set Gravida ships."""
        tabular = self.get("icd10cm.tabular")
        if tabular is not None and self.on > tabular.value.valid_through:
            return tabular
        return None
