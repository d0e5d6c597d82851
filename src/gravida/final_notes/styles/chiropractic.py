"""Chiropractic notes for pregnant patients: segment listings, an adjustment or a manipulation, and adjuncts.

A note uses one family of words for the thrust: either the adjustment family ("Diversified adjustment",
"Activator adjustment", "Webster technique adjustment", "adjusted C5, T6, L5") -> chiropractic_adjustment, or the
manipulation family ("SMT", "HVLA") -> spinal_manipulation. Segment levels name the regions (C -> cervical,
T -> thoracic, L -> lumbar, sacrum/S1 -> sacral, SI joint -> pelvic). Layouts: a SOAP grid, a listings table with
a treatment row per service, and a short paragraph note.
"""

from __future__ import annotations

from gravida.final_notes.clinical import Case, case_side, complaint, history_items, some_denials
from gravida.final_notes.draft import Draft, TechWords
from gravida.final_notes.people import days_before, full_name, npi, visit_date
from gravida.final_notes.styles.common import gestation, join_list, measure_score, spasm_finding, tech_lines
from gravida.final_notes.treatment import choose
from gravida.synthetic_notes.labels import Side

CASES: dict[str, Case] = {
    "lbp": Case(("low_back_pain",), (("trigger_point_release", ("hip",)), ("hot_pack", ("lumbar",)),
                                     ("instrument_assisted_soft_tissue_mobilization", ("lumbar",))),
                ("standing", "bending"), ("oswestry", "roland_morris"), False, ("lumbar", "sacral")),
    "pgp": Case(("pelvic_girdle_pain",), (("cold_pack", ("sacral",)), ("myofascial_release", ("hip",)),
                                          ("stretching", ("hip",))),
                ("walking", "rolling_in_bed"), ("pgq",), True, ("pelvic",)),
    "sciatica": Case(("sciatica",), (("trigger_point_release", ("hip",)), ("stretching", ("hip",)),
                                     ("therapeutic_exercise", ())),
                     ("sitting", "driving"), ("oswestry",), True, ("lumbar", "sacral")),
    "neck": Case(("neck_pain", "muscle_spasm"), (("unattended_electrical_stimulation", ("cervical",)),
                                                 ("hot_pack", ("cervical",)), ("stretching", ("cervical",))),
                 ("driving", "sleeping"), ("ndi",), False, ("cervical", "thoracic")),
    "round": Case(("round_ligament_pain",), (("myofascial_release", ("abdomen",)), ("stretching", ("hip",))),
                  ("walking",), (), True, ("sacral", "pelvic")),
    "upper": Case(("thoracic_pain",), (("instrument_assisted_soft_tissue_mobilization", ("thoracic",)),
                                       ("unattended_electrical_stimulation", ("thoracic",)),
                                       ("joint_mobilization", ("thoracic",))),
                  ("working", "sitting"), ("psfs",), False, ("thoracic", "cervical")),
}

_LEVELS = {"cervical": ("C2", "C5", "C6", "C1"), "thoracic": ("T4", "T6", "T8", "T5"), "lumbar": ("L4", "L5", "L3"),
           "sacral": ("sacrum", "S1"), "pelvic": ("SI jt",)}
_SYSTEMS = ("Diversified adjustment", "Activator adjustment", "drop-table adjustment", "Webster technique adjustment")


def _levels(d: Draft, regions: tuple[str, ...], side: Side | None) -> str:
    """Segment words for the adjusted regions; a side is written before each (only for SI-joint-only listings)."""
    side_word = "" if side is None else {"left": "L ", "right": "R ", "bilateral": "bilat "}[side]
    return ", ".join(side_word + d.pick(_LEVELS[r]) for r in regions)


