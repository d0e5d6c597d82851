"""High-risk pregnancy notes: an LMT session under OB clearance, a PT visit under previa/preterm-labor
precautions, and an EMR precaution checklist with Yes/No columns.

Why: these notes carry the precautions that change what may be done, and they mix every status: the current
high-risk condition (affirmed), the stop rules ("stop and call L&D if any vaginal bleeding": hypothetical), past
pregnancies (historical), family history, and the screening denials. Written OB clearance is a precaution step,
not a referral; "no supine", "no prone" and "no pelvic floor exercises" are things not done.
"""

from __future__ import annotations

from gravida.blind_notes import clinical as c
from gravida.blind_notes.dates import written
from gravida.blind_notes.people import clinician, referrer
from gravida.blind_notes.services import Service, massage_visit, say, timed_total
from gravida.blind_notes.styles.common import (
    PRENATAL_COMPLAINTS,
    Visit,
    and_join,
    cap,
    complaint_names,
    detail,
    dos,
    due_date,
    other_date,
    position,
    pregnancy,
    random_ga,
    referral,
    signature,
    unused,
)

CURRENT = ("gestational_hypertension", "preeclampsia", "placenta_previa")


def write(v: Visit, index: int) -> str:
    return (_lmt_cleared, _pt_precautions, _checklist)[index % 3](v)


def _clearance(v: Visit, name_only: bool = False) -> str:
    """An OB/MFM clearance line; it names a prescriber (without a credential) but is not a referral, so nothing is
    recorded."""
    who = referrer(v.rng)
    name = f"Dr. {who.last}" if who.credential in ("MD", "DO") else f"{who.first} {who.last}"
    stamp = written(v.rng, other_date(v, v.rng.randint(3, 20)), ("us", "us_short"))
    if name_only:
        return f"{name} ({stamp})"
    return f"{v.choice(('OB', 'MFM'))} clearance on file from {name} ({stamp})"


def _high_risk(v: Visit, why: str) -> str:
    """ "High-risk pregnancy d/t gHTN": both the high-risk status and its reason, affirmed."""
    hr = c.precaution_name(v.rng, v.draft, "high_risk_pregnancy", "affirmed")
    reason = c.precaution_name(v.rng, v.draft, why, "affirmed")
    return f"{cap(hr)} {v.choice(('d/t', 'due to', 'secondary to'))} {reason}"


def _lmt_cleared(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "LMT")
    weeks, days = random_ga(v, 24, 37)
    p = v.patient
    lines = ["HIGH-RISK PRENATAL MASSAGE NOTE",
             f"DOS: {dos(v)} | {p.first} {p.last} | {pregnancy(v, weeks, days)} | EDD {due_date(v, weeks, days)}",
             f"Pregnancy status: {_high_risk(v, v.choice(('gestational_hypertension', 'preeclampsia')))}; "
             f"followed by MFM.",
             f"{_clearance(v)}: light pressure only, no deep work to LE."]
    screen = [f"BP {rng.randint(118, 138)}/{rng.randint(72, 88)} at check-in",
              c.precaution(rng, v.draft, "dvt_history", "negated")]
    if v.chance(0.6):
        screen.append(c.precaution(rng, v.draft, "placental_abruption", "family",
                                   cues=("mother had {x}", "FHx {x} (sister)")))
    lines.append("Screen: " + "; ".join(screen) + ".")
    lines.append(f"CC: {and_join(complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 2), True))}.")
    lines.append(f"Position: {position(v, 'side_lying')} only (no supine, no prone).")
    services = [Service("prenatal_massage", rng.choice((30, 40, 45)), ("cervical", "thoracic"), None),
                Service("effleurage", None, ("upper_extremity",), None)]
    if v.chance(0.5):
        services.append(Service("manual_lymphatic_drainage", rng.choice((10, 15)), ("ankle_foot",), "bilateral"))
    lines.append("Tx: " + "; ".join(say(rng, v.draft, s, True) for s in services) + " (light pressure throughout).")
    bleed = c.precaution(rng, v.draft, "vaginal_bleeding", "hypothetical",
                         cues=("any {x}", "{x}"))
    lines.append(f"Safety plan: stop session and call L&D if {bleed}, severe headache or visual changes.")
    if v.chance(0.75):
        lines.append(f"A: {c.response(rng, v.draft)}")
    lines.append(f"P: {c.plan(rng, v.draft, 1, None, True)} while clearance remains current.")
    lines.append(signature(v, who, v.choice(("slash", "esign"))))
    return "\n".join(lines)


