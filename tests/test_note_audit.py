"""The documentation audit on notes read for real: each element found or missing, minutes, units, clones."""

from __future__ import annotations

from datetime import date

import pytest

from gravida.knowledge import Knowledge
from gravida.notes.audit import Audit, BilledLine
from gravida.notes.clones import pairwise_similarity
from gravida.notes.extract import read_note
from gravida.service.notes import _timed_techniques

COMPLETE = """DOS: 2026-03-12
Referral: Maria Lopez, CNM, 02/20/2026.
S: G2P1 at 30w1d c/o low back pain. Unable to sit > 20 min. NPRS 6/10 before treatment.
Tx: MFR x 15 min to lumbar paraspinals. STM x 10 min to R gluteals.
Total timed minutes 25. Total treatment time 30 min.
Response: NPRS 3/10 after treatment, tolerated well.
Goal: sit 45 min without pain within 4 weeks.
Jane Roe, PT, NPI 1234567893
"""


@pytest.fixture(scope="module")
def audit(knowledge: Knowledge) -> Audit:
    basis = knowledge.at(date(2026, 3, 12), "commercial-template").get("documentation.elements")
    assert basis is not None
    return Audit(basis)


@pytest.fixture(scope="module")
def timed(knowledge: Knowledge) -> dict[str, str]:
    return _timed_techniques(knowledge, date(2026, 3, 12), "commercial-template")


def rules(audit: Audit, text: str, timed: dict[str, str]) -> set[str]:
    return {f.rule_id.removeprefix("notes.audit.") for f in audit.check(read_note(text), timed)}


def test_timed_techniques_come_from_the_procedure_rules(timed: dict[str, str]) -> None:
    assert {"myofascial_release", "soft_tissue_mobilization", "effleurage", "therapeutic_exercise"} <= timed.keys()
    assert "hot_pack" not in timed


def test_a_complete_note_has_no_findings(audit: Audit, timed: dict[str, str]) -> None:
    assert rules(audit, COMPLETE, timed) == set()


@pytest.mark.parametrize(
    ("remove", "element"),
    [
        ("Referral: Maria Lopez, CNM, 02/20/2026.\n", "referral"),
        ("Unable to sit > 20 min. ", "functional_limitation"),
        ("Goal: sit 45 min without pain within 4 weeks.\n", "measurable_goal"),
        ("Total timed minutes 25. ", "total_time"),
        ("Response: NPRS 3/10 after treatment, tolerated well.\n", "response"),
        ("Jane Roe, PT, NPI 1234567893\n", "signature"),
        (" c/o low back pain", "qualifying_diagnosis"),
    ],
)
def test_each_missing_element_is_named(audit: Audit, timed: dict[str, str], remove: str, element: str) -> None:
    assert remove in COMPLETE
    found = rules(audit, COMPLETE.replace(remove, ""), timed)
    assert element in found


def test_a_vague_goal_is_not_measurable(audit: Audit, timed: dict[str, str]) -> None:
    text = COMPLETE.replace("Goal: sit 45 min without pain within 4 weeks.", "Goal: feel better.")
    findings = audit.check(read_note(text), timed)
    goal = [f for f in findings if f.rule_id == "notes.audit.measurable_goal"]
    assert goal and goal[0].evidence[0].value.startswith("Goal: feel better")
    assert goal[0].fix


def test_minutes_that_do_not_add_up(audit: Audit, timed: dict[str, str]) -> None:
    text = COMPLETE.replace("Total timed minutes 25.", "Total timed minutes 40.")
    findings = [f for f in audit.check(read_note(text), timed) if f.rule_id == "notes.audit.minutes_add_up"]
    assert len(findings) == 1
    assert "add up to 25 min" in findings[0].message and "40" in findings[0].message
    over_total = COMPLETE.replace("Total treatment time 30 min", "Total treatment time 20 min")
    assert "minutes_add_up" in rules(audit, over_total, timed)


def test_a_technique_without_minutes_or_region(audit: Audit, timed: dict[str, str]) -> None:
    text = COMPLETE.replace("STM x 10 min to R gluteals.", "STM performed.")
    found = audit.check(read_note(text), timed)
    by_rule = {f.rule_id: f for f in found}
    assert "notes.audit.timed_minutes" in by_rule
    assert by_rule["notes.audit.timed_minutes"].evidence[0].value == "STM"
    assert "notes.audit.techniques_and_regions" in by_rule


def test_techniques_listed_under_one_time_share_it_when_they_share_a_code(audit: Audit, timed: dict[str, str]) -> None:
    same_code = COMPLETE.replace("STM x 10 min to R gluteals.", "Swedish massage / effleurage to R gluteals x 10 min.")
    facts = read_note(same_code)
    assert [(t.technique, t.minutes, t.timed_with) for t in facts.techniques][1:] == [
        ("swedish_massage", None, 2), ("effleurage", 10, None)
    ]
    assert "timed_minutes" not in rules(audit, same_code, timed)
    other_code = COMPLETE.replace("STM x 10 min to R gluteals.", "Ther ex / effleurage to R gluteals x 10 min.")
    assert "timed_minutes" in rules(audit, other_code, timed)


def test_an_affirmed_precaution_asks_for_clearance_and_a_negated_one_does_not(
    audit: Audit, timed: dict[str, str]
) -> None:
    with_previa = COMPLETE.replace("c/o low back pain.", "c/o low back pain. Placenta previa per OB.")
    assert "precaution_clearance" in rules(audit, with_previa, timed)
    denies = COMPLETE.replace("c/o low back pain.", "c/o low back pain. Denies vaginal bleeding.")
    assert "precaution_clearance" not in rules(audit, denies, timed)


def test_units_the_minutes_do_not_support(audit: Audit) -> None:
    findings = audit.units([BilledLine("97140", 3, 2, 25), BilledLine("97124", 1, 1, 10)])
    assert len(findings) == 1
    assert "97140" in findings[0].message and "support 2" in findings[0].message


def test_clones(audit: Audit) -> None:
    later = COMPLETE.replace("2026-03-12", "2026-03-19")
    different = COMPLETE.replace("low back pain", "neck pain").replace("lumbar paraspinals", "upper trapezius")
    scores = pairwise_similarity({"a": COMPLETE, "b": later, "c": "Swedish massage to the neck x 30 min."})
    assert scores["a"]["b"] > 0.9
    assert scores["a"]["c"] < 0.2
    assert len(audit.clones(scores["a"])) == 1
    assert pairwise_similarity({"a": COMPLETE, "d": different})["a"]["d"] < scores["a"]["b"]
