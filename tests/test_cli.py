"""The CLI as a user meets it: a real process, real files, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import encounter_dict

GRAVIDA = str(Path(sys.executable).parent / "gravida")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GRAVIDA, *args], capture_output=True, text=True, timeout=120, check=False)


def write(tmp_path: Path, data: Any, name: str = "encounter.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_code_json_has_exactly_the_contract_shape(tmp_path: Path) -> None:
    result = run("code", write(tmp_path, encounter_dict()), "--json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert set(output) == {"claim", "findings"}
    assert set(output["claim"]) == {"diagnoses", "lines"}
    assert output["claim"]["diagnoses"] == ["O26.893", "M54.50", "Z3A.28"]
    assert output["claim"]["lines"] == [
        {"code": "97140", "units": 2, "modifiers": ["GP"], "diagnosis_pointers": [1, 2]}
    ]
    for item in output["findings"]:
        assert {"rule_id", "severity", "message", "fix", "citation", "evidence", "predicted_carc"} <= set(item)
        assert item["severity"] in {"error", "warning", "info"}


def test_code_without_json_prints_the_claim_and_its_reasons(tmp_path: Path) -> None:
    result = run("code", write(tmp_path, encounter_dict()))
    assert result.returncode == 0, result.stderr
    assert "O26.893" in result.stdout and "97140" in result.stdout and "coding.units.cms" in result.stdout


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"date_of_service": None}, "date_of_service"),
        ({"payer": "acme-health"}, "payer"),
        ({"services": [{"code": "97140", "minutes": -5}]}, "services[0].minutes"),
        ({"pregnancy": {"gestational_age": "28 weeks"}}, "pregnancy.gestational_age"),
        ({"services": [{"code": "99999", "minutes": 5}]}, "services[0].code"),
        ({"conditions": [{"code": "Q99.999"}]}, "conditions[0].code"),
        ({"conditions": [{"concept": "back_ache"}]}, "conditions[0].concept"),
    ],
)
def test_bad_input_gives_one_line_naming_the_field_and_exit_2(
    tmp_path: Path, change: dict[str, Any], field: str
) -> None:
    data = encounter_dict(**change)
    if change.get("date_of_service", "") is None:
        del data["date_of_service"]
    result = run("code", write(tmp_path, data), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "not valid JSON"), ("", "not valid JSON"), (b"\xff\xfe\x00binary", "not a UTF-8")],
)
def test_unreadable_files_give_a_clear_error(tmp_path: Path, content: str | bytes, expected: str) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = run("code", str(path))
    assert result.returncode == 2 and expected in result.stderr and "Traceback" not in result.stderr


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    result = run("code", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "nope.json" in result.stderr and "no such file" in result.stderr


def test_units_by_the_cms_method() -> None:
    result = run("units", "--method", "cms", "97112=24", "97110=23", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"method": "cms", "units": {"97112": 2, "97110": 1}}


def test_units_by_the_cpt_method_and_untimed_codes() -> None:
    result = run("units", "--method", "cpt", "97112=24", "97110=23", "97010=10", "97530=5", "--json")
    assert json.loads(result.stdout) == {"method": "cpt", "units": {"97112": 2, "97110": 2, "97010": 1}}


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--method", "eight", "97110=10"], "--method"),
        (["97110=ten"], "97110=ten"),
        (["97110=-4"], "97110"),
        (["12345=10"], "12345"),
        (["--dos", "2026-02-30", "97110=10"], "--dos"),
    ],
)
def test_units_refuses_bad_arguments(args: list[str], fragment: str) -> None:
    result = run("units", *args)
    assert result.returncode == 2 and fragment in result.stderr and "Traceback" not in result.stderr


def test_dx_check_reports_a_header_with_its_replacements() -> None:
    result = run("dx", "check", "M54.5", "--dos", "2021-10-01", "--json")
    assert json.loads(result.stdout) == {
        "code": "M54.5",
        "valid": True,
        "billable": False,
        "description": "Low back pain",
        "replacements": ["M54.50", "M54.51", "M54.59"],
    }


def test_dx_check_the_day_before_the_change() -> None:
    output = json.loads(run("dx", "check", "M545", "--dos", "2021-09-30", "--json").stdout)
    assert output["billable"] is True and output["code"] == "M54.5"


def test_dx_check_refuses_something_that_is_not_a_code() -> None:
    result = run("dx", "check", "hello world")
    assert result.returncode == 2 and "CODE" in result.stderr


def test_schema_encounter_is_a_json_schema_of_the_contract() -> None:
    schema = json.loads(run("schema", "encounter").stdout)
    assert schema["type"] == "object"
    assert {"date_of_service", "payer", "provider", "patient", "services"} <= set(schema["required"])
    for field in ("place_of_service", "pregnancy", "referral", "conditions", "pregnancy_incidental"):
        assert field in schema["properties"]


def test_demo_codes_the_synthetic_encounters() -> None:
    result = run("demo", "--count", "5")
    assert result.returncode == 0, result.stderr
    assert "SYN-00001" in result.stdout and "5 encounters" in result.stdout


def test_an_unknown_command_is_a_usage_error() -> None:
    result = run("frobnicate")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_dx_check_warns_when_the_date_is_past_the_shipped_code_set() -> None:
    late = run("dx", "check", "M54.50", "--dos", "2026-12-01")
    assert late.returncode == 0 and "current through 2026-09-30" in late.stdout
    assert "current through" not in run("dx", "check", "M54.50", "--dos", "2026-06-01").stdout
