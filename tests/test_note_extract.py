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


def test_a_technique_named_only_in_the_prescription_is_not_performed() -> None:
    text = ("Rx from Dr. Amy Chen, MD dated 10/20/26 for therapeutic massage 1x/wk x 6 wks.\n"
            "Tx: myofascial release to L QL x 15 min.")
    facts = read_note(text)
    assert techniques(text) == [("myofascial_release", 15)]
    assert facts.referral is not None and facts.referral.credential == "MD"


def test_the_heading_names_the_visit_and_the_techniques_below_are_the_services() -> None:
    text = "Prenatal massage - medical\nDate 11/3/2026\n9:25-9:40 myofascial release to L QL"
    assert techniques(text) == [("myofascial_release", 15)]
    assert techniques("Prenatal massage\nPt tolerated well.") == [("prenatal_massage", None)]
    assert techniques("Effleurage to back\nPt tolerated well.") == [("effleurage", None)]


def test_a_technique_in_parentheses_describes_the_one_before_it() -> None:
    text = "P: Ther act (body mechanics for lifting infant car seat) 12'."
    assert techniques(text) == [("therapeutic_activities", 12)]


def test_techniques_joined_by_a_slash_share_the_regions_after_them() -> None:
    (swedish, effleurage) = read_note("9:00-9:25 Swedish massage / effleurage to low back, hips").techniques
    assert (swedish.technique, swedish.minutes) == ("swedish_massage", 25)
    assert [r.region for r in swedish.regions] == [r.region for r in effleurage.regions] == ["lumbar", "hip"]


def test_one_side_covers_a_list_of_regions() -> None:
    (t,) = read_note("Tx: STM B UT/levator 20 min. ").techniques
    assert [(r.region, r.side) for r in t.regions] == [("cervical", "bilateral")]
    (t,) = read_note("Tx: MFR bilat forearms & wrists x 15 min.").techniques
    assert [(r.region, r.side) for r in t.regions] == [("upper_extremity", "bilateral"), ("wrist_hand", "bilateral")]


@pytest.mark.parametrize(
    ("text", "total"),
    [("STM 20 min, TrP release 8 min.\nTotal 28 min", 28), ("Tx done.\nTotal: 45 minutes", 45),
     ("STM to B calves total 20 min", None)],
)
def test_a_bare_total_starting_a_line_is_the_treatment_time(text: str, total: int | None) -> None:
    found = read_note(text).total_treatment_minutes
    assert (found.value if found else None) == total


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S: c/o neck and upper back pain from nursing.", {("neck_pain", "affirmed"), ("thoracic_pain", "affirmed")}),
        ("S: Pt denies neck or low back pain.", {("neck_pain", "negated"), ("low_back_pain", "negated")}),
        ("S: c/o low back/pelvic pain.", {("low_back_pain", "affirmed"), ("pelvic_girdle_pain", "affirmed")}),
        ("S: Hx of neck and back pain.", {("neck_pain", "historical"), ("low_back_pain", "historical")}),
        ("S: Reports hip and low back pain.", {("low_back_pain", "affirmed")}),
    ],
)
def test_sites_listed_before_one_word_for_pain_are_each_a_condition(text: str, expected: set[tuple[str, str]]) -> None:
    assert statuses(read_note(text)) == expected


def test_upper_back_pain_is_not_low_back_pain() -> None:
    assert statuses(read_note("S: c/o upper back pain between the shoulder blades.")) == {("thoracic_pain", "affirmed")}


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
        ("A: Advised to contact her OB today to rule out preeclampsia.", ("preeclampsia", "hypothetical")),
        ("A: r/o DVT; sent to L&D.", ("dvt_history", "hypothetical")),
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


# -- layouts and wording the held-out corpus showed (each written here in words of our own) -------------------------


def test_indented_lines_are_sentences_of_their_own() -> None:
    text = "TREATMENT TODAY\n  Ther ex (97110), 12 min: bridges\n  STM to R QL\n  Total 12 min"
    assert techniques(text) == [("therapeutic_exercise", 12), ("soft_tissue_mobilization", None)]


def test_leader_dots_in_a_template_do_not_end_the_line() -> None:
    (t,) = read_note("Services:\n  [x] Prenatal massage (97124) .... 45 min  Area: TFL and calves").techniques
    assert (t.technique, t.minutes, t.code) == ("prenatal_massage", 45, "97124")
    assert [r.region for r in t.regions] == ["hip", "lower_extremity"]


