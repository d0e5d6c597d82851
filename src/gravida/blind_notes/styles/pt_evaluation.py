"""Initial evaluations: a PT narrative evaluation, a PT evaluation exported from an EMR template, and an OT
evaluation for pregnancy-related carpal tunnel symptoms.

Why evaluations: they carry the most facts of any note (referral, history in every status, outcome measures,
limitations, goals, plan of care) and the most traps: the prescription and the plan list techniques that were not
done today, the evaluation code (97161-97163, 97165-97167) is billed untimed and is not a technique, and only the
"Today's treatment" section records techniques. A pain scale named at the head of a line ("NPRS: 5/10 now, 8/10
at worst") applies to every score on that line.
"""

from __future__ import annotations

from gravida.blind_notes import clinical as c
from gravida.blind_notes.people import clinician
from gravida.blind_notes.services import Service, say, timed_total
from gravida.blind_notes.styles.common import (
    SIDES,
    Visit,
    and_join,
    cap,
    complaint_names,
    detail,
    dos,
    due_date,
    finding,
    pregnancy,
    random_ga,
    referral,
    signature,
    unused,
)

PLAN_ITEMS = ("manual therapy", "TherEx", "NMR", "body mechanics education", "pelvic floor exercises",
              "TENS PRN", "moist heat PRN", "HEP", "SI belt fitting", "joint mobilization")
PT_EVAL_LIMITS = ("sitting", "standing", "walking", "stairs", "sleeping", "rolling_in_bed", "dressing", "lifting",
                  "working", "household_tasks")


def write(v: Visit, index: int) -> str:
    return (_pt_narrative, _pt_template, _ot_eval)[index % 3](v)


def _pain_line(v: Visit) -> str:
    now, worst = v.rng.randint(3, 6), v.rng.randint(7, 9)
    v.draft.pain_score(now, "nprs", "unspecified")
    v.draft.pain_score(worst, "nprs", "unspecified")
    return f"{now}/10 now, {worst}/10 at worst"


def _history(v: Visit) -> list[str]:
    """PMH and family history in statuses other than affirmed."""
    rng = v.rng
    out = []
    spare = unused(v, ("anxiety", "low_back_pain", "neck_pain", "carpal_tunnel"))
    if spare:
        cues = ("h/o {x}", "history of {x}") + (("{x} with first pregnancy, resolved",) if v.patient.para else ())
        out.append(c.condition(rng, v.draft, rng.choice(spare), "historical", cues=cues))
    out.append(c.precaution(rng, v.draft, "vaginal_bleeding", "negated", cues=("denies {x}", "no {x} this pregnancy")))
    out.append(c.precaution(rng, v.draft, v.choice(("preeclampsia", "dvt_history", "gestational_hypertension")),
                            "family", cues=("mother had {x}", "FHx: {x} (sister)")))
    spare = unused(v, ("anxiety", "carpal_tunnel"))
    if spare and v.chance(0.5):
        out.append(c.condition(rng, v.draft, rng.choice(spare), "family", cues=("FHx {x} (mother)", "sister has {x}")))
    return out


def _today(v: Visit, eval_code: str, eval_minutes: int, services: list[Service], bullet: str,
           details: dict[str, str] | None = None) -> list[str]:
    lines = [f"{bullet}{eval_code} ({eval_minutes} min, untimed)"]
    for service in services:
        extra = (details or {}).get(service.technique) or detail(v, service)
        lines.append(f"{bullet}{say(v.rng, v.draft, service, True)}" + (f": {extra}" if extra else ""))
    timed = timed_total(services)
    total = eval_minutes + sum(s.minutes or 0 for s in services)
    v.draft.total_timed_minutes = timed
    v.draft.total_treatment_minutes = total
    lines.append(f"Total timed minutes: {timed}    Total treatment time: {total} min")
    return lines


