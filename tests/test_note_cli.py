"""Notes through the CLI as a user meets it: `code NOTE.txt`, `note extract`, `note audit`, and bad notes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

GRAVIDA = str(Path(sys.executable).parent / "gravida")
NOTES = Path(__file__).parent.parent / "examples" / "notes"
SOAP = NOTES / "soap_pt.txt"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GRAVIDA, *map(str, args)], capture_output=True, text=True, timeout=120, check=False)


def run_json(*args: str | Path, statuses: tuple[int, ...] = (0,)) -> Any:
    result = run(*args, "--json")
    assert result.returncode in statuses, result.stderr
    return json.loads(result.stdout)


def write(tmp_path: Path, text: str | bytes, name: str = "note.txt") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_code_note_gives_lines_diagnoses_and_the_words_behind_them() -> None:
    output = run_json("code", SOAP, "--payer", "commercial-template")
    text = SOAP.read_text(encoding="utf-8")
    codes = [line["code"] for line in output["claim"]["lines"]]
    assert codes == ["97140", "97110"]
    assert [line["units"] for line in output["claim"]["lines"]] == [2, 1]
    assert output["claim"]["diagnoses"][0] == "O26.893"
    assert "Z3A.28" in output["claim"]["diagnoses"]
    assert output["note"]["billable"] is True
    manual, exercise = output["note"]["line_evidence"]
    assert [span["text"] for span in manual] == ["MFR", "STM"]
    assert [span["text"] for span in exercise] == ["Ther ex"]
    for spans in output["note"]["line_evidence"] + output["note"]["diagnosis_evidence"]:
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
    located = [e for f in output["findings"] for e in f["evidence"] if e["start"] is not None]
    assert located, "coding findings should point into the note"
    assert all(text[e["start"] : e["end"]] == e["value"] for e in located)


def test_a_complete_note_passes_the_documentation_audit() -> None:
    output = run_json("code", SOAP, "--payer", "commercial-template")
    assert output["audit"] == []


def test_code_note_human_output_quotes_the_note() -> None:
    result = run("code", SOAP, "--payer", "commercial-template")
    assert result.returncode == 0, result.stderr
    assert "Service lines" in result.stdout
    assert "\u201cMFR\u201d line 10" in result.stdout
    assert "Documentation audit" not in result.stdout or "error" not in result.stdout


def test_visit_context_supplies_what_the_note_does_not_say(tmp_path: Path) -> None:
    note = write(tmp_path, "Swedish massage to the neck and upper back for 30 minutes for neck pain. "
                 "Patient is 24 weeks pregnant. Neck pain 5/10 before, 2/10 after.")
    output = run_json("code", note, "--payer", "commercial-template", "--patient", NOTES / "visit_context.json")
    assert [line["code"] for line in output["claim"]["lines"]] == ["97124"]
    assert output["claim"]["lines"][0]["units"] == 2
    assert "M54.2" in output["claim"]["diagnoses"]


def test_the_audit_names_each_missing_element_with_a_fix(tmp_path: Path) -> None:
    note = write(tmp_path, "DOS: 2026-03-12\nMyofascial release to the low back x 20 min for low back pain. "
                 "Patient is 30 weeks pregnant.\nJane Roe, LMT, NPI 1234567893\n")
    output = run_json("code", note, "--payer", "commercial-template")
    rules = {f["rule_id"] for f in output["audit"]}
    assert {"notes.audit.referral", "notes.audit.functional_limitation", "notes.audit.measurable_goal",
            "notes.audit.response"} <= rules
    assert all(f["fix"] for f in output["audit"])
    assert "notes.audit.signature" not in rules


def test_no_billable_service_is_a_result_not_an_error(tmp_path: Path) -> None:
    note = write(tmp_path, "DOS: 2026-03-19\nPhone call with the patient about her schedule for next week. "
                 "She asked about parking and her referral paperwork.\nJane Roe, LMT\n")
    result = run("code", note, "--payer", "commercial-template")
    assert result.returncode == 0, result.stderr
    assert "no billable service found" in result.stdout
    output = run_json("code", note, "--payer", "commercial-template")
    assert output["note"]["billable"] is False
    assert output["claim"]["lines"] == []


def test_note_extract_json_keeps_spans_that_match_the_text() -> None:
    output = run_json("note", "extract", SOAP)
    text = SOAP.read_text(encoding="utf-8")
    facts = output["facts"]
    assert facts["pregnancy"]["gestational_age"] == "28w3d"
    techniques = [(t["technique"], t.get("minutes")) for t in facts["techniques"]]
    assert techniques == [("myofascial_release", 15), ("soft_tissue_mobilization", 15), ("therapeutic_exercise", 10)]
    statuses = {(c["concept"], c["status"]) for c in facts["conditions"]}
    assert ("gestational_edema", "negated") in statuses
    for technique in facts["techniques"]:
        span = technique["span"]
        assert text[span["start"] : span["end"]] == span["text"]


def test_note_audit_finds_cloned_notes(tmp_path: Path) -> None:
    text = SOAP.read_text(encoding="utf-8")
    first = write(tmp_path, text, "visit1.txt")
    second = write(tmp_path, text.replace("03/12/2026", "03/19/2026"), "visit2.txt")
    output = run_json("note", "audit", first, second, "--payer", "commercial-template", statuses=(0, 1))
    for entry in output:
        assert "notes.audit.cloned_note" in {f["rule_id"] for f in entry["findings"]}
        assert max(entry["similar_to"].values()) > 0.9


def test_note_audit_of_distinct_notes_finds_no_clone() -> None:
    output = run_json(
        "note", "audit", SOAP, NOTES / "emr_template.txt", "--payer", "commercial-template", statuses=(0, 1)
    )
    assert all("notes.audit.cloned_note" not in {f["rule_id"] for f in e["findings"]} for e in output)


def test_note_audit_flags_units_the_minutes_do_not_support(tmp_path: Path) -> None:
    claim = json.loads((Path(__file__).parent.parent / "examples" / "claim.json").read_text(encoding="utf-8"))
    claim["payer"] = "commercial-template"
    claim["lines"] = [
        {"code": "97140", "units": 4, "modifiers": ["GP"], "diagnosis_pointers": [1], "charge": 260.0},
        {"code": "97110", "units": 1, "modifiers": ["GP"], "diagnosis_pointers": [1], "charge": 60.0},
    ]
    path = write(tmp_path, json.dumps(claim), "claim.json")
    result = run("note", "audit", SOAP, "--claim", path, "--json")
    findings = json.loads(result.stdout)[0]["findings"]
    units = [f for f in findings if f["rule_id"] == "notes.audit.units_supported"]
    assert len(units) == 1
    assert "97140 is billed with 4 unit(s)" in units[0]["message"]
    assert "support 2" in units[0]["message"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "empty"),
        ("   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("x " * 60_000, "limit"),
        (
            "Paciente embarazada de 28 semanas con dolor lumbar. Se realiz\u00f3 masaje prenatal durante "
            "treinta minutos en la espalda baja. La paciente refiere mejor\u00eda del dolor despu\u00e9s de la "
            "sesi\u00f3n y tolera bien el tratamiento.",
            "English",
        ),
    ],
    ids=["empty", "blank", "binary", "oversize", "spanish"],
)
def test_bad_notes_exit_2_with_a_clear_message(tmp_path: Path, content: str | bytes, expected: str) -> None:
    note = write(tmp_path, content)
    for args in (("code", note, "--payer", "commercial-template"), ("note", "extract", note)):
        result = run(*args)
        assert result.returncode == 2, result.stdout
        assert result.stderr.startswith("error:")
        assert str(note) in result.stderr
        assert expected in result.stderr
        assert "Traceback" not in result.stderr


def test_a_windows_1252_note_is_read(tmp_path: Path) -> None:
    text = SOAP.read_text(encoding="utf-8").replace("pt reports", "patient\u2019s report:")
    note = write(tmp_path, text.encode("cp1252"))
    output = run_json("note", "extract", note)
    assert output["facts"]["pregnancy"]["gestational_age"] == "28w3d"
    decoded = note.read_bytes().decode("cp1252")
    assert "\u2019" in decoded
    for technique in output["facts"]["techniques"]:
        span = technique["span"]
        assert decoded[span["start"] : span["end"]] == span["text"]


def test_note_without_payer_or_with_unknown_payer_exits_2() -> None:
    result = run("code", SOAP)
    assert result.returncode == 2
    assert "--payer" in result.stderr
    result = run("code", SOAP, "--payer", "acme-health")
    assert result.returncode == 2
    assert "unknown payer" in result.stderr


def test_missing_note_file_exits_2(tmp_path: Path) -> None:
    result = run("note", "extract", tmp_path / "absent.txt")
    assert result.returncode == 2
    assert "no such file" in result.stderr


EVALUATION = """PHYSICAL THERAPY INITIAL EVALUATION
DOS: 3/2/2026
Referral: Maria Lopez, CNM, dated 02/20/2026, for PT eval and treat, pregnancy-related pelvic girdle pain.
HPI: 31 y/o G2P1 at 30w2d with R SIJ pain x 4 wks. Unable to sit > 20 min. NPRS 6/10 before treatment.
TREATMENT TODAY
  PT evaluation (97162), 30 min
  MFR (97140) to R QL and R piriformis x 15 min
  Pelvic floor muscle training (97110) x 10 min
  Total timed minutes 25. Total treatment time 55 min.
