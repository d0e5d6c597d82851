"""The documentation audit: would this note survive a payer's review? One finding per missing element.

The elements, their severity and the suggestion for each come from `documentation.elements` (rule data with its
source); this module only decides whether the note shows each one. Findings carry the note spans they rest on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gravida.domain import Evidence, Finding, Severity
from gravida.domain.note import NoteFacts, TechniqueFact, TextSpan
from gravida.knowledge import Resolved
from gravida.knowledge.documentation_spec import DocumentationSpec
from gravida.knowledge.findings import finding

RULE_ID = "documentation.elements"


def span_evidence(name: str, span: TextSpan) -> Evidence:
    return Evidence(name, span.text, span.start, span.end)


@dataclass(frozen=True, slots=True)
class BilledLine:
    """A line billed for the visit, with the units the documented minutes support."""

    code: str
    units: int
    supported_units: int
    minutes: int


class Audit:
    """Checks one note's facts against the documentation elements in force."""

    def __init__(self, basis: Resolved) -> None:
        spec = basis.value
        if not isinstance(spec, DocumentationSpec):
            raise TypeError(f"{RULE_ID} must hold a DocumentationSpec, not {type(spec).__name__}")
        self.basis = basis
        self.spec = spec

    def _finding(self, element: str, message: str, evidence: Iterable[Evidence] = ()) -> Finding:
        entry = self.spec.elements[element]
        return finding(
            f"notes.audit.{element}",
            Severity(entry.severity),
            f"{entry.label}: {message} {entry.why}",
            basis=self.basis,
            fix=entry.fix,
            evidence_items=evidence,
        )

    def check(self, facts: NoteFacts, timed_techniques: Mapping[str, str]) -> list[Finding]:
        """Findings for every element the note does not show; `timed_techniques` maps each technique billed by the
        minute to its code."""
        out: list[Finding] = []
        if not facts.affirmed_conditions():
            negated = [span_evidence("condition", c.span) for c in facts.conditions]
            out.append(self._finding("qualifying_diagnosis", "the note names no treatable condition.", negated))
        if facts.referral is None:
            out.append(self._finding("referral", "no referral or prescription is named."))
        if not facts.functional_limitations:
            out.append(self._finding("functional_limitation", "no functional limitation is described."))
        if not any(goal.measurable for goal in facts.goals):
            found = [span_evidence("goal", g.span) for g in facts.goals]
            problem = "the goals have no number or time frame." if found else "no goal is written."
            out.append(self._finding("measurable_goal", problem, found))
        for technique in facts.techniques:
            if technique.technique in timed_techniques and technique.minutes is None and not _covered(
                facts, technique, timed_techniques
            ):
                out.append(self._finding(
                    "timed_minutes", f"{technique.span.text!r} has no minutes.",
                    [span_evidence("technique", technique.span)],
                ))
            if not technique.regions:
                out.append(self._finding(
                    "techniques_and_regions", f"{technique.span.text!r} names no body region.",
                    [span_evidence("technique", technique.span)],
                ))
        out.extend(self._totals(facts, timed_techniques))
        if not facts.documents_response:
            out.append(self._finding("response", "the note does not say how the patient responded."))
        signer = facts.therapist
        if signer is None or not signer.signed or not signer.credential:
            problem = "the signature line is blank." if signer and not signer.signed else "no signed credential."
            out.append(self._finding("signature", problem, [span_evidence("signature", signer.span)] if signer else []))
        for precaution in facts.precautions:
            if precaution.status == "affirmed":
                out.append(self._finding(
                    "precaution_clearance", f"the note mentions {precaution.span.text!r}.",
                    [span_evidence("precaution", precaution.span)],
                ))
        return out

    def _totals(self, facts: NoteFacts, timed_techniques: Mapping[str, str]) -> list[Finding]:
        out = []
        timed = [t for t in facts.techniques if t.technique in timed_techniques]
        if timed and (facts.total_timed_minutes is None or facts.total_treatment_minutes is None):
            missing = " and ".join(
                name
                for name, fact in (("total timed minutes", facts.total_timed_minutes),
                                   ("total treatment time", facts.total_treatment_minutes))
                if fact is None
            )
            out.append(self._finding("total_time", f"the note does not state the {missing}."))
        documented = sum(t.minutes or 0 for t in timed)
        tolerance = self.spec.minutes_tolerance
        stated_timed = facts.total_timed_minutes
        if stated_timed and documented and abs(documented - stated_timed.value) > tolerance:
            out.append(self._finding(
                "minutes_add_up",
                f"the timed techniques add up to {documented} min but the note states {stated_timed.value:g} timed "
                "minutes.",
                [span_evidence("total_timed_minutes", stated_timed.span)],
            ))
        total = facts.total_treatment_minutes
        all_minutes = sum(t.minutes or 0 for t in facts.techniques)
        if total and all_minutes > total.value + tolerance:
            out.append(self._finding(
                "minutes_add_up",
                f"the techniques add up to {all_minutes} min, more than the {total.value:g} min total treatment time.",
                [span_evidence("total_treatment_minutes", total.span)],
            ))
        return out

    def units(self, billed: Iterable[BilledLine]) -> list[Finding]:
        """Lines billed with more units than the documented minutes support."""
        return [
            self._finding(
                "units_supported",
                f"{line.code} is billed with {line.units} unit(s) but the note's {line.minutes} min support "
                f"{line.supported_units}.",
            )
            for line in billed
            if line.units > line.supported_units
        ]

    def clones(self, similarities: Mapping[str, float]) -> list[Finding]:
        """Notes of other visits whose text is nearly the same as this one."""
        return [
            self._finding("cloned_note", f"the note is {score:.0%} the same as {other}.")
            for other, score in similarities.items()
            if score >= self.spec.clone_similarity
        ]


def _covered(facts: NoteFacts, technique: TechniqueFact, codes: Mapping[str, str]) -> bool:
    """A technique listed with another of the same code under one time ('Swedish / effleurage x 25 min') has
    its minutes in that time: the code's minutes are documented."""
    if technique.timed_with is None:
        return False
    partner = facts.techniques[technique.timed_with]
    return codes.get(partner.technique) == codes[technique.technique]
