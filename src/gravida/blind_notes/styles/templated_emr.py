"""EMR exports: an Epic-like "Field: value" note with checkboxes, a WebPT-like daily note with a flowsheet table,
and a scanned clinic intake/session form with [X] boxes.

Why checkboxes are labelled as they are: a checked box ("☑", "☒", "[X]") states its item; a lone unchecked box
("☐", "[ ]") states nothing, so it is only used for techniques, positions and responses, where "not selected"
cannot be read as a denial; conditions and precautions are asked as Yes/No pairs, where a checked No is a denial
(negated) and a checked Yes affirms. CPT codes in the table are the usual ones for the service named beside them;
the label follows the service name.
"""

from __future__ import annotations

from gravida.blind_notes import clinical as c
from gravida.blind_notes import words
from gravida.blind_notes.dates import written
from gravida.blind_notes.people import clinician
from gravida.blind_notes.services import Service, all_minutes, cells, massage_visit, pt_visit, timed_total
from gravida.blind_notes.styles.common import (
    PRENATAL_COMPLAINTS,
    Visit,
    cap,
    complaint_names,
    detail,
    dos,
    due_date,
    other_date,
    pregnancy,
    random_ga,
    referral,
    signature,
)

CPT = {
    "prenatal_massage": "97124", "swedish_massage": "97124", "therapeutic_massage": "97124", "massage": "97124",
    "manual_therapy": "97140", "myofascial_release": "97140", "soft_tissue_mobilization": "97140",
    "manual_lymphatic_drainage": "97140", "joint_mobilization": "97140", "trigger_point_release": "97140",
    "instrument_assisted_soft_tissue_mobilization": "97140", "therapeutic_exercise": "97110", "stretching": "97110",
    "pelvic_floor_exercise": "97110", "neuromuscular_reeducation": "97112", "postural_stabilization": "97112",
    "therapeutic_activities": "97530", "body_mechanics_education": "97535", "self_care_training": "97535",
    "hot_pack": "97010", "cold_pack": "97010", "unattended_electrical_stimulation": "G0283", "tens": "97014",
    "ultrasound": "97035",
}
STROKES = ("effleurage", "petrissage", "tapotement")
YES, NO = ("[X] Yes  [ ] No", "☒ Yes  ☐ No"), ("[ ] Yes  [X] No", "☐ Yes  ☒ No")


PT_DX = ("low_back_pain", "pelvic_girdle_pain", "symphysis_pubis_dysfunction", "sciatica")


def write(v: Visit, index: int) -> str:
    return (_epic, _flowsheet, _paper_form)[index % 3](v)


def _box(v: Visit, checked: bool) -> str:
    return v.choice(("☑", "☒")) if checked else "☐"


def _yes_no(v: Visit, yes: bool, paper: bool = False) -> str:
    pair = YES if yes else NO
    return pair[0] if paper else v.choice(pair)


def _epic(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "LMT")
    weeks, days = random_ga(v, 16, 38)
    p = v.patient
    birth = other_date(v, 365 * p.age + rng.randint(10, 300))
    lines = ["PRENATAL MASSAGE THERAPY - TREATMENT NOTE", "-" * 44,
             f"Patient Name: {p.last.upper()}, {p.first}      DOB: {written(rng, birth, ('us',))}",
             f"MRN: {rng.randint(10**6, 10**7 - 1)}      Date of Service: {dos(v, ('us',))}",
             f"Gestational Age: {pregnancy(v, weeks, days)}      EDD: {due_date(v, weeks, days)}"]
    if v.chance(0.5):
        lines.append(f"Referring Provider: {referral(v, kind='field')}")
    lines.append(f"Chief Complaint: {', '.join(complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 2), True))}")
    before, after = rng.randint(3, 8), rng.randint(0, 3)
    v.draft.pain_score(before, "nprs", "before")
    line = f"Pain Scale: NPRS      Pre-treatment: {before}/10"
    if v.chance(0.6):
        v.draft.pain_score(after, "nprs", "after")
        line += f"      Post-treatment: {after}/10"
    lines += [line, "Precaution Screening:"]
    lines.append(f"  {c.precaution_name(rng, v.draft, 'vaginal_bleeding', 'negated').capitalize()}:      "
                 f"{_yes_no(v, False)}")
    lines.append(f"  Hx {c.precaution_name(rng, v.draft, 'dvt_history', 'negated')}:      {_yes_no(v, False)}")
    lines.append(f"  High-risk pregnancy:      {_yes_no(v, False)}")
    v.draft.precaution("high_risk_pregnancy", "negated")
    lines.append(f"  OB clearance on file:      {_yes_no(v, True)}")
    used = rng.sample(("side_lying", "semi_reclined", "seated", "supine_with_wedge"), rng.randint(1, 2))
    boxes = []
    for concept, label in (("side_lying", "Side-lying"), ("semi_reclined", "Semi-reclined"), ("seated", "Seated"),
                           ("supine_with_wedge", "Supine w/ wedge")):
        if concept in used:
            v.draft.position(concept)
        boxes.append(f"{_box(v, concept in used)} {label}")
    lines.append("Positioning: " + "  ".join(boxes))
    services = massage_visit(rng, "prenatal_massage")
    strokes = {s.technique for s in services if s.technique in STROKES}
    lines.append("Techniques: " + "  ".join(f"{_box(v, t in strokes)} {t.capitalize()}" for t in STROKES))
    for s in services:
        if s.technique in STROKES:
            v.draft.technique(s.technique, None, (), None)
    lines.append("Services:")
    for s in (s for s in services if s.technique not in STROKES):
        name, where, _, minutes = cells(rng, v.draft, s, False)
        lines.append(f"  {name.capitalize() if name.islower() else name} ..... {minutes} min" +
                     (f"   Area(s): {where}" if where != "-" else ""))
    total = all_minutes(services)
    v.draft.total_treatment_minutes = total
    lines.append(f"Total Treatment Time: {total} min")
    tolerated = v.chance(0.7)
    if tolerated:
        v.draft.response()
    lines.append(f"Response to Treatment: {_box(v, tolerated)} Tolerated well  {_box(v, False)} Increased soreness"
                 f"  {_box(v, False)} Other: ______")
    if v.chance(0.6):
        per = 1
        weeks_plan = rng.choice((4, 6, 8))
        v.draft.plan(per, weeks_plan)
        lines.append(f"Plan: Frequency: {per}x/week    Duration: {weeks_plan} weeks")
    lines.append(f"Goals: 1. {c.goal(rng, v.draft, False)}")
    lines.append(f"Therapist: {who.signature}")
    lines.append(signature(v, who, "esign"))
    return "\n".join(lines)