Response: NPRS 3/10 after treatment.
Goal: sit 45 min without pain within 4 weeks.
Jane Roe, PT, DPT, NPI 1234567893
"""


def test_an_evaluation_note_bills_the_evaluation_code_it_writes(tmp_path: Path) -> None:
    output = run_json("code", write(tmp_path, EVALUATION), "--payer", "medicare")
    lines = {line["code"]: line for line in output["claim"]["lines"]}
    assert set(lines) == {"97162", "97140", "97110"}
    assert lines["97162"]["units"] == 1 and "GP" in lines["97162"]["modifiers"]
    assert "59" in lines["97140"]["modifiers"]  # an evaluation with manual therapy on the same day needs 59/X
    codes = [line["code"] for line in output["claim"]["lines"]]
    evidence = dict(zip(codes, output["note"]["line_evidence"], strict=True))
    assert [span["text"] for span in evidence["97162"]] == ["PT evaluation (97162"]
    assert "R10.21" in output["claim"]["diagnoses"]  # the side from "R SIJ pain", though the referral came first


def test_a_postpartum_template_note_codes_the_puerperal_condition_first() -> None:
    output = run_json("code", NOTES / "emr_template.txt", "--payer", "commercial-template")
    assert output["claim"]["diagnoses"][:2] == ["O90.89", "M54.50"]
    facts = run_json("note", "extract", NOTES / "emr_template.txt")["facts"]
    assert facts["pregnancy"]["postpartum_weeks"] == 6
