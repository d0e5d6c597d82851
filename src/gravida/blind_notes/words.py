"""How clinicians write techniques, body regions and sides, and which label id each written form stands for.

Why written out by hand: the blind set measures the extractor on wording it was never tuned on, so these forms come
from how PT, PTA, OT, LMT and DC notes and EMR exports are actually written, not from the project's lexicons.

Mapping decisions (each form maps to exactly one id; forms whose id would be a coin toss are not used at all):

Techniques
- "prenatal massage", "pregnancy massage", "maternity massage" -> prenatal_massage. A massage given to a postpartum
  patient is never called prenatal; those notes say Swedish, therapeutic or plain massage.
- "Swedish massage"/"Swedish" -> swedish_massage; "therapeutic massage" -> therapeutic_massage; "massage", "massage
  tx" and the code line "97124 Massage" -> massage. "Massage therapy" is not written (it could be either).
- Strokes named on their own (effleurage, petrissage, tapotement) are techniques of their own, recorded beside the
  massage they belong to; they get regions or minutes only when written in their own clause.
- "manual therapy" -> manual_therapy, only when written standalone; a 97140 line naming STM or MFR records only the
  named technique, and "manual therapy" is never used as a heading over named techniques.
- "STM", "soft tissue mobilization", "soft tissue mob" -> soft_tissue_mobilization ("incl. scar mobilization"
  after an STM or MFR line to a C-section scar describes that line; it is not a second technique);
  "MFR", "myofascial release" -> myofascial_release; "IASTM", "instrument-assisted soft tissue mobilization",
  "IASTM (Graston)" -> instrument_assisted_soft_tissue_mobilization only (not soft_tissue_mobilization).
- "joint mobilization", "jt mobs", "grade II/III PA mobs" -> joint_mobilization; "trigger point release",
  "TrP release" -> trigger_point_release; "MLD", "manual lymphatic drainage", "lymphatic drainage" ->
  manual_lymphatic_drainage.
- "TherEx", "ther ex", "therapeutic exercise", the code line "97110 Therapeutic exercise" -> therapeutic_exercise;
  exercise names listed under it (bridges, clamshells, bird dog, cat-cow, dead bug, wall push-ups, tendon glides)
  carry no region and are not stretching. "stretching"/"passive stretching" -> stretching, only as its own line.
- "pelvic floor exercises", "PFM exercises", "Kegels" -> pelvic_floor_exercise; "pelvic" in the name is the
  technique's name, not a region, so no region is recorded unless one is written separately.
- "NMR", "neuromuscular re-education", "neuro re-ed" -> neuromuscular_reeducation; "postural stabilization" ->
  postural_stabilization (never "core stabilization", which could be either); "TherAct", "ther act",
  "therapeutic activities" -> therapeutic_activities; "body mechanics education/training" ->
  body_mechanics_education; "self-care training", "self-care/home management training", "ADL training" ->
  self_care_training.
- "hot pack", "moist heat", "MHP", "moist hot pack" -> hot_pack; "cold pack", "ice pack" -> cold_pack;
  "unattended e-stim", "IFC (unattended)", "e-stim, unattended" -> unattended_electrical_stimulation; "TENS" ->
  tens; "ultrasound", "US 1 MHz", "therapeutic ultrasound" -> ultrasound (an obstetric ultrasound is never a
  technique, and "US" is never written in an all-lowercase note).
- "spinal manipulation", "SMT", "HVLA", "HVLA thrust" -> spinal_manipulation; "chiropractic adjustment",
  "adjustment(s) delivered to", "adj", "Adjusted:", with "(Webster technique)" or "(Activator)" after it, and the
  CMT code lines (98940/98941 "CMT spinal") -> chiropractic_adjustment. A note records one of the two, never both.
- Evaluation codes (97161-97163), orthotic fitting, education without body mechanics, and HEP review are not
  techniques; "cont HEP" is the patient's home program, not a treatment given today.

Regions (a region is recorded only for the technique whose clause names it)
- cervical: neck, cervical paraspinals, cervical spine, C-spine, upper trapezius/upper traps/UT, suboccipitals, SCM,
  vertebrae C1-C7.
- thoracic: mid back, upper back, thoracic paraspinals, thoracic spine, T-spine, rhomboids, interscapular area,
  vertebrae T1-T12.
- lumbar: low back, lower back, lumbar paraspinals, lumbar spine/facets, quadratus lumborum/QL, lumbar erectors,
  vertebrae L1-L5 (a segment range like "L4-L5" is lumbar only).
- sacral: sacrum, sacral region, sacral border, S1-S2. Segment lists are written "L5 and S1", never "L5/S1", so the
  region of a written level is never in doubt.
- pelvic: SI joint/SIJ/sacroiliac joint, pelvis, pubic symphysis.
- hip: hip, gluteals/glutes/glute med, piriformis, deep hip rotators, hip flexors, TFL.
- abdomen: abdomen, lower abdomen, C-section/cesarean scar.
- shoulder: shoulder, posterior shoulder, deltoid, rotator cuff.
- upper_extremity: arm, forearm, forearm flexors/extensors, UE, upper extremity.
- wrist_hand: wrist, hand, volar wrist, thenar eminence, carpal tunnel region (as a place, "volar wrist").
- lower_extremity: legs, LE, lower extremity, calf/gastroc, hamstrings, quads, IT band, thigh.
- ankle_foot: ankle, foot/feet, plantar fascia.
- head: scalp, temples, temporalis.
- chest: pecs, pectorals, pec minor, chest wall.
- "back" alone and "full body" are never written as a place (they name no single region).

Sides: R/right/rt/(R), L/left/lt/(L), B/bilat/bilateral/B/L/"bilaterally" after the places. A side is written only
for a technique whose every region takes that side: before a single place, repeated before each place, or once
after the whole list ("UT and rhomboids bilaterally"). Side words in positioning ("left side-lying", "wedge under
R hip") and in findings are not a technique's side.
"""

