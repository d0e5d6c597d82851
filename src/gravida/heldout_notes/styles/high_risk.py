"""The high-risk pregnancy visit: the note says so, lists the precautions, cites OB clearance, modifies treatment.

Why: these notes carry the precautions a claim reviewer and a safety audit look for (gestational hypertension,
previa, DVT history, preterm labor), each with a status: current, past, in the family, or "call if it develops".
"""

from __future__ import annotations

from gravida.heldout_notes.draft import Draft
from gravida.heldout_notes.styles.common import Done, cap, complaints_for, do, gestation_weeks, primary_massage

#: (affirmed precaution, the modification it forces, written after it).
_CURRENT = (
    ("gestational_hypertension", "BP checked before session"),
    ("preeclampsia", "BP checked before and after session"),
    ("placenta_previa", "no abdominal work, light pressure only"),
    ("preterm_labor", "on modified activity; no deep pressure"),
)
_PAST = ("dvt_history", "placental_abruption", "preterm_labor", "preeclampsia")
_FAMILY = ("preeclampsia", "dvt_history", "placental_abruption")
_IF = ("vaginal_bleeding", "preterm_labor", "preeclampsia", "placental_abruption")


def high_risk(d: Draft) -> str:
    lines: list[str] = []
    if d.chance(0.9):
        lines.append(d.date_of_service())
    current, modification = d.pick(_CURRENT)
    weeks, days = gestation_weeks(d, 20, 36)
    ga, due = d.gestation_and_edd(weeks, days)
    hrp = d.precaution("high_risk_pregnancy")
    reason = d.precaution(current)
    lines.append(
        d.pick(
            (
                f"{cap(hrp)} — {reason}; {modification}.",
                f"Pt w/ {hrp} d/t {reason} ({modification}).",
                f"Precautions: {hrp} ({reason}); {modification}.",
            )
        )
    )
    lines.append(
        f"GA {ga}"
        + (f", {d.edd(due)}" if d.chance(0.5) else "")
        + ". "
        + d.pick(("Written OB clearance on file.", "MFM clearance for massage on file.", "OB clearance received."))
    )
    extra: list[str] = []
    if d.chance(0.7):
        extra.append(
            cap(d.precaution(d.unused(_PAST, 1)[0], "historical")) + d.pick((" w/ prior pregnancy.", ".", " (G1)."))
        )
    if d.chance(0.5):
        extra.append(cap(d.precaution(d.unused(_FAMILY, 1)[0], "family")) + ".")
    extra.append(
        d.denial(
            d.unused(("vaginal_bleeding", "gestational_edema"), 2),
            extra=d.pick(((), ("HA", "visual changes"), ("ctx",))),
        )
    )
    lines.append(" ".join(extra))
    if current in ("gestational_hypertension", "preeclampsia"):
        lines.append(f"BP {d.rng.randrange(124, 139)}/{d.rng.randrange(78, 89)} pre-session.")
    complaints = complaints_for(d, d.pick((1, 2)), side_chance=0.4)
    s = f"S: C/o {d.complaints(complaints)}."
    if d.chance(0.6):
        s += " " + cap(d.pain(d.rng.randrange(3, 8), d.pick(("unspecified", "nprs")))) + "."
    lines.append(s)
    lines.append(f"Positioning: {d.positions(d.sample(('side_lying', 'semi_reclined'), d.pick((1, 2))))} only.")
    done: list[Done] = [primary_massage(d, "prenatal_massage", d.pick((30, 40, 45, 50)))]
    if d.chance(0.6):
        safe = ["effleurage", "myofascial_release", "petrissage"]
        if current != "placenta_previa" and not d.has_precaution("dvt_history"):
            safe.append("manual_lymphatic_drainage")
        done.append(do(d, d.pick(safe), minutes=d.pick((None, 10, 15)), most=1))
    lines.append(
        (
            "Tx: "
            + "; ".join(x.text for x in done)
            + ". "
            + d.pick(("Light pressure throughout.", "No deep work to LE.", ""))
        ).rstrip()
    )
    a = "A: " + d.response()
    if d.chance(0.5):
        action = d.pick(("Instructed to stop and call OB", "Pt to go to L&D", "Advised to contact OB"))
        free = d.unused(_IF, 1)  # every warning sign may already be named (affirmed or denied) in this note
        if free:
            a += f" {action} {d.precaution(free[0], 'hypothetical')}."
    lines.append(a)
    if d.chance(0.6):
        lines.append(f"P: {d.plan(1, d.pick((None, 4, 6)))}, pending continued clearance.")
    lines.append(d.signature(d.pick(("LMT", "LMT", "PT")), signed=d.chance(0.85)))
    return "\n".join(lines) + "\n"
