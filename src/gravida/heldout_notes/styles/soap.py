"""Two short daily-note styles: the terse SOAP note and the heavily abbreviated one-paragraph note.

Why both: most massage and PT visit notes are a few lines of shorthand. The terse SOAP note keeps S/O/A/P
headings; the abbreviated note runs everything together with arrows, slashes and "c/o", "h/o", "w/", "x".
"""

from __future__ import annotations

from gravida.heldout_notes.draft import Draft
from gravida.heldout_notes.styles.common import (
    MASSAGE_ADDONS,
    PT_ACTIVE,
    PT_MANUAL,
    PT_MODALITIES,
    Done,
    cap,
    complaints_for,
    do,
    gestation_weeks,
    minutes_sum,
    primary_massage,
)
from gravida.heldout_notes.wording import LIMITATION_NAMES, TECHNIQUE_NAMES
from gravida.synthetic_notes.labels import Credential

SCREEN = ("vaginal_bleeding", "gestational_edema", "sciatica", "preeclampsia", "carpal_tunnel")
_POSITIONS = ("side_lying", "semi_reclined", "supine_with_wedge", "seated")
HISTORY = ("carpal_tunnel", "sciatica", "low_back_pain", "preterm_labor", "anxiety", "symphysis_pubis_dysfunction")


def _massage_session(d: Draft) -> list[Done]:
    done = [
        primary_massage(
            d, d.pick(("prenatal_massage", "prenatal_massage", "swedish_massage")), d.pick((None, 30, 45, 50, 60))
        )
    ]
    for technique in d.sample(MASSAGE_ADDONS, d.pick((0, 1, 2))):
        done.append(do(d, technique, minutes=d.pick((None, 5, 8, 10, 15))))
    return done


def _pt_session(d: Draft) -> list[Done]:
    techniques = d.sample(PT_MANUAL, d.pick((1, 2))) + d.sample(PT_ACTIVE, d.pick((1, 2)))
    if d.chance(0.3):
        techniques.append(d.pick(PT_MODALITIES))
    return [
        do(d, t, minutes=d.pick((None, 8, 10, 12, 15, 20)) if d.chance(0.85) else None, clock_chance=0.2)
        for t in techniques
    ]


def _planned_not_done(d: Draft, done: list[Done]) -> str:
    """A technique named for a later visit: written, never labelled (it was not performed today)."""
    used = {x.technique for x in done}
    choice = d.pick(
        [
            t
            for t in (
                "manual_lymphatic_drainage",
                "tens",
                "joint_mobilization",
                "hot_pack",
                "myofascial_release",
                "pelvic_floor_exercise",
            )
            if t not in used
        ]
    )
    name = d.pick(d.forms(TECHNIQUE_NAMES[choice]))
    return d.pick((f"Consider {name} next visit.", f"Will add {name} if sx persist.", f"Plan {name} at next appt."))


def terse_soap(d: Draft) -> str:
    credential: Credential = d.pick(("LMT", "LMT", "LMT", "PT", "PTA"))
    lines: list[str] = []
    if d.chance(0.85):
        lines.append(d.date_of_service())
    weeks, days = gestation_weeks(d)
    complaints = complaints_for(d, d.pick((1, 2, 2)))
    s = [d.pick(("S: Pt @ {ga}.", "S: {ga} IUP.", "S: GA {ga}.")).format(ga=d.gestation(weeks, days))]
    s.append(f"C/o {d.complaints(complaints)}{d.pick(('', ' x2 wks', ' x1 mo', ', worse this wk'))}.")
    if d.chance(0.5):
        s.append(d.limitations(d.sample(tuple(LIMITATION_NAMES), d.pick((1, 2)))))
    mode = d.pick(("none", "single", "pre", "pair", "pair"))
    if mode == "single":
        s.append(d.pain(d.rng.randrange(2, 9), d.pick(("unspecified", "nprs", "vas"))) + ".")
    elif mode == "pre":
        s.append(d.pain(d.rng.randrange(3, 9), d.pick(("unspecified", "nprs")), "before") + ".")
    if d.chance(0.6):
        s.append(d.denial(d.unused(SCREEN, d.pick((1, 2)))))
    if d.chance(0.3):
        s.append(cap(d.history(d.unused(HISTORY, 1))) + ".")
    lines.append(" ".join(cap(x) if x.endswith(".") else cap(x) + "." for x in s))

    o = ["O:"]
    if d.chance(0.8):
        o.append(f"Positioned {d.positions(d.sample(_POSITIONS, d.pick((1, 2))))}.")
    if d.chance(0.4):
        o.append(d.filler())
    lines.append(" ".join(o))
    done = _massage_session(d) if credential == "LMT" else _pt_session(d)
    lines.append("Tx: " + "; ".join(x.text for x in done) + ".")
    if credential != "LMT" and d.chance(0.7):
        timed = minutes_sum(done, timed_only=True)
        total = minutes_sum(done)
        totals = []
        if timed is not None and d.chance(0.7):
            totals.append(d.total_timed(timed))
        if total is not None and d.chance(0.6):
            totals.append(d.total_treatment(total))
        if totals:
            lines.append("; ".join(totals) + ".")
    a = ["A:"]
    if mode == "pair" or d.chance(0.6):
        a.append(d.response())
    if mode == "pair":
        before = d.rng.randrange(4, 9)
        a.append(cap(d.pain_pair(before, before - d.rng.randrange(1, 4), d.pick(("unspecified", "nprs", "vas")))) + ".")
    if len(a) == 1:
        a.append(d.pick(("Sx unchanged from last visit.", "Progressing as expected.", "Pt motivated.")))
    lines.append(" ".join(a))
    p = ["P:"]
    if d.chance(0.6):
        p.append(f"Cont {d.plan(d.pick((1, 1, 2)), d.pick((None, 4, 6, 8)))}.")
    if d.chance(0.4):
        p.append(_planned_not_done(d, done))
    if d.chance(0.3):
        p.append("HEP: cat-camel, Kegels daily.")
    if len(p) == 1:
        p.append("Next appt scheduled.")
    lines.append(" ".join(p))
    if d.chance(0.9):
        lines.append(d.signature(credential))
    return "\n".join(lines) + "\n"