def _pt_precautions(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "PT")
    weeks, days = random_ga(v, 22, 34)
    p = v.patient
    lines = [f"PT Daily Note - High Risk OB          Date: {dos(v, ('us', 'long'))}",
             f"{p.first} {p.last}, {p.gp}, GA {pregnancy(v, weeks, days if v.chance(0.6) else None)}"]
    lines.append(f"Precautions: {_high_risk(v, 'placenta_previa')}; pelvic rest per MFM. No pelvic floor exercises, "
                 f"no abdominal loading.")
    history = []
    if p.para >= 1:
        history.append(c.precaution(rng, v.draft, "placental_abruption", "historical",
                                    cues=("h/o {x} with G1", "{x} in prior pregnancy")))
    history.append(c.precaution(rng, v.draft, "preterm_labor", "hypothetical",
                                cues=("if any s/s of {x}, stop and send to L&D", "should {x} s/s occur, stop tx")))
    lines.append("Hx/Safety: " + "; ".join(history) + ".")
    if v.chance(0.5):
        lines.append(referral(v))
    pool = ("thoracic_pain", "neck_pain", "low_back_pain", "carpal_tunnel")
    names = complaint_names(v, pool, rng.randint(1, 2), True)
    lines.append(f"S: c/o {and_join(names)}; {c.pain(rng, v.draft, rng.randint(3, 7), 'before', 'nprs', True)}.")
    services = [Service("soft_tissue_mobilization", rng.choice((10, 12)), ("cervical", "thoracic"), None),
                Service("body_mechanics_education", 8),
                Service(v.choice(("therapeutic_exercise", "self_care_training")), rng.choice((10, 15)))]
    lines.append("Tx (seated and side-lying):")
    v.draft.position("seated")
    v.draft.position("side_lying")
    for service in services:
        extra = detail(v, service)
        lines.append(f"  - {say(rng, v.draft, service, True)}" + (f": {extra}" if extra else ""))
    timed = timed_total(services)
    v.draft.total_timed_minutes = timed
    lines.append(f"Timed minutes: {timed}")
    if v.chance(0.7):
        lines.append(f"A: {c.response(rng, v.draft)}")
    lines.append(f"P: {c.plan(rng, v.draft, 1, rng.choice((4, 6)), True)}; reassess with MFM update.")
    lines.append(signature(v, who, "esign", with_npi=True))
    return "\n".join(lines)


def _checklist(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("LMT", "PT")))
    weeks, days = random_ga(v, 20, 36)
    p = v.patient
    lines = [f"HIGH RISK OB PRECAUTION CHECKLIST          DOS: {dos(v, ('us',))}",
             f"Patient: {p.last}, {p.first}   GA: {pregnancy(v, weeks, days)}   EDD: {due_date(v, weeks, days)}",
             f"{'':32}Yes   No"]
    current = v.choice(("gestational_hypertension", "preeclampsia"))
    rows = [("high_risk_pregnancy", "High-risk pregnancy", True), ("preeclampsia", "Preeclampsia",
                                                                   current == "preeclampsia"),
            ("gestational_hypertension", "Gestational hypertension", current == "gestational_hypertension"),
            ("placenta_previa", "Placenta previa", False), ("placental_abruption", "Hx placental abruption", False),
            ("preterm_labor", "Preterm labor", False), ("vaginal_bleeding", "Vaginal bleeding", False)]
    for concept, label, yes in rows:
        v.draft.precaution(concept, "affirmed" if yes else "negated")
        lines.append(f"{label:32}{'[X]' if yes else '[ ]'}   {'[ ]' if yes else '[X]'}")
    lines.append(f"{'OB clearance on file':32}[X]   [ ]   {_clearance(v, name_only=True)}")
    lines.append(f"BP today: {rng.randint(122, 140)}/{rng.randint(78, 90)}  (within limits set by OB)")
    spare = unused(v, PRENATAL_COMPLAINTS)
    lines.append(f"Complaint: {complaint_names(v, spare, 1, True)[0]}")
    lines.append(f"Positioning: {position(v, v.choice(('side_lying', 'semi_reclined')))}")
    if who.credential == "LMT":
        services = massage_visit(rng, "prenatal_massage")
        services = [s for s in services if s.technique not in ("trigger_point_release", "hot_pack")]
    else:
        services = [Service("therapeutic_exercise", 15), Service("soft_tissue_mobilization", 10, ("cervical",),
                                                                 v.choice(("right", "left")))]
    lines.append("Treatment provided:")
    lines += [f"  {say(rng, v.draft, s, True)}" for s in services]
    if v.chance(0.6):
        lines.append(f"Response: {c.response(rng, v.draft)}")
    lines.append(signature(v, who, "signed"))
    return "\n".join(lines)
