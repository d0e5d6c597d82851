"""How the final blind notes write each labelled fact: surface forms written for this generator alone.

Why a separate word list: the final set must not share phrasing with the extractor's vocabulary or with the three
corpora it was tuned on, so every form here was written from how clinicians chart, not read from the project. Each
key is a label id (the ids the label model documents); each value holds the written forms, in two registers:
"full" (dictation, evaluations) and "short" (daily notes, EMR grids, abbreviation-heavy charting).

Mapping decisions (a form on the left is labelled with the id on the right):

Techniques
- "pregnancy massage", "maternity massage", "prenatal msg" -> prenatal_massage; "Swedish msg" -> swedish_massage;
  "ther massage" -> therapeutic_massage; a bare "massage"/"msg" with no qualifier -> massage.
- "pétrissage (kneading)" -> petrissage; "MFR" -> myofascial_release; "STM", "soft tissue mob" ->
  soft_tissue_mobilization; "MLD", "manual lymph drainage" -> manual_lymphatic_drainage.
- "jt mobs", "grade II-III joint mobs" -> joint_mobilization; "TrP release", "trigger pt release" ->
  trigger_point_release; "IASTM", "Graston technique (IASTM)" -> instrument_assisted_soft_tissue_mobilization.
- "ther ex", "TherEx" -> therapeutic_exercise; "Kegels", "PFM training" -> pelvic_floor_exercise; "NMR",
  "neuro re-ed" -> neuromuscular_reeducation; "postural stab" -> postural_stabilization; "ther act" ->
  therapeutic_activities; "body mech ed" -> body_mechanics_education; "self-care/home management training" ->
  self_care_training.
- "MHP", "moist heat pack" -> hot_pack; "ice pack", "CP" -> cold_pack; "e-stim (unattended)" ->
  unattended_electrical_stimulation; "TENS" -> tens (never both words for one application); "US 1 MHz" ->
  ultrasound (therapeutic only: no obstetric scan is ever mentioned).
- "SMT", "HVLA" -> spinal_manipulation; "adjustment", "adj", "adjusted <segments>", "Activator adjustment",
  "Webster technique adjustment" -> chiropractic_adjustment. A note uses one of the two families, never both.

Regions
- neck, upper trapezius / "UT" / "upper trap", levator scapulae / "levator scap", SCM, "C-spine", vertebrae C1-C7
  -> cervical; mid back, rhomboids, "T-spine", T1-T12 -> thoracic; low back, quadratus lumborum / "QL", lumbar
  paraspinals, "L-spine", L1-L5 -> lumbar; sacrum -> sacral; SI joint / "SIJ" / pelvis -> pelvic; gluteals / glutes
  / gluteus medius / piriformis / hip -> hip; abdomen, C-section (cesarean) scar -> abdomen; shoulder -> shoulder;
  forearm, forearm flexors, arm, "UE" -> upper_extremity; wrist, hand -> wrist_hand; calf, hamstrings, thigh, IT
  band, legs, "LE" -> lower_extremity; foot, feet, ankle -> ankle_foot; scalp, face -> head; pectorals / pecs, chest
  -> chest.
- A side ("L", "rt", "bilat", "B/L", ...) is written before every region of the technique it belongs to.

Conditions and precautions
- "LBP" -> low_back_pain; "mid-back pain", "interscapular pain" -> thoracic_pain; "PGP" -> pelvic_girdle_pain;
  "SPD", "pubic symphysis dysfunction" -> symphysis_pubis_dysfunction; "CTS" -> carpal_tunnel; "pedal edema",
  "LE edema" (in a pregnant patient) -> gestational_edema; "cervicalgia" -> neck_pain; "coccydynia", "tailbone
  pain" -> coccyx_pain; "round lig pain" -> round_ligament_pain; "spasm" (a finding) -> muscle_spasm.
- "pre-eclampsia" -> preeclampsia; "GHTN", "gestational HTN", "PIH" (pregnancy-induced hypertension) ->
  gestational_hypertension; "PTL", "premature labor" -> preterm_labor; "abruption" -> placental_abruption;
  "vag bleeding" -> vaginal_bleeding; "blood clots / DVT" in a history line -> dvt_history (only ever negated or
  family: "history of DVT" itself would be a coin toss between affirmed and historical, so it is not written).
- Historical means resolved or from a previous pregnancy, and the text always says so ("resolved", "with her
  first pregnancy"); a bare "hx of anxiety" is never written because it could be current.

Other fields
- "NRS" -> pain scale nprs; "pain n/10" with no scale name -> unspecified; "pre-tx", "before the session",
  "prior to treatment" -> before; "post-tx", "after", "following treatment" -> after; worst/current scores ->
  unspecified.
- "28+3", "28 3/7 wks", "28 weeks and 3 days" -> "28w3d"; weeks alone -> "28w"; "EDC"/"due date" -> edd.
- "RMDQ" -> roland_morris; "ODI"/"Oswestry" -> oswestry; "bed mobility" is never written (rolling_in_bed is
  written "rolling over in bed" / "turning in bed"), "LB dressing" -> dressing, "housework" -> household_tasks.
- "semi-reclined"/"semi-reclining" -> semi_reclined; "sidelying"/"SL" -> side_lying; "prone on the pregnancy
  cushion" -> prone_with_cushion; "supine with a wedge under the R hip" -> supine_with_wedge.
"""