from __future__ import annotations

import random

from gravida.synthetic_notes.labels import Side

#: technique id -> (forms in prose, forms in abbreviated notes)
TECHNIQUE_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "prenatal_massage": (("prenatal massage", "pregnancy massage", "maternity massage"),
                         ("prenatal massage", "prenatal massage", "pregnancy massage")),
    "swedish_massage": (("Swedish massage",), ("Swedish massage",)),
    "therapeutic_massage": (("therapeutic massage",), ("therapeutic massage",)),
    "massage": (("massage",), ("massage", "massage tx")),
    "effleurage": (("effleurage",), ("effleurage",)),
    "petrissage": (("petrissage",), ("petrissage",)),
    "tapotement": (("light tapotement", "tapotement"), ("tapotement",)),
    "manual_therapy": (("manual therapy",), ("manual therapy",)),
    "myofascial_release": (("myofascial release",), ("MFR", "myofascial release")),
    "soft_tissue_mobilization": (("soft tissue mobilization",), ("STM", "soft tissue mob", "STM")),
    "manual_lymphatic_drainage": (("manual lymphatic drainage", "lymphatic drainage"), ("MLD",)),
    "joint_mobilization": (("joint mobilization", "grade III PA joint mobilization"),
                           ("jt mobs", "gr II PA mobs", "joint mobs")),
    "trigger_point_release": (("trigger point release",), ("TrP release", "trigger point release")),
    "instrument_assisted_soft_tissue_mobilization": (
        ("instrument-assisted soft tissue mobilization",), ("IASTM", "IASTM (Graston)")),
    "therapeutic_exercise": (("therapeutic exercise",), ("TherEx", "ther ex", "there-ex")),
    "stretching": (("stretching", "passive stretching"), ("stretching",)),
    "pelvic_floor_exercise": (("pelvic floor exercises",), ("PFM exercises", "Kegels", "pelvic floor ex")),
    "neuromuscular_reeducation": (("neuromuscular re-education",), ("NMR", "neuro re-ed")),
    "postural_stabilization": (("postural stabilization",), ("postural stabilization", "postural stab ex")),
    "therapeutic_activities": (("therapeutic activities",), ("TherAct", "ther act")),
    "body_mechanics_education": (("body mechanics education", "body mechanics training"),
                                 ("body mechanics ed", "body mech training")),
    "self_care_training": (("self-care training", "self-care/home management training"),
                           ("self-care training", "ADL training")),
    "hot_pack": (("moist heat", "a hot pack"), ("MHP", "hot pack", "moist heat")),
    "cold_pack": (("a cold pack", "an ice pack"), ("ice pack", "cold pack")),
    "unattended_electrical_stimulation": (("unattended electrical stimulation",),
                                          ("unattended e-stim", "IFC (unattended)")),
    "tens": (("TENS",), ("TENS",)),
    "ultrasound": (("therapeutic ultrasound",), ("US 1 MHz", "ultrasound")),
    "spinal_manipulation": (("spinal manipulation", "HVLA spinal manipulation"), ("SMT", "HVLA")),
    "chiropractic_adjustment": (("chiropractic adjustment",), ("adj", "adjustment")),
}

