"""Modifiers: GP/GO for therapy, CQ/CO for assistants, 59/XS for distinct services in a bundled pair."""

from __future__ import annotations

from gravida.coding.procedures import CodedService
from gravida.domain import Credential, Encounter, Finding, Severity
from gravida.knowledge import Resolved, Snapshot
from gravida.knowledge.findings import finding

_OCCUPATIONAL = frozenset({Credential.OT, Credential.OTA})
_THERAPISTS = frozenset({Credential.PT, Credential.PTA, Credential.OT, Credential.OTA})


def _is_occupational(service: CodedService, encounter: Encounter) -> bool:
    performers = {encounter.services[i].performed_by or encounter.provider.credential for i in service.service_indexes}
    return bool(performers & _OCCUPATIONAL) or encounter.provider.credential in _OCCUPATIONAL


def therapy_modifiers(
    services: list[CodedService],
    encounter: Encounter,
    snapshot: Snapshot,
    modifiers: dict[str, list[str]],
    out: list[Finding],
) -> None:
    rule = snapshot.payer_rule("therapy_modifiers")
    if rule is None or not rule.value.required:
        return
    applied: list[tuple[CodedService, str]] = []
    for service in services:
        therapy = service.spec.therapy
        if therapy == "never" or (therapy == "sometimes" and encounter.provider.credential not in _THERAPISTS):
            continue
        if encounter.provider.credential not in _THERAPISTS:
            out.append(
                finding(
                    "coding.modifiers.therapy_by_non_therapist",
                    Severity.WARNING,
                    f"{service.code} is an {therapy}-therapy code and this payer asks for GP/GO on it, but GP/GO "
                    "state a therapy plan of care, which the rendering provider "
                    f"({encounter.provider.credential.value}) does not furnish; no therapy modifier was added. "
                    "Expect a denial unless the payer credentials this provider for the code.",
                    fix="Check the payer's policy for this provider type, or bill under the supervising therapist.",
                    basis=_combined(rule, service.basis),
                    evidence_items=service.evidence(encounter),
                    carc="CO-4",
                )
            )
            continue
        occupational = _is_occupational(service, encounter)
        modifier = rule.value.occupational_therapy if occupational else rule.value.physical_therapy
        modifiers[service.code].append(modifier)
        applied.append((service, modifier))
    if applied:
        names = ", ".join(f"{m} on {s.code}" for s, m in applied)
        uncertain = any(s.basis.uncertain for s, _ in applied)
        out.append(
            finding(
                "coding.modifiers.therapy",
                Severity.INFO,
                f"{names}: the payer requires a therapy modifier (GP for a physical-therapy, GO for an "
                "occupational-therapy plan of care) on always-therapy codes.",
                basis=Resolved(rule.rule_id, rule.value, rule.citation, rule.uncertain or uncertain, rule.note),
                evidence_items=[e for s, _ in applied for e in s.evidence(encounter)],
            )
        )


