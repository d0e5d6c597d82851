"""Postpartum notes: a pelvic-health PT follow-up (C-section scar work, pelvic floor), an LMT postpartum session,
and an OT visit for hand and wrist symptoms while caring for a newborn.

Why separate: after delivery the pregnancy facts change shape. There is no gestational age or EDD any more; there
are weeks postpartum, a delivery type and a scar, and complaints of this pregnancy become history ("pre-eclampsia
this pregnancy, resolved"). A delivery date is written in some notes and is not the date of service. A massage
after delivery is never called prenatal.
"""

from __future__ import annotations

from gravida.blind_notes import clinical as c
from gravida.blind_notes.dates import written
from gravida.blind_notes.people import clinician
from gravida.blind_notes.services import Service, all_minutes, massage_visit, say, say_at, timed_total
from gravida.blind_notes.styles.common import (
    POSTPARTUM_COMPLAINTS,
    SIDES,
    Visit,
    and_join,
    cap,
    complaint_names,
    detail,
    dos,
    filler,
    finding,
    other_date,
    referral,
    signature,
    treatment_lines,
    unused,
)

DELIVERY = {"cesarean": ("s/p C-section", "s/p cesarean delivery", "s/p LTCS (low transverse C-section)"),
            "vaginal": ("s/p SVD", "s/p vaginal delivery", "s/p NSVD")}


PELVIC = ("low_back_pain", "pelvic_girdle_pain", "coccyx_pain")


def write(v: Visit, index: int) -> str:
    return (_pelvic_health, _massage, _hand_therapy)[index % 3](v)


def _weeks_pp(v: Visit, weeks: int) -> str:
    """Weeks since delivery, recorded as postpartum weeks."""
    v.draft.postpartum_weeks = weeks
    return v.choice((f"{weeks} wks postpartum", f"{weeks} weeks postpartum", f"{weeks} wk PP", f"{weeks} weeks PP",
                     f"{weeks} weeks post partum"))


def _gp(v: Visit) -> str:
    """Gravida/para after this delivery (para counts the baby just born)."""
    return f"G{v.patient.gravida}P{v.patient.para + 1}"


def _pelvic_health(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "PT")
    weeks = rng.randint(6, 16)
    cesarean = v.chance(0.6)
    p = v.patient
    lines = [f"PELVIC HEALTH PT - DAILY NOTE    DOS: {dos(v)}",
             f"{p.first} {p.last}, {p.age} yo {_gp(v)}, {_weeks_pp(v, weeks)} "
             f"{v.choice(DELIVERY['cesarean' if cesarean else 'vaginal'])}"]
    if v.chance(0.4):
        lines.append(f"Delivered {written(rng, other_date(v, weeks * 7 + rng.randrange(7)), ('us', 'long'))}; "
                     f"cleared for exercise at 6 wk OB check.")
    s = f"S: Pt reports {and_join(complaint_names(v, PELVIC, rng.randint(1, 2), True))}"
    s += f", {c.pain(rng, v.draft, rng.randint(2, 6), 'unspecified', abbreviated=True)}."
    cues = ("{x} this pregnancy, resolved after delivery", "h/o {x} at 36 wks, resolved",
            "hx {x} this pregnancy - resolved")
    s += f" {cap(c.precaution(rng, v.draft, 'preeclampsia', 'historical', cues=cues))}."
    lims = c.limitations(rng, v.draft, ("lifting", "carrying", "bending", "household_tasks"), 1, 2)
    s += f" Difficulty {and_join(lims)}."
    lines.append(s)
    lines.append(f"O: {finding(v)}. Diastasis 2 fingerwidths at umbilicus. "
                 f"{c.measure(rng, v.draft, v.choice(('pgq', 'oswestry')))}.")
    services: list[Service] = []
    if cesarean:
        services.append(Service(v.choice(("soft_tissue_mobilization", "myofascial_release")), rng.choice((8, 10, 12)),
                                ("abdomen",), None))
    services.append(Service("pelvic_floor_exercise", rng.choice((10, 12, 15))))
    services.append(Service(v.choice(("therapeutic_exercise", "neuromuscular_reeducation")), rng.choice((12, 15, 20))))
    if v.chance(0.5):
        services.append(Service("body_mechanics_education", 8))
    stim = "unattended_electrical_stimulation" if cesarean else "tens"
    services.append(Service(stim, 15, ("lumbar",), None))
    lines.append("Tx:")
    for service in services:
        if service.regions == ("abdomen",):
            scar = v.choice(("C-section scar", "cesarean scar", "low transverse C-section scar"))
            lines.append(f"- {say_at(rng, v.draft, service, scar)}, incl. scar mobilization in all directions")
        else:
            text = say(rng, v.draft, service, True)
            extra = detail(v, service)
            lines.append(f"- {text}" + (f": {extra}" if extra else ""))
    timed = timed_total(services)
    v.draft.total_timed_minutes = timed
    lines.append(f"Timed: {timed} min")
    a = c.response(rng, v.draft) if v.chance(0.7) else "Progressing."
    lines.append(f"A: {a}")
    lines.append(f"P: {c.plan(rng, v.draft, v.choice((1, 2)), rng.choice((4, 6, 8)), True)}. Progress impact prep.")
    lines.append(signature(v, who, "esign"))
    return "\n".join(lines)


