"""Payer policy as a biller reads it: which packs exist, what a pack says on a date, what changed between dates.

Everything comes from the dated rule files, so a policy diff is a diff of data with its sources, not of code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from gravida.domain import Citation
from gravida.knowledge.rules import DatedValue, Rule
from gravida.knowledge.snapshot import Knowledge


@dataclass(frozen=True, slots=True)
class PolicyValue:
    """One rule of a pack as it stands on a date."""

    rule_id: str
    name: str
    value: Any
    effective: date
    source: Citation | None
    uncertain: bool
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "name": self.name,
            "value": plain(self.value),
            "effective": self.effective.isoformat(),
            "source": {"title": self.source.title, "url": self.source.url} if self.source else None,
            "uncertain": self.uncertain,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class PolicyChange:
    """A rule whose value differs between two dates, with the versions that made it change."""

    rule_id: str
    name: str
    before: Any
    after: Any
    changed_on: tuple[date, ...]
    sources: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "name": self.name,
            "before": plain(self.before),
            "after": plain(self.after),
            "changed_on": [d.isoformat() for d in self.changed_on],
            "sources": [{"title": s.title, "url": s.url} for s in self.sources],
        }


def plain(value: Any) -> Any:
    """A rule value as JSON-ready data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=False)
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def describe(value: Any) -> str:
    """A short one-line rendering of a rule value for tables."""
    if value is None:
        return "(no rule)"
    data = plain(value)
    if isinstance(data, dict):
        return ", ".join(f"{k}={json.dumps(v) if isinstance(v, (dict, list)) else v}" for k, v in data.items())
    return json.dumps(data)


def _pack_rules(knowledge: Knowledge, payer: str, plan: str | None) -> dict[str, Rule]:
    """Rule name -> rule, the plan's own rules overriding the pack's."""
    knowledge.require_payer(payer)
    prefix = f"payers.{payer}."
    plans = knowledge.payers[payer].spec.plans
    rules: dict[str, Rule] = {}
    for rule_id, rule in knowledge.rules.items():
        if not rule_id.startswith(prefix):
            continue
        rest = rule_id[len(prefix) :]
        head, _, tail = rest.partition(".")
        if tail and head in plans:
            continue
        rules[rest] = rule
    if plan is not None:
        plan_prefix = f"{prefix}{plan}."
        for rule_id, rule in knowledge.rules.items():
            if rule_id.startswith(plan_prefix):
                rules[rule_id[len(plan_prefix) :]] = rule
    return dict(sorted(rules.items()))


def show(knowledge: Knowledge, payer: str, on: date, plan: str | None = None) -> list[PolicyValue]:
    """Every rule of the pack (and plan) in force on a date."""
    knowledge.at(on, payer, plan)  # validates the payer and plan
    shown = []
    for name, rule in _pack_rules(knowledge, payer, plan).items():
        version = rule.at(on)
        if version is None:
            continue
        shown.append(
            PolicyValue(
                rule.id,
                name,
                version.value,
                version.effective,
                version.source,
                rule.uncertain or version.uncertain,
                version.note,
            )
        )
    return shown


def diff(knowledge: Knowledge, payer: str, first: date, second: date, plan: str | None = None) -> list[PolicyChange]:
    """The rules whose value on `second` differs from their value on `first`, with the dated versions between."""
    knowledge.at(first, payer, plan)
    early, late = sorted((first, second))
    changes = []
    for name, rule in _pack_rules(knowledge, payer, plan).items():
        before, after = rule.at(first), rule.at(second)
        value_before = before.value if before else None
        value_after = after.value if after else None
        if value_before == value_after:
            continue
        between: list[DatedValue] = [v for v in rule.versions if early < v.effective <= late]
        changes.append(
            PolicyChange(
                rule.id,
                name,
                value_before,
                value_after,
                tuple(v.effective for v in between),
                tuple(v.source for v in between if v.source is not None),
            )
        )
    return changes