def test_a_treatment_table_gives_each_row_its_minutes_column() -> None:
    text = ("Code | Service | Minutes\n97140 | MFR R piriformis | 14\n97110 | Kegels | 9\n97112 | NMR | 10\n"
            "Total: 33 min")
    assert techniques(text) == [("myofascial_release", 14), ("pelvic_floor_exercise", 9),
                                ("neuromuscular_reeducation", 10)]


def test_a_24_hour_clock_range_is_minutes_and_a_span_of_years_is_not() -> None:
    assert techniques("Tx: 1410-1432 STM to L UT") == [("soft_tissue_mobilization", 22)]
    assert techniques("Tx: STM to L UT. Worked here 2019-2021.") == [("soft_tissue_mobilization", None)]


def test_a_code_goes_with_the_technique_it_labels() -> None:
    facts = read_note("Tx: postural stabilization training (97112) x 11 minutes; kneading petrissage to B calves")
    assert [(t.technique, t.minutes, t.code) for t in facts.techniques] == [
        ("postural_stabilization", 11, "97112"), ("petrissage", None, None)
    ]
    assert techniques("Tx: 97140 x 20 min") == [("manual_therapy", 20)]


def test_each_time_stays_in_its_own_clause() -> None:
    text = "Tx: STM to L piriformis; IASTM to B hips 10:05-10:17; core holds 10 min."
    assert techniques(text) == [
        ("soft_tissue_mobilization", None), ("instrument_assisted_soft_tissue_mobilization", 12)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tx: MFR to left lateral hip x 10 min", [("hip", "left")]),
     ("Tx: IASTM to B/L UE x 8 min", [("upper_extremity", "bilateral")]),
     ("Tx: spinal manip to T4-T6 and L5", [("thoracic", None), ("lumbar", None)]),
     ("Tx: STM to cervical paraspinals x 10 min", [("cervical", None)]),
     ("Tx: scar mobilization... STM to C-section scar x 8 min", [("abdomen", None)])],
)
def test_regions_in_the_words_and_segments_therapists_write(text: str, expected: list[tuple[str, str | None]]) -> None:
    facts = read_note(text)
    assert [(r.region, r.side) for t in facts.techniques for r in t.regions] == expected


@pytest.mark.parametrize(
    ("text", "side"),
    [("S: c/o right-sided PGP.", "right"), ("S: c/o rt QL spasm.", "right"), ("S: c/o L sided sciatica.", "left")],
)
def test_a_condition_takes_a_side_written_a_word_before_it(text: str, side: str) -> None:
    (condition,) = read_note(text).conditions
    assert condition.side == side


def test_every_prescription_line_names_techniques_not_done_today() -> None:
    text = "Referred by Dr. Ana Ruiz, MD on 2/1/26.\nRx: MLD and prenatal massage for B pedal edema.\nPt to schedule."
    facts = read_note(text)
    assert facts.techniques == () and not facts.billable
    assert facts.referral is not None and facts.referral.credential == "MD"


@pytest.mark.parametrize(
    "text",
    ["Tx: MFR to QL x 15 min. Consider TENS next visit.", "Tx: MFR to QL x 15 min; will add STM to glutes.",
     "Tx: MFR to QL x 15 min. Prenatal massage rescheduled to Friday."],
)
def test_a_technique_for_another_day_is_not_performed(text: str) -> None:
    assert techniques(text) == [("myofascial_release", 15)]


def test_visits_counted_in_a_summary_are_past_care() -> None:
    assert techniques("DISCHARGE SUMMARY\nSeen for 10 visits of MFR and ther ex.\nGoals met.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Screen:\n  History of DVT: [ ] Yes [X] No", ("dvt_history", "negated")),
     ("Screen:\n  Placenta previa: Yes [ ] No [x]", ("placenta_previa", "negated")),
     ("Screen:\n  History of DVT: [x] Yes [ ] No", ("dvt_history", "historical")),
     ("PMH: SPD (resolved).", ("symphysis_pubis_dysfunction", "historical"))],
)
def test_ticked_boxes_and_resolved_complaints(text: str, expected: tuple[str, str]) -> None:
    assert statuses(read_note(text)) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Gestational Age: 33wk", "33w0d"), ("Pregnancy: 21 wks", "21w0d"), ("Pt 26wk G2P1 c/o LBP.", "26w0d"),
     ("Pt is G2P1 27 wks, c/o LBP.", "27w0d"), ("Pt, 35 wks, called to ask about swelling.", "35w0d")],
)
def test_gestational_age_in_template_fields_and_beside_gravida_para(text: str, expected: str) -> None:
    assert read_note(text).pregnancy.gestational_age == expected


