"""The held-out corpus's own surface forms: how therapists write techniques, complaints, precautions and the rest.

Why a separate, hand-written table: the point of the held-out corpus is to measure the extractor on wording it was
not tuned on, so these forms come from clinical documentation habits (SOAP shorthand, EMR field labels, CPT-style
descriptions), not from the project's vocabulary. Each table maps a label id to (abbreviated-register forms,
full-register forms); a style picks its register and the draft picks one form at random.

Wording decisions a reviewer may question:

- "CMT", "adjustment", "Diversified"/"Activator"/"Webster" adjustments -> chiropractic_adjustment; "spinal
  manipulation"/"HVLA" -> spinal_manipulation. The two are never written in the same note.
- "IFC (unattended)" and "unattended e-stim" -> unattended_electrical_stimulation; "TENS" -> tens.
- "ischemic compression" is not used; trigger point work is written "TrP release"/"trigger point release".
- Component strokes (effleurage, petrissage, tapotement) are written as their own line with their own area, never
  nested inside another technique's line.
- "denies X" / "no X" / "negative for X" -> negated; "h/o X" / "hx of X" / "history of X" -> historical (so "h/o
  DVT" is dvt_history with status historical, and "no h/o DVT" is negated); "if X develops" / "should X occur" /
  "r/o X" -> hypothetical; "mother had X" / "sister w/ X" / "FHx: X (mother)" -> family.
- high_risk is true exactly when the note states a high-risk pregnancy (labelled high_risk_pregnancy, affirmed);
  other affirmed precautions are only written in notes that also say so.
- GHTN / gestational HTN / PIH -> gestational_hypertension; bare "HTN" is not used.
- "swelling" of feet, ankles or legs in a pregnant patient, "pedal edema", "LE edema" -> gestational_edema.
- NPRS/NRS -> nprs; VAS -> vas; a bare "6/10" -> unspecified. A scale named once before a pre/post pair applies to
  both scores.
- A goal is measurable when it states a number (reps, seconds, minutes, hours, percent) and a time frame.
"""

from __future__ import annotations

Forms = tuple[tuple[str, ...], tuple[str, ...]]

TECHNIQUE_NAMES: dict[str, Forms] = {
    "prenatal_massage": (("prenatal massage",), ("prenatal massage", "pregnancy massage", "maternity massage")),
    "swedish_massage": (("Swedish massage",), ("Swedish massage",)),
    "therapeutic_massage": (("therapeutic massage",), ("therapeutic massage",)),
    "massage": (("massage",), ("massage",)),
    "effleurage": (("effleurage",), ("effleurage", "long gliding effleurage")),
    "petrissage": (("petrissage",), ("petrissage", "kneading petrissage")),
    "tapotement": (("tapotement", "light tapotement"), ("light tapotement",)),
    "manual_therapy": (("manual tx", "manual therapy"), ("manual therapy",)),
    "myofascial_release": (("MFR",), ("myofascial release",)),
    "soft_tissue_mobilization": (("STM",), ("soft tissue mobilization",)),
    "manual_lymphatic_drainage": (("MLD",), ("manual lymphatic drainage", "manual lymph drainage")),
    "joint_mobilization": (("jt mobs", "gr II-III jt mobs"), ("joint mobilization", "grade III joint mobilization")),
    "trigger_point_release": (("TrP release",), ("trigger point release",)),
    "instrument_assisted_soft_tissue_mobilization": (("IASTM",), ("instrument-assisted soft tissue mobilization",)),
    "therapeutic_exercise": (("TherEx", "ther ex"), ("therapeutic exercise",)),
    "stretching": (("stretching", "passive stretching"), ("stretching", "passive stretching")),
    "pelvic_floor_exercise": (("PFMT", "PFM training"), ("pelvic floor exercises", "pelvic floor muscle training")),
    "neuromuscular_reeducation": (("NMR", "NM re-ed", "neuro re-ed"), ("neuromuscular re-education",)),
    "postural_stabilization": (("postural stab", "postural stabilization"), ("postural stabilization training",)),
    "therapeutic_activities": (("TherAct", "ther act"), ("therapeutic activities",)),
    "body_mechanics_education": (("body mechanics ed",), ("body mechanics education", "body mechanics training")),
    "self_care_training": (("self-care training",), ("self-care training", "self-care/home management training")),
    "hot_pack": (("MHP", "moist heat"), ("moist hot pack", "hot pack")),
    "cold_pack": (("cold pack", "ice pack"), ("cold pack", "ice pack")),
    "unattended_electrical_stimulation": (
        ("unattended e-stim", "IFC (unattended)"),
        ("unattended electrical stimulation",),
    ),
    "tens": (("TENS",), ("TENS",)),
    "ultrasound": (("US", "ultrasound"), ("therapeutic ultrasound",)),
    "spinal_manipulation": (("HVLA manip", "spinal manip"), ("spinal manipulation", "HVLA spinal manipulation")),
    "chiropractic_adjustment": (("CMT", "Diversified adj"), ("chiropractic adjustment", "Diversified adjustment")),
}

