"""From the services documented to billable procedure codes, one line per code."""

from __future__ import annotations

from dataclasses import dataclass, field

from gravida.domain import Encounter, Evidence, Finding, InputError, Service, Severity
from gravida.domain.encounter import ASSISTANT_CREDENTIALS
from gravida.knowledge import Resolved, Snapshot
from gravida.knowledge.findings import evidence, finding
from gravida.knowledge.specs import ProcedureSpec


@dataclass(slots=True)
class CodedService:
    """All services billed under one code: their minutes and regions added up."""

    code: str
    spec: ProcedureSpec
    basis: Resolved
    minutes: int = 0
    assistant_minutes: int = 0
    regions: set[str] = field(default_factory=set)
    service_indexes: list[int] = field(default_factory=list)
    _evidence: list[Evidence] | None = None

    def evidence(self, encounter: Encounter) -> list[Evidence]:
        if self._evidence is None:
            self._evidence = []
            for index in self.service_indexes:
                service = encounter.services[index]
                label = service.code or service.technique or ""
                self._evidence.append(evidence(f"services[{index}]", f"{label}, {service.minutes} min"))
        return self._evidence


def _canonical_regions(service: Service, index: int, snapshot: Snapshot, out: list[Finding]) -> set[str]:
    regions = set()
    for position, raw in enumerate(service.regions):
        canonical = snapshot.knowledge.region(raw)
        if canonical is None:
            out.append(
                finding(
                    "coding.regions.unknown",
                    Severity.WARNING,
                    f"Region {raw!r} is not one Gravida knows; it cannot be used to tell regions apart or point "
                    "the line to its diagnosis.",
                    fix="Use a region such as lumbar, cervical, pelvic, hip, wrist_hand or lower_extremity.",
                    evidence_items=[evidence(f"services[{index}].regions[{position}]", raw)],
                )
            )
        else:
            regions.add(canonical)
    return regions


def _code_from_technique(
    service: Service, index: int, regions: set[str], snapshot: Snapshot, out: list[Finding]
) -> str:
    """The code a technique is billed under, memoized with its explanation for identical services."""
    key = ("technique", index, service.technique, frozenset(regions))
    code, explanation = snapshot.memo(key, lambda: _choose_for_technique(service, index, regions, snapshot))
    out.append(explanation)
    return code  # type: ignore[no-any-return]


def _choose_for_technique(service: Service, index: int, regions: set[str], snapshot: Snapshot) -> tuple[str, Finding]:
    technique = service.technique or ""
    candidates = snapshot.knowledge.procedures_for_technique(technique)
    if not candidates:
        raise InputError(
            f"services[{index}].technique",
            f"unknown technique {technique!r}; give a CPT/HCPCS code instead, or one of: "
            + ", ".join(snapshot.knowledge.techniques),
        )
    in_force = [(rule_id, snapshot.get(rule_id)) for rule_id in candidates]
    options = [(rule_id.split(".", 1)[1], r) for rule_id, r in in_force if r is not None]
    if not options:
        raise InputError(f"services[{index}].technique", f"no code for {technique!r} was in force on this date")
    chosen_code, chosen = options[0]
    if len(options) > 1:
        spinal = {r for r in regions if snapshot.knowledge.regions.regions[r].spinal}
        count = len(spinal)
        matching = [
            (c, r)
            for c, r in options
            if r.value.spinal_regions and r.value.spinal_regions[0] <= count <= r.value.spinal_regions[1]
        ]
        if not matching:
            raise InputError(
                f"services[{index}].regions",
                f"{technique!r} is coded by the number of spinal regions treated; {count} spinal region(s) "
                "given (cervical, thoracic, lumbar, sacral, pelvic)",
            )
        chosen_code, chosen = matching[0]
    explanation = finding(
        "coding.procedure.from_technique",
        Severity.INFO,
        f"{technique.replace('_', ' ').capitalize()} is billed as {chosen_code} ({chosen.value.label}).",
        basis=chosen,
        evidence_items=[evidence(f"services[{index}].technique", technique)],
    )
    return chosen_code, explanation


