"""Terse SOAP daily notes: an LMT's or PT/PTA's follow-up charted in a few clipped lines.

Three layouts, rotated by note index: the classic four-letter block with the treatment under O; spelled-out
headers with a separate "Tx performed" block after the assessment; and a one-line-per-section pipe layout an EMR
quick-note field produces.
"""

from __future__ import annotations

from gravida.final_notes.clinical import PRENATAL_CASES, a_warning, case_side, complaint, history_items, some_denials
from gravida.final_notes.draft import Draft
from gravida.final_notes.people import full_name, npi, visit_date
from gravida.final_notes.styles.common import finding, gestation, join_list, spasm_finding, tech_lines
from gravida.final_notes.treatment import MASSAGE_PRIMARY, Spec, choose, timed_total, with_minutes
from gravida.synthetic_notes.labels import Credential

#: Complaints in rotation, so six notes cover six different cases.
_CASES = ("sciatica", "pgp", "lbp", "edema", "neck", "coccyx")


def write(d: Draft, index: int) -> str:
    case = PRENATAL_CASES[_CASES[(index - 1) % len(_CASES)]]
    side = case_side(d, case)
    role: Credential = d.pick(["LMT", "LMT", "PTA", "PT"])
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 4)
    weeks, days = gestation(d, visit)
    primary = d.pick(MASSAGE_PRIMARY) if role == "LMT" else None
    specs = choose(d, case, role, adjuncts=d.rng.randint(1, 3), side=side, minutes_p=0.7, primary=primary)
    if role != "LMT" and d.chance(0.5):
        pack = d.pick([t for t in ("hot_pack", "cold_pack") if t not in {s.technique for s in specs}])
        specs.append(Spec(pack, (case.areas[0],), None, d.pick([10, 12, 15])))
    totals = role != "LMT" and d.chance(0.6)
    if totals:
        specs = with_minutes(specs, d)

    dos = d.service_date(visit)
    ga = d.gestation(weeks, days)
    gp = f"G{d.gravida}P{d.rng.randint(0, d.gravida - 1)}"
    cc = join_list(complaint(d, case, "short", side))
    subj = [f"{ga} {gp}" if d.chance(0.5) else f"{gp} @ {ga}", f"c/o {cc}"]
    if d.chance(0.8):
        subj.append(d.pain(float(d.rng.randint(3, 8)), d.pick(["nprs", "unspecified", "unspecified", "vas"]),
                           d.pick(["before", "unspecified"])))
    if case.limitations and d.chance(0.7):
        picked = d.rng.sample(case.limitations, min(2, len(case.limitations)))
        subj.append("↑ sx w/ " + " & ".join(d.limitation(lim, "short") for lim in picked))
    if d.chance(0.6):
        subj.append(some_denials(d, "short", d.rng.randint(1, 2)))
    if d.chance(0.4):
        subj.extend(history_items(d, "short", 1))

    obj = [finding(d, case, side, "short")]
    if d.chance(0.35):
        obj.append(spasm_finding(d, "short"))
    if d.chance(0.7):
        obj.append("pos: " + d.position(d.pick(["side_lying", "side_lying", "semi_reclined", "supine_with_wedge"]),
                                         "short"))
    tx = tech_lines(d, specs)
    assess: list[str] = []
    if d.chance(0.5):
        assess.append(d.response("short"))
    if d.chance(0.5):
        assess.append(d.pain(float(d.rng.randint(0, 3)), d.pick(["nprs", "unspecified"]), "after"))
    if not assess:
        assess.append(d.pick(["presentation consistent w/ hx", "no new red flags", "findings c/w stated complaint"]))
    plan = [d.pick(["cont POC", "continue current POC"])] if d.chance(0.4) else [
        d.plan(d.pick([1, 1, 2]), d.pick([4, 6, 8, None]), "short")]
    if d.chance(0.5):
        plan.append(a_warning(d, "short"))
    totals_line = ""
    if totals:
        timed = timed_total(specs)
        untimed = sum(s.minutes or 0 for s in specs) - timed
        d.totals(timed=timed, treatment=timed + untimed)
        totals_line = d.pick([f"Timed min: {timed} | Total tx time: {timed + untimed} min",
                              f"Total timed code minutes {timed}; total treatment time {timed + untimed} min"])

    name = full_name(d.rng)
    sign = d.signature(name, role, npi(d.rng) if d.chance(0.5) else None, None, "short") if d.chance(0.85) \
        else d.unsigned()

    subj, plan = [s for s in subj if s], [p for p in plan if p]
    layout = index % 3
    if layout == 0:
        lines = [f"DOS {dos}", "S: " + ". ".join(subj), "O: " + "; ".join(obj), "Tx:"]
        lines += [f"  - {line}" for line in tx]
        lines += ["A: " + " ".join(assess), "P: " + "; ".join(plan)]
    elif layout == 1:
        lines = [f"Date: {dos}", "SUBJECTIVE", *subj, "OBJECTIVE", *obj, "ASSESSMENT", *assess,
                 "TX PERFORMED", *tx, "PLAN", *plan]
    else:
        lines = [f"{dos} -- S| " + "; ".join(subj), "O| " + "; ".join(obj + tx), "A| " + " ".join(assess),
                 "P| " + "; ".join(plan)]
    if totals_line:
        lines.append(totals_line)
    lines.append(sign)
    return "\n".join(line for line in lines if line.strip())
