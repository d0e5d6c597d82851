"""Note facts to the encounter coding reads, and a map from each encounter field back to the words in the note.

Only what the note affirms becomes part of the encounter: negated, historical, hypothetical and family mentions
stay out. What a note rarely states (the patient's id, the provider's NPI) comes from a visit context file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from gravida.domain import Credential, InputError, Patient, PlanOfCare, Provider, Referral
from gravida.domain.inputs import STRICT_INPUT, Day
from gravida.domain.note import NoteFacts, TextSpan

_CREDENTIALS = {c.value for c in Credential}


class VisitContext(BaseModel):
    """What the practice knows about a visit that its note may not say; every field is optional.

    Values here win over what the note says, except the services and conditions, which always come from the note.
    """

    model_config = STRICT_INPUT

    patient: Patient | None = None
    provider: Provider | None = None
    date_of_service: Day | None = None
    place_of_service: str | None = Field(default=None, pattern=r"^\d{2}$")
    referral: Referral | None = None
    plan_of_care: PlanOfCare | None = None
    pregnancy_incidental: bool = False


@dataclass(slots=True)
class NoteEncounter:
    """The encounter's data (validated by the caller) and where in the note each field came from."""

    data: dict[str, Any]
    spans: dict[str, TextSpan] = field(default_factory=dict)


def encounter_from_note(facts: NoteFacts, payer: str, context: VisitContext, where: str) -> NoteEncounter:
    """The encounter a note documents. A note with no service performed raises `NoBillableService`."""
    if not facts.billable:
        raise NoBillableService(where)
    spans: dict[str, TextSpan] = {}
    data: dict[str, Any] = {"payer": payer, "date_of_service": _date_of_service(facts, context, where, spans)}
    data["provider"] = _provider(facts, context, where, spans)
    data["patient"] = (context.patient or Patient(id="unidentified")).model_dump(mode="json", exclude_none=True)
    if context.place_of_service:
        data["place_of_service"] = context.place_of_service
    if context.plan_of_care:
        data["plan_of_care"] = context.plan_of_care.model_dump(mode="json", exclude_none=True)
    data["pregnancy_incidental"] = context.pregnancy_incidental

    pregnancy = _pregnancy(facts, spans)
    if pregnancy:
        data["pregnancy"] = pregnancy
    referral = _referral(facts, context, spans)
    if referral:
        data["referral"] = referral

    services: list[dict[str, Any]] = []
    for technique in facts.techniques:
        index = len(services)
        services.append(
            {
                "technique": technique.technique,
                "minutes": technique.minutes or 0,
                "regions": sorted({r.region for r in technique.regions}),
            }
        )
        spans[f"services[{index}]"] = technique.span
        if technique.minutes_span:
            spans[f"services[{index}].minutes"] = technique.minutes_span
    for evaluation in facts.evaluations:  # untimed: one unit whatever the minutes
        spans[f"services[{len(services)}]"] = evaluation.span
        services.append({"code": evaluation.value, "minutes": 0})
    data["services"] = services

    conditions: list[dict[str, Any]] = []
    for condition in facts.affirmed_conditions():
        entry: dict[str, Any] = {"concept": condition.concept}
        if condition.side:
            entry["side"] = condition.side
        spans[f"conditions[{len(conditions)}]"] = condition.span
        conditions.append(entry)
    data["conditions"] = conditions
    return NoteEncounter(data=data, spans=spans)


class NoBillableService(InputError):
    """The note documents no service performed: nothing to code (a cancelled visit, a phone call)."""

    def __init__(self, where: str) -> None:
        super().__init__(where, "no billable service found: the note documents no technique or procedure performed")


def _date_of_service(facts: NoteFacts, context: VisitContext, where: str, spans: dict[str, TextSpan]) -> str:
    if context.date_of_service:
        return context.date_of_service.isoformat()
    if facts.date_of_service and facts.date_of_service_span:
        spans["date_of_service"] = facts.date_of_service_span
        return facts.date_of_service.isoformat()
    raise InputError(
        where, "the note gives no date of service; write one in the note ('DOS: 2026-03-12') or pass "
        "--patient with a context file that has date_of_service"
    )


def _provider(facts: NoteFacts, context: VisitContext, where: str, spans: dict[str, TextSpan]) -> dict[str, Any]:
    if context.provider:
        return context.provider.model_dump(mode="json", exclude_none=True)
    signer = facts.therapist
    if signer is None or not signer.npi or not signer.credential:
        missing = "NPI" if signer and signer.credential else "signature with credential and NPI"
        raise InputError(
            where, f"the note has no {missing} for the rendering provider; add it to the signature "
            "('Jane Roe, LMT, NPI 1234567893') or pass --patient with a context file that has provider"
        )
    spans["provider"] = signer.span
    return {"npi": signer.npi, "credential": signer.credential}


def _pregnancy(facts: NoteFacts, spans: dict[str, TextSpan]) -> dict[str, Any] | None:
    p = facts.pregnancy
    out: dict[str, Any] = {}
    if p.postpartum_weeks is not None and p.postpartum_span:
        out["postpartum_weeks"] = p.postpartum_weeks
        spans["pregnancy.postpartum_weeks"] = p.postpartum_span
    elif p.gestational_age and p.gestational_age_span:
        out["gestational_age"] = p.gestational_age
        spans["pregnancy.gestational_age"] = p.gestational_age_span
        spans["pregnancy"] = p.gestational_age_span
    elif p.edd and p.edd_span:
        out["edd"] = p.edd.isoformat()
        spans["pregnancy.edd"] = p.edd_span
        spans["pregnancy"] = p.edd_span
    if p.high_risk and p.high_risk_span:
        out["high_risk"] = True
        spans["pregnancy.high_risk"] = p.high_risk_span
    return out or None


def _referral(facts: NoteFacts, context: VisitContext, spans: dict[str, TextSpan]) -> dict[str, Any] | None:
    if context.referral:
        return context.referral.model_dump(mode="json", exclude_none=True)
    found = facts.referral
    if found is None:
        return None
    out: dict[str, Any] = {}
    if found.credential in _CREDENTIALS:
        out["by_credential"] = found.credential
    if found.npi:
        out["by_npi"] = found.npi
    if isinstance(found.date, date):
        out["date"] = found.date.isoformat()
    spans["referral"] = found.span
    return out
