"""Postpartum notes: pelvic-health PT follow-ups and postnatal bodywork, weeks after delivery.

The postpartum cases have their own complaints (nursing posture, lifting the baby, C-section scar, tailbone after
delivery). The LMT never writes "postpartum massage" (which id it is would be a coin toss); it writes massage,
Swedish massage or therapeutic massage. Layouts: a PT SOAP follow-up, an LMT session record, and a check-in note
that starts from the delivery.
"""

from __future__ import annotations

from gravida.final_notes import words
from gravida.final_notes.clinical import Case, complaint, history_items, some_denials
from gravida.final_notes.draft import Draft, When
from gravida.final_notes.people import full_name, npi, visit_date
from gravida.final_notes.styles.common import join_list, measure_score, tech_lines
from gravida.final_notes.treatment import Spec, typical_minutes
from gravida.synthetic_notes.labels import Credential, Side

CASES: dict[str, Case] = {
    "back": Case(("low_back_pain",), (("tens", ("lumbar",)), ("soft_tissue_mobilization", ("lumbar",)),
                                      ("therapeutic_exercise", ()), ("body_mechanics_education", ()),
                                      ("hot_pack", ("lumbar",))),
                 ("lifting", "carrying", "bending"), ("oswestry",), True, ("lumbar", "hip")),
    "scar": Case((), (("soft_tissue_mobilization", ("abdomen",)), ("neuromuscular_reeducation", ()),
                      ("therapeutic_exercise", ())),
                 ("lifting", "rolling_in_bed"), ("psfs",), False, ("abdomen",)),
    "pelvic": Case(("pelvic_girdle_pain",), (("pelvic_floor_exercise", ()), ("neuromuscular_reeducation", ()),
                                             ("myofascial_release", ("hip",)), ("therapeutic_activities", ())),
                   ("walking", "lifting", "stairs"), ("pgq",), True, ("hip", "pelvic")),
    "nursing": Case(("neck_pain", "thoracic_pain"), (("trigger_point_release", ("cervical",)),
                                                     ("postural_stabilization", ()), ("ultrasound", ("cervical",)),
                                                     ("stretching", ("chest",))),
                    ("sleeping", "carrying"), ("ndi",), True, ("cervical", "thoracic", "shoulder")),
    "wrist": Case(("carpal_tunnel",), (("soft_tissue_mobilization", ("upper_extremity",)),
                                       ("ultrasound", ("wrist_hand",)), ("self_care_training", ()),
                                       ("therapeutic_exercise", ())),
                  ("carrying", "dressing"), ("psfs",), True, ("upper_extremity", "wrist_hand")),
    "tailbone": Case(("coccyx_pain",), (("myofascial_release", ("sacral",)), ("hot_pack", ("sacral",)),
                                        ("therapeutic_exercise", ())),
                     ("sitting", "driving"), ("psfs",), False, ("sacral", "hip")),
}

_PT_ROLES: tuple[Credential, ...] = ("PT", "PT", "PTA")
_SIDES: tuple[Side | None, ...] = (None, "left", "right")
_DELIVERY = ("SVD", "vaginal delivery", "C-section", "cesarean delivery")


def _specs(d: Draft, case: Case, side: Side | None) -> list[Spec]:
    """Up to three of the case's techniques; the complaint's side goes to every technique with a region (never
    to the abdomen, which has no side)."""
    specs: list[Spec] = []
    for technique, regions in case.techniques:
        if len(specs) == 3 or (specs and d.chance(0.3)):
            continue
        sided = side if regions and regions[0] != "abdomen" else None
        minutes = typical_minutes(d, technique) if d.chance(0.75) else None
        specs.append(Spec(technique, regions, sided, minutes))
    return specs


