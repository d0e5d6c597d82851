"""How therapists write things: the surface forms the generator chooses from, keyed by the vocabulary's ids.

Written here by hand, not read from the note vocabulary, so the corpus tests the vocabulary instead of echoing it:
a form the vocabulary lacks shows up as a miss in the benchmark. Every form is wording seen in real therapy,
massage, chiropractic or obstetric documentation; `{side}` marks where a side goes ("R", "left", "B").
"""

from __future__ import annotations

#: Technique id -> (full forms, abbreviated forms).
TECHNIQUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "prenatal_massage": (("prenatal massage", "pregnancy massage", "prenatal Swedish massage"), ("prenatal massage",)),
    "swedish_massage": (("Swedish massage", "relaxation massage"), ("Swedish",)),
    "therapeutic_massage": (("therapeutic massage", "medical massage"), ("therapeutic massage",)),
    "effleurage": (("effleurage", "long gliding strokes"), ("effleurage",)),
    "petrissage": (("petrissage", "kneading"), ("petrissage",)),
    "myofascial_release": (("myofascial release", "myofascial work", "myofascial release (MFR)"), ("MFR",)),
    "soft_tissue_mobilization": (("soft tissue mobilization", "soft tissue work"), ("STM",)),
    "trigger_point_release": (("trigger point release", "ischemic compression", "trigger point work"),
                              ("TrP release", "TPR", "TP release")),
    "manual_lymphatic_drainage": (("manual lymphatic drainage", "lymphatic drainage", "lymphatic drainage massage"),
                                  ("MLD",)),
    "joint_mobilization": (("joint mobilization", "grade II joint mobilizations"), ("jt mobs", "gr II mobs")),
    "therapeutic_exercise": (("therapeutic exercise", "core stabilization exercises"), ("ther ex", "TE", "TherEx")),
    "neuromuscular_reeducation": (
        ("neuromuscular re-education", "neuromuscular reeducation"),
        ("NMR", "neuro re-ed", "NMRE"),
    ),
    "therapeutic_activities": (("therapeutic activities", "functional training"), ("ther act",)),
    "stretching": (("gentle stretching", "passive stretching", "PNF stretching"), ("stretching",)),
    "pelvic_floor_exercise": (("pelvic floor exercises", "pelvic floor training"), ("kegels",)),
    "body_mechanics_education": (("body mechanics education", "body mechanics training"), ("body mechanics training",)),
    "hot_pack": (("moist heat", "moist hot pack"), ("MHP",)),
    "chiropractic_adjustment": (("chiropractic adjustment",), ("CMT",)),
    "spinal_manipulation": (("spinal manipulation", "Webster technique"), ("SMT", "activator")),
}

#: Techniques whose minutes a therapist usually does not write (untimed codes).
UNTIMED = frozenset({"hot_pack", "chiropractic_adjustment", "spinal_manipulation"})

#: Region id -> forms; a form ending in '*' takes no side.
REGIONS: dict[str, tuple[str, ...]] = {
    "cervical": ("neck*", "upper trapezius", "upper traps", "suboccipitals*"),
    "thoracic": ("mid back", "upper back", "rhomboids"),
    "lumbar": ("low back", "lumbar paraspinals", "QL", "quadratus lumborum"),
    "sacral": ("sacrum*",),
    "pelvic": ("SI joint", "SIJ", "pelvis*"),
    "hip": ("glutes", "piriformis", "hip"),
    "shoulder": ("shoulder",),
    "lower_extremity": ("calves", "legs", "LE"),
    "ankle_foot": ("feet", "ankles"),
    "upper_extremity": ("forearm", "arms"),
    "wrist_hand": ("wrists", "hands"),
}

#: Regions a technique plausibly treats in a pregnant or postpartum patient.
TECHNIQUE_REGIONS: dict[str, tuple[str, ...]] = {
    "prenatal_massage": (),
    "swedish_massage": (),
    "therapeutic_massage": ("lumbar", "hip", "cervical", "thoracic"),
    "effleurage": ("lower_extremity", "thoracic", "lumbar", "upper_extremity"),
    "petrissage": ("hip", "lumbar", "lower_extremity", "shoulder"),
    "myofascial_release": ("lumbar", "pelvic", "hip", "thoracic", "cervical"),
    "soft_tissue_mobilization": ("lumbar", "hip", "cervical", "thoracic", "pelvic"),
    "trigger_point_release": ("hip", "lumbar", "cervical", "shoulder"),
    "manual_lymphatic_drainage": ("lower_extremity", "ankle_foot", "wrist_hand"),
    "joint_mobilization": ("pelvic", "thoracic", "lumbar"),
    "therapeutic_exercise": (),
    "neuromuscular_reeducation": (),
    "therapeutic_activities": (),
    "stretching": ("hip", "cervical", "lumbar"),
    "pelvic_floor_exercise": (),
    "body_mechanics_education": (),
    "hot_pack": ("lumbar", "cervical"),
    "chiropractic_adjustment": ("cervical", "thoracic", "lumbar", "pelvic", "sacral"),
    "spinal_manipulation": ("sacral", "pelvic"),
}

