"""Rule tests as data: every YAML file under tests/cases holds cases with a full-sentence name, the
encounter (as changes to a base encounter), and what coding must produce. Expectations name rule ids,
never message text.

A case may list the rule ids it covers under `rules`; test_every_dated_change_has_cases_on_both_sides
uses that to require a case on the day before and the day of every dated change in knowledge/data.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BASE_ENCOUNTER, encounter_dict
from gravida import service
from gravida.domain import InputError
from gravida.knowledge import Knowledge
from test_scrub_cases import CASES as SCRUB_CASES
from test_scrub_cases import case_date_of_service

CASES_DIR = Path(__file__).parent / "cases"
CASE_KEYS = {"name", "rules", "input", "remove", "expect"}
EXPECT_KEYS = {"diagnoses", "lines", "findings", "no_findings", "error_field", "no_errors"}
LINE_KEYS = {"code", "units", "modifiers", "diagnosis_pointers"}


def _load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            unknown = set(case) - CASE_KEYS
            assert not unknown, f"{path.name}: {case.get('name')}: unknown keys {unknown}"
            assert not set(case["expect"]) - EXPECT_KEYS, f"{path.name}: {case['name']}: unknown expect keys"
            cases.append((f"{path.stem}: {case['name']}", case))
    return cases


CASES = _load_cases()


def _input(case: dict[str, Any]) -> dict[str, Any]:
    data = encounter_dict(**{k: v for k, v in case.get("input", {}).items()})
    for key in case.get("remove", []):
        data.pop(key, None)
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[name for name, _ in CASES])
def test_case(case: dict[str, Any]) -> None:
    expect = case["expect"]
    data = _plain(_input(case))
    if "error_field" in expect:
        with pytest.raises(InputError) as raised:
            service.code(service.parse_encounter(data))
        assert raised.value.field == expect["error_field"]
        return
    result = service.code(service.parse_encounter(data)).to_contract()
    rule_ids = {f["rule_id"] for f in result["findings"]}
    if "diagnoses" in expect:
        assert result["claim"]["diagnoses"] == expect["diagnoses"]
    if "lines" in expect:
        lines = result["claim"]["lines"]
        assert [line["code"] for line in lines] == [str(e["code"]) for e in expect["lines"]]
        for line, expected in zip(lines, expect["lines"], strict=True):
            assert not set(expected) - LINE_KEYS
            for key, value in expected.items():
                wanted = [str(v) for v in value] if key == "modifiers" else value
                assert line[key] == (str(wanted) if key == "code" else wanted), f"{line['code']} {key}"
    for rule_id in expect.get("findings", []):
        assert rule_id in rule_ids, f"expected finding {rule_id}; got {sorted(rule_ids)}"
    for rule_id in expect.get("no_findings", []):
        assert rule_id not in rule_ids, f"unexpected finding {rule_id}"
    if expect.get("no_errors"):
        errors = [f["rule_id"] for f in result["findings"] if f["severity"] == "error"]
        assert not errors


def test_every_dated_change_has_cases_on_both_sides(knowledge: Knowledge) -> None:
    """A case on the day before and the day of each change, for the rule that changes.

    Versions dated at the start of ICD-10-CM (the first day Gravida codes) are the start of our data, not
    a change, except for the code-set rule itself, which marks that start.
    """
    code_set_start = knowledge.rule("icd10cm.code_set").versions[0].effective
    covered: set[tuple[str, str]] = set()
    for _, case in CASES:
        dos = str(_plain(case.get("input", {}).get("date_of_service", BASE_ENCOUNTER["date_of_service"])))
        for rule_id in case.get("rules", []):
            covered.add((rule_id, dos))
    for _, case in SCRUB_CASES:
        for rule_id in case.get("rules", []):
            covered.add((rule_id, case_date_of_service(case)))
    missing = []
    for rule in knowledge.rules.values():
        for change in rule.change_dates:
            if change == code_set_start and rule.id != "icd10cm.code_set":
                continue
            for day in (change - timedelta(days=1), change):
                if (rule.id, day.isoformat()) not in covered:
                    missing.append(f"{rule.id} on {day}")
    assert not missing, "no case for: " + "; ".join(missing)


def test_cases_name_real_rules(knowledge: Knowledge) -> None:
    for name, case in [*CASES, *SCRUB_CASES]:
        for rule_id in case.get("rules", []):
            assert rule_id in knowledge.rules, f"{name}: no rule {rule_id}"