from __future__ import annotations

from typing import Literal

Register = Literal["full", "short"]

#: technique id -> (full forms, short forms)
TECHNIQUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "prenatal_massage": (("prenatal massage", "pregnancy massage", "maternity massage"),
                         ("prenatal massage", "Prenatal msg", "prenatal msg")),
    "swedish_massage": (("Swedish massage",), ("Swedish msg", "Swedish massage")),
    "therapeutic_massage": (("therapeutic massage",), ("ther massage", "therapeutic msg")),
    "massage": (("massage",), ("massage", "msg")),
    "effleurage": (("effleurage", "light effleurage"), ("effleurage",)),
    "petrissage": (("petrissage", "pétrissage (kneading)"), ("petrissage", "pétrissage")),
    "tapotement": (("tapotement", "light tapotement"), ("tapotement",)),
    "manual_therapy": (("manual therapy",), ("manual therapy", "manual tx")),
    "myofascial_release": (("myofascial release",), ("MFR", "myofascial release")),
    "soft_tissue_mobilization": (("soft tissue mobilization", "soft-tissue mobilization"),
                                 ("STM", "soft tissue mob")),
    "manual_lymphatic_drainage": (("manual lymphatic drainage", "manual lymph drainage"), ("MLD",)),
    "joint_mobilization": (("joint mobilization", "grade II-III joint mobilizations"), ("jt mobs", "joint mobs")),
    "trigger_point_release": (("trigger point release",), ("TrP release", "trigger pt release")),
    "instrument_assisted_soft_tissue_mobilization": (
        ("instrument-assisted soft tissue mobilization", "Graston technique (IASTM)"), ("IASTM",)),
    "therapeutic_exercise": (("therapeutic exercise",), ("ther ex", "TherEx")),
    "stretching": (("gentle stretching", "passive stretching"), ("stretching", "stretches")),
    "pelvic_floor_exercise": (("pelvic floor exercises", "pelvic floor muscle training"),
                              ("PFM training", "Kegels", "pelvic floor ex")),
    "neuromuscular_reeducation": (("neuromuscular re-education",), ("NMR", "neuro re-ed")),
    "postural_stabilization": (("postural stabilization training", "postural stabilization"),
                               ("postural stab", "postural stabilization")),
    "therapeutic_activities": (("therapeutic activities",), ("ther act", "ther activities")),
    "body_mechanics_education": (("body mechanics education", "body mechanics training"),
                                 ("body mech ed", "body mechanics ed")),
    "self_care_training": (("self-care/home management training", "self-care training"),
                           ("self-care trng", "self care training")),
    "hot_pack": (("moist heat pack", "hot pack"), ("MHP", "hot pack")),
    "cold_pack": (("cold pack", "ice pack"), ("CP", "ice pack")),
    "unattended_electrical_stimulation": (("unattended electrical stimulation",),
                                          ("e-stim (unattended)", "unattended e-stim")),
    "tens": (("TENS",), ("TENS",)),
    "ultrasound": (("therapeutic ultrasound",), ("US 1 MHz", "ultrasound")),
    "spinal_manipulation": (("spinal manipulation",), ("SMT", "HVLA")),
    "chiropractic_adjustment": (("chiropractic adjustment",), ("adjustment", "adj")),
}

