"""`gravida scrub`, `gravida code --history`, `gravida schema claim|history` and `gravida ncci import` as a user
runs them: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import claim_dict, encounter_dict

GRAVIDA = str(Path(sys.executable).parent / "gravida")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [GRAVIDA, *args], capture_output=True, text=True, timeout=120, check=False, env={**os.environ, **(env or {})}
    )


def write(tmp_path: Path, name: str, data: Any) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_scrub_json_has_exactly_findings_and_denial_risk(tmp_path: Path) -> None:
    claim = claim_dict(rendering_provider={"npi": "1234567893", "credential": "LMT"})
    result = run("scrub", write(tmp_path, "claim.json", claim), "--json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert set(output) == {"findings", "denial_risk"}
    assert 0.9 <= output["denial_risk"] <= 1
    not_eligible = next(f for f in output["findings"] if f["rule_id"] == "edits.provider.not_eligible")
    assert not_eligible["predicted_carc"] == "CO-170" and not_eligible["fix"]
    assert any(f["rule_id"] == "edits.denial_risk" for f in output["findings"]), "the risk is explained"


def test_scrub_reads_the_history(tmp_path: Path) -> None:
    claim = write(tmp_path, "claim.json", claim_dict())
    history = write(tmp_path, "history.json", {"treatment_days_since_progress_report": 12})
    output = json.loads(run("scrub", claim, "--history", history, "--json").stdout)
    assert "edits.progress_report.due" in {f["rule_id"] for f in output["findings"]}


def test_a_clean_claim_reports_no_problem(tmp_path: Path) -> None:
    result = run("scrub", write(tmp_path, "claim.json", claim_dict(submitted_on="2024-03-20")))
    assert result.returncode == 0 and "No problems found" in result.stdout


@pytest.mark.parametrize(
    ("claim", "fragment"),
    [
        (claim_dict(payer="acme"), "payer"),
        (claim_dict(plan="gold"), "plan"),
        (claim_dict(date_of_service="2024-02-30"), "date_of_service"),
        (claim_dict(lines=[]), "lines"),
        ("{broken", "not valid JSON"),
    ],
)
def test_malformed_claims_give_one_line_and_exit_2(tmp_path: Path, claim: Any, fragment: str) -> None:
    result = run("scrub", write(tmp_path, "claim.json", claim))
    assert result.returncode == 2 and fragment in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_malformed_history_names_its_field(tmp_path: Path) -> None:
    claim = write(tmp_path, "claim.json", claim_dict())
    history = write(tmp_path, "history.json", {"visits_used": -1})
    result = run("scrub", claim, "--history", history)
    assert result.returncode == 2 and "visits_used" in result.stderr


def test_code_with_history_also_runs_the_policy_edits(tmp_path: Path) -> None:
    encounter = write(tmp_path, "encounter.json", encounter_dict())
    history = write(tmp_path, "history.json", {"treatment_days_since_progress_report": 11})
    output = json.loads(run("code", encounter, "--history", history, "--json").stdout)
    rule_ids = {f["rule_id"] for f in output["findings"]}
    assert "coding.units.cms" in rule_ids, "coding findings are kept"
    assert "edits.progress_report.due" in rule_ids and "edits.plan_of_care.missing" in rule_ids
    assert not any(r.startswith("edits.required.") for r in rule_ids), "form edits need a full claim"
    with_plan = write(
        tmp_path, "planned.json", encounter_dict(plan_of_care={"start": "2024-02-26", "certified_on": "2024-03-01"})
    )
    planned = {
        f["rule_id"] for f in json.loads(run("code", with_plan, "--history", history, "--json").stdout)["findings"]
    }
    assert "edits.plan_of_care.missing" not in planned, "the encounter's plan of care reaches the scrubber"
    plain = json.loads(run("code", encounter, "--json").stdout)
    assert not any(f["rule_id"].startswith("edits.") for f in plain["findings"])


def test_schemas_of_claim_and_history() -> None:
    claim = json.loads(run("schema", "claim").stdout)
    assert {"claim_id", "payer", "date_of_service", "lines", "rendering_provider"} <= set(claim["properties"])
    history = json.loads(run("schema", "history").stdout)
    assert {"visits_used", "authorizations", "earlier_claims", "therapy_dollars_this_year"} <= set(
        history["properties"]
    )


PTP_FILE = (
    "CMS National Correct Coding Initiative\r\nPractitioner PTP Edits v2024Q1\r\nCPT only copyright AMA\r\n\r\n"
    "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t"
    "Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\r\n"
    "97112\t97116\t \t20230101\t*\t0\tMutually exclusive procedures\r\n"
)
MUE_FILE = (
    '"CPT codes, descriptions and other data only are copyright 2024 American Medical Association.\n'
    'All rights reserved."\n'
    '"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"\n'
    '"97140","4","3 Date of Service Edit: Clinical","Clinical: Data"\n'
)


def test_imported_ncci_files_drive_the_scrubber(tmp_path: Path) -> None:
    env = {"GRAVIDA_NCCI_DB": str(tmp_path / "ncci.sqlite")}
    ptp = write(tmp_path, "ptp.txt", PTP_FILE)
    mue = write(tmp_path, "mue.csv", MUE_FILE)
    imported = run("ncci", "import", ptp, mue, "--json", env=env)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["ptp_edits"] == 1 and json.loads(imported.stdout)["mue_limits"] == 1
    claim = claim_dict(
        lines=[
            {"code": "97112", "units": 2, "modifiers": ["GP"], "diagnosis_pointers": [1, 2], "charge": 100},
            {"code": "97116", "units": 1, "modifiers": ["59", "GP"], "diagnosis_pointers": [1, 2], "charge": 50},
            {"code": "97140", "units": 5, "modifiers": ["GP"], "diagnosis_pointers": [1, 2], "charge": 250},
        ]
    )
    output = json.loads(run("scrub", write(tmp_path, "claim.json", claim), "--json", env=env).stdout)
    rule_ids = {f["rule_id"] for f in output["findings"]}
    assert "edits.ncci.never_together" in rule_ids, "indicator 0: no modifier bypasses it"
    assert "edits.mue.exceeded" in rule_ids, "5 units of 97140 over the imported MUE of 4"
    without = json.loads(
        run("scrub", str(tmp_path / "claim.json"), "--json", env={"GRAVIDA_NCCI_DB": str(tmp_path / "none")}).stdout
    )
    assert "edits.ncci.never_together" not in {f["rule_id"] for f in without["findings"]}


def test_a_malformed_ncci_file_is_named_with_its_line(tmp_path: Path) -> None:
    bad = write(tmp_path, "ptp.txt", PTP_FILE.replace("20230101", "2023-13-01"))
    result = run("ncci", "import", bad, env={"GRAVIDA_NCCI_DB": str(tmp_path / "ncci.sqlite")})
    assert result.returncode == 2 and "ptp.txt" in result.stderr and "line" in result.stderr
    assert not (tmp_path / "ncci.sqlite").exists(), "nothing is kept from a broken import"
