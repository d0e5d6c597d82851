"""High-risk pregnancy notes: bodywork or bedside PT with the precautions, the modifications and the warnings.

Every note here says in words that the pregnancy is high-risk (that is what sets `high_risk`), names one or two
active precautions, and usually denies others and warns about what would stop treatment, so the precaution
statuses are dense. Layouts: an EMR banner note, a massage clinic narrative, and an antepartum-unit bedside PT note.
"""

from __future__ import annotations

from gravida.final_notes.clinical import PRENATAL_CASES, case_side, complaint, family, free, if_occurs, some_denials
from gravida.final_notes.draft import Draft
from gravida.final_notes.people import days_before, full_name, npi, visit_date
from gravida.final_notes.styles.common import edd_for, gestation, join_list, tech_lines, written
from gravida.final_notes.treatment import Spec, choose
from gravida.final_notes.words import Register
from gravida.synthetic_notes.labels import Credential

_ACTIVE = ("gestational_hypertension", "placenta_previa", "preeclampsia", "preterm_labor")
#: What a bedside PT does on an antepartum unit (no modalities, no joint mobilization).
_BEDSIDE = frozenset({"therapeutic_exercise", "body_mechanics_education", "self_care_training",
                      "neuromuscular_reeducation", "postural_stabilization", "soft_tissue_mobilization", "stretching",
                      "therapeutic_activities", "myofascial_release"})
_WHY = {
    "gestational_hypertension": "BP monitored pre/post session",
    "placenta_previa": "pelvic rest per OB",
    "preeclampsia": "MD aware of bodywork, BP checked each visit",
    "preterm_labor": "on modified activity per OB",
}


def write(d: Draft, index: int) -> str:
    layout = index % 3
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 4)
    weeks, days = gestation(d, visit, low=22, high=36)
    case = PRENATAL_CASES[("lbp", "tension", "neck", "thoracic", "edema", "cts")[(index - 1) % 6]]
    side = case_side(d, case)
    if layout == 2:
        specs = choose(d, case, "PTA" if d.chance(0.3) else "PT", adjuncts=2, side=side, minutes_p=0.8)
        specs = [s for s in specs if s.technique in _BEDSIDE] or [Spec("therapeutic_exercise")]
    else:
        area = d.pick(case.areas)
        specs = [Spec("prenatal_massage", (area,), None, d.pick([30, 45, 50, None]))]
        if d.chance(0.6):
            specs.append(Spec("effleurage", (d.pick([a for a in ("shoulder", "head", "cervical") if a != area]),), None,
                              None))
    active = d.rng.sample(_ACTIVE, d.rng.randint(1, 2))

    dos = d.service_date(visit)
    ga = d.gestation(weeks, days)
    hr = d.high_risk_words("short" if layout != 1 else "full")
    reasons = [d.concept(a, "affirmed", register="short" if layout != 1 else "full") for a in active]
    conds = complaint(d, case, "short", side)
    neg = some_denials(d, "short" if layout != 1 else "full", 2)
    warn_pool = free(d, ("vaginal_bleeding", "preterm_labor"))
    warn = if_occurs(d, d.pick(warn_pool), "short" if layout != 1 else "full") if warn_pool else ""
    relatives = free(d, ("preeclampsia", "dvt_history", "placental_abruption"))
    reg: Register = "full" if layout == 1 else "short"
    fam = family(d, d.pick(relatives), reg) if relatives and d.chance(0.5) else ""
    bp = f"BP {d.rng.randint(112, 138)}/{d.rng.randint(70, 88)}"
    position = d.position(d.pick(["side_lying", "semi_reclined"]), "short" if layout != 1 else "full")
    pain = d.pain(float(d.rng.randint(3, 7)), "unspecified", "before", reg) if d.chance(0.6) else ""
    name = full_name(d.rng)

    if layout == 0:
        tx = tech_lines(d, specs)
        lines = ["*** " + hr.upper() + " ***", f"DOS {dos}    GA {ga}", "Active: " + ", ".join(reasons) + ".",
                 f"({_WHY[active[0]]})", f"Today: c/o {join_list(conds)}. {pain}".rstrip(), neg, fam, f"Vitals: {bp}",
                 f"Modifications: light pressure only, no deep pressure to legs; {position} throughout.",
                 "Treatment:", *[f"  {t}" for t in tx]]
        if d.chance(0.6):
            lines.append(d.response("short"))
        lines += [warn, d.signature(name, "LMT", npi(d.rng) if d.chance(0.5) else None, visit, "short")]
    elif layout == 1:
        edd = f", due {d.due(edd_for(visit, weeks, days), 'long')}" if d.chance(0.6) else ""
        clauses = join_list([d.tech_sentence(written(d, s, "full")) for s in specs])
        ref = ""
        if d.chance(0.7):
            ref = " She was " + d.referral(full_name(d.rng), d.pick(["MD", "DO", "CNM"]),
                                          days_before(visit, d.rng, 5, 30), "full") + "."
        text = (f"{dos}. Client is {ga} pregnant{edd}. This is a {hr} because of {join_list(reasons)}.{ref} "
                f"Today she reports {join_list(conds)}{', rated ' + pain if pain else ''}. {neg} "
                f"{fam[0].upper() + fam[1:] + '.' if fam else ''} "
                f"She was positioned {position} and received {clauses}, using light pressure only. "
                f"{bp} before and after. {d.response('full') if d.chance(0.6) else ''} {warn}").replace("  ", " ")
        lines = [text.strip(), d.signature(name, "LMT", None, None, "full") if d.chance(0.8) else d.unsigned()]
    else:
        tx = tech_lines(d, specs)
        role: Credential = "PT" if all(s.technique != "postural_stabilization" for s in specs) else "PTA"
        lines = [f"Antepartum Unit - PT bedside visit   {dos}", f"Dx: {hr}; {', '.join(reasons)}", f"GA: {ga}",
                 f"S: pt reports {join_list(conds)}. {pain}".rstrip(), neg, fam, f"O: {bp}, pt {position} in bed",
                 "Intervention:", *[f"  * {t}" for t in tx]]
        if d.chance(0.5):
            lines.append("A: " + d.response("short"))
        if d.chance(0.6):
            lines.append("P: " + d.plan(d.pick([2, 3]), None, "short") + " while inpatient")
        lines += [warn, d.signature(name, role, npi(d.rng), visit, "short") if d.chance(0.8) else d.unsigned()]
    return "\n".join(line for line in lines if line.strip())