#: region id -> (full forms, short forms); every form names that region only.
REGIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cervical": (("neck", "upper trapezius", "levator scapulae", "cervical paraspinals"),
                 ("UT", "upper trap", "levator scap", "C-spine", "SCM")),
    "thoracic": (("mid back", "rhomboids", "thoracic paraspinals"), ("T-spine", "rhomboids", "thoracic paras")),
    "lumbar": (("low back", "lumbar paraspinals", "quadratus lumborum"), ("QL", "lumbar paras", "L-spine")),
    "sacral": (("sacrum", "sacral region"), ("sacrum", "sacral")),
    "pelvic": (("sacroiliac joint", "SI joint"), ("SIJ", "SI jt")),
    "hip": (("gluteals", "piriformis", "gluteus medius"), ("glutes", "piriformis", "glute med", "hip")),
    "abdomen": (("abdomen",), ("abdomen", "abd")),
    "shoulder": (("shoulder",), ("shoulder", "shldr")),
    "upper_extremity": (("forearm flexors", "forearm"), ("forearm", "UE")),
    "wrist_hand": (("wrist", "hand"), ("wrist", "hand")),
    "lower_extremity": (("calf", "hamstrings", "IT band"), ("calf", "hamstrings", "ITB", "LE")),
    "ankle_foot": (("foot", "ankle"), ("foot", "ankle")),
    "head": (("scalp", "face"), ("scalp", "face")),
    "chest": (("pectorals", "chest"), ("pecs", "chest")),
}

#: C-section scar forms, for postpartum notes (region abdomen).
SCAR = ("C-section scar", "cesarean scar", "C/S scar")

SIDES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "left": (("left",), ("L", "lt", "L")),
    "right": (("right",), ("R", "rt", "R")),
    "bilateral": (("bilateral",), ("bilat", "B/L", "bilateral")),
}

CONDITIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "low_back_pain": (("low back pain", "lower back pain"), ("LBP", "low back pain")),
    "thoracic_pain": (("mid-back pain", "thoracic pain", "interscapular pain"), ("thoracic pain", "mid-back pain")),
    "pelvic_girdle_pain": (("pelvic girdle pain",), ("PGP", "pelvic girdle pain")),
    "symphysis_pubis_dysfunction": (("symphysis pubis dysfunction", "pubic symphysis dysfunction"), ("SPD",)),
    "sciatica": (("sciatica",), ("sciatica",)),
    "carpal_tunnel": (("carpal tunnel syndrome",), ("CTS", "carpal tunnel")),
    "gestational_edema": (("gestational edema", "pedal edema"), ("LE edema", "pedal edema")),
    "neck_pain": (("neck pain", "cervicalgia"), ("neck pain", "cervicalgia")),
    "coccyx_pain": (("coccydynia", "tailbone pain"), ("coccyx pain", "coccydynia")),
    "round_ligament_pain": (("round ligament pain",), ("round lig pain", "round ligament pain")),
    "muscle_spasm": (("muscle spasm",), ("spasm", "muscle spasm")),
    "anxiety": (("anxiety",), ("anxiety",)),
}

PRECAUTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "preeclampsia": (("preeclampsia", "pre-eclampsia"), ("pre-eclampsia", "preeclampsia")),
    "placenta_previa": (("placenta previa", "marginal placenta previa"), ("placenta previa",)),
    "dvt_history": (("deep vein thrombosis (DVT)", "blood clots (DVT)"), ("DVT", "DVT/clots")),
    "vaginal_bleeding": (("vaginal bleeding",), ("vaginal bleeding", "vag bleeding")),
    "high_risk_pregnancy": (("high-risk pregnancy",), ("high-risk pregnancy", "high risk pregnancy")),
    "gestational_hypertension": (("gestational hypertension", "pregnancy-induced hypertension (PIH)"),
                                 ("GHTN", "gestational HTN", "PIH")),
    "placental_abruption": (("placental abruption",), ("abruption", "placental abruption")),
    "preterm_labor": (("preterm labor", "premature labor"), ("PTL", "preterm labor")),
}

LIMITATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sitting": (("sitting for longer than 20 minutes", "prolonged sitting"), ("sitting >20 min", "sitting")),
    "standing": (("prolonged standing", "standing in one place"), ("standing", "prolonged standing")),
    "walking": (("walking more than a few blocks", "walking"), ("walking >10 min", "walking")),
    "stairs": (("climbing stairs", "going up the stairs"), ("stairs",)),
    "sleeping": (("sleeping through the night", "sleeping"), ("sleeping", "sleep")),
    "lifting": (("lifting her toddler", "lifting"), ("lifting", "lifting toddler")),
    "carrying": (("carrying groceries", "carrying her infant car seat"), ("carrying",)),
    "dressing": (("putting on socks and shoes (dressing)", "dressing"), ("LB dressing", "dressing")),
    "driving": (("driving",), ("driving",)),
    "working": (("working a full shift", "working at her desk job"), ("working", "work duties")),
    "bending": (("bending forward", "bending"), ("bending", "fwd bending")),
    "rolling_in_bed": (("rolling over in bed", "turning over in bed"), ("rolling in bed", "turning in bed")),
    "household_tasks": (("household chores", "housework"), ("household tasks", "housework")),
}

POSITIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "side_lying": (("side-lying with pillow support", "side-lying"), ("SL", "sidelying", "side-lying")),
    "semi_reclined": (("semi-reclined", "semi-reclining"), ("semi-reclined",)),
    "seated": (("seated, leaning forward onto a padded support", "seated"), ("seated",)),
    "supine_with_wedge": (("supine with a wedge under the right hip", "supine with a wedge"),
                          ("supine w/ wedge", "supine + wedge")),
    "prone_with_cushion": (("prone on the pregnancy cushion", "prone with a pregnancy cushion"),
                           ("prone w/ preg cushion", "prone on cushion")),
}

MEASURES: dict[str, tuple[str, ...]] = {
    "oswestry": ("ODI", "Oswestry", "Oswestry Disability Index"),
    "pgq": ("PGQ", "Pelvic Girdle Questionnaire"),
    "ndi": ("NDI", "Neck Disability Index"),
    "lefs": ("LEFS",),
    "psfs": ("PSFS", "Patient-Specific Functional Scale"),
    "roland_morris": ("RMDQ", "Roland-Morris"),
}

#: Measurable goals: a criterion and a time frame; no pain score, technique or activity word in any of them, and
#: no "week N" (which could be read as a gestational age).
MEASURABLE_GOALS = (
    "Increase bilateral hip abduction strength to 4+/5 within 4 weeks",
    "Improve lumbar flexion AROM to 75% of expected range within 6 weeks",
    "Increase cervical rotation AROM to 70 degrees each direction in 4 wks",
    "Hold a transversus abdominis contraction 10 sec x 10 reps by the sixth visit",
    "Single-leg stance of 20 seconds on each leg in 6 weeks",
    "Increase gluteus medius strength to 4/5 within 5 weeks",
)
MEASURABLE_GOALS_SHORT = (
    "↑ hip abd strength to 4+/5 in 4 wks",
    "lumbar flex AROM 75% of expected by 6 wks",
    "cerv rot AROM 70° ea direction in 4 wks",
    "TrA hold 10 sec x10 by visit 6",
    "SLS 20 sec ea leg in 6 wks",
)
GRIP_GOAL = "Grip strength of 40 lb or more on the involved hand within 4 weeks"
DIASTASIS_GOAL = "Reduce diastasis recti width to 2 fingerwidths or less within 8 weeks"

#: Goals without a criterion or a time frame.
VAGUE_GOALS = (
    "Decrease muscle tension",
    "Improve overall comfort",
    "Promote relaxation",
    "Improve posture and body awareness",
    "Support comfort through the rest of pregnancy",
    "Feel more at ease in her body",
)

#: Statements of the response to treatment (never naming a body part, a condition or a technique).
RESPONSES_FULL = (
    "She tolerated the session well and reported feeling noticeably looser afterward.",
    "Patient responded well to treatment, with reduced tenderness on re-palpation.",
    "She reported marked relief at the end of the session.",
    "Patient stated she felt lighter and less tense after treatment.",
)
RESPONSES_SHORT = (
    "Tol tx well, reports relief.",
    "Good response to tx; ↓ tenderness on re-palp.",
    "Responded well, no adverse rxn.",
    "Pt reports feeling looser post session.",
    "tolerated well - ↓ tension after tx",
)
