"""`gravida export ...`, `gravida remit read` and `gravida claim read` as a user runs them: real files in and out.

Most tests call the real entry point (`gravida.cli.main`, the function the `gravida` script runs) in-process with
its arguments, so that the one-line errors and exit codes are the user's; one test runs the installed script as a
separate process. The claims are the synthetic examples shipped in examples/; the PDFs are read back with poppler's
pdftotext, the 837P files are checked by pyx12 and the FHIR bundles are imported again.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gravida.cli import main
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.fhir import claim_from_fhir
from gravida.interchange.x12 import carried_by_837p
from pyx12_check import pyx12_errors as pyx12_text_errors

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
MEDICARE = EXAMPLES / "claim-medicare.json"
COMMERCIAL = EXAMPLES / "claim-commercial.json"
NO_PARTIES = EXAMPLES / "claim.json"
ENVELOPE = EXAMPLES / "envelope.json"
LETTER = EXAMPLES / "letter.json"
REMITTANCE = EXAMPLES / "remittance.835"
SAMPLES = Path("/work/shared/x12-samples")
if not SAMPLES.is_dir():
    SAMPLES = ROOT.parent / "shared" / "x12-samples"
GRAVIDA = str(Path(sys.executable).parent / "gravida")


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def gravida(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run the CLI's entry point with arguments; return its exit status, stdout and stderr."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["gravida", *map(str, args)])
        with pytest.raises(SystemExit) as exit_:
            main()
        captured = capsys.readouterr()
        code = exit_.value.code
        return Run(code if isinstance(code, int) else (0 if code is None else 1), captured.out, captured.err)

    return run


def claim(path: Path) -> ClaimSubmission:
    return ClaimSubmission.model_validate_json(path.read_text(encoding="utf-8"))


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def pyx12_errors(path: Path) -> list[str]:
    """Every error pyx12 finds in an X12 file on disk."""
    return pyx12_text_errors(path.read_text(encoding="ascii"))


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- export 837p -----------------------------------------------------------------------------------------------


def test_837p_export_holds_both_claims_and_pyx12_finds_no_error(gravida: Any, tmp_path: Path) -> None:
    target = tmp_path / "claims.837"
    run = gravida(
        "export", "837p", MEDICARE, COMMERCIAL, "--envelope", ENVELOPE, "--control-number", "42",
        "--created", "2026-03-20T10:30", "-o", target,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert f"Wrote {target}: 837P, 2 claims" in run.out and "interchange 000000042 (test)" in run.out
    text = target.read_text(encoding="ascii")
    assert text.startswith("ISA*") and "*260320*1030*^*00501*000000042*0*T*:~" in text
    assert "GS*HC*SYNPRENATAL*SYNCLEARING*20260320*1030*42*X*005010X222A1~" in text
    assert re.findall(r"CLM\*([^*]+)\*", text) == ["SYN-EXAMPLE-1-20260312", "SYN-EXAMPLE-2-20260313"]
    assert "SV1*HC:97124:XS:GP*55*UN*1***1:4~" in text
    assert text.endswith("IEA*1*000000042~")
    assert pyx12_errors(target) == []


def test_837p_created_defaults_to_now_and_the_envelope_file_can_hold_the_control_number(
    gravida: Any, tmp_path: Path
) -> None:
    envelope = json.loads(ENVELOPE.read_text()) | {"interchange_control_number": 7, "usage": "P"}
    settings = tmp_path / "envelope.json"
    settings.write_text(json.dumps(envelope))
    target = tmp_path / "claims.837"
    before = datetime.now()
    run = gravida("export", "837p", MEDICARE, "--envelope", settings, "-o", target, "--line-breaks", "--json")
    after = datetime.now()
    assert run.code == 0, run.err
    summary = json.loads(run.out)
    assert summary == [
        {
            "path": str(target),
            "format": "837P",
            "claims": ["SYN-EXAMPLE-1-20260312"],
            "pages": None,
            "bytes": target.stat().st_size,
            "interchange_control_number": 7,
            "usage": "P",
            "transaction_sets": 1,
        }
    ]
    lines = target.read_text().splitlines()
    assert lines[0].endswith("*000000007*0*P*:~") and lines[-1] == "IEA*1*000000007~"
    isa_date = lines[0].split("*")[9]
    assert isa_date in {f"{before:%y%m%d}", f"{after:%y%m%d}"}
    assert pyx12_errors(target) == []


# --- PDFs ------------------------------------------------------------------------------------------------------


def test_cms1500_puts_every_claim_in_one_pdf(gravida: Any, tmp_path: Path) -> None:
    target = tmp_path / "forms.pdf"
    run = gravida("export", "cms1500", MEDICARE, COMMERCIAL, "-o", target, "--pointers", "primary")
    assert run.code == 0, run.err
    assert "CMS-1500, 2 claims; 2 pages" in run.out
    text = pdf_text(target)
    assert text.count("1500") >= 2
    for claim_id in ("SYN-EXAMPLE-1-20260312", "SYN-EXAMPLE-2-20260313"):
        assert claim_id in text
    for code in ("97140", "97124", "97530", "97110", "O26893", "M5450", "Z3A31", "O26892"):
        assert code in text, code
    assert "SAMPLETON, AVERY, J" in text and "1234567893" in text


def test_superbills_go_one_per_claim_into_a_folder_or_one_file(gravida: Any, tmp_path: Path) -> None:
    folder = tmp_path / "superbills"
    run = gravida("export", "superbill", MEDICARE, COMMERCIAL, "-o", folder, "--issued-on", "2026-03-21")
    assert run.code == 0, run.err
    assert files_in(folder) == ["SYN-EXAMPLE-1-20260312.pdf", "SYN-EXAMPLE-2-20260313.pdf"]
    assert run.out.count("superbill, claim") == 2
    second = pdf_text(folder / "SYN-EXAMPLE-2-20260313.pdf")
    assert "SYN-EXAMPLE-2-20260313" in second and "97140" in second and "97110" in second
    assert "O26.892" in second and "03/21/2026" in second
    single = tmp_path / "one.pdf"
    assert gravida("export", "superbill", MEDICARE, "-o", single).code == 0
    first = pdf_text(single)
    assert "SYN-EXAMPLE-1-20260312" in first and "97530" in first and "SYN-EXAMPLE-2" not in first


def test_letter_takes_the_providers_words_and_the_plan_of_care_dates(gravida: Any, tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    run = gravida("export", "lmn", MEDICARE, "--letter", LETTER, "--written-on", "2026-03-02", "-o", target)
    assert run.code == 0, run.err
    assert "letter of medical necessity, claim SYN-EXAMPLE-1-20260312; 1 page" in run.out
    text = re.sub(r"\s+", " ", pdf_text(target))
    assert "March 2, 2026" in text
    assert "Pregnancy-related low back and pelvic girdle pain since week 24" in text
    assert "Frequency 1 visit per week" in text
    assert "Duration 12 weeks" in text and "Dates 02/24/2026 to 05/19/2026" in text  # from the plan of care
    assert "Riley Placeholder, CNM" in text and "NPI 1245319599" in text
    assert "O26.893" in text and "Avery J. Sampleton" in text


def test_letter_dates_given_in_the_file_win_over_the_claims(gravida: Any, tmp_path: Path) -> None:
    letter = json.loads(LETTER.read_text()) | {"start": "2026-03-02", "duration": "8 weeks", "written_on": "2026-03-01"}
    path = tmp_path / "letter.json"
    path.write_text(json.dumps(letter))
    run = gravida("export", "lmn", MEDICARE, "--letter", path, "-o", tmp_path / "letter.pdf")
    assert run.code == 0, run.err
    text = re.sub(r"\s+", " ", pdf_text(tmp_path / "letter.pdf"))
    assert "Duration 8 weeks" in text and "Dates from 03/02/2026" in text and "March 1, 2026" in text


# --- FHIR ------------------------------------------------------------------------------------------------------


def test_fhir_bundles_import_back_to_the_same_claims(gravida: Any, tmp_path: Path) -> None:
    folder = tmp_path / "fhir"
    run = gravida("export", "fhir", MEDICARE, COMMERCIAL, "-o", folder)
    assert run.code == 0, run.err
    assert files_in(folder) == ["SYN-EXAMPLE-1-20260312.json", "SYN-EXAMPLE-2-20260313.json"]
    for source in (MEDICARE, COMMERCIAL):
        original = claim(source)
        written = folder / f"{original.claim_id}.json"
        bundle = json.loads(written.read_text())
        assert bundle["resourceType"] == "Bundle" and bundle["entry"][0]["resource"]["resourceType"] == "Claim"
        assert bundle["entry"][0]["resource"]["created"] == "2026-03-20"  # the claim's submitted_on
        assert claim_from_fhir(written) == original


def test_fhir_created_option_and_a_single_file(gravida: Any, tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    assert gravida("export", "fhir", NO_PARTIES, "--created", "2026-04-01", "-o", target).code == 0
    bundle = json.loads(target.read_text())
    assert bundle["entry"][0]["resource"]["created"] == "2026-04-01"
    assert claim_from_fhir(target).model_copy(update={"submitted_on": date(2026, 3, 20)}) == claim(NO_PARTIES)


def test_an_835_exports_as_one_explanation_of_benefit_per_claim_and_reads_back(gravida: Any, tmp_path: Path) -> None:
    from gravida.interchange.fhir import remittance_claim_from_eob
    from gravida.interchange.x12 import read_835

    folder = tmp_path / "eob"
    run = gravida("export", "eob", REMITTANCE, "-o", folder)
    assert run.code == 0, run.err
    payments = [p for remittance in read_835(REMITTANCE.read_text(encoding="ascii")) for p in remittance.claims]
    assert files_in(folder) == sorted(f"{p.claim_id}.json" for p in payments) and len(payments) == 2
    for payment in payments:
        written = folder / f"{payment.claim_id}.json"
        assert json.loads(written.read_text())["resourceType"] == "ExplanationOfBenefit"
        assert remittance_claim_from_eob(written) == payment


def test_every_shared_835_sample_exports_as_fhir_and_reads_back_unchanged(gravida: Any, tmp_path: Path) -> None:
    from gravida.interchange.fhir import remittance_claim_from_eob
    from gravida.interchange.x12 import read_835
    from gravida.service.exchange import read_x12_text

    for sample in sorted(SAMPLES.glob("835*.x12")):
        target = tmp_path / sample.stem
        run = gravida("export", "eob", sample, "-o", target, "--created", "2026-04-01")
        if "edi835parser" in sample.name:  # the bare transaction set without ISA/GS
            assert run.code == 2 and "expected an ISA interchange header" in run.err and "Traceback" not in run.err
            continue
        assert run.code == 0, (sample.name, run.err)
        payments = [p for remittance in read_835(read_x12_text(sample)) for p in remittance.claims]
        written = [target / f"{p.claim_id}.json" for p in payments] if len(payments) > 1 else [target]
        assert all(json.loads(p.read_text())["created"] == "2026-04-01" for p in written)
        assert [remittance_claim_from_eob(p) for p in written] == payments, sample.name


# --- what goes wrong: one line naming the file, exit 2, nothing written ------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["cms1500", MEDICARE, NO_PARTIES], f"{NO_PARTIES}: claim 'SYN-EXAMPLE-1-20260312': parties:"),
        (["superbill", COMMERCIAL, NO_PARTIES], f"{NO_PARTIES}: claim 'SYN-EXAMPLE-1-20260312': parties:"),
        (["837p", COMMERCIAL, NO_PARTIES, "--envelope", ENVELOPE, "--control-number", "9"], f"{NO_PARTIES}: claim"),
        (["lmn", NO_PARTIES, "--letter", LETTER], f"{NO_PARTIES}: claim 'SYN-EXAMPLE-1-20260312': parties:"),
        (["cms1500", "missing.json"], "missing.json: no such file"),
        (["837p", MEDICARE, "--envelope", ENVELOPE], "--control-number: give the interchange control number"),
        (["837p", MEDICARE, "--envelope", "nope.json", "--control-number", "1"], "nope.json: no such file"),
        (["837p", MEDICARE, "--envelope", ENVELOPE, "--control-number", "1", "--created", "noon"], "--created:"),
        (["lmn", MEDICARE, "--letter", "gone.json"], "gone.json: no such file"),
        (["fhir", MEDICARE, "--created", "2026-02-30"], "--created: expected a date"),
    ],
)
def test_export_errors_are_one_line_and_leave_nothing_behind(
    gravida: Any, tmp_path: Path, args: list[Any], fragment: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / ("many" if args[0] == "superbill" else "out.file")
    run = gravida("export", *args, "-o", target)
    assert run.code == 2, run.out + run.err
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and fragment in lines[0], run.err
    assert files_in(folder) == [], "no partial output and no temporary file"


def test_bad_json_and_a_bad_claim_name_the_file_and_the_field(gravida: Any, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"claim_id": ')
    run = gravida("export", "fhir", broken, "-o", tmp_path / "x.json")
    assert run.code == 2 and f"{broken}:1:14: not valid JSON" in run.err
    data = json.loads(MEDICARE.read_text())
    data["lines"][1]["code"] = "971"
    bad = tmp_path / "bad-line.json"
    bad.write_text(json.dumps([json.loads(COMMERCIAL.read_text()), data]))
    run = gravida("export", "cms1500", bad, "-o", tmp_path / "x.pdf")
    assert run.code == 2 and f"{bad}[1]: lines[1].code:" in run.err
    assert files_in(tmp_path) == ["bad-line.json", "broken.json"]


def test_a_letter_without_the_providers_words_is_refused(gravida: Any, tmp_path: Path) -> None:
    letter = {k: v for k, v in json.loads(LETTER.read_text()).items() if k != "condition"}
    path = tmp_path / "letter.json"
    path.write_text(json.dumps(letter))
    run = gravida("export", "lmn", MEDICARE, "--letter", path, "-o", tmp_path / "l.pdf")
    assert run.code == 2 and f"{path}: condition: is required" in run.err
    assert not (tmp_path / "l.pdf").exists()


def test_output_paths_are_checked_before_anything_is_rendered(gravida: Any, tmp_path: Path) -> None:
    run = gravida("export", "cms1500", MEDICARE, "-o", tmp_path / "no" / "such" / "folder.pdf")
    assert run.code == 2 and "does not exist" in run.err
    existing = tmp_path / "taken.pdf"
    existing.write_text("x")
    run = gravida("export", "superbill", MEDICARE, COMMERCIAL, "-o", existing)
    assert run.code == 2 and "is a file; with 2 claims -o names a folder" in run.err
    run = gravida("export", "cms1500", MEDICARE, "-o", tmp_path)
    assert run.code == 2 and "is a folder" in run.err


# --- remit read ------------------------------------------------------------------------------------------------


def test_remit_read_shows_payment_claims_lines_and_code_descriptions(gravida: Any) -> None:
    run = gravida("remit", "read", SAMPLES / "835_lfh_managed-care.x12")
    assert run.code == 0, run.err
    out = run.out
    assert "945.00 by ACH (EFT)" in out and "7170066655" in out and "RUSHMORE LIFE" in out
    assert "ACME MEDICAL CENTER, NPI 5544667733, tax id 777667755" in out
    assert "Claim 5554555444" in out and "charged 800.00  paid 450.00  patient responsibility 300.00" in out
    assert "claim adjustments: CO-A2 50.00" in out and "PR-1 300.00" in out
    assert "Deductible amount." in out and "Contractual adjustment" in out  # CARC 1 and A2, described once
    assert "Balanced: every line, claim and payment adds up to the cent." in out


def test_remit_read_json_is_the_remittance_model_with_descriptions(gravida: Any) -> None:
    run = gravida("remit", "read", SAMPLES / "835_lfh_managed-care.x12", "--json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert set(data) == {"file", "remittances", "match"} and data["match"] is None
    (remittance,) = data["remittances"]
    assert Decimal(remittance["total_paid"]) == Decimal("945.00") and remittance["trace_number"] == "7170066655"
    assert remittance["balance_problems"] == []
    first = remittance["claims"][0]
    assert first["claim_id"] == "5554555444" and first["status_label"]
    assert first["adjustments"][0]["reason"] == "A2" and first["adjustments"][0]["reason_label"]
    assert first["services"][0]["adjustments"][0]["reason_label"] == "Deductible amount."


def test_remit_read_matches_the_remittance_to_our_claims(gravida: Any) -> None:
    run = gravida("remit", "read", REMITTANCE, "--claims", MEDICARE, "--json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert [Decimal(r["total_paid"]) for r in data["remittances"]] == [Decimal("121.60"), Decimal(75)]
    match = data["match"]
    assert [m["claim_id"] for m in match["matched"]] == ["SYN-EXAMPLE-1-20260312"]
    assert match["matched"][0]["lines"] == [
        {"submitted_line": n, "paid_line": n, "basis": "code, modifiers and date"} for n in (1, 2, 3)
    ]
    assert match["unknown"] == ["SYN-EXAMPLE-2-20260313"] and match["unanswered"] == []
    text = gravida("remit", "read", REMITTANCE, "--claims", MEDICARE, "--claims", COMMERCIAL).out
    assert "3 of 3" in text and "2 of 2" in text and "not among your claims" not in text
    assert "M15" in text and "Separately billed services" in text  # the RARC on the denied 97110


def test_remit_read_warns_when_a_remittance_does_not_balance(gravida: Any, tmp_path: Path) -> None:
    broken = tmp_path / "unbalanced.835"
    broken.write_text(REMITTANCE.read_text().replace("CAS*CO*45*13~", "CAS*CO*45*12~"))
    run = gravida("remit", "read", broken)
    assert run.code == 0, run.err
    assert "warning: claim SYN-EXAMPLE-1-20260312 line 1 (97140)" in run.out
    assert "balancing problem(s)" in run.out
    data = json.loads(gravida("remit", "read", broken, "--json").out)
    assert [p["level"] for p in data["remittances"][0]["balance_problems"]] == ["line", "claim"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ((SAMPLES / "835_edi835parser_blue_cross_nc_sample.x12").read_text(), "segment 1: expected an ISA"),
        (REMITTANCE.read_text().replace("CLP*SYN-EXAMPLE-2-20260313*1*190*75", "CLP*SYN-EXAMPLE-2-20260313*1*190*x"),
         "segment 44 (CLP): CLP04 'x' is not an amount"),
        (REMITTANCE.read_text().replace("BPR*I*75*C*CHK", "TRN*I*75*C*CHK"), "segment 34 (TRN): expected BPR"),
        ("", "segment 1: the file is empty"),
    ],
)  # fmt: skip
def test_malformed_835_names_the_file_and_segment(gravida: Any, tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.835"
    path.write_text(content)
    run = gravida("remit", "read", path)
    assert run.code == 2 and run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: {fragment}"), run.err


def test_every_shared_835_sample_reads_or_is_refused_clearly(gravida: Any) -> None:
    for path in sorted(SAMPLES.glob("835_*.x12")):
        run = gravida("remit", "read", path, "--json")
        if "edi835parser" in path.name:  # the bare transaction set without ISA/GS
            assert run.code == 2 and "bare transaction set" in run.err
            continue
        assert run.code == 0, f"{path.name}: {run.err}"
        assert json.loads(run.out)["remittances"], path.name


# --- the installed script --------------------------------------------------------------------------------------


def test_the_installed_script_gives_the_same_one_line_errors(tmp_path: Path) -> None:
    result = subprocess.run(
        [GRAVIDA, "export", "superbill", COMMERCIAL, NO_PARTIES, "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {NO_PARTIES}: claim 'SYN-EXAMPLE-1-20260312': parties:")
    assert files_in(tmp_path) == []


def test_pyx12_finds_errors_so_a_clean_result_means_something(tmp_path: Path) -> None:
    broken = tmp_path / "broken.837"
    broken.write_text((EXAMPLES / "claims.837").read_text().replace("*UN*", "*XX*", 1))
    assert any("SV103" in error for error in pyx12_errors(broken))
    assert pyx12_errors(EXAMPLES / "claims.837") == []


# --- claim read ------------------------------------------------------------------------------------------------


def test_claims_survive_export_and_claim_read_and_export_again(gravida: Any, tmp_path: Path) -> None:
    sent = tmp_path / "sent.837"
    created = ["--created", "2026-03-22T08:05", "--control-number", "3"]
    assert gravida("export", "837p", MEDICARE, COMMERCIAL, "--envelope", ENVELOPE, *created, "-o", sent).code == 0
    run = gravida("claim", "read", sent, "--claims", MEDICARE, "--claims", COMMERCIAL, "--json")
    assert run.code == 0, run.err
    assert run.err == ""  # every payer and provider is known from the claims sent
    back = [ClaimSubmission.model_validate(item) for item in json.loads(run.out)]
    assert back == [carried_by_837p(claim(path), date(2026, 3, 22)) for path in (MEDICARE, COMMERCIAL)]
    listing = tmp_path / "read.json"
    listing.write_text(run.out)
    again = tmp_path / "again.837"
    assert gravida("export", "837p", listing, "--envelope", ENVELOPE, *created, "-o", again).code == 0
    assert again.read_bytes() == sent.read_bytes()
    assert gravida("export", "cms1500", listing, "-o", tmp_path / "forms.pdf").code == 0
    assert "SYN-EXAMPLE-2-20260313" in pdf_text(tmp_path / "forms.pdf")


def test_claim_read_shows_patient_payer_lines_and_totals(gravida: Any) -> None:
    run = gravida("claim", "read", EXAMPLES / "claims.837", "--payer", "SYNMCR01=medicare", "--payer",
                  "SYNPPO01=commercial-template:ppo")  # fmt: skip
    assert run.code == 0, run.err
    out = run.out
    assert "837P interchange 000001001 (test), created 2026-03-20 10:30" in out and "2 claims read" in out
    assert "Claim SYN-EXAMPLE-1-20260312  2026-03-12  Sampleton, Avery J  total 190.00" in out
    assert "Synthetic Medicare Contractor (SYNMCR01), policy pack medicare" in out
    assert "1:O26.893  2:R10.23  3:M54.50  4:M54.2  5:Z3A.31" in out
    assert re.search(r"2\s+97124:XS:GP\s+1\s+1,4\s+55\.00", out)
    assert "commercial-template (ppo)" in out and "Total charges: 380.00" in out


def test_claim_read_writes_a_claim_file_per_claim_for_scrub(gravida: Any, tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    run = gravida("claim", "read", EXAMPLES / "claims.837", "-o", folder)
    assert run.code == 0, run.err
    assert files_in(folder) == ["SYN-EXAMPLE-1-20260312.json", "SYN-EXAMPLE-2-20260313.json"]
    first = claim(folder / "SYN-EXAMPLE-1-20260312.json")
    assert first.payer == "SYNMCR01" and first.rendering_provider.credential.value == "PT"  # from the taxonomy
    assert "payer id 'SYNMCR01' is not a policy pack" in run.err and "--payer SYNMCR01=PACK" in run.err


def test_claim_read_reads_a_fhir_bundle_too(gravida: Any, tmp_path: Path) -> None:
    bundle = tmp_path / "bundle.json"
    assert gravida("export", "fhir", COMMERCIAL, "-o", bundle).code == 0
    run = gravida("claim", "read", bundle, "--json")
    assert run.code == 0, run.err
    assert [ClaimSubmission.model_validate(item) for item in json.loads(run.out)] == [claim(COMMERCIAL)]


def test_claims_gravida_cannot_hold_are_reported_and_the_rest_is_read(gravida: Any) -> None:
    run = gravida("claim", "read", SAMPLES / "837p_lfh_example1.x12")
    assert run.code == 0, run.err
    assert "0 claims read, 1 not read" in run.out
    assert "warning:" in run.err and "claim 26463774 not read" in run.err and "ICD-9-CM" in run.err


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (("SE*61*0001~", "SE*60*0001~"), "segment 63 (SE): SE01 says 60 segment(s), but there are 61"),
        (("CLM*SYN-EXAMPLE-2-20260313*190", "CLM*SYN-EXAMPLE-2-20260313*abc"), "segment 50 (CLM):"),
        (("ISA*00", "XYZ*00"), "segment 1: expected an ISA interchange header"),
    ],
)
def test_malformed_837_names_the_file_and_segment(
    gravida: Any, tmp_path: Path, change: tuple[str, str], fragment: str
) -> None:
    path = tmp_path / "bad.837"
    path.write_text((EXAMPLES / "claims.837").read_text().replace(*change))
    run = gravida("claim", "read", path, "--json")
    assert run.code == 2 and run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: {fragment}"), run.err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--payer", "SYNMCR01"], "--payer: expected PAYERID=PACK"),
        (["--payer", "SYNMCR01=acme"], "--payer: 'acme' is not a policy pack"),
        (["--payer", "SYNMCR01=medicare:gold"], "--payer: 'medicare' has no plan 'gold'"),
        (["--credential", "XX"], "--credential: expected one of"),
        (["--claims", "absent.json"], "absent.json: no such file"),
    ],
)
def test_claim_read_options_are_checked(gravida: Any, args: list[str], fragment: str) -> None:
    run = gravida("claim", "read", EXAMPLES / "claims.837", *args)
    assert run.code == 2 and fragment in run.err, run.err


def test_an_835_is_not_read_as_claims(gravida: Any) -> None:
    run = gravida("claim", "read", REMITTANCE)
    assert run.code == 2 and f"error: {REMITTANCE}: segment 2 (GS): this is an 835" in run.err


def test_the_example_837p_is_what_the_example_claims_export_to(gravida: Any, tmp_path: Path) -> None:
    """examples/claims.837 (read by the README's `gravida claim read`) stays the export of the example claims."""
    target = tmp_path / "claims.837"
    run = gravida("export", "837p", MEDICARE, COMMERCIAL, "--envelope", ENVELOPE, "--control-number", "1001",
                  "--created", "2026-03-20T10:30", "--line-breaks", "-o", target)
    assert run.code == 0, run.err
    assert target.read_text() == (EXAMPLES / "claims.837").read_text()


def test_errors_print_their_text_verbatim_not_as_rich_markup_or_emoji(gravida: Any) -> None:
    """'11:B:1' must not become an emoji (Rich reads ':b:' as one), nor '[x]' markup."""
    run = gravida("claim", "read", SAMPLES / "837p_lfh_example11.x12")
    assert run.code == 2 and "(like 11:B:1), found '11>B>1'" in run.err
