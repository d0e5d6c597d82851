"""Clinical concepts to codes: the variant for the patient's status, trimester and side, with its reason."""

from __future__ import annotations

from gravida.coding.pregnancy import PregnancyStatus
from gravida.domain import Condition, Finding, InputError, Severity, Trimester
from gravida.knowledge import Resolved, Snapshot
from gravida.knowledge.findings import evidence, finding
from gravida.knowledge.specs import CodeTemplate, ConceptSpec, TrimesterCodes

_TRIMESTER_FIELDS = {
    Trimester.FIRST: "first",
    Trimester.SECOND: "second",
    Trimester.THIRD: "third",
    Trimester.UNSPECIFIED: "unspecified",
}


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


def concept_codes(
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
