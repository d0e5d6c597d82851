"""Heavily abbreviated notes: an all-lowercase phone-typed quick note, a bulleted shorthand note, and a lowercase
note with 24-hour clock spans for each service.

Why lowercase: many therapists type between clients on a tablet and never reach for the shift key, so "r ql",
"b ut", "sl" and "lmt" must read the same as "R QL", "B UT", "SL" and "LMT". Lowercasing is applied to the whole
note after writing; it changes no fact (the label keeps the credential as "LMT", the side as "right"). Ultrasound
is never used here, since lowercase "us" is an ordinary word.
"""

from __future__ import annotations

from gravida.blind_notes import clinical as c
from gravida.blind_notes.people import clinician
from gravida.blind_notes.services import Clock, massage_visit, pt_visit, say
from gravida.blind_notes.styles.common import (
    PRENATAL_COMPLAINTS,
    Visit,
    complaint_names,
    dos,
    due_date,
    finding,
    positions,
    pregnancy,
    random_ga,
    signature,
    unused,
)

UPPER = ("neck_pain", "thoracic_pain", "low_back_pain", "carpal_tunnel")


def write(v: Visit, index: int) -> str:
    return (_lowercase, _bullets, _clocked)[index % 3](v)


def _lowercase(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("LMT", "PTA")))
    weeks, days = random_ga(v, 15, 39)
    p = v.patient
    first = (f"{dos(v, ('us_short', 'us_2y'))} pt {pregnancy(v, weeks, days if v.chance(0.5) else None, True)} "
             f"{p.gp} c/o {' + '.join(complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 2), True))}"
             f" {v.choice(('x1wk', 'x3 days', 'since sat', 'ongoing'))}.")
    if v.chance(0.7):
        first += f" {c.pain(rng, v.draft, rng.randint(3, 8), v.choice(('before', 'unspecified')), abbreviated=True)}."
    first += f" {c.precaution(rng, v.draft, 'vaginal_bleeding', 'negated', True)}."
    spare = unused(v, ("anxiety", "sciatica", "carpal_tunnel"))
    if spare and v.chance(0.6):
        past = c.condition(rng, v.draft, rng.choice(spare), "historical", abbreviated=True, cues=("h/o {x}", "hx {x}"))
        first += f" {past}."
    pos = ", ".join(positions(v, ("side_lying", "semi_reclined", "seated")))
    if who.credential == "PTA":
        services = pt_visit(rng, (2, 3), modality=True)
    else:
        services = massage_visit(rng, v.choice(("prenatal_massage", "massage")))
    tx = f"{pos.rstrip('.')}. " + ". ".join(say(rng, v.draft, s, True) for s in services) + "."
    last: list[str] = []
    if v.chance(0.7):
        last.append(v.choice(("tol well", "tolerated well", "pt felt relief")))
        v.draft.response()
    if v.chance(0.5):
        last.append(c.pain(rng, v.draft, rng.randint(0, 3), "after", abbreviated=True))
    last.append(v.choice(("cont hep", "next appt thurs", "rebook prn", "f/u next visit")))
    note = "\n".join([first, tx, ", ".join(last) + ".", signature(v, who, "slash", with_npi=v.chance(0.3))])
    return note.lower()


def _bullets(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("LMT", "PT")))
    weeks, days = random_ga(v, 18, 38)
    p = v.patient
    lines = [f"• DOS {dos(v, ('us', 'us_short'))}",
             f"• {pregnancy(v, weeks, days)}, {p.gp}, EDD {due_date(v, weeks, days)}"]
    cc = ", ".join(complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 3), True))
    spare = unused(v, ("carpal_tunnel", "anxiety", "coccyx_pain", "sciatica"))
    if spare:
        cc += f"; {c.condition(rng, v.draft, rng.choice(spare), v.choice(('historical', 'negated')), abbreviated=True)}"
    lines.append(f"• CC: {cc}")
    lines.append(f"• Pain: {c.pain(rng, v.draft, rng.randint(2, 8), 'unspecified', v.choice(('nprs', 'vas')), True)}")
    lines.append(f"• Palp: {finding(v)}; {finding(v)}")
    lines.append(f"• Pos: {' / '.join(positions(v, ('side_lying', 'semi_reclined', 'supine_with_wedge', 'seated')))}")
    services = massage_visit(rng, "prenatal_massage") if who.credential == "LMT" else pt_visit(rng, (2, 3))
    lines.append("• Tx:")
    lines += [f"   ◦ {say(rng, v.draft, s, True)}" for s in services]
    if v.chance(0.7):
        v.draft.response()
        lines.append(f"• Resp: {v.choice(('tol well', 'good', 'reports relief'))}")
    if v.chance(0.6):
        lines.append(f"• Plan: {c.plan(rng, v.draft, v.choice((1, 1, 2)), rng.choice((4, 6, None)), True)}")
    lines.append(f"• {signature(v, who, 'slash')}")
    return "\n".join(lines)


def _clocked(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "LMT")
    weeks = rng.randint(16, 38)
    span = Clock(rng.randrange(8 * 60, 16 * 60, 5), "military")
    lines = [f"dos {dos(v, ('us', 'us_short'))}. {pregnancy(v, weeks, None, True)}. "
             f"c/o {'/'.join(complaint_names(v, UPPER, rng.randint(1, 2), True))}."]
    if v.chance(0.5):
        no_htn = c.precaution(rng, v.draft, "gestational_hypertension", "negated", True, cues=("no {x}", "denies {x}"))
        lines.append(f"{no_htn}, bp wnl today.")
    lines.append(f"pos: {' -> '.join(positions(v, ('seated', 'side_lying', 'semi_reclined')))}")
    for service in massage_visit(rng, v.choice(("prenatal_massage", "swedish_massage"))):
        lines.append(f"  {say(rng, v.draft, service, True, span if service.minutes else None)}")
    if v.chance(0.6):
        lines.append(c.response(rng, v.draft))
    lines.append(signature(v, who, v.choice(("slash", "signed")), with_npi=False))
    return "\n".join(lines).lower()