def abbreviated(d: Draft) -> str:
    credential: Credential = d.pick(("LMT", "PT", "PT", "PTA"))
    parts: list[str] = []
    head = d.date_of_service(("", "DOS ")) + ":" if d.chance(0.8) else ""
    weeks, days = gestation_weeks(d, 18, 38)
    gp = d.pick(("G1P0", "G2P1", "G3P2", "G2P0"))
    complaints = complaints_for(d, d.pick((1, 2, 3)), side_chance=0.6)
    parts.append(
        f"{head} Pt {d.gestation(weeks, days)} {gp} c/o {d.complaints(complaints)}"
        f"{d.pick(('', ' x3 wks', ' x1 wk', ' ↑ since last tx'))}.".strip()
    )
    if d.chance(0.6):
        parts.append(d.limitations(d.sample(tuple(LIMITATION_NAMES), d.pick((1, 2, 3)))))
    paired = d.chance(0.5)
    if not paired and d.chance(0.7):
        parts.append(cap(d.pain(d.rng.randrange(3, 9), d.pick(("nprs", "vas", "unspecified")))) + ".")
    if d.chance(0.7):
        parts.append(d.denial(d.unused(SCREEN, d.pick((1, 2, 3))), extra=d.pick(((), ("LOF",), ("ctx", "LOF")))))
    if d.chance(0.5):
        parts.append(d.history(d.unused(HISTORY, 1)) + d.pick((" w/ G1.", " (resolved).", ".")))
    if d.chance(0.35):
        item = d.unused(("preeclampsia", "dvt_history", "carpal_tunnel", "pelvic_girdle_pain"), 1)[0]
        parts.append(cap(d.mention(item, "family")) + ".")
    pos = (
        f"Pos {d.positions(d.sample(('side_lying', 'semi_reclined', 'prone_with_cushion', 'seated'), 1))}"
        if (d.chance(0.7))
        else ""
    )
    done = _massage_session(d) if credential == "LMT" else _pt_session(d)
    parts.append("Tx: " + "; ".join(([pos] if pos else []) + [x.text for x in done]) + ".")
    if credential != "LMT":
        timed = minutes_sum(done, timed_only=True)
        if timed is not None and d.chance(0.6):
            parts.append(d.total_timed(timed, ("Timed {n}'", "Total timed {n} min", "{n} timed min")) + ".")
    if paired or d.chance(0.5):
        parts.append(d.response())
    if paired:
        before = d.rng.randrange(5, 10)
        parts.append(
            cap(d.pain_pair(before, max(0, before - d.rng.randrange(2, 5)), d.pick(("nprs", "unspecified")))) + "."
        )
    if d.chance(0.6):
        parts.append(
            f"P: cont {d.plan(d.pick((1, 2)), d.pick((None, 4, 6)))}"
            + d.pick(("", ", HEP pelvic tilts", ", ↑ HEP"))
            + "."
        )
    if d.chance(0.3):
        parts.append(_planned_not_done(d, done))
    text = " ".join(parts)
    if d.chance(0.85):
        text += "\n" + d.signature(credential)
    return text + "\n"