def _pt_narrative(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "PT")
    weeks, days = random_ga(v, 16, 34)
    p = v.patient
    lines = ["PHYSICAL THERAPY INITIAL EVALUATION", f"Date of Evaluation: {dos(v)}", referral(v)]
    lines.append(f"Rx: PT eval and treat; may include {', '.join(rng.sample(PLAN_ITEMS[:7], 3))}.")
    names = complaint_names(v, ("pelvic_girdle_pain", "low_back_pain", "symphysis_pubis_dysfunction", "sciatica"),
                            rng.randint(1, 2), False)
    lines.append(f"HPI: {p.age} yo {p.gp} at {pregnancy(v, weeks, days)} (EDD {due_date(v, weeks, days)}) "
                 f"presents with {and_join(names)}, onset ~{rng.randint(2, 8)} wks ago without injury. "
                 f"NPRS {_pain_line(v)}.")
    lines.append(f"PMH/FHx: {'; '.join(_history(v))}.")
    lines.append(f"Function: difficulty with {and_join(c.limitations(rng, v.draft, PT_EVAL_LIMITS, 2, 3))}.")
    measures = rng.sample(("pgq", "oswestry", "roland_morris", "psfs"), rng.randint(1, 2))
    lines.append("Outcome measures: " + ", ".join(c.measure(rng, v.draft, m) for m in measures) + ".")
    lines.append(f"Exam: ASLR positive R, thigh thrust positive R, {finding(v, False)}. Hip abd 4-/5 B. "
                 f"Neuro screen intact.")
    lines.append("Assessment: Signs and symptoms consistent with the above, with impairments in lumbopelvic "
                 "stability and tolerance to daily activity. Moderate complexity. Good rehab potential.")
    lines.append("Goals:")
    lines.append(f"  STG: {c.goal(rng, v.draft, True, (2, 3, 4))}.")
    lines.append(f"  LTG: {c.goal(rng, v.draft, True, (6, 8, 10))}.")
    if v.chance(0.5):
        lines.append(f"  LTG: {c.goal(rng, v.draft, False)}.")
    lines.append(f"Plan: {c.plan(rng, v.draft, 2, rng.choice((6, 8, 10)))}. Interventions to include "
                 f"{', '.join(rng.sample(PLAN_ITEMS, 4))}.")
    services = [Service("therapeutic_exercise", rng.choice((10, 12, 15))),
                Service(v.choice(("body_mechanics_education", "self_care_training")), rng.choice((8, 10)))]
    lines.append("Today's treatment:")
    lines += _today(v, "97162 PT evaluation, moderate complexity", rng.choice((30, 35, 40)), services, "  - ")
    if v.chance(0.7):
        lines.append(c.response(rng, v.draft))
    lines.append(signature(v, who, "esign", with_npi=True))
    return "\n".join(lines)


