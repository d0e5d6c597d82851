"""The `gravida` command line: a thin face over `gravida.service`.

Every user-facing failure is one line on stderr and exit status 2; `--json` output keeps the shapes
documented in DESIGN.md so scripts can rely on them.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from gravida import service
from gravida.domain import CodingResult, Encounter, Finding, InputError, Severity
from gravida.knowledge import KnowledgeError
from gravida.knowledge.policy import describe as policy_describe

app = typer.Typer(
    help="Coding and claim intelligence for prenatal massage and manual therapy.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
dx_app = typer.Typer(help="Diagnosis codes (ICD-10-CM) as of a date of service.", no_args_is_help=True)
schema_app = typer.Typer(help="JSON Schemas of Gravida's inputs.", no_args_is_help=True)
policy_app = typer.Typer(
    help="Payer policy packs: list, show on a date, diff between dates, impact.", no_args_is_help=True
)
ncci_app = typer.Typer(
    help="NCCI procedure-to-procedure edits and MUEs from the official CMS files.", no_args_is_help=True
)
app.add_typer(dx_app, name="dx")
app.add_typer(schema_app, name="schema")
app.add_typer(policy_app, name="policy")
app.add_typer(ncci_app, name="ncci")

console = Console()
err_console = Console(stderr=True)

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def _fail(message: str, status: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(status)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


def _parse_day(text: str | None, option: str) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        _fail(f"{option}: expected a date like 2026-03-14, got {text!r}")


def _findings_table(
    findings: tuple[Finding, ...] | list[Finding], title: str = "Findings", patients: list[str] | None = None
) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    if patients is not None:
        table.add_column("patient")
    table.add_column("severity")
    table.add_column("rule")
    table.add_column("message", overflow="fold")
    table.add_column("source", overflow="fold")
    for position, item in enumerate(findings):
        style = _SEVERITY_STYLE[item.severity]
        source = item.citation.title if item.citation else ""
        if item.uncertain:
            source = f"{source} (uncertain)"
        message = item.message + (f"\n[italic]Fix:[/] {item.fix}" if item.fix else "")
        cells = [f"[{style}]{item.severity.value}[/]", item.rule_id, message, source]
        table.add_row(*([patients[position]] if patients is not None else []), *cells)
    return table


def _print_findings(findings: tuple[Finding, ...]) -> None:
    """Problems first, then the reasons for each decision; each with its fix and its source."""
    order = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for item in sorted(findings, key=lambda f: order.index(f.severity)):
        style = _SEVERITY_STYLE[item.severity]
        grid.add_row(f"[{style}]{item.severity.value}[/]", f"[bold]{item.rule_id}[/]")
        grid.add_row("", item.message)
        if item.fix:
            grid.add_row("", f"[italic]Fix:[/] {item.fix}")
        if item.predicted_carc:
            grid.add_row("", f"Likely denial: {item.predicted_carc}")
        if item.citation:
            flag = " [yellow](uncertain)[/]" if item.uncertain else ""
            grid.add_row("", f"[dim]Source: {item.citation.title} <{item.citation.url}>[/]{flag}")
    console.print("[bold]Findings[/] (problems first, then the reason for each decision)")
    console.print(grid, highlight=False)


def _claim_table(result: CodingResult, title: str) -> Table:
    claim = result.claim
    table = Table(title=title)
    table.add_column("code")
    table.add_column("units", justify="right")
    table.add_column("modifiers")
    table.add_column("diagnoses pointed to")
    for line in claim.lines:
        pointed = ", ".join(claim.diagnoses[p - 1].code for p in line.diagnosis_pointers)
        table.add_row(line.code, str(line.units), " ".join(line.modifiers), pointed)
    return table


@app.command("code")
def code_command(
    encounter: Annotated[Path, typer.Argument(help="Encounter JSON file (see `gravida schema encounter`).")],
    history: Annotated[
        Path | None,
        typer.Option("--history", help="Also run the payer's policy edits, with this history (JSON)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Code one encounter: lines, units, modifiers, diagnoses and pointers, with a reason for each."""
    parsed = service.load_encounter(encounter)
    result = service.code(parsed) if history is None else service.code_and_scrub(parsed, service.load_history(history))
    if as_json:
        _print_json(result.to_contract())
        return
    claim = result.claim
    console.print(f"[bold]Claim for {claim.date_of_service} ({claim.payer})[/]")
    for position, diagnosis in enumerate(claim.diagnoses, start=1):
        console.print(f"  {position}. {diagnosis.code}  {diagnosis.description}", highlight=False)
    console.print(_claim_table(result, "Service lines"))
    _print_findings(result.findings)


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
            _fail(f"{item!r}: expected CODE=MINUTES, like 97140=23")
        parsed[code.strip().upper()] = parsed.get(code.strip().upper(), 0) + int(value)
    units = service.count_units(method, parsed, _parse_day(dos, "--dos"))
    if as_json:
        _print_json({"method": method, "units": units})
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
    status = service.check_diagnosis(code, _parse_day(dos, "--dos"))
    if as_json:
        _print_json(status.to_dict())
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