@pytest.mark.parametrize(
    ("text", "credential"),
    [("Ref: Lena Park, CNM (3/2/26)", "CNM"), ("Her referral is from Dr. Omar Said, DO.", "DO")],
)
def test_referral_cues_of_templates_and_narratives(text: str, credential: str) -> None:
    referral = read_note(text).referral
    assert referral is not None and referral.credential == credential


def test_clearance_still_pending_is_not_a_referral() -> None:
    assert read_note("MLD deferred until cleared by OB.").referral is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tx: full-body pregnancy massage for forty-five minutes.", [("prenatal_massage", 45)]),
     ("Tx: TherEx 10 min (bridges, clamshells).", [("therapeutic_exercise", 10)]),
     ("Tx: HVLA manip to T5-T7.", [("spinal_manipulation", None)]),
     ("Tx: 20-min TherAct (car seat lifting).", [("therapeutic_activities", 20)])],
)
def test_dictated_and_run_together_wording(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert techniques(text) == expected


def test_no_before_a_list_negates_the_whole_list() -> None:
    facts = read_note("S: No ctx, CTS, LOF, sciatica or vaginal bleeding.")
    assert {("sciatica", "negated"), ("vaginal_bleeding", "negated"), ("carpal_tunnel", "negated")} <= statuses(facts)


def test_a_site_shares_the_pain_word_across_a_side() -> None:
    facts = read_note("S: C/o neck and right-sided pelvic girdle pain.")
    assert {(c.concept, c.side) for c in facts.conditions} == {("neck_pain", None), ("pelvic_girdle_pain", "right")}


def test_an_abbreviation_in_capitals_keeps_its_meaning_and_a_region_in_lower_case_its_own() -> None:
    assert [r.region for t in read_note("Tx: stretching to L pec x 5 min").techniques for r in t.regions] == ["chest"]
    assert ("preeclampsia", "affirmed") in statuses(read_note("S: PEC dx'd at 30 wks."))


@pytest.mark.parametrize(
    ("text", "codes"),
    [("TREATMENT TODAY\n  PT evaluation (97163), 35 min\n  MFR (97140) to R QL x 10 min", ["97163"]),
     ("97162 - PT eval, moderate complexity; STM R QL 10 min", ["97162"]),
     ("PLAN\nRe-eval (97164) in 4 wks.", []),
     ("Referral: Dr. Ana Ruiz, MD for PT eval (97161) and treat.", []),
     ("Tx: MFR x 10 min. Will re-eval (97164) next visit.", [])],
)
def test_an_evaluation_billed_today_is_read_with_its_code(text: str, codes: list[str]) -> None:
    facts = read_note(text)
    assert [e.value for e in facts.evaluations] == codes
    assert facts.billable is bool(codes or facts.techniques)


def test_a_later_mention_gives_the_side_the_first_lacked() -> None:
    facts = read_note("Referral: Dr. Ana Ruiz, MD, for pelvic girdle pain.\nS: R SIJ pain x 4 wks.")
    assert [(c.concept, c.side) for c in facts.conditions] == [("pelvic_girdle_pain", "right")]


def test_unticked_techniques_and_answered_screens_in_a_template() -> None:
    text = ("Health screen:\n  Any vaginal bleeding this pregnancy?    [ ] Yes  [X] No\n"
            "  Told you are high-risk?  [ ] Yes  [X] No\n"
            "Techniques: ☐ Effleurage  ☐ Petrissage  ☑ Tapotement\nServices:\n  Prenatal massage ..... 40 min\n")
    facts = read_note(text)
    assert {t.technique for t in facts.techniques} == {"tapotement", "prenatal_massage"}
    assert statuses(facts) == {("vaginal_bleeding", "negated"), ("high_risk_pregnancy", "negated")}
    assert not facts.pregnancy.high_risk


def test_a_cue_does_not_reach_past_a_semicolon() -> None:
    facts = read_note("PMH: no vaginal bleeding this pregnancy; FHx: gestational HTN (sister).")
    assert statuses(facts) == {("vaginal_bleeding", "negated"), ("gestational_hypertension", "family")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tx: MFR to rhomboids (L) x 14 min", ("thoracic", "left")),
     ("Tx: stretching to the TFL on the left 4:47p-5:07p.", ("hip", "left")),
     ("Tx: ultrasound volar wrist, R side (8 mins)", ("wrist_hand", "right")),
     ("Tx: MFR to pectorals bilaterally for 10 min.", ("chest", "bilateral"))],
)
def test_a_side_written_after_the_region(text: str, expected: tuple[str, str]) -> None:
    (t,) = read_note(text).techniques
    assert [(r.region, r.side) for r in t.regions] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("dos 3/18/2024. 31wks. c/o LBP.", "31w0d"), ("VISIT 3 | 9/24/2024 | 26 wks\nSUBJ: LBP", "26w0d"),
     ("Client K. (16wks) did not arrive.", "16w0d")],
)
def test_weeks_written_as_a_fragment_of_their_own(text: str, expected: str) -> None:
    assert read_note(text).pregnancy.gestational_age == expected


