"""Commands about claims and payer policy: `scrub`, `schema claim|history`, `policy ...`, `ncci import`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gravida import service
from gravida.cli.app import (
    JsonFlag,
    PlanOption,
    app,
    console,
    ncci_app,
    parse_day,
    policy_app,
    print_findings,
    print_json,
    schema_app,
)
from gravida.knowledge.policy import describe as policy_describe


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
        print_json(result.to_contract())
        return
    style = "bold red" if result.denial_risk >= 0.5 else "yellow" if result.denial_risk >= 0.2 else "green"
    console.print(f"Denial risk: [{style}]{result.denial_risk:.0%}[/]")
    if result.findings:
        print_findings(result.findings)
    else:
        console.print("No problems found: the claim passes every edit for its payer and date of service.")


@schema_app.command("claim")
def schema_claim_command() -> None:
    """Print the JSON Schema of the claim that `gravida scrub` reads."""
    print_json(service.claim_schema())


@schema_app.command("history")
def schema_history_command() -> None:
    """Print the JSON Schema of the history that `--history` reads."""
    print_json(service.history_schema())


@policy_app.command("list")
def policy_list_command(as_json: JsonFlag = False) -> None:
    """The payer policy packs Gravida ships (and any you added under knowledge/data/payers)."""
    packs = service.policy_list()
    if as_json:
        print_json(packs)
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
    day = parse_day(on, "--on")
    values = service.policy_show(payer, day, plan)
    if as_json:
        print_json([v.to_dict() for v in values])
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
    day1, day2 = parse_day(first, "DATE1"), parse_day(second, "DATE2")
    changes = service.policy_diff(payer, day1, day2, plan)
    if as_json:
        print_json([c.to_dict() for c in changes])
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
        print_json([i.to_dict() for i in impacted])
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
        print_json(summary)
        return
    console.print(
        f"Imported {summary['ptp_edits']} PTP edits and {summary['mue_limits']} MUE limits; "
        f"{summary['total_rows']} rows kept in {summary['path']}."
    )
