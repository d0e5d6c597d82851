"""The PT initial evaluation: referral, history, outcome measures, tests, plan of care, goals, today's treatment.

Why: an evaluation is the longest note and the one with the most non-performed technique names (the plan lists
interventions for later visits), the most history and family history, and the plan of care and goals that
payers look for.
"""

from __future__ import annotations

from datetime import timedelta

from gravida.heldout_notes.draft import Draft
from gravida.heldout_notes.styles.common import (
    PT_ACTIVE,
    PT_MANUAL,
    Done,
    cap,
    complaints_for,
    do,
    gestation_weeks,
    minutes_sum,
)
from gravida.heldout_notes.wording import LIMITATION_NAMES, MEASURE_RANGES, TECHNIQUE_NAMES
from gravida.synthetic_notes.labels import Credential, Side

_EVAL_COMPLAINTS: tuple[tuple[str, tuple[Side, ...]], ...] = (
    ("low_back_pain", ()),
    ("pelvic_girdle_pain", ("left", "right")),
    ("symphysis_pubis_dysfunction", ()),
    ("sciatica", ("left", "right")),
    ("coccyx_pain", ()),
    ("carpal_tunnel", ("left", "right", "bilateral")),
    ("neck_pain", ()),
)
_PMH = ("anxiety", "carpal_tunnel", "low_back_pain", "preterm_labor", "placental_abruption", "sciatica")
_FHX = ("preeclampsia", "dvt_history", "gestational_hypertension", "anxiety", "pelvic_girdle_pain")
#: Referring credentials in turn, so a handful of evaluations covers all four.
_REFERRERS: tuple[Credential, ...] = ("CNM", "MD", "NP", "DO", "CNM", "MD")
_ONSETS = ("gradual", "about 4 wks ago", "after a long car trip", "insidious")
_SOCIAL = (
    "Works as a nurse.",
    "Teacher, on feet most of the day.",
    "Works from home.",
    "Stay-at-home parent of a toddler.",
)
_TESTS = (
    "ASLR positive R",
    "ASLR positive L",
    "P4 (thigh thrust) positive R",
    "FABER negative bilaterally",
    "Trendelenburg negative",
    "Long dorsal ligament tender R",
    "Slump negative",
    "SLR negative bilaterally",
)