def test_after_the_birth_weeks_alone_are_not_a_gestational_age() -> None:
    pregnancy = read_note("S: 12 weeks post partum. Cleared for exercise at 6 wk OB check.").pregnancy
    assert (pregnancy.postpartum_weeks, pregnancy.gestational_age) == (12, None)


def test_a_note_that_says_nothing_was_done_today_bills_nothing() -> None:
    text = "DISCHARGE SUMMARY\nOver 11 visits pt received manual therapy and TherEx; no treatment was provided today."
    assert techniques(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tx: Adjustments delivered to sacrum and L5 (Activator).", [("chiropractic_adjustment", None)]),
     ("Tx: MFR (8 mins) to C-section scar, incl. scar mobilization in all directions", [("myofascial_release", 8)]),
     ("Seen today for a massage session. Pregnancy massage to the sacral region for 50 min.",
      [("prenatal_massage", 50)]),
     ("| 97110 | Kegels | 8 |\nExercise detail: Kegels: quick flicks x10, 5-sec holds x10",
      [("pelvic_floor_exercise", None)]),
     ("Tx: ther act 15'; stm to l cervical paraspinals; mfr x 10 min", [
         ("therapeutic_activities", 15), ("soft_tissue_mobilization", None), ("myofascial_release", 10)]),
     ("Health history: placenta previa seen on her most recent obstetric ultrasound. MFR to QL 10 min.",
      [("myofascial_release", 10)])],
)
def test_one_service_written_several_ways_is_one_technique(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert techniques(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Treatment:\n  Prenatal msg (shoulder) 30'", [("prenatal_massage", 30)]),
     ("Tx: self-care trng x 15 min; trigger pt release to levator scap", [
         ("self_care_training", 15), ("trigger_point_release", None)]),
     ("A/P: HVLA T5, C2\n+ CP (sacrum) 10'", [("spinal_manipulation", None), ("cold_pack", 10)]),
     ("INTERVENTIONS\n  ther ex ............ n/a ... 12 min", [("therapeutic_exercise", 12)]),
     ("Phone: left msg to reschedule. Prenatal massage (50 min) on Friday kept as scheduled.", [])],
)
def test_more_shorthand_and_layouts(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert techniques(text) == expected


def test_n_a_still_answers_a_screening_field() -> None:
    assert ("gestational_edema", "negated") in statuses(read_note("Screen:\n  Swelling: n/a"))


@pytest.mark.parametrize(
    "text", ["Client is 34w pregnant, due April 18.", "G2P0 @ 34w; c/o LBP", "Eval | DOS 5/8/25 | 34w"]
)
def test_weeks_written_with_a_bare_w(text: str) -> None:
    assert read_note(text).pregnancy.gestational_age == "34w0d"


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


# -- held-out wording: limitations, responses, dates, positions, plan, goals, pain, totals, measures -----------------


def limitations(text: str) -> list[str]:
    return [f.value or "" for f in read_note(text).functional_limitations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S: Limited: standing >20 min, climbing stairs, carrying laundry basket.", ["standing", "stairs", "carrying"]),
        ("S: Limited tolerance for cooking, lifting her son, driving to work.",
         ["household_tasks", "lifting", "driving"]),
        ("S: Functional limitations: driving.", ["driving"]),
        ("S: ↑ pain w/ bending and lifting her son.", ["bending", "lifting"]),
        ("S: Difficulty w/ turning over in bed.", ["rolling_in_bed"]),
        ("S: Her symptoms limit walking and putting on socks.", ["walking", "dressing"]),
    ],
)
def test_every_activity_of_a_list_a_limiter_heads(text: str, expected: list[str]) -> None:
    assert limitations(text) == expected


