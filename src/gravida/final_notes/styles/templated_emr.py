"""Templated EMR exports: header fields, yes/no precaution screens, checkbox rows and an interventions table.

What makes these hard, and why they are here: unticked boxes name techniques, positions and limitations that did
not happen (so they are never labelled), a "[x] No" is a negation written as a tick, and the minutes sit in a table
column away from the technique's name. Two skins (ASCII "[x]" and ballot-box "☒/☐") and two table forms (pipes
and dotted leaders) vary the surface.
"""

from __future__ import annotations

from gravida.final_notes import words
from gravida.final_notes.clinical import PRENATAL_CASES, Case, case_side, complaint
from gravida.final_notes.draft import Draft, Scale
from gravida.final_notes.people import clinic, days_before, full_name, npi, visit_date
from gravida.final_notes.styles.common import edd_for, gestation, written
from gravida.final_notes.treatment import BY_ROLE, MASSAGE_PRIMARY, choose, timed_total, with_minutes
from gravida.synthetic_notes.labels import Credential

_SCREEN = ("vaginal_bleeding", "preeclampsia", "placenta_previa", "gestational_hypertension", "preterm_labor",
           "dvt_history")
_SCREEN_LABELS = {
    "vaginal_bleeding": "Vaginal bleeding", "preeclampsia": "Preeclampsia", "placenta_previa": "Placenta previa",
    "gestational_hypertension": "Gestational HTN", "preterm_labor": "Preterm labor", "dvt_history": "Hx of DVT",
}


def _box(ticked: bool, skin: int) -> str:
    if skin == 0:
        return "[x]" if ticked else "[ ]"
    return "☒" if ticked else "☐"


#: Complaints in rotation (an OT note is always carpal tunnel).
_CASES = ("lbp", "pgp", "tension", "edema", "spd", "thoracic")