def pt_evaluation(d: Draft) -> str:
    out = [
        d.pick(
            (
                "PHYSICAL THERAPY INITIAL EVALUATION",
                "PT Evaluation — Pelvic Health (Obstetric)",
                "Initial Evaluation: Physical Therapy",
            )
        )
    ]
    out.append(d.date_of_service(("Date of Service: ", "Eval date: ", "DOS: ")))
    ref_day = d.day - timedelta(days=d.rng.randrange(3, 40))
    referrer = _REFERRERS[(d.index - 1) % len(_REFERRERS)]
    out.append(d.referral(referrer, ref_day if d.chance(0.75) else None))
    weeks, days = gestation_weeks(d, 16, 36)
    ga, due = d.gestation_and_edd(weeks, days)
    complaints = complaints_for(d, d.pick((1, 2)), _EVAL_COMPLAINTS, side_chance=0.6)
    edd = f" ({d.edd(due)})" if d.chance(0.6) else ""
    out.append("")
    out.append("SUBJECTIVE")
    hpi = [
        f"Pt is a {d.rng.randrange(24, 41)} y/o {d.pick(('G1P0', 'G2P1', 'G3P1'))} at {ga}{edd} referred for "
        f"{d.complaints(complaints)}, onset {d.pick(_ONSETS)}."
    ]
    hpi.append(
        d.limitations(
            d.sample(tuple(LIMITATION_NAMES), d.pick((2, 3))),
            d.pick(("Limited tolerance for {x}.", "Pt reports difficulty with {x}.", "Functional limitations: {x}.")),
        )
    )
    out.append("HPI: " + " ".join(hpi))
    current = d.rng.randrange(3, 7)
    pain = [d.pain(current, "nprs", "unspecified", "NPRS current {v}")]
    if d.chance(0.7):
        pain.append(d.pain(min(10, current + d.rng.randrange(2, 4)), "nprs", "unspecified", "worst {v}"))
    if d.chance(0.5):
        pain.append(d.pain(max(0, current - d.rng.randrange(1, 3)), "nprs", "unspecified", "best {v}"))
    out.append("Pain: " + ", ".join(pain) + ".")
    out.append(
        "PMH: "
        + cap(d.history(d.unused(_PMH, d.pick((1, 2)))))
        + ". "
        + d.denial(
            d.unused(("vaginal_bleeding", "gestational_edema", "dvt_history", "placenta_previa"), d.pick((1, 2))),
            extra=d.pick(((), ("bowel/bladder changes",))),
        )
    )
    if d.chance(0.7):
        out.append("FHx: " + cap(d.mention(d.unused(_FHX, 1)[0], "family")) + ".")
    out.append(f"Social: {d.pick(_SOCIAL)}")
    measures = d.sample(("oswestry", "pgq", "psfs", "lefs", "roland_morris"), d.pick((1, 2)))
    texts = []
    for m in measures:
        low, high = MEASURE_RANGES[m]
        value: float = d.rng.randrange(low, high + 1)
        if m == "psfs":
            value = round(value + d.pick((0.0, 0.3, 0.5, 0.7)), 1)
        texts.append(d.measure(m, value))
    out.append("Outcome measures: " + "; ".join(texts))
    out.append("")
    out.append("OBJECTIVE")
    out.append(
        f"Posture: {d.pick(('increased lumbar lordosis', 'forward head, rounded shoulders', 'anterior pelvic tilt'))}."
    )
    out.append(f"Strength: hip abd {d.pick(('4-/5', '4/5'))} bilaterally, glute max {d.pick(('4-/5', '4/5', '4+/5'))}.")
    out.append("Special tests: " + "; ".join(d.sample(_TESTS, 3)) + ".")
    out.append("")
    out.append("ASSESSMENT")
    out.append(
        d.pick(
            (
                "Pt presents with impairments in strength, motor control and tissue mobility limiting function. "
                "Good rehab potential.",
                "Findings consistent with the referral diagnosis; pt is an appropriate candidate for skilled PT.",
            )
        )
    )
    out.append("")
    out.append("PLAN")
    plan = d.plan(d.pick((1, 2, 2, 3)), d.pick((4, 6, 8, 12)))
    performed = d.sample(PT_ACTIVE, d.pick((1, 2))) + (d.sample(PT_MANUAL, 1) if d.chance(0.6) else [])
    later = [t for t in (*PT_MANUAL, "tens", "manual_lymphatic_drainage", "hot_pack") if t not in performed]
    planned = ", ".join(d.pick(d.forms(TECHNIQUE_NAMES[t])) for t in d.sample(later, 3))
    out.append(f"PT {plan}. Interventions may include {planned} and HEP progression.")
    out.append("Goals:")
    kinds = [True, d.chance(0.5), d.chance(0.3)]
    out.extend("  " + g for g in d.goals(kinds[: d.pick((2, 3))]))
    out.append("")
    out.append("TREATMENT TODAY")
    out.append(f"  PT evaluation ({d.pick(('97161', '97162', '97163'))}), {d.pick((25, 30, 35))} min")
    if d.chance(0.5):
        out.append(
            f"  Positioned {d.positions([d.pick(('side_lying', 'semi_reclined', 'supine_with_wedge'))])} for treatment."
        )
    done: list[Done] = [
        do(d, t, minutes=d.pick((8, 10, 12, 15)), clock_chance=0.25, code_chance=0.4) for t in performed
    ]
    out.extend("  " + x.text for x in done)
    timed = minutes_sum(done, timed_only=True)
    if timed is not None and d.chance(0.8):
        out.append("  " + d.total_timed(timed))
    if d.chance(0.6):
        out.append(d.response())
    out.append(d.signature("PT", npi=d.chance(0.8)))
    return "\n".join(out) + "\n"