def test_an_activity_behind_other_words_is_not_in_the_list() -> None:
    assert limitations("S: Difficulty sitting, relieved by walking.") == ["sitting"]


@pytest.mark.parametrize(
    "text",
    ["A: Good response to treatment.", "A: Pt reports ↓ tightness after tx.", "A: Pt reports feeling 'looser' today.",
     "A: She said she felt a lot more relaxed.", "A: Client felt much better at the end."],
)
def test_response_wordings(text: str) -> None:
    assert read_note(text).responses


def test_a_report_that_nothing_improved_is_not_a_response() -> None:
    assert not read_note("S: Pt reports pain is not better since last week.").responses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14-Feb-2026\nS: Pt 30w, c/o LBP.", date(2026, 2, 14)),
        ("02/14/2026: Pt 30w, c/o LBP.", date(2026, 2, 14)),
        ("On 02/14/2026 pt came in for her massage.", date(2026, 2, 14)),
        ("Phone encounter 2026-02-14\nPt called re: swelling.", date(2026, 2, 14)),
        ("Seen 2026-02-14: she came in for her massage.", date(2026, 2, 14)),
        ("DOS: 14 February 2026", date(2026, 2, 14)),
        ("DOS 14-feb-26", date(2026, 2, 14)),
    ],
)
def test_date_of_service_forms(text: str, expected: date) -> None:
    assert read_note(text).date_of_service == expected


def test_a_last_visit_is_not_the_date_of_service() -> None:
    assert read_note("S: Pt last seen 1/3/26, c/o LBP since.").date_of_service is None


def test_a_day_first_due_date() -> None:
    assert read_note("S: G1P0 at 30 wks (EDD 02-Jun-2026).").pregnancy.edd == date(2026, 6, 2)


def test_an_unticked_position_box_is_not_a_position() -> None:
    facts = read_note("Positioning: [ ] Side-lying  [x] Seated  [ ] Prone w/ cushion\nTx: Swedish massage 30 min")
    assert [p.concept for p in facts.positions] == ["seated"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("O: Pt prone w/ belly cushion.", "prone_with_cushion"), ("O: Supine w/ R tilt wedge.", "supine_with_wedge")],
)
def test_cushion_and_wedge_forms(text: str, expected: str) -> None:
    assert [p.concept for p in read_note(text).positions] == [expected]


def test_a_frequency_written_without_a_slash() -> None:
    plan = read_note("A: Progressing.\nP: 3x wk x 6 wks.").plan_of_care
    assert plan is not None and (plan.frequency_per_week, plan.duration_weeks) == (3, 6)


@pytest.mark.parametrize(
    "text", ["A: Goals met. D/c to HEP.", "A: STGs partially met.", "A: Pt progressing toward goals."]
)
def test_a_report_on_the_goals_is_not_a_goal(text: str) -> None:
    assert read_note(text).goals == ()


