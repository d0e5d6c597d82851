"""Pieces several styles share: choosing what was treated, where, for how long, and who has which complaint.

Why here: the styles differ in layout and register, not in clinical plausibility. Keeping the "what would this
therapist plausibly do" choices in one place means an LMT never bills joint mobilization and a chiropractor's
adjustment never gets a wrist region, whatever the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gravida.heldout_notes.draft import Draft
from gravida.heldout_notes.regions import JOINT_NAMES, REGION_NAMES
from gravida.heldout_notes.wording import TECHNIQUE_DETAILS, TECHNIQUE_NAMES, UNTIMED
from gravida.synthetic_notes.labels import Side

#: Where each technique is plausibly applied, by kind of practice.
AREAS: dict[str, tuple[str, ...]] = {
    "myofascial_release": ("cervical", "thoracic", "lumbar", "hip", "chest", "shoulder"),
    "trigger_point_release": ("cervical", "hip", "lumbar", "shoulder"),
    "effleurage": ("lower_extremity", "upper_extremity", "thoracic"),
    "petrissage": ("cervical", "hip", "lower_extremity", "lumbar"),
    "tapotement": ("thoracic", "lower_extremity"),
    "manual_lymphatic_drainage": ("lower_extremity", "ankle_foot", "wrist_hand", "upper_extremity"),
    "stretching": ("cervical", "hip", "lower_extremity", "chest"),
    "soft_tissue_mobilization": ("lumbar", "hip", "cervical", "thoracic", "upper_extremity"),
    "joint_mobilization": ("pelvic", "lumbar", "thoracic"),
    "instrument_assisted_soft_tissue_mobilization": ("lower_extremity", "lumbar", "upper_extremity", "hip"),
    "manual_therapy": ("lumbar", "pelvic", "cervical", "hip"),
    "hot_pack": ("cervical", "thoracic", "shoulder"),
    "cold_pack": ("sacral", "wrist_hand", "pelvic"),
    "unattended_electrical_stimulation": ("lumbar", "cervical", "thoracic"),
    "tens": ("lumbar", "sacral", "thoracic"),
    "ultrasound": ("wrist_hand", "shoulder", "hip"),
    "swedish_massage": ("thoracic", "lumbar", "lower_extremity", "shoulder", "cervical"),
    "therapeutic_massage": ("cervical", "thoracic", "lumbar", "shoulder"),
    "massage": ("lower_extremity", "ankle_foot", "cervical", "head"),
    "prenatal_massage": ("lumbar", "hip", "lower_extremity", "cervical", "shoulder", "ankle_foot", "head"),
}

MASSAGE_ADDONS = (
    "myofascial_release",
    "trigger_point_release",
    "effleurage",
    "petrissage",
    "tapotement",
    "manual_lymphatic_drainage",
    "stretching",
    "soft_tissue_mobilization",
    "hot_pack",
    "cold_pack",
)
PT_ACTIVE = (
    "therapeutic_exercise",
    "neuromuscular_reeducation",
    "therapeutic_activities",
    "postural_stabilization",
    "pelvic_floor_exercise",
    "body_mechanics_education",
    "self_care_training",
)
PT_MANUAL = (
    "soft_tissue_mobilization",
    "myofascial_release",
    "joint_mobilization",
    "trigger_point_release",
    "instrument_assisted_soft_tissue_mobilization",
    "manual_therapy",
    "manual_lymphatic_drainage",
    "stretching",
)
PT_MODALITIES = ("hot_pack", "cold_pack", "unattended_electrical_stimulation", "tens")

#: Complaints a pregnant patient brings, with the sides a note may write for them.
PRENATAL_COMPLAINTS: tuple[tuple[str, tuple[Side, ...]], ...] = (
    ("low_back_pain", ()),
    ("pelvic_girdle_pain", ("left", "right")),
    ("symphysis_pubis_dysfunction", ()),
    ("sciatica", ("left", "right")),
    ("carpal_tunnel", ("left", "right", "bilateral")),
    ("gestational_edema", ("bilateral",)),
    ("neck_pain", ()),
    ("coccyx_pain", ()),
    ("round_ligament_pain", ("left", "right")),
    ("muscle_spasm", ("left", "right")),
    ("anxiety", ()),
)


@dataclass(frozen=True)
class Done:
    """A technique line as written, with what it adds to the note's totals."""

    text: str
    technique: str
    minutes: int | None

    @property
    def timed(self) -> bool:
        return self.technique not in UNTIMED


