"""Complaints, precautions, pain scores, limitations, outcome measures, goals and plans, as clinicians write them.

Why status lives in the cue: a condition's status is carried by the words around it ("denies", "h/o", "r/o",
"mother had"), so each helper picks the cue and the name together and records both. The cues used:

- affirmed: "c/o X", "reports X", "presents with X", "X x3 wks", or X in a "Dx:"/"CC:" line;
- negated: "denies X", "no X", "negative for X", a Yes/No box with No checked;
- historical: "h/o X", "hx of X", "X with first pregnancy, resolved", "previous X, resolved";
- hypothetical: "r/o X", "rule out X", "if X develops", "should X develop", "if any s/s of X";
- family: "mother had X", "FHx: X (sister)", "her sister had X".

Condition forms: LBP/low back pain/lower back pain/lumbar pain -> low_back_pain; mid back/upper back/thoracic/
interscapular pain -> thoracic_pain; PGP/pelvic girdle pain/posterior pelvic pain -> pelvic_girdle_pain; SPD/
symphysis pubis dysfunction/pubic symphysis dysfunction -> symphysis_pubis_dysfunction; sciatica/sciatic pain ->
sciatica; CTS/carpal tunnel syndrome/carpal tunnel sx -> carpal_tunnel; pedal/ankle/LE/dependent/gestational
edema, swelling of the feet and ankles -> gestational_edema; neck pain/cervicalgia -> neck_pain; coccydynia/
tailbone pain/coccyx pain -> coccyx_pain; round ligament pain -> round_ligament_pain; (muscle) spasm(s) ->
muscle_spasm; anxiety -> anxiety. Tenderness, hypertonicity and trigger points as findings are not conditions.

Precaution forms: preeclampsia/pre-eclampsia; placenta previa (marginal or complete); DVT/deep vein thrombosis
(written only negated, "denies h/o DVT", or as family history: a personal "h/o DVT" would be a coin toss between
an affirmed dvt_history and a historical one); vaginal bleeding; high-risk pregnancy/high-risk OB (affirmed makes
`high_risk` true, and only notes that say so carry affirmed serious precautions); gestational hypertension/
gestational HTN/gHTN/PIH; placental abruption/abruption; preterm labor/PTL. Clearance from an OB is not a referral.

Limitations are written as "difficulty with X", "Difficulty X", "Functional limitations: X" or a checked box:
prolonged sitting/sitting > n min -> sitting; standing (at the sink) > n min -> standing; walking (> n min) ->
walking; stairs/climbing stairs/stair negotiation -> stairs; sleeping (through the night) -> sleeping; lifting
(her toddler, laundry basket) -> lifting; carrying (groceries) -> carrying; (lower body) dressing -> dressing;
driving -> driving; working (a full shift) -> working; bending (forward) -> bending; rolling/turning over in bed
-> rolling_in_bed; household tasks/chores, housework -> household_tasks. Activity words appear nowhere else.

Pain: "NPRS"/"NRS" -> nprs, "VAS" -> vas, a bare "6/10" or "6 out of 10" -> unspecified; "pre-tx", "before
session", "at start of session" -> before; "post-tx", "after session", "at end of session" -> after. A pain target
inside a goal is not a pain score. Outcome measures: ODI/Oswestry -> oswestry, PGQ -> pgq, NDI -> ndi, LEFS ->
lefs, PSFS -> psfs, RMDQ/Roland-Morris -> roland_morris. A goal is measurable when it names a number and a time
frame; "decrease pain", "promote relaxation" are not. Plans: "2x/wk x 6 wks" -> 2 per week for 6 weeks, "1x/wk"
with no duration -> 1 per week, duration none; "PRN", "next appt" and "f/u" lines are not a plan of care.

Response: a statement of how the patient took today's treatment ("tolerated tx well", "reports relief",
"decreased tissue tension noted post-tx", a checked "Tolerated well" box) or a post-treatment pain score sets
`responded`; "progressing toward goals" and an empty "Client response:" line do not.
"""

from __future__ import annotations

import random

from gravida.blind_notes.draft import Draft, Scale, When
from gravida.synthetic_notes.labels import Side, Status

