"""Commands that code visits: `code`, `units`, `dx check`, `schema encounter`, `demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from gravida import service
from gravida.cli.app import (
    JsonFlag,
    app,
    claim_table,
    console,
    dx_app,
    fail,
    findings_table,
    parse_day,
    print_findings,
    print_json,
    schema_app,
)
from gravida.domain import Encounter, Severity


@app.command("code")
def code_command(
    source: Annotated[
        Path,
        typer.Argument(help="An encounter JSON file (see `gravida schema encounter`) or a visit note (.txt)."),
    ],
    payer: Annotated[
        str | None,
        typer.Option("--payer", help="The payer's policy pack (needed for a note; see `gravida policy list`)."),
    ] = None,
    patient: Annotated[
        Path | None,
        typer.Option("--patient", help="For a note: visit context JSON (patient, provider, referral, date...)."),
    ] = None,
    history: Annotated[
        Path | None,
        typer.Option("--history", help="Also run the payer's policy edits, with this history (JSON)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Code one visit: lines, units, modifiers, diagnoses and pointers, with a reason for each.

    Give an encounter JSON file, or a visit note as written: Gravida reads the note, shows the words behind each
    line and diagnosis, and audits the documentation.
    """
    if source.suffix.lower() != ".json":
        from gravida.cli.notes import code_note_command

        code_note_command(source, payer, patient, history, as_json)
        return
    if payer is not None or patient is not None:
        fail("--payer and --patient apply to notes; an encounter JSON file names its own payer and patient")
    parsed = service.load_encounter(source)
    result = service.code(parsed) if history is None else service.code_and_scrub(parsed, service.load_history(history))
    if as_json:
        print_json(result.to_contract())
        return
    claim = result.claim
    console.print(f"[bold]Claim for {claim.date_of_service} ({claim.payer})[/]")
    for position, diagnosis in enumerate(claim.diagnoses, start=1):
        console.print(f"  {position}. {diagnosis.code}  {diagnosis.description}", highlight=False)
    console.print(claim_table(result, "Service lines"))
    print_findings(result.findings)


@app.command("units")
def units_command(
    minutes: Annotated[list[str], typer.Argument(help="CODE=MINUTES pairs, e.g. 97112=24 97110=23.")],
    method: Annotated[str, typer.Option("--method", help="cms (total time) or cpt (per code).")] = "cms",
    dos: Annotated[str | None, typer.Option("--dos", help="Date of service (YYYY-MM-DD); today by default.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Timed units for codes and minutes by the CMS total-time or the CPT per-code method."""
    parsed: dict[str, int] = {}
    for item in minutes:
        code, sep, value = item.partition("=")
        if not sep or not code or not value.strip().lstrip("-").isdigit():
            fail(f"{item!r}: expected CODE=MINUTES, like 97140=23")
        parsed[code.strip().upper()] = parsed.get(code.strip().upper(), 0) + int(value)
    units = service.count_units(method, parsed, parse_day(dos, "--dos"))
    if as_json:
        print_json({"method": method, "units": units})
        return
    table = Table(title=f"Units ({'CMS total-time' if method == 'cms' else 'CPT per-code'} method)")
    table.add_column("code")
    table.add_column("minutes", justify="right")
    table.add_column("units", justify="right")
    for code, mins in parsed.items():
        table.add_row(code, str(mins), str(units.get(code, 0)))
    console.print(table)


@dx_app.command("check")
def dx_check_command(
    code: Annotated[str, typer.Argument(help="ICD-10-CM code, with or without the dot.")],
    dos: Annotated[str | None, typer.Option("--dos", help="Date of service (YYYY-MM-DD); today by default.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Is a diagnosis code valid and billable on a date of service? If not, what replaces it."""
    day = parse_day(dos, "--dos")
    status = service.check_diagnosis(code, day)
    if as_json:
        print_json(status.to_dict())
        return
    verdict = (
        "[green]billable[/]"
        if status.billable
        else ("[yellow]valid but not billable[/]" if status.valid else "[red]not valid[/]")
    )
    console.print(f"{status.code}: {verdict}  {status.description}", highlight=False)
    if status.reason:
        console.print(f"  {status.reason}", highlight=False)
    if status.replacements:
        console.print(f"  use instead: {', '.join(status.replacements)}", highlight=False)
    stale = service.code_set_warning(day)
    if stale:
        console.print(f"  [yellow]note:[/] {stale}", highlight=False, soft_wrap=True)


@schema_app.command("encounter")
def schema_encounter_command() -> None:
    """Print the JSON Schema of the encounter that `gravida code` reads."""
    print_json(service.encounter_schema())


@app.command("demo")
def demo_command(
    count: Annotated[int, typer.Option(help="How many synthetic encounters to code.")] = 12,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic data.")] = 2026,
) -> None:
    """Code the bundled synthetic encounters and print the claims and findings."""
    results = service.demo_results(count, seed)
    out = console if console.is_terminal else Console(width=160, emoji=False)
    table = Table(title=f"Gravida demo: {count} synthetic prenatal encounters (seed {seed})", show_lines=True)
    for column in ("patient", "date", "payer", "by", "pregnancy", "diagnoses", "lines", "problems"):
        table.add_column(column, overflow="fold")
    for encounter, result in results:
        lines = "\n".join(
            f"{line.code} x{line.units} {' '.join(line.modifiers)} -> {','.join(map(str, line.diagnosis_pointers))}"
            for line in result.claim.lines
        )
        problems = [f for f in result.findings if f.severity is not Severity.INFO]
        table.add_row(
            encounter.patient.id,
            str(encounter.date_of_service),
            encounter.payer,
            encounter.provider.credential.value,
            _pregnancy_label(encounter),
            " ".join(d.code for d in result.claim.diagnoses),
            lines,
            "\n".join(f"{f.severity.value}: {f.rule_id}" for f in problems) or "none",
        )
    out.print(table)
    flagged = [(e.patient.id, f) for e, r in results for f in r.findings if f.severity is not Severity.INFO]
    problems = [f for _, f in flagged]
    if problems:
        out.print(findings_table(problems, "Errors and warnings", patients=[p for p, _ in flagged]))
    total_lines = sum(len(r.claim.lines) for _, r in results)
    out.print(
        f"{len(results)} encounters, {total_lines} lines, "
        f"{sum(1 for f in problems if f.severity is Severity.ERROR)} errors, "
        f"{sum(1 for f in problems if f.severity is Severity.WARNING)} warnings."
    )


def _pregnancy_label(encounter: Encounter) -> str:
    pregnancy = encounter.pregnancy
    if pregnancy is None:
        return "not pregnant"
    if pregnancy.postpartum_weeks is not None:
        return f"{pregnancy.postpartum_weeks} wk postpartum"
    if pregnancy.gestational_age:
        return pregnancy.gestational_age
    return f"EDD {pregnancy.edd}" if pregnancy.edd else "pregnant"
