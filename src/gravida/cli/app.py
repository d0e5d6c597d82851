"""The Typer applications, the consoles and the output helpers every command module shares."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gravida.domain import CodingResult, Finding, Severity

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

#: No emoji codes: notes, X12 and messages are full of colons (":b:" in "11:B:1" would print as an emoji).
console = Console(emoji=False)
err_console = Console(stderr=True, emoji=False)

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]

PlanOption = Annotated[str | None, typer.Option("--plan", help="A plan within the pack, e.g. hmo.")]


def fail(message: str, status: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(status)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


def parse_day(text: str | None, option: str) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option}: expected a date like 2026-03-14, got {text!r}")


def findings_table(
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


def note_place(text: str, start: int) -> str:
    """'line 12' for a character offset into a note: how a reader finds the words."""
    return f"line {text.count(chr(10), 0, start) + 1}"


def print_findings(
    findings: tuple[Finding, ...], note_text: str | None = None, title: str = "Findings"
) -> None:
    """Problems first, then the reasons for each decision; each with its fix, its source and its note words."""
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
        if note_text is not None:
            for evidence in item.evidence:
                if evidence.start is not None:
                    place = note_place(note_text, evidence.start)
                    grid.add_row("", f"[cyan]Note, {place}:[/] \u201c{escape(evidence.value)}\u201d")
        if item.citation:
            flag = " [yellow](uncertain)[/]" if item.uncertain else ""
            grid.add_row("", f"[dim]Source: {item.citation.title} <{item.citation.url}>[/]{flag}")
    console.print(f"[bold]{title}[/] (problems first, then the reason for each decision)")
    console.print(grid, highlight=False)


def claim_table(result: CodingResult, title: str) -> Table:
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