CONDITION_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "low_back_pain": (("low back pain", "lower back pain", "lumbar pain"), ("LBP", "LBP", "low back pain")),
    "thoracic_pain": (("mid back pain", "upper back pain", "thoracic pain", "interscapular pain"),
                      ("mid back pain", "thoracic pain", "upper back pain")),
    "pelvic_girdle_pain": (("pelvic girdle pain", "posterior pelvic pain"), ("PGP", "pelvic girdle pain")),
    "symphysis_pubis_dysfunction": (("symphysis pubis dysfunction", "pubic symphysis dysfunction"), ("SPD",)),
    "sciatica": (("sciatica", "sciatic pain"), ("sciatica",)),
    "carpal_tunnel": (("carpal tunnel syndrome", "carpal tunnel symptoms"), ("CTS", "carpal tunnel sx")),
    "gestational_edema": (("pedal edema", "ankle edema", "dependent edema", "swelling of the feet and ankles"),
                          ("LE edema", "pedal edema", "ankle edema")),
    "neck_pain": (("neck pain", "cervicalgia"), ("neck pain", "cervicalgia")),
    "coccyx_pain": (("coccydynia", "tailbone pain", "coccyx pain"), ("coccydynia", "tailbone pain")),
    "round_ligament_pain": (("round ligament pain",), ("round lig pain", "round ligament pain")),
    "muscle_spasm": (("muscle spasms", "muscle spasm"), ("spasm", "muscle spasm")),
    "anxiety": (("anxiety",), ("anxiety",)),
}
SIDEABLE = {"sciatica", "carpal_tunnel", "gestational_edema", "round_ligament_pain", "pelvic_girdle_pain"}

PRECAUTION_FORMS: dict[str, tuple[str, ...]] = {
    "preeclampsia": ("preeclampsia", "pre-eclampsia"),
    "placenta_previa": ("placenta previa", "marginal placenta previa"),
    "dvt_history": ("DVT", "deep vein thrombosis"),
    "vaginal_bleeding": ("vaginal bleeding",),
    "high_risk_pregnancy": ("high-risk pregnancy", "high risk pregnancy"),
    "gestational_hypertension": ("gestational hypertension", "gestational HTN", "gHTN", "PIH"),
    "placental_abruption": ("placental abruption",),
    "preterm_labor": ("preterm labor", "PTL"),
}

CUES: dict[Status, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "affirmed": (("complains of {x}", "reports {x}", "presents with {x}"), ("c/o {x}", "reports {x}", "+ {x}")),
    "negated": (("denies {x}", "no {x}", "negative for {x}"), ("denies {x}", "no {x}", "(-) {x}")),
    "historical": (("history of {x}", "h/o {x}", "{x} with her first pregnancy, resolved"),
                   ("h/o {x}", "hx {x}", "{x} prior preg - resolved")),
    "hypothetical": (("rule out {x}", "if {x} develops", "should {x} develop"), ("r/o {x}", "if {x} develops")),
    "family": (("her mother had {x}", "family history of {x} (sister)"), ("FHx {x} (mother)", "mom had {x}")),
}


def side_word(rng: random.Random, side: Side, long: bool = False) -> str:
    """A side before a condition; `long` forms ("R-sided", "bilateral") are used inside lists, where a bare "B" or
    "R" could be read as belonging to the list rather than to one item."""
    if long:
        return {"right": rng.choice(("R-sided", "right-sided")), "left": rng.choice(("L-sided", "left-sided")),
                "bilateral": "bilateral"}[side]
    return {"right": rng.choice(("R", "right", "R-sided")), "left": rng.choice(("L", "left", "L-sided")),
            "bilateral": rng.choice(("B", "bilateral", "bilat"))}[side]


def condition_name(rng: random.Random, draft: Draft, concept: str, status: Status, side: Side | None = None,
                   abbreviated: bool = False, long_side: bool = False) -> str:
    """The condition's name only (its status carried by the caller's heading, e.g. "Dx:" or "Denies:")."""
    if side is not None and concept not in SIDEABLE:
        raise ValueError(f"{concept} takes no side here")
    draft.condition(concept, status, side)
    prose, short = CONDITION_FORMS[concept]
    name = rng.choice(short if abbreviated else prose)
    return f"{side_word(rng, side, long_side)} {name}" if side else name