def assistant_units(service: CodedService, units: int, minutes_per_unit: int, threshold_percent: float) -> int:
    """How many of a line's units take CQ/CO.

    For a timed code, each full unit of minutes the therapist furnished alone is billed without the
    modifier and each full unit the assistant furnished alone with it; the units left, made of both
    people's leftover minutes, take it when the assistant furnished more than the threshold share of
    those minutes. An untimed code takes it when the assistant's share of the whole service is above the
    threshold.
    """
    assistant = service.assistant_minutes
    if not service.spec.timed:
        share = 100 * assistant / service.minutes if service.minutes else 100.0
        return units if assistant and share > threshold_percent else 0
    therapist = service.minutes - assistant
    therapist_full = min(therapist // minutes_per_unit, units)
    assistant_full = min(assistant // minutes_per_unit, units - therapist_full)
    rest = units - therapist_full - assistant_full
    left_therapist = therapist - therapist_full * minutes_per_unit
    left_assistant = assistant - assistant_full * minutes_per_unit
    mixed_over = left_assistant > 0 and 100 * left_assistant > threshold_percent * (left_therapist + left_assistant)
    return assistant_full + (rest if mixed_over else 0)


def assistant_modifiers(
    services: list[CodedService],
    encounter: Encounter,
    snapshot: Snapshot,
    units: dict[str, int],
    out: list[Finding],
) -> dict[str, tuple[str, int]]:
    """For each code an assistant took part in: the modifier and how many of its units take it."""
    rule = snapshot.payer_rule("assistant_modifiers")
    minutes_per_unit = snapshot.require("units.timed_unit_table").value.minutes_per_unit
    split: dict[str, tuple[str, int]] = {}
    for service in services:
        if not service.assistant_minutes or service.spec.therapy == "never" or not units.get(service.code):
            continue
        if rule is None or not rule.value.required:
            out.append(
                finding(
                    "coding.modifiers.assistant_not_required",
                    Severity.INFO,
                    f"{service.code}: an assistant furnished {service.assistant_minutes} of {service.minutes} minutes; "
                    "this payer's policy on the date of service asks for no assistant modifier.",
                    basis=rule,
                    evidence_items=service.evidence(encounter),
                )
            )
            continue
        threshold = rule.value.threshold_percent
        with_modifier = assistant_units(service, units[service.code], minutes_per_unit, threshold)
        if not with_modifier:
            out.append(
                finding(
                    "coding.modifiers.assistant_de_minimis",
                    Severity.INFO,
                    f"{service.code}: the assistant's {service.assistant_minutes} of {service.minutes} minutes are "
                    f"within the {threshold:g}% de minimis share of every unit, so no CQ/CO.",
                    basis=rule,
                    evidence_items=service.evidence(encounter),
                )
            )
            continue
        occupational = _is_occupational(service, encounter)
        modifier = rule.value.occupational_therapy if occupational else rule.value.physical_therapy
        split[service.code] = (modifier, with_modifier)
        out.append(
            finding(
                "coding.modifiers.assistant",
                Severity.INFO,
                f"{modifier} on {with_modifier} of {units[service.code]} unit(s) of {service.code}: the assistant "
                f"furnished {service.assistant_minutes} of {service.minutes} minutes. Full units the therapist "
                f"furnished alone go without {modifier}; a unit takes it when the assistant furnished more than "
                f"{threshold:g}% of it. Units with {modifier} are paid at the assistant rate.",
                basis=rule,
                evidence_items=service.evidence(encounter),
            )
        )
    return split


def chiropractic_modifiers(
    services: list[CodedService],
    encounter: Encounter,
    snapshot: Snapshot,
    modifiers: dict[str, list[str]],
    out: list[Finding],
) -> None:
    rule = snapshot.payer_rule("chiropractic_modifiers")
    if rule is None:
        return
    for service in services:
        if service.spec.category != "chiropractic":
            continue
        modifiers[service.code].insert(0, rule.value.active_treatment)
        out.append(
            finding(
                "coding.modifiers.active_treatment",
                Severity.INFO,
                f"{rule.value.active_treatment} on {service.code}: this payer pays manipulation only as active or "
                "corrective treatment. Maintenance therapy is not covered; if this visit was maintenance, remove "
                f"{rule.value.active_treatment} and expect a denial.",
                fix="Make sure the note documents the treatment plan's goals and the patient's improvement.",
                basis=rule,
                evidence_items=service.evidence(encounter),
            )
        )


def pair_modifiers(
    services: list[CodedService],
    encounter: Encounter,
    snapshot: Snapshot,
    modifiers: dict[str, list[str]],
    out: list[Finding],
) -> None:
    by_code = {s.code: s for s in services}
    distinct = snapshot.payer_rule("distinct_modifiers")
    for pair in snapshot.pairs:
        spec = pair.value
        first, second = by_code.get(spec.column1), by_code.get(spec.column2)
        if first is None or second is None or spec.modifier_indicator == 9:
            continue
        both = [*first.evidence(encounter), *second.evidence(encounter)]
        names = f"{spec.column1} and {spec.column2}"
        if spec.modifier_indicator == 0:
            out.append(
                finding(
                    "coding.pairs.never_separate",
                    Severity.ERROR,
                    f"{names} are never paid together on one date; no modifier bypasses this pair.",
                    fix=f"Bill only {spec.column1}.",
                    basis=pair,
                    evidence_items=both,
                    carc="CO-97",
                )
            )
            continue
        if spec.basis == "separate_service":
            modifier = distinct.value.separate_service if distinct else "59"
            _add(modifiers, spec.column2, modifier)
            out.append(
                finding(
                    "coding.pairs.separate_service",
                    Severity.INFO,
                    f"{modifier} on {spec.column2}: {names} are a bundled pair, payable together only as separate "
                    "services in separate time intervals.",
                    fix="Make sure the note shows each service's own minutes and purpose.",
                    basis=pair,
                    evidence_items=both,
                )
            )
        elif not first.regions or not second.regions:
            out.append(
                finding(
                    "coding.pairs.region_unknown",
                    Severity.WARNING,
                    f"{names} are payable together only on distinct body regions, and the regions are not documented "
                    "for both; no modifier was added.",
                    fix="Document the region treated with each code.",
                    basis=pair,
                    evidence_items=both,
                    carc="CO-97",
                )
            )
        elif first.regions & second.regions:
            shared = ", ".join(sorted(first.regions & second.regions))
            out.append(
                finding(
                    "coding.pairs.same_region",
                    Severity.WARNING if pair.uncertain else Severity.ERROR,
                    f"{names} were both performed on the same region ({shared}); they are not separately billable "
                    "there, and a distinct-service modifier would misrepresent the visit.",
                    fix=f"Bill the time under one code, or document distinct regions for {spec.column2}.",
                    basis=pair,
                    evidence_items=both,
                    carc="CO-97",
                )
            )
        else:
            modifier = distinct.value.region if distinct else "59"
            _add(modifiers, spec.column2, modifier)
            out.append(
                finding(
                    "coding.pairs.distinct_region",
                    Severity.INFO,
                    f"{modifier} on {spec.column2}: {names} were performed on distinct regions "
                    f"({', '.join(sorted(first.regions))} / {', '.join(sorted(second.regions))}).",
                    basis=_combined(pair, distinct),
                    evidence_items=both,
                )
            )


def _add(modifiers: dict[str, list[str]], code: str, modifier: str) -> None:
    if modifier not in modifiers[code]:
        modifiers[code].insert(0, modifier)


def _combined(primary: Resolved, secondary: Resolved | None) -> Resolved:
    """The primary rule's citation, uncertain if either rule is."""
    if secondary is None or not secondary.uncertain or primary.uncertain:
        return primary
    return Resolved(primary.rule_id, primary.value, primary.citation, True, primary.note)
