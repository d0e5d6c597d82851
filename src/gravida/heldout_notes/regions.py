"""How a held-out note names a body region, and which region id each name is labelled with.

Why a table with explicit decisions: several anatomical names sit between two region ids, and the label must say
one thing. The choices below are the clinically usual ones; a reviewer who disagrees can change one row here and
regenerate the corpus.

Mapping decisions (name as written -> region id):

- upper trapezius / "UT" / "upper trap", levator scapulae, suboccipitals, cervical paraspinals, neck -> cervical.
  The upper trapezius spans neck and shoulder girdle; manual-therapy notes treat it as neck musculature (it is the
  usual site of "neck pain"), so it is cervical, never shoulder.
- rhomboids, thoracic paraspinals, mid back, upper back -> thoracic.
- quadratus lumborum / "QL", lumbar paraspinals, low back -> lumbar.
- sacrum, sacral region, and the segment "S1" (chiropractic listings) -> sacral.
- sacroiliac joint / "SIJ" / "SI joint" / "SI", pubic symphysis -> pelvic. CPT's chiropractic region list names
  "pelvic (sacro-iliac joint)" as its own region, distinct from sacral, and pregnancy-related pelvic girdle pain is
  SIJ and symphysis pain.
- gluteals / "glutes" / "glute med", piriformis, TFL, lateral hip, hip -> hip (the gluteal muscles move the hip).
- abdomen, abdominal wall, Cesarean-section scar (a low transverse incision on the lower abdomen) -> abdomen.
- shoulder, posterior shoulder, rotator cuff -> shoulder.
- arm, forearm, forearm flexors, "UE" -> upper_extremity (forearm work for carpal tunnel is upper_extremity, not
  wrist_hand; only the wrist, hand and palm are wrist_hand).
- leg, calf, hamstrings, quads, thigh, "LE" -> lower_extremity.
- foot, ankle, plantar fascia -> ankle_foot.
- scalp, face, TMJ/jaw -> head.
- pectorals / "pecs", anterior chest -> chest.
- vertebral segments in chiropractic listings: C1-C7 -> cervical, T1-T12 -> thoracic, L1-L5 -> lumbar.

Words that name no single region ("back", "full body", "posterior chain") are never written as a treated area with a
region label: "full body" is written with no region at all, and a bare "back" is not used.

Side words are written before the region they qualify: L/left, R/right, B/bilat/B/L/bilateral. A technique with a
side and several regions repeats the side before each region, so the label's one `side` is true of every region.
"""

from __future__ import annotations

from typing import NamedTuple


class RegionName(NamedTuple):
    """One way to write a region: for one side, for both sides (or unsided), and whether a side word fits."""

    single: str
    plural: str
    sideable: bool


def _n(single: str, plural: str | None = None, sideable: bool = True) -> RegionName:
    return RegionName(single, plural or single, sideable)


