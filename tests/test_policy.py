"""Payer policy: list, show on a date, diff between dates, and which open claims a new version changes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import claim_dict
from gravida import service
from gravida.domain import InputError
from gravida.knowledge.loader import DATA_DIR

GRAVIDA = str(Path(sys.executable).parent / "gravida")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GRAVIDA, *args], capture_output=True, text=True, timeout=120, check=False)


def test_every_pack_is_listed_with_its_kind_and_plans() -> None:
    packs = {p["id"]: p for p in service.policy_list()}
    assert {"medicare", "commercial-template", "self-pay"} <= set(packs)
    assert packs["commercial-template"]["plans"] == ["hmo", "ppo"]
    kinds = {p["kind"] for p in packs.values()}
    assert {"medicare", "medicaid", "commercial", "self_pay", "template"} <= kinds


def test_show_gives_each_rule_in_force_with_its_source() -> None:
    shown = {v.name: v for v in service.policy_show("medicare", date(2024, 6, 1))}
    assert shown["units_method"].value == "cms"
    assert shown["kx_threshold"].value.amount == 2330
    assert all(v.source is not None for v in shown.values())


def test_a_plan_overrides_its_packs_rule() -> None:
    pack = {v.name: v for v in service.policy_show("commercial-template", date(2024, 6, 1))}
    hmo = {v.name: v for v in service.policy_show("commercial-template", date(2024, 6, 1), "hmo")}
    assert pack["referral"].value.required is False
    assert hmo["referral"].value.required is True


def test_diff_lists_only_what_changed_between_the_dates_with_the_change_dates() -> None:
    changes = {c.name: c for c in service.policy_diff("medicare", date(2023, 6, 1), date(2025, 6, 1))}
    assert set(changes) == {"kx_threshold"}
    kx = changes["kx_threshold"]
    assert (kx.before.amount, kx.after.amount) == (2230, 2410)
    assert kx.changed_on == (date(2024, 1, 1), date(2025, 1, 1))
    assert len(kx.sources) == 2


def test_diff_on_the_same_policy_is_empty() -> None:
    assert service.policy_diff("medicare", date(2024, 2, 1), date(2024, 11, 1)) == []


def test_unknown_payer_and_plan_name_the_argument() -> None:
    with pytest.raises(InputError) as payer:
        service.policy_show("acme", date(2024, 1, 1))
    assert payer.value.field == "PAYER"
    with pytest.raises(InputError) as plan:
        service.policy_show("commercial-template", date(2024, 1, 1), "gold")
    assert plan.value.field == "--plan"


def _new_version(tmp_path: Path) -> Path:
    """A copy of the rule data in which the PPO template's visit limit drops from 20 to 10."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    limit = target / "payers" / "commercial-template" / "visit_limit.yaml"
    limit.write_text(limit.read_text(encoding="utf-8").replace("visits_per_year: 20", "visits_per_year: 10"))
    return target


def test_policy_impact_lists_the_open_claims_a_new_version_changes(tmp_path: Path) -> None:
    new = service.load_policy_version(_new_version(tmp_path))
    claims = [
        (
            service._parse(
                service.ClaimSubmission, claim_dict(claim_id=f"C{n}", payer="commercial-template", plan="ppo")
            ),
            service._parse(service.History, {"visits_used": n}),
        )
        for n in (3, 9, 10, 11)
    ]
    medicare = (service._parse(service.ClaimSubmission, claim_dict(claim_id="M1")), service.History())
    impacted = {i.claim_id: i for i in service.policy_impact([*claims, medicare], new, date(2024, 3, 20))}
    assert set(impacted) == {"C9", "C10", "C11"}, "visits 10 and 11 exceed the new limit; visit 10 is its last"
    assert "error:edits.visit_limit.reached" in impacted["C11"].added
    assert "warning:edits.visit_limit.last_visit" in impacted["C9"].added
    assert impacted["C11"].risk_after > impacted["C11"].risk_before


def test_policy_impact_refuses_a_folder_that_is_not_rule_data(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a rule-data folder"):
        service.load_policy_version(tmp_path)


def test_cli_policy_show_and_diff_as_json() -> None:
    shown = json.loads(run("policy", "show", "medicare", "--on", "2022-03-01", "--json").stdout)
    assert {"rule_id": "payers.medicare.units_method", "value": "cms"}.items() <= next(
        v for v in shown if v["name"] == "units_method"
    ).items()
    changes = json.loads(run("policy", "diff", "medicare", "2019-12-31", "2020-01-01", "--json").stdout)
    assert [c["name"] for c in changes] == ["assistant_modifiers"]
    assert changes[0]["changed_on"] == ["2020-01-01"]


def test_cli_policy_errors_are_one_line() -> None:
    result = run("policy", "show", "acme")
    assert result.returncode == 2 and "acme" in result.stderr and "Traceback" not in result.stderr
    result = run("policy", "diff", "medicare", "2020-01-01", "someday")
    assert result.returncode == 2 and "DATE2" in result.stderr
