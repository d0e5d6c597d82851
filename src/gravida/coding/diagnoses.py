"""Diagnoses: which codes, in which order, each valid and billable on the date of service.

Chapter-15 (O) codes come first with the trimester of the date of service, then the symptom codes that
go with them, then other conditions; Z33.1 replaces every O code when the provider documents the
pregnancy as incidental; Z3A weeks of gestation close the list (guideline I.C.15).
"""

from dataclasses import replace

from gravida.coding.chosen import ChosenDiagnosis, is_chapter_15
from gravida.coding.concepts import concept_codes
from gravida.coding.diagnosis_checks import (
    check_code_fits_status,
    check_combinations,
    check_excludes1,
    check_trimester,
    validate_code,
)
from gravida.coding.pregnancy import PregnancyStatus
from gravida.domain import Encounter, Finding, InputError, Severity
from gravida.knowledge import Resolved, Snapshot
from gravida.knowledge.findings import evidence, finding
from gravida.knowledge.icd10_index import normalize


def choose_diagnoses(
    encounter: Encounter, status: PregnancyStatus, snapshot: Snapshot, out: list[Finding]
) -> list[ChosenDiagnosis]:
    if snapshot.stale_code_set is not None:
        tabular = snapshot.stale_code_set
        out.append(
            finding(
                "coding.dx.code_set_not_current",
                Severity.WARNING,
                f"Gravida's ICD-10-CM data is the {tabular.value.version} release, current through "
                f"{tabular.value.valid_through}; codes changed on a later update are not known for {snapshot.on}.",
                fix="Check each diagnosis code against the code set in force on the date of service.",
                basis=tabular,
            )
        )
    incidental = encounter.pregnancy_incidental and status.status == "pregnant"
    if encounter.pregnancy_incidental and status.status != "pregnant":
        out.append(
            finding(
                "coding.dx.incidental_without_pregnancy",
                Severity.WARNING,
                "pregnancy_incidental is set but the encounter does not describe a current pregnancy; it is ignored.",
                evidence_items=[evidence("pregnancy_incidental", True)],
            )
        )
    status_prefixes = snapshot.require("diagnosis.status_only_codes").value.prefixes
    chosen: list[ChosenDiagnosis] = []
    for index, condition in enumerate(encounter.conditions):
        if condition.code:
            field = f"conditions[{index}].code"
            state = snapshot.diagnosis(condition.code)
            if not state.known:
                raise InputError(field, state.reason or f"unknown diagnosis code {condition.code!r}")
            codes, regions = [state.code], frozenset[str]()
        else:
            field = f"conditions[{index}].concept"
            codes, regions = concept_codes(condition, index, status, incidental, snapshot, out)
        for code in codes:
            if incidental and is_chapter_15(code):
                out.append(
                    finding(
                        "coding.dx.incidental_drops_chapter_15",
                        Severity.WARNING,
                        f"{code} is left off: the pregnancy is documented as incidental, so Z33.1 replaces "
                        "chapter-15 codes.",
                        basis=snapshot.get("diagnosis.incidental_pregnancy"),
                        evidence_items=[evidence(field, code)],
                    )
                )
                continue
            description = validate_code(code, field, snapshot, out)
            if condition.code:
                check_code_fits_status(code, description, status, field, out)
            if is_chapter_15(code) and status.status == "pregnant":
                check_trimester(code, description, status, field, out)
            chosen.append(
                ChosenDiagnosis(code, description, regions, code.startswith(status_prefixes), evidence(field, code))
            )
    chosen.extend(_status_codes(encounter, status, incidental, chosen, snapshot, out))
    ordered = _ordered(chosen, snapshot, out)
    check_excludes1(ordered, snapshot, out)
    check_combinations(ordered, snapshot, out)
    return ordered


