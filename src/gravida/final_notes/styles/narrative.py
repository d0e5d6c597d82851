"""Narrative notes: dictated prose from a midwife-referred massage clinic or a PT, with run-on sentences.

Layouts: one long dictated paragraph (as speech recognition leaves it, full of "and" and commas); three short
paragraphs (history, today's session, plan); and a first-person "client" note a massage practice writes.
"""

from __future__ import annotations

from gravida.final_notes.clinical import PRENATAL_CASES, a_warning, case_side, complaint, history_items, some_denials
from gravida.final_notes.draft import Draft, Scale, When
from gravida.final_notes.people import days_before, full_name, npi, visit_date
from gravida.final_notes.styles.common import edd_for, gestation, join_list, typos, written
from gravida.final_notes.treatment import MASSAGE_PRIMARY, choose
from gravida.synthetic_notes.labels import Credential

#: Complaints in rotation, so six notes cover six different cases.
_CASES = ("round_ligament", "tension", "spd", "cts", "thoracic", "lbp")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth")


def write(d: Draft, index: int) -> str:
    case = PRENATAL_CASES[_CASES[(index - 1) % len(_CASES)]]
    side = case_side(d, case)
    role: Credential = d.pick(["LMT", "LMT", "LMT", "PT"])
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 4)
    weeks, days = gestation(d, visit, low=18)
    primary = d.pick(MASSAGE_PRIMARY) if role == "LMT" else None
    specs = choose(d, case, role, adjuncts=d.rng.randint(1, 2), side=side, minutes_p=0.6, primary=primary)
    age = d.rng.randint(24, 41)
    client = "client" if index % 3 == 2 else "patient"

    dos = d.service_date(visit, d.pick(["long", "us", "mon"]))
    ga = d.gestation(weeks, days, d.pick(["weeks", "frac", "wks"]))
    gp = f"G{d.gravida}P{d.rng.randint(0, d.gravida - 1)}"
    intro = f"{client.capitalize()} is a {age} year old {gp} at {ga} gestation"
    if d.chance(0.5):
        intro += f" with an estimated due date of {d.due(edd_for(visit, weeks, days), d.pick(['long', 'us']))}"
    ref = ""
    if d.chance(0.6):
        credential: Credential | None = d.pick(["CNM", "CNM", "MD", "DO", "NP", None])
        day = days_before(visit, d.rng, 5, 40) if d.chance(0.7) else None
        ref = d.referral(full_name(d.rng), credential, day, "full")
    cc = join_list(complaint(d, case, "full", side))
    hpi = f"{intro} who presents on {dos} for her {d.pick(_ORDINALS)} visit"
    hpi += f", {ref}," if ref else ","
    hpi += f" reporting {cc}"
    if case.limitations and d.chance(0.75):
        picked = d.rng.sample(case.limitations, min(2, len(case.limitations)))
        hpi += "; she describes difficulty with " + " and ".join(d.limitation(lim, "full") for lim in picked)
    hpi += "."
    sentences = [hpi]
    if d.chance(0.7):
        scale: Scale = d.pick(["unspecified", "unspecified", "nprs"])
        when: When = d.pick(["before", "unspecified"])
        sentences.append(f"She rates her pain at {d.pain(float(d.rng.randint(3, 8)), scale, when, 'full')}.")
    if d.chance(0.7):
        sentences.append(some_denials(d, "full", d.rng.randint(1, 3)))
    history = history_items(d, "full", d.rng.randint(0, 2))
    if history:
        sentences.append(f"Her history is notable in that {' and '.join(history)}.")

    session: list[str] = []
    if d.chance(0.8):
        first = d.position(d.pick(["side_lying", "semi_reclined", "prone_with_cushion"]), "full")
        pos = f"She was positioned {first}"
        if d.chance(0.4):
            pos += f" and later {d.position(d.pick(['supine_with_wedge', 'seated']), 'full')}"
        session.append(pos + ".")
    clauses = [d.tech_sentence(written(d, s, "full")) for s in specs]
    session.append(d.pick(["Today she received ", "Treatment consisted of ", "Session included "])
                   + join_list(clauses) + ".")
    after: list[str] = []
    if d.chance(0.55):
        after.append(d.response("full"))
    if d.chance(0.4):
        after.append(f"Her pain was {d.pain(float(d.rng.randint(0, 3)), 'unspecified', 'after', 'full')}.")
    plan: list[str] = []
    if d.chance(0.7):
        plan.append(f"Plan is to see her {d.plan(d.pick([1, 1, 2]), d.pick([4, 6, 8, None]), 'full')}.")
    if d.chance(0.6):
        plan.append(a_warning(d, "full"))

    sign = d.signature(full_name(d.rng), role, npi(d.rng) if d.chance(0.4) else None, visit, "full") \
        if d.chance(0.85) else d.unsigned()

    layout = index % 3
    if layout == 0:
        body = " ".join(sentences + session + after + plan)
        body = body.replace(". She ", ", and she ", 2).replace(". Her ", ", her ", 1)
        text = body + "\n\n" + sign
    elif layout == 1:
        text = "\n\n".join([" ".join(sentences), " ".join(session + after), " ".join(plan) or "Continue as needed.",
                            sign])
    else:
        lines = [" ".join(sentences).replace("She ", "Client ", 1), " ".join(session + after)]
        if plan:
            lines.append(" ".join(plan))
        text = "\n".join(lines) + "\n" + sign
    return typos(d, text, d.rng.randint(0, 2))
