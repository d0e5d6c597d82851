"""Abbreviation-heavy notes: the shorthand a busy clinician types between patients.

Layouts: stacked shorthand lines with labelled prefixes ("CC:", "Tx:", "POC"); one dense semicolon-separated
paragraph; and an all-lowercase, arrow-laden version with no section labels at all.
"""

from __future__ import annotations

from gravida.final_notes.clinical import PRENATAL_CASES, a_warning, case_side, complaint, history_items, some_denials
from gravida.final_notes.draft import Draft
from gravida.final_notes.people import days_before, initials, npi, person, visit_date
from gravida.final_notes.styles.common import edd_for, gestation, tech_lines
from gravida.final_notes.treatment import MASSAGE_PRIMARY, choose
from gravida.synthetic_notes.labels import Credential

#: Complaints in rotation, so six notes cover six different cases.
_CASES = ("neck", "sciatica", "edema", "pgp", "coccyx", "round_ligament")
_ROLES: tuple[Credential, ...] = ("LMT", "LMT", "PT", "PTA")


def write(d: Draft, index: int) -> str:
    case = PRENATAL_CASES[_CASES[(index - 1) % len(_CASES)]]
    side = case_side(d, case)
    role = d.pick(_ROLES)
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 4)
    weeks, days = gestation(d, visit)
    primary = d.pick(MASSAGE_PRIMARY) if role == "LMT" else None
    specs = choose(d, case, role, adjuncts=d.rng.randint(1, 3), side=side, minutes_p=0.8, primary=primary)

    head = [d.service_date(visit, d.pick(["us_short", "us"])), d.gestation(weeks, days, d.pick(["plus", "wd", "wk"])),
            f"G{d.gravida}P{d.rng.randint(0, d.gravida - 1)}"]
    if d.chance(0.5):
        head.append("EDD " + d.due(edd_for(visit, weeks, days), "us_short"))
    ref = ""
    if d.chance(0.5):
        first, last = person(d.rng)
        credential: Credential | None = d.pick(["CNM", "MD", "NP", "DO"])
        ref = d.referral(f"{first[0]}. {last}", credential, days_before(visit, d.rng, 3, 30), "short")
    cc = "CC: " + ", ".join(complaint(d, case, "short", side))
    subj = [cc]
    if d.chance(0.8):
        subj.append(d.pain(float(d.rng.randint(4, 9)), d.pick(["nprs", "vas", "unspecified"]), "before"))
    if case.limitations and d.chance(0.7):
        subj.append("↑ w/ " + ", ".join(d.limitation(x, "short") for x in d.rng.sample(case.limitations, 1)))
    hx = history_items(d, "short", d.rng.randint(0, 2))
    neg = some_denials(d, "short", d.rng.randint(1, 3)) if d.chance(0.7) else ""
    pos = ""
    if d.chance(0.7):
        pos = "Pos: " + d.position(d.pick(["side_lying", "side_lying", "semi_reclined"]), "short")
        if d.chance(0.3):
            pos += ", " + d.position("prone_with_cushion", "short")
    tx = tech_lines(d, specs)
    after: list[str] = []
    if d.chance(0.5):
        after.append(d.pain(float(d.rng.randint(0, 3)), d.pick(["nprs", "unspecified"]), "after"))
    if d.chance(0.5):
        after.append(d.response("short"))
    plan = d.plan(d.pick([1, 2]), d.pick([4, 6, None]), "short") if d.chance(0.6) else ""
    warn = a_warning(d, "short") if d.chance(0.5) else ""
    sign = d.signature(initials(d.rng), role, npi(d.rng) if d.chance(0.3) else None, None, "short") \
        if d.chance(0.8) else d.unsigned()

    layout = index % 3
    if layout == 0:
        lines = ["  ".join(head)]
        if ref:
            lines.append(ref)
        lines.append(". ".join(subj))
        if hx:
            lines.append("PMH/OB: " + "; ".join(hx))
        lines += [neg, pos, "Tx: " + "; ".join(tx), " ".join(after),
                  f"POC {plan}" if plan else "", warn, sign]
    elif layout == 1:
        parts = [" ".join(head), ref, *subj, *hx, neg, pos, *tx, *after, f"plan {plan}" if plan else "", warn]
        lines = ["; ".join(p.rstrip(".") for p in parts if p), sign]
    else:
        lines = [" · ".join(head).lower(), ref, " | ".join(subj), " ".join(hx), neg, pos]
        lines += [f"> {t}" for t in tx]
        lines += [" ".join(after), plan, warn, sign]
    return "\n".join(line for line in lines if line.strip())