def pain(text: str) -> list[tuple[float, str, str]]:
    return [(p.score, p.scale, p.when) for p in read_note(text).pain]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pain (NRS): Pre 6/10   Post 2/10", [(6.0, "nprs", "before"), (2.0, "nprs", "after")]),
        ("S: NPRS current 4/10, worst 8/10, best 2/10.",
         [(4.0, "nprs", "unspecified"), (8.0, "nprs", "unspecified"), (2.0, "nprs", "unspecified")]),
        ("A: VAS 5/10 before tx and 2/10 after.", [(5.0, "vas", "before"), (2.0, "vas", "after")]),
        ("S: On arrival she rated her low back pain 7/10. After the massage she rated it 2/10.",
         [(7.0, "unspecified", "before"), (2.0, "unspecified", "after")]),
        ("S: Rates pain 6/10 today.", [(6.0, "unspecified", "unspecified")]),
    ],
)
def test_pain_when_and_scale(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert pain(text) == expected


@pytest.mark.parametrize("text", ["Timed 38'.", "Total timed: 38 min", "38 timed min.", "Timed tx 38 min"])
def test_total_timed_minutes_forms(text: str) -> None:
    total = read_note(f"Tx: STM 20 min; ther ex 18 min.\n{text}").total_timed_minutes
    assert total is not None and total.value == 38


def test_a_timed_test_is_not_the_total_timed_minutes() -> None:
    assert read_note("O: Timed up and go 12 sec.").total_timed_minutes is None


def test_an_averaged_psfs() -> None:
    measures = read_note("O: PSFS avg 4.5").outcome_measures
    assert [(m.name, m.value) for m in measures] == [("psfs", 4.5)]


def test_a_title_line_ending_in_a_date_dates_the_visit() -> None:
    assert read_note("Progress Note — 02/14/2026\nS: c/o LBP.").date_of_service == date(2026, 2, 14)
    assert read_note("Pt due 6/2/26\nS: c/o LBP.").date_of_service is None


def test_minutes_on_the_line_above_are_not_the_total_timed() -> None:
    total = read_note("Tx:\n  MLD hands x 10 min\n  Timed code treatment minutes: 25").total_timed_minutes
    assert total is not None and total.value == 25


def test_a_numbered_list_of_goals_continues_without_a_cue() -> None:
    text = "P: 2x/wk x 4 wks.\n1. Pt will sit 30 min without pain in 3 wks.\n2. Improve sleep.\nJ. Roe, PT"
    assert [g.measurable for g in read_note(text).goals] == [True, False]


def test_a_goal_on_the_line_before_a_dashed_signature() -> None:
    goals = read_note("A: Tol tx well.\nLTG: Pt will stand 20 min without pain in 4 wks.\n— J. Roe, LMT").goals
    assert [g.measurable for g in goals] == [True]


# -- goals, response, visit date, pain, limitations, totals, plan, positioning and signature: layouts and wording of
# -- evaluation templates, forms and notes typed in lower case --------------------------------------------------------


def test_the_fields_an_evaluation_writes_after_its_goals_end_the_goals() -> None:
    text = (
        "STG: Pt will stand 20 min without pain within 3 wks\nFrequency: 2x/week   Duration: 6 weeks\n"
        "Planned interventions: HEP, STM\nTreatment Today:\n  STM x 12 min to L QL\nTherapist: Ana Ruiz, PT\n"
    )
    facts = read_note(text)
    assert [g.measurable for g in facts.goals] == [True]
    assert facts.plan_of_care is not None
    assert (facts.plan_of_care.frequency_per_week, facts.plan_of_care.duration_weeks) == (2, 6)


def test_the_therapist_line_after_a_goal_is_not_a_goal() -> None:
    text = "Goals: 1. Better sleep\nTherapist: J. Roe, LMT\nElectronically signed by J. Roe, LMT on 2/2/2026"
    assert [g.span.text.strip() for g in read_note(text).goals] == ["Better sleep"]


def test_a_goal_label_inside_a_line_labels_one_goal() -> None:
    text = "P: 2x/wk x 4 wks. LTG: Pt will walk 20 min in 4 wks. Pt to call OB if bleeding occurs.\nJ. Roe, PT"
    assert [g.span.text.strip() for g in read_note(text).goals] == ["LTG: Pt will walk 20 min in 4 wks."]


def test_an_order_to_improve_an_outcome_is_a_goal() -> None:
    assert [g.measurable for g in read_note("A: Tol tx well. Reduce neck tension over the next month.").goals] == [
        False
    ]
    assert read_note("A: Decreased pain post-tx. Increase water intake.").goals == ()


@pytest.mark.parametrize(
    "text",
    [
        "Resp: tol well",
        "tol well, will rebook",
        "Response: fair, some soreness in the hips",
        "RESP: NRS 2/10 after tx",
        "Client response: felt lighter",
        'She feels "a lot looser" now.',
        "Reduced muscle tension noted at the end of the session.",
    ],
)
def test_response_wording_and_a_filled_in_response_field(text: str) -> None:
    assert read_note(text).responses


@pytest.mark.parametrize(
    "text",
    [
        "Response: ______",
        "Response: N/A",
        "Vitals: BP 112/70, Resp: 16",
        "Response to treatment: [ ] Tolerated well  [ ] Soreness",
        "Goal: feel more relaxed by 36 wks",
    ],
)
def test_no_response_in_an_empty_field_vitals_or_a_goal(text: str) -> None:
    assert read_note(text).responses == ()


@pytest.mark.parametrize(
    "text",
    [
        "Date of Evaluation: 02/03/2026\nS: LBP",
        "Pt was seen today, February 3, 2026 for a massage.",
        "Follow-up visit 2/3/2026. She returns with LBP.",
        "VISIT 4 | 2/3/26 | 30 wks\nS: LBP",
    ],
)
def test_visit_date_forms(text: str) -> None:
    assert read_note(text).date_of_service == date(2026, 2, 3)


@pytest.mark.parametrize(
    "text", ["Last visit 1/20/2026. Today c/o LBP.", "Jane Doe | DOB 4/5/1990 | MRN 1\nS: LBP"]
)
def test_dates_that_are_not_the_visit_date(text: str) -> None:
    assert read_note(text).date_of_service is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S: Pain 5 out of 10 pre-tx.", [(5.0, "unspecified", "before")]),
        ("S: NPRS 3/10 now, 7/10 at worst.", [(3.0, "nprs", "unspecified"), (7.0, "nprs", "unspecified")]),
        ("Pain: NRS   Pre-massage: 6/10   Post-massage: 2/10",
         [(6.0, "nprs", "before"), (2.0, "nprs", "after")]),
        ("S: Tired, worse at the end of the day. 5/10 pain before tx.", [(5.0, "unspecified", "before")]),
        ("S: Has attended 8 out of 10 sessions.", []),
    ],
)
def test_pain_out_of_ten_labels_and_when_words_of_the_score_before(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert pain(text) == expected


def test_ticked_limitations_on_a_form() -> None:
    facts = read_note("Functional limitations: [ ] Walking  [x] Lifting  [ ] Sitting  [x] Stairs\nO: TTP R SIJ")
    assert [f.value for f in facts.functional_limitations] == ["lifting", "stairs"]


def test_a_limitation_with_a_modifier_in_a_list() -> None:
    facts = read_note("S: Reports difficulty with bending and upper body dressing.")
    assert [f.value for f in facts.functional_limitations] == ["bending", "dressing"]


@pytest.mark.parametrize(
    "text", ["Total treatment minutes: 40", "Timed: 30 min; total session: 40 min", "STM 30 min.\nTx time 40 min"]
)
def test_total_treatment_forms(text: str) -> None:
    total = read_note(text).total_treatment_minutes
    assert total is not None and total.value == 40


def test_a_technique_time_is_not_the_total() -> None:
    assert read_note("Tx: STM to R QL, tx time 15 min.").total_treatment_minutes is None


def test_a_duration_field_beside_the_frequency() -> None:
    plan = read_note("Frequency: 1x/week    Duration: 6 weeks").plan_of_care
    assert plan is not None and (plan.frequency_per_week, plan.duration_weeks) == (1, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pos: seated -> sl\nmassage 30 min", ["seated", "side_lying"]),
        ("O: sl tender R QL.", []),
        ("O: Positioned semi-recl. w/ pillows.", ["semi_reclined"]),
        ("Position: SL only", ["side_lying"]),
    ],
)
def test_positions_typed_short(text: str, expected: list[str]) -> None:
    assert [p.concept for p in read_note(text).positions] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signed: ana ruiz, lmt", ("LMT", True, None)),
        ("/s/ ana ruiz, lmt, bctmb  npi 1234567893", ("LMT", True, "1234567893")),
    ],
)
def test_a_signature_typed_in_lower_case(text: str, expected: tuple[str, bool, str | None]) -> None:
    therapist = read_note(f"pt tol tx well.\n{text}\n").therapist
    assert therapist is not None
    assert (therapist.credential, therapist.signed, therapist.npi) == expected