def _pt_template(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "PT")
    weeks, days = random_ga(v, 14, 36)
    p = v.patient
    lines = ["Initial Examination - Women's Health PT", f"Visit Date: {dos(v, ('us',))}",
             f"Patient: {p.first} {p.last}   Age: {p.age}   {p.gp}",
             f"Gestational age: {pregnancy(v, weeks, days if v.chance(0.5) else None)}"]
    lines.append(f"Referring Provider: {referral(v, kind='field')}")
    pool = ("low_back_pain", "pelvic_girdle_pain", "coccyx_pain", "thoracic_pain")
    lines.append(f"Primary Dx: {', '.join(complaint_names(v, pool, rng.randint(1, 2), True))}")
    spare = unused(v, ("sciatica", "symphysis_pubis_dysfunction"))
    differential = c.condition(rng, v.draft, rng.choice(spare), "hypothetical", abbreviated=True, cues=("r/o {x}",))
    lines.append(f"Differential: {differential}")
    lines.append(f"Pain (NPRS): {_pain_line(v)}")
    not_high = c.precaution(rng, v.draft, "high_risk_pregnancy", "negated", cues=("not a {x} per OB",))
    lines.append(f"Precautions: {not_high}"
                 f"; {c.precaution(rng, v.draft, 'placenta_previa', 'negated', cues=('no {x}',))}")
    chosen = rng.sample(("sitting", "standing", "stairs", "lifting", "rolling_in_bed", "walking"), 2)
    boxes = []
    for concept, label in (("sitting", "Sitting"), ("standing", "Standing"), ("walking", "Walking"),
                           ("stairs", "Stairs"), ("lifting", "Lifting"), ("rolling_in_bed", "Rolling in bed")):
        if concept in chosen:
            v.draft.limitation(concept)
        boxes.append(f"{'☑' if concept in chosen else '☐'} {label}")
    lines.append("Functional Limitations: " + "  ".join(boxes))
    lines.append(f"Outcome Measure: {c.measure(rng, v.draft, v.choice(('oswestry', 'pgq', 'lefs')))}")
    lines.append(f"Objective: {finding(v)}; {finding(v)}; FABER + R")
    lines.append(f"STG: {c.goal(rng, v.draft, True, (2, 3, 4))}")
    lines.append(f"LTG: {c.goal(rng, v.draft, True, (6, 8, 10))}")
    per_week, weeks_plan = rng.choice((1, 2)), rng.choice((4, 6, 8))
    v.draft.plan(per_week, weeks_plan)
    lines.append(f"Frequency: {per_week}x/week    Duration: {weeks_plan} weeks")
    lines.append(f"Planned interventions: {', '.join(rng.sample(PLAN_ITEMS, 3))}")
    services = [Service(v.choice(("soft_tissue_mobilization", "myofascial_release", "joint_mobilization")),
                        rng.choice((8, 10, 12)),
                        (v.choice(("lumbar", "pelvic", "hip")),), v.choice(("right", "left", None))),
                Service("therapeutic_exercise", rng.choice((10, 15)))]
    lines.append("Treatment Today:")
    lines += _today(v, "97161 PT eval, low complexity", rng.choice((20, 25, 30)), services, "  ")
    lines.append(signature(v, who, v.choice(("esign", "signed"))))
    return "\n".join(lines)


def _ot_eval(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "OT")
    weeks, days = random_ga(v, 24, 36)
    p = v.patient
    side = v.choice(SIDES)
    lines = ["OCCUPATIONAL THERAPY EVALUATION (hand)", f"DOS: {dos(v)}", referral(v)]
    cts = c.condition_name(rng, v.draft, "carpal_tunnel", "affirmed", side, False)
    lines.append(f"{p.first} {p.last}, {p.age} y/o at {pregnancy(v, weeks, days)}, referred for {cts}; "
                 f"night numbness and tingling in the thumb, index and middle fingers.")
    extra = complaint_names(v, ("gestational_edema",), 1, False)
    lines.append(f"Contributing: {extra[0]}. {cap('; '.join(_history(v)))}.")
    pain = c.pain(rng, v.draft, rng.randint(2, 6), "unspecified", "vas")
    lines.append(f"Pain: {pain}. QuickDASH 43.")
    lims = c.limitations(rng, v.draft, ("dressing", "working", "driving", "household_tasks"), 2, 3)
    lines.append(f"Occupational profile: difficulty with {and_join(lims)}.")
    lines.append("Exam: Phalen's +, Tinel's + at volar wrist, grip 18 kg R / 21 kg L, sensation diminished median "
                 "distribution.")
    first = c.goal(rng, v.draft, True, pool=c.HAND_GOALS)
    second = c.goal(rng, v.draft, v.chance(0.5), pool=c.HAND_GOALS)
    lines.append(f"Goals: 1) {first}. 2) {second}.")
    lines.append(f"Plan: {c.plan(rng, v.draft, 1, rng.choice((4, 6)))}; night orthoses, nerve glides, edema "
                 f"management, ergonomic modification.")
    services = [Service("self_care_training", rng.choice((10, 15))), Service("therapeutic_exercise", 8)]
    if v.chance(0.5):
        services.append(Service("cold_pack", 10, ("wrist_hand",), side))
    lines.append("Today: wrist cock-up orthosis fabricated and issued for night wear.")
    lines += _today(v, "97166 OT evaluation, moderate complexity", rng.choice((35, 40, 45)), services, "  * ",
                    {"therapeutic_exercise": "tendon glides, median nerve glides x10",
                     "self_care_training": "activity modification for typing and infant-care prep"})
    if v.chance(0.6):
        lines.append(c.response(rng, v.draft))
    lines.append(signature(v, who, "slash", with_npi=True))
    return "\n".join(lines)
