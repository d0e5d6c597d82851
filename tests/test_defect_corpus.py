"""The seeded defect corpus against the scrubber: every defect reported by the edit it is for, every clean claim passed.

The corpus (gravida.synthetic_claims) holds clean claims for every payer pack and plan and, made from them, claims with
one known defect each. The rule ids the corpus must cover are read from the edits' source, so an edit added later
without a corpus claim fails `test_the_corpus_covers_every_error_level_edit`.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from gravida import service
from gravida.domain import Citation, Severity
from gravida.edits import ScrubResult
from gravida.knowledge.ncci import NcciTables, PtpEdit
from gravida.synthetic_claims import IMPORTED_PTP_ROWS, CorpusClaim, defect_corpus

EDITS_DIR = Path(__file__).parent.parent / "src" / "gravida" / "edits"
CORPUS = defect_corpus()
DEFECTS = [claim for claim in CORPUS if not claim.is_clean]
CLEAN = [claim for claim in CORPUS if claim.is_clean]
SYNTHETIC_SOURCE = Citation("Synthetic NCCI rows of the defect corpus (not CMS data)", "https://example.invalid/ncci")


def rule_ids_by_level() -> tuple[set[str], set[str]]:
    """(error-level, warning-level) rule ids of the edits, read from `problem(...)` and `finding(...)` calls.

    `problem` reports an error unless its call says `severity=Severity.WARNING`; one whose severity is computed
    (plan_of_care.not_certified) can be an error and counts as error-level. `finding(rule_id, Severity.X, ...)`
    is at the level it names. A rule id chosen by a conditional expression gives both of its ids.
    """
    errors: set[str] = set()
    warnings: set[str] = set()
    for path in sorted(EDITS_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            ids = {
                c.value
                for c in ast.walk(node.args[0])
                if isinstance(c, ast.Constant) and isinstance(c.value, str) and c.value.startswith("edits.")
            }
            if node.func.id == "problem":
                severity = next((k.value for k in node.keywords if k.arg == "severity"), None)
                is_warning = isinstance(severity, ast.Attribute) and severity.attr == "WARNING"
                (warnings if is_warning else errors).update(ids)
            elif node.func.id == "finding" and len(node.args) > 1 and isinstance(node.args[1], ast.Attribute):
                if node.args[1].attr == "ERROR":
                    errors.update(ids)
                elif node.args[1].attr == "WARNING":
                    warnings.update(ids)
    return errors, warnings


ERROR_LEVEL, WARNING_LEVEL = rule_ids_by_level()


@pytest.fixture(autouse=True)
def corpus_ncci_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scrubber sees exactly the corpus's imported NCCI rows, not whatever this machine imported.

    Gravida's curated pairs never forbid a pair outright, so `edits.ncci.never_together` needs imported CMS rows;
    the corpus brings one synthetic row. Replacing the imported tables also keeps a real import on the developer's
    machine (`gravida ncci import`) from changing what the corpus claims draw.
    """
    tables = NcciTables(
        [
            PtpEdit(
                row.column1, row.column2, row.effective, None, row.modifier_indicator, row.rationale, SYNTHETIC_SOURCE
            )
            for row in IMPORTED_PTP_ROWS
        ]
    )
    monkeypatch.setattr(service, "imported_ncci", lambda: tables)


def scrub(claim: CorpusClaim) -> ScrubResult:
    return service.scrub(claim.submission, claim.history, claim.today)


def describe(result: ScrubResult) -> list[str]:
    return [f"{f.severity.value}:{f.rule_id}" for f in result.findings if f.rule_id != "edits.denial_risk"]


def test_the_edits_source_names_error_and_warning_rules() -> None:
    assert {"edits.referral.missing", "edits.kx.missing", "edits.dx.invalid", "edits.dx.not_billable"} <= ERROR_LEVEL
    assert {"edits.plan_of_care.not_certified", "edits.ncci.never_together"} <= ERROR_LEVEL
    assert {"edits.progress_report.due", "edits.timely_filing.near", "edits.kx.review_threshold"} <= WARNING_LEVEL
    assert "edits.plan_of_care.late_certification" not in ERROR_LEVEL


def test_the_corpus_is_large_enough() -> None:
    assert len(DEFECTS) >= 60
    assert len(CLEAN) >= 40