#: region id -> (abbreviated-register names, full-register names).
REGION_NAMES: dict[str, tuple[tuple[RegionName, ...], tuple[RegionName, ...]]] = {
    "cervical": (
        (
            _n("UT"),
            _n("upper trap", "upper traps"),
            _n("cervical paraspinals"),
            _n("suboccipitals", sideable=False),
            _n("levator scap"),
        ),
        (
            _n("upper trapezius"),
            _n("cervical paraspinals"),
            _n("neck", sideable=False),
            _n("suboccipital muscles", sideable=False),
            _n("levator scapulae"),
        ),
    ),
    "thoracic": (
        (_n("rhomboid", "rhomboids"), _n("thoracic paraspinals"), _n("mid back", sideable=False)),
        (
            _n("rhomboid", "rhomboids"),
            _n("thoracic paraspinals"),
            _n("mid back", sideable=False),
            _n("upper back", sideable=False),
        ),
    ),
    "lumbar": (
        (_n("QL"), _n("lumbar paraspinals"), _n("low back", sideable=False)),
        (_n("quadratus lumborum"), _n("lumbar paraspinals"), _n("low back", sideable=False)),
    ),
    "sacral": (
        (_n("sacrum", sideable=False),),
        (_n("sacrum", sideable=False), _n("sacral region", sideable=False)),
    ),
    "pelvic": (
        (_n("SIJ"), _n("SI jt", "SI jts")),
        (
            _n("sacroiliac joint", "sacroiliac joints"),
            _n("SI joint", "SI joints"),
            _n("pubic symphysis", sideable=False),
        ),
    ),
    "hip": (
        (_n("glute", "glutes"), _n("piriformis"), _n("glute med"), _n("TFL"), _n("hip", "hips")),
        (_n("gluteals"), _n("piriformis"), _n("lateral hip", "lateral hips"), _n("hip", "hips")),
    ),
    "abdomen": (
        (_n("abdomen", sideable=False),),
        (_n("abdomen", sideable=False), _n("abdominal wall", sideable=False)),
    ),
    "shoulder": (
        (_n("shoulder", "shoulders"), _n("post shoulder", "post shoulders"), _n("RTC")),
        (_n("shoulder", "shoulders"), _n("posterior shoulder", "posterior shoulders"), _n("rotator cuff")),
    ),
    "upper_extremity": (
        (_n("UE"), _n("forearm", "forearms"), _n("forearm flexors")),
        (
            _n("arm", "arms"),
            _n("forearm", "forearms"),
            _n("forearm flexors"),
            _n("upper extremity", "upper extremities"),
        ),
    ),
    "wrist_hand": (
        (_n("wrist", "wrists"), _n("hand", "hands"), _n("wrist/hand", "wrists/hands")),
        (_n("wrist", "wrists"), _n("wrist and hand", "wrists and hands"), _n("palm", "palms")),
    ),
    "lower_extremity": (
        (_n("LE"), _n("calf", "calves"), _n("quad", "quads")),
        (
            _n("leg", "legs"),
            _n("calf", "calves"),
            _n("lower extremity", "lower extremities"),
            _n("hamstring", "hamstrings"),
            _n("thigh", "thighs"),
        ),
    ),
    "ankle_foot": (
        (_n("foot", "feet"), _n("ankle", "ankles")),
        (_n("foot", "feet"), _n("ankle", "ankles"), _n("plantar fascia")),
    ),
    "head": (
        (_n("scalp", sideable=False), _n("TMJ")),
        (_n("scalp", sideable=False), _n("face and scalp", sideable=False), _n("jaw", sideable=False)),
    ),
    "chest": (
        (_n("pec", "pecs"), _n("ant chest", sideable=False)),
        (_n("pectoralis", "pectorals"), _n("anterior chest", sideable=False)),
    ),
}

#: Joint techniques (mobilization, manipulation) name the joint or spine level, not the muscles.
JOINT_NAMES: dict[str, tuple[tuple[RegionName, ...], tuple[RegionName, ...]]] = {
    "cervical": ((_n("C/S", sideable=False), _n("C4-C6", sideable=False)), (_n("cervical spine", sideable=False),)),
    "thoracic": ((_n("T/S", sideable=False), _n("T4-T7", sideable=False)), (_n("thoracic spine", sideable=False),)),
    "lumbar": ((_n("L/S", sideable=False), _n("L4-L5", sideable=False)), (_n("lumbar spine", sideable=False),)),
    "pelvic": (
        (_n("SIJ"), _n("SI jt", "SI jts")),
        (_n("sacroiliac joint", "sacroiliac joints"), _n("SI joint", "SI joints")),
    ),
}

#: Chiropractic segment listings: region id -> the segments a DC writes for it.
SEGMENTS: dict[str, tuple[str, ...]] = {
    "cervical": ("C1", "C2", "C5", "C6"),
    "thoracic": ("T4", "T5", "T6", "T8"),
    "lumbar": ("L4", "L5", "L3"),
    "sacral": ("S1", "sacrum"),
    "pelvic": ("SI", "SIJ"),
}

#: Side words by register: (abbreviated, full).
SIDE_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "left": (("L", "L", "lt"), ("left",)),
    "right": (("R", "R", "rt"), ("right",)),
    "bilateral": (("B", "bilat", "B/L"), ("bilateral",)),
}