def write(d: Draft, index: int) -> str:
    key = sorted(CASES)[(index - 1) % len(CASES)]
    case = CASES[key]
    side = case_side(d, case)
    visit = visit_date(d.rng)
    d.gravida = d.rng.randint(1, 3)
    weeks, days = gestation(d, visit, low=16, high=37)
    layout = index % 3
    regions = case.areas if d.chance(0.8) else ()
    thrust_side = side if regions == ("pelvic",) else None
    manip = d.chance(0.35)
    adjuncts = choose(d, case, "DC", adjuncts=d.rng.randint(1, 2), side=side, minutes_p=0.7)

    dos = d.service_date(visit, d.pick(["us", "us_short", "dmy"]))
    ga = d.gestation(weeks, days)
    cc = complaint(d, case, "short", side)
    pain = d.pain(float(d.rng.randint(3, 8)), d.pick(["vas", "vas", "nprs"]), d.pick(["before", "unspecified"]))
    lim = ""
    if case.limitations and d.chance(0.6):
        lim = "Aggravated by " + " + ".join(d.limitation(x, "short") for x in case.limitations[:2])
    neg = some_denials(d, "short", d.rng.randint(1, 2)) if d.chance(0.6) else ""
    hx = history_items(d, "short", 1) if d.chance(0.5) else []
    listing = _levels(d, regions, thrust_side) if regions else ""
    spasm = spasm_finding(d, "short") if layout == 0 and "muscle_spasm" not in case.conditions and d.chance(0.6) \
        else ""
    position = d.position(d.pick(["prone_with_cushion", "side_lying", "seated"]), "short")
    if manip:
        thrust: TechWords = d.technique("spinal_manipulation", regions=regions, side=thrust_side,
                                        where=listing or None)
        thrust_line = f"{thrust.name} {thrust.where}".strip()
    else:
        name = d.pick(_SYSTEMS) if index % 2 or not listing else "adjusted"
        thrust = d.technique("chiropractic_adjustment", regions=regions, side=thrust_side, name=name,
                             where=listing or None)
        thrust_line = f"{thrust.name}: {thrust.where}" if thrust.where and name != "adjusted" else \
            f"{thrust.name} {thrust.where}".strip()
    extra = tech_lines(d, adjuncts)
    measure = d.measure(case.measures[0], measure_score(d, case.measures[0])) if case.measures and d.chance(0.5) \
        else ""
    response = d.response("short") if d.chance(0.55) else ""
    post = d.pain(float(d.rng.randint(1, 3)), "vas", "after") if d.chance(0.3) else ""
    plan = d.plan(d.pick([2, 3]), d.pick([3, 4, 6]), "short") if d.chance(0.8) else ""
    ref = ""
    if d.chance(0.35):
        ref = d.referral(full_name(d.rng), d.pick(["CNM", "MD", None]), days_before(visit, d.rng, 10, 60), "short")
    sign = d.signature(full_name(d.rng), "DC", npi(d.rng) if d.chance(0.7) else None, visit, "short") \
        if d.chance(0.9) else d.unsigned()

    if layout == 0:
        lines = [f"CHIROPRACTIC VISIT  {dos}", f"Preg: {ga}", ref,
                 f"S: {join_list(cc)}. {pain}. {lim}".strip(), neg, *hx,
                 f"O: segmental dysfunction {listing}".strip() if listing else "O: motion palpation findings noted",
                 spasm,
                 measure, f"Pt {position}.", f"A/P: {thrust_line}", *[f"     + {e}" for e in extra],
                 response, post, plan, sign]
    elif layout == 1:
        lines = [f"DOS: {dos} | GA: {ga}", ref, "SUBJ  " + "; ".join(x for x in [*cc, pain, lim] if x), neg,
                 *hx, "", "SERVICE                     DETAIL", f"Positioning                 {position}",
                 f"Spinal tx                   {thrust_line}",
                 *[f"Adjunct                     {e}" for e in extra], "", measure, response, post,
                 f"Plan: {plan}" if plan else "", sign]
    else:
        neg = neg.rstrip(".") + "." if neg else ""
        body = (f"{dos}: {ga} pregnant pt seen for {join_list(cc)}, {pain}. {lim + '.' if lim else ''} {neg} "
                f"Positioned {position}. {thrust_line}; also {', '.join(extra)}. {response} {post} "
                f"{'Rec ' + plan + '.' if plan else ''}")
        lines = [ref, " ".join(body.split()), *hx, measure, sign]
    return "\n".join(line for line in lines if line.strip())