def coded_services(encounter: Encounter, snapshot: Snapshot, out: list[Finding]) -> list[CodedService]:
    """Resolve codes and techniques, merge services that share a code, keep the order of first mention."""
    by_code: dict[str, CodedService] = {}
    for index, service in enumerate(encounter.services):
        regions = _canonical_regions(service, index, snapshot, out)
        if service.code:
            code = service.code.strip().upper()
            if f"procedures.{code}" not in snapshot.knowledge.rules:
                raise InputError(
                    f"services[{index}].code",
                    f"unknown procedure code {service.code!r}; Gravida's catalog holds physical-medicine codes "
                    "such as 97124, 97140, 97530 (see `gravida schema encounter`)",
                )
        else:
            code = _code_from_technique(service, index, regions, snapshot, out)
        code = _payer_code(code, index, snapshot, out)
        _check_performer(service, index, encounter, code, snapshot, out)
        resolved = snapshot.procedure(code)
        if resolved is None:
            out.append(
                finding(
                    "coding.procedure.not_in_force",
                    Severity.ERROR,
                    f"{code} was not a valid code on {encounter.date_of_service}; the line is left off the claim.",
                    fix="Use the code that was in force on the date of service.",
                    basis=_first_version(snapshot, code),
                    evidence_items=[evidence(f"services[{index}].code", code)],
                    carc="CO-16",
                )
            )
            continue
        coded = by_code.setdefault(code, CodedService(code=code, spec=resolved.value, basis=resolved))
        assistant = _assistant_minutes(service, encounter)
        coded.minutes += service.minutes
        coded.assistant_minutes += assistant
        coded.regions |= regions
        coded.service_indexes.append(index)
    return list(by_code.values())


def _check_performer(
    service: Service, index: int, encounter: Encounter, code: str, snapshot: Snapshot, out: list[Finding]
) -> None:
    """Who furnished a service matters, not only who bills it: a massage therapist's work billed under a
    therapist's number is not payable by a payer that does not pay massage therapists."""
    performer = service.performed_by
    if performer is None or performer == encounter.provider.credential or performer in ASSISTANT_CREDENTIALS:
        return
    eligibility = snapshot.payer_rule("provider_eligibility")
    if eligibility is None or performer.value in eligibility.value.allowed:
        return
    out.append(
        finding(
            "coding.provider.performer_not_eligible",
            Severity.ERROR,
            f"{code} was furnished by a {performer.value}, whom this payer does not pay; billing it under the "
            f"{encounter.provider.credential.value}'s number misstates who furnished it.",
            fix="Bill only what an eligible provider furnished, or bill the patient for this service.",
            basis=eligibility,
            evidence_items=[evidence(f"services[{index}].performed_by", performer.value)],
            carc="CO-170",
        )
    )


def _payer_code(code: str, index: int, snapshot: Snapshot, out: list[Finding]) -> str:
    """The payer's own code where it does not accept the standard one (Medicare: G0283 for 97014)."""
    substitutions = snapshot.payer_rule("code_substitutions")
    if substitutions is None or code not in substitutions.value:
        return code
    replacement: str = substitutions.value[code]
    out.append(
        finding(
            "coding.procedure.payer_code",
            Severity.INFO,
            f"{code} is billed to this payer as {replacement}.",
            basis=substitutions,
            evidence_items=[evidence(f"services[{index}]", code)],
        )
    )
    return replacement


def _assistant_minutes(service: Service, encounter: Encounter) -> int:
    """Minutes furnished by a PTA/OTA: stated, or all of them when the assistant furnished the service."""
    if service.assistant_minutes:
        return service.assistant_minutes
    performer = service.performed_by or encounter.provider.credential
    return service.minutes if performer in ASSISTANT_CREDENTIALS else 0


def _first_version(snapshot: Snapshot, code: str) -> Resolved | None:
    rule = snapshot.knowledge.rules.get(f"procedures.{code}")
    if rule is None:
        return None
    first = rule.versions[0]
    return Resolved(rule.id, first.value, first.source, rule.uncertain or first.uncertain, first.note)
