"""Use-cases: the one place that wires input, knowledge and coding together for the faces (CLI, API)."""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from gravida.coding import cms_total_time_units, code_encounter, per_code_units
from gravida.coding.timed_units import unit_table
from gravida.domain import CodingResult, Encounter, InputError
from gravida.domain.submission import ClaimSubmission, History
from gravida.edits import ScrubResult
from gravida.edits import scrub as run_edits
from gravida.knowledge import (
    CodeStatus,
    Knowledge,
    Snapshot,
    UnknownPayerError,
    UnknownPlanError,
    default_knowledge,
    policy,
)
from gravida.knowledge.icd10_index import cache_dir
from gravida.knowledge.ncci import (
    MueLimit,
    NcciFileError,
    NcciTables,
    PtpEdit,
    load_tables,
    read_mue_file,
    read_ptp_file,
    save_tables,
)

MAX_INPUT_BYTES = 5_000_000
ModelT = TypeVar("ModelT", bound=BaseModel)
T = TypeVar("T")
_ICD_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")


#: The name a whole-document error is reported under, per input model.
_ROOTS: dict[type[BaseModel], str] = {Encounter: "encounter", ClaimSubmission: "claim", History: "history"}


def _field_path(location: tuple[int | str, ...], root: str = "encounter") -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or root


def describe_validation_error(exc: ValidationError, root: str = "encounter") -> InputError:
    """The first problem of a pydantic error, as one line that names the field."""
    error = exc.errors()[0]
    location = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "is required"
    elif error["type"] == "extra_forbidden":
        message = "is not a field Gravida knows (check the spelling; see `gravida schema encounter`)"
    elif "input" in error and error["type"] not in {"model_type", "dict_type"}:
        message = f"{message} (got {error['input']!r})"
    return InputError(_field_path(location, root), message)


def parse_encounter(data: Any) -> Encounter:
    return _parse(Encounter, data)


def read_json_file(path: Path) -> Any:
    if not path.exists():
        raise InputError(str(path), "no such file")
    if not path.is_file():
        raise InputError(str(path), "not a file")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise InputError(str(path), f"the file is larger than {MAX_INPUT_BYTES // 1_000_000} MB")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(str(path), "not a UTF-8 text file") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}", f"not valid JSON ({exc.msg})") from None


def load_encounter(path: Path) -> Encounter:
    return parse_encounter(read_json_file(path))


def _parse(model: type[ModelT], data: Any) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise describe_validation_error(exc, _ROOTS.get(model, model.__name__.lower())) from None


def parse_as(model: type[ModelT], data: Any, root: str) -> ModelT:
    """`data` as `model`; a validation error names `root` (a file) and the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise describe_validation_error(exc, root) from None


def load_submission(path: Path) -> ClaimSubmission:
    return _parse(ClaimSubmission, read_json_file(path))


def load_history(path: Path | None) -> History:
    return History() if path is None else _parse(History, read_json_file(path))


def _snapshot(knowledge: Knowledge, on: date, payer: str, plan: str | None = None) -> Snapshot:
    try:
        return knowledge.at(on, payer, plan)
    except UnknownPayerError as exc:
        raise InputError("payer", str(exc)) from None
    except UnknownPlanError as exc:
        raise InputError("plan", str(exc)) from None


@lru_cache(maxsize=1)
def imported_ncci() -> NcciTables:
    """NCCI tables imported from the official CMS files (`gravida ncci import`), if any."""
    path = ncci_cache_path()
    return load_tables(path) if path.exists() else NcciTables([], [])


def ncci_cache_path() -> Path:
    """Where imported NCCI tables are kept: GRAVIDA_NCCI_DB, else ncci.sqlite in Gravida's cache folder."""
    explicit = os.environ.get("GRAVIDA_NCCI_DB")
    return Path(explicit) if explicit else cache_dir() / "ncci.sqlite"


def scrub(
    submission: ClaimSubmission,
    history: History | None = None,
    today: date | None = None,
    knowledge: Knowledge | None = None,
) -> ScrubResult:
    """Check a claim against its payer's rules as they stood on its date of service."""
    knowledge = knowledge or default_knowledge()
    snapshot = _snapshot(knowledge, submission.date_of_service, submission.payer, submission.plan)
    return run_edits(submission, snapshot, history, today=today or date.today(), ncci=imported_ncci())


