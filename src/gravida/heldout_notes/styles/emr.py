"""The templated EMR note: "Field: value" lines, checkbox rows and a CPT flowsheet table.

Why: practice-management systems print notes as forms. Facts sit after field labels or inside "[x]" boxes, and
unchecked boxes name techniques and positions that were not used, so a reader must tell checked from unchecked.
"""

from __future__ import annotations

from datetime import timedelta

from gravida.heldout_notes.draft import Draft, Scale
from gravida.heldout_notes.styles.common import (
    MASSAGE_ADDONS,
    PT_ACTIVE,
    PT_MANUAL,
    Done,
    area,
    cap,
    complaints_for,
    gestation_weeks,
    minutes_sum,
)
from gravida.heldout_notes.wording import LIMITATION_NAMES, TECHNIQUE_NAMES

_POSITION_BOXES = {
    "side_lying": "Side-lying",
    "semi_reclined": "Semi-reclined",
    "supine_with_wedge": "Supine w/ wedge",
    "seated": "Seated",
    "prone_with_cushion": "Prone w/ cushion",
}
_SCREEN_ROWS: tuple[tuple[str, str | None], ...] = (
    ("vaginal_bleeding", "Vaginal bleeding"),
    ("preeclampsia", "Preeclampsia"),
    ("placenta_previa", "Placenta previa"),
    ("dvt_history", "History of DVT"),
    ("high_risk_pregnancy", "High-risk pregnancy"),
    ("gestational_hypertension", "Gestational hypertension"),
)


def templated_emr(d: Draft) -> str:
    return _massage_form(d) if d.index % 2 else _pt_flowsheet(d)


def _service_line(d: Draft, technique: str, minutes: int | None) -> Done:
    regions, side = (
        area(d, technique)
        if technique != "prenatal_massage"
        else (d.sample(("lumbar", "hip", "lower_extremity", "cervical", "shoulder"), d.pick((1, 2))), None)
    )
    if minutes is None:
        template = "  [x] {name} ({code})  Area: {area}"
    else:
        template = d.pick(
            ("  [x] {name} ({code}) .... {n} min  Area: {area}", "  [x] {name} ({code})  Time: {n} min  Area: {area}")
        )
    text = d.technique(technique, minutes=minutes, regions=regions, side=side, template=template)
    return Done(text, technique, minutes)


def _massage_form(d: Draft) -> str:
    lines = [d.pick(("PRENATAL MASSAGE THERAPY — SESSION NOTE", "Massage Therapy Treatment Record (Prenatal)"))]
    lines.append(d.date_of_service(("Date of Service: ", "Session Date: ")))
    weeks, days = gestation_weeks(d)
    ga, due = d.gestation_and_edd(weeks, days)
    lines.append(f"Gestational Age: {ga}")
    if d.chance(0.7):
        lines.append(d.edd(due, ("EDD: ", "Due Date: ")))
    if d.chance(0.6):
        ref_day = d.day - timedelta(days=d.rng.randrange(5, 60))
        lines.append(
            d.referral(
                d.pick(("CNM", "MD", "DO", "NP")),
                ref_day if d.chance(0.7) else None,
                "Referring Provider: {who}    Referral Date: {when}",
            )
        )
    complaints = complaints_for(d, d.pick((1, 2)))
    lines.append(f"Chief Complaint: {d.complaints(complaints)}")
    if d.chance(0.5):
        lines.append(d.limitations(d.sample(tuple(LIMITATION_NAMES), d.pick((1, 2))), "Functional Limitations: {x}"))
    scale: Scale = d.pick(("nprs", "vas"))
    before = d.rng.randrange(3, 9)
    paired = d.chance(0.6)
    if paired:
        lines.append(
            d.pain_pair(
                before, before - d.rng.randrange(1, 3), scale, f"Pain ({scale.upper()}): Pre {{b}}   Post {{a}}"
            )
        )
    else:
        lines.append(d.pain(before, scale, "before", f"Pain ({scale.upper()}) pre-session: {{v}}"))
    lines.append("Precaution Screen:")
    for item, noun in d.sample(_SCREEN_ROWS, d.pick((2, 3, 4))):
        lines.append("  " + d.screen(item, False, noun=noun))
    checked = d.sample(("side_lying", "semi_reclined", "supine_with_wedge", "seated"), d.pick((1, 2)))
    lines.append("Positioning: " + d.position_checklist(checked, _POSITION_BOXES))
    lines.append("Services:")
    done = [_service_line(d, "prenatal_massage", d.pick((30, 45, 50)))]
    addons = d.sample([t for t in MASSAGE_ADDONS if t != "tapotement"], 3)
    used = d.pick((0, 1, 2))
    for technique in addons[:used]:
        done.append(_service_line(d, technique, d.pick((None, 10, 15))))
    lines.extend(x.text for x in done)
    for technique in addons[used:]:
        lines.append(f"  [ ] {cap(d.pick(d.forms(TECHNIQUE_NAMES[technique])))}")
    total = minutes_sum(done)
    if total is not None:
        lines.append(d.total_treatment(total + d.pick((0, 0, 5)), ("Total Treatment Time: {n} min",)))
    if paired or d.chance(0.6):
        lines.append("Response to Treatment: " + d.response())
    if d.chance(0.7):
        lines.append("Plan/Frequency: " + d.plan(d.pick((1, 2)), d.pick((None, 4, 6, 8))))
    if d.chance(0.5):
        lines.append("Client Goals: " + " ".join(d.goals([False] if d.chance(0.5) else [False, True])))
    lines.append(d.signature("LMT") if d.chance(0.8) else d.signature(None, signed=False))
    return "\n".join(lines) + "\n"