#: A procedure code a therapist might write next to the technique (not labelled: the label model has no code field).
TECHNIQUE_CODES: dict[str, str] = {
    "prenatal_massage": "97124",
    "swedish_massage": "97124",
    "therapeutic_massage": "97124",
    "massage": "97124",
    "manual_therapy": "97140",
    "myofascial_release": "97140",
    "soft_tissue_mobilization": "97140",
    "manual_lymphatic_drainage": "97140",
    "joint_mobilization": "97140",
    "trigger_point_release": "97140",
    "instrument_assisted_soft_tissue_mobilization": "97140",
    "therapeutic_exercise": "97110",
    "stretching": "97110",
    "pelvic_floor_exercise": "97110",
    "neuromuscular_reeducation": "97112",
    "postural_stabilization": "97112",
    "therapeutic_activities": "97530",
    "body_mechanics_education": "97535",
    "self_care_training": "97535",
    "hot_pack": "97010",
    "cold_pack": "97010",
    "unattended_electrical_stimulation": "G0283",
    "tens": "97014",
    "ultrasound": "97035",
    "chiropractic_adjustment": "98941",
}

#: Techniques billed by time (the "timed minutes" of a note); hot/cold packs, unattended stimulation and
#: adjustments are not.
UNTIMED = frozenset(
    {
        "hot_pack",
        "cold_pack",
        "unattended_electrical_stimulation",
        "tens",
        "chiropractic_adjustment",
        "spinal_manipulation",
    }
)

#: What was done within an exercise-type technique, written after it (contains no technique, region or limitation
#: words, so it adds no fact).
TECHNIQUE_DETAILS: dict[str, tuple[str, ...]] = {
    "therapeutic_exercise": (
        "TrA bracing, bridges, bird dog",
        "quadruped cat-camel, bird dog, modified dead bugs",
        "diaphragmatic breathing w/ TrA, mini squats",
        "wall squats, bridges 2x10, band rows",
    ),
    "neuromuscular_reeducation": (
        "breath and core coordination drills",
        "single-leg balance with light hand support",
        "motor control training with tactile cueing",
        "balance drills on foam",
    ),
    "therapeutic_activities": (
        "car transfer practice",
        "functional reaching and squatting tasks",
        "infant care task simulation",
    ),
    "postural_stabilization": ("wall angels and postural holds", "band pull-aparts with core bracing"),
    "pelvic_floor_exercise": ("quick flicks and 5-sec holds x10", "contract/relax with breath, 3 sets"),
    "body_mechanics_education": ("for childcare tasks", "for infant care and feeding posture"),
    "self_care_training": ("home comfort strategies and pillow placement", "use of a pregnancy support belt"),
}

CONDITION_NAMES: dict[str, Forms] = {
    "low_back_pain": (("LBP",), ("low back pain", "lower back pain")),
    "pelvic_girdle_pain": (("PGP",), ("pelvic girdle pain",)),
    "symphysis_pubis_dysfunction": (("SPD",), ("symphysis pubis dysfunction", "pubic symphysis dysfunction")),
    "sciatica": (("sciatica",), ("sciatica",)),
    "carpal_tunnel": (("CTS",), ("carpal tunnel syndrome",)),
    "gestational_edema": (("LE edema", "pedal edema"), ("swelling in the feet and ankles", "pedal edema")),
    "neck_pain": (("neck pain",), ("neck pain",)),
    "coccyx_pain": (("coccyx pain", "coccydynia"), ("tailbone pain", "coccyx pain")),
    "round_ligament_pain": (("round lig pain",), ("round ligament pain",)),
    "muscle_spasm": (("muscle spasm", "paraspinal spasm"), ("muscle spasm", "paraspinal muscle spasm")),
    "anxiety": (("anxiety",), ("anxiety",)),
}

