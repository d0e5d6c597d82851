"""Notes with nothing to bill: a no-show, a telephone encounter, an intake with massage deferred for OB clearance,
a visit stopped before treatment, a late cancellation, and a discharge summary.

Why: an extractor must not find a treatment in a note that only talks about one: the booked "prenatal massage"
that did not happen, the ice and stretches advised by phone, the techniques "received over 9 visits", the
"massage deferred". Each note still states facts (date, pregnancy, complaints, precautions, signature) that are
labelled as usual; `billable` is false because no technique was performed.
"""

from __future__ import annotations

from gravida.blind_notes import clinical as c
from gravida.blind_notes.dates import written
from gravida.blind_notes.people import clinician
from gravida.blind_notes.styles.common import (
    PRENATAL_COMPLAINTS,
    Visit,
    and_join,
    cap,
    complaint_names,
    dos,
    due_date,
    other_date,
    pregnancy,
    random_ga,
    signature,
)


def write(v: Visit, index: int) -> str:
    layouts = (_no_show, _phone, _deferred, _stopped, _late_cancel, _discharge)
    return layouts[(index - 1) % len(layouts)](v)


def _appointment_time(v: Visit) -> str:
    hour = v.rng.randint(8, 17)
    return f"{hour % 12 or 12}:{v.choice(('00', '15', '30', '45'))} {'am' if hour < 12 else 'pm'}"


def _no_show(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "LMT")
    weeks = rng.randint(16, 38)
    p = v.patient
    text = (f"NO-SHOW    {dos(v)}\nClient {p.first} {p.last} ({pregnancy(v, weeks, None)}) did not arrive for "
            f"{_appointment_time(v)} prenatal massage appointment. Called x2, left voicemail to reschedule. "
            f"No-show fee per policy; no services rendered.")
    return text + "\n" + signature(v, who, v.choice(("slash", "signed")))


def _phone(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "PT")
    weeks, days = random_ga(v, 20, 36)
    lines = [f"Telephone encounter - {dos(v)} {_appointment_time(v)}"]
    names = complaint_names(v, PRENATAL_COMPLAINTS, rng.randint(1, 2), False)
    lines.append(f"Pt ({pregnancy(v, weeks, days)}) called reporting increased {and_join(names)} since the weekend, "
                 f"{c.pain(rng, v.draft, rng.randint(4, 8), 'unspecified', 'unspecified')}.")
    lines.append(f"{cap(c.precaution(rng, v.draft, 'vaginal_bleeding', 'negated'))}, fluid leakage or fever.")
    pre = c.precaution(rng, v.draft, "preterm_labor", "hypothetical", cues=("signs of {x}", "any s/s of {x}"))
    lines.append(f"Advised ice 10 min as needed, gentle stretches from HEP, and to go to L&D if {pre}.")
    lines.append("Will keep scheduled PT visit this week. Phone call only; not billed.")
    lines.append(signature(v, who, "esign"))
    return "\n".join(lines)


def _deferred(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "LMT")
    weeks, days = random_ga(v, 22, 34)
    p = v.patient
    lines = ["NEW CLIENT INTAKE - massage deferred", f"Date: {dos(v, ('us', 'long'))}",
             f"Client: {p.first} {p.last}, {p.gp}, {pregnancy(v, weeks, days)}, EDD {due_date(v, weeks, days)}"]
    previa = c.precaution_name(rng, v.draft, "placenta_previa", "affirmed")
    hr = c.precaution_name(rng, v.draft, "high_risk_pregnancy", "affirmed")
    lines.append(f"Health history: client reports {previa} seen on her most recent obstetric ultrasound; "
                 f"OB has told her this is a {hr}.")
    lines.append(f"Also {c.condition(rng, v.draft, 'anxiety', 'affirmed', cues=('reports {x}',))} and "
                 f"{c.condition(rng, v.draft, v.choice(('low_back_pain', 'neck_pain')), 'affirmed', cues=('{x}',))}.")
    lines.append("Plan: OB clearance form faxed today. Prenatal massage deferred until written clearance is "
                 "received; client agrees.")
    lines.append(signature(v, who, v.choice(("slash", "blank"))))
    return "\n".join(lines)


def _stopped(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, v.choice(("LMT", "PT")))
    weeks, days = random_ga(v, 28, 38)
    lines = [f"{dos(v)} - Visit not completed"]
    lines.append(f"Pt arrived for scheduled session at {pregnancy(v, weeks, days)}. Reports headache and seeing "
                 f"spots since this morning. BP {rng.randint(148, 160)}/{rng.randint(96, 104)}, repeat "
                 f"{rng.randint(146, 158)}/{rng.randint(94, 100)}.")
    pe = c.precaution(rng, v.draft, "preeclampsia", "hypothetical", cues=("rule out {x}", "r/o {x}"))
    lines.append(f"Treatment not performed. Pt sent to L&D to {pe}; OB office notified by phone.")
    lines.append(f"{cap(c.precaution(rng, v.draft, 'vaginal_bleeding', 'negated'))}.")
    lines.append("No charge for today.")
    lines.append(signature(v, who, "signed"))
    return "\n".join(lines)


def _late_cancel(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "PTA")
    new = written(rng, other_date(v, -rng.randint(2, 6)), ("us", "us_short"))
    lines = [f"Late cancellation - DOS {dos(v, ('us_short', 'us'))}",
             f"Pt cancelled {rng.randint(1, 3)} hr before her appointment (childcare conflict). Rescheduled for "
             f"{new}."]
    complaint = c.condition_name(rng, v.draft, v.choice(("low_back_pain", "pelvic_girdle_pain")), "affirmed",
                                 abbreviated=True)
    lines.append(f"Per pt text, {complaint} "
                 f"unchanged. POC remains {c.plan(rng, v.draft, 2, rng.choice((6, 8)), True)}.")
    lines.append(signature(v, who, "slash", with_npi=False))
    return "\n".join(lines)


def _discharge(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "PT")
    weeks = rng.randint(1, 4)
    v.draft.postpartum_weeks = weeks
    visits = rng.randint(6, 14)
    lines = ["DISCHARGE SUMMARY - Prenatal PT", f"Date: {dos(v, ('us',))}",
             f"Pt is {weeks} {'week' if weeks == 1 else 'weeks'} postpartum s/p {v.choice(('SVD', 'C-section'))}; "
             f"discharged from the prenatal episode of care."]
    lines.append(f"Over {visits} visits pt received manual therapy, TherEx, NMR and body mechanics education; "
                 f"no treatment was provided today.")
    history = c.condition(rng, v.draft, v.choice(("pelvic_girdle_pain", "low_back_pain")), "historical",
                          cues=("{x} resolved", "{x} - resolved by discharge"))
    lines.append(f"Status: {history}. Discharge {c.measure(rng, v.draft, 'oswestry', (4, 14))}. Goals met.")
    lines.append("Recommendations: postpartum pelvic floor PT after 6 wk OB check; continue HEP.")
    lines.append(signature(v, who, "esign"))
    return "\n".join(lines)
