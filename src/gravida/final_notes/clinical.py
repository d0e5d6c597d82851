"""Clinical content shared by the styles: complaint cases and the cue phrases that carry a status.

Why cases: a note is believable when the complaint, the treated regions, the limitations and the outcome measure
agree (sciatica treated at the gluteals, carpal tunnel at the wrist). A `Case` says what goes with what; the style
decides how much of it to write and in what words.

Why the status cues live here: the status of a condition or precaution is carried by the words around it
("denies", "with her first pregnancy ... resolved", "mother had", "call OB if ... occurs"). Each helper writes the
cue and records the status through `Draft.concept` in one call, so a cue and its label cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gravida.final_notes.draft import Draft
from gravida.final_notes.words import Register
from gravida.synthetic_notes.labels import Side


@dataclass(frozen=True)
class Case:
    """A complaint and what is usually done for it: `techniques` are (technique, regions) adjuncts; `sided`
    says whether the complaint (and so the treated regions) may be one-sided."""

    conditions: tuple[str, ...]
    techniques: tuple[tuple[str, tuple[str, ...]], ...]
    limitations: tuple[str, ...]
    measures: tuple[str, ...]
    sided: bool = False
    areas: tuple[str, ...] = ()


PRENATAL_CASES: dict[str, Case] = {
    "lbp": Case(("low_back_pain",), (("soft_tissue_mobilization", ("lumbar",)), ("myofascial_release", ("lumbar",)),
                                     ("trigger_point_release", ("hip",)), ("hot_pack", ("lumbar",))),
                ("standing", "bending", "household_tasks"), ("oswestry", "roland_morris"), True, ("lumbar", "hip")),
    "pgp": Case(("pelvic_girdle_pain",), (("joint_mobilization", ("pelvic",)), ("myofascial_release", ("pelvic",)),
                                          ("soft_tissue_mobilization", ("hip",)), ("postural_stabilization", ())),
                ("walking", "stairs", "rolling_in_bed", "dressing"), ("pgq",), True, ("pelvic", "hip", "sacral")),
    "spd": Case(("symphysis_pubis_dysfunction",), (("body_mechanics_education", ()), ("therapeutic_exercise", ()),
                                                   ("soft_tissue_mobilization", ("hip",)),
                                                   ("neuromuscular_reeducation", ())),
                ("walking", "stairs", "rolling_in_bed", "dressing"), ("pgq", "lefs"), False, ("hip", "lumbar")),
    "sciatica": Case(("sciatica",), (("trigger_point_release", ("hip",)), ("soft_tissue_mobilization", ("hip",)),
                                     ("stretching", ("hip",)), ("myofascial_release", ("hip", "lower_extremity"))),
                     ("sitting", "walking", "driving", "sleeping"), ("oswestry", "lefs"), True,
                     ("hip", "lower_extremity")),
    "neck": Case(("neck_pain",), (("trigger_point_release", ("cervical",)),
                                  ("soft_tissue_mobilization", ("cervical", "shoulder")),
                                  ("stretching", ("cervical",)), ("hot_pack", ("cervical",))),
                 ("sleeping", "driving", "working"), ("ndi",), True, ("cervical", "shoulder")),
    "thoracic": Case(("thoracic_pain",), (("myofascial_release", ("thoracic", "chest")),
                                          ("soft_tissue_mobilization", ("thoracic",)), ("stretching", ("chest",)),
                                          ("postural_stabilization", ())),
                     ("sitting", "working"), ("psfs",), False, ("thoracic", "shoulder")),
    "cts": Case(("carpal_tunnel",), (("manual_lymphatic_drainage", ("wrist_hand",)),
                                     ("soft_tissue_mobilization", ("upper_extremity",)),
                                     ("therapeutic_exercise", ()), ("self_care_training", ())),
                ("dressing", "household_tasks", "working"), ("psfs",), True, ("upper_extremity", "wrist_hand")),
    "edema": Case(("gestational_edema",), (("manual_lymphatic_drainage", ("lower_extremity", "ankle_foot")),
                                           ("effleurage", ("lower_extremity",))),
                  ("standing", "walking"), ("lefs",), False, ("lower_extremity", "ankle_foot")),
    "coccyx": Case(("coccyx_pain",), (("myofascial_release", ("sacral",)), ("soft_tissue_mobilization", ("hip",)),
                                      ("body_mechanics_education", ())),
                   ("sitting", "driving"), ("psfs",), False, ("sacral", "hip")),
    "round_ligament": Case(("round_ligament_pain",), (("effleurage", ("abdomen",)), ("myofascial_release", ("hip",)),
                                                      ("body_mechanics_education", ())),
                           ("rolling_in_bed", "walking"), (), True, ("hip", "lumbar")),
    "tension": Case(("anxiety",), (("effleurage", ("cervical", "shoulder")), ("petrissage", ("shoulder",)),
                                   ("tapotement", ("thoracic",))),
                    ("sleeping",), (), False, ("cervical", "head", "shoulder")),
}

#: Concepts that read naturally in each non-affirmed cue.
NEGATABLE = ("vaginal_bleeding", "preterm_labor", "preeclampsia", "placenta_previa", "gestational_hypertension",
             "dvt_history", "placental_abruption")
NEGATABLE_CONDITIONS = ("sciatica", "gestational_edema", "carpal_tunnel", "neck_pain", "anxiety", "coccyx_pain")
POSTPARTUM_NEGATABLE = ("vaginal_bleeding", "dvt_history", "preeclampsia", "sciatica", "carpal_tunnel",
                        "neck_pain", "anxiety", "coccyx_pain")
HISTORICAL_PRECAUTIONS = ("preeclampsia", "gestational_hypertension", "preterm_labor", "placental_abruption",
                          "placenta_previa")
HISTORICAL_CONDITIONS = ("sciatica", "low_back_pain", "carpal_tunnel", "pelvic_girdle_pain", "coccyx_pain",
                         "symphysis_pubis_dysfunction")
FAMILY = ("preeclampsia", "gestational_hypertension", "dvt_history", "placental_abruption", "anxiety",
          "carpal_tunnel")
HYPOTHETICAL = ("vaginal_bleeding", "preterm_labor", "preeclampsia", "sciatica")


#: Hypothetical conditions are reported to the clinic; hypothetical precautions send the patient to her OB.
CONDITIONS_OF_CARE = frozenset({"sciatica"})


def free(d: Draft, pool: Sequence[str]) -> list[str]:
    """The concepts of `pool` this note has not written yet."""
    used = {c.concept for c in d.conditions} | {p.precaution for p in d.precautions}
    return [c for c in pool if c not in used]


def _joined(parts: Sequence[str], last: str) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + f" {last} " + parts[-1]


def denial(d: Draft, concepts: Sequence[str], register: Register) -> str:
    """"Denies A, B or C." and its charting variants; every concept is recorded negated."""
    phrases = []
    for concept in concepts:
        phrase = d.concept(concept, "negated", register=register)
        if concept == "dvt_history":
            phrase = ("history of " if register == "full" else "hx of ") + phrase
        phrases.append(phrase)
    if register == "full":
        lead = d.pick(["She denies", "Patient denies", "She reports no"])
        return f"{lead} {_joined(phrases, 'or')}."
    shape = d.rng.randrange(4)
    if shape == 0:
        return f"Denies {_joined(phrases, 'or')}."
    if shape == 1:
        return " ".join(f"(-) {p}" for p in phrases)
    if shape == 2:
        return f"No {_joined(phrases, 'or')}."
    return "Neg for " + "/".join(phrases)


def past(d: Draft, concept: str, register: Register) -> str:
    """A resolved or previous-pregnancy history item, recorded historical; the text always says it is over."""
    phrase = d.concept(concept, "historical", register=register)
    year = d.rng.randint(2016, 2022)
    if d.postpartum_weeks is not None and concept not in HISTORICAL_CONDITIONS:
        if register == "full":
            return f"{phrase} during this pregnancy, which resolved after delivery"
        return d.pick([f"{phrase} this pregnancy - resolved after delivery", f"h/o {phrase} (antepartum), resolved"])
    prior_pregnancy = d.gravida >= 2 and d.postpartum_weeks is None
    if register == "full":
        if prior_pregnancy:
            return d.pick([f"her first pregnancy was complicated by {phrase}, which resolved after delivery",
                           f"she had {phrase} in a previous pregnancy ({year}), since resolved"])
        return d.pick([f"she had an episode of {phrase} in {year} that has fully resolved",
                       f"{phrase} in {year}, resolved"])
    if prior_pregnancy:
        return d.pick([f"h/o {phrase} w/ prior pregnancy (resolved)", f"prior preg c/b {phrase} ({year}), resolved"])
    return d.pick([f"{phrase} {year}, resolved", f"hx {phrase} ({year}) - resolved"])


def family(d: Draft, concept: str, register: Register) -> str:
    """A relative's history, recorded family."""
    phrase = d.concept(concept, "family", register=register)
    if register == "full":
        return d.pick([f"her mother had {phrase}", f"there is a family history of {phrase} (maternal aunt)",
                       f"her sister had {phrase}"])
    return d.pick([f"FHx: {phrase} (mother)", f"FH {phrase} - sister", f"mom w/ {phrase}"])