#: Conditions written with a side: forms with {s} (a side word) or {sd} (left-sided/right-sided).
SIDED_CONDITION_FORMS: dict[str, tuple[str, ...]] = {
    "sciatica": ("{s} sciatica", "{sd} sciatica"),
    "carpal_tunnel": ("{s} CTS", "{s} carpal tunnel syndrome"),
    "round_ligament_pain": ("{s} round ligament pain", "{sd} round ligament pain"),
    "muscle_spasm": ("{s} QL spasm", "{s} paraspinal spasm"),
    "pelvic_girdle_pain": ("{sd} PGP", "{sd} pelvic girdle pain"),
    "gestational_edema": ("{s} pedal edema", "{s} LE edema"),
}

PRECAUTION_NAMES: dict[str, Forms] = {
    "preeclampsia": (("preeclampsia", "pre-eclampsia"), ("preeclampsia",)),
    "placenta_previa": (("placenta previa", "marginal previa"), ("placenta previa", "marginal placenta previa")),
    "dvt_history": (("DVT",), ("DVT", "deep vein thrombosis")),
    "vaginal_bleeding": (("VB", "vaginal bleeding"), ("vaginal bleeding",)),
    "high_risk_pregnancy": (("high-risk pregnancy", "high risk pregnancy"), ("high-risk pregnancy",)),
    "gestational_hypertension": (("GHTN", "gestational HTN", "PIH"), ("gestational hypertension",)),
    "placental_abruption": (("placental abruption",), ("placental abruption",)),
    "preterm_labor": (("PTL", "preterm labor"), ("preterm labor",)),
}

NEGATION_CUES: Forms = (("denies {x}", "no {x}", "neg for {x}"), ("denies {x}", "no {x}", "negative for {x}"))
NEGATION_LIST_CUES: Forms = (("Denies {x}.", "Neg for {x}.", "No {x}."), ("She denies {x}.", "Negative for {x}."))
HISTORY_CUES: Forms = (("h/o {x}", "hx of {x}", "PMH: {x}"), ("history of {x}", "a history of {x}"))
HYPOTHETICAL_CUES: Forms = (
    ("if {x} develops", "should {x} occur", "r/o {x}"),
    ("if {x} develops", "should {x} develop", "to rule out {x}"),
)
FAMILY_CUES: Forms = (
    ("mother had {x}", "sister w/ {x}", "FHx: {x} (mother)"),
    ("her mother had {x}", "her sister had {x}", "her mother was treated for {x}"),
)

POSITION_NAMES: dict[str, Forms] = {
    "side_lying": (("sidelying", "side-lying", "L sidelying"), ("side-lying", "left side-lying")),
    "semi_reclined": (("semi-reclined", "semi-reclined ~45°"), ("semi-reclined", "semi-reclined at about 45 degrees")),
    "seated": (
        ("seated in massage chair", "seated"),
        ("seated in a massage chair", "seated, leaning onto the face cradle"),
    ),
    "supine_with_wedge": (
        ("supine w/ wedge", "supine w/ L tilt wedge"),
        ("supine with a wedge for left tilt", "supine with a wedge"),
    ),
    "prone_with_cushion": (
        ("prone on pregnancy cushion", "prone w/ belly cushion"),
        ("prone on a pregnancy cushion with belly cutout",),
    ),
}

#: Activity phrases; "{n}" is a minute count.
LIMITATION_NAMES: dict[str, Forms] = {
    "sitting": (("sitting >{n} min", "prolonged sitting"), ("sitting for more than {n} minutes", "prolonged sitting")),
    "standing": (
        ("standing >{n} min", "prolonged standing"),
        ("standing for more than {n} minutes", "prolonged standing"),
    ),
    "walking": (
        ("walking >{n} min", "walking >1 block"),
        ("walking for more than {n} minutes", "walking more than a block"),
    ),
    "stairs": (("stairs", "stair climbing"), ("stairs", "going up and down stairs")),
    "sleeping": (("sleeping",), ("sleeping", "sleeping through the night")),
    "lifting": (("lifting toddler", "lifting >15 lb"), ("lifting her toddler",)),
    "carrying": (("carrying groceries", "carrying car seat"), ("carrying groceries", "carrying the infant car seat")),
    "dressing": (("dressing", "donning socks/shoes"), ("dressing", "putting on socks and shoes")),
    "driving": (("driving >{n} min", "driving"), ("driving for more than {n} minutes", "driving")),
    "working": (("working full shifts", "working"), ("working a full shift", "working")),
    "bending": (("bending fwd", "bending"), ("bending forward",)),
    "rolling_in_bed": (("rolling in bed", "turning over in bed"), ("rolling in bed", "turning over in bed")),
    "household_tasks": (("household chores", "housework"), ("household chores", "housework")),
}
LIMITATION_LEADS: Forms = (
    ("Difficulty w/ {x}.", "Limited: {x}.", "Functional limitations: {x}.", "↑ sx w/ {x}."),
    ("She reports difficulty with {x}.", "Her symptoms limit {x}.", "Functional limitations include {x}."),
)

