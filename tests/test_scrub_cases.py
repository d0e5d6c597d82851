"""Scrubber rules as data: tests/scrub_cases/*.yaml hold claims (as changes to a base claim), their history,
and the finding ids the edits must (or must not) produce. Expectations name rule ids, never message text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BASE_CLAIM, claim_dict
from gravida import service
from gravida.domain import InputError

CASES_DIR = Path(__file__).parent / "scrub_cases"
CASE_KEYS = {"name", "rules", "claim", "remove", "history", "today", "expect"}
EXPECT_KEYS = {"findings", "no_findings", "no_errors", "error_field", "risk_at_least", "risk_below"}
DEFAULT_TODAY = date(2024, 3, 20)


def plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert not set(case) - CASE_KEYS, f"{path.name}: {case.get('name')}: unknown keys"
            assert not set(case["expect"]) - EXPECT_KEYS, f"{path.name}: {case['name']}: unknown expect keys"
            cases.append((f"{path.stem}: {case['name']}", case))
    return cases


CASES = load_cases()


def case_date_of_service(case: dict[str, Any]) -> str:
    return str(plain(case.get("claim", {}).get("date_of_service", BASE_CLAIM["date_of_service"])))


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[name for name, _ in CASES])
def test_scrub_case(case: dict[str, Any]) -> None:
    data = plain(claim_dict(**case.get("claim", {})))
    for key in case.get("remove", []):
        data.pop(key, None)
    expect = case["expect"]
    today = case.get("today", DEFAULT_TODAY)
    if "error_field" in expect:
        with pytest.raises(InputError) as raised:
            submission = service._parse(service.ClaimSubmission, data)
            service.scrub(submission, service._parse(service.History, plain(case.get("history", {}))), today)
        assert raised.value.field == expect["error_field"]
        return
    submission = service._parse(service.ClaimSubmission, data)
    history = service._parse(service.History, plain(case.get("history", {})))
    result = service.scrub(submission, history, today)
    rule_ids = {f.rule_id for f in result.findings}
    for rule_id in expect.get("findings", []):
        assert rule_id in rule_ids, f"expected {rule_id}; got {sorted(rule_ids)}"
    for rule_id in expect.get("no_findings", []):
        assert rule_id not in rule_ids, f"unexpected {rule_id}"
    if expect.get("no_errors"):
        assert not [f.rule_id for f in result.findings if f.severity.value == "error"]
    if "risk_at_least" in expect:
        assert result.denial_risk >= expect["risk_at_least"]
    if "risk_below" in expect:
        assert result.denial_risk < expect["risk_below"]