#: region id -> (forms without a side or with "bilateral", forms after R/L)
REGION_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cervical": (("cervical paraspinals", "neck", "upper traps", "UT", "suboccipitals"),
                 ("UT", "upper trapezius", "SCM", "cervical paraspinals")),
    "thoracic": (("thoracic paraspinals", "mid back", "rhomboids", "upper back", "T-spine"),
                 ("rhomboids", "thoracic paraspinals")),
    "lumbar": (("lumbar paraspinals", "low back", "QL", "lumbar spine", "lumbar erectors"),
               ("QL", "lumbar paraspinals", "low back")),
    "sacral": (("sacrum", "sacral region", "sacral border"), ("sacral border",)),
    "pelvic": (("SI joints", "pelvis", "pubic symphysis"), ("SIJ", "SI joint", "sacroiliac joint")),
    "hip": (("gluteals", "glutes", "piriformis", "hip flexors", "deep hip rotators"),
            ("glute med", "piriformis", "hip", "TFL", "gluteals")),
    "abdomen": (("abdomen", "lower abdomen"), ("lower abdomen",)),
    "shoulder": (("shoulders", "posterior shoulders", "rotator cuff"), ("shoulder", "posterior shoulder", "deltoid")),
    "upper_extremity": (("arms", "forearms", "UE"), ("forearm", "forearm flexors", "arm", "UE")),
    "wrist_hand": (("wrists", "hands", "wrists/hands"), ("wrist", "volar wrist", "thenar eminence", "hand")),
    "lower_extremity": (("legs", "LE", "calves", "hamstrings", "IT bands"), ("gastroc", "hamstrings", "IT band", "LE")),
    "ankle_foot": (("feet", "ankles", "feet/ankles"), ("foot", "ankle", "plantar fascia")),
    "head": (("scalp", "temples"), ("temporalis",)),
    "chest": (("pecs", "pectorals", "chest wall"), ("pec minor", "pecs")),
}

SIDE_BEFORE: dict[Side, tuple[str, ...]] = {
    "right": ("R", "R", "right", "rt", "(R)"),
    "left": ("L", "L", "left", "lt", "(L)"),
    "bilateral": ("B", "bilat", "bilateral", "B/L"),
}
SIDE_AFTER: dict[Side, tuple[str, ...]] = {
    "right": ("on the right", "(R)", ", R side"),
    "left": ("on the left", "(L)", ", L side"),
    "bilateral": ("bilaterally", "B", "bilat", "(B)"),
}


def technique_name(rng: random.Random, technique: str, abbreviated: bool) -> str:
    prose, short = TECHNIQUE_FORMS[technique]
    return rng.choice(short if abbreviated else prose)


#: Places of techniques that move joints (mobilization, manipulation, adjustment): joints, not muscles.
JOINT_FORMS: dict[str, tuple[str, ...]] = {
    "cervical": ("cervical spine", "C-spine"),
    "thoracic": ("thoracic spine", "T-spine"),
    "lumbar": ("lumbar spine", "lumbar facets"),
    "sacral": ("sacrum",),
    "pelvic": ("SI joint", "SIJ", "sacroiliac joint"),
    "hip": ("hip",),
}
JOINT_TECHNIQUES = frozenset({"joint_mobilization", "spinal_manipulation", "chiropractic_adjustment"})


def region_form(rng: random.Random, region: str, sided: bool, technique: str = "") -> str:
    if technique in JOINT_TECHNIQUES:
        return rng.choice(JOINT_FORMS[region])
    plain, with_side = REGION_FORMS[region]
    return rng.choice(with_side if sided else plain)


def join(parts: list[str], rng: random.Random, abbreviated: bool) -> str:
    """A list of places as notes join them: "a, b and c", "a/b", "a + b"."""
    if len(parts) == 1:
        return parts[0]
    if abbreviated:
        return rng.choice(("/", ", ", " + ")).join(parts)
    return ", ".join(parts[:-1]) + rng.choice((" and ", ", ")) + parts[-1]


def places(rng: random.Random, regions: list[str], side: Side | None, abbreviated: bool, technique: str = "") -> str:
    """The written places of one technique; the side, if any, is written so it reads as applying to every one."""
    if side is None:
        return join([region_form(rng, r, False, technique) for r in regions], rng, abbreviated)
    before = SIDE_BEFORE[side] if abbreviated else (side,)
    after_forms = SIDE_AFTER[side] if abbreviated else (SIDE_AFTER[side][0],)
    if side == "bilateral":
        words = [region_form(rng, r, False, technique) for r in regions]
        if len(words) == 1 and rng.random() < 0.5:
            return f"{rng.choice(before)} {words[0]}"
        return f"{join(words, rng, abbreviated)} {rng.choice(after_forms)}"
    words = [region_form(rng, r, True, technique) for r in regions]
    if len(words) == 1:
        if rng.random() < 0.75:
            return f"{rng.choice(before)} {words[0]}"
        after = rng.choice(after_forms)
        return f"{words[0]}{after}" if after.startswith(",") else f"{words[0]} {after}"
    mark = rng.choice(before[:2])
    return join([f"{mark} {w}" for w in words], rng, abbreviated)


def minutes(rng: random.Random, n: int, abbreviated: bool) -> str:
    """Minutes the way notes write them: "x15 min", "15'", "(15 mins)", "15 minutes"..."""
    if abbreviated:
        form = rng.choice(("x{n} min", "x {n} min", "{n}'", "({n} mins)", "x{n}'", "{n} min", "- {n}min", "x{n}m"))
    else:
        form = rng.choice(("for {n} minutes", "x {n} minutes", "({n} min)", "for {n} min", "- {n} minutes"))
    return form.format(n=n)
