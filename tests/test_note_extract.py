"""The note extractor on hand-written snippets: every example the issue names, and the traps the corpus revealed.

Each test reads a few lines as a therapist would write them and checks the fact that matters, with its span where
the span is the point (a fact must keep the words it came from).
"""

from __future__ import annotations

from datetime import date

import pytest

from gravida.domain.note import NoteFacts
from gravida.knowledge.note_vocabulary import note_vocabulary
from gravida.notes.extract import read_note
from gravida.notes.quantities import Quantities, lowercase_regex


def techniques(text: str) -> list[tuple[str, int | None]]:
    return [(t.technique, t.minutes) for t in read_note(text).techniques]


def statuses(facts: NoteFacts) -> set[tuple[str, str]]:
    return {(c.concept, c.status) for c in (*facts.conditions, *facts.precautions)}


# -- techniques and minutes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tx: MFR x 15 min to R QL.", [("myofascial_release", 15)]),
        ("Tx: 15' STM to R QL.", [("soft_tissue_mobilization", 15)]),
        ("Tx: effleurage 20 minutes to B LE.", [("effleurage", 20)]),
        ("Tx:\n8:05-8:28 myofascial release to L piriformis", [("myofascial_release", 23)]),
        ("Tx: petrissage to glutes (12 minutes).", [("petrissage", 12)]),
        ("Tx: 10 minutes of MLD to B ankles.", [("manual_lymphatic_drainage", 10)]),
        ("Tx: MFR R QL x10'. STM B glutes x 15 min. TrP release R piriformis x8'.",
         [("myofascial_release", 10), ("soft_tissue_mobilization", 15), ("trigger_point_release", 8)]),
        ("Intervention 1: Manual therapy (97140) - myofascial release | Region: R lumbar | Time: 23 min",
         [("myofascial_release", 23)]),
        ("Tx: kneading to calves x 10 min.", [("petrissage", 10)]),
    ],
)
def test_techniques_get_their_minutes_in_every_written_form(text: str, expected: list[tuple[str, int]]) -> None:
    assert techniques(text) == expected


def test_15_prime_stm_to_r_ql_keeps_the_region_side_and_spans() -> None:
    text = "Tx: 15' STM to R QL."
    (t,) = read_note(text).techniques
    assert [(r.region, r.side) for r in t.regions] == [("lumbar", "right")]
    assert t.span.text == "STM" and t.minutes_span is not None and t.minutes_span.text == "15'"
    assert text[t.span.start : t.span.end] == "STM"


def test_totals_are_read_and_not_given_to_a_technique() -> None:
    facts = read_note("Tx: MFR x 20 min, STM x 33 min.\nTotal treatment time 60 min; timed minutes 53")
    assert facts.total_treatment_minutes is not None and facts.total_treatment_minutes.value == 60
    assert facts.total_timed_minutes is not None and facts.total_timed_minutes.value == 53
    assert [(t.technique, t.minutes) for t in facts.techniques] == [
        ("myofascial_release", 20),
        ("soft_tissue_mobilization", 33),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Massage Therapy Treatment Note\nDOS: 3/12/26\nPt cancelled.",
        "MLD deferred pending OB clearance.",
        "Massage on hold until OB clearance. No treatment provided.",
        "OB clearance for massage on file.",
        "HEP: stretching daily at home.",
        "Patient called to cancel today's prenatal massage appointment due to a cold.",
        "No-show for 10:00 prenatal massage.",
        "Ther ex: TA bracing, bridges, clamshells.",
    ],
)
def test_a_technique_not_performed_today_is_not_a_technique(text: str) -> None:
    facts = read_note(text)
    assert [t.technique for t in facts.techniques if t.technique != "therapeutic_exercise"] == []
    assert facts.billable is (text.startswith("Ther ex"))


