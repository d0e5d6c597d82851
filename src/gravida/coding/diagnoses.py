"""Diagnoses: which codes, in which order, each valid and billable on the date of service.

Chapter-15 (O) codes come first with the trimester of the date of service, then the symptom codes that
go with them, then other conditions; Z33.1 replaces every O code when the provider documents the
pregnancy as incidental; Z3A weeks of gestation close the list (guideline I.C.15).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from gravida.coding.pregnancy import PregnancyStatus
from gravida.domain import Condition, Encounter, Evidence, Finding, InputError, Severity, Trimester
from gravida.knowledge import Resolved, Snapshot
from gravida.knowledge.findings import evidence, finding
from gravida.knowledge.icd10_index import normalize
from gravida.knowledge.specs import CodeTemplate, ConceptSpec, TrimesterCodes

_TRIMESTER_FIELDS = {
    Trimester.FIRST: "first",
    Trimester.SECOND: "second",
    Trimester.THIRD: "third",
    Trimester.UNSPECIFIED: "unspecified",
}
_TRIMESTER_WORDS = {
    Trimester.FIRST: "first trimester",
    Trimester.SECOND: "second trimester",
    Trimester.THIRD: "third trimester",
}


@dataclass(frozen=True, slots=True)
class ChosenDiagnosis:
    """A diagnosis and what it can support: the regions of the condition it came from."""

    code: str
    description: str
    regions: frozenset[str]
    status_only: bool
    origin: Evidence


def _is_chapter_15(code: str) -> bool:
    return code.startswith("O")


def _expand(template: CodeTemplate, trimester: Trimester, condition: Condition, spec: ConceptSpec) -> tuple[str, ...]:
    if isinstance(template, TrimesterCodes):
        return (getattr(template, _TRIMESTER_FIELDS[trimester]),)
    if "{side}" in template:
        sides = spec.sides or {}
        side = sides.get(condition.side or "unspecified", sides.get("unspecified", ""))
        return tuple(template.replace("{side}", s) for s in ((side,) if isinstance(side, str) else side))
    return (template,)


def _variant(
    condition: Condition, index: int, status: PregnancyStatus, incidental: bool, snapshot: Snapshot, out: list[Finding]
) -> str:
    if incidental or status.status == "not_pregnant":
        return "not_pregnant"
    if status.status == "postpartum":
        period = snapshot.require("diagnosis.postpartum_period")
        if status.postpartum_weeks is not None and status.postpartum_weeks > period.value.weeks:
            if not condition.pregnancy_related:
                return "not_pregnant"
            out.append(
                finding(
                    "coding.dx.after_postpartum_period",
                    Severity.INFO,
                    f"{status.postpartum_weeks} weeks after delivery is past the {period.value.weeks}-week postpartum "
                    "period; puerperal codes are kept because the condition is documented as pregnancy-related.",
                    fix="If the condition is not pregnancy-related, set pregnancy_related to false.",
                    basis=period,
                    evidence_items=[evidence(f"conditions[{index}].pregnancy_related", True)],
                )
            )
        return "postpartum"
    return "pregnant"


def _concept_codes(
    condition: Condition, index: int, status: PregnancyStatus, incidental: bool, snapshot: Snapshot, out: list[Finding]
) -> tuple[list[str], frozenset[str]]:
    name = (condition.concept or "").strip().lower().replace(" ", "_").replace("-", "_")
    field = f"conditions[{index}].concept"
    if f"concepts.{name}" not in snapshot.knowledge.rules:
        known = sorted(r.split(".", 1)[1] for r in snapshot.knowledge.rules if r.startswith("concepts."))
        raise InputError(field, f"unknown concept {condition.concept!r}; known concepts: {', '.join(known)}")
    resolved: Resolved | None = snapshot.concept(name)
    if resolved is None:
        return [], frozenset()
    variant = _variant(condition, index, status, incidental, snapshot, out)
    if incidental and resolved.value.pregnancy_specific:
        out.append(
            finding(
                "coding.dx.incidental_but_pregnancy_condition",
                Severity.WARNING,
                f"{resolved.value.label} is a condition of pregnancy itself, so the pregnancy cannot be incidental to "
                "its treatment; its codes outside pregnancy misdescribe it.",
                fix="Clear pregnancy_incidental unless the provider documents it, and code the chapter-15 condition.",
                basis=resolved,
                evidence_items=[evidence(field, condition.concept), evidence("pregnancy_incidental", True)],
                carc="CO-11",
            )
        )
    elif not condition.pregnancy_related and status.status == "pregnant" and not incidental:
        out.append(
            finding(
                "coding.dx.pregnancy_related_not_enough",
                Severity.INFO,
                f"{resolved.value.label} is marked as not related to the pregnancy, but during pregnancy chapter-15 "
                "codes are still used unless the provider documents that the pregnancy is incidental to the visit.",
                fix="If the provider documents it, set pregnancy_incidental (Z33.1 replaces the O codes).",
                basis=snapshot.get("diagnosis.incidental_pregnancy"),
                evidence_items=[evidence(f"conditions[{index}].pregnancy_related", False)],
            )
        )
    key = ("concept", index, condition.concept, condition.side, variant, status.trimester)
    codes, regions, explanation = snapshot.memo(
        key, lambda: _expand_concept(resolved, condition, field, variant, status.trimester)
    )
    out.append(explanation)
    return list(codes), regions


_STATUS_WORDS = {"pregnant": "in pregnancy", "postpartum": "after delivery", "not_pregnant": "outside pregnancy"}


def _expand_concept(
    resolved: Resolved, condition: Condition, field: str, variant: str, trimester: Trimester
) -> tuple[tuple[str, ...], frozenset[str], Finding]:
    """The codes of a concept for one status and trimester, and the finding that explains them."""
    spec: ConceptSpec = resolved.value
    templates = getattr(spec, variant)
    status_words = _STATUS_WORDS
    if templates is None:
        return (
            (),
            frozenset(),
            finding(
                "coding.dx.concept_not_applicable",
                Severity.ERROR,
                f"{spec.label} has no code {status_words[variant]}; it is not coded.",
                fix="Give the diagnosis code from the referring provider's order.",
                basis=resolved,
                evidence_items=[evidence(field, condition.concept)],
                carc="CO-11",
            ),
        )
    codes = tuple(code for t in templates for code in _expand(t, trimester, condition, spec))
    explanation = finding(
        "coding.dx.concept",
        Severity.INFO,
        f"{spec.label} {status_words[variant]}: {' + '.join(codes)}.",
        basis=resolved,
        evidence_items=[evidence(field, condition.concept)],
    )
    return codes, frozenset(spec.regions), explanation


@lru_cache(maxsize=4096)
def _stated_trimester(description: str) -> str | None:
    lowered = description.lower()
    return next((w for w in _TRIMESTER_WORDS.values() if w in lowered), None)


def _check_trimester(code: str, description: str, status: PregnancyStatus, field: str, out: list[Finding]) -> None:
    expected = _TRIMESTER_WORDS.get(status.trimester)
    stated = _stated_trimester(description)
    if expected and stated and stated != expected:
        out.append(
            finding(
                "coding.dx.trimester_mismatch",
                Severity.ERROR,
                f"{code} is for the {stated}, but the patient is in the {expected} on the date of service "
                f"({status.age}).",
                fix=f"Use the {expected} code of the same category.",
                evidence_items=[evidence(field, code)],
                carc="CO-11",
            )
        )
    elif expected and "unspecified trimester" in description.lower():
        out.append(
            finding(
                "coding.dx.unspecified_trimester",
                Severity.WARNING,
                f"{code} is for an unspecified trimester, but the patient is known to be in the {expected} "
                f"({status.age}); 'unspecified' is for when the trimester is unknown.",
                fix=f"Use the {expected} code of the same category.",
                evidence_items=[evidence(field, code)],
            )
        )


def _check_code_fits_status(
    code: str, description: str, status: PregnancyStatus, field: str, out: list[Finding]
) -> None:
    """A code given directly must fit where the patient stands: pregnant, after delivery, or neither."""
    lowered = description.lower()
    problem = None
    if status.status == "not_pregnant" and (_is_chapter_15(code) or code.startswith("Z3A")):
        problem = f"{code} ({description}) needs a pregnancy or puerperium, and the encounter describes neither"
        fix = "Describe the pregnancy (gestational age, due date or postpartum weeks), or remove the code."
    elif status.status == "pregnant" and _is_chapter_15(code) and ("puerperium" in lowered or "childbirth" in lowered):
        problem = f"{code} ({description}) is for childbirth or the puerperium, but the patient is pregnant"
        fix = "Use the code for the current trimester."
    elif status.status == "postpartum" and (
        (_is_chapter_15(code) and "trimester" in lowered) or code.startswith("Z3A")
    ):
        problem = f"{code} ({description}) is for a current pregnancy, but the patient has delivered"
        fix = "Use the puerperium code of the same category."
    if problem:
        out.append(
            finding(
                "coding.dx.status_mismatch",
                Severity.ERROR,
                problem + ".",
                fix=fix,
                evidence_items=[evidence(field, code)],
                carc="CO-11",
            )
        )


def _validate(code: str, field: str, snapshot: Snapshot, out: list[Finding]) -> str:
    state = snapshot.diagnosis(code)
    if not state.valid or not state.billable:
        replacements = ", ".join(state.replacements) or "a more specific code"
        out.append(
            finding(
                "coding.dx.invalid" if not state.valid else "coding.dx.not_billable",
                Severity.ERROR,
                f"{state.code} is not billable on {snapshot.on}: {state.reason}. A claim with it is rejected "
                "(CO-16 with remark M76).",
                fix=f"Use {replacements}.",
                evidence_items=[evidence(field, code)],
                carc="CO-16",
                basis=Resolved("icd10cm.changes", None, state.citation, False) if state.citation else None,
            )
        )
    return state.description


def supported_date(snapshot: Snapshot, out: list[Finding]) -> bool:
    """Gravida codes dates of service under ICD-10-CM only; earlier dates get one error and nothing else."""
    code_set = snapshot.get("icd10cm.code_set")
    if code_set is not None and code_set.value.code_set == "ICD-10-CM":
        return True
    first = snapshot.knowledge.rule("icd10cm.code_set").versions[0]
    out.append(
        finding(
            "coding.dx.code_set",
            Severity.ERROR,
            f"{snapshot.on} is before ICD-10-CM took effect ({first.effective}); Gravida does not code ICD-9-CM "
            "claims.",
            basis=Resolved("icd10cm.code_set", None, first.source, False),
            carc="CO-16",
        )
    )
    return False


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
            codes, regions = _concept_codes(condition, index, status, incidental, snapshot, out)
        for code in codes:
            if incidental and _is_chapter_15(code):
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
            description = _validate(code, field, snapshot, out)
            if condition.code:
                _check_code_fits_status(code, description, status, field, out)
            if _is_chapter_15(code) and status.status == "pregnant":
                _check_trimester(code, description, status, field, out)
            chosen.append(
                ChosenDiagnosis(code, description, regions, code.startswith(status_prefixes), evidence(field, code))
            )
    chosen.extend(_status_codes(encounter, status, incidental, chosen, snapshot, out))
    ordered = _ordered(chosen, snapshot, out)
    _check_excludes1(ordered, snapshot, out)
    _check_combinations(ordered, snapshot, out)
    return ordered


def _check_excludes1(chosen: list[ChosenDiagnosis], snapshot: Snapshot, out: list[Finding]) -> None:
    """Two codes one of whose Excludes1 notes names the other are not coded together (memoized per code list)."""
    codes = tuple(d.code for d in chosen)
    for i, j, note in snapshot.knowledge.diagnosis_codes.excludes1_conflicts(codes):
        first, second = chosen[i], chosen[j]
        out.append(
            finding(
                "coding.dx.excludes1",
                Severity.WARNING,
                f"{first.code} has an Excludes1 note, '{note}', which names {second.code}: the two are not coded "
                "together unless the conditions are unrelated (guideline I.A.12.a).",
                fix=f"Keep the code that describes the condition, {first.code} or {second.code}.",
                evidence_items=[first.origin, second.origin],
                carc="CO-11",
            )
        )


def _check_combinations(chosen: list[ChosenDiagnosis], snapshot: Snapshot, out: list[Finding]) -> None:
    rule = snapshot.get("diagnosis.combination_codes")
    for combination in rule.value if rule else ():
        found = [next((d for d in chosen if d.code.startswith(prefix)), None) for prefix in combination.when]
        present = [d for d in found if d is not None]
        if len(present) == len(combination.when):
            out.append(
                finding(
                    "coding.dx.combination_code",
                    Severity.WARNING,
                    f"{' and '.join(d.code for d in present)} together are {combination.label.lower()}, which "
                    f"ICD-10-CM codes with one combination code, {combination.use}.",
                    fix=f"Replace them with the {combination.use} code for the side documented.",
                    basis=rule,
                    evidence_items=[d.origin for d in present],
                    carc="CO-11",
                )
            )


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
    if not any(_is_chapter_15(d.code) for d in chosen):
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
        code, _validate(code, "pregnancy", snapshot, found), frozenset(), True, evidence("pregnancy", age)
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
    return "chapter_15" if _is_chapter_15(item.code) else "condition"


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
    if any(_is_chapter_15(item.code) or item.status_only for item in ordered):
        codes = tuple(item.code for item in ordered)
        out.append(snapshot.memo(("sequence", codes), lambda: _sequence_finding(codes, rule)))
    return ordered


def _sequence_finding(codes: tuple[str, ...], rule: Resolved) -> Finding:
    return finding(
        "coding.dx.sequence",
        Severity.INFO,
        "Diagnoses in order: " + ", ".join(codes) + " (chapter-15 codes first, then the conditions, then pregnancy "
        "status, then weeks of gestation).",
        basis=rule,
    )
