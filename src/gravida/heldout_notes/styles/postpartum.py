"""The postpartum visit: weeks since delivery and how she delivered, no gestational age, postpartum complaints.

Why: after delivery the note states weeks postpartum instead of weeks pregnant, Cesarean scar work appears (an
abdominal region), and pregnancy precautions become history ("preeclampsia during pregnancy, resolved").
"""

from __future__ import annotations

from gravida.heldout_notes.draft import Draft
from gravida.heldout_notes.styles.common import (
    PT_ACTIVE,
    Done,
    cap,
    complaints_for,
    do,
    minutes_sum,
)
from gravida.heldout_notes.wording import MEASURE_RANGES
from gravida.synthetic_notes.labels import Credential, Side

_PP_COMPLAINTS: tuple[tuple[str, tuple[Side, ...]], ...] = (
    ("low_back_pain", ()),
    ("neck_pain", ()),
    ("carpal_tunnel", ("left", "right", "bilateral")),
    ("coccyx_pain", ()),
    ("anxiety", ()),
    ("pelvic_girdle_pain", ("left", "right")),
    ("symphysis_pubis_dysfunction", ()),
    ("muscle_spasm", ("left", "right")),
)
_PP_LIMITS = ("lifting", "carrying", "sleeping", "bending", "household_tasks", "dressing", "sitting", "walking")
_DELIVERY_VAGINAL = ("s/p SVD", "s/p vaginal delivery", "s/p VBAC", "s/p assisted vaginal delivery (vacuum)")
_DELIVERY_CESAREAN = ("s/p C-section", "s/p cesarean delivery", "s/p repeat C/S")


def postpartum(d: Draft) -> str:
    credential: Credential = d.pick(("PT", "PT", "PTA", "LMT", "OT"))
    cesarean = d.chance(0.45)
    lines: list[str] = []
    if d.chance(0.9):
        lines.append(d.date_of_service())
    weeks = d.rng.randrange(3, 27)
    delivery = d.pick(_DELIVERY_CESAREAN if cesarean else _DELIVERY_VAGINAL)
    pool = _PP_COMPLAINTS if credential != "OT" else (("carpal_tunnel", ("left", "right", "bilateral")),)
    complaints = complaints_for(d, 1 if credential == "OT" else d.pick((1, 2)), pool, side_chance=0.6)
    s = [f"S: Pt is {d.postpartum(weeks)}, {delivery}{d.pick(('', ', breastfeeding', ', bottle feeding'))}."]
    s.append(f"C/o {d.complaints(complaints)}" + d.pick(("", " since delivery", ", worse with infant care")) + ".")
    if d.chance(0.7):
        s.append(d.limitations(d.sample(_PP_LIMITS, d.pick((1, 2)))))
    if d.chance(0.5):
        past = d.unused(("preeclampsia", "gestational_hypertension", "symphysis_pubis_dysfunction"), 1)
        s.append(cap(d.mention(past[0], "historical")) + " during pregnancy, resolved.")
    free = d.unused(("low_back_pain", "neck_pain", "coccyx_pain"), 1)
    if free and d.chance(0.4):
        s.append(d.denial(free))
    paired = d.chance(0.5)
    if not paired:
        s.append(cap(d.pain(d.rng.randrange(2, 8), d.pick(("nprs", "unspecified", "vas")))) + ".")
    lines.append(" ".join(s))
    measure = d.pick(("oswestry", "psfs", "roland_morris", "pgq", "ndi"))
    low, high = MEASURE_RANGES[measure]
    if credential in ("PT", "PTA") and d.chance(0.7):
        lines.append(
            f"O: {d.measure(measure, d.rng.randrange(low, high + 1))}."
            + d.pick(
                ("", " Diastasis recti 2 FB above umbilicus.", " Scar mobile, mild restriction." if cesarean else "")
            )
        )
    done: list[Done] = []
    if credential == "LMT":
        main = d.pick(("swedish_massage", "therapeutic_massage"))
        done.append(
            do(d, main, minutes=d.pick((45, 60)), regions=d.sample(("cervical", "thoracic", "lumbar", "shoulder"), 2))
        )
        if d.chance(0.6):
            done.append(
                do(
                    d,
                    d.pick(("myofascial_release", "manual_lymphatic_drainage", "trigger_point_release")),
                    minutes=d.pick((None, 10, 15)),
                )
            )
    elif credential == "OT":
        done.append(do(d, "ultrasound", minutes=d.pick((5, 8)), regions=["wrist_hand"], side=complaints[0][1]))
        done.append(
            do(
                d,
                d.pick(("soft_tissue_mobilization", "myofascial_release")),
                minutes=d.pick((8, 10)),
                regions=["upper_extremity"],
                side=complaints[0][1],
            )
        )
        done.append(do(d, "self_care_training", minutes=d.pick((8, 10, 12))))
    else:
        if cesarean and d.chance(0.7):
            minutes = d.pick((8, 10))
            scar = d.technique(
                "soft_tissue_mobilization",
                minutes=minutes,
                regions=["abdomen"],
                where=d.pick(("C-section scar", "cesarean incision scar", "low transverse scar")),
            )
            done.append(Done(scar, "soft_tissue_mobilization", minutes))
        for technique in d.sample(PT_ACTIVE, d.pick((1, 2))):
            done.append(do(d, technique, minutes=d.pick((10, 12, 15)), clock_chance=0.3))
        if d.chance(0.5):
            done.append(
                do(d, d.pick(("tens", "hot_pack", "unattended_electrical_stimulation")), minutes=d.pick((10, 15)))
            )
    lines.append("Tx: " + "; ".join(x.text for x in done) + ".")
    if credential != "LMT" and d.chance(0.7):
        timed = minutes_sum(done, timed_only=True)
        if timed is not None:
            lines.append(d.total_timed(timed) + ".")
    a = ["A:"]
    if paired or d.chance(0.7):
        a.append(d.response())
    if paired:
        before = d.rng.randrange(4, 8)
        a.append(cap(d.pain_pair(before, before - d.rng.randrange(1, 4), d.pick(("nprs", "unspecified")))) + ".")
    if len(a) == 1:
        a.append("Progressing slowly.")
    lines.append(" ".join(a))
    p = ["P:"]
    if credential != "LMT" or d.chance(0.4):
        p.append(f"{d.plan(d.pick((1, 2)), d.pick((4, 6, 8)))}.")
    if credential in ("PT", "OT") and d.chance(0.6):
        p.extend(d.goals([True] if d.chance(0.5) else [True, False]))
    if d.chance(0.3):
        worry = d.unused(("anxiety",), 1)
        p.append(f"Pt to contact OB {d.mention(worry[0], 'hypothetical')}." if worry else "HEP updated.")
    if len(p) == 1:
        p.append("Next visit as scheduled.")
    lines.append(" ".join(p))
    lines.append(d.signature(credential))
    return "\n".join(lines) + "\n"