@pytest.mark.parametrize(
    "text", ["pt tol tx well.\npt to return in 1 wk.", "Goals met.\nD/c from skilled PT."]
)
def test_a_profession_named_in_a_closing_sentence_is_not_a_signature(text: str) -> None:
    assert read_note(text).therapist is None


# -- pain timing, limitations, plan, goals, date of service, signature: wordings from a fourth generator's run -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CC: LBP; 6/10 (NRS) pre-session; STM 20 min.", [(6.0, "nprs", "before")]),
        ("STM 20 min. 1/10 (VAS) post-tx, tol well.", [(1.0, "vas", "after")]),
        ("S: neck pain, 5/10 on VAS pre-tx.", [(5.0, "vas", "before")]),
        ("Pain (NPRS):  pre-treatment 7/10   post-treatment 2/10",
         [(7.0, "nprs", "before"), (2.0, "nprs", "after")]),
        ("NPRS 6/10 pre-tx 2/10 post-tx", [(6.0, "nprs", "before"), (2.0, "nprs", "after")]),
    ],
)
def test_pain_timing_after_a_named_scale_or_in_a_labelled_row(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert [(p.score, p.scale, p.when) for p in read_note(text).pain] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CC: SPD. ↑ w/ stairs. MFR 15 min.", ["stairs"]),
        ("S: LBP, worse with prolonged sitting + lifting toddler.", ["sitting", "lifting"]),
        ("Reports difficulty with standing, going up the stairs and turning over in bed.",
         ["standing", "stairs", "rolling_in_bed"]),
        ("Functional limitations: [ ] Driving  [x] Fwd bending", ["bending"]),
    ],
)
def test_limitations_in_shorthand(text: str, expected: list[str]) -> None:
    assert [f.value for f in read_note(text).functional_limitations] == expected