def submission_from_coding(encounter: Encounter, result: CodingResult) -> ClaimSubmission:
    """The claim a coded encounter becomes, for the policy edits (no charges or member id yet)."""
    return ClaimSubmission(
        claim_id=f"{encounter.patient.id}-{encounter.date_of_service:%Y%m%d}",
        payer=encounter.payer,
        date_of_service=encounter.date_of_service,
        place_of_service=encounter.place_of_service,
        billing_provider={"npi": encounter.provider.npi},
        rendering_provider=encounter.provider,
        patient=encounter.patient,
        referral=encounter.referral,
        plan_of_care=encounter.plan_of_care,
        diagnoses=tuple(d.code for d in result.claim.diagnoses),
        lines=tuple(
            {
                "code": line.code,
                "units": line.units,
                "modifiers": line.modifiers,
                "diagnosis_pointers": line.diagnosis_pointers or (1,),
                "charge": 0.0,
            }
            for line in result.claim.lines
        ),
    )


def code_and_scrub(encounter: Encounter, history: History, today: date | None = None) -> CodingResult:
    """Code an encounter, then run the payer's policy edits on the claim it makes; one list of findings."""
    result = code(encounter)
    if not result.claim.lines or not result.claim.diagnoses:
        return result
    snapshot = _snapshot(default_knowledge(), encounter.date_of_service, encounter.payer)
    scrubbed = run_edits(
        submission_from_coding(encounter, result),
        snapshot,
        history,
        today=today or date.today(),
        ncci=imported_ncci(),
        policy_only=True,
    )
    return CodingResult(claim=result.claim, findings=result.findings + scrubbed.findings)


def code(encounter: Encounter, knowledge: Knowledge | None = None) -> CodingResult:
    """Code one encounter with the rules of its date of service and payer."""
    knowledge = knowledge or default_knowledge()
    return code_encounter(encounter, _snapshot(knowledge, encounter.date_of_service, encounter.payer))


def count_units(
    method: str, minutes_by_code: Mapping[str, int], on: date, knowledge: Knowledge | None = None
) -> dict[str, int]:
    """Units for codes and minutes by the named method; untimed codes take one unit."""
    knowledge = knowledge or default_knowledge()
    if method not in {"cms", "cpt"}:
        raise InputError("--method", f"must be 'cms' or 'cpt', got {method!r}")
    snapshot = knowledge.at(on)
    table = unit_table(snapshot)
    timed: dict[str, int] = {}
    result: dict[str, int] = {}
    for raw_code, minutes in minutes_by_code.items():
        code_ = raw_code.strip().upper()
        resolved = snapshot.procedure(code_)
        if f"procedures.{code_}" not in knowledge.rules:
            raise InputError(raw_code, "unknown procedure code")
        if resolved is None:
            raise InputError(raw_code, f"the code was not in force on {on}")
        if minutes < 0:
            raise InputError(raw_code, f"minutes must be 0 or more, got {minutes}")
        if resolved.value.timed:
            timed[code_] = timed.get(code_, 0) + minutes
        else:
            result[code_] = 1
    allocation = (cms_total_time_units if method == "cms" else per_code_units)(timed, table)
    result.update(allocation.units)
    return {code_: units for code_, units in result.items() if units > 0}


def check_diagnosis(raw_code: str, on: date, knowledge: Knowledge | None = None) -> CodeStatus:
    knowledge = knowledge or default_knowledge()
    if not _ICD_SHAPE.match(raw_code.strip().upper()):
        raise InputError("CODE", f"{raw_code!r} is not shaped like an ICD-10-CM code (e.g. M54.50)")
    return knowledge.at(on).diagnosis(raw_code)


def code_set_warning(on: date, knowledge: Knowledge | None = None) -> str | None:
    """A sentence when the shipped ICD-10-CM release may not cover a date of service, else None."""
    stale = (knowledge or default_knowledge()).at(on).stale_code_set
    if stale is None:
        return None
    return (
        f"Gravida's ICD-10-CM data is the {stale.value.version} release, current through "
        f"{stale.value.valid_through}; check codes changed in a later update."
    )


def encounter_schema() -> dict[str, Any]:
    return Encounter.model_json_schema()


def claim_schema() -> dict[str, Any]:
    return ClaimSubmission.model_json_schema()


def history_schema() -> dict[str, Any]:
    return History.model_json_schema()


