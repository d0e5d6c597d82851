"""Commands that move claims between Gravida and payers: `export 837p|cms1500|superbill|lmn|fhir`, `remit read`,
`claim read`.

The clock is read here and only here: the writers take the creation time as an input, so the CLI supplies now
(or the option's value) and the same claims with the same options always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.padding import Padding
from rich.table import Table

from gravida.cli.app import JsonFlag, app, console, err_console, fail, parse_day, print_json
from gravida.domain.remittance import Adjustment, ClaimPayment, Remark, Remittance
from gravida.domain.submission import ClaimSubmission
from gravida.service import exchange

export_app = typer.Typer(
    help="Claims out: an 837P file, CMS-1500 / superbill / letter-of-necessity PDFs, FHIR R4B bundles; an 835 as "
    "FHIR ExplanationOfBenefit.",
    no_args_is_help=True,
)
remit_app = typer.Typer(help="Payers' answers: X12 835 remittance advice.", no_args_is_help=True)
claim_app = typer.Typer(
    help="Claims in files: X12 837P interchanges (and FHIR bundles) read back.", no_args_is_help=True
)
app.add_typer(export_app, name="export")
app.add_typer(remit_app, name="remit")
app.add_typer(claim_app, name="claim")

ClaimFiles = Annotated[
    list[Path],
    typer.Argument(help="Claim JSON files with a parties block (see `gravida schema claim`); a file may hold a list."),
]
OneClaim = Annotated[Path, typer.Argument(help="Claim JSON file with its parties block (see `gravida schema claim`).")]
OutputFile = Annotated[Path, typer.Option("-o", "--output", help="The file to write.")]
OutputPerClaim = Annotated[
    Path, typer.Option("-o", "--output", help="The file to write (one claim), or a folder for a file per claim.")
]
OutputOneClaim = Annotated[
    Path, typer.Option("-o", "--output", help="The file to write, or a folder to put <claim id>.pdf in.")
]

#: X12 835 BPR04 payment method codes (005010X221A1, BPR04 code list), for the payment line.
_PAYMENT_METHODS = {
    "ACH": "ACH (EFT)",
    "CHK": "check",
    "NON": "no payment",
    "FWT": "wire transfer",
    "BOP": "financial institution option",
}


class PointerStyle(StrEnum):
    all = "all"
    primary = "primary"


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _report(outputs: Sequence[exchange.Output], as_json: bool) -> None:
    exchange.write_outputs(outputs)
    if as_json:
        print_json([o.to_dict() for o in outputs])
        return
    for output in outputs:
        count = len(output.claims)
        claims = f"claim {output.claims[0]}" if count == 1 else f"{count} claims"
        parts = [f"{output.kind}, {claims}"]
        if output.pages is not None:
            parts.append(f"{output.pages} page{'s' if output.pages != 1 else ''}")
        if output.kind == "837P":
            details = output.details
            parts.append(
                f"interchange {details['interchange_control_number']:09d} "
                f"({'production' if details['usage'] == 'P' else 'test'}), "
                f"{details['transaction_sets']} transaction set{'s' if details['transaction_sets'] != 1 else ''}"
            )
        parts.append(f"{len(output.data):,} bytes")
        console.print(f"Wrote {output.path}: {'; '.join(parts)}", highlight=False, soft_wrap=True)


# --- export ----------------------------------------------------------------------------------------------------


@export_app.command("837p")
def export_837p_command(
    claims: ClaimFiles,
    output: OutputFile,
    envelope: Annotated[
        Path,
        typer.Option("--envelope", help="Interchange settings JSON: sender, receiver... (see examples/envelope.json)."),
    ],
    control_number: Annotated[
        int | None,
        typer.Option(
            "--control-number",
            min=1,
            max=999_999_999,
            help="ISA13 interchange control number, new for every file you send (overrides the envelope file's).",
        ),
    ] = None,
    created: Annotated[
        str | None, typer.Option("--created", help="Creation time, e.g. 2026-03-20T10:30 (default: now).")
    ] = None,
    line_breaks: Annotated[bool, typer.Option("--line-breaks", help="Each segment on its own line.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """All claims in one X12 837P (005010X222A1) interchange, ready for a clearinghouse."""
    when = _parse_time(created) if created is not None else None
    loaded = exchange.load_claims(claims)
    settings = exchange.load_envelope(envelope, control_number=control_number, created=when, now=_now())
    _report([exchange.export_837p(loaded, settings, output, line_breaks=line_breaks)], as_json)


@export_app.command("cms1500")
def export_cms1500_command(
    claims: ClaimFiles,
    output: OutputFile,
    pointers: Annotated[
        PointerStyle,
        typer.Option("--pointers", help="24E: every diagnosis pointer, or only the first (Medicare's instruction)."),
    ] = PointerStyle.all,
    accept_assignment: Annotated[
        bool, typer.Option("--accept-assignment/--no-accept-assignment", help="Item 27.")
    ] = True,
    as_json: JsonFlag = False,
) -> None:
    """All claims on the 1500 claim form (02/12) in one PDF: a form per claim, more when it has over six lines."""
    loaded = exchange.load_claims(claims)
    style: exchange.Pointers = "primary" if pointers is PointerStyle.primary else "all"
    _report([exchange.export_cms1500(loaded, output, accept_assignment=accept_assignment, pointers=style)], as_json)


@export_app.command("superbill")
def export_superbill_command(
    claims: ClaimFiles,
    output: OutputPerClaim,
    issued_on: Annotated[
        str | None, typer.Option("--issued-on", help="Date on the superbill (default: submitted_on, else the visit).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """A superbill PDF per claim, for out-of-network reimbursement: one claim to -o FILE, several to -o FOLDER."""
    day = parse_day(issued_on, "--issued-on") if issued_on is not None else None
    loaded = exchange.load_claims(claims)
    _report(exchange.export_superbills(loaded, output, issued_on=day), as_json)


@export_app.command("lmn")
def export_lmn_command(
    claim: OneClaim,
    output: OutputOneClaim,
    letter: Annotated[
        Path,
        typer.Option(
            "--letter",
            help="The provider's words: condition, treatment, frequency (examples/letter.json); dates default to "
            "the claim's plan of care.",
        ),
    ],
    written_on: Annotated[
        str | None, typer.Option("--written-on", help="Date of the letter (default: the file's, else today).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """A letter of medical necessity (HSA/FSA) for the obstetric provider to review and sign, as a PDF."""
    day = parse_day(written_on, "--written-on") if written_on is not None else None
    loaded = exchange.load_claims([claim])
    if len(loaded) != 1:
        fail(f"{claim}: holds {len(loaded)} claims; a letter is about one patient, give a file with one claim")
    facts = exchange.load_letter(letter, loaded[0].claim, written_on=day, today=date.today())
    _report([exchange.export_letter(loaded[0], facts, output)], as_json)


@export_app.command("fhir")
def export_fhir_command(
    claims: ClaimFiles,
    output: OutputPerClaim,
    created: Annotated[
        str | None,
        typer.Option("--created", help="Claim.created (default: the claim's submitted_on, else today)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """A FHIR R4B collection Bundle (Claim, Patient, Coverage, ...) per claim, as JSON."""
    day = parse_day(created, "--created") if created is not None else None
    loaded = exchange.load_claims(claims)
    _report(exchange.export_fhir(loaded, output, created=day, today=date.today()), as_json)


@export_app.command("eob")
def export_eob_command(
    file: Annotated[Path, typer.Argument(help="An X12 835 file (a complete ISA ... IEA interchange).")],
    output: OutputPerClaim,
    created: Annotated[
        str | None,
        typer.Option("--created", help="ExplanationOfBenefit.created (default: the 835's production date)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """A FHIR R4B ExplanationOfBenefit per claim an 835 remittance answers, as JSON."""
    day = parse_day(created, "--created") if created is not None else None
    _report(exchange.export_eobs(file, output, created=day), as_json)


def _parse_time(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        fail(f"--created: expected a local date and time like 2026-03-20T10:30, got {text!r}")
    if value.tzinfo is not None:
        fail(f"--created: give a local time without a timezone (X12 times carry none), got {text!r}")
    return value


# --- remit read ------------------------------------------------------------------------------------------------


@remit_app.command("read")
def remit_read_command(
    file: Annotated[Path, typer.Argument(help="An X12 835 file (a complete ISA ... IEA interchange).")],
    claims: Annotated[
        list[Path] | None,
        typer.Option("--claims", help="Claim JSON files to match by patient control number (repeat the option)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """What the payer paid, adjusted and why: payment, claims, lines, CARC/RARC descriptions, balancing."""
    loaded = exchange.load_claims(claims) if claims else []
    result = exchange.read_remittance(file, loaded)
    if as_json:
        print_json(result.to_contract())
        return
    total = len(result.remittances)
    for number, (remittance, problems) in enumerate(zip(result.remittances, result.problems, strict=True), start=1):
        _print_remittance(remittance, f"{number} of {total}", problems)
    if result.match is not None:
        _print_match(result.match, loaded)
    _print_balance_summary(result.problems)


def _money(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:,.2f}"


class _Legend:
    """The descriptions of the codes a remittance uses, shown once below its tables instead of in every cell."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def adjustment(self, adjustment: Adjustment) -> str:
        self.entries.setdefault(("group", adjustment.group), adjustment.group_label)
        self.entries.setdefault(("CARC", adjustment.reason), adjustment.reason_label)
        units = f" ({adjustment.units:g} units)" if adjustment.units is not None else ""
        return f"{adjustment.group}-{adjustment.reason} {_money(adjustment.amount)}{units}"

    def remark(self, remark: Remark) -> str:
        self.entries.setdefault(("RARC", remark.code), remark.label)
        return remark.code

    def table(self) -> Table:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        order = {"group": 0, "CARC": 1, "RARC": 2}
        for (kind, code), label in sorted(self.entries.items(), key=lambda item: order[item[0][0]]):
            grid.add_row(kind, code, label)
        return grid