def test_a_position_on_a_preg_cushion() -> None:
    assert [p.concept for p in read_note("Pt positioned prone w/ preg cushion. MFR 10 min.").positions] == [
        "prone_with_cushion"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tx: MFR L QL 15 min\n3x/wk for 4 wks\nSigned: A. Diaz, LMT", (3, 4)),
        ("A: tol well\nProposed: 1x/week x 8 weeks once cleared by OB.", (1, 8)),
        ("PLAN OF CARE\n  Freq: 2 x per wk | Dur: 6 weeks", (2, 6)),
    ],
)
def test_a_frequency_with_weeks_of_care_is_a_plan(text: str, expected: tuple[int, int]) -> None:
    plan = read_note(text).plan_of_care
    assert plan is not None and (plan.frequency_per_week, plan.duration_weeks) == expected


def test_an_activity_frequency_without_weeks_is_not_a_plan() -> None:
    assert read_note("S: Pt walks 3x/wk for exercise. MFR 15 min.").plan_of_care is None


def test_goals_listed_on_one_line_between_slashes() -> None:
    goals = read_note("Goals: Walk 20 min without pain in 4 wks / Promote relaxation / Pain 2/10 with stairs\n").goals
    assert [(g.span.text.strip(), g.measurable) for g in goals] == [
        ("Goals: Walk 20 min without pain in 4 wks", True),
        ("Promote relaxation", False),
        ("Pain 2/10 with stairs", True),
    ]


@pytest.mark.parametrize("goal", ["Bridge hold 5 sec x10 by visit 8", "Plank hold 30 seconds by the fifth visit"])
def test_a_goal_measured_in_seconds_and_reps_or_by_a_visit(goal: str) -> None:
    goals = read_note(f"Goal 1: {goal}\n").goals
    assert [g.measurable for g in goals] == [True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pt is a 30 y/o G2P1 at 28 wks who presents on March 3, 2025 for LBP.", date(2025, 3, 3)),
        ("Referral: Dr. Ana Kim, MD 2/1/25\n03-Mar-2025: pt seen for LBP, MFR 15 min.", date(2025, 3, 3)),
        ("Referral: Dr. Ana Kim, MD 2/1/25\n2/14/25: OB cleared pt\nDOS: 3/3/25\nMFR 15 min.", date(2025, 3, 3)),
    ],
)
def test_a_date_of_service_dictated_or_opening_a_chart_entry(text: str, expected: date) -> None:
    assert read_note(text).date_of_service == expected


@pytest.mark.parametrize("line", ["Provider signature: [ not signed ]", "Signature: unsigned"])
def test_a_signature_field_marked_not_signed(line: str) -> None:
    therapist = read_note(f"MFR 15 min. Tol well.\n{line}\n").therapist
    assert therapist is not None and therapist.signed is False and therapist.credential is None


def test_a_frequency_told_as_history_is_not_a_plan() -> None:
    assert read_note("S: Pt has been walking 3x/wk for 6 weeks. MFR 15 min.").plan_of_care is None
