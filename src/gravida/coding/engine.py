"""The coding pipeline: services -> codes -> units -> modifiers, conditions -> diagnoses -> pointers."""

from __future__ import annotations

from gravida.coding.chosen import ChosenDiagnosis
from gravida.coding.diagnoses import choose_diagnoses
from gravida.coding.diagnosis_checks import supported_date
from gravida.coding.modifiers import (
    assistant_modifiers,
    chiropractic_modifiers,
    pair_modifiers,
    therapy_modifiers,
)
from gravida.coding.pregnancy import pregnancy_status
from gravida.coding.procedures import CodedService, coded_services
from gravida.coding.timed_units import assign_units
from gravida.domain import Claim, ClaimLine, CodingResult, Diagnosis, Encounter, Finding, Severity
from gravida.domain.trusted import trusted
from gravida.knowledge import Snapshot
from gravida.knowledge.findings import finding


def code_encounter(encounter: Encounter, snapshot: Snapshot) -> CodingResult:
    """Code one encounter against the rules in force on its date of service for its payer.

    Raises InputError for input that cannot be coded at all (an unknown code, technique or concept);
    everything else, including problems that would get the claim denied, comes back as findings.
    """
    out: list[Finding] = []
    if not supported_date(snapshot, out):
        return CodingResult(
            claim=Claim(date_of_service=encounter.date_of_service, payer=encounter.payer), findings=tuple(out)
        )
    services = coded_services(encounter, snapshot, out)
    units = assign_units(services, encounter, snapshot, out)
    modifiers: dict[str, list[str]] = {s.code: [] for s in services}
    therapy_modifiers(services, encounter, snapshot, modifiers, out)
    assistant_split = assistant_modifiers(services, encounter, snapshot, units, out)
    chiropractic_modifiers(services, encounter, snapshot, modifiers, out)
    pair_modifiers(services, encounter, snapshot, modifiers, out)

    status = pregnancy_status(encounter, snapshot, out)
    chosen = choose_diagnoses(encounter, status, snapshot, out)
    chosen = _within_claim_limit(chosen, snapshot, out)
    _require_qualifying(chosen, snapshot, out)
    max_pointers = snapshot.require("claim.limits").value.max_pointers

    lines = []
    for service in services:
        total = units.get(service.code, 0)
        if total <= 0:
            continue
        pointers = _pointers(service, chosen, max_pointers)
        base = modifiers[service.code]
        assistant, with_assistant = assistant_split.get(service.code, ("", 0))
        for count, line_modifiers in ((total - with_assistant, base), (with_assistant, _with(base, assistant))):
            if count:
                lines.append(
                    trusted(
                        ClaimLine,
                        code=service.code,
                        units=count,
                        modifiers=tuple(line_modifiers[:4]),
                        diagnosis_pointers=pointers,
                        minutes=service.minutes,
                        charge=None,
                    )
                )
    if lines and chosen:
        out.extend(_pointer_explanation(lines, services, chosen, snapshot))
    claim = trusted(
        Claim,
        date_of_service=encounter.date_of_service,
        payer=encounter.payer,
        diagnoses=tuple(trusted(Diagnosis, code=d.code, description=d.description) for d in chosen),
        lines=tuple(lines),
    )
    return trusted(CodingResult, claim=claim, findings=tuple(out))


def _with(modifiers: list[str], assistant: str) -> list[str]:
    """The modifiers with CQ/CO placed before the therapy modifier (GP/GO), after the distinct-service ones."""
    position = next((i for i, m in enumerate(modifiers) if m in {"GP", "GO", "GN"}), len(modifiers))
    return [*modifiers[:position], assistant, *modifiers[position:]]


def _within_claim_limit(chosen: list[ChosenDiagnosis], snapshot: Snapshot, out: list[Finding]) -> list[ChosenDiagnosis]:
    limits = snapshot.require("claim.limits")
    maximum = limits.value.max_diagnoses
    if len(chosen) <= maximum:
        return chosen
    dropped = [d.code for d in chosen[maximum:]]
    out.append(
        finding(
            "coding.dx.too_many",
            Severity.WARNING,
            f"A claim carries at most {maximum} diagnoses; {', '.join(dropped)} were left off.",
            fix="Keep the diagnoses the services treat; split the visit's other conditions out if needed.",
            basis=limits,
        )
    )
    return chosen[:maximum]


def _require_qualifying(chosen: list[ChosenDiagnosis], snapshot: Snapshot, out: list[Finding]) -> None:
    if any(not d.status_only for d in chosen):
        return
    message = (
        "No diagnosis is given. A therapy claim needs a condition that the services treat."
        if not chosen
        else "Only pregnancy status codes are listed; pregnancy alone is not a qualifying diagnosis for "
        "massage or therapy."
    )
    out.append(
        finding(
            "coding.dx.no_qualifying_diagnosis",
            Severity.ERROR,
            message,
            fix="Add the condition treated (e.g. low_back_pain, symphysis_pubis_dysfunction) from the referral.",
            basis=snapshot.get("diagnosis.status_only_codes"),
            carc="CO-11" if chosen else "CO-16",
        )
    )


def _pointer_explanation(
    lines: list[ClaimLine], services: list[CodedService], chosen: list[ChosenDiagnosis], snapshot: Snapshot
) -> list[Finding]:
    regions = {s.code: s.regions for s in services}
    parts = []
    unsupported: list[str] = []
    for line in lines:
        pointed = [chosen[p - 1] for p in line.diagnosis_pointers]
        matched = [d.code for d in pointed if d.regions & regions[line.code]]
        if matched:
            reason = f"the conditions of the region treated ({', '.join(sorted(regions[line.code]))})"
        elif regions[line.code] and any(d.regions for d in pointed):
            reason = "in claim order: no diagnosis is tied to the region treated"
            unsupported.append(line.code)
        else:
            reason = "in claim order"
        parts.append(f"{line.code} -> {', '.join(d.code for d in pointed)}: {reason}")
    limits = snapshot.require("claim.limits")
    explanations = [
        finding(
            "coding.pointers",
            Severity.INFO,
            "Diagnosis pointers, most relevant first, at most "
            f"{limits.value.max_pointers} a line; status codes (Z3A, Z33.1) support no service: "
            + "; ".join(parts)
            + ".",
            basis=limits,
        )
    ]
    if unsupported:
        explanations.append(
            finding(
                "coding.pointers.region_unsupported",
                Severity.WARNING,
                f"No diagnosis on the claim is tied to the region treated by {', '.join(unsupported)}; a payer may "
                "find the diagnosis inconsistent with the service.",
                fix="Add the condition of the region treated, or correct the region documented.",
                carc="CO-11",
            )
        )
    return explanations


def _pointers(service: CodedService, chosen: list[ChosenDiagnosis], maximum: int) -> tuple[int, ...]:
    """The diagnoses that support the line, most relevant first.

    Diagnoses of the regions treated come first; a diagnosis tied only to other regions (neck pain for a
    lumbar line) is left out when the line's regions are known. Status codes (Z3A, Z33.1) support no
    service, so lines point to them only when nothing else exists.
    """
    supporting = [(position, d) for position, d in enumerate(chosen, start=1) if not d.status_only]
    if not supporting:
        supporting = list(enumerate(chosen, start=1))
    if service.regions:
        relevant = [(p, d) for p, d in supporting if not d.regions or d.regions & service.regions]
        if any(d.regions & service.regions for _, d in relevant):
            supporting = relevant
    ranked = sorted(supporting, key=lambda item: (-len(item[1].regions & service.regions), item[0]))
    return tuple(position for position, _ in ranked[:maximum])