def condition(rng: random.Random, draft: Draft, concept: str, status: Status, side: Side | None = None,
              abbreviated: bool = False, cues: tuple[str, ...] | None = None) -> str:
    """A condition with its status cue: "denies sciatica", "h/o CTS", "r/o SPD", "mom had anxiety"; `cues` replaces
    the default cue forms (each must carry `status`)."""
    name = condition_name(rng, draft, concept, status, side, abbreviated)
    prose, short = CUES[status]
    return rng.choice(cues or (short if abbreviated else prose)).format(x=name)


def precaution_name(rng: random.Random, draft: Draft, precaution: str, status: Status) -> str:
    """The precaution's name (a denied previa is never "marginal": only a present one has a grade)."""
    draft.precaution(precaution, status)
    if precaution == "placenta_previa" and status != "affirmed":
        return "placenta previa"
    return rng.choice(PRECAUTION_FORMS[precaution])


def precaution(rng: random.Random, draft: Draft, precaution: str, status: Status, abbreviated: bool = False,
               cues: tuple[str, ...] | None = None) -> str:
    """A precaution with its status cue; a personal history of DVT is never written (see the module docstring)."""
    if precaution == "dvt_history" and status not in ("negated", "family"):
        raise ValueError("dvt_history is written only negated or as family history")
    name = precaution_name(rng, draft, precaution, status)
    if precaution == "dvt_history" and status == "negated" and cues is None:
        return rng.choice(("denies h/o {x}", "no history of {x}", "no hx {x}")).format(x=name)
    prose, short = CUES[status]
    return rng.choice(cues or (short if abbreviated else prose)).format(x=name)


def pain(rng: random.Random, draft: Draft, score: float, when: When = "unspecified", scale: Scale | None = None,
         abbreviated: bool = False) -> str:
    """A pain score: "NPRS 6/10 pre-tx", "pain 6/10", "VAS 4/10 after session", "pain 6 out of 10"."""
    scales: tuple[Scale, ...] = ("nprs", "nprs", "vas", "unspecified", "unspecified")
    chosen: Scale = scale if scale is not None else rng.choice(scales)
    value = f"{score:g}"
    if chosen == "nprs":
        body = f"{rng.choice(('NPRS', 'NPRS', 'NRS', 'NPRS pain'))} {value}/10"
    elif chosen == "vas":
        body = f"VAS {value}/10"
    elif not abbreviated and rng.random() < 0.3:
        body = f"pain {value} out of 10"
    else:
        body = rng.choice((f"pain {value}/10", f"{value}/10 pain", f"pain {value}/10"))
    if when == "before":
        body = f"{body} {rng.choice(('pre-tx', 'before session', 'at start of session', 'pre-treatment'))}"
    elif when == "after":
        body = f"{body} {rng.choice(('post-tx', 'after session', 'at end of session', 'post-treatment'))}"
    draft.pain_score(score, chosen, when)
    return body


LIMITATION_FORMS: dict[str, tuple[str, ...]] = {
    "sitting": ("sitting > {n} min", "prolonged sitting", "sitting tolerance ~{n} min"),
    "standing": ("standing > {n} min", "prolonged standing", "standing at the sink > {n} min"),
    "walking": ("walking > {n} min", "walking more than {n} min", "walking"),
    "stairs": ("stairs", "climbing stairs", "stair negotiation"),
    "sleeping": ("sleeping", "sleeping through the night"),
    "lifting": ("lifting her toddler", "lifting", "lifting laundry basket"),
    "carrying": ("carrying groceries", "carrying"),
    "dressing": ("dressing", "lower body dressing"),
    "driving": ("driving > {n} min", "driving"),
    "working": ("working a full shift", "working"),
    "bending": ("bending forward", "bending"),
    "rolling_in_bed": ("rolling in bed", "turning over in bed"),
    "household_tasks": ("household tasks", "household chores", "housework"),
}


def limitation(rng: random.Random, draft: Draft, concept: str) -> str:
    draft.limitation(concept)
    return rng.choice(LIMITATION_FORMS[concept]).format(n=rng.choice((15, 20, 30, 45)))


def limitations(rng: random.Random, draft: Draft, pool: tuple[str, ...], low: int = 1, high: int = 3) -> list[str]:
    chosen = rng.sample(pool, rng.randint(low, min(high, len(pool))))
    return [limitation(rng, draft, c) for c in chosen]


