"""Terse SOAP notes: an LMT's four-line SOAP, a PT/PTA follow-up in bulleted SOAP, and a one-paragraph quick note.

Why three layouts: "SOAP" covers very different densities in practice, from a massage therapist's shorthand to a
PTA's bulleted daily note with a timed-minutes line; an extractor tuned on one must be measured on the others.
"""

from __future__ import annotations

from gravida.blind_notes import clinical as c
from gravida.blind_notes.dates import written
from gravida.blind_notes.people import clinician
from gravida.blind_notes.services import all_minutes, massage_visit, pt_visit, say, timed_total
from gravida.blind_notes.styles.common import (
    PRENATAL_COMPLAINTS,
    Visit,
    and_join,
    cap,
    complaint_names,
    dos,
    filler,
    finding,
    other_date,
    positions,
    pregnancy,
    random_ga,
    signature,
    treatment_lines,
    unused,
)


def write(v: Visit, index: int) -> str:
    return (_lmt_soap, _pt_bullets, _quick)[index % 3](v)


def _lmt_soap(v: Visit) -> str:
    rng = v.rng
    lmt = clinician(rng, "LMT")
    weeks, days = random_ga(v, 18, 38)
    head = f"{dos(v)}  {v.patient.first[0]}. {v.patient.last}  {v.patient.gp} @ {pregnancy(v, weeks, days)}"
    names = complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 2), True)
    s_line = f"S: Pt c/o {and_join(names)}"
    s_line += v.choice((" x2 wks", " since last visit", ", worse end of day", "")) + "."
    if v.chance(0.7):
        s_line += f" {cap(c.pain(rng, v.draft, rng.randint(3, 8), 'before', abbreviated=True))}."
    s_line += f" {cap(c.precaution(rng, v.draft, 'vaginal_bleeding', 'negated', True))}, h/a or visual changes."
    placed = " then ".join(positions(v, ("side_lying", "semi_reclined", "seated")))
    o_line = f"O: {finding(v)}, {finding(v)}. Positioned {placed}".rstrip(".") + "."
    services = massage_visit(rng, v.choice(("prenatal_massage", "prenatal_massage", "swedish_massage", "massage")))
    tx = "Tx: " + "; ".join(say(rng, v.draft, s, True) for s in services) + "."
    a_parts: list[str] = []
    if v.chance(0.75):
        a_parts.append(c.response(rng, v.draft))
    if v.chance(0.5):
        a_parts.append(cap(c.pain(rng, v.draft, rng.randint(1, 3), "after", abbreviated=True)) + ".")
    a_line = "A: " + (" ".join(a_parts) if a_parts else "Session completed as planned.")
    if v.chance(0.5):
        p_line = f"P: Cont {c.plan(rng, v.draft, 1, v.rng.choice((4, 6, 8, None)), True)}. {filler(v)}"
    else:
        p_line = f"P: Next appt {written(rng, other_date(v, -14), ('us_short', 'us'))}. Rebook PRN."
    return "\n".join([head, s_line, o_line, tx, a_line, p_line, signature(v, lmt, v.choice(("slash", "signed")))])


def _pt_bullets(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("PT", "PTA")))
    weeks, days = random_ga(v, 20, 36)
    visit_no = rng.randint(3, 10)
    lines = [f"DOS: {dos(v, ('us', 'us_short'))}", f"Visit #{visit_no} of {visit_no + rng.randint(2, 8)}"]
    names = complaint_names(v, ("low_back_pain", "pelvic_girdle_pain", "symphysis_pubis_dysfunction", "sciatica",
                                "coccyx_pain"), rng.randint(1, 2), True)
    lines.append(f"Dx: {', '.join(names)}")
    lines.append(f"GA: {pregnancy(v, weeks, days if v.chance(0.6) else None)}")
    lines += ["S:", f"- Pt reports {v.choice(('sx improving', 'a mild flare after the weekend', 'no change'))}",
              f"- {c.pain(rng, v.draft, rng.randint(2, 7), 'unspecified', scale='nprs', abbreviated=True)}"]
    spare = unused(v, ("sciatica", "round_ligament_pain", "carpal_tunnel", "coccyx_pain"))
    if spare and v.chance(0.7):
        lines.append(f"- {cap(c.condition(rng, v.draft, rng.choice(spare), 'negated', abbreviated=True))}")
    lines += ["O:", f"- {finding(v)}", f"- {finding(v)}"]
    services = pt_visit(rng)
    lines += ["Tx:", *treatment_lines(v, services, True)]
    lines += ["A:", f"- {c.response(rng, v.draft) if v.chance(0.8) else 'Progressing toward goals.'}"]
    lines += ["P:", f"- Cont POC {c.plan(rng, v.draft, 2, v.rng.choice((6, 8)), True)}", "- Cont HEP"]
    if v.chance(0.7):
        timed = timed_total(services)
        v.draft.total_timed_minutes = timed
        line = f"Total timed min: {timed}"
        if v.chance(0.6):
            total = all_minutes(services) + rng.choice((0, 5))
            v.draft.total_treatment_minutes = total
            line += f" | Total tx time: {total} min"
        lines.append(line)
    lines.append(signature(v, who, v.choice(("esign", "slash"))))
    return "\n".join(lines)


def _quick(v: Visit) -> str:
    rng = v.rng
    lmt = clinician(rng, "LMT")
    weeks = rng.randint(14, 39)
    parts = [f"{dos(v, ('us_short', 'us_2y'))} - prenatal massage f/u", pregnancy(v, weeks, None)]
    parts.append("/".join(complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 2), True)))
    parts.append(" + ".join(positions(v, ("side_lying", "semi_reclined", "supine_with_wedge", "prone_with_cushion"))))
    services = massage_visit(rng, "prenatal_massage")
    parts.append("; ".join(say(rng, v.draft, s, True) for s in services))
    if v.chance(0.6):
        parts.append(c.response(rng, v.draft).rstrip("."))
    text = ". ".join(parts) + "."
    if v.chance(0.5):
        text += "\n" + signature(v, lmt, "slash", with_npi=False)
    return text
