"""Initial evaluations (PT, and OT for carpal tunnel): the long form with history, measures, goals and POC.

What is hard here and why it is kept: an evaluation lists interventions the plan of care will include (planned,
so never labelled) beside the ones done today (labelled), and it has several minute counts (each service, timed
total, total time including the evaluation). Layouts: a full PT evaluation with headed sections, an OT evaluation,
and a compact EMR evaluation with colon fields.
"""

from __future__ import annotations

import re

from gravida.final_notes import words
from gravida.final_notes.clinical import PRENATAL_CASES, a_warning, case_side, complaint, history_items, some_denials
from gravida.final_notes.draft import Draft, Scale
from gravida.final_notes.people import days_before, full_name, npi, visit_date
from gravida.final_notes.styles.common import edd_for, finding, gestation, join_list, measure_score, tech_lines
from gravida.final_notes.treatment import Spec, choose, timed_total, with_minutes
from gravida.synthetic_notes.labels import Credential

_PT_CASES = ("pgp", "spd", "lbp", "sciatica", "coccyx", "thoracic")
_PLANNED = ("manual therapy", "therapeutic exercise", "neuromuscular re-education", "patient education",
            "therapeutic activities", "body mechanics training")


def write(d: Draft, index: int) -> str:
    layout = index % 3
    ot = layout == 1
    role: Credential = "OT" if ot else "PT"
    case = PRENATAL_CASES["cts" if ot else d.pick(_PT_CASES)]
    side = case_side(d, case)
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 4)
    weeks, days = gestation(d, visit, low=16, high=34)
    specs = with_minutes(choose(d, case, role, adjuncts=d.rng.randint(1, 3), side=side, minutes_p=1.0), d)
    if not specs:
        specs = [Spec("therapeutic_exercise", (), None, 15)]
    eval_minutes = d.pick([20, 25, 30])
    age = d.rng.randint(23, 42)

    dos = d.service_date(visit, d.pick(["us", "long"]))
    ga = d.gestation(weeks, days)
    edd = d.due(edd_for(visit, weeks, days), "us") if d.chance(0.6) else ""
    credential: Credential | None = d.pick(["MD", "DO", "CNM", "NP", "CNM"])
    ref = d.referral(full_name(d.rng), credential, days_before(visit, d.rng, 3, 25) if d.chance(0.8) else None,
                     "short")
    cc = complaint(d, case, "full", side)
    onset = d.pick(["about a month ago", "gradually over the past month", "without a specific incident"])
    scale: Scale = d.pick(["nprs", "vas", "unspecified"])
    pain_now = d.pain_value(float(d.rng.randint(3, 6)), scale, "unspecified")
    pain_worst = d.pain_value(float(d.rng.randint(7, 9)), scale, "unspecified") if d.chance(0.5) else ""
    lims = [d.limitation(x, "full") for x in d.rng.sample(case.limitations, min(3, len(case.limitations)))]
    hx = history_items(d, "full" if layout == 0 else "short", d.rng.randint(1, 2))
    neg = some_denials(d, "short", d.rng.randint(2, 3))
    neg_c = some_denials(d, "short", 1, conditions=True) if d.chance(0.5) else ""
    measures = []
    for m in case.measures[:2]:
        measures.append(d.measure(m, measure_score(d, m)))
    exam = [finding(d, case, side, "short")]
    if ot:
        sw = "" if side in (None, "bilateral") else {"left": "L", "right": "R"}[side or "left"]
        exam += [f"Phalen's (+) {sw}".strip(), f"Tinel's at wrist (+) {sw}".strip(),
                 f"grip {d.rng.randint(30, 45)} lb involved / {d.rng.randint(50, 65)} lb uninvolved"]
    else:
        exam += [f"hip abd MMT {d.pick(['4-/5', '4/5', '3+/5'])}", d.pick(["P4 (+)", "ASLR difficulty noted",
                                                                            "FABER (+)"])]
    goals: list[str]
    if ot:
        goals = [d.goal(True, "full", words.GRIP_GOAL), d.goal(False, "full")]
    else:
        goals = d.goal_set(d.rng.randint(2, 3), "full", [True, True, False])
    per_week, duration = d.pick([1, 2, 2, 3]), d.pick([4, 6, 8, 10])
    plan = d.plan(per_week, duration, "short")
    planned = ", ".join(d.rng.sample(_PLANNED, 3))
    tx = tech_lines(d, specs)
    timed = timed_total(specs)
    total = sum(s.minutes or 0 for s in specs) + eval_minutes
    d.totals(timed=timed if d.chance(0.8) else None, treatment=total if d.chance(0.7) else None)
    totals = []
    if d.total_timed_minutes is not None:
        totals.append(f"Timed minutes: {timed}")
    if d.total_treatment_minutes is not None:
        totals.append(f"Total treatment time: {total} min (incl. evaluation)")
    response = d.response("short") if d.chance(0.6) else ""
    warn = a_warning(d, "short") if d.chance(0.6) else ""
    sign = d.signature(full_name(d.rng), role, npi(d.rng), visit, "short") if d.chance(0.9) else d.unsigned()
    title = "OCCUPATIONAL THERAPY EVALUATION" if ot else "PHYSICAL THERAPY INITIAL EVALUATION"
    gp = f"G{d.gravida}P{d.rng.randint(0, d.gravida - 1)}"

    hpi = (f"{age} y/o {gp} at {ga}{' (EDD ' + edd + ')' if edd else ''} presenting with {join_list(cc)}, onset "
           f"{onset}. Reports difficulty with {join_list(lims)}.")
    pain_head = {"nprs": "Pain (NPRS)", "vas": "Pain (VAS)", "unspecified": "Pain"}[scale]
    pain = f"{pain_head}: current {pain_now}" + (f", at worst {pain_worst}" if pain_worst else "")
    if layout in (0, 1):
        lines = [title, f"Date of evaluation: {dos}", ref, "", "HISTORY OF PRESENT ILLNESS", hpi, pain, "",
                 "PMH / OB HISTORY", *(f"- {h}" for h in hx), neg, neg_c, "", "OUTCOME MEASURES",
                 *(f"- {m}" for m in measures), "", "OBJECTIVE", *(f"- {e}" for e in exam), "", "ASSESSMENT",
                 f"Pt presents with impairments consistent with {join_list(cc)} and would benefit from skilled "
                 f"{'OT' if ot else 'PT'}.", "", "GOALS", *(f"{i}. {g}" for i, g in enumerate(goals, start=1)), "",
                 "PLAN OF CARE", f"{plan}; POC to include {planned}.", warn, "", "TREATMENT PROVIDED TODAY",
                 *tx, *totals, response, "", sign]
    else:
        lines = [f"Eval | DOS: {dos} | {ga}", ref, f"HPI: {hpi}", pain, "Hx: " + "; ".join(hx) if hx else "",
                 neg, neg_c,
                 "Measures: " + ", ".join(measures) if measures else "", "Exam: " + "; ".join(exam),
                 "Goals: " + " / ".join(goals), f"POC: {plan} ({planned})", "Today: " + "; ".join(tx),
                 " | ".join(totals), response, warn, sign]
    if layout == 2:
        lines = [line for line in lines if line]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