def can_side(d: Draft, region: str, technique: str = "") -> bool:
    joints = technique in ("joint_mobilization", "spinal_manipulation")
    abbr, full = (JOINT_NAMES if joints else REGION_NAMES)[region]
    return any(n.sideable for n in (abbr if d.register == "abbr" else full))


def area(d: Draft, technique: str, *, most: int = 2, side_chance: float = 0.5) -> tuple[list[str], Side | None]:
    """One or two plausible regions for `technique`, with a side when every region takes one."""
    pool = AREAS[technique]
    count = 1 if most == 1 or d.chance(0.6) else min(most, len(pool))
    regions = d.sample(pool, count)
    side: Side | None = None
    if d.chance(side_chance) and all(can_side(d, r, technique) for r in regions):
        side = d.pick(("left", "right", "bilateral", "bilateral"))
    return regions, side


def do(
    d: Draft,
    technique: str,
    *,
    minutes: int | None,
    clock_chance: float = 0.15,
    code_chance: float = 0.0,
    detail_chance: float = 0.5,
    regions: Sequence[str] | None = None,
    side: Side | None = None,
    most: int = 2,
    side_chance: float = 0.5,
) -> Done:
    """Write one performed technique with plausible regions (or the given ones)."""
    if regions is None:
        if technique in AREAS:
            chosen, side = area(d, technique, most=most, side_chance=side_chance)
        else:
            chosen, side = [], None
    else:
        chosen = list(regions)
    detail = None
    if technique in TECHNIQUE_DETAILS and d.chance(detail_chance):
        detail = d.pick(TECHNIQUE_DETAILS[technique])
    text = d.technique(
        technique,
        minutes=minutes,
        regions=chosen,
        side=side,
        clock=minutes is not None and d.chance(clock_chance),
        code=d.chance(code_chance),
        detail=detail,
    )
    return Done(text, technique, minutes)


def primary_massage(d: Draft, technique: str, minutes: int | None, *, clock_chance: float = 0.1) -> Done:
    """The main massage of a session: full body, or focused on a few areas (never sided)."""
    if d.chance(0.35):
        name = d.pick(("full-body", "full body")) + " " + d.pick(_names(d, technique))
        text = d.technique(technique, minutes=minutes, name=name, clock=minutes is not None and d.chance(clock_chance))
        return Done(text, technique, minutes)
    focus = [r for r in AREAS[technique] if r not in ("head", "ankle_foot", "chest")]
    regions = d.sample(focus, d.pick((1, 2, 3)))
    return do(d, technique, minutes=minutes, regions=regions, clock_chance=clock_chance)


def _names(d: Draft, technique: str) -> tuple[str, ...]:
    return d.forms(TECHNIQUE_NAMES[technique])


def cap(text: str) -> str:
    """Capitalise the first letter only ("h/o CTS" -> "H/o CTS"; str.capitalize would lower "CTS")."""
    return text[:1].upper() + text[1:]


def complaints_for(
    d: Draft, count: int, pool: Sequence[tuple[str, tuple[Side, ...]]] = PRENATAL_COMPLAINTS, side_chance: float = 0.5
) -> list[tuple[str, Side | None]]:
    """`count` distinct complaints, some with a side."""
    chosen = d.sample(pool, count)
    out: list[tuple[str, Side | None]] = []
    for concept, sides in chosen:
        side = d.pick(sides) if sides and d.chance(side_chance) else None
        out.append((concept, side))
    return out


def minutes_sum(done: Sequence[Done], timed_only: bool = False) -> int | None:
    """The sum of the stated minutes, or None when some line has none (a therapist would not total it)."""
    items = [x for x in done if x.timed] if timed_only else list(done)
    if not items or any(x.minutes is None for x in items):
        return None
    return sum(x.minutes or 0 for x in items)


def gestation_weeks(d: Draft, low: int = 14, high: int = 39) -> tuple[int, int | None]:
    return d.rng.randrange(low, high + 1), (d.rng.randrange(7) if d.chance(0.6) else None)