#: Outcome measures: forms with {v} (the score as written).
MEASURE_FORMS: dict[str, tuple[str, ...]] = {
    "oswestry": ("ODI {v}%", "Oswestry {v}%", "Oswestry Disability Index {v}%"),
    "pgq": ("PGQ {v}", "PGQ {v}%", "Pelvic Girdle Questionnaire {v}/100"),
    "ndi": ("NDI {v}/50", "NDI {v}", "Neck Disability Index {v}/50"),
    "lefs": ("LEFS {v}/80", "LEFS {v}"),
    "psfs": ("PSFS avg {v}", "PSFS average {v}"),
    "roland_morris": ("RMDQ {v}/24", "Roland-Morris {v}/24"),
}
MEASURE_RANGES: dict[str, tuple[int, int]] = {
    "oswestry": (12, 52),
    "pgq": (18, 64),
    "ndi": (6, 28),
    "lefs": (30, 68),
    "psfs": (2, 7),
    "roland_morris": (4, 16),
}

MEASURABLE_GOALS: tuple[str, ...] = (
    "Pt will demonstrate correct TrA activation with 10-sec hold x10 reps within 3 wks.",
    "Pt will perform HEP independently with 100% accuracy in 2 wks.",
    "Pt will tolerate 45 min of continuous activity without symptom increase by week 4.",
    "Pt will report at least 50% improvement in symptoms within 6 wks.",
    "Pt will complete 3 sets of 10 bridges without symptom provocation in 4 wks.",
    "Pt will perform 2 min of diaphragmatic breathing with correct PFM relaxation in 2 wks.",
)
NON_MEASURABLE_GOALS: tuple[str, ...] = (
    "Improve comfort for the rest of the pregnancy.",
    "Pt will feel more relaxed.",
    "Decrease muscle tension.",
    "Promote relaxation and stress relief.",
    "Improve postural awareness.",
    "Pt will manage symptoms better at home.",
)
GOAL_LEADS: tuple[str, ...] = ("STG: ", "LTG: ", "Goal: ", "Goal 1: ", "Goal 2: ", "")

RESPONSES: Forms = (
    (
        "Tol tx well.",
        "Pt tolerated tx well, no adverse rxn.",
        "Pt reports ↓ tension post-tx.",
        "Good response to tx.",
        "Pt reports feeling 'lighter' after session.",
    ),
    (
        "She tolerated the session well.",
        "Client reported feeling much more relaxed afterward.",
        "She said she felt noticeably looser by the end of the session.",
        "Patient tolerated treatment well without adverse reaction.",
        "She reported relief and easier movement after treatment.",
    ),
)

#: Sentences that add no fact: no technique, region, condition, limitation, position, score or date words.
FILLER: Forms = (
    (
        "Pt arrived on time.",
        "Baby active during session.",
        "Discussed hydration.",
        "Room temp adjusted per pt.",
        "Pt brought own pillow.",
        "Music/low light per pt pref.",
    ),
    (
        "She arrived on time and in good spirits.",
        "Fetal movement was noted during the session.",
        "We talked about hydration.",
        "The room temperature was adjusted for her comfort.",
        "She brought her own pillow from home.",
        "Music and dim lighting were used at her request.",
    ),
)

FIRST_NAMES = (
    "Maya",
    "Priya",
    "Hollis",
    "Renata",
    "Tomasz",
    "Ines",
    "Dalia",
    "Keoni",
    "Soren",
    "Aditi",
    "Marisol",
    "Bettina",
    "Femi",
    "Yuki",
    "Lorna",
    "Caius",
    "Odile",
    "Wren",
    "Ezra",
    "Nadia",
)
LAST_NAMES = (
    "Lindqvist",
    "Okafor",
    "Varga",
    "Brandt-Sousa",
    "Ferreira",
    "Halloran",
    "Nakashima",
    "Osei",
    "Quintero",
    "Abernathy",
    "Stoica",
    "Mbeki-Hart",
    "Delacroix",
    "Vantongeren",
    "Iwu",
    "Rasku",
    "Pellegrini",
    "Tamsin",
    "Achebe",
    "Kowalczyk",
)

NUMBER_WORDS: dict[int, str] = {
    5: "five",
    8: "eight",
    10: "ten",
    12: "twelve",
    15: "fifteen",
    20: "twenty",
    25: "twenty-five",
    30: "thirty",
    40: "forty",
    45: "forty-five",
    50: "fifty",
    60: "sixty",
}

MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
