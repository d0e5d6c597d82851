"""Checks on each diagnosis: billable on the date, fitting the pregnancy status, Excludes1, combinations."""

from __future__ import annotations

from functools import lru_cache

from gravida.coding.chosen import ChosenDiagnosis, is_chapter_15
from gravida.coding.pregnancy import PregnancyStatus
from gravida.domain import Finding, Severity, Trimester
from gravida.knowledge import Resolved, Snapshot
from gravida.knowledge.findings import evidence, finding

_TRIMESTER_WORDS = {
    Trimester.FIRST: "first trimester",
    Trimester.SECOND: "second trimester",
    Trimester.THIRD: "third trimester",
}


@lru_cache(maxsize=4096)
def _stated_trimester(description: str) -> str | None:
    lowered = description.lower()
    return next((w for w in _TRIMESTER_WORDS.values() if w in lowered), None)


def check_trimester(code: str, description: str, status: PregnancyStatus, field: str, out: list[Finding]) -> None:
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


def check_code_fits_status(
    code: str, description: str, status: PregnancyStatus, field: str, out: list[Finding]
) -> None:
    """A code given directly must fit where the patient stands: pregnant, after delivery, or neither."""
    lowered = description.lower()
    problem = None
    if status.status == "not_pregnant" and (is_chapter_15(code) or code.startswith("Z3A")):
        problem = f"{code} ({description}) needs a pregnancy or puerperium, and the encounter describes neither"
        fix = "Describe the pregnancy (gestational age, due date or postpartum weeks), or remove the code."
    elif status.status == "pregnant" and is_chapter_15(code) and ("puerperium" in lowered or "childbirth" in lowered):
        problem = f"{code} ({description}) is for childbirth or the puerperium, but the patient is pregnant"
        fix = "Use the code for the current trimester."
    elif status.status == "postpartum" and ((is_chapter_15(code) and "trimester" in lowered) or code.startswith("Z3A")):
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


def validate_code(code: str, field: str, snapshot: Snapshot, out: list[Finding]) -> str:
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


def check_excludes1(chosen: list[ChosenDiagnosis], snapshot: Snapshot, out: list[Finding]) -> None:
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


def check_combinations(chosen: list[ChosenDiagnosis], snapshot: Snapshot, out: list[Finding]) -> None:
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
