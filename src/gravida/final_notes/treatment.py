"""Choosing what was done today: which techniques a given discipline performs for a case, where, and for how long.

Why it is separate from the wording: what a therapist does (an LMT does not bill joint mobilization, a chiropractor
adjusts) is a clinical choice, made once per note; the styles then write the chosen `Spec`s in their own layouts
through `Draft.technique`, which is where each one is recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from gravida.final_notes.clinical import Case
from gravida.final_notes.draft import Draft
from gravida.synthetic_notes.labels import Side

MASSAGE_PRIMARY = ("prenatal_massage", "prenatal_massage", "prenatal_massage", "swedish_massage",
                   "therapeutic_massage", "massage")

BY_ROLE: dict[str, frozenset[str]] = {
    "LMT": frozenset({"effleurage", "petrissage", "tapotement", "myofascial_release", "trigger_point_release",
                      "manual_lymphatic_drainage", "stretching", "hot_pack", "cold_pack"}),
    "PT": frozenset({"soft_tissue_mobilization", "myofascial_release", "manual_therapy", "joint_mobilization",
                     "trigger_point_release", "instrument_assisted_soft_tissue_mobilization", "therapeutic_exercise",
                     "stretching", "pelvic_floor_exercise", "neuromuscular_reeducation", "postural_stabilization",
                     "therapeutic_activities", "body_mechanics_education", "self_care_training", "hot_pack",
                     "cold_pack", "manual_lymphatic_drainage", "tens", "ultrasound"}),
    "PTA": frozenset({"soft_tissue_mobilization", "myofascial_release", "therapeutic_exercise", "stretching",
                      "neuromuscular_reeducation", "postural_stabilization", "therapeutic_activities",
                      "body_mechanics_education", "hot_pack", "cold_pack"}),
    "OT": frozenset({"soft_tissue_mobilization", "manual_lymphatic_drainage", "therapeutic_exercise",
                     "self_care_training", "therapeutic_activities", "cold_pack"}),
    "DC": frozenset({"trigger_point_release", "myofascial_release", "instrument_assisted_soft_tissue_mobilization",
                     "stretching", "therapeutic_exercise", "hot_pack", "cold_pack", "unattended_electrical_stimulation",
                     "joint_mobilization"}),
}

#: What each discipline falls back on when the case's own adjuncts are used up.
FILLERS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "LMT": (("effleurage", ("lower_extremity",)), ("tapotement", ("thoracic",)), ("petrissage", ("shoulder",)),
            ("stretching", ("cervical",))),
    "PT": (("manual_therapy", ("lumbar",)), ("therapeutic_exercise", ()), ("body_mechanics_education", ()),
           ("neuromuscular_reeducation", ())),
    "PTA": (("therapeutic_exercise", ()), ("postural_stabilization", ()), ("therapeutic_activities", ())),
    "OT": (("therapeutic_exercise", ()), ("self_care_training", ()), ("therapeutic_activities", ())),
    "DC": (("stretching", ("cervical",)), ("hot_pack", ("thoracic",)),
           ("unattended_electrical_stimulation", ("thoracic",))),
}

#: Regions on the midline, which take no side.
MIDLINE = frozenset({"sacral", "abdomen"})

#: Untimed services (supervised modalities, manipulation) do not count toward timed minutes.
UNTIMED = frozenset({"hot_pack", "cold_pack", "unattended_electrical_stimulation", "tens", "spinal_manipulation",
                     "chiropractic_adjustment"})


@dataclass(frozen=True)
class Spec:
    """One technique chosen for today, before it is written."""

    technique: str
    regions: tuple[str, ...] = ()
    side: Side | None = None
    minutes: int | None = None


def choose(
    d: Draft,
    case: Case,
    role: str,
    *,
    adjuncts: int,
    side: Side | None,
    minutes_p: float,
    primary: str | None = None,
    primary_regions: int = 2,
) -> list[Spec]:
    """The techniques for today: an optional primary (massage) and `adjuncts` others fitting `role` and `case`."""
    specs: list[Spec] = []
    if primary is not None:
        regions = tuple(d.rng.sample(case.areas, min(len(case.areas), d.rng.randint(0, primary_regions))))
        minutes = d.pick([30, 45, 50, 55, 60, 60, 75]) if d.chance(minutes_p) else None
        specs.append(Spec(primary, regions, None, minutes))
    allowed = BY_ROLE[role]
    pool = [t for t in case.techniques if t[0] in allowed] + [t for t in FILLERS[role] if t[0] in allowed]
    seen = {s.technique for s in specs}
    for technique, regions in pool:
        if len(specs) >= adjuncts + (primary is not None):
            break
        if technique in seen or d.chance(0.25):
            continue
        seen.add(technique)
        kept = regions if d.chance(0.85) else ()
        sided = side if kept and not set(kept) & MIDLINE and d.chance(0.85) else None
        minutes = typical_minutes(d, technique) if d.chance(minutes_p) else None
        specs.append(Spec(technique, kept, sided, minutes))
    return specs


def typical_minutes(d: Draft, technique: str) -> int:
    """A believable number of minutes for one technique (modalities 10-15, ultrasound under 10)."""
    if technique in {"hot_pack", "cold_pack", "unattended_electrical_stimulation", "tens"}:
        return d.pick([10, 12, 15])
    if technique == "ultrasound":
        return d.pick([6, 8, 10])
    return d.pick([8, 10, 12, 15, 15, 20, 23, 25])


def with_minutes(specs: Sequence[Spec], d: Draft) -> list[Spec]:
    """The same specs, every one with minutes (for notes whose totals must add up)."""
    return [s if s.minutes is not None else replace(s, minutes=typical_minutes(d, s.technique)) for s in specs]


def timed_total(specs: Sequence[Spec]) -> int:
    return sum(s.minutes or 0 for s in specs if s.technique not in UNTIMED)


def all_total(specs: Sequence[Spec]) -> int:
    return sum(s.minutes or 0 for s in specs)