def demo_results(count: int = 12, seed: int = 2026) -> list[tuple[Encounter, CodingResult]]:
    from gravida.synthetic import synthetic_encounters

    return [(encounter, code(encounter)) for encounter in synthetic_encounters(count, seed)]


# --- payer policy -----------------------------------------------------------------------------------------


def _policy_call(call: Callable[[], T]) -> T:
    try:
        return call()
    except UnknownPayerError as exc:
        raise InputError("PAYER", str(exc)) from None
    except UnknownPlanError as exc:
        raise InputError("--plan", str(exc)) from None


def policy_list(knowledge: Knowledge | None = None) -> list[dict[str, Any]]:
    knowledge = knowledge or default_knowledge()
    return [
        {"id": pack.id, "name": pack.spec.name, "kind": pack.spec.kind, "plans": sorted(pack.spec.plans)}
        for pack in sorted(knowledge.payers.values(), key=lambda p: p.id)
    ]


def policy_show(payer: str, on: date, plan: str | None = None) -> list[policy.PolicyValue]:
    return _policy_call(lambda: policy.show(default_knowledge(), payer, on, plan))


def policy_diff(payer: str, first: date, second: date, plan: str | None = None) -> list[policy.PolicyChange]:
    return _policy_call(lambda: policy.diff(default_knowledge(), payer, first, second, plan))


@dataclass(frozen=True)
class ImpactedClaim:
    """An open claim whose scrub result differs under a new version of the policy data."""

    claim_id: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    risk_before: float
    risk_after: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "added": list(self.added),
            "removed": list(self.removed),
            "denial_risk_before": self.risk_before,
            "denial_risk_after": self.risk_after,
        }


def policy_impact(
    claims: list[tuple[ClaimSubmission, History]],
    new_knowledge: Knowledge,
    today: date,
    knowledge: Knowledge | None = None,
) -> list[ImpactedClaim]:
    """The open claims whose findings change when the rules are replaced by `new_knowledge`."""
    knowledge = knowledge or default_knowledge()
    impacted = []
    for submission, history in claims:
        before = scrub(submission, history, today, knowledge)
        after = scrub(submission, history, today, new_knowledge)
        old = {f"{f.severity.value}:{f.rule_id}" for f in before.findings if f.rule_id != "edits.denial_risk"}
        new = {f"{f.severity.value}:{f.rule_id}" for f in after.findings if f.rule_id != "edits.denial_risk"}
        if old != new or before.denial_risk != after.denial_risk:
            impacted.append(
                ImpactedClaim(
                    submission.claim_id,
                    tuple(sorted(new - old)),
                    tuple(sorted(old - new)),
                    before.denial_risk,
                    after.denial_risk,
                )
            )
    return impacted


def load_policy_version(data_dir: Path) -> Knowledge:
    """Rule data from another folder (a new version of the packs), sharing the ICD-10-CM index."""
    if not (data_dir / "payers").is_dir():
        raise InputError(str(data_dir), "not a rule-data folder (it has no payers/ folder)")
    return Knowledge.load(data_dir, tabular=default_knowledge().diagnosis_codes.tabular)


# --- NCCI files ---------------------------------------------------------------------------------------------


def _holds_mue_csv(path: Path) -> bool:
    """MUE files are CSV (alone or zipped); PTP files are tab-delimited text."""
    if path.suffix.lower() == ".csv":
        return True
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return any(name.lower().endswith(".csv") for name in archive.namelist())
    return False


def import_ncci(paths: list[Path]) -> dict[str, Any]:
    """Read official CMS practitioner PTP (.txt/.zip) and MUE (.csv) files and keep them for the scrubber."""
    ptp: list[PtpEdit] = []
    mue: list[MueLimit] = []
    for path in paths:
        if not path.is_file():
            raise InputError(str(path), "no such file")
        try:
            if _holds_mue_csv(path):
                mue.extend(read_mue_file(path))
            else:
                ptp.extend(read_ptp_file(path))
        except NcciFileError as exc:
            raise InputError(exc.path, f"line {exc.line}: {exc.problem}" if exc.line else exc.problem) from None
    tables = imported_ncci().merged(NcciTables(ptp, mue))
    target = ncci_cache_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    save_tables(tables, target)
    imported_ncci.cache_clear()
    return {"ptp_edits": len(ptp), "mue_limits": len(mue), "total_rows": len(tables), "path": str(target)}
