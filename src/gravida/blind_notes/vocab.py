"""The ids a blind label may use, written out here rather than read from the note vocabulary.

Why a copy: the blind corpus must not lean on the extractor's knowledge layer in any way, so the generator keeps its
own list of the ids the label model accepts. `Draft` refuses anything outside these tuples, which turns a slip in a
style module into an error at generation time instead of an impossible label in the files.
"""

from __future__ import annotations

TECHNIQUES: tuple[str, ...] = (
    "prenatal_massage", "swedish_massage", "therapeutic_massage", "massage", "effleurage", "petrissage",
    "tapotement", "manual_therapy", "myofascial_release", "soft_tissue_mobilization", "manual_lymphatic_drainage",
    "joint_mobilization", "trigger_point_release", "instrument_assisted_soft_tissue_mobilization",
    "therapeutic_exercise", "stretching", "pelvic_floor_exercise", "neuromuscular_reeducation",
    "postural_stabilization", "therapeutic_activities", "body_mechanics_education", "self_care_training",
    "hot_pack", "cold_pack", "unattended_electrical_stimulation", "tens", "ultrasound", "spinal_manipulation",
    "chiropractic_adjustment",
)
CONDITIONS: tuple[str, ...] = (
    "low_back_pain", "thoracic_pain", "pelvic_girdle_pain", "symphysis_pubis_dysfunction", "sciatica",
    "carpal_tunnel", "gestational_edema", "neck_pain", "coccyx_pain", "round_ligament_pain", "muscle_spasm",
    "anxiety",
)
PRECAUTIONS: tuple[str, ...] = (
    "preeclampsia", "placenta_previa", "dvt_history", "vaginal_bleeding", "high_risk_pregnancy",
    "gestational_hypertension", "placental_abruption", "preterm_labor",
)
POSITIONS: tuple[str, ...] = ("side_lying", "semi_reclined", "seated", "supine_with_wedge", "prone_with_cushion")
LIMITATIONS: tuple[str, ...] = (
    "sitting", "standing", "walking", "stairs", "sleeping", "lifting", "carrying", "dressing", "driving", "working",
    "bending", "rolling_in_bed", "household_tasks",
)
MEASURES: tuple[str, ...] = ("oswestry", "pgq", "ndi", "lefs", "psfs", "roland_morris")
REGIONS: tuple[str, ...] = (
    "cervical", "thoracic", "lumbar", "sacral", "pelvic", "hip", "abdomen", "shoulder", "upper_extremity",
    "wrist_hand", "lower_extremity", "ankle_foot", "head", "chest",
)

#: Techniques billed by the minute (the 8-minute-rule codes); the rest (hot/cold packs, unattended stimulation,
#: TENS, manipulation, adjustments) are service-based. Used only to make stated timed totals add up.
TIMED: frozenset[str] = frozenset(TECHNIQUES) - {
    "hot_pack", "cold_pack", "unattended_electrical_stimulation", "tens", "spinal_manipulation",
    "chiropractic_adjustment",
}
