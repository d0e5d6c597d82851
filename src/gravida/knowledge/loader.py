"""The strict loader of rule files under knowledge/data.

A rule file holds `description`, optionally `uncertain`, and `values`: effective dates mapped to a
version (`value`, `source` {title, url}, `verified_on`, optional `uncertain` and `note`) or to null,
which ends the rule. The loader refuses unknown keys, duplicate keys, bad dates and values without a
source, and names the file and line of each problem.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from gravida.domain import Citation
from gravida.knowledge import specs
from gravida.knowledge.documentation_spec import DocumentationSpec
from gravida.knowledge.errors import RuleFileError
from gravida.knowledge.remittance_codes import CodeTable
from gravida.knowledge.rules import DatedValue, Rule
from gravida.knowledge.yaml_strict import key_lines, read_yaml

DATA_DIR = Path(__file__).parent / "data"

#: Which value shape each rule id takes; the first matching pattern wins.
VALUE_SCHEMAS: tuple[tuple[str, Any], ...] = (
    ("procedures.*", specs.ProcedureSpec),
    ("concepts.*", specs.ConceptSpec),
    ("pairs.*", specs.PairSpec),
    ("icd10cm.changes", tuple[specs.CodeChange, ...]),
    ("icd10cm.code_set", specs.CodeSetSpec),
    ("icd10cm.tabular", specs.TabularSpec),
    ("units.timed_unit_table", specs.UnitTableSpec),
    ("diagnosis.trimesters", specs.TrimesterSpec),
    ("diagnosis.weeks_of_gestation", specs.WeeksOfGestationSpec),
    ("diagnosis.incidental_pregnancy", specs.CodeSpec),
    ("diagnosis.postpartum_period", specs.PostpartumPeriodSpec),
    ("diagnosis.status_only_codes", specs.PrefixesSpec),
    ("diagnosis.sequencing", specs.SequencingSpec),
    ("diagnosis.combination_codes", tuple[specs.CombinationSpec, ...]),
    ("claim.limits", specs.ClaimLimitsSpec),
    ("payers.*.units_method", specs.UnitsMethod),
    ("payers.*.therapy_modifiers", specs.TherapyModifierSpec),
    ("payers.*.assistant_modifiers", specs.AssistantModifierSpec),
    ("payers.*.distinct_modifiers", specs.DistinctModifierSpec),
    ("payers.*.chiropractic_modifiers", specs.ChiropracticModifierSpec),
    ("payers.*.code_substitutions", dict[str, str]),
    ("payers.*.provider_eligibility", specs.ProviderEligibilitySpec),
    ("payers.*.referral", specs.ReferralSpec),
    ("payers.*.visit_limit", specs.VisitLimitSpec),
    ("payers.*.prior_authorization", specs.PriorAuthorizationSpec),
    ("payers.*.plan_of_care", specs.PlanOfCareSpec),
    ("payers.*.progress_report", specs.ProgressReportSpec),
    ("payers.*.filing_limit", specs.FilingLimitSpec),
    ("payers.*.units_per_day", specs.UnitsPerDaySpec),
    ("payers.*.kx_threshold", specs.KxThresholdSpec),
    ("payers.*.massage_policy", specs.MassagePolicySpec),
    ("payers.*.place_of_service", specs.PlaceOfServiceSpec),
    ("mue.*", specs.MueSpec),
    ("scrub.denial_weights", specs.DenialWeightsSpec),
    ("documentation.elements", DocumentationSpec),
    ("remittance.*", CodeTable),
)

_RULE_KEYS = {"description", "uncertain", "values"}
_VERSION_KEYS = {"value", "source", "verified_on", "uncertain", "note"}
_SOURCE_KEYS = {"title", "url"}


@dataclass(frozen=True)
class PayerPack:
    """A payer policy pack: its id (folder name) and description."""

    id: str
    spec: specs.PayerPackSpec


@dataclass(frozen=True)
class LoadedData:
    rules: dict[str, Rule]
    payers: dict[str, PayerPack]
    regions: specs.RegionVocabularySpec


def rule_id_for(path: Path, root: Path) -> str:
    """The rule id is the file's path under data/ with dots.

    payers/medicare/units_method.yaml is payers.medicare.units_method.
    """
    return ".".join(path.relative_to(root).with_suffix("").parts)


def _schema_for(rule_id: str) -> TypeAdapter[Any]:
    for pattern, schema in VALUE_SCHEMAS:
        if fnmatch.fnmatchcase(rule_id, pattern):
            return _adapter(schema)
    raise KeyError(rule_id)


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(schema: Any) -> TypeAdapter[Any]:
    if schema not in _ADAPTERS:
        _ADAPTERS[schema] = TypeAdapter(schema)
    return _ADAPTERS[schema]


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    location = ".".join(str(part) for part in error["loc"])
    return f"{location}: {error['msg']}" if location else str(error["msg"])


def _as_date(raw: Any, path: Path, line: int | None, what: str) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise RuleFileError(path, line, f"{what} {raw!r} is not a date (YYYY-MM-DD)") from None


def _version(path: Path, rule_id: str, key: Any, raw: Any, line: int | None) -> DatedValue:
    effective = _as_date(key, path, line, "effective date")
    if raw is None:
        return DatedValue(effective, None, None, None, line=line)
    if not isinstance(raw, dict):
        raise RuleFileError(path, line, "a dated version must be a mapping with value, source and verified_on")
    unknown = set(raw) - _VERSION_KEYS
    if unknown:
        raise RuleFileError(path, line, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_VERSION_KEYS)}")
    for required in ("value", "source", "verified_on"):
        if required not in raw:
            raise RuleFileError(path, line, f"the version of {effective} has no {required!r}")
    source = raw["source"]
    if not isinstance(source, dict) or set(source) != _SOURCE_KEYS or not all(source.values()):
        raise RuleFileError(path, line, "source must be a mapping with exactly a non-empty title and url")
    verified_on = _as_date(raw["verified_on"], path, line, "verified_on")
    try:
        value = _schema_for(rule_id).validate_python(raw["value"])
    except ValidationError as exc:
        raise RuleFileError(path, line, f"value of {effective}: {_first_error(exc)}") from None
    return DatedValue(
        effective=effective,
        value=value,
        source=Citation(title=str(source["title"]), url=str(source["url"])),
        verified_on=verified_on,
        uncertain=bool(raw.get("uncertain", False)),
        note=raw.get("note"),
        line=line,
    )


def load_rule(path: Path, root: Path) -> Rule:
    rule_id = rule_id_for(path, root)
    try:
        _schema_for(rule_id)
    except KeyError:
        raise RuleFileError(path, None, f"no rule kind is registered for id {rule_id!r}") from None
    data, node = read_yaml(path)
    if not isinstance(data, dict):
        raise RuleFileError(path, 1, "a rule file must be a mapping with description and values")
    top_lines = key_lines(node) if node is not None else {}
    unknown = set(data) - _RULE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise RuleFileError(path, top_lines.get(key), f"unknown key {key!r}; allowed: {sorted(_RULE_KEYS)}")
    if not data.get("description"):
        raise RuleFileError(path, 1, "the rule has no description (say why the rule exists)")
    values = data.get("values")
    if not isinstance(values, dict) or not values:
        raise RuleFileError(path, top_lines.get("values"), "the rule has no dated values")
    lines = key_lines(node, "values") if node is not None else {}
    versions = []
    for key, raw in values.items():
        line = lines.get(key.isoformat() if isinstance(key, date) else str(key))
        versions.append(_version(path, rule_id, key, raw, line))
    versions.sort(key=lambda v: v.effective)
    if versions[0].ended:
        raise RuleFileError(path, versions[0].line, "a rule cannot start with null")
    return Rule(
        id=rule_id,
        description=str(data["description"]),
        path=str(path),
        versions=tuple(versions),
        uncertain=bool(data.get("uncertain", False)),
    )


def _load_model(path: Path, model: type[BaseModel]) -> Any:
    data, _ = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RuleFileError(path, None, _first_error(exc)) from None


def _rule_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.yaml")):
        if path.name.startswith("_") or path.relative_to(root).parts[0] == "vocabulary":
            continue
        yield path


def load_data(root: Path = DATA_DIR) -> LoadedData:
    """Read every rule file under `root`; the first broken one raises RuleFileError."""
    rules = {}
    for path in _rule_files(root):
        rule = load_rule(path, root)
        rules[rule.id] = rule
    payers = {
        pack.parent.name: PayerPack(pack.parent.name, _load_model(pack, specs.PayerPackSpec))
        for pack in sorted((root / "payers").glob("*/_pack.yaml"))
    }
    regions = _load_model(root / "vocabulary" / "regions.yaml", specs.RegionVocabularySpec)
    return LoadedData(rules=rules, payers=payers, regions=regions)
