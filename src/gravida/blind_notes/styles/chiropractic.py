"""Chiropractic notes: a SOAP note with segment listings and a Webster sacral adjustment, a note naming spinal
manipulation (SMT/HVLA) by segment range, and a compact daily-visit card.

Why segments: chiropractors write the levels they treated ("L5 and S1", "T4-T6", "C5, C6"), and the label turns
each level into its region (C = cervical, T = thoracic, L = lumbar, S/sacrum = sacral, SI = pelvic). A note names
either an adjustment or a spinal manipulation, never both, so the two ids never compete for one service. The
subluxation listing under "O:" is a finding; only the treatment line records regions.
"""

from __future__ import annotations

import random

from gravida.blind_notes import clinical as c
from gravida.blind_notes.people import clinician
from gravida.blind_notes.services import Service, say
from gravida.blind_notes.styles.common import (
    Visit,
    and_join,
    cap,
    complaint_names,
    dos,
    filler,
    position,
    positions,
    pregnancy,
    random_ga,
    referral,
    signature,
    unused,
)
from gravida.synthetic_notes.labels import Status

LEVELS = {"cervical": ("C", 1, 7), "thoracic": ("T", 1, 12), "lumbar": ("L", 1, 5)}


def segments(rng: random.Random, region: str) -> str:
    """Written levels inside one region: "C5, C6", "T4-T6", "L4-L5", "sacrum", "S1", "SI joint"."""
    if region == "sacral":
        return rng.choice(("sacrum", "S1", "sacrum (S2)"))
    if region == "pelvic":
        return rng.choice(("SI joint", "SIJ", "pelvis"))
    letter, low, high = LEVELS[region]
    start = rng.randint(low, high - 1)
    end = min(high, start + rng.randint(1, 2))
    form = rng.choice(("{a}, {b}", "{a}-{b}", "{b}"))
    return form.format(a=f"{letter}{start}", b=f"{letter}{end}")


def _listing(rng: random.Random) -> str:
    """A subluxation listing for the objective section; records nothing."""
    return ", ".join(segments(rng, r) for r in rng.sample(("cervical", "thoracic", "lumbar", "sacral"), 2))


def _adjunct(v: Visit) -> list[Service]:
    rng = v.rng
    pool = [Service("soft_tissue_mobilization", rng.choice((8, 10)), ("cervical",), "bilateral"),
            Service("trigger_point_release", None, ("hip",), v.choice(("right", "left"))),
            Service("stretching", rng.choice((5, 8)), ("hip",), None),
            Service("cold_pack", 10, ("lumbar",), None), Service("hot_pack", 10, ("thoracic",), None),
            Service("therapeutic_exercise", rng.choice((8, 10)), (), None)]
    if v.draft.postpartum_weeks is not None:
        pool.append(Service(v.choice(("unattended_electrical_stimulation", "tens")), 15, ("lumbar",), None))
    return rng.sample(pool, rng.randint(1, 2))


def write(v: Visit, index: int) -> str:
    return (_webster_soap, _smt_note, _daily_card)[index % 3](v)


def _adjustment_line(v: Visit, regions: list[str], technique: str) -> str:
    """The treatment line for one adjustment or manipulation over the written levels, recorded with its regions."""
    v.draft.technique(technique, None, regions, None)
    levels = and_join([segments(v.rng, r) for r in regions])
    if technique == "chiropractic_adjustment":
        head = v.choice(("Chiropractic adjustment to", "Adjusted:", "Diversified adj at", "Adjustments delivered to"))
    else:
        head = v.choice(("SMT (HVLA) to", "Spinal manipulation, HVLA thrust, at", "HVLA spinal manipulation to"))
    return f"{head} {levels}"


def _cmt_code(regions: list[str]) -> str:
    """The CMT code for the number of spinal regions adjusted (98940: 1-2, 98941: 3-4)."""
    return "98940 CMT spinal, 1-2 regions" if len(regions) <= 2 else "98941 CMT spinal, 3-4 regions"


