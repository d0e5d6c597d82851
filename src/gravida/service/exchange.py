"""Claims exchange for the faces: claims, letters and envelopes from files; 837P, PDFs and FHIR out; 835 and 837P in.

Why a use-case module of its own: the interchange writers and readers are pure (text and bytes in and out, no clock,
no files), and the CLI should stay a thin face. Here the two meet: files are read and named in every error, each
error the writers raise is tied back to the file its claim came from, and outputs are written whole or not at all
(every document is rendered in memory first, then staged next to its target and renamed into place), so a claim
that fails half-way through a batch never leaves a partial file behind.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gravida.domain import InputError
from gravida.domain.encounter import Credential
from gravida.domain.letters import LetterOfNecessity
from gravida.domain.remittance import Remittance
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.fhir import FhirError, claim_from_fhir, claim_to_bundle, eob_from_remittance
from gravida.interchange.pdf import ClaimDocumentError, Pointers, render_cms1500, render_lmn, render_superbill
from gravida.interchange.remittance_match import RemittanceMatch, match_remittance
from gravida.interchange.x12 import (
    BalanceProblem,
    Claim837Error,
    Directory,
    Envelope,
    SkippedClaim,
    X12Error,
    balance_problems,
    read_835,
    read_837p,
    write_837p,
)
from gravida.interchange.x12.read_837p import PayerPlan
from gravida.interchange.x12.write_837p import CLAIMS_PER_TRANSACTION
from gravida.knowledge import Knowledge, default_knowledge
from gravida.service import describe_validation_error, read_json_file

__all__ = [
    "BalanceProblem",
    "ClaimFile",
    "ClaimsRead",
    "Output",
    "Pointers",
    "RemittanceMatch",
    "RemittanceRead",
    "claim_files",
    "claims_contract",
    "export_837p",
    "export_cms1500",
    "export_eobs",
    "export_fhir",
    "export_letter",
    "export_superbills",
    "load_claims",
    "load_envelope",
    "load_letter",
    "parse_payer_mapping",
    "per_claim_targets",
    "read_claims",
    "read_remittance",
    "read_x12_text",
    "write_outputs",
]

#: X12 files are read whole; a year of a busy practice's remittances fits well under this.
MAX_X12_BYTES = 200_000_000
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


# --- claims, letters and envelopes from files ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimFile:
    """A claim and the file it came from, so that every later error can name the file."""

    path: Path
    claim: ClaimSubmission
    index: int | None = None  # its position when the file holds a list of claims

    @property
    def where(self) -> str:
        return f"{self.path}[{self.index}]" if self.index is not None else str(self.path)


def load_claims(paths: Sequence[Path]) -> list[ClaimFile]:
    """Claims from JSON files: each file holds one claim (`gravida schema claim`) or a list of them.

    A list is what `gravida claim read --json` prints, so an 837P read back can be exported again as it is.
    """
    if not paths:
        raise InputError("CLAIM", "give at least one claim JSON file")
    loaded: list[ClaimFile] = []
    for path in paths:
        data = read_json_file(path)
        if isinstance(data, list):
            if not data:
                raise InputError(str(path), "holds an empty list: no claims to read")
            loaded.extend(ClaimFile(path, _claim(item, f"{path}[{i}]"), i) for i, item in enumerate(data))
        else:
            loaded.append(ClaimFile(path, _claim(data, str(path))))
    return loaded


def _claim(data: Any, where: str) -> ClaimSubmission:
    try:
        return ClaimSubmission.model_validate(data)
    except ValidationError as exc:
        error = describe_validation_error(exc, "claim")
        raise InputError(f"{where}: {error.field}", error.problem) from None


def load_envelope(
    path: Path, *, control_number: int | None = None, created: datetime | None = None, now: datetime | None = None
) -> Envelope:
    """The 837P interchange settings from a JSON file (see examples/envelope.json).

    The control number and the creation time usually change with every file, so they may come from the caller
    instead: `control_number` and `created` win over the file; `now` is the creation time when neither gives one.
    """
    data = read_json_file(path)
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a JSON object of envelope settings (see examples/envelope.json)")
    data = dict(data)
    if control_number is not None:
        data["interchange_control_number"] = control_number
    elif "interchange_control_number" not in data:
        raise InputError(
            "--control-number",
            f"give the interchange control number (ISA13) with --control-number or as interchange_control_number "
            f"in {path}; every file you send needs a new one",
        )
    if created is not None:
        data["created"] = created
    elif "created" not in data:
        if now is None:
            raise InputError("--created", "give the creation time of the file")
        data["created"] = now.replace(microsecond=0)
    try:
        return Envelope.model_validate(data)
    except ValidationError as exc:
        error = describe_validation_error(exc, "envelope")
        raise InputError(f"{path}: {error.field}", error.problem) from None


def load_letter(path: Path, claim: ClaimSubmission, *, written_on: date | None, today: date) -> LetterOfNecessity:
    """The letter's facts from a JSON file, with the dates the claim can honestly supply filled in.

    The condition, the treatment and the frequency are the obstetric provider's words and must be in the file.
    `written_on` (the argument) wins over the file's, which wins over `today`. When the file gives neither `start`
    nor `end`, they are the claim's plan of care (without one, `start` is the referral date, else the date of
    service), and `duration` defaults to the plan of care's length.
    """
    data = read_json_file(path)
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a JSON object with the letter's facts (see examples/letter.json)")
    data = dict(data)
    if written_on is not None:
        data["written_on"] = written_on.isoformat()
    data.setdefault("written_on", today.isoformat())
    plan = claim.plan_of_care
    if "start" not in data and "end" not in data:  # the plan's dates only as a pair, never mixed with the file's
        referral_date = claim.referral.date if claim.referral else None
        data["start"] = (plan.start if plan else referral_date or claim.date_of_service).isoformat()
        if plan is not None and plan.end is not None:
            data["end"] = plan.end.isoformat()
            data.setdefault("duration", _duration(plan.start, plan.end))
    try:
        return LetterOfNecessity.model_validate(data)
    except ValidationError as exc:
        error = describe_validation_error(exc, "letter")
        problem = error.problem
        if error.field in {"condition", "treatment", "frequency", "duration"} and problem == "is required":
            problem = "is required: the obstetric provider's own words (Gravida does not write them)"
        raise InputError(f"{path}: {error.field}", problem) from None


def _duration(start: date, end: date) -> str:
    """The length of the plan of care: whole weeks when it is whole weeks, else the end date itself."""
    days = (end - start).days
    if days > 0 and days % 7 == 0:
        return f"{days // 7} weeks"
    return f"through {end:%B} {end.day}, {end.year}"


# --- documents out -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Output:
    """One file to write: its bytes, what it is and which claims it holds."""

    path: Path
    data: bytes
    kind: str
    claims: tuple[str, ...]
    pages: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": self.kind,
            "claims": list(self.claims),
            "pages": self.pages,
            "bytes": len(self.data),
            **self.details,
        }


def _where(claims: Sequence[ClaimFile], claim_id: str, fails: Callable[[ClaimSubmission], bool]) -> str:
    """The file of the claim a batch writer refused: the one with its id, or of several, the one that fails alone."""
    candidates = [c for c in claims if c.claim.claim_id == claim_id]
    if len(candidates) > 1:
        candidates = [c for c in candidates if fails(c.claim)] or candidates
    return candidates[0].where if candidates else "claim"


def _refused(render: Callable[[ClaimSubmission], object], error: type[Exception]) -> Callable[[ClaimSubmission], bool]:
    def fails(claim: ClaimSubmission) -> bool:
        try:
            render(claim)
        except error:
            return True
        return False

    return fails


def _single_target(target: Path) -> Path:
    if target.is_dir():
        raise InputError(str(target), "is a folder; -o names the file to write")
    if not target.parent.is_dir():
        raise InputError(str(target), f"cannot write it: the folder {target.parent} does not exist")
    return target


def _folder_for(count: int, target: Path) -> bool:
    """Whether `target` is a folder to write `count` files in (else it is the one file); refuses a file for many."""
    if count == 1 and not target.is_dir():
        _single_target(target)
        return False
    if target.exists() and not target.is_dir():
        raise InputError(
            str(target), f"is a file; with {count} claims -o names a folder, and each claim gets a file in it"
        )
    return True


def _file_name(claim_id: str, suffix: str) -> str:
    return _UNSAFE_NAME.sub("_", claim_id).strip(".") + suffix


def per_claim_targets(claims: Sequence[ClaimFile], target: Path, suffix: str) -> list[Path]:
    """One claim: `target` is the file (or a folder to put `<claim id><suffix>` in). More: `target` is a folder."""
    if not _folder_for(len(claims), target):
        return [target]
    paths: dict[str, ClaimFile] = {}
    for item in claims:
        name = _file_name(item.claim.claim_id, suffix)
        if name in paths:
            raise InputError(
                item.where,
                f"claim {item.claim.claim_id!r} would be written to {name}, like the claim in {paths[name].where}; "
                "give claims distinct claim ids",
            )
        paths[name] = item
    return [target / name for name in paths]


def _page_count(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


def export_837p(claims: Sequence[ClaimFile], envelope: Envelope, target: Path, *, line_breaks: bool = False) -> Output:
    """All claims in one 837P interchange, in the order given."""
    path = _single_target(target)
    try:
        text = write_837p([c.claim for c in claims], envelope, line_breaks=line_breaks)
    except Claim837Error as exc:
        fails = _refused(lambda claim: write_837p([claim], envelope), Claim837Error)
        raise InputError(_where(claims, exc.claim_id, fails), str(exc)) from None
    transactions = -(-len(claims) // CLAIMS_PER_TRANSACTION)
    details = {
        "interchange_control_number": envelope.interchange_control_number,
        "usage": envelope.usage,
        "transaction_sets": transactions,
    }
    return Output(path, text.encode("ascii"), "837P", tuple(c.claim.claim_id for c in claims), None, details)


def export_cms1500(
    claims: Sequence[ClaimFile], target: Path, *, accept_assignment: bool = True, pointers: Pointers = "all"
) -> Output:
    """All claims in one PDF of 1500 forms; each claim takes as many pages as its lines need (six lines a page)."""
    path = _single_target(target)
    try:
        data = render_cms1500([c.claim for c in claims], accept_assignment=accept_assignment, pointers=pointers)
    except ClaimDocumentError as exc:
        fails = _refused(lambda claim: render_cms1500(claim, pointers=pointers), ClaimDocumentError)
        raise InputError(_where(claims, exc.claim_id, fails), str(exc)) from None
    return Output(path, data, "CMS-1500", tuple(c.claim.claim_id for c in claims), _page_count(data))


def export_superbills(claims: Sequence[ClaimFile], target: Path, *, issued_on: date | None = None) -> list[Output]:
    """One superbill PDF per claim: each goes to its own patient (or the same patient's own visit)."""
    outputs = []
    for item, path in zip(claims, per_claim_targets(claims, target, ".pdf"), strict=True):
        try:
            data = render_superbill(item.claim, issued_on=issued_on)
        except ClaimDocumentError as exc:
            raise InputError(item.where, str(exc)) from None
        outputs.append(Output(path, data, "superbill", (item.claim.claim_id,), _page_count(data)))
    return outputs


def export_letter(item: ClaimFile, letter: LetterOfNecessity, target: Path) -> Output:
    """The letter of medical necessity for one claim's patient, for the obstetric provider to sign."""
    path = per_claim_targets([item], target, ".pdf")[0]
    try:
        data = render_lmn(item.claim, letter)
    except ClaimDocumentError as exc:
        raise InputError(item.where, str(exc)) from None
    return Output(path, data, "letter of medical necessity", (item.claim.claim_id,), _page_count(data))


def export_fhir(claims: Sequence[ClaimFile], target: Path, *, created: date | None, today: date) -> list[Output]:
    """One FHIR R4B collection Bundle (Claim first, then what it references) per claim, as JSON.

    Claim.created is `created` when given, else the claim's submission date, else `today`.
    """
    outputs = []
    for item, path in zip(claims, per_claim_targets(claims, target, ".json"), strict=True):
        try:
            bundle = claim_to_bundle(item.claim, created=created or item.claim.submitted_on or today)
        except FhirError as exc:
            raise InputError(item.where, str(exc)) from None
        data = (bundle.model_dump_json(indent=2) + "\n").encode("utf-8")
        outputs.append(Output(path, data, "FHIR R4B Bundle", (item.claim.claim_id,), None))
    return outputs


def export_eobs(path: Path, target: Path, *, created: date | None = None) -> list[Output]:
    """One FHIR R4B ExplanationOfBenefit per claim an 835 file answers, as JSON.

    An 835 may answer the same claim twice (a reversal and its correction): the second and later answers to a
    claim get `-2`, `-3`... after its id, so no answer is lost. ExplanationOfBenefit.created is `created` when
    given, else the 835's production date, else its payment date.
    """
    read = read_remittance(path)
    payments = [(remittance, payment) for remittance in read.remittances for payment in remittance.claims]
    if not payments:
        raise InputError(str(path), "answers no claim (it has no CLP claim payment): there is nothing to export")
    folder = _folder_for(len(payments), target)
    seen: dict[str, int] = {}
    outputs = []
    for remittance, payment in payments:
        seen[payment.claim_id] = seen.get(payment.claim_id, 0) + 1
        repeat = seen[payment.claim_id]
        name = _file_name(payment.claim_id + (f"-{repeat}" if repeat > 1 else ""), ".json")
        try:
            eob = eob_from_remittance(remittance, payment, created=created)
        except FhirError as exc:
            raise InputError(f"{path}, claim {payment.claim_id}", str(exc)) from None
        data = (eob.model_dump_json(indent=2) + "\n").encode("utf-8")
        outputs.append(Output(target / name if folder else target, data, "FHIR R4B ExplanationOfBenefit",
                              (payment.claim_id,), None))
    return outputs


def write_outputs(outputs: Iterable[Output]) -> None:
    """Write every output or none: each is staged next to its target, and renamed into place once all are staged."""
    staged: list[tuple[Path, Path]] = []
    made: list[Path] = []
    current: Path | None = None
    try:
        for output in outputs:
            current = output.path
            folder = output.path.parent
            if not folder.exists():
                folder.mkdir(parents=True)
                made.append(folder)
            temporary = folder / f".{output.path.name}.{secrets.token_hex(4)}.tmp"
            staged.append((temporary, output.path))
            with temporary.open("xb") as handle:
                handle.write(output.data)
        for temporary, final in staged:
            current = final
            os.replace(temporary, final)
    except OSError as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for folder in reversed(made):
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
        raise InputError(str(current), f"cannot write it ({exc.strerror or exc})") from None


# --- X12 files in --------------------------------------------------------------------------------------------


def read_x12_text(path: Path) -> str:
    """An X12 file's text; X12 is ASCII, and a Latin-1 byte is read as itself rather than refused."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    if not path.is_file():
        raise InputError(str(path), "not a file")
    if path.stat().st_size > MAX_X12_BYTES:
        raise InputError(str(path), f"the file is larger than {MAX_X12_BYTES // 1_000_000} MB")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(str(path), "not a text file (an X12 interchange is text)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


@dataclass(frozen=True, slots=True)
class RemittanceRead:
    """An 835 file read: its transaction sets, what does not balance in each, and the match to our claims."""

    path: Path
    remittances: tuple[Remittance, ...]
    problems: tuple[tuple[BalanceProblem, ...], ...]
    match: RemittanceMatch | None = None

    def to_contract(self) -> dict[str, Any]:
        """The JSON `gravida remit read --json` prints: each Remittance as its model dumps it, plus its problems."""
        return {
            "file": str(self.path),
            "remittances": [
                {
                    **remittance.model_dump(mode="json"),
                    "balance_problems": [_problem_dict(p) for p in problems],
                }
                for remittance, problems in zip(self.remittances, self.problems, strict=True)
            ],
            "match": _match_dict(self.match) if self.match is not None else None,
        }


def _problem_dict(problem: BalanceProblem) -> dict[str, Any]:
    return {
        "level": problem.level,
        "claim_id": problem.claim_id,
        "line": problem.line,
        "expected": str(problem.expected),
        "found": str(problem.found),
        "message": problem.message,
    }


def _match_dict(match: RemittanceMatch) -> dict[str, Any]:
    return {
        "matched": [
            {
                "claim_id": m.submission.claim_id,
                "status": m.payment.status,
                "paid": str(m.payment.paid),
                "lines": [
                    {"submitted_line": line.submitted_index + 1, "paid_line": line.paid_index + 1, "basis": line.basis}
                    for line in m.lines
                ],
                "unmatched_submitted_lines": [i + 1 for i in m.unmatched_submitted_lines],
                "unmatched_paid_lines": [i + 1 for i in m.unmatched_paid_lines],
            }
            for m in match.matched
        ],
        "unknown": [p.claim_id for p in match.unknown],
        "unanswered": [s.claim_id for s in match.unanswered],
    }


def read_remittance(path: Path, claims: Sequence[ClaimFile] = ()) -> RemittanceRead:
    """Every 835 transaction set in a file, with its balancing problems; matched to `claims` when given."""
    try:
        remittances = read_835(read_x12_text(path))
    except X12Error as exc:
        raise InputError(str(path), str(exc)) from None
    if not remittances:
        raise InputError(str(path), "holds no 835 transaction set")
    match = None
    if claims:
        try:
            match = match_remittance(remittances, [c.claim for c in claims])
        except ValueError as exc:
            raise InputError("--claims", str(exc)) from None
    problems = tuple(tuple(balance_problems(r)) for r in remittances)
    return RemittanceRead(path, tuple(remittances), problems, match)


@dataclass(frozen=True, slots=True)
class ClaimsRead:
    """Claims read from a file: an 837P interchange (with its envelope) or a FHIR Bundle; what was not read, why."""

    path: Path
    kind: str
    claims: tuple[ClaimSubmission, ...]
    envelope: Envelope | None = None
    skipped: tuple[SkippedClaim, ...] = ()
    warnings: tuple[str, ...] = ()
    unmapped_payers: tuple[str, ...] = ()


def parse_payer_mapping(items: Sequence[str], knowledge: Knowledge | None = None) -> dict[str, PayerPlan]:
    """`PAYERID=PACK` or `PAYERID=PACK:PLAN` options: which policy pack the payer an 837P names by its id is."""
    packs = (knowledge or default_knowledge()).payers
    mapping: dict[str, PayerPlan] = {}
    for item in items:
        payer_id, equals, target = item.partition("=")
        pack_text, _, plan_text = target.partition(":")
        if not equals or not payer_id.strip() or not pack_text.strip():
            raise InputError(
                "--payer", f"expected PAYERID=PACK or PAYERID=PACK:PLAN (e.g. SYNMCR01=medicare), got {item!r}"
            )
        pack, plan = pack_text.strip(), plan_text.strip() or None
        if pack not in packs:
            raise InputError("--payer", f"{pack!r} is not a policy pack; see `gravida policy list`")
        if plan is not None and plan not in packs[pack].spec.plans:
            raise InputError("--payer", f"{pack!r} has no plan {plan!r}; see `gravida policy list`")
        mapping[payer_id.strip()] = (pack, plan)
    return mapping


def read_claims(
    path: Path,
    *,
    known: Sequence[ClaimFile] = (),
    payers: Mapping[str, PayerPlan] | None = None,
    credential: str | None = None,
    knowledge: Knowledge | None = None,
) -> ClaimsRead:
    """The claims in an 837P file (or in a FHIR Bundle JSON file, which starts with `{`).

    An 837P names the payer by its clearinghouse id and each provider by NPI; the policy pack and the credentials
    come from the claims the practice already holds (`known`), from `payers` (payer id -> pack and plan), and for
    providers neither names, from their taxonomy code or `credential`.
    """
    text = read_x12_text(path)
    if text.lstrip("\ufeff \t\r\n").startswith("{"):
        read_json_file(path)  # the same errors as every other JSON input: not UTF-8, not JSON
        try:
            return ClaimsRead(path, "FHIR", (claim_from_fhir(path),))
        except FhirError as exc:
            raise InputError(str(path), str(exc)) from None
    default = None
    if credential is not None:
        try:
            default = Credential(credential.strip().upper())
        except ValueError:
            choices = ", ".join(c.value for c in Credential)
            raise InputError("--credential", f"expected one of {choices}, got {credential!r}") from None
    try:
        directory = Directory.of([c.claim for c in known], default)
    except ValueError as exc:
        raise InputError("--claims", str(exc)) from None
    if payers:
        directory = Directory({**directory.payers, **payers}, directory.providers, default)
    try:
        read = read_837p(text, directory)
    except X12Error as exc:
        raise InputError(str(path), str(exc)) from None
    packs = (knowledge or default_knowledge()).payers
    unmapped = sorted({c.payer for c in read.claims if c.payer not in packs})
    return ClaimsRead(path, "837P", read.claims, read.envelope, read.skipped, read.warnings, tuple(unmapped))


def claims_contract(claims: Sequence[ClaimSubmission]) -> list[dict[str, Any]]:
    """Claims as JSON that `load_claims` (and `gravida scrub`, one at a time) reads back unchanged."""
    return [c.model_dump(mode="json", exclude_none=True) for c in claims]


def claim_files(read: ClaimsRead, target: Path) -> list[Output]:
    """Each claim read as its own JSON file (what `gravida scrub` takes): one claim to a file, more to a folder."""
    items = [ClaimFile(read.path, claim, index) for index, claim in enumerate(read.claims)]
    if not items:
        raise InputError(str(read.path), "no claim was read, so there is nothing to write")
    outputs = []
    for item, path in zip(items, per_claim_targets(items, target, ".json"), strict=True):
        data = (json.dumps(claims_contract([item.claim])[0], indent=2) + "\n").encode("utf-8")
        outputs.append(Output(path, data, "claim JSON", (item.claim.claim_id,)))
    return outputs