def write(d: Draft, index: int) -> str:
    role: Credential = d.pick(["LMT", "LMT", "PT", "OT"]) if index % 3 else "LMT"
    case: Case = PRENATAL_CASES["cts" if role == "OT" else _CASES[(index - 1) % len(_CASES)]]
    side = case_side(d, case)
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 3)
    weeks, days = gestation(d, visit)
    primary = d.pick(MASSAGE_PRIMARY) if role == "LMT" else None
    specs = with_minutes(choose(d, case, role, adjuncts=d.rng.randint(1, 3), side=side, minutes_p=1.0,
                                primary=primary), d)
    skin = index % 2
    therapist = full_name(d.rng)
    signs = d.chance(0.8)

    lines = [f"{clinic(d.rng).upper()}  ::  DAILY TREATMENT NOTE", "-" * 60]
    patient = full_name(d.rng)
    dob = d.day_text(days_before(visit, d.rng, 24 * 365, 40 * 365), "us")
    lines.append(f"Patient: {patient}    MRN: {d.rng.randint(10_000_000, 99_999_999)}    DOB: {dob}")
    lines.append(f"Date of Service: {d.service_date(visit, d.pick(['us', 'iso']))}    Visit #: {d.rng.randint(2, 9)}")
    if signs:
        lines.append(f"Provider: {therapist}")
    if d.chance(0.6):
        credential: Credential = d.pick(["CNM", "MD", "DO", "NP"])
        lines.append(d.referral_grid(full_name(d.rng), credential, days_before(visit, d.rng, 7, 60)))

    lines += ["", "PREGNANCY"]
    ga = d.gestation(weeks, days, d.pick(["wd", "wks", "wk"]))
    edd = d.due(edd_for(visit, weeks, days), "us") if d.chance(0.7) else "--"
    lines.append(f"  Gestational age: {ga}    EDD: {edd}")
    if d.chance(0.5):
        row = d.concept("high_risk_pregnancy", "negated", phrase="High-risk pregnancy")
        lines.append(f"  {row}:  {_box(False, skin)} Yes  {_box(True, skin)} No")

    lines += ["", "PRECAUTION SCREEN (Y/N)"]
    for concept in d.rng.sample(_SCREEN, d.rng.randint(2, 4)):
        label = d.concept(concept, "negated", phrase=_SCREEN_LABELS[concept])
        lines.append(f"  {label:<22}{_box(False, skin)} Y  {_box(True, skin)} N")

    cc = complaint(d, case, "short", side)
    lines += ["", f"CHIEF COMPLAINT: {'; '.join(cc)}"]
    if d.chance(0.8):
        scale: Scale = d.pick(["nprs", "vas", "unspecified"])
        head = {"nprs": "Pain (NPRS 0-10)", "vas": "Pain (VAS)", "unspecified": "Pain (0-10)"}[scale]
        row = f"  {head}:  pre-treatment {d.pain_value(float(d.rng.randint(3, 8)), scale, 'before')}"
        if d.chance(0.6):
            row += f"   post-treatment {d.pain_value(float(d.rng.randint(0, 3)), scale, 'after')}"
        lines.append(row)
    limits = list(case.limitations) + [x for x in ("driving", "lifting", "carrying") if x not in case.limitations]
    shown = limits[:4]
    ticked = set(d.rng.sample(shown, d.rng.randint(1, 2)))
    boxes = []
    for lim in shown:
        word = d.limitation(lim, "short") if lim in ticked else lim.replace("_", " ")
        boxes.append(f"{_box(lim in ticked, skin)} {word.capitalize()}")
    lines.append("  Functional limitations: " + "  ".join(boxes))

    lines += ["", "POSITIONING"]
    chosen = "seated" if role == "OT" else d.pick(["side_lying", "semi_reclined", "prone_with_cushion", "seated"])
    rows = []
    for position in ("side_lying", "semi_reclined", "prone_with_cushion", "supine_with_wedge"):
        if position == chosen:
            rows.append(f"{_box(True, skin)} {d.position(position, 'short')}")
        else:
            rows.append(f"{_box(False, skin)} {words.POSITIONS[position][1][0]}")
    if chosen == "seated":
        rows.append(f"{_box(True, skin)} {d.position('seated', 'short')}")
    lines.append("  " + "  ".join(rows))

    lines += ["", "INTERVENTIONS"]
    table = [written(d, s) for s in specs]
    if index % 2 == 0:
        lines.append("  | Intervention | Area | Min |")
        lines.append("  |---|---|---|")
        lines += [f"  | {t.name} | {t.where or '-'} | {t.minutes} |" for t in table]
    else:
        lines += [f"  {t.name} {'.' * max(2, 28 - len(t.name))} {t.where or 'n/a'} ... {t.minutes} min" for t in table]
    done = {s.technique for s in specs}
    not_done = [t for t in sorted(BY_ROLE[role] | {"tens", "cold_pack", "hot_pack"}) if t not in done]
    unticked = d.rng.sample(not_done, 2)
    lines.append("  Other: " + "  ".join(f"{_box(False, skin)} {words.TECHNIQUES[t][1][0]}" for t in unticked))
    timed = timed_total(specs)
    total = sum(s.minutes or 0 for s in specs)
    if d.chance(0.5):
        d.totals(treatment=total)
        lines.append(f"  Total treatment time: {total} min")
    if role != "LMT" and d.chance(0.7):
        d.totals(timed=timed)
        lines.append(f"  Total timed minutes: {timed}")

    lines += ["", "RESPONSE TO TREATMENT"]
    if d.chance(0.6):
        lines.append("  " + d.ticked_response(_box(True, skin), _box(False, skin)))
    elif d.chance(0.5):
        lines.append(f"  {_box(False, skin)} Tolerated well   {_box(False, skin)} Adverse reaction")
    else:
        lines.append(f"  {d.response('short')}")

    lines += ["", "PLAN OF CARE"]
    if d.chance(0.75):
        lines.append("  " + d.plan_grid(d.pick([1, 2]), d.pick([4, 6, 8, None])))
    if d.chance(0.5):
        goals = d.goal_set(2, "short", [True, False] if d.chance(0.5) else [False])
        lines += [f"  Goal {i}: {g}" for i, g in enumerate(goals, start=1)]
    lines.append("")
    if signs:
        lines.append(d.signature(therapist, role, npi(d.rng) if d.chance(0.7) else None, visit, "short"))
    else:
        lines.append(d.unsigned())
    return "\n".join(lines)

