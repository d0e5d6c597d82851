"""The nine note styles: each writes one note with a `NoteBuilder`, which records every fact it writes.

The styles imitate what therapists' notes look like in practice: terse SOAP, a narrative paragraph, templated EMR
output, heavy abbreviations, postpartum and high-risk visits, a chiropractic daily note, a PT initial evaluation,
and notes with nothing to bill (cancellation, no-show, phone call, education only, treatment deferred). They also
carry the traps real notes have: a side written beside another complaint, "4 wk hx of" that is not history, a date
on the 10th written m/10/yy, a frequency in the subjective, a goal that names a pain score, a technique deferred.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import cast

from gravida.synthetic_notes import phrases as P
from gravida.synthetic_notes.builder import SIDE_IDS, NoteBuilder, Technique, edd_for
from gravida.synthetic_notes.labels import Side

MASSAGE_TECHNIQUES = (
    "myofascial_release", "soft_tissue_mobilization", "effleurage", "petrissage", "trigger_point_release",
    "manual_lymphatic_drainage", "stretching", "therapeutic_massage",
)
PT_TECHNIQUES = (
    "therapeutic_exercise", "neuromuscular_reeducation", "therapeutic_activities", "myofascial_release",
    "soft_tissue_mobilization", "joint_mobilization", "body_mechanics_education", "pelvic_floor_exercise",
)
PREGNANCY_CONDITIONS = (
    "low_back_pain", "pelvic_girdle_pain", "symphysis_pubis_dysfunction", "sciatica", "carpal_tunnel",
    "gestational_edema", "neck_pain", "round_ligament_pain", "muscle_spasm", "anxiety",
)
POSTPARTUM_CONDITIONS = ("low_back_pain", "neck_pain", "coccyx_pain", "pelvic_girdle_pain", "carpal_tunnel", "anxiety")
MINUTES = (8, 10, 12, 15, 15, 20, 23, 25, 30)


def _minutes(b: NoteBuilder) -> int:
    return b.rng.choice(MINUTES)


def _techniques(b: NoteBuilder, pool: tuple[str, ...], low: int, high: int, timed: float = 0.9) -> list[Technique]:
    chosen = b.rng.sample(pool, k=b.rng.randint(low, high))
    return [
        b.technique(t, _minutes(b) if t not in P.UNTIMED and b.chance(timed) else None)
        for t in chosen
    ]


def _timed_total(techniques: list[Technique]) -> int:
    return sum(t.minutes or 0 for t in techniques)


def _pregnancy(b: NoteBuilder, dos: date, days_known: float = 0.7) -> tuple[str, str | None]:
    """(gestational age words, EDD words or None)."""
    weeks = b.rng.randint(14, 38)
    days = b.rng.randint(0, 6)
    has_days = b.chance(days_known)
    ga = b.write_gestational_age(weeks, days if has_days else None, dos)
    edd = b.write_edd(edd_for(dos, weeks, days)) if has_days and b.chance(0.6) else None
    return ga, edd


def _gp(b: NoteBuilder, postpartum: bool = False) -> str:
    gravida = b.rng.randint(1, 4)
    para = gravida if postpartum else gravida - 1
    return f"G{gravida}P{para}"


def _affirmed(b: NoteBuilder, pool: tuple[str, ...], count: int) -> list[str]:
    """Affirmed complaints; at most one written with a side, so a side never sits beside another complaint."""
    words = []
    sided_done = False
    for concept in b.rng.sample(pool, k=count):
        side = None
        if not sided_done and b.chance(0.4) and any("{side}" in f for f in P.CONDITIONS[concept]):
            side = b.rng.choice(SIDE_IDS)
            sided_done = True
        words.append(b.write_condition(concept, "affirmed", side))
    return words


def _and(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _other_status_sentences(b: NoteBuilder, used: set[str], count: int, pool: tuple[str, ...]) -> list[str]:
    """Conditions that are negated, historical, about family or hypothetical: one sentence each."""
    sentences = []
    free = [c for c in pool if c not in used]
    for concept in b.rng.sample(free, k=min(count, len(free))):
        status = b.pick(("negated", "negated", "historical", "family", "hypothetical"))
        used.add(concept)
        words = b.write_condition(concept, status)
        sentences.append(b.status_sentence(words, status))
    return sentences


def _negated_precautions(b: NoteBuilder) -> str:
    chosen = b.rng.sample(("vaginal_bleeding", "preterm_labor", "preeclampsia"), k=b.rng.randint(1, 2))
    words = [b.write_precaution(p, "negated") for p in chosen]
    return b.pick(("Denies ", "Pt denies ", "Negative for ")) + _and(words) + "."


#: Limitations of a pregnant patient (carrying an infant car seat is the postpartum style's).
PREGNANCY_ACTIVITIES = tuple(a for a in P.LIMITATIONS if a != "carrying")


def _limitations(b: NoteBuilder, count: int, pool: tuple[str, ...] = PREGNANCY_ACTIVITIES) -> list[str]:
    activities = b.rng.sample(pool, k=count)
    return [b.write_limitation(a) for a in activities]


def _goals(b: NoteBuilder, count: int) -> list[str]:
    return [b.write_goal(b.chance(0.75)) for _ in range(count)]


def _therapist(b: NoteBuilder, credential: str) -> str:
    if b.chance(0.08):
        return b.write_blank_signature()
    return b.write_signature(credential, npi=b.chance(0.3), electronic=b.chance(0.3))


def _referral_day(b: NoteBuilder, dos: date) -> date | None:
    return dos - timedelta(days=b.rng.randint(5, 60)) if b.chance(0.85) else None


# -- styles ------------------------------------------------------------------------------------------------------


def terse_soap(b: NoteBuilder, dos: date) -> str:
    credential = b.pick(("LMT", "LMT", "PT", "PTA"))
    lines = [b.write_date_of_service(dos, b.pick(("DOS: ", "Date: ", "DOS ")))]
    ga, edd = _pregnancy(b, dos)
    complaints = _affirmed(b, PREGNANCY_CONDITIONS, b.rng.randint(1, 2))
    subjective = f"S: Pt {_gp(b)} {ga}" + (f", {edd}" if edd else "") + f". c/o {_and(complaints)}."
    if b.chance(0.7):
        subjective += " " + _and(_limitations(b, b.rng.randint(1, 2))).capitalize() + "."
    used = {c["concept"] for c in b.facts["conditions"]}
    subjective += " " + " ".join(_other_status_sentences(b, used, b.rng.randint(0, 2), PREGNANCY_CONDITIONS))
    if b.chance(0.5):
        subjective += " " + _negated_precautions(b)
    lines.append(subjective.rstrip())
    objective = "O: TTP " + b.pick(("R QL", "L piriformis", "B upper traps", "R glutes")) + "."
    if b.chance(0.5):
        objective += " " + b.write_measure(b.pick(("oswestry", "pgq")), b.rng.randint(18, 60)) + "."
    lines.append(objective)
    techniques = _techniques(b, MASSAGE_TECHNIQUES, 1, 3)
    lines.append("Tx: " + b.write_position(b.pick(tuple(P.POSITIONS))) + ".")
    # Some clinics log every timed service as a clock range (start-stop), for the 8-minute rule.
    clock = "clock" if b.chance(0.35) else None
    lines.extend(b.write_technique(t, form=clock) for t in techniques)
    timed = _timed_total(techniques)
    if timed and b.chance(0.6):
        lines.append(b.write_totals(timed if b.chance(0.5) else None, timed + b.rng.choice((0, 5, 10))))
    assessment = "A: "
    if b.chance(0.85):
        assessment += b.write_response() + " "
    assessment += b.write_pain_pair(b.rng.randint(4, 8), b.rng.randint(0, 3)) + "."
    lines.append(assessment)
    plan = "P: " + (b.write_plan(b.rng.choice((1, 1, 2)), b.rng.choice((4, 6, 8, None))) + "." if b.chance(0.7)
                    else "Continue current POC.")
    lines.append(plan)
    if b.chance(0.6):
        lines.append("Goals:")
        lines.extend(f"{i}. {g}" for i, g in enumerate(_goals(b, b.rng.randint(1, 2)), start=1))
    if b.chance(0.4):
        lines.append(b.write_referral(b.pick(("MD", "CNM", "NP")), _referral_day(b, dos)))
    lines.append(_therapist(b, credential))
    return "\n".join(lines) + "\n"


def narrative(b: NoteBuilder, dos: date) -> str:
    parts = []
    if b.chance(0.85):
        parts.append(b.write_date_of_service(dos, b.pick(("Date of visit: ", "Visit date ", "Seen on "))) + ".")
    ga, edd = _pregnancy(b, dos)
    age = b.rng.randint(24, 41)
    complaints = _affirmed(b, PREGNANCY_CONDITIONS, b.rng.randint(1, 2))
    opening = f"Patient is a {age}-year-old {_gp(b)} {ga}"
    opening += f" ({edd})" if edd else ""
    parts.append(opening + f" who presents with {_and(complaints)}.")
    if b.chance(0.5):
        parts.append(b.write_referral(b.pick(("MD", "DO", "CNM")), _referral_day(b, dos), form="referred"))
    if b.chance(0.3):
        parts.append("She walks 3x/week for exercise.")
    parts.append("She reports " + _and(_limitations(b, b.rng.randint(1, 2))) + ".")
    used = {c["concept"] for c in b.facts["conditions"]}
    parts.extend(_other_status_sentences(b, used, b.rng.randint(1, 2), PREGNANCY_CONDITIONS))
    before, after = b.rng.randint(4, 8), b.rng.randint(1, 3)
    parts.append(b.write_pain_pair(before, after, form="narrative").capitalize() + ".")
    parts.append(f"She was positioned in {b.write_position(b.pick(('side_lying', 'semi_reclined')))}.")
    main_id = b.pick(("prenatal_massage", "prenatal_massage", "swedish_massage"))
    main = b.technique(main_id, b.rng.choice((30, 45, 50, 60)))
    parts.append(f"{b.technique_name(main.technique).capitalize()} was performed for {main.minutes} minutes.")
    b.record_technique(main)
    extras = _techniques(b, MASSAGE_TECHNIQUES, 1, 2)
    written = [b.write_technique(t, form=b.pick(("for", "paren"))) for t in extras]
    parts.append("Treatment also included " + _and(written) + ".")
    if b.chance(0.4):
        timed = _timed_total([main, *extras])
        parts.append(f"Total session time was {timed} minutes.")
        b.facts["total_treatment_minutes"] = timed
    if b.chance(0.8):
        parts.append(b.pick(("She responded well to treatment.", "She tolerated the session well.")))
        b.facts["responded"] = True
    for goal in _goals(b, b.rng.randint(0, 2)):
        parts.append(f"Goal: {goal[0].lower()}{goal[1:]}.")
    if b.chance(0.7):
        parts.append(f"Plan to continue {b.write_plan(b.rng.choice((1, 2)), b.rng.choice((4, 6, 8)))}.")
    return " ".join(parts) + "\n\n" + _therapist(b, b.pick(("LMT", "PT"))) + "\n"


def templated_emr(b: NoteBuilder, dos: date) -> str:
    lines = [
        b.pick(("Massage Therapy Treatment Note", "Therapy Daily Note", "Visit Note")),
        b.write_date_of_service(dos, "Date of Service: "),
        "Visit Type: " + b.pick(("Follow-up", "Treatment", "Re-visit")),
    ]
    weeks, days = b.rng.randint(16, 38), b.rng.randint(0, 6)
    b.facts["gestational_age"] = f"{weeks}w{days}d"
    lines.append(f"Gestational Age: {weeks}w{days}d")
    if b.chance(0.7):
        lines.append(b.write_edd(edd_for(dos, weeks, days), label="EDD: "))
    if b.chance(0.7):
        credential = b.pick(("MD", "CNM", "NP", "DO"))
        name = b.person(doctor=credential in ("MD", "DO"))
        day = _referral_day(b, dos)
        b.facts["referral"] = {"credential": credential, "date": day}
        lines.append(f"Referring Provider: {name}, {b.pick(P.REFERRAL_CREDENTIALS[credential])}")
        if day:
            lines.append(f"Referral Date: {b.date_text(day)}")
    complaints = _affirmed(b, PREGNANCY_CONDITIONS, b.rng.randint(1, 2))
    lines.append("Chief Complaint: " + "; ".join(c[0].upper() + c[1:] for c in complaints))
    if b.chance(0.6):
        lines.append("Review of Systems: " + _negated_precautions(b))
    lines.append("Precautions: None")
    lines.append(b.write_pain_pair(b.rng.randint(4, 8), b.rng.randint(0, 3), form="emr"))
    lines.append("Functional Limitations: " + "; ".join(
        s[0].upper() + s[1:] for s in _limitations(b, b.rng.randint(1, 2))))
    if b.chance(0.5):
        lines.append("Outcome Measure: " + b.write_measure(b.pick(("oswestry", "pgq")), b.rng.randint(18, 60)))
    lines.append("Positioning: " + b.write_position(b.pick(tuple(P.POSITIONS))))
    techniques = _techniques(b, MASSAGE_TECHNIQUES, 1, 3, timed=1.0)
    for index, t in enumerate(techniques, start=1):
        b.record_technique(t)
        name = b.technique_name(t.technique)
        if t.technique in ("myofascial_release", "soft_tissue_mobilization", "trigger_point_release"):
            name = b.pick((f"Manual therapy (97140) - {name}", f"Manual Therapy - {name}", name))
        where = ""
        if t.regions:
            where = " | Region: " + ", ".join(
                (f"{b.side_word(t.side)} {form}" if t.side else form) for _, form in t.regions)
        lines.append(f"Intervention {index}: {name}{where} | Time: {t.minutes} min")
    timed = _timed_total(techniques)
    lines.append(f"Total Timed Minutes: {timed}")
    b.facts["total_timed_minutes"] = timed
    total = timed + b.rng.choice((0, 5, 10))
    lines.append(f"Total Treatment Time: {total} min")
    b.facts["total_treatment_minutes"] = total
    if b.chance(0.85):
        response = b.pick(("Tolerated well", "Tolerated treatment well, no adverse reaction"))
        lines.append(f"Response to Treatment: {response}")
        b.facts["responded"] = True
    lines.append("Plan of Care: " + b.write_plan(b.rng.choice((1, 2)), b.rng.choice((4, 6, 8))))
    goals = _goals(b, b.rng.randint(1, 2))
    lines.append("Goals:")
    lines.extend(f"- {g}" for g in goals)
    lines.append(b.write_signature(b.pick(("LMT", "PT")), npi=b.chance(0.6), form="emr"))
    return "\n".join(lines) + "\n"


def abbreviated(b: NoteBuilder, dos: date) -> str:
    lines = [b.write_date_of_service(dos, b.pick(("DOS ", "DOS: ")))]
    weeks, days = b.rng.randint(16, 38), b.rng.randint(0, 6)
    b.facts["gestational_age"] = f"{weeks}w{days}d"
    complaints = _affirmed(b, ("low_back_pain", "pelvic_girdle_pain", "round_ligament_pain", "sciatica",
                               "gestational_edema", "neck_pain"), b.rng.randint(1, 2))
    subjective = f"S: {b.rng.randint(24, 40)}yo {_gp(b)} @ {weeks}w{days}d c/o {' & '.join(complaints)}"
    subjective += f" x {b.rng.randint(2, 6)} wks. "
    subjective += _and(_limitations(b, 1, ("sitting", "standing", "walking", "stairs", "sleeping"))).capitalize()
    subjective += ". " + b.pick(("No VB/LOF/ctx.", "Denies VB, LOF or ctx."))
    b.facts["precautions"].append({"precaution": "vaginal_bleeding", "status": "negated"})
    before = b.rng.randint(4, 8)
    subjective += f" NPRS {before}/10."
    lines.append(subjective)
    lines.append("O: TTP " + b.pick(("R QL", "L QL", "B glutes", "R SIJ")) + ", ↑ tone lumbar paraspinals.")
    techniques = _techniques(b, ("myofascial_release", "soft_tissue_mobilization", "trigger_point_release",
                                 "manual_lymphatic_drainage", "effleurage"), 2, 3, timed=1.0)
    tx = "Tx: " + b.write_position("side_lying") + ". "
    tx += " ".join(
        b.write_technique(t, form=b.pick(("x_prime", "prime_before", "x_min"))).replace(" to ", " ", 1) + "."
        for t in techniques)
    lines.append(tx)
    after = b.rng.randint(0, 3)
    b.facts["pain"].append({"score": float(before), "scale": "nprs", "when": "unspecified"})
    b.facts["pain"].append({"score": float(after), "scale": "nprs", "when": "after"})
    lines.append("A: " + b.write_response() + f" NPRS {after}/10 post.")
    plan = "P: " + b.pick(("cont ", "")) + b.write_plan(1, b.rng.choice((4, 6))) + "."
    if b.chance(0.6):
        plan += " HEP: " + ", ".join(b.rng.sample(P.EXERCISES, k=2)) + ", stretching."
    lines.append(plan)
    lines.append("- " + b.write_signature("LMT", form="closing"))
    return "\n".join(lines) + "\n"


def postpartum(b: NoteBuilder, dos: date) -> str:
    lines = [b.write_date_of_service(dos, b.pick(("DOS: ", "Date: ")))]
    weeks = b.rng.randint(2, 20)
    b.facts["postpartum_weeks"] = weeks
    delivery = b.pick(("SVD", "vaginal delivery", "C-section", "cesarean"))
    how = b.pick((
        f"{weeks} wks postpartum ({delivery} at {b.rng.randint(37, 41)} wks)",
        f"{weeks} weeks postpartum s/p {delivery}",
        f"delivered via {delivery} {weeks} weeks ago",
        f"PP wk {weeks}, s/p {delivery}",
    ))
    complaints = _affirmed(b, POSTPARTUM_CONDITIONS, b.rng.randint(1, 2))
    subjective = f"S: Pt is {_gp(b, postpartum=True)}, {how}. "
    subjective += b.pick(("First-time mom, c/o", "C/o", "Reports")) + f" {_and(complaints)}, worse with breastfeeding. "
    subjective += _and(_limitations(b, b.rng.randint(1, 2), ("carrying", "lifting", "sleeping", "sitting",
                                                              "bending", "household_tasks"))).capitalize() + "."
    used = {c["concept"] for c in b.facts["conditions"]}
    extra = _other_status_sentences(b, used, b.rng.randint(0, 1), POSTPARTUM_CONDITIONS)
    if b.chance(0.5):
        status = b.pick(("historical", "negated"))
        extra.append(b.status_sentence(b.write_precaution(b.pick(("preeclampsia", "dvt_history")), status), status))
    lines.append((subjective + " " + " ".join(extra)).rstrip())
    if b.chance(0.5):
        lines.append("O: " + b.write_measure(b.pick(("oswestry", "ndi", "pgq")), b.rng.randint(10, 50)) + ".")
    techniques = _techniques(b, ("myofascial_release", "soft_tissue_mobilization", "effleurage", "petrissage",
                                 "trigger_point_release", "stretching"), 1, 2)
    tx = ["Tx: " + b.write_position(b.pick(("side_lying", "semi_reclined", "prone_with_cushion"))) + "."]
    if b.chance(0.6):
        main = b.technique("prenatal_massage", b.rng.choice((30, 45, 50)), with_regions=False)
        tx.append(b.write_technique(main, name="Postpartum massage") + ".")
    tx.extend(b.write_technique(t) + "." for t in techniques)
    lines.append(" ".join(tx))
    assessment = "A: " + (b.write_response() + " " if b.chance(0.8) else "")
    assessment += b.write_pain_pair(b.rng.randint(3, 7), b.rng.randint(0, 2)) + "."
    lines.append(assessment)
    if b.chance(0.8):
        lines.append("P: " + b.write_plan(b.rng.choice((1, 2)), b.rng.choice((4, 6, None))) + ".")
    if b.chance(0.5):
        lines.append("Goals: " + _goals(b, 1)[0] + ".")
    lines.append(_therapist(b, b.pick(("LMT", "PT"))))
    return "\n".join(lines) + "\n"


def high_risk(b: NoteBuilder, dos: date) -> str:
    lines = [b.write_date_of_service(dos, b.pick(("DOS: ", "Date of service: ")))]
    ga, edd = _pregnancy(b, dos, days_known=0.8)
    risk = b.write_high_risk()
    affirmed = b.rng.sample(("placenta_previa", "gestational_hypertension", "preterm_labor", "preeclampsia"), k=1)
    reasons = [b.write_precaution(p) for p in affirmed]
    subjective = f"S: Pt {_gp(b)} {ga}" + (f", {edd}" if edd else "") + f". {risk[0].upper()}{risk[1:]}"
    subjective += f" due to {_and(reasons)}."
    history = b.pick(("dvt_history", "preeclampsia", "placental_abruption"))
    if history not in affirmed:
        subjective += " " + b.status_sentence(b.write_precaution(history, "historical"), "historical")
    complaints = _affirmed(b, ("low_back_pain", "gestational_edema", "neck_pain", "anxiety", "carpal_tunnel"),
                           b.rng.randint(1, 2))
    subjective += f" C/o {_and(complaints)}. " + _negated_precautions_except(b, affirmed)
    lines.append(subjective)
    lines.append(b.pick(("OB clearance for massage on file.", "Needs OB clearance before deep work; MFM aware.",
                         "OB clearance obtained; light pressure only.")))
    lines.append("Precautions: no deep pressure to legs, no abdominal work.")
    techniques = _techniques(b, ("effleurage", "soft_tissue_mobilization", "myofascial_release", "stretching"), 1, 2)
    tx = ["Tx: " + b.write_position(b.pick(("semi_reclined", "side_lying"))) + "."]
    tx.extend(b.write_technique(t) + "." for t in techniques)
    if b.chance(0.5):
        tx.append(b.pick(("MLD deferred pending OB clearance.", "Lymphatic drainage deferred pending OB clearance.")))
    lines.append(" ".join(tx))
    hypothetical = b.pick(("vaginal_bleeding", "preterm_labor"))
    lines.append("A: " + (b.write_response() + " " if b.chance(0.8) else "")
                 + b.write_pain_pair(b.rng.randint(3, 7), b.rng.randint(0, 2)) + ".")
    plan = "P: " + b.write_plan(1, b.rng.choice((2, 4, None))) + ". "
    plan += b.status_sentence(b.write_precaution(hypothetical, "hypothetical"), "hypothetical")
    lines.append(plan)
    if b.chance(0.4):
        lines.append(b.write_referral(b.pick(("MD", "CNM")), _referral_day(b, dos)))
    lines.append(_therapist(b, b.pick(("LMT", "PT"))))
    return "\n".join(lines) + "\n"


def _negated_precautions_except(b: NoteBuilder, affirmed: list[str]) -> str:
    free = [p for p in ("vaginal_bleeding", "preterm_labor") if p not in affirmed]
    words = [b.write_precaution(p, "negated") for p in free[: b.rng.randint(1, len(free))]]
    return "Denies " + _and(words) + "."


CHIRO_REGIONS = {"cervical": "cervical", "thoracic": "thoracic", "lumbar": "lumbar", "pelvic": "pelvis",
                 "sacral": "sacrum"}


def chiropractic(b: NoteBuilder, dos: date) -> str:
    lines = [b.pick(("Chiropractic Daily Note", "Chiropractic Visit - Prenatal")),
             b.write_date_of_service(dos, b.pick(("DOS: ", "Date: ")))]
    ga, edd = _pregnancy(b, dos, days_known=0.5)
    complaints = _affirmed(b, ("low_back_pain", "pelvic_girdle_pain", "sciatica", "neck_pain",
                               "symphysis_pubis_dysfunction"), b.rng.randint(1, 2))
    subjective = f"S: {b.rng.randint(25, 40)} y/o {_gp(b)} {ga}" + (f" ({edd})" if edd else "")
    subjective += f" presents with {_and(complaints)}."
    subjective += " " + b.write_pain_pair(b.rng.randint(4, 8), None) + "."
    if b.chance(0.6):
        subjective += " " + _and(_limitations(b, 1, ("walking", "sitting", "rolling_in_bed", "dressing"))).capitalize()
        subjective += "."
    lines.append(subjective)
    lines.append("O: Subluxation/segmental dysfunction noted; increased tone " + b.pick(("R", "L")) + " piriformis.")
    main_id = b.pick(("chiropractic_adjustment", "spinal_manipulation"))
    allowed = list(CHIRO_REGIONS) if main_id == "chiropractic_adjustment" else ["sacral", "pelvic"]
    regions = b.rng.sample(allowed, k=b.rng.randint(1, min(3, len(allowed))))
    main = Technique(main_id, None, [(r, CHIRO_REGIONS[r]) for r in regions], None)
    b.record_technique(main)
    if main_id == "chiropractic_adjustment":
        name = b.pick(("CMT (98940)", "CMT", "Chiropractic adjustment"))
    else:
        name = b.pick(("Spinal manipulation", "Webster technique", "Activator"))
    tx = ["Tx: " + b.write_position(b.pick(("prone_with_cushion", "side_lying"))) + "."]
    tx.append(f"{name} to {_and([form for _, form in main.regions])}.")
    extras = _techniques(b, ("soft_tissue_mobilization", "hot_pack", "stretching", "trigger_point_release"), 0, 2)
    tx.extend(b.write_technique(t) + "." for t in extras)
    lines.append(" ".join(tx))
    lines.append("A: " + (b.write_response() + " " if b.chance(0.8) else "") + "Improved pelvic balance.")
    if b.chance(0.7):
        lines.append("P: " + b.write_plan(b.rng.choice((1, 2)), b.rng.choice((4, 6, None))) + ".")
    lines.append(b.write_signature("DC", npi=b.chance(0.4), form="closing"))
    return "\n".join(lines) + "\n"


def pt_evaluation(b: NoteBuilder, dos: date) -> str:
    lines = ["PHYSICAL THERAPY INITIAL EVALUATION", b.write_date_of_service(dos, "Date of Service: ")]
    credential = b.pick(("MD", "CNM", "DO", "NP"))
    referral = b.write_referral(credential, _referral_day(b, dos), form=b.pick(("referred", "field")))
    lines.append(referral)
    ga, edd = _pregnancy(b, dos)
    complaints = _affirmed(b, ("low_back_pain", "pelvic_girdle_pain", "symphysis_pubis_dysfunction", "sciatica",
                               "coccyx_pain"), 1)
    duration = b.rng.randint(2, 8)
    hpi = f"HPI: {b.rng.randint(24, 41)} yo {_gp(b)} {ga}" + (f" ({edd})" if edd else "")
    hpi += f" with {duration} wk hx of {complaints[0]}. "
    hpi += _and(_limitations(b, b.rng.randint(2, 3))).capitalize() + ". "
    used = {c["concept"] for c in b.facts["conditions"]}
    hpi += " ".join(_other_status_sentences(b, used, b.rng.randint(1, 2), PREGNANCY_CONDITIONS))
    lines.append(hpi.rstrip())
    lines.append("PMH: " + b.pick(("unremarkable.", "non-contributory.")) + " Low-risk pregnancy per OB.")
    lines.append("Objective: " + b.write_measure("oswestry", b.rng.randint(20, 50)) + "; "
                 + b.write_measure("pgq", b.rng.randint(20, 70)) + ". ASLR positive, P4 test positive.")
    lines.append("Assessment: Pt presents with impaired lumbopelvic stability and mobility limiting function.")
    techniques = _techniques(b, PT_TECHNIQUES, 1, 3, timed=1.0)
    lines.append("Treatment: Evaluation (97161) completed.")
    lines.extend(b.write_technique(t, form=b.pick(("x_min", "dash_mins", "min_first"))) + "."
                 + (f" {', '.join(b.rng.sample(P.EXERCISES, k=2))}." if t.technique == "therapeutic_exercise" else "")
                 for t in techniques)
    timed = _timed_total(techniques)
    lines.append(b.write_totals(timed, timed + 30))
    if b.chance(0.8):
        lines.append(b.write_response())
    lines.append("Plan: " + b.write_plan(b.rng.choice((1, 2)), b.rng.choice((4, 6, 8)))
                 + ". Planned interventions: manual therapy, ther ex, NMR, HEP.")
    lines.append("Goals:")
    for index, goal in enumerate(_goals(b, b.rng.randint(2, 3))):
        lines.append(("STG: " if index == 0 else "LTG: ") + goal)
    lines.append(b.write_signature("PT", npi=b.chance(0.7), electronic=b.chance(0.6)))
    return "\n".join(lines) + "\n"


def non_billable(b: NoteBuilder, dos: date) -> str:
    lines = [b.write_date_of_service(dos, b.pick(("DOS: ", "Date: ")))]
    kind = b.pick(("cancel", "no_show", "phone", "education", "deferred"))
    if kind == "cancel":
        lines.append(b.pick(("Pt cancelled appointment due to illness; 24-hr notice given.",
                             "Cancelled by pt - childcare conflict.",
                             "Pt called to cancel today's prenatal massage appointment due to a cold.")))
        lines.append("No treatment provided. Will reschedule.")
    elif kind == "no_show":
        lines.append(f"No-show for {b.rng.randint(8, 11)}:{b.pick(('00', '15', '30'))} appointment. "
                     "Called pt and left voicemail.")
        lines.append("No services rendered.")
    elif kind == "phone":
        side = cast("Side | None", b.rng.choice(["bilateral", None]))
        swelling = b.write_condition("gestational_edema", "affirmed", side)
        lines.append(f"Phone call with pt re: {swelling} since yesterday. "
                     + _negated_precautions(b) + " Advised pt to contact OB today.")
        lines.append("Massage on hold until OB clearance. No treatment provided.")
    elif kind == "education":
        lines.append("Pt seen briefly before work; no hands-on treatment today per pt request.")
        lines.append("Reviewed sleep positioning with pillow between knees and HEP stretching by handout.")
        if b.chance(0.5):
            lines.append(b.status_sentence(b.write_precaution("preterm_labor", "hypothetical"), "hypothetical"))
    else:
        lines.append(f"Pt arrived with BP 148/96 and headache; {b.write_precaution('gestational_hypertension')} noted.")
        lines.append("Massage deferred; pt sent to L&D for evaluation per OB on call.")
    if b.chance(0.85):
        lines.append(b.write_signature(b.pick(("LMT", "PT"))))
    return "\n".join(lines) + "\n"


STYLE_WRITERS: dict[str, Callable[[NoteBuilder, date], str]] = {
    "terse_soap": terse_soap,
    "narrative": narrative,
    "templated_emr": templated_emr,
    "abbreviated": abbreviated,
    "postpartum": postpartum,
    "high_risk": high_risk,
    "chiropractic": chiropractic,
    "pt_evaluation": pt_evaluation,
    "non_billable": non_billable,
}