def _massage(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "LMT")
    weeks = rng.randint(3, 20)
    p = v.patient
    cesarean = v.chance(0.4)
    head = f"Postpartum session - {dos(v, ('long', 'us'))}\nClient {p.first} {p.last[0]}., {_weeks_pp(v, weeks)}, " \
           f"{v.choice(DELIVERY['cesarean' if cesarean else 'vaginal'])}."
    body = [f"Client reports {and_join(complaint_names(v, POSTPARTUM_COMPLAINTS, rng.randint(1, 2), False))}; "
            f"relates symptoms to nursing and holding the baby."]
    body.append(cap(c.precaution(rng, v.draft, "dvt_history", "negated")) + ".")
    spare = unused(v, ("anxiety", "carpal_tunnel"))
    if spare:
        body.append(cap(c.condition(rng, v.draft, rng.choice(spare), "family",
                                    cues=("her mother had {x}", "family history of {x} (sister)"))) + ".")
    body.append(f"Prone and supine, bolsters as needed. {filler(v)}")
    services = massage_visit(rng, v.choice(("swedish_massage", "therapeutic_massage", "massage")), postpartum=True)
    used = {s.technique for s in services}
    free = [t for t in ("myofascial_release", "trigger_point_release", "soft_tissue_mobilization") if t not in used]
    services.append(Service(free[0], rng.choice((8, 10)), ("chest",), "bilateral"))  # pec minor, from nursing
    body.append("Session: " + "; ".join(say(rng, v.draft, s, False) for s in services) + ".")
    if v.chance(0.7):
        body.append(c.response(rng, v.draft))
    if v.chance(0.4):
        body.append(f"{cap(c.pain(rng, v.draft, rng.randint(0, 3), 'after'))}.")
    body.append(v.choice(("Rebook in 2 weeks when childcare allows.", "Client will book online.")))
    return head + "\n" + " ".join(body) + "\n" + signature(v, who, v.choice(("slash", "signed")))


def _hand_therapy(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("OT", "OT", "OTA")))
    weeks = rng.randint(4, 14)
    p = v.patient
    side = v.choice(SIDES)
    lines = ["OUTPATIENT OT - TREATMENT NOTE", f"Date of service: {dos(v)}",
             f"Pt: {p.first} {p.last}  |  {_weeks_pp(v, weeks)}"]
    if v.chance(0.6):
        lines.append(referral(v))
    cts = c.condition_name(rng, v.draft, "carpal_tunnel", "affirmed", side, True)
    lines.append(f"Dx: {cts}; de Quervain's tenosynovitis {side[0].upper() if side != 'bilateral' else 'B'} wrist")
    s = f"S: Pt reports night numbness and tingling, {c.pain(rng, v.draft, rng.randint(3, 7), 'before', 'nprs', True)}."
    lims = c.limitations(rng, v.draft, ("lifting", "dressing", "household_tasks", "carrying"), 1, 2)
    s += f" Difficulty with {and_join(lims)}."
    lines.append(s)
    services = [Service("ultrasound", 8, ("wrist_hand",), side),
                Service("soft_tissue_mobilization", rng.choice((8, 10)), ("upper_extremity",), side),
                Service("therapeutic_exercise", rng.choice((10, 12)), (), None),
                Service("self_care_training", rng.choice((10, 15)), (), None)]
    if v.chance(0.5):
        services.append(Service("cold_pack", 10, ("wrist_hand",), None))
    lines.append("Interventions:")
    for line in treatment_lines(v, services, True, details=False):
        if "TherEx" in line or "ther ex" in line or "there-ex" in line:
            line += ": tendon glides, median nerve glides x10"
        elif "self-care" in line or "ADL" in line:
            line += ": infant care positioning, joint protection while nursing"
        lines.append(line)
    lines.append("Thumb spica orthosis fitted and issued (not included in timed minutes).")
    timed, total = timed_total(services), all_minutes(services)
    v.draft.total_timed_minutes = timed
    lines.append(f"Total timed minutes: {timed}; total session: {total + 10} min")
    v.draft.total_treatment_minutes = total + 10
    if v.chance(0.7):
        lines.append(f"A: {c.response(rng, v.draft)}")
    lines.append(f"P: {c.plan(rng, v.draft, v.choice((1, 2)), rng.choice((4, 6)), True)}")
    lines.append(signature(v, who, "signed"))
    return "\n".join(lines)