def if_occurs(d: Draft, concept: str, register: Register) -> str:
    """A warning about something that has not happened, recorded hypothetical."""
    phrase = d.concept(concept, "hypothetical", register=register)
    if concept in CONDITIONS_OF_CARE:
        if register == "full":
            return f"She was asked to let us know if {phrase} develops."
        return d.pick([f"Pt to report if {phrase} develops.", f"If {phrase} develops, pt to call clinic."])
    if register == "full":
        return d.pick([f"She was instructed to stop and contact her OB if {phrase} occurs.",
                       f"Advised to seek care right away should {phrase} develop."])
    return d.pick([f"Instructed to call OB if {phrase} occurs.", f"If {phrase} develops -> hold tx, contact OB.",
                   f"Pt to report immediately if any {phrase}."])


def history_items(d: Draft, register: Register, count: int) -> list[str]:
    """`count` history items with mixed non-affirmed statuses (historical / family), drawn from unused concepts."""
    out: list[str] = []
    for _ in range(count):
        kind = d.pick(["historical_p", "historical_c", "family"])
        pregnant_before = d.gravida >= 2 or d.postpartum_weeks is not None
        pool = []
        if kind == "historical_p" and pregnant_before:
            pool = free(d, HISTORICAL_PRECAUTIONS)
        elif kind == "historical_c":
            pool = free(d, HISTORICAL_CONDITIONS)
        if pool:
            out.append(past(d, d.pick(pool), register))
        elif pool := free(d, FAMILY):
            out.append(family(d, d.pick(pool), register))
    return out


def some_denials(d: Draft, register: Register, count: int, conditions: bool = False) -> str:
    """Deny up to `count` unused concepts; after delivery, only what can still be denied then."""
    pool = free(d, NEGATABLE_CONDITIONS if conditions else NEGATABLE)
    if d.postpartum_weeks is not None:
        pool = [c for c in pool if c in POSTPARTUM_NEGATABLE]
    chosen = d.rng.sample(pool, min(count, len(pool)))
    return denial(d, chosen, register) if chosen else ""


def a_warning(d: Draft, register: Register) -> str:
    pool = free(d, HYPOTHETICAL)
    return if_occurs(d, d.pick(pool), register) if pool else ""


def complaint(d: Draft, case: Case, register: Register, side: Side | None) -> list[str]:
    """Affirm the case's conditions (the first one with `side`) and return their phrases."""
    return [d.concept(c, "affirmed", side=side if i == 0 else None, register=register)
            for i, c in enumerate(case.conditions)]


def case_side(d: Draft, case: Case) -> Side | None:
    if not case.sided or d.chance(0.35):
        return None
    return d.pick(["left", "right", "right", "left", "bilateral"])