# -- pregnancy -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S: Pt G2P1 28w3d, c/o LBP.", "28w3d"),
        ("S: Pt is 28 wks pregnant.", "28w0d"),
        ("S: G1P0 at 28 wks, c/o LBP.", "28w0d"),
        ("S: G2P1 at 31 weeks.", "31w0d"),
        ("S: G1P0 at 28 3/7 weeks.", "28w3d"),
        ("S: GA 29+5, EDD 5/14/2026.", "29w5d"),
        ("S: 30 weeks and 4 days.", "30w4d"),
    ],
)
def test_gestational_age_in_the_forms_notes_use(text: str, expected: str) -> None:
    assert read_note(text).pregnancy.gestational_age == expected


def test_gravida_para_and_due_date() -> None:
    pregnancy = read_note("S: G2P1 at 31 weeks, EDD 5/14/2026.").pregnancy
    assert (pregnancy.gravida, pregnancy.para, pregnancy.edd) == (2, 1, date(2026, 5, 14))


@pytest.mark.parametrize(
    "text",
    ["P: 1x/wk x 6 wks.", "S: Pt is 6 wks postpartum (SVD at 39 wks).", "Plan: 2x/week for 4 weeks."],
)
def test_weeks_that_are_not_todays_gestational_age(text: str) -> None:
    assert read_note(text).pregnancy.gestational_age is None


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("6 wks postpartum", 6),
        ("PP wk 4", 4),
        ("delivered via C-section 8 weeks ago", 8),
        ("s/p cesarean 5 wks ago", 5),
    ],
)
def test_postpartum_weeks(text: str, weeks: int) -> None:
    assert read_note(f"S: Pt is {text}.").pregnancy.postpartum_weeks == weeks


# -- conditions, negation, history, family, hypotheticals -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S: Pt denies swelling.", ("gestational_edema", "negated")),
        ("S: No numbness in hands.", ("carpal_tunnel", "negated")),
        ("S: c/o LBP x 3 wks.", ("low_back_pain", "affirmed")),
        ("S: 4 wk hx of R SIJ pain.", ("pelvic_girdle_pain", "affirmed")),
        ("S: Hx of sciatica in previous pregnancy.", ("sciatica", "historical")),
        ("S: Mother had carpal tunnel syndrome.", ("carpal_tunnel", "family")),
        ("P: If swelling increases, pt to call OB.", ("gestational_edema", "hypothetical")),
        ("S: Walks daily. (-) edema.", ("gestational_edema", "negated")),
        ("ROS: Swelling: denies.", ("gestational_edema", "negated")),
        ("HPI: 2 wk hx of sciatica. Pelvic girdle pain denied.", ("pelvic_girdle_pain", "negated")),
        ("S: First-time mom, c/o neck pain.", ("neck_pain", "affirmed")),
    ],
)
def test_conditions_with_their_context(text: str, expected: tuple[str, str]) -> None:
    assert expected in statuses(read_note(text))


def test_no_numbness_alone_affirms_nothing() -> None:
    facts = read_note("S: No numbness. Denies swelling.")
    assert facts.affirmed_conditions() == ()


def test_a_side_beside_the_next_complaint_is_not_this_ones() -> None:
    facts = read_note("S: c/o LBP and R SIJ pain.")
    sides = {c.concept: c.side for c in facts.conditions}
    assert sides == {"low_back_pain": None, "pelvic_girdle_pain": "right"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S: G3P2 with preeclampsia, BP 150/95.", ("preeclampsia", "affirmed")),
        ("S: Marginal placenta previa per US.", ("placenta_previa", "affirmed")),
        ("PMH: hx of DVT (2019).", ("dvt_history", "historical")),
        ("S: Reports vaginal bleeding since last night.", ("vaginal_bleeding", "affirmed")),
        ("S: Denies vaginal bleeding or preterm contractions.", ("vaginal_bleeding", "negated")),
        ("S: Denies VB/LOF/ctx.", ("vaginal_bleeding", "negated")),
        ("S: Mother had preeclampsia.", ("preeclampsia", "family")),
        ("P: Educated on signs of preeclampsia.", ("preeclampsia", "hypothetical")),
        ("S: Elevated BP noted today.", ("gestational_hypertension", "affirmed")),
    ],
)
def test_precautions_with_their_context(text: str, expected: tuple[str, str]) -> None:
    assert expected in statuses(read_note(text))


