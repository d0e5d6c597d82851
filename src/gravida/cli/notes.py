"""Commands on visit notes: `code NOTE.txt` (through `code`), `note extract`, `note audit`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from gravida import service
from gravida.cli.app import JsonFlag, app, console, fail, note_place, print_findings, print_json
from gravida.domain import Severity
from gravida.domain.note import NoteFacts, TextSpan
from gravida.service import notes

note_app = typer.Typer(help="Visit notes: what Gravida reads in them, and whether they survive review.",
                       no_args_is_help=True)
app.add_typer(note_app, name="note")

NoteArgument = Annotated[Path, typer.Argument(help="A visit note: plain UTF-8 text.")]


def code_note_command(
    path: Path, payer: str | None, patient: Path | None, history: Path | None, as_json: bool
) -> None:
    """`gravida code NOTE.txt --payer P`: read, code and audit one note; show the words behind each decision."""
    if payer is None:
        fail(f"{path}: a note does not name its payer; add --payer (see `gravida policy list`)")
    source = notes.read_note_file(path)
    context = notes.load_visit_context(patient)
    coded = notes.code_note(source, payer, context, service.load_history(history) if history else None)
    if as_json:
        print_json(coded.to_contract())
        return
    text = source.text
    if coded.result is None:
        console.print(f"[bold]{escape(source.where)}[/]: {coded.no_billable_reason}.",
                      highlight=False, soft_wrap=True)
        _facts_summary(coded.facts, text)
        return
    claim = coded.result.claim
    console.print(f"[bold]Claim for {claim.date_of_service} ({claim.payer}) from {escape(source.where)}[/]",
                  highlight=False, soft_wrap=True)
    for position, (diagnosis, spans) in enumerate(zip(claim.diagnoses, coded.diagnosis_evidence, strict=True), 1):
        console.print(f"  {position}. {diagnosis.code}  {diagnosis.description}{_quoted(spans, text)}",
                      highlight=False, soft_wrap=True)
    table = Table(title="Service lines")
    for column in ("code", "units", "modifiers", "diagnoses pointed to", "minutes", "from the note"):
        table.add_column(column, justify="right" if column in {"units", "minutes"} else "left", overflow="fold")
    for line, spans in zip(claim.lines, coded.line_evidence, strict=True):
        pointed = ", ".join(claim.diagnoses[p - 1].code for p in line.diagnosis_pointers)
        words = _quoted(spans, text).strip(" ()") or "-"
        table.add_row(line.code, str(line.units), " ".join(line.modifiers), pointed, str(line.minutes), words)
    console.print(table)
    print_findings(coded.result.findings, text)
    print_findings(coded.audit, text, "Documentation audit")


@note_app.command("extract")
def extract_command(note: NoteArgument, as_json: JsonFlag = False) -> None:
    """Print what Gravida reads in a note: every fact with the characters it came from."""
    source = notes.read_note_file(note)
    facts = notes.extract(source)
    if as_json:
        print_json({"source": source.where, "facts": facts.model_dump(mode="json", exclude_none=True)})
        return
    console.print(f"[bold]{escape(source.where)}[/]: {facts.words} words", highlight=False)
    _facts_summary(facts, source.text)


@note_app.command("audit")
def audit_command(
    note_files: Annotated[list[Path], typer.Argument(help="Notes of one patient's visits (compared for cloning).")],
    claim: Annotated[
        Path | None,
        typer.Option("--claim", help="Claim JSON billing the FIRST note: check its units against the note."),
    ] = None,
    payer: Annotated[str | None, typer.Option("--payer", help="Payer pack (default: the claim's payer).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Would each note survive a payer's review? Missing elements, minutes, units, cloned text.

    Exits 1 when a note has an error-level finding, so a script can stop a claim going out.
    """
    sources = [notes.read_note_file(path) for path in note_files]
    submission = service.load_submission(claim) if claim else None
    audits = notes.audit_notes(sources, payer, submission)
    if as_json:
        print_json([
            {
                "source": a.source.where,
                "findings": [f.model_dump(mode="json", exclude_none=True) for f in a.findings],
                "similar_to": a.similar_to,
            }
            for a in audits
        ])
    else:
        for audit in audits:
            errors = sum(f.severity is Severity.ERROR for f in audit.findings)
            count = len(audit.findings)
            verdict = f"{count} finding(s), {errors} error(s)" if count else "[green]no problems[/]"
            console.print(f"[bold]{escape(audit.source.where)}[/]: {verdict}", highlight=False, soft_wrap=True)
            if audit.findings:
                print_findings(audit.findings, audit.source.text, "Documentation audit")
    if any(f.severity is Severity.ERROR for a in audits for f in a.findings):
        raise typer.Exit(1)