def test_the_corpus_covers_every_error_level_edit() -> None:
    counts = Counter(str(claim.expected_rule_id) for claim in DEFECTS)
    missing = sorted(rule_id for rule_id in ERROR_LEVEL if counts[rule_id] < 2)
    assert not missing, f"error-level edits with fewer than 2 corpus claims: {missing}"
    unknown = sorted(rule_id for rule_id in counts if rule_id not in ERROR_LEVEL | WARNING_LEVEL)
    assert not unknown, f"corpus claims expect rule ids no edit emits: {unknown}"


def test_clean_claims_span_every_payer_pack_and_plan() -> None:
    packs = {(claim.submission.payer, claim.submission.plan) for claim in CLEAN}
    expected = {
        ("medicare", None),
        ("aetna-style", None),
        ("premera-style", None),
        ("highmark-style", None),
        ("optum-style", None),
        ("commercial-template", "ppo"),
        ("commercial-template", "hmo"),
        ("medicaid-example-wa", None),
        ("medicaid-example-tx", None),
        ("self-pay", None),
        ("commercial-cpt", None),
    }
    assert expected <= packs
    years = {claim.submission.date_of_service.year for claim in CORPUS}
    assert set(range(2021, 2027)) <= years


def test_each_error_level_edit_is_caught_on_more_than_one_payer_or_date() -> None:
    """Varied originals: no edit is proved on a single claim shape."""
    by_rule: dict[str, set[tuple[str, str | None, int]]] = {}
    for claim in DEFECTS:
        key = (claim.submission.payer, claim.submission.plan, claim.submission.date_of_service.year)
        by_rule.setdefault(str(claim.expected_rule_id), set()).add(key)
    assert not [rule_id for rule_id in ERROR_LEVEL if len(by_rule.get(rule_id, set())) < 2]


def test_the_corpus_is_seeded_and_synthetic() -> None:
    again = defect_corpus()
    assert [(c.name, c.submission, c.history, c.today) for c in again] == [
        (c.name, c.submission, c.history, c.today) for c in CORPUS
    ]
    assert [c.submission.claim_id for c in defect_corpus(seed=7)] != [c.submission.claim_id for c in CORPUS]
    assert all(claim.submission.patient.id.startswith("SYN-C-") for claim in CORPUS)
    ids = [claim.submission.claim_id for claim in CORPUS]
    assert len(ids) == len(set(ids))


def test_every_defect_is_made_from_a_clean_claim_of_the_corpus() -> None:
    clean_ids = {claim.submission.claim_id for claim in CLEAN}
    for claim in DEFECTS:
        assert claim.derived_from in clean_ids, claim.name
        assert claim.submission.claim_id == f"{claim.derived_from}-D"
    assert all(claim.derived_from is None for claim in CLEAN)


@pytest.mark.parametrize("claim", DEFECTS, ids=[f"{c.expected_rule_id}:{c.submission.claim_id}" for c in DEFECTS])
def test_the_defect_is_reported_by_its_edit(claim: CorpusClaim) -> None:
    result = scrub(claim)
    severities = {f.severity for f in result.findings if f.rule_id == claim.expected_rule_id}
    assert severities, f"{claim.name}\nexpected {claim.expected_rule_id}; got {describe(result)}"
    level = Severity.ERROR if claim.expected_rule_id in ERROR_LEVEL else Severity.WARNING
    assert level in severities, f"{claim.name}\n{claim.expected_rule_id} is not an {level.value}: {describe(result)}"


@pytest.mark.parametrize("claim", DEFECTS, ids=[f"{c.expected_rule_id}:{c.submission.claim_id}" for c in DEFECTS])
def test_the_defect_is_the_only_error(claim: CorpusClaim) -> None:
    """One mutation, one defect: no other error-level finding comes with the expected one."""
    result = scrub(claim)
    others = sorted({f.rule_id for f in result.findings if f.severity is Severity.ERROR} - {claim.expected_rule_id})
    assert not others, f"{claim.name}\nunexpected errors {others}"


@pytest.mark.parametrize("claim", CLEAN, ids=[c.submission.claim_id for c in CLEAN])
def test_the_clean_claim_has_no_error(claim: CorpusClaim) -> None:
    result = scrub(claim)
    errors = [f.rule_id for f in result.findings if f.severity is Severity.ERROR]
    assert not errors, f"{claim.name}\nerrors {errors}"