def test_high_risk_pregnancy_is_a_precaution_and_the_pregnancys_status() -> None:
    facts = read_note("S: High-risk pregnancy followed by MFM. Needs OB clearance.")
    assert facts.pregnancy.high_risk and facts.pregnancy.high_risk_span is not None
    assert ("high_risk_pregnancy", "affirmed") in statuses(facts)


# -- pain, limitations, measures ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A: NPRS 6/10 pre, 3/10 post.", [(6, "nprs", "before"), (3, "nprs", "after")]),
        ("A: VAS 7/10 -> 4/10.", [(7, "vas", "before"), (4, "vas", "after")]),
        ("A: Pain reduced from 8/10 to 2/10.", [(8, "unspecified", "before"), (2, "unspecified", "after")]),
        ("A: NPRS pre: 5/10, post: 1/10.", [(5, "nprs", "before"), (1, "nprs", "after")]),
        ("A: VAS: 7/10 (pre) / 1/10 (post).", [(7, "vas", "before"), (1, "vas", "after")]),
        ("A: She rated her pain 6/10 at the start of the session and 2/10 afterwards.",
         [(6, "unspecified", "before"), (2, "unspecified", "after")]),
        ("DOS: 3/10/26\nS: NPRS 6/10.", [(6, "nprs", "unspecified")]),
        ("Goals:\n1. Pain <= 3/10 with sitting in 4 wks", []),
    ],
)
def test_pain_scores_before_and_after(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(p.score, p.scale, p.when) for p in read_note(text).pain] == expected


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("S: Unable to sit > 20 min.", "sitting"),
        ("S: Difficulty with stairs.", "stairs"),
        ("S: Wakes 2-3x/night due to pain.", "sleeping"),
        ("S: Difficulty putting on shoes and socks and standing limited to 10 min.", "standing"),
        ("S: Sitting > 20 min increases pain.", "sitting"),
    ],
)
def test_functional_limitations(text: str, activity: str) -> None:
    assert activity in [f.value for f in read_note(text).functional_limitations]


def test_no_difficulty_is_not_a_limitation_and_a_goal_is_not_one() -> None:
    facts = read_note("S: No difficulty with stairs.\nGoal: pt will sit 45 min without waking due to pain.")
    assert facts.functional_limitations == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("O: Oswestry 34%.", ("oswestry", 34.0)), ("O: ODI: 28%", ("oswestry", 28.0)),
     ("O: PGQ score 45.", ("pgq", 45.0)), ("O: Pelvic Girdle Questionnaire 52%.", ("pgq", 52.0))],
)
def test_outcome_measures(text: str, expected: tuple[str, float]) -> None:
    assert [(m.name, m.value) for m in read_note(text).outcome_measures] == [expected]


# -- referral, plan, goals, signature, response ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "credential", "written"),
    [
        ("Referred by Dr. Jane Lee, OB on 3/1/2026.", "MD", date(2026, 3, 1)),
        ("Referred by Dr. Nora Walsh, DO on 2/8/26.", "DO", date(2026, 2, 8)),
        ("Rx from A. Cole, CNM dated 1/5/26.", "CNM", date(2026, 1, 5)),
        ("Referring Provider: Maria Chen, certified nurse midwife\nReferral Date: 02/14/2026", "CNM",
         date(2026, 2, 14)),
        ("Per referral from K. Ng, WHNP, dated 2026-01-20.", "NP", date(2026, 1, 20)),
        ("Referral received from Dr. Ana Kim (OB) on 3/1/26.", "MD", date(2026, 3, 1)),
        ("Physician order: Dr. Lee, MD 2/2/26", "MD", date(2026, 2, 2)),
    ],
)
def test_referral_credential_and_date(text: str, credential: str, written: date) -> None:
    referral = read_note(text).referral
    assert referral is not None
    assert (referral.credential, referral.date) == (credential, written)


