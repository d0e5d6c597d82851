"""Use-cases on visit notes: read a note, code it, audit its documentation.

A note is read once (decoded, checked, understood), turned into the encounter the coding core takes, coded (and
scrubbed against the payer's policy when a history is given), and audited. Every finding that rests on an encounter
field gets the note span that field came from, so a reader sees the words behind each decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from gravida.domain import CodingResult, Encounter, Evidence, Finding, InputError
from gravida.domain.note import NoteFacts, TextSpan
from gravida.domain.submission import ClaimSubmission, History
from gravida.knowledge import Knowledge, UnknownPayerError, default_knowledge, specs
from gravida.notes.audit import Audit, BilledLine
from gravida.notes.clones import pairwise_similarity
from gravida.notes.encounter import NoBillableService, NoteEncounter, VisitContext, encounter_from_note
from gravida.notes.extract import default_reader
from gravida.notes.text_input import check_note_text, decode_note
from gravida.service import code, code_and_scrub, parse_as, parse_encounter, read_json_file

#: The documentation elements are in force from the date in their rule file; a note with no date uses today.
AUDIT_RULE = "documentation.elements"
_INDEX = re.compile(r"(\[\d+\]|\.[A-Za-z_]+)$")


@dataclass(frozen=True, slots=True)
class NoteSource:
    """A note's text and where it came from (a path, for messages)."""

    where: str
    text: str


@dataclass(frozen=True, slots=True)
class NoteCoding:
    """A note read, coded and audited; `result` is None when the note documents no billable service."""

    source: NoteSource
    facts: NoteFacts
    payer: str
    encounter: Encounter | None
    result: CodingResult | None
    audit: tuple[Finding, ...]
    line_evidence: tuple[tuple[TextSpan, ...], ...] = ()
    diagnosis_evidence: tuple[tuple[TextSpan, ...], ...] = ()
    no_billable_reason: str | None = None

    def to_contract(self) -> dict[str, Any]:
        """`gravida code NOTE --json`: the coding contract plus the note's evidence and the audit."""
        coded: dict[str, Any] = (
            self.result.to_contract() if self.result else {"claim": {"diagnoses": [], "lines": []}, "findings": []}
        )
        coded["note"] = {
            "source": self.source.where,
            "billable": self.result is not None,
            "no_billable_reason": self.no_billable_reason,
            "line_evidence": [[_span_json(s) for s in spans] for spans in self.line_evidence],
            "diagnosis_evidence": [[_span_json(s) for s in spans] for spans in self.diagnosis_evidence],
        }
        coded["audit"] = [f.model_dump(mode="json", exclude_none=True) for f in self.audit]
        return coded


@dataclass(frozen=True, slots=True)
class NoteAudit:
    """One note's documentation findings."""

    source: NoteSource
    facts: NoteFacts
    findings: tuple[Finding, ...]
    similar_to: dict[str, float] = field(default_factory=dict)


def read_note_file(path: Path) -> NoteSource:
    """The note's text, or an `InputError` saying why it cannot be a note (missing, binary, empty, too big...)."""
    where = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(where, "no such file") from None
    except IsADirectoryError:
        raise InputError(where, "is a directory, not a note file") from None
    except OSError as exc:
        raise InputError(where, f"cannot read the file ({exc.strerror})") from None
    return NoteSource(where, check_note_text(decode_note(data, where), where))


def extract(source: NoteSource) -> NoteFacts:
    return default_reader().read(source.text)


def load_visit_context(path: Path | None) -> VisitContext:
    """The visit context file (`--patient`), or an empty context."""
    if path is None:
        return VisitContext()
    return parse_as(VisitContext, read_json_file(path), str(path))


def code_note(
    source: NoteSource,
    payer: str,
    context: VisitContext | None = None,
    history: History | None = None,
    today: date | None = None,
    knowledge: Knowledge | None = None,
) -> NoteCoding:
    """Read, code (and scrub, with a history) and audit one note for `payer`."""
    knowledge = knowledge or default_knowledge()
    try:
        knowledge.require_payer(payer)
    except UnknownPayerError as exc:
        raise InputError("--payer", str(exc)) from None
    facts = extract(source)
    context = context or VisitContext()
    try:
        built = encounter_from_note(facts, payer, context, source.where)
    except NoBillableService as exc:
        # Nothing is billed, so there is nothing for a reviewer to audit: say so, and stop.
        return NoteCoding(source, facts, payer, None, None, (), no_billable_reason=exc.problem)
    encounter = _encounter(built, source)
    result = code(encounter, knowledge) if history is None else code_and_scrub(encounter, history, today)
    result = CodingResult(claim=result.claim, findings=tuple(_with_spans(f, built) for f in result.findings))
    audit = _audit(facts, encounter.date_of_service, payer, knowledge)
    return NoteCoding(
        source,
        facts,
        payer,
        encounter,
        result,
        tuple(audit),
        line_evidence=tuple(
            _evidence_for(li.code, result.findings, "coding.procedure") or _written_codes(facts, li.code)
            for li in result.claim.lines
        ),
        diagnosis_evidence=tuple(_evidence_for(d.code, result.findings, "coding.dx") for d in result.claim.diagnoses),
    )


