"""What every style needs: the visit being written, and the lines all notes share (date, pregnancy, signature,
referral, findings, filler).

Why shared: the date, the pregnancy timing and the signature are written in many places and many ways, and each
way must record the same facts; one helper per fact keeps the label and the words together. Findings and filler
are written without recording anything, so they contain no technique, condition, score or limitation words.

Position forms: side-lying/sidelying/SL/"L SL w/ pillows"/left side-lying -> side_lying; semi-reclined/
semi-reclining/semi-recl. -> semi_reclined; seated/seated in (massage) chair -> seated; supine w/ wedge (under R
hip) -> supine_with_wedge; prone on/with a pregnancy cushion, bolster cushion or bodyCushion -> prone_with_cushion.
Plain "prone" and "supine" (postpartum notes) and positions that are ruled out ("no supine, no prone") record
nothing. Checked boxes record their position; unchecked ones record nothing.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from gravida.blind_notes import words
from gravida.blind_notes.clinical import SIDEABLE, condition_name
from gravida.blind_notes.dates import edd_for, ga_text, written
from gravida.blind_notes.draft import Draft
from gravida.blind_notes.people import Clinician, Patient, referrer
from gravida.blind_notes.services import Service, say
from gravida.synthetic_notes.labels import Side

T = TypeVar("T")
SIDES: tuple[Side, ...] = ("right", "left", "bilateral")


@dataclass
class Visit:
    """The note being written: its random source, its label so far, the patient and the visit date."""

    rng: random.Random
    draft: Draft
    patient: Patient
    dos: date

    def choice(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p


def dos(v: Visit, kinds: tuple[str, ...] | None = None) -> str:
    """The visit date, recorded as the date of service."""
    v.draft.date_of_service = v.dos
    return written(v.rng, v.dos) if kinds is None else written(v.rng, v.dos, kinds)


def other_date(v: Visit, days_before: int) -> date:
    return v.dos - timedelta(days=days_before)


def pregnancy(v: Visit, weeks: int, days: int | None, lower: bool = False) -> str:
    """A gestational age, recorded as written (weeks only when `days` is None)."""
    v.draft.ga(weeks, days)
    return ga_text(v.rng, weeks, days, lower)


def due_date(v: Visit, weeks: int, days: int) -> str:
    """The EDD that agrees with the gestational age on the visit date."""
    edd = edd_for(v.dos, weeks, days)
    v.draft.edd = edd
    return written(v.rng, edd, ("us", "us_short", "long", "iso"))


def random_ga(v: Visit, low: int = 16, high: int = 39) -> tuple[int, int]:
    return v.rng.randint(low, high), v.rng.randrange(7)


def signature(v: Visit, who: Clinician, kind: str, with_npi: bool | None = None) -> str:
    """A signature line, recorded as the therapist: "/s/", "Electronically signed by", "Signed:", or a blank line
    ("blank": unsigned, so no credential or NPI is written)."""
    if kind == "blank":
        v.draft.sign(None, False, None)
        return v.choice(("Therapist signature: ______________________", "Signature: ____________  Date: ______",
                         "Provider signature: _______________ (not signed)"))
    npi = who.npi if (v.chance(0.6) if with_npi is None else with_npi) else None
    v.draft.sign(who.credential, True, npi)
    tail = f"  NPI {npi}" if npi and v.chance(0.5) else f"  NPI: {npi}" if npi else ""
    if kind == "slash":
        return f"/s/ {who.signature}{tail}"
    if kind == "esign":
        stamp = written(v.rng, v.dos, ("us", "us_short"))
        hour = v.rng.randint(12, 19)
        return f"Electronically signed by {who.signature} on {stamp} at {hour}:{v.rng.randrange(60):02d}{tail}"
    return f"Signed: {who.signature}{tail}"


def referral(v: Visit, with_date: bool = True, prose: bool = False, kind: str = "line") -> str:
    """A referral with the prescriber's credential (and its date), recorded as the referral. `kind` "field" gives
    the value of a "Referring Provider:" field, with the date as a field of its own."""
    who = referrer(v.rng)
    when = other_date(v, v.rng.randint(5, 40)) if with_date else None
    v.draft.refer(who.credential, when)
    name = f"Dr. {who.name}, {who.written}" if who.credential in ("MD", "DO") else who.signature
    stamp = written(v.rng, when, ("us", "us_short", "long", "iso")) if when else ""
    if prose:
        return f"She was referred by {name}" + (f" on {stamp}" if stamp else "")
    if kind == "field":
        return name + (f"      Referral Date: {stamp}" if stamp else "")
    if stamp:
        return v.choice((f"Referred by {name} on {stamp}", f"Referral: {name}, dated {stamp}",
                         f"Rx from {name} ({stamp})"))
    return v.choice((f"Referred by {name}", f"Referral: {name}"))


FINDING_FORMS = ("TTP {p}", "hypertonicity {p}", "↑ tone {p}", "restricted fascial mobility {p}",
                 "tenderness {p}", "guarding {p}", "ropy tissue {p}")


def finding(v: Visit, abbreviated: bool = True) -> str:
    """A palpation finding; records nothing (findings are neither techniques nor conditions)."""
    region = v.choice(("cervical", "thoracic", "lumbar", "hip", "pelvic", "shoulder"))
    side: Side | None = v.rng.choice(("right", "left", "bilateral", None))
    return v.choice(FINDING_FORMS).format(p=words.places(v.rng, [region], side, abbreviated))


FILLER = (
    "Pt arrived on time.",
    "Intake form reviewed, no changes since last visit.",
    "Pt brought her own pillows.",
    "Room temp adjusted per pt request.",
    "Draping maintained throughout.",
    "Discussed hydration and rest.",
    "Consent on file.",
    "Pt's partner waited in the lobby.",
    "Pt has a baby shower this weekend.",
    "Linens changed, table sanitized.",
    "Pt asked about birth prep classes; info given.",
    "Music and lighting per pt preference.",
)


PRENATAL_ONLY = {"Pt has a baby shower this weekend.", "Pt asked about birth prep classes; info given."}


def filler(v: Visit, count: int = 1) -> str:
    """Everyday sentences with no facts in them (none about pregnancy after delivery)."""
    pool = [f for f in FILLER if v.draft.postpartum_weeks is None or f not in PRENATAL_ONLY]
    return " ".join(v.rng.sample(pool, count))


EXERCISES = ("bridges x15", "clamshells 2x10", "bird dog 2x10", "cat-cow x10", "wall push-ups x12", "dead bug 2x8",
             "quadruped rocking x10", "mini squats 2x10", "pallof press 2x10")
DETAILS: dict[str, tuple[str, ...]] = {
    "neuromuscular_reeducation": ("diaphragmatic breathing with deep core activation, tactile cues",
                                  "balance training on foam with cues for breath", "motor control drills"),
    "postural_stabilization": ("quadruped holds, tall kneeling holds", "stabilization drills with ball"),
    "therapeutic_activities": ("transfer training and floor recovery",
                               "simulated childcare tasks (crib, changing table)"),
    "pelvic_floor_exercise": ("quick flicks x10, 5-sec holds x10, coordinated with breath",
                              "long holds 3x10 with full relaxation"),
    "body_mechanics_education": ("hip hinge and neutral spine", "hip hinge with exhale, neutral spine for childcare"),
    "self_care_training": ("energy conservation strategies", "joint protection and pacing strategies"),
}


def detail(v: Visit, service: Service) -> str:
    """What an exercise-type service consisted of; carries no region, side, technique or limitation words."""
    if service.technique == "therapeutic_exercise":
        return ", ".join(v.rng.sample(EXERCISES, v.rng.randint(2, 4)))
    options = DETAILS.get(service.technique)
    return v.choice(options) if options else ""


def treatment_lines(v: Visit, services: list[Service], abbreviated: bool, bullet: str = "- ",
                    details: bool = True) -> list[str]:
    """One line per service, each recorded; exercise-type services may get a colon and what was done."""
    lines: list[str] = []
    for service in services:
        text = say(v.rng, v.draft, service, abbreviated)
        extra = detail(v, service) if details else ""
        lines.append(f"{bullet}{text}" + (f": {extra}" if extra else ""))
    return lines


POSITION_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "side_lying": (("side-lying", "side-lying with pillows between the knees", "left side-lying"),
                   ("SL", "side-lying", "L SL w/ pillows", "sidelying")),
    "semi_reclined": (("semi-reclined", "semi-reclining", "semi-reclined at about 45 degrees"),
                      ("semi-reclined", "semi-recl.", "semi-reclined 45°")),
    "seated": (("seated", "seated in the massage chair"), ("seated", "seated in chair")),
    "supine_with_wedge": (("supine with a wedge under the right hip", "supine with wedge"),
                          ("supine w/ wedge", "supine w/ wedge under R hip")),
    "prone_with_cushion": (("prone on a pregnancy cushion", "prone with body cushion"),
                           ("prone w/ pregnancy cushion", "prone on bodyCushion")),
}


def position(v: Visit, concept: str, abbreviated: bool = True) -> str:
    """A treatment position, recorded as positioning."""
    v.draft.position(concept)
    prose, short = POSITION_FORMS[concept]
    return v.choice(short if abbreviated else prose)


def positions(v: Visit, pool: tuple[str, ...], low: int = 1, high: int = 2, abbreviated: bool = True) -> list[str]:
    chosen = v.rng.sample(pool, v.rng.randint(low, min(high, len(pool))))
    return [position(v, c, abbreviated) for c in chosen]


PRENATAL_COMPLAINTS = ("low_back_pain", "pelvic_girdle_pain", "thoracic_pain", "neck_pain", "sciatica",
                       "symphysis_pubis_dysfunction", "round_ligament_pain", "gestational_edema", "carpal_tunnel",
                       "coccyx_pain")
POSTPARTUM_COMPLAINTS = ("low_back_pain", "neck_pain", "thoracic_pain", "carpal_tunnel", "coccyx_pain",
                         "pelvic_girdle_pain", "anxiety")


def unused(v: Visit, pool: tuple[str, ...]) -> tuple[str, ...]:
    """The conditions of `pool` this note has not written yet."""
    taken = {c.concept for c in v.draft.conditions}
    return tuple(c for c in pool if c not in taken)


def unused_precautions(v: Visit, pool: tuple[str, ...]) -> tuple[str, ...]:
    taken = {p.precaution for p in v.draft.precautions}
    return tuple(p for p in pool if p not in taken)


def complaint_names(v: Visit, pool: tuple[str, ...], count: int, abbreviated: bool) -> list[str]:
    """`count` affirmed complaints written by name (the caller writes the cue, e.g. "c/o" or "Dx:"). At most one
    gets a side, written before it; it is put last in the list and its side spelled out ("R-sided", "bilateral")
    when there are several, so the side cannot be read as belonging to the whole list."""
    chosen = v.rng.sample(unused(v, pool), count)
    sideable = [concept for concept in chosen if concept in SIDEABLE]
    sided = v.choice(sideable) if sideable and v.chance(0.4) else None
    if sided is not None:
        chosen = [concept for concept in chosen if concept != sided] + [sided]
    names: list[str] = []
    for concept in chosen:
        side: Side | None = None
        if concept == sided:
            side = "bilateral" if concept == "gestational_edema" else v.choice(SIDES)
        names.append(condition_name(v.rng, v.draft, concept, "affirmed", side, abbreviated, long_side=count > 1))
    return names


def and_join(parts: list[str], word: str = "and") -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def cap(text: str) -> str:
    """First letter upper-cased, the rest untouched (str.capitalize would lower "NPRS" and "LBP")."""
    return text[:1].upper() + text[1:]


TYPOS = {" received": " recieved", " definitely": " definately", " until ": " untill ", " which ": " wich ",
         " their ": " thier ", " because ": " becuase ", " comfortable": " comfortible", " appointment": " apointment",
         " pillows": " pilows", " weekend": " weekened", " a lot ": " alot ", " with the ": " with teh ",
         " really ": " realy ", " noticed ": " noticd "}


def typos(v: Visit, text: str, count: int = 3) -> str:
    """Misspell a few everyday words the way hurried notes do; never a clinical word, number or id form."""
    present = [w for w in TYPOS if w in text]
    for wrong in v.rng.sample(present, min(count, len(present))):
        text = text.replace(wrong, TYPOS[wrong], 1)
    return text