def test_the_referring_doctors_name_survives_the_title() -> None:
    referral = read_note("Referred by Dr. Jane Lee, OB on 3/1/2026.").referral
    assert referral is not None and referral.name == "Dr. Jane Lee"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signed: Ann Roe, LMT NPI 1234567893", ("LMT", True, "1234567893")),
        ("Electronically signed by K. Ng, PT, DPT", ("PT", True, None)),
        ("Dr. Kate Larsen, DC", ("DC", True, None)),
        ("Signature: ________", (None, False, None)),
    ],
)
def test_signature_with_credential(text: str, expected: tuple[str | None, bool, str | None]) -> None:
    therapist = read_note(f"A: Tolerated tx well.\n{text}\n").therapist
    assert therapist is not None
    assert (therapist.credential, therapist.signed, therapist.npi) == expected


def test_goals_from_a_goals_section_leave_out_the_signature_and_referral_lines() -> None:
    text = (
        "P: 1x/wk x 6 wks.\nGoals:\n1. Sit 45 min without pain in 4 wks\n2. Decrease pain\n"
        "Referral: L. Chen, WHNP (January 22, 2026)\nElectronically signed by S. Chen, PT\n"
    )
    facts = read_note(text)
    assert [(g.span.text.strip(), g.measurable) for g in facts.goals] == [
        ("Sit 45 min without pain in 4 wks", True),
        ("Decrease pain", False),
    ]
    assert facts.therapist is not None and facts.therapist.credential == "PT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P: 1x/wk x 6 wks.", (1, 6)),
        ("Plan of Care: 2x/week for 4 weeks", (2, 4)),
        ("She walks 3x/week for exercise. Plan to continue once a week x 8 weeks.", (1, 8)),
    ],
)
def test_plan_of_care(text: str, expected: tuple[int, int]) -> None:
    plan = read_note(text).plan_of_care
    assert plan is not None and (plan.frequency_per_week, plan.duration_weeks) == expected


def test_a_frequency_outside_the_plan_is_not_a_plan() -> None:
    assert read_note("S: She walks 3x/week for exercise.").plan_of_care is None


@pytest.mark.parametrize(
    "text", ["A: Pt tolerated treatment well.", "A: Pt tol tx well.", "A: Reports feeling looser after tx."]
)
def test_response_to_treatment(text: str) -> None:
    assert read_note(text).responses


# -- positions and dates ---------------------------------------------------------------------------------------------


def test_positioning_but_not_an_exercise_named_after_a_position() -> None:
    facts = read_note("Tx: Pt positioned semi-reclined.\nTher ex x 10 min: side-lying hip abduction, bridges.")
    assert [p.concept for p in facts.positions] == ["semi_reclined"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("DOS: 03/12/2026", date(2026, 3, 12)), ("Date/Time: 3/12/26 9:00", date(2026, 3, 12)),
     ("Pt G1P0 (due date 12/9/26). Seen on 2026-03-12.", date(2026, 3, 12))],
)
def test_date_of_service_but_not_the_due_date(text: str, expected: date) -> None:
    assert read_note(text).date_of_service == expected


# -- the pattern file ------------------------------------------------------------------------------------------------


def pattern_examples() -> list[tuple[str, str]]:
    vocabulary = note_vocabulary()
    return [(name, example) for name, examples in vocabulary.pattern_examples.items() for example in examples]


@pytest.mark.parametrize(("name", "example"), pattern_examples())
def test_every_pattern_example_matches_and_its_fast_twin_agrees(name: str, example: str) -> None:
    """The examples in patterns.yaml are the patterns' contract; the lowercase twin that `Quantities` runs
    must find exactly the same spans as the pattern as written."""
    pattern = note_vocabulary().patterns[name]
    assert pattern.search(example), f"patterns.{name} does not match its example {example!r}"
    written = [(m.start(), m.end()) for m in pattern.finditer(example)]
    assert [(m.start(), m.end()) for m in Quantities(note_vocabulary()).finditer(name, example)] == written


def test_lowercase_regex_keeps_escapes_and_group_names() -> None:
    assert lowercase_regex(r"(?P<n>\d+)\s*MIN\S\B") == r"(?P<n>\d+)\s*min\S\B"