def _flowsheet(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("PT", "PTA")))
    weeks, days = random_ga(v, 18, 36)
    p = v.patient
    lines = [f"Daily Note | Bloom Pelvic Health & Rehab | DOS {dos(v, ('us', 'us_short'))}",
             f"Patient: {p.first} {p.last}   {p.gp}   GA: {pregnancy(v, weeks, days if v.chance(0.5) else None)}",
             f"Treatment Dx: {', '.join(complaint_names(v, PT_DX, rng.randint(1, 2), True))}"]
    if v.chance(0.6):
        lines.append(f"Subjective: {c.pain(rng, v.draft, rng.randint(2, 7), 'unspecified', abbreviated=True)}; "
                     f"{c.precaution(rng, v.draft, 'preterm_labor', 'negated', True, cues=('no s/s of {x}',))}.")
    services: list[Service] = pt_visit(rng, (2, 4))
    split = v.chance(0.6)
    header = "| CPT   | Service | Area | Side | Min |" if split else "| CPT   | Service | Area | Min |"
    lines += ["", "FLOWSHEET", header, "|" + "---|" * (5 if split else 4)]
    for s in services:
        name, where, side, minutes = cells(rng, v.draft, s, split)
        row = [CPT[s.technique], name, where] + ([side] if split else []) + [minutes]
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    details = [(s, detail(v, s)) for s in services]
    notes = [f"{words.technique_name(rng, s.technique, True)}: {d}" for s, d in details if d]
    if notes:
        lines.append("Exercise detail: " + "; ".join(notes))
    timed, total = timed_total(services), all_minutes(services)
    v.draft.total_timed_minutes = timed
    v.draft.total_treatment_minutes = total
    lines.append(f"Timed Code Minutes: {timed}    Untimed: {total - timed}    Total Treatment Minutes: {total}")
    if v.chance(0.6):
        after = c.pain(rng, v.draft, rng.randint(0, 3), "after", "nprs")
        lines.append(f"Assessment: {c.response(rng, v.draft)} {cap(after)}.")
    else:
        lines.append("Assessment: Progressing per POC.")
    lines.append(f"Plan: {c.plan(rng, v.draft, 2, rng.choice((4, 6, 8, 10)), True)}; cont HEP.")
    lines.append(signature(v, who, v.choice(("esign", "signed"))))
    return "\n".join(lines)


def _paper_form(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "LMT")
    weeks = rng.randint(14, 38)
    p = v.patient
    lines = ["MATERNAL WELLNESS MASSAGE - SESSION RECORD (scanned)",
             f"Date: {dos(v, ('us_short', 'us_2y'))}    Client: {p.first} {p.last[0]}.    Weeks pregnant: "
             f"{pregnancy(v, weeks, None)}", "Health screen (client completed):"]
    edema = v.chance(0.5)
    lines.append(f"  Swelling of the feet/ankles?        {_yes_no(v, edema, True)}")
    v.draft.condition("gestational_edema", "affirmed" if edema else "negated")
    cts = v.chance(0.4)
    lines.append(f"  Carpal tunnel symptoms?             {_yes_no(v, cts, True)}")
    v.draft.condition("carpal_tunnel", "affirmed" if cts else "negated")
    lines.append(f"  Any {c.precaution_name(rng, v.draft, 'vaginal_bleeding', 'negated')} this pregnancy?"
                 f"    {_yes_no(v, False, True)}")
    lines.append(f"  Told by your provider you are high-risk?  {_yes_no(v, False, True)}")
    v.draft.precaution("high_risk_pregnancy", "negated")
    complaint = complaint_names(v, ("low_back_pain", "neck_pain", "thoracic_pain", "round_ligament_pain"), 1, True)
    lines.append(f"Main concern today: {complaint[0]}")
    chosen = ["side_lying"] + (["seated"] if v.chance(0.3) else [])
    for concept in chosen:
        v.draft.position(concept)
    lines.append("Position: " + "  ".join(
        f"[{'X' if x in chosen else ' '}] {label}"
        for x, label in (("side_lying", "Side-lying"), ("semi_reclined", "Semi-reclined"), ("seated", "Seated"))))
    services = massage_visit(rng, v.choice(("prenatal_massage", "massage")))
    lines.append("Work done:")
    for s in services:
        name, where, _, minutes = cells(rng, v.draft, s, False)
        lines.append(f"  [X] {name}" + (f" - {where}" if where != "-" else "") +
                     (f" ({minutes} min)" if minutes != "-" else ""))
    lines.append("  [ ] Hot stones   [ ] Aromatherapy")
    if v.chance(0.6):
        lines.append(f"Client response: {c.response(rng, v.draft)}")
    else:
        lines.append("Client response:")
    lines.append(signature(v, who, v.choice(("slash", "blank"))))
    return "\n".join(lines)