def _print_remittance(remittance: Remittance, position: str, problems: Sequence[exchange.BalanceProblem]) -> None:
    console.rule(f"[bold]Remittance {remittance.control_number}[/] (835 transaction {position})", align="left")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    method = remittance.payment_method or ""
    method = _PAYMENT_METHODS.get(method, method)
    sign = "-" if remittance.credit_debit == "D" else ""
    payment = f"{sign}{_money(remittance.total_paid)}" + (f" by {method}" if method else "")
    if remittance.payment_date:
        payment += f" on {remittance.payment_date}"
    grid.add_row("Payment", payment)
    grid.add_row("Trace (check/EFT)", remittance.trace_number or "")
    grid.add_row("Payer", _named(remittance.payer_name, remittance.payer_id and f"id {remittance.payer_id}"))
    payee_ids = [f"NPI {remittance.payee_npi}" if remittance.payee_npi else "", _tax_id(remittance.payee_tax_id)]
    grid.add_row("Payee", _named(remittance.payee_name, ", ".join(i for i in payee_ids if i)))
    if remittance.production_date:
        grid.add_row("Produced", str(remittance.production_date))
    grid.add_row("Claims", str(len(remittance.claims)))
    console.print(grid, highlight=False)
    legend = _Legend()
    for claim in remittance.claims:
        _print_claim(claim, legend)
    if remittance.provider_adjustments:
        console.print(_plb_table(remittance))
    if legend.entries:
        console.print("\n[bold]Codes[/]")
        console.print(legend.table(), highlight=False)
    for problem in problems:
        console.print(f"[yellow]warning:[/] {problem.message}", highlight=False, soft_wrap=True)
    for warning in remittance.warnings:
        console.print(f"[yellow]note:[/] {warning}", highlight=False, soft_wrap=True)
    console.print()