def _status_codes(
    encounter: Encounter,
    status: PregnancyStatus,
    incidental: bool,
    chosen: list[ChosenDiagnosis],
    snapshot: Snapshot,
    out: list[Finding],
) -> list[ChosenDiagnosis]:
    extra: list[ChosenDiagnosis] = []
    if incidental:
        rule = snapshot.require("diagnosis.incidental_pregnancy")
        code = normalize(rule.value.code)
        extra.append(
            ChosenDiagnosis(
                code, snapshot.diagnosis(code).description, frozenset(), True, evidence("pregnancy_incidental", True)
            )
        )
        out.append(
            finding(
                "coding.dx.incidental",
                Severity.INFO,
                f"The pregnancy is documented as incidental: {code} instead of chapter-15 codes, and no Z3A code "
                "(Z3A codes follow an obstetric code).",
                basis=rule,
                evidence_items=[evidence("pregnancy_incidental", True)],
            )
        )
        return extra
    if status.status != "pregnant":
        return extra
    if not any(is_chapter_15(d.code) for d in chosen):
        out.append(
            finding(
                "coding.dx.chapter_15_missing",
                Severity.WARNING,
                "The patient is pregnant but no chapter-15 (O) code is listed. Chapter-15 codes come first unless "
                "the provider documents the pregnancy as incidental.",
                fix="Code the condition with its chapter-15 code, or set pregnancy_incidental if documented.",
                basis=snapshot.get("diagnosis.incidental_pregnancy"),
            )
        )
    if status.age is not None:
        rule = snapshot.require("diagnosis.weeks_of_gestation")
        spec = rule.value
        weeks = status.age.weeks
        if weeks < spec.first_week:
            code = spec.under_first_week
        elif weeks > spec.last_week:
            code = spec.over_last_week
        else:
            code = f"{spec.prefix}{weeks:02d}"
        for given in [d for d in chosen if d.code.startswith(spec.prefix) and d.code != code]:
            chosen.remove(given)
            out.append(
                finding(
                    "coding.dx.weeks_of_gestation_replaced",
                    Severity.WARNING,
                    f"{given.code} was given, but {status.age} on the date of service is {code}; a claim carries "
                    "one weeks-of-gestation code, so the given one is left off.",
                    fix="Check the gestational age or the due date.",
                    basis=rule,
                    evidence_items=[given.origin],
                )
            )
        chosen_code, found = snapshot.memo(("weeks", status.age), lambda: _weeks_code(code, status, rule, snapshot))
        extra.append(chosen_code)
        out.extend(found)
    return extra


def _weeks_code(
    code: str, status: PregnancyStatus, rule: Resolved, snapshot: Snapshot
) -> tuple[ChosenDiagnosis, list[Finding]]:
    """The Z3A diagnosis for an age and its findings (shared by every visit at that age)."""
    found: list[Finding] = []
    age = str(status.age)
    chosen = ChosenDiagnosis(
        code, validate_code(code, "pregnancy", snapshot, found), frozenset(), True, evidence("pregnancy", age)
    )
    found.append(
        finding(
            "coding.dx.weeks_of_gestation",
            Severity.INFO,
            f"{code}: {age} counts {status.age.weeks if status.age else 0} completed weeks of gestation.",
            basis=rule,
            evidence_items=[evidence("pregnancy", age)],
        )
    )
    return chosen, found


def _group(item: ChosenDiagnosis) -> str:
    if item.status_only:
        return "weeks_of_gestation" if item.code.startswith("Z3A") else "pregnancy_status"
    return "chapter_15" if is_chapter_15(item.code) else "condition"


def _ordered(chosen: list[ChosenDiagnosis], snapshot: Snapshot, out: list[Finding]) -> list[ChosenDiagnosis]:
    """In the order of groups the sequencing rule gives; each code once, its first mention kept."""
    merged: dict[str, ChosenDiagnosis] = {}
    for item in chosen:
        earlier = merged.get(item.code)
        merged[item.code] = item if earlier is None else replace(earlier, regions=earlier.regions | item.regions)
    unique = list(merged.values())

    rule = snapshot.require("diagnosis.sequencing")
    rank = {group: position for position, group in enumerate(rule.value.order)}
    ordered = sorted(unique, key=lambda item: rank[_group(item)])
    if any(is_chapter_15(item.code) or item.status_only for item in ordered):
        out.append(_sequence_finding(tuple(item.code for item in ordered), rule))
    return ordered


def _sequence_finding(codes: tuple[str, ...], rule: Resolved) -> Finding:
    return finding(
        "coding.dx.sequence",
        Severity.INFO,
        "Diagnoses in order: " + ", ".join(codes) + " (chapter-15 codes first, then the conditions, then pregnancy "
        "status, then weeks of gestation).",
        basis=rule,
    )