def audit_notes(
    sources: Sequence[NoteSource],
    payer: str | None = None,
    claim: ClaimSubmission | None = None,
    knowledge: Knowledge | None = None,
) -> list[NoteAudit]:
    """Audit each note; notes compared with one another for cloning; a claim's units checked against its note.

    `claim` applies to the first note (the visit the claim bills). `payer` picks the payer's unit method for the
    units check; without one, the claim's payer is used.
    """
    knowledge = knowledge or default_knowledge()
    reader = default_reader()
    facts = reader.read_many([s.text for s in sources])
    similarity = pairwise_similarity({s.where: s.text for s in sources}) if len(sources) > 1 else {}
    out = []
    for index, (source, note) in enumerate(zip(sources, facts, strict=True)):
        on = note.date_of_service or (claim.date_of_service if claim else None) or date.today()
        the_payer = payer or (claim.payer if claim else None)
        auditor = _auditor(knowledge, on, the_payer)
        findings = auditor.check(note, _timed_techniques(knowledge, on, the_payer))
        others = similarity.get(source.where, {})
        findings += auditor.clones(others)
        if claim is not None and index == 0:
            findings += auditor.units(_billed_lines(note, claim, source, knowledge))
        out.append(NoteAudit(source, note, tuple(findings), dict(others)))
    return out


def _auditor(knowledge: Knowledge, on: date, payer: str | None) -> Audit:
    basis = knowledge.at(on, payer).get(AUDIT_RULE)
    if basis is None:
        raise InputError("date", f"no documentation rules are in force on {on.isoformat()}")
    return Audit(basis)


def _audit(facts: NoteFacts, on: date, payer: str, knowledge: Knowledge) -> list[Finding]:
    return _auditor(knowledge, on, payer).check(facts, _timed_techniques(knowledge, on, payer))


def _timed_techniques(knowledge: Knowledge, on: date, payer: str | None) -> dict[str, str]:
    """Techniques billed by the minute on `on` (those whose procedure is a timed code), each with its code."""
    snapshot = knowledge.at(on, payer)
    timed: dict[str, str] = {}
    for technique in knowledge.techniques:
        for rule_id in knowledge.procedures_for_technique(technique):
            resolved = snapshot.get(rule_id)
            if resolved is not None and isinstance(resolved.value, specs.ProcedureSpec) and resolved.value.timed:
                timed.setdefault(technique, rule_id.rsplit(".", 1)[-1])
    return timed


def _billed_lines(
    facts: NoteFacts, claim: ClaimSubmission, source: NoteSource, knowledge: Knowledge
) -> list[BilledLine]:
    """Each billed line with the units the note's minutes support, by the payer's own unit method."""
    payer = claim.payer
    try:
        built = encounter_from_note(facts, payer, VisitContext(date_of_service=claim.date_of_service,
                                                               provider=claim.rendering_provider), source.where)
    except NoBillableService:
        coded_units: dict[str, tuple[int, int]] = {}
    else:
        coded = code(_encounter(built, source), knowledge)
        coded_units = {line.code: (line.units, line.minutes) for line in coded.claim.lines}
    return [
        BilledLine(line.code, line.units, *coded_units.get(line.code, (0, 0)))
        for line in claim.lines
    ]


def _encounter(built: NoteEncounter, source: NoteSource) -> Encounter:
    """The encounter the note documents; a field that fails validation is reported with the words it came from."""
    try:
        return parse_encounter(built.data)
    except InputError as exc:
        span = _locate(exc.field, built.spans)
        words = f" (from {span.text!r} at characters {span.start}-{span.end})" if span else ""
        raise InputError(source.where, f"{exc.field}{words}: {exc.problem}") from None


def _locate(path: str, spans: dict[str, TextSpan]) -> TextSpan | None:
    """The span of an encounter field, or of the nearest enclosing field the note supplied."""
    while path:
        span = spans.get(path)
        if span is not None:
            return span
        trimmed = _INDEX.sub("", path)
        if trimmed == path:
            return None
        path = trimmed
    return None


def _with_spans(finding: Finding, built: NoteEncounter) -> Finding:
    """The finding with each evidence field that came from the note pointing at its words."""
    if not finding.evidence:
        return finding
    evidence = tuple(_located(item, built.spans) for item in finding.evidence)
    return finding.model_copy(update={"evidence": evidence})


def _located(item: Evidence, spans: dict[str, TextSpan]) -> Evidence:
    if item.start is not None:
        return item
    span = _locate(item.field, spans)
    return item if span is None else Evidence(item.field, span.text, span.start, span.end)


def _evidence_for(code: str, findings: Sequence[Finding], rule_prefix: str) -> tuple[TextSpan, ...]:
    """The note spans behind the findings that chose `code` (a line's procedure, a diagnosis)."""
    seen: dict[tuple[int, int], TextSpan] = {}
    for finding in findings:
        if not finding.rule_id.startswith(rule_prefix) or code not in finding.message:
            continue
        for item in finding.evidence:
            if item.start is not None and item.end is not None:
                seen.setdefault((item.start, item.end), TextSpan(start=item.start, end=item.end, text=item.value))
    return tuple(sorted(seen.values(), key=lambda s: s.start))


def _written_codes(facts: NoteFacts, code: str) -> tuple[TextSpan, ...]:
    """A line billed from a code the note writes (an evaluation, 'PT evaluation (97162)') points at those words."""
    return tuple(e.span for e in facts.evaluations if e.value == code)


def _span_json(span: TextSpan) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


__all__ = [
    "NoteAudit",
    "NoteCoding",
    "NoteSource",
    "audit_notes",
    "code_note",
    "extract",
    "load_visit_context",
    "read_note_file",
]