MEASURE_FORMS: dict[str, tuple[tuple[str, ...], tuple[float, float]]] = {
    "oswestry": (("ODI {v}%", "Oswestry {v}%", "Modified Oswestry: {v}%"), (14, 52)),
    "pgq": (("PGQ {v}", "Pelvic Girdle Questionnaire {v}/100", "PGQ: {v}"), (18, 64)),
    "ndi": (("NDI {v}", "Neck Disability Index {v}%"), (8, 40)),
    "lefs": (("LEFS {v}/80", "LEFS: {v}"), (34, 70)),
    "psfs": (("PSFS avg {v}", "PSFS {v}/10"), (2, 7)),
    "roland_morris": (("RMDQ {v}/24", "Roland-Morris {v}/24"), (4, 17)),
}


def measure(rng: random.Random, draft: Draft, concept: str, span: tuple[float, float] | None = None) -> str:
    """An outcome measure and its score (within `span` when given, e.g. low scores at discharge)."""
    forms, (low, high) = MEASURE_FORMS[concept]
    if span is not None:
        low, high = span
    if concept == "psfs":
        value: float = rng.randint(int(low * 10), int(high * 10)) / 10
    else:
        value = float(rng.randint(int(low), int(high)))
    draft.measure(concept, value)
    return rng.choice(forms).format(v=f"{value:g}")


MEASURABLE_GOALS = (
    "Pt will report pain no greater than 3/10 with daily activity within {w} weeks",
    "Pt will improve ODI score by at least 10 points within {w} wks",
    "Pt will report a 50% reduction in night pain within {w} weeks",
    "Pt will perform HEP independently 5 days/week within {w} weeks",
    "Pt will tolerate 30 minutes of continuous activity without increase in symptoms within {w} weeks",
    "Increase PGQ score by 15 points in {w} wks",
)
HAND_GOALS = (
    "Grip strength to improve to at least 24 kg within {w} weeks",
    "Improve QuickDASH score by 15 points within {w} weeks",
    "Pt will report numbness no more than 1 night per week within {w} weeks",
)
VAGUE_GOALS = (
    "Decrease pain",
    "Promote relaxation and reduce muscle tension",
    "Improve posture and comfort as pregnancy progresses",
    "Pt will feel more comfortable",
    "Improve overall function",
    "Reduce stress",
)


def goal(rng: random.Random, draft: Draft, measurable: bool, weeks: tuple[int, ...] = (2, 3, 4, 6, 8),
         pool: tuple[str, ...] = MEASURABLE_GOALS) -> str:
    """A goal; measurable ones name a number and a time frame (drawn from `weeks`)."""
    draft.goal(measurable)
    if measurable:
        return rng.choice(pool).format(w=rng.choice(weeks))
    return rng.choice(VAGUE_GOALS)


def plan(rng: random.Random, draft: Draft, per_week: int, weeks: int | None, abbreviated: bool = False) -> str:
    """A plan of care: "2x/wk x 6 wks", "1x/week for 4 weeks", "2 times a week for 8 weeks", "1x/wk"."""
    draft.plan(per_week, weeks)
    if weeks is None:
        return rng.choice((f"{per_week}x/wk", f"{per_week}x/week", f"{per_week}x per week"))
    if abbreviated:
        return rng.choice((f"{per_week}x/wk x {weeks} wks", f"{per_week}x/wk x{weeks}wk",
                           f"{per_week}x/wk for {weeks}wks"))
    times = "once a week" if per_week == 1 else f"{per_week} times a week"
    return rng.choice((f"{per_week}x/week for {weeks} weeks", f"{times} for {weeks} weeks",
                       f"{per_week}x/wk x {weeks} weeks"))


RESPONSES = (
    "Pt tolerated tx well.",
    "Tolerated session well with no adverse effects.",
    "Pt reports feeling looser and more relaxed after session.",
    "Decreased tissue tension noted post-tx.",
    "Pt states her back feels \"so much better\" after the session.",
    "Good response to tx, pt reports relief.",
)


def response(rng: random.Random, draft: Draft) -> str:
    draft.response()
    return rng.choice(RESPONSES)