def write(d: Draft, index: int) -> str:
    key = sorted(CASES)[(index + 3) % len(CASES)]
    case = CASES[key]
    side: Side | None = d.pick(_SIDES) if case.sided else None
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 3)
    weeks = d.rng.randint(3, 20)
    layout = index % 3
    lmt = layout == 1
    delivery = "C-section" if key == "scar" else d.pick(_DELIVERY)

    dos = d.service_date(visit)
    pp = d.postpartum(weeks, "short" if layout != 2 else "full")
    conds = complaint(d, case, "short", side)
    if lmt:
        role: Credential = "LMT"
        massage = d.pick(["massage", "swedish_massage", "therapeutic_massage"])
        areas = d.rng.sample(case.areas, 1) if case.areas != ("abdomen",) else ["thoracic"]
        specs = [Spec(massage, tuple(areas), None, d.pick([45, 60, 75]))]
        if d.chance(0.6):
            specs.append(Spec(d.pick(["effleurage", "petrissage"]), ("lower_extremity",), None, None))
    else:
        role = d.pick(_PT_ROLES)
        specs = _specs(d, case, side)

    # the C-section scar is written as such (region abdomen)
    scar = words.SCAR[index % len(words.SCAR)]
    rendered = []
    for spec in specs:
        if spec.regions == ("abdomen",) and key == "scar":
            tw = d.technique(spec.technique, minutes=spec.minutes, regions=spec.regions, where=scar)
            rendered.append(d.tech_line(tw))
        else:
            rendered.extend(tech_lines(d, [spec]))

    subj: list[str] = []
    if conds:
        subj.append(d.pick(["c/o ", "reports ", "Pt reports "]) + join_list(conds))
    if d.chance(0.75):
        when: When = d.pick(["before", "unspecified"])
        subj.append(d.pain(float(d.rng.randint(2, 7)), d.pick(["nprs", "unspecified"]), when))
    if case.limitations and d.chance(0.8):
        subj.append("difficulty w/ " + " and ".join(d.limitation(x, "short")
                                                     for x in d.rng.sample(case.limitations, 2)))
    if d.chance(0.5):
        subj.append(some_denials(d, "short", 1, conditions=d.chance(0.5)))
    hx = history_items(d, "short", d.rng.randint(0, 2))
    measure = ""
    if case.measures and d.chance(0.5):
        measure = d.measure(case.measures[0], measure_score(d, case.measures[0]))
    after: list[str] = []
    if d.chance(0.5):
        after.append(d.response("short"))
    if d.chance(0.35):
        after.append(d.pain(float(d.rng.randint(0, 2)), "unspecified", "after"))
    goal = ""
    if key == "scar" and d.chance(0.7):
        goal = "Goal: " + d.goal(True, "full", words.DIASTASIS_GOAL)
    elif d.chance(0.4):
        goal = "Goal: " + d.goal(False, "short")
    plan = d.plan(d.pick([1, 2]), d.pick([6, 8, None]), "short") if d.chance(0.65) else ""
    name = full_name(d.rng)
    sign = d.signature(name, role, npi(d.rng) if d.chance(0.5) else None, visit, "short") if d.chance(0.85) \
        else d.unsigned()

    if layout == 0:
        lines = [f"Pelvic Health Follow-up   DOS: {dos}", f"S: {pp} s/p {delivery}. " + "; ".join(s for s in subj if s),
                 "PMH: " + "; ".join(hx) if hx else "", f"O: {measure}" if measure else "",
                 "Tx:", *[f"- {r}" for r in rendered], "A: " + " ".join(after) if after else "", goal,
                 f"P: {plan}" if plan else "", sign]
    elif layout == 1:
        lines = [f"Postnatal session - {dos}", f"Client {pp} after {delivery}.",
                 "Intake: " + "; ".join(s for s in subj if s), "History: " + "; ".join(hx) if hx else "",
                 f"Intake {measure}" if measure else "", "Session:", *rendered, " ".join(after), goal, plan, sign]
    else:
        lines = [f"Date: {dos}",
                 f"Delivery: {delivery}, now {pp}. Infant feeding well per pt.",
                 ". ".join(s.rstrip(".") for s in subj if s) + ".", "; ".join(hx), measure,
                 "Interventions: " + "; ".join(rendered), " ".join(after), goal,
                 f"Plan: {plan}" if plan else "", sign]
    return "\n".join(line for line in lines if line.strip())