@app.command("scrub")
def scrub_command(
    claim: Annotated[Path, typer.Argument(help="Claim JSON file (see `gravida schema claim`).")],
    history: Annotated[
        Path | None, typer.Option("--history", help="History JSON file (see `gravida schema history`).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check a claim against its payer's rules on its date of service, before it is sent."""
    result = service.scrub(service.load_submission(claim), service.load_history(history))
    if as_json:
        _print_json(result.to_contract())
        return
    style = "bold red" if result.denial_risk >= 0.5 else "yellow" if result.denial_risk >= 0.2 else "green"
    console.print(f"Denial risk: [{style}]{result.denial_risk:.0%}[/]")
    if result.findings:
        _print_findings(result.findings)
    else:
        console.print("No problems found: the claim passes every edit for its payer and date of service.")


@schema_app.command("claim")
def schema_claim_command() -> None:
    """Print the JSON Schema of the claim that `gravida scrub` reads."""
    _print_json(service.claim_schema())


@schema_app.command("history")
def schema_history_command() -> None:
    """Print the JSON Schema of the history that `--history` reads."""
    _print_json(service.history_schema())


@schema_app.command("encounter")
def schema_encounter_command() -> None:
    """Print the JSON Schema of the encounter that `gravida code` reads."""
    _print_json(service.encounter_schema())


@app.command("demo")
def demo_command(
    count: Annotated[int, typer.Option(help="How many synthetic encounters to code.")] = 12,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic data.")] = 2026,
) -> None:
    """Code the bundled synthetic encounters and print the claims and findings."""
    results = service.demo_results(count, seed)
    out = console if console.is_terminal else Console(width=160)
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
        out.print(_findings_table(problems, "Errors and warnings", patients=[p for p, _ in flagged]))
    total_lines = sum(len(r.claim.lines) for _, r in results)
    out.print(
        f"{len(results)} encounters, {total_lines} lines, "
        f"{sum(1 for f in problems if f.severity is Severity.ERROR)} errors, "
        f"{sum(1 for f in problems if f.severity is Severity.WARNING)} warnings."
    )


PlanOption = Annotated[str | None, typer.Option("--plan", help="A plan within the pack, e.g. hmo.")]


@policy_app.command("list")
def policy_list_command(as_json: JsonFlag = False) -> None:
    """The payer policy packs Gravida ships (and any you added under knowledge/data/payers)."""
    packs = service.policy_list()
    if as_json:
        _print_json(packs)
        return
    table = Table(title="Payer policy packs")
    for column in ("id", "kind", "name", "plans"):
        table.add_column(column)
    for pack in packs:
        table.add_row(pack["id"], pack["kind"], pack["name"], ", ".join(pack["plans"]))
    console.print(table)


@policy_app.command("show")
def policy_show_command(
    payer: Annotated[str, typer.Argument(help="Pack id, e.g. medicare.")],
    on: Annotated[str | None, typer.Option("--on", help="Date (YYYY-MM-DD); today by default.")] = None,
    plan: PlanOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Every rule of a payer's pack in force on a date, with its source."""
    day = _parse_day(on, "--on")
    values = service.policy_show(payer, day, plan)
    if as_json:
        _print_json([v.to_dict() for v in values])
        return
    table = Table(title=f"{payer}{' / ' + plan if plan else ''} on {day}")
    for column in ("rule", "value", "since", "source"):
        table.add_column(column, overflow="fold")
    for value in values:
        source = value.source.title if value.source else ""
        table.add_row(
            value.name,
            policy_describe(value.value),
            str(value.effective),
            source + (" [yellow](uncertain)[/]" if value.uncertain else ""),
        )
    console.print(table)


@policy_app.command("diff")
def policy_diff_command(
    payer: Annotated[str, typer.Argument(help="Pack id, e.g. medicare.")],
    first: Annotated[str, typer.Argument(help="First date (YYYY-MM-DD).")],
    second: Annotated[str, typer.Argument(help="Second date (YYYY-MM-DD).")],
    plan: PlanOption = None,
    as_json: JsonFlag = False,
) -> None:
    """What changed in a payer's rules between two dates, with the sources of the changes."""
    day1, day2 = _parse_day(first, "DATE1"), _parse_day(second, "DATE2")
    changes = service.policy_diff(payer, day1, day2, plan)
    if as_json:
        _print_json([c.to_dict() for c in changes])
        return
    if not changes:
        console.print(f"No rule of {payer} differs between {day1} and {day2}.")
        return
    table = Table(title=f"{payer}: {day1} -> {day2}")
    for column in ("rule", "before", "after", "changed on", "sources"):
        table.add_column(column, overflow="fold")
    for change in changes:
        table.add_row(
            change.name,
            policy_describe(change.before),
            policy_describe(change.after),
            ", ".join(map(str, change.changed_on)),
            "; ".join(s.title for s in change.sources),
        )
    console.print(table)


@policy_app.command("impact")
def policy_impact_command(
    new_data: Annotated[Path, typer.Argument(help="Folder with the new version of the rule data.")],
    claims: Annotated[list[Path], typer.Argument(help="Open claim JSON files.")],
    history: Annotated[Path | None, typer.Option("--history", help="History JSON shared by the claims.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Which open claims a new version of the policy data would change, and how."""
    shared_history = service.load_history(history)
    submissions = [(service.load_submission(path), shared_history) for path in claims]
    impacted = service.policy_impact(submissions, service.load_policy_version(new_data), date.today())
    if as_json:
        _print_json([i.to_dict() for i in impacted])
        return
    if not impacted:
        console.print(f"None of the {len(submissions)} claims changes under the new policy data.")
        return
    table = Table(title=f"{len(impacted)} of {len(submissions)} claims change")
    for column in ("claim", "new findings", "gone", "denial risk"):
        table.add_column(column, overflow="fold")
    for item in impacted:
        table.add_row(
            item.claim_id,
            "\n".join(item.added),
            "\n".join(item.removed),
            f"{item.risk_before:.0%} -> {item.risk_after:.0%}",
        )
    console.print(table)


@ncci_app.command("import")
def ncci_import_command(
    files: Annotated[
        list[Path], typer.Argument(help="CMS practitioner PTP files (.txt or .zip) and MUE files (.csv).")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Import the official quarterly NCCI files; the scrubber uses them from then on."""
    summary = service.import_ncci(files)
    if as_json:
        _print_json(summary)
        return
    console.print(
        f"Imported {summary['ptp_edits']} PTP edits and {summary['mue_limits']} MUE limits; "
        f"{summary['total_rows']} rows kept in {summary['path']}."
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


def main() -> None:
    """Entry point: turn every expected failure into one clear line and exit status 2.

    Typer handles usage errors itself (exit 2); what our layers raise is caught here.
    """
    try:
        app()
    except InputError as exc:
        _exit_with(str(exc))
    except KnowledgeError as exc:
        _exit_with(f"knowledge data: {exc}")
    except Exception as exc:  # the last guard: never a traceback for the user
        if os.environ.get("GRAVIDA_DEBUG"):
            raise
        _exit_with(f"internal error ({type(exc).__name__}: {exc}); set GRAVIDA_DEBUG=1 for details", 1)


def _exit_with(message: str, status: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
