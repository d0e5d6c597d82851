"""Notes with nothing to bill: cancellations, no-shows, phone calls, visits stopped before treatment, referral
intake and discharge summaries (one of each in turn, so six notes cover all six).

Why: these notes still name complaints, precautions, techniques (prescribed, planned or done on earlier visits)
and sometimes a referral, but no service was performed today, so the label has no technique and billable is false.
"""

from __future__ import annotations

from datetime import timedelta

from gravida.heldout_notes.draft import Draft
from gravida.heldout_notes.styles.common import cap, gestation_weeks
from gravida.heldout_notes.wording import MEASURE_RANGES, TECHNIQUE_NAMES
from gravida.synthetic_notes.labels import Credential


def _name(d: Draft, technique: str) -> str:
    return d.pick(d.forms(TECHNIQUE_NAMES[technique]))


def _cancelled(d: Draft) -> list[str]:
    weeks, days = gestation_weeks(d, 20, 38)
    reason = d.pick(("childcare issue", "feeling unwell (cold sx)", "work conflict", "OB appt ran late"))
    out = [d.date_of_service()]
    when = d.pick(("2 hrs before appt", "the morning of the appt", "30 min before appt"))
    out.append(f"Pt ({d.gestation(weeks, days)}) called {when} to cancel d/t {reason}.")
    out.append(
        d.pick(("No tx provided.", "Session not performed.", "No charge."))
        + f" {cap(_name(d, 'prenatal_massage'))} rescheduled."
    )
    if d.chance(0.5):
        out.append("Cancellation policy reviewed.")
    return out


def _no_show(d: Draft) -> list[str]:
    out = [d.date_of_service()]
    out.append(
        d.pick(
            ("Pt no-show for 10:00 appt.", "No-show; left VM to reschedule.", "Pt did not arrive for scheduled visit.")
        )
    )
    if d.chance(0.5):
        out.append(f"Last visit: {_name(d, 'myofascial_release')} and {_name(d, 'therapeutic_exercise')}; HEP on file.")
    if d.chance(0.5):
        out.append(d.pick(("Will f/u by phone next wk.", "Front desk notified.")))
    return out


def _phone(d: Draft) -> list[str]:
    weeks, days = gestation_weeks(d, 26, 38)
    out = [d.date_of_service(("Telephone encounter ", "Phone call — ", "Date: "))]
    out.append(
        f"Pt, {d.gestation(weeks, days)}, called re: new {d.condition('gestational_edema')} and HA since this AM."
    )
    out.append(f"Advised to contact OB/L&D today {d.precaution('preeclampsia', 'hypothetical')}.")
    out.append(f"{cap(_name(d, 'manual_lymphatic_drainage'))} deferred until cleared by OB.")
    return out


def _stopped(d: Draft) -> list[str]:
    weeks, days = gestation_weeks(d, 24, 38)
    out = [d.date_of_service()]
    bleeding = d.chance(0.5)
    if bleeding:
        out.append(
            f"Pt arrived, {d.gestation(weeks, days)}; reports {d.precaution('vaginal_bleeding')} since last night."
        )
        out.append("Session cancelled; pt advised to call OB now. Pt left in stable condition.")
    else:
        bp = f"{d.rng.randrange(146, 160)}/{d.rng.randrange(94, 104)}"
        out.append(f"{d.gestation(weeks, days)}. BP {bp} on arrival, repeat similar; c/o HA.")
        out.append(f"Tx not performed; sent to OB triage {d.precaution('preeclampsia', 'hypothetical')}.")
    if d.chance(0.5):
        out.append(d.denial(["preterm_labor"] if bleeding else ["vaginal_bleeding"]))
    return out


def _intake(d: Draft) -> list[str]:
    weeks, days = gestation_weeks(d, 16, 34)
    ref_day = d.day - timedelta(days=d.rng.randrange(1, 10))
    out = [d.date_of_service(("Date: ", "Note date: "))]
    out.append(d.referral(d.pick(("CNM", "MD", "NP", "DO")), ref_day if d.chance(0.8) else None))
    rx = " and ".join((_name(d, "prenatal_massage"), _name(d, "manual_lymphatic_drainage")))
    edema, back = d.condition("gestational_edema", side="bilateral"), d.condition("low_back_pain")
    out.append(f"Rx: {rx} for {edema} and {back}; pt {d.gestation(weeks, days)}.")
    out.append(
        d.pick(("Intake packet emailed; first appt scheduled.", "Insurance verification in progress; pt to schedule."))
    )
    return out


def _discharge(d: Draft) -> list[str]:
    out = [d.pick(("DISCHARGE SUMMARY", "Discharge Summary — PT"))]
    out.append(d.date_of_service())
    out.append(
        f"Pt delivered and is {d.postpartum(d.rng.randrange(6, 13))}; seen for {d.rng.randrange(6, 14)} visits "
        f"of {_name(d, 'therapeutic_exercise')} and {_name(d, 'manual_therapy')} during pregnancy."
    )
    out.append(d.denial(["pelvic_girdle_pain"]))
    measure = d.pick(("oswestry", "pgq", "roland_morris"))
    low, _ = MEASURE_RANGES[measure]
    out.append(
        f"Final {d.measure(measure, max(2, low - d.rng.randrange(2, 8)))}; {d.pain(d.rng.randrange(0, 3), 'nprs')}."
    )
    out.append(d.pick(("Goals met.", "All goals met; pt independent with HEP.")) + " D/c from skilled PT.")
    return out


_VARIANTS = (_cancelled, _no_show, _phone, _stopped, _intake, _discharge)


def non_billable(d: Draft) -> str:
    variant = _VARIANTS[(d.index - 1) % len(_VARIANTS)]
    lines = variant(d)
    credential: Credential = "PT" if variant is _discharge else d.pick(("LMT", "PT"))
    if d.chance(0.8):
        lines.append(d.signature(credential, signed=d.chance(0.7), npi=False))
    return "\n".join(lines) + "\n"
