"""Where the patient stands on the date of service: pregnant (and how far), postpartum, or neither."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gravida.domain import Encounter, Finding, GestationalAge, InputError, Severity, Trimester
from gravida.knowledge import Snapshot
from gravida.knowledge.findings import evidence, finding

Status = Literal["pregnant", "postpartum", "not_pregnant"]


@dataclass(frozen=True, slots=True)
class PregnancyStatus:
    status: Status
    age: GestationalAge | None = None
    trimester: Trimester = Trimester.UNSPECIFIED
    postpartum_weeks: int | None = None


def pregnancy_status(encounter: Encounter, snapshot: Snapshot, out: list[Finding]) -> PregnancyStatus:
    pregnancy = encounter.pregnancy
    if pregnancy is None:
        return PregnancyStatus("not_pregnant")
    if pregnancy.postpartum_weeks is not None:
        return PregnancyStatus("postpartum", postpartum_weeks=pregnancy.postpartum_weeks)
    age: GestationalAge | None = None
    source_field = ""
    if pregnancy.gestational_age:
        age = GestationalAge.parse(pregnancy.gestational_age)
        source_field = "pregnancy.gestational_age"
        if pregnancy.edd:
            try:
                from_edd: GestationalAge | str = GestationalAge.from_due_date(pregnancy.edd, encounter.date_of_service)
            except ValueError as exc:
                from_edd = str(exc)
            if isinstance(from_edd, str) or abs(from_edd.total_days - age.total_days) > 7:
                out.append(
                    finding(
                        "coding.pregnancy.age_disagrees_with_due_date",
                        Severity.WARNING,
                        f"The gestational age {age} disagrees with the due date {pregnancy.edd} "
                        f"({from_edd}) by more than a week; the stated age is used.",
                        fix="Correct the gestational age or the due date.",
                        evidence_items=[
                            evidence("pregnancy.gestational_age", age),
                            evidence("pregnancy.edd", pregnancy.edd),
                        ],
                    )
                )
    elif pregnancy.edd:
        try:
            age = GestationalAge.from_due_date(pregnancy.edd, encounter.date_of_service)
        except ValueError as exc:
            raise InputError("pregnancy.edd", str(exc)) from None
        source_field = "pregnancy.edd"
    if age is None:
        out.append(
            finding(
                "coding.pregnancy.age_unknown",
                Severity.WARNING,
                "The patient is pregnant but neither a gestational age nor a due date is given, so the trimester "
                "is 'unspecified' and no weeks-of-gestation (Z3A) code is added.",
                fix="Give the gestational age on the date of service (e.g. 28w3d) or the due date.",
                basis=snapshot.get("diagnosis.trimesters"),
            )
        )
        return PregnancyStatus("pregnant")
    if age.weeks > 42:
        out.append(
            finding(
                "coding.pregnancy.post_term",
                Severity.WARNING,
                f"A gestational age of {age} on the date of service is past 42 weeks; check whether the patient "
                "has delivered (postpartum_weeks).",
                evidence_items=[evidence(source_field, age)],
            )
        )
    raw = getattr(pregnancy, source_field.split(".")[1])
    key = ("trimester", age, source_field, str(raw))
    trimester, explanation = snapshot.memo(key, lambda: _trimester(age, source_field, raw, snapshot))
    out.append(explanation)
    return PregnancyStatus("pregnant", age=age, trimester=trimester)


def _trimester(age: GestationalAge, source_field: str, raw: object, snapshot: Snapshot) -> tuple[Trimester, Finding]:
    """The trimester of an age and the finding that explains it (shared by every visit at that age)."""
    trimester_rule = snapshot.require("diagnosis.trimesters")
    bounds = trimester_rule.value
    if age.weeks < bounds.second_from_week:
        trimester = Trimester.FIRST
    elif age.weeks < bounds.third_from_week:
        trimester = Trimester.SECOND
    else:
        trimester = Trimester.THIRD
    explanation = finding(
        "coding.pregnancy.trimester",
        Severity.INFO,
        f"Gestational age {age} on the date of service: trimester {int(trimester)} "
        f"(second from {bounds.second_from_week}w0d, third from {bounds.third_from_week}w0d).",
        basis=trimester_rule,
        evidence_items=[evidence(source_field, raw)],
    )
    return trimester, explanation