def _pt_flowsheet(d: Draft) -> str:
    lines = [d.pick(("PHYSICAL THERAPY DAILY NOTE", "PT Treatment Note — Obstetric"))]
    lines.append(d.date_of_service(("Visit Date: ", "DOS: ", "Date of Service: ")))
    weeks, days = gestation_weeks(d, 20, 38)
    lines.append(f"Pregnancy: {d.gestation(weeks, days)}")
    complaints = complaints_for(d, d.pick((1, 2)), side_chance=0.6)
    lines.append(
        f"Subjective: Pt reports {d.complaints(complaints)} {d.pick(('improving', 'unchanged', 'worse after work'))}."
    )
    if d.chance(0.6):
        lines.append(
            d.limitations(d.sample(tuple(LIMITATION_NAMES), d.pick((1, 2))), "Functional: difficulty with {x}")
        )
    before = d.rng.randrange(3, 9)
    lines.append(
        d.pain_pair(before, max(0, before - d.rng.randrange(1, 4)), "nprs", "Pain (NPRS): pre {b} → post {a}")
        if d.chance(0.6)
        else d.pain(before, "nprs", "unspecified", "Pain (NPRS): {v}")
    )
    paired = "→" in lines[-1]
    lines.append("CPT    | Intervention                                  | Min")
    techniques = d.sample(PT_MANUAL, d.pick((1, 2))) + d.sample(PT_ACTIVE, d.pick((1, 2)))
    done: list[Done] = []
    for technique in techniques:
        regions, side = area(d, technique) if technique in PT_MANUAL else ([], None)
        minutes = d.pick((8, 10, 12, 15, 20))
        template = "{code}  | {name} {area} | {n}" if regions else "{code}  | {name} | {n}"
        text = d.technique(technique, minutes=minutes, regions=regions, side=side, template=template)
        done.append(Done(text, technique, minutes))
    lines.extend(x.text for x in done)
    timed = minutes_sum(done, timed_only=True)
    if timed is not None:
        parts = [d.total_timed(timed, ("Total Timed Minutes: {n}", "Timed code treatment minutes: {n}"))]
        if d.chance(0.6):
            parts.append(d.total_treatment(timed + d.pick((0, 5, 10)), ("Total Treatment Time: {n} min",)))
        lines.append("   ".join(parts))
    if paired or d.chance(0.7):
        lines.append("Assessment: " + d.response())
    lines.append("Plan: Continue POC " + d.plan(d.pick((1, 2)), d.pick((4, 6, None))) + ".")
    lines.append(d.signature(d.pick(("PT", "PTA")), npi=True))
    return "\n".join(lines) + "\n"