def _webster_soap(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "DC")
    weeks, days = random_ga(v, 20, 38)
    p = v.patient
    lines = [f"Date: {dos(v)}    Pt: {p.first} {p.last}    {pregnancy(v, weeks, days)}"]
    if v.chance(0.5):
        lines.append(referral(v))
    names = complaint_names(v, ("low_back_pain", "pelvic_girdle_pain", "sciatica", "symphysis_pubis_dysfunction",
                                "round_ligament_pain"), rng.randint(1, 2), True)
    s = f"S: Pt presents with {and_join(names)}; {c.pain(rng, v.draft, rng.randint(3, 8), 'before', 'vas', True)}."
    spare = unused(v, ("sciatica", "coccyx_pain"))
    if spare:
        status: Status = v.choice(("negated", "hypothetical"))
        cues = ("denies {x}", "no {x}") if status == "negated" else ("r/o {x}", "rule out {x}")
        s += f" {cap(c.condition(rng, v.draft, rng.choice(spare), status, abbreviated=True, cues=cues))}."
    lines.append(s)
    lines.append(f"O: Subluxation/segmental dysfunction {_listing(rng)}. Sacral torsion noted, + Webster leg check.")
    lines.append("A: Pelvic misalignment contributing to sx; pt is a good candidate for continued care.")
    regions = ["sacral", *rng.sample(["lumbar", "thoracic", "cervical"], rng.randint(0, 2))]
    adj = _adjustment_line(v, regions, "chiropractic_adjustment")
    lines.append(f"Tx: {adj} (Webster technique for sacrum), pt {position(v, 'prone_with_cushion')} on pregnancy "
                 f"table.")
    for service in _adjunct(v):
        lines.append(f"    {say(rng, v.draft, service, True)}")
    if v.chance(0.5):
        lines.append(f"    {_cmt_code(regions)}")
    if v.chance(0.7):
        lines.append(f"Response: {c.response(rng, v.draft)}")
    lines.append(f"P: {c.plan(rng, v.draft, v.choice((1, 2)), rng.choice((4, 6, 8)), True)} through delivery.")
    lines.append(signature(v, who, "signed"))
    return "\n".join(lines)


def _smt_note(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "DC")
    postpartum = v.chance(0.4)
    p = v.patient
    lines = [f"CHIROPRACTIC PROGRESS NOTE - DOS {dos(v, ('us', 'long'))}"]
    if postpartum:
        weeks = rng.randint(4, 20)
        v.draft.postpartum_weeks = weeks
        lines.append(f"{p.first} {p.last}, {weeks} weeks postpartum.")
    else:
        lines.append(f"{p.first} {p.last}, {pregnancy(v, rng.randint(14, 36), None)} pregnant.")
    pool = ("neck_pain", "thoracic_pain", "low_back_pain", "muscle_spasm")
    names = complaint_names(v, pool, rng.randint(1, 2), False)
    lines.append(f"Subjective: Patient reports {and_join(names)}. "
                 f"{cap(c.pain(rng, v.draft, rng.randint(2, 7), 'unspecified', 'nprs'))} today.")
    lims = c.limitations(rng, v.draft, ("sitting", "driving", "sleeping", "working"), 0, 2)
    if lims:
        lines.append(f"Difficulty with {and_join(lims)}.")
    lines.append(f"Objective: Restricted motion and tenderness at {_listing(rng)}. {filler(v)}")
    if v.chance(0.6):
        neck = any(c_.concept == "neck_pain" for c_ in v.draft.conditions)
        lines.append(f"Outcome: {c.measure(rng, v.draft, 'ndi' if neck else 'roland_morris')}")
    regions = rng.sample(["cervical", "thoracic", "lumbar"], rng.randint(1, 2))
    place = positions(v, ("side_lying", "prone_with_cushion"), 1, 1, True)[0]
    lines.append(f"Treatment: {_adjustment_line(v, regions, 'spinal_manipulation')}, pt {place}.")
    for service in _adjunct(v):
        lines.append(f"  + {say(rng, v.draft, service, False)}")
    if v.chance(0.6):
        lines.append(f"Post: {c.response(rng, v.draft)}")
    lines.append(signature(v, who, v.choice(("slash", "esign"))))
    return "\n".join(lines)


def _daily_card(v: Visit) -> str:
    rng = v.rng
    who = clinician(rng, "DC")
    weeks = rng.randint(18, 38)
    lines = [f"VISIT {rng.randint(2, 14)} | {dos(v, ('us_short', 'us_2y'))} | {pregnancy(v, weeks, None)}"]
    pool = ("low_back_pain", "pelvic_girdle_pain", "sciatica", "neck_pain")
    lines.append(f"SUBJ: {'; '.join(complaint_names(v, pool, rng.randint(1, 2), True))}"
                 f" {c.pain(rng, v.draft, rng.randint(2, 8), 'before', 'vas', True)}")
    regions = rng.sample(["lumbar", "sacral", "pelvic", "cervical"], rng.randint(1, 3))
    lines.append(f"TX: {_adjustment_line(v, regions, 'chiropractic_adjustment')} (Activator)")
    extra = _adjunct(v)[:1]
    lines += [f"    {say(rng, v.draft, s, True)}" for s in extra]
    if v.chance(0.6):
        lines.append(f"RESP: {c.pain(rng, v.draft, rng.randint(0, 2), 'after', 'vas', True)}")
    lines.append(signature(v, who, "slash", with_npi=v.chance(0.5)))
    return "\n".join(lines)
