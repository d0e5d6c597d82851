"""Treatments given today: what was done (`Service`), and the words that write one while recording it.

Why one place: techniques carry the most label detail (minutes, regions, side), and every style writes them; the
helpers here are the only code that writes a technique, so the rule "record it where its words are chosen" holds
for all nine styles. Minutes are written either as a number ("x15 min") or as a clock span ("1:05-1:20 pm"), and
in both cases the label holds the minutes the words state.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from gravida.blind_notes import words
from gravida.blind_notes.dates import clock, meridiem
from gravida.blind_notes.draft import Draft
from gravida.blind_notes.vocab import TIMED
from gravida.blind_notes.words import JOINT_FORMS
from gravida.synthetic_notes.labels import Side


@dataclass(frozen=True)
class Service:
    """One technique performed today; `minutes` None means no time is written for it."""

    technique: str
    minutes: int | None = None
    regions: tuple[str, ...] = ()
    side: Side | None = None


@dataclass
class Clock:
    """Consecutive clock spans through a session: each `span(n)` writes n minutes and moves on."""

    now: int
    kind: str = "12h"
    spans: list[str] = field(default_factory=list)

    def span(self, rng: random.Random, n: int) -> str:
        start, end = self.now, self.now + n
        self.now = end + rng.choice((0, 0, 1, 2))
        a, b = clock(start, self.kind), clock(end, self.kind)
        if self.kind == "military":
            return rng.choice((f"{a}-{b}", f"{a}–{b}", f"from {a} to {b}"))
        if self.kind == "24h":
            return f"{a}–{b}"
        if self.kind == "short":
            return f"{a}-{b}"
        return rng.choice((f"{a}-{b} {meridiem(end)}", f"from {a} to {b}", f"{a}-{b}{meridiem(end)}"))


def session_clock(rng: random.Random) -> Clock:
    return Clock(rng.randrange(8 * 60, 17 * 60, 5) + rng.choice((0, 0, 3, 7)),
                 rng.choice(("12h", "12h", "military", "24h", "short")))


def record(draft: Draft, service: Service) -> None:
    draft.technique(service.technique, service.minutes, service.regions, service.side)


def say(rng: random.Random, draft: Draft, service: Service, abbreviated: bool, span: Clock | None = None,
        verb: bool = False) -> str:
    """One clause for one service: "STM R QL x10'", "soft tissue mobilization to the right gluteals for 10 minutes",
    or with a clock span "MFR B UT 1:05-1:15 pm". `verb` starts prose with "Performed"/"Provided"."""
    record(draft, service)
    name = words.technique_name(rng, service.technique, abbreviated)
    where = words.places(rng, list(service.regions), service.side, abbreviated, service.technique) if (
        service.regions) else ""
    if service.minutes is None:
        time = ""
    elif span is not None:
        time = span.span(rng, service.minutes)
    else:
        time = words.minutes(rng, service.minutes, abbreviated)
    if abbreviated:
        roll = rng.random()
        parts = [name, where, time] if roll < 0.5 or not where else [name, "to", where, time] if roll < 0.85 else [
            name, time, "to", where]
        text = " ".join(p for p in parts if p)
    else:
        link = rng.choice(("to the", "to", "to the")) if where else ""
        text = " ".join(p for p in (name, link, where, time) if p)
        if verb:
            text = f"{rng.choice(('Performed', 'Provided', 'Completed'))} {text}"
    return text.replace(" ,", ",")


def say_at(rng: random.Random, draft: Draft, service: Service, place: str) -> str:
    """An abbreviated clause whose place words the caller wrote (e.g. "C-section scar" for the abdomen region)."""
    record(draft, service)
    name = words.technique_name(rng, service.technique, True)
    time = words.minutes(rng, service.minutes, True) if service.minutes is not None else ""
    return " ".join(p for p in (name, time, "to", place) if p)


def cells(rng: random.Random, draft: Draft, service: Service, split_side: bool) -> tuple[str, str, str, str]:
    """One service as table cells (name, places, side, minutes), recorded. With `split_side` the side has its own
    column and applies to every place in the row; otherwise it is written inside the places cell."""
    record(draft, service)
    name = words.technique_name(rng, service.technique, True)
    regions = list(service.regions)
    side_cell = "-"
    if split_side and service.side is not None:
        where = words.join([words.region_form(rng, r, service.side != "bilateral", service.technique)
                            for r in regions], rng, False)
        side_cell = {"right": "R", "left": "L", "bilateral": "B"}[service.side]
    elif regions:
        where = words.places(rng, regions, service.side, True, service.technique)
    else:
        where = "-"
    return name, where, side_cell, "-" if service.minutes is None else str(service.minutes)


def timed_total(services: list[Service]) -> int:
    """Minutes of the timed (per-15-minute) services that have minutes written."""
    return sum(s.minutes or 0 for s in services if s.technique in TIMED)


def all_minutes(services: list[Service]) -> int:
    return sum(s.minutes or 0 for s in services)


# --- what clinicians of each kind typically do in one prenatal or postpartum visit --------------------------------

def _pick(rng: random.Random, pool: tuple[str, ...], low: int, high: int) -> tuple[str, ...]:
    return tuple(rng.sample(pool, rng.randint(low, min(high, len(pool)))))


MASSAGE_PLACES = ("cervical", "thoracic", "lumbar", "hip", "shoulder", "lower_extremity", "sacral")
STROKE_PLACES = (*MASSAGE_PLACES, "ankle_foot", "head", "upper_extremity")


def massage_visit(rng: random.Random, main: str, postpartum: bool = False) -> list[Service]:
    """An LMT visit: one massage with its length, maybe strokes named, maybe one focused technique."""
    length = rng.choice((30, 45, 50, 55, 60, 60, 75))
    places = _pick(rng, MASSAGE_PLACES + (("abdomen", "chest") if postpartum else ()), 0, 3)
    side: Side | None = "bilateral" if places and rng.random() < 0.25 else None
    services: list[Service] = []
    extra_pool = ["myofascial_release", "trigger_point_release", "soft_tissue_mobilization", "stretching",
                  "hot_pack", "manual_lymphatic_drainage"]
    extra = rng.choice(extra_pool) if rng.random() < 0.7 else None
    services.append(Service(main, length, places, side))
    for stroke in _pick(rng, ("effleurage", "petrissage", "tapotement"), 0, 2):
        spot = (rng.choice(STROKE_PLACES),) if rng.random() < 0.5 else ()
        services.append(Service(stroke, None, spot, None))
    if extra == "manual_lymphatic_drainage":
        services.append(Service(extra, rng.choice((10, 12, 15)), ("lower_extremity", "ankle_foot"), "bilateral"))
    elif extra == "hot_pack":
        services.append(Service(extra, rng.choice((8, 10)), (rng.choice(("cervical", "shoulder", "thoracic")),),
                                None))
    elif extra == "stretching":
        services.append(Service(extra, rng.choice((5, 8, 10)), ("hip",), rng.choice(("right", "left", "bilateral"))))
    elif extra is not None:
        region = rng.choice(("hip", "lumbar", "cervical", "thoracic", "pelvic"))
        side2: Side | None = rng.choice(("right", "left", None, "bilateral"))
        services.append(Service(extra, rng.randint(8, 15) if rng.random() < 0.7 else None, (region,), side2))
    return services


PT_POOL = ("soft_tissue_mobilization", "myofascial_release", "joint_mobilization", "manual_therapy",
           "instrument_assisted_soft_tissue_mobilization", "therapeutic_exercise", "neuromuscular_reeducation",
           "postural_stabilization", "therapeutic_activities", "body_mechanics_education", "pelvic_floor_exercise",
           "stretching", "self_care_training")
MANUAL = {"soft_tissue_mobilization", "myofascial_release", "joint_mobilization", "manual_therapy",
          "instrument_assisted_soft_tissue_mobilization", "trigger_point_release", "stretching"}
PT_PLACES = ("lumbar", "pelvic", "hip", "thoracic", "sacral", "cervical")


def pt_visit(rng: random.Random, count: tuple[int, int] = (2, 4), pool: tuple[str, ...] = PT_POOL,
             modality: bool = True, places: tuple[str, ...] = PT_PLACES) -> list[Service]:
    """A PT/PTA visit: a few timed services (manual ones with a place), maybe one modality at the end."""
    services: list[Service] = []
    for technique in _pick(rng, pool, *count):
        minutes = rng.choice((8, 10, 12, 13, 15, 15, 18, 20, 23, 25))
        if technique in MANUAL:
            pool_here = tuple(p for p in places if p in JOINT_FORMS) if technique == "joint_mobilization" else places
            regions = _pick(rng, pool_here, 1, 2)
            side: Side | None = rng.choice(("right", "left", "bilateral", None, None))
            if side == "bilateral" and set(regions) <= {"lumbar", "sacral", "thoracic"} and rng.random() < 0.5:
                side = None
        else:
            regions, side = (), None
        services.append(Service(technique, minutes, regions, side))
    if modality and rng.random() < 0.5:
        pack = rng.choice(("hot_pack", "cold_pack"))
        services.append(Service(pack, rng.choice((10, 10, 15)), (rng.choice(("lumbar", "cervical", "pelvic")),),
                                None))
    return services