#: Side id -> (terse forms, full forms).
SIDES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "right": (("R", "Rt"), ("right", "R")),
    "left": (("L", "Lt"), ("left", "L")),
    "bilateral": (("B", "bilat"), ("bilateral", "B")),
}

#: Condition id -> forms (`{side}` where a side can be written).
CONDITIONS: dict[str, tuple[str, ...]] = {
    "low_back_pain": ("low back pain", "LBP", "lumbar pain", "lower back pain", "low back ache", "low back pain (LBP)"),
    "pelvic_girdle_pain": (
        "{side} SI joint pain", "{side} SIJ pain", "pelvic girdle pain", "posterior pelvic pain", "PGP",
        "{side} SIJ dysfunction", "sacroiliac pain", "{side} sacroiliac joint dysfunction",
    ),
    "symphysis_pubis_dysfunction": ("symphysis pubis dysfunction", "SPD", "pubic symphysis pain", "pubic bone pain"),
    "sciatica": ("sciatica", "{side} sciatica", "{side} sciatic pain", "pain radiating down {side} leg"),
    "carpal_tunnel": ("{side} carpal tunnel symptoms", "numbness and tingling in hands", "carpal tunnel syndrome",
                      "numbness/tingling in hands", "{side} CTS"),
    "gestational_edema": (
        "swelling", "{side} ankle swelling", "pedal edema", "{side} LE edema", "edema in {side} ankles", "swollen feet",
    ),
    "neck_pain": ("neck pain", "neck tension", "cervicalgia", "cervical pain"),
    "coccyx_pain": ("tailbone pain", "coccyx pain", "coccydynia", "coccygodynia"),
    "round_ligament_pain": ("{side} round ligament pain", "RLP", "round ligament pain", "round ligament spasm"),
    "muscle_spasm": ("muscle spasm", "spasms", "muscle guarding"),
    "anxiety": ("anxiety", "pregnancy-related anxiety"),
}

#: Precaution id -> forms.
PRECAUTIONS: dict[str, tuple[str, ...]] = {
    "preeclampsia": ("preeclampsia", "pre-eclampsia"),
    "placenta_previa": ("placenta previa", "marginal placenta previa", "low-lying placenta"),
    "dvt_history": ("DVT", "blood clot", "deep vein thrombosis"),
    "vaginal_bleeding": ("vaginal bleeding", "spotting"),
    "gestational_hypertension": ("gestational hypertension", "GHTN", "elevated blood pressure", "elevated BP"),
    "preterm_labor": ("preterm labor", "preterm contractions"),
    "placental_abruption": ("placental abruption",),
}

#: Sentence templates by status; `{x}` is the condition or precaution.
STATUS_TEMPLATES: dict[str, tuple[str, ...]] = {
    "negated": ("Denies {x}.", "No {x}.", "Negative for {x}.", "Pt denies any {x}.", "No c/o {x}.", "(-) {x}.",
                "Pt reports no {x}.", "No complaints of {x}.", "{x} - none.", "{x}: denies.", "Pt negative for {x}.",
                "Not experiencing {x}.", "{x} denied."),
    "historical": ("Hx of {x}.", "History of {x} in previous pregnancy.", "PMH: {x}.", "h/o {x} (2019).",
                   "Prior hx of {x}.", "{x} in prior pregnancy, resolved after delivery."),
    "family": ("Mother had {x}.", "Family hx of {x}.", "Sister with {x}.", "FHx: {x} (mother).",
               "Maternal grandmother had {x}."),
    "hypothetical": (
        "Educated on signs of {x}.",
        "If {x} occurs, pt to stop and call OB.",
        "Monitor for {x}.",
        "Watch for {x}.",
        "Call OB if {x} develops.",
        "Instructed to report any {x}.",
    ),
}