def _named(name: str | None, ids: str | None) -> str:
    return ", ".join(part for part in (name, ids) if part)


def _tax_id(value: str | None) -> str:
    return f"tax id {value}" if value else ""


def _print_claim(claim: ClaimPayment, legend: _Legend) -> None:
    """One claim as an EOB shows it: a heading with the claim's totals, then its service lines."""
    status = f"{claim.status} {claim.status_label}".strip()
    heading = f"\n[bold]Claim {claim.claim_id}[/]  status {status}"
    if claim.payer_claim_number:
        heading += f"  payer claim # {claim.payer_claim_number}"
    console.print(heading, highlight=False)
    totals = f"  charged {_money(claim.charge)}  paid {_money(claim.paid)}"
    if claim.patient_responsibility is not None:
        totals += f"  patient responsibility {_money(claim.patient_responsibility)}"
    console.print(totals, highlight=False)
    notes = [legend.adjustment(a) for a in claim.adjustments]
    if notes:
        console.print(f"  claim adjustments: {', '.join(notes)}", highlight=False)
    if claim.remarks:
        console.print(f"  claim remarks: {' '.join(legend.remark(r) for r in claim.remarks)}", highlight=False)
    if not claim.services:
        return
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
    table.add_column("#", justify="right")
    table.add_column("code", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("charged", justify="right", no_wrap=True)
    table.add_column("paid", justify="right", no_wrap=True)
    table.add_column("adjustments", no_wrap=True)
    table.add_column("remarks", overflow="fold")
    for number, line in enumerate(claim.services, start=1):
        code = ":".join((line.code, *line.modifiers))
        if line.original_code:
            code += f"\n(billed {':'.join((line.original_code, *line.original_modifiers))})"
        day = line.service_date or claim.service_from
        table.add_row(
            str(number),
            code,
            str(day or ""),
            _money(line.charge),
            _money(line.paid),
            "\n".join(legend.adjustment(a) for a in line.adjustments),
            " ".join(legend.remark(r) for r in line.remarks),
        )
    console.print(Padding(table, (0, 0, 0, 2)))


def _plb_table(remittance: Remittance) -> Table:
    table = Table(title="Provider-level adjustments (PLB; a positive amount reduces the payment)")
    for column in ("provider", "period end", "reason", "reference"):
        table.add_column(column, overflow="fold")
    table.add_column("amount", justify="right", no_wrap=True)
    for item in remittance.provider_adjustments:
        table.add_row(
            item.provider_id,
            str(item.fiscal_period_end or ""),
            f"{item.reason} {item.reason_label}".strip(),
            item.reference or "",
            _money(item.amount),
        )
    return table


def _print_match(match: exchange.RemittanceMatch, loaded: Sequence[exchange.ClaimFile]) -> None:
    files = {c.claim.claim_id: c.where for c in loaded}
    table = Table(title="Matched to your claims (by patient control number)", box=box.SIMPLE_HEAD)
    for column in ("claim", "file", "status", "paid", "lines", "not matched"):
        table.add_column(column, overflow="fold")
    for item in match.matched:
        unmatched = [f"sent line {i + 1}" for i in item.unmatched_submitted_lines]
        unmatched += [f"paid line {i + 1}" for i in item.unmatched_paid_lines]
        table.add_row(
            item.submission.claim_id,
            files.get(item.submission.claim_id, ""),
            f"{item.payment.status} {item.payment.status_label}".strip(),
            _money(item.payment.paid),
            f"{len(item.lines)} of {len(item.submission.lines)}",
            ", ".join(unmatched),
        )
    if match.matched:
        console.print(table)
    else:
        console.print("None of your claims is in this remittance.")
    if match.unknown:
        ids = ", ".join(p.claim_id for p in match.unknown)
        console.print(f"[yellow]In the remittance but not among your claims:[/] {ids}", highlight=False)
    if match.unanswered:
        ids = ", ".join(s.claim_id for s in match.unanswered)
        console.print(f"[yellow]Your claims this remittance does not answer:[/] {ids}", highlight=False)


def _print_balance_summary(problems: Sequence[Sequence[exchange.BalanceProblem]]) -> None:
    count = sum(len(p) for p in problems)
    if count:
        console.print(f"[yellow]{count} balancing problem(s): see the warnings.[/]")
    else:
        console.print("Balanced: every line, claim and payment adds up to the cent.")


# --- claim read ------------------------------------------------------------------------------------------------


@claim_app.command("read")
def claim_read_command(
    file: Annotated[Path, typer.Argument(help="An X12 837P file (or a FHIR R4B Bundle JSON file).")],
    claims: Annotated[
        list[Path] | None,
        typer.Option(
            "--claims", help="Claims you hold (JSON): they say each payer id's policy pack and each NPI's credential."
        ),
    ] = None,
    payer: Annotated[
        list[str] | None,
        typer.Option("--payer", help="PAYERID=PACK or PAYERID=PACK:PLAN, e.g. SYNMCR01=medicare (repeatable)."),
    ] = None,
    credential: Annotated[
        str | None,
        typer.Option(
            "--credential",
            help="Credential (PT, OT, DC, LMT, ...) of a rendering provider neither the file nor --claims names.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write each claim as JSON: to this file (one claim) or folder."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The claims in an 837P file: patient, payer, lines and totals; --json prints them as claim JSON to reuse."""
    known = exchange.load_claims(claims) if claims else []
    payers = exchange.parse_payer_mapping(payer or [])
    read = exchange.read_claims(file, known=known, payers=payers, credential=credential)
    written = exchange.claim_files(read, output) if output is not None else []
    if written:
        exchange.write_outputs(written)
    for skipped in read.skipped:
        err_console.print(f"[yellow]warning:[/] {file}: {skipped}", highlight=False, soft_wrap=True)
    for warning in read.warnings:
        err_console.print(f"[yellow]note:[/] {file}: {warning}", highlight=False, soft_wrap=True)
    for payer_id in read.unmapped_payers:
        err_console.print(
            f"[yellow]note:[/] payer id {payer_id!r} is not a policy pack, so the claims name it as their payer; "
            f"before scrubbing, give --payer {payer_id}=PACK or --claims with claims you sent to it",
            highlight=False,
            soft_wrap=True,
        )
    if as_json:
        print_json(exchange.claims_contract(read.claims))
        return
    _print_claims_read(read)
    for item in written:
        console.print(f"Wrote {item.path}: claim {item.claims[0]}", highlight=False, soft_wrap=True)


def _print_claims_read(read: exchange.ClaimsRead) -> None:
    envelope = read.envelope
    if envelope is not None:
        usage = "production" if envelope.usage == "P" else "test"
        console.print(
            f"[bold]837P interchange {envelope.interchange_control_number:09d}[/] ({usage}), created "
            f"{envelope.created:%Y-%m-%d %H:%M}, from {envelope.sender_id} to {envelope.receiver_id}; "
            f"submitter {envelope.submitter_name}, receiver {envelope.receiver_name}",
            highlight=False,
            soft_wrap=True,
        )
    else:
        console.print(f"[bold]{read.kind}[/] {read.path}", highlight=False)
    skipped = f", {len(read.skipped)} not read (see the warnings)" if read.skipped else ""
    console.print(f"{len(read.claims)} claim{'s' if len(read.claims) != 1 else ''} read{skipped}", highlight=False)
    total = Decimal(0)
    for claim in read.claims:
        total += _print_claim_read(claim)
    if read.claims:
        console.print(f"\nTotal charges: {_money(total)}", highlight=False)


def _print_claim_read(claim: ClaimSubmission) -> Decimal:
    """One claim as read: who, whom, when, the diagnoses and the lines; returns its total charge."""
    parties = claim.parties
    pack = claim.payer + (f" ({claim.plan})" if claim.plan else "")
    patient, payer = claim.patient.id, f"policy pack {pack}"
    if parties is not None:
        name = parties.patient_name
        patient = f"{name.last}, {name.first}" + (f" {name.middle}" if name.middle else "")
        payer = f"{parties.payer.name} ({parties.payer.payer_id}), policy pack {pack}"
    charges = [Decimal(str(line.charge)).quantize(Decimal("0.01")) for line in claim.lines]
    frequency = "" if claim.frequency == "original" else f" ({claim.frequency})"
    console.print(
        f"\n[bold]Claim {claim.claim_id}[/]{frequency}  {claim.date_of_service}  {patient}  "
        f"total {_money(sum(charges, Decimal(0)))}",
        highlight=False,
    )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("payer", payer)
    grid.add_row("billing", f"{claim.billing_provider.name or ''} NPI {claim.billing_provider.npi}".strip())
    rendering = claim.rendering_provider
    grid.add_row("rendering", f"NPI {rendering.npi} ({rendering.credential.value})")
    grid.add_row("diagnoses", "  ".join(f"{n}:{code}" for n, code in enumerate(claim.diagnoses, start=1)))
    console.print(Padding(grid, (0, 0, 0, 2)), highlight=False)
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
    table.add_column("#", justify="right")
    table.add_column("code", no_wrap=True)
    table.add_column("units", justify="right")
    table.add_column("pointers", no_wrap=True)
    table.add_column("charge", justify="right", no_wrap=True)
    for number, (line, charge) in enumerate(zip(claim.lines, charges, strict=True), start=1):
        table.add_row(
            str(number),
            ":".join((line.code, *line.modifiers)),
            str(line.units),
            ",".join(map(str, line.diagnosis_pointers)),
            _money(charge),
        )
    console.print(Padding(table, (0, 0, 0, 2)))
    return sum(charges, Decimal(0))