def _quoted(spans: tuple[TextSpan, ...], text: str) -> str:
    if not spans:
        return ""
    quoted = "; ".join(f"\u201c{escape(s.text)}\u201d {note_place(text, s.start)}" for s in spans)
    return f"  ({quoted})"


def _facts_summary(facts: NoteFacts, text: str) -> None:
    """One row per fact: what, the value, and where it is in the note."""
    table = Table(title="What the note says", show_lines=False)
    table.add_column("fact")
    table.add_column("value", overflow="fold")
    table.add_column("words in the note", overflow="fold")
    table.add_column("where", no_wrap=True)

    def row(kind: str, value: Any, span: TextSpan | None) -> None:
        if span is None:
            table.add_row(kind, escape(str(value)), "", "")
        else:
            table.add_row(kind, escape(str(value)), escape(span.text.strip()), note_place(text, span.start))

    if facts.date_of_service:
        row("date of service", facts.date_of_service, facts.date_of_service_span)
    for technique in facts.techniques:
        regions = ", ".join(f"{r.side + ' ' if r.side else ''}{r.region}" for r in technique.regions)
        minutes = f"{technique.minutes} min" if technique.minutes is not None else "no minutes"
        row("technique", f"{technique.technique}, {minutes}{', ' + regions if regions else ''}", technique.span)
    totals = (("total timed", facts.total_timed_minutes), ("total treatment", facts.total_treatment_minutes))
    for name, number in totals:
        if number:
            row(name, f"{number.value:g} min", number.span)
    pregnancy = facts.pregnancy
    if pregnancy.gestational_age:
        row("gestational age", pregnancy.gestational_age, pregnancy.gestational_age_span)
    if pregnancy.edd:
        row("due date", pregnancy.edd, pregnancy.edd_span)
    if pregnancy.postpartum_weeks is not None:
        row("postpartum", f"{pregnancy.postpartum_weeks} weeks", pregnancy.postpartum_span)
    if pregnancy.high_risk:
        row("high risk", "yes", pregnancy.high_risk_span)
    for position in facts.positions:
        row("position", position.concept, position.span)
    for condition in facts.conditions:
        side = f" ({condition.side})" if condition.side else ""
        row("condition", f"{condition.concept}{side}: {condition.status}", condition.span)
    for precaution in facts.precautions:
        row("precaution", f"{precaution.concept}: {precaution.status}", precaution.span)
    for pain in facts.pain:
        row("pain", f"{pain.score:g}/10 {pain.scale} {pain.when}", pain.span)
    for limitation in facts.functional_limitations:
        row("limitation", limitation.value or "", limitation.span)
    for measure in facts.outcome_measures:
        row("outcome measure", f"{measure.name} {measure.value:g}", measure.span)
    if facts.referral:
        who = " ".join(x for x in (facts.referral.name, facts.referral.credential) if x)
        row("referral", f"{who or 'named'}{', ' + str(facts.referral.date) if facts.referral.date else ''}",
            facts.referral.span)
    if facts.plan_of_care:
        plan = facts.plan_of_care
        row("plan of care", f"{plan.frequency_per_week or '?'}x/week for {plan.duration_weeks or '?'} weeks", plan.span)
    for goal in facts.goals:
        row("goal", "measurable" if goal.measurable else "not measurable", goal.span)
    for response in facts.responses:
        row("response", "stated", response.span)
    if facts.therapist:
        signer = facts.therapist
        who = ", ".join(x for x in (signer.name, signer.credential, f"NPI {signer.npi}" if signer.npi else None) if x)
        row("signature", who + ("" if signer.signed else " (unsigned)"), signer.span)
    console.print(table)
