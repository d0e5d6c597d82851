"""The narrative note: first-person prose from a massage therapist, full words, few abbreviations.

Why: many LMTs (and some PTs) chart in sentences ("I began with..., then..."), which puts minutes, areas and
complaints inside ordinary grammar rather than after field labels.
"""

from __future__ import annotations

from datetime import timedelta

from gravida.heldout_notes.draft import Draft, Scale
from gravida.heldout_notes.styles.common import (
    MASSAGE_ADDONS,
    Done,
    complaints_for,
    do,
    gestation_weeks,
    primary_massage,
)
from gravida.heldout_notes.wording import LIMITATION_NAMES
from gravida.synthetic_notes.labels import Credential

_SCREEN = ("vaginal_bleeding", "gestational_edema", "sciatica", "carpal_tunnel", "preterm_labor")
_PAST = ("carpal_tunnel", "low_back_pain", "anxiety", "sciatica")
_FAMILY = ("preeclampsia", "dvt_history", "placental_abruption", "carpal_tunnel")
_POSITIONS = ("side_lying", "semi_reclined", "supine_with_wedge", "prone_with_cushion")
_IF = ("gestational_edema", "vaginal_bleeding", "preeclampsia", "preterm_labor")


def narrative(d: Draft) -> str:
    paras: list[str] = []
    first: list[str] = []
    client = d.pick(("The client", "Ms. R.", "Ms. T.", "She", "Client"))
    if d.chance(0.8):
        first.append(
            f"{d.date_of_service(('On ', 'Session date ', 'Seen '))}: {client} came in for her scheduled appointment."
        )
    else:
        first.append(f"{client} came in for her scheduled appointment.")
    weeks, days = gestation_weeks(d)
    ga, due = d.gestation_and_edd(weeks, days)
    edd = f", with {d.edd(due, ('an EDD of ', 'a due date of ', 'an estimated due date of '))}" if d.chance(0.5) else ""
    first.append(f"She is {ga}{edd}.")
    if d.chance(0.4):
        referrer: Credential = d.pick(("CNM", "MD", "NP"))
        if d.chance(0.5):
            referred = d.day - timedelta(days=d.rng.randrange(7, 45))
            first.append(d.referral(referrer, referred, "She was referred by {who} on {when}."))
        else:
            first.append(
                d.referral(referrer, None, d.pick(("She was referred by {who}.", "Her referral is from {who}.")))
            )
    complaints = complaints_for(d, d.pick((1, 2, 2)))
    first.append(
        f"She reports {d.complaints(complaints)}{d.pick(('', ' over the past two weeks', ' since her last visit'))}."
    )
    if d.chance(0.5):
        first.append(d.limitations(d.sample(tuple(LIMITATION_NAMES), d.pick((1, 2)))))
    pain_mode = d.pick(("before", "pair", "plain", "none"))
    if pain_mode in ("before", "pair"):
        scale: Scale = d.pick(("unspecified", "nprs"))
        template = (
            "Before we started she rated her pain {v}."
            if scale == "unspecified"
            else ("At the start of the session she rated her pain {v} on the NPRS.")
        )
        before = d.rng.randrange(4, 9)
        first.append(d.pain(before, scale, "before", template))
    elif pain_mode == "plain":
        first.append(d.pain(d.rng.randrange(2, 8), "unspecified", "unspecified", "She rates her pain {v} most days."))
    if d.chance(0.6):
        first.append(d.denial(d.unused(_SCREEN, d.pick((1, 2)))))
    if d.chance(0.4):
        first.append(f"She reports {d.history(d.unused(_PAST, 1))} before this pregnancy.")
    if d.chance(0.35):
        first.append(f"She mentioned that {d.mention(d.unused(_FAMILY, 1)[0], 'family')}.")
    paras.append(" ".join(first))

    second: list[str] = []
    if d.chance(0.85):
        positions = d.positions(d.sample(_POSITIONS, d.pick((1, 2))))
        second.append(f"She was positioned {positions} with pillows for support.")
    done: list[Done] = [
        primary_massage(
            d,
            d.pick(("prenatal_massage", "prenatal_massage", "therapeutic_massage")),
            d.pick((None, 45, 50, 60)),
            clock_chance=0.0,
        )
    ]
    for technique in d.sample([t for t in MASSAGE_ADDONS if t not in ("hot_pack", "cold_pack")], d.pick((1, 2))):
        done.append(do(d, technique, minutes=d.pick((None, 5, 10, 15, 20)), clock_chance=0.0))
    texts = [x.text for x in done]
    if len(texts) == 2:
        second.append(f"I began with {texts[0]}, then used {texts[1]}.")
    else:
        second.append(f"I began with {texts[0]}, then used {texts[1]} and finished with {texts[2]}.")
    if d.chance(0.4):
        second.append(d.filler())
    paras.append(" ".join(second))

    third: list[str] = []
    if pain_mode == "pair" or d.chance(0.7):
        third.append(d.response())
    if pain_mode == "pair":
        third.append(
            d.pain(d.rng.randrange(1, 4), "unspecified", "after", "By the end of the session she rated it {v}.")
        )
    if d.chance(0.4):
        third.append(f"I advised her to contact her midwife {d.mention(d.unused(_IF, 1)[0], 'hypothetical')}.")
    if d.chance(0.5):
        third.append(f"We plan to continue {d.plan(d.pick((1, 1, 2)), d.pick((None, 4, 6)))}.")
    if d.chance(0.4):
        third.append(d.goal(False))
    if third:
        paras.append(" ".join(third))
    if d.chance(0.9):
        paras.append(d.signature(d.pick(("LMT", "LMT", "LMT", "PT"))))
    return "\n\n".join(paras) + "\n"