#: Activity id -> limitation phrases; `{n}` is a number of minutes.
LIMITATIONS: dict[str, tuple[str, ...]] = {
    "sitting": (
        "unable to sit > {n} min", "sitting tolerance limited to {n} min", "difficulty sitting through work meetings",
        "can't sit longer than {n} min", "sitting > {n} min increases pain",
    ),
    "standing": ("pain with prolonged standing", "unable to stand > {n} min", "standing limited to {n} min"),
    "walking": ("difficulty walking more than {n} min", "walking tolerance limited to {n} min"),
    "stairs": ("difficulty with stairs", "increased pain with stairs"),
    "sleeping": ("wakes 2-3x/night due to pain", "difficulty sleeping", "trouble sleeping"),
    "lifting": ("difficulty lifting her toddler", "unable to lift laundry basket"),
    "dressing": ("difficulty putting on shoes and socks",),
    "driving": ("unable to drive > {n} min",),
    "rolling_in_bed": ("difficulty rolling in bed", "pain with rolling over in bed"),
    "household_tasks": ("difficulty with household chores",),
    "bending": ("pain with bending",),
    "carrying": ("difficulty carrying infant car seat",),
}

#: Measure id -> forms; `{n}` the score.
MEASURES: dict[str, tuple[str, ...]] = {
    "oswestry": ("ODI {n}%", "Oswestry: {n}%", "Modified Oswestry {n}%"),
    "pgq": ("PGQ {n}", "PGQ score {n}%", "Pelvic Girdle Questionnaire {n}%"),
    "ndi": ("NDI {n}",),
    "lefs": ("LEFS {n}/80",),
}

MEASURABLE_GOALS: tuple[str, ...] = (
    "Pt will sit {n} min at work with pain <= 3/10 in 4 wks",
    "Sleep through the night without waking due to pain within 6 weeks",
    "Improve PGQ by 10 points in 6 weeks",
    "Walk {n} min for exercise with pain <= 2/10 in 4 wks",
    "Stand {n} min to cook dinner without increase in pain in 3 wks",
    "Decrease pain to 2/10 with stairs in 4 wks",
)
VAGUE_GOALS: tuple[str, ...] = (
    "Decrease pain and improve comfort",
    "Improve sleep quality",
    "Reduce muscle tension",
    "Feel more relaxed during pregnancy",
)

RESPONSES: tuple[str, ...] = (
    "Pt tolerated treatment well.",
    "Tolerated tx well, no adverse reaction.",
    "Pt reports decreased tension after session.",
    "Responded well to treatment.",
    "Pt felt relief after session.",
    "Pt tol tx well.",
    "Pt verbalized decreased pain post session.",
    "Reports feeling looser after tx.",
)

POSITIONS: dict[str, tuple[str, ...]] = {
    "side_lying": ("L side-lying with pillows", "left sidelying", "side-lying with bolster between knees",
                   "left lateral recumbent",
                   "L SL w/ pillows"),
    "semi_reclined": ("semi-reclined", "semi-reclined with bolster under knees", "semi-Fowler's"),
    "seated": ("seated in massage chair",),
    "supine_with_wedge": ("supine with wedge under R hip",),
    "prone_with_cushion": ("prone on pregnancy cushion",),
}

FIRST_NAMES = ("Ana", "Maria", "Jen", "Priya", "Laura", "Tess", "Nora", "Kate", "Ruth", "Elena", "Sam", "Iris")
LAST_NAMES = (
    "Ruiz", "Chen", "Okafor", "Larsen", "Moreau", "Kim", "Haddad", "Silva", "Novak", "Ortiz", "Brennan", "Walsh",
)

#: Referring credential -> how the note writes it after the name.
REFERRAL_CREDENTIALS: dict[str, tuple[str, ...]] = {
    "MD": ("MD", "OB", "OB/GYN", "MD (OB/GYN)"),
    "DO": ("DO",),
    "CNM": ("CNM", "certified nurse midwife"),
    "NP": ("NP", "WHNP"),
}
#: Therapist credential -> the credential text of a signature.
SIGNING_CREDENTIALS: dict[str, tuple[str, ...]] = {
    "LMT": ("LMT", "LMT, NCTMB", "LMBT"),
    "PT": ("PT, DPT", "PT", "DPT"),
    "PTA": ("PTA",),
    "DC": ("DC", "D.C."),
}

EXERCISES = ("clamshells", "bridges", "TA bracing", "bird dog", "side-lying hip abduction", "diaphragmatic breathing")
FILLER_SUBJECTIVE = (
    "Works as a teacher.",
    "Sleeping with pillow between knees.",
    "Walks dog daily.",
    "Works at a desk 8 hrs/day.",
    "Baby moving well per pt.",
    "Pt drinking more water this week.",
)
