"""The chiropractic visit: segment listings, CMT codes by region count, Activator/Webster/Diversified, adjuncts.

Why: chiropractors list segments (C5, T6, L5, SI) instead of muscles, bill adjustments by the number of spinal
regions, and add soft-tissue work and modalities; the regions must be read from the segment names.
"""

from __future__ import annotations

from gravida.heldout_notes.draft import Draft, Scale
from gravida.heldout_notes.styles.common import Done, complaints_for, do, gestation_weeks
from gravida.heldout_notes.wording import LIMITATION_NAMES, MEASURE_RANGES
from gravida.synthetic_notes.labels import Side

_CHIRO_COMPLAINTS: tuple[tuple[str, tuple[Side, ...]], ...] = (
    ("low_back_pain", ()),
    ("pelvic_girdle_pain", ("left", "right")),
    ("sciatica", ("left", "right")),
    ("neck_pain", ()),
    ("muscle_spasm", ("left", "right")),
    ("symphysis_pubis_dysfunction", ()),
)
_ADJUNCTS = (
    "instrument_assisted_soft_tissue_mobilization",
    "trigger_point_release",
    "unattended_electrical_stimulation",
    "cold_pack",
    "hot_pack",
    "stretching",
    "therapeutic_exercise",
)


def _adjustment(d: Draft) -> Done:
    kind = d.pick(("cmt", "cmt", "activator", "webster", "hvla"))
    if kind == "cmt":
        regions = d.sample(("cervical", "thoracic", "lumbar", "sacral", "pelvic"), d.pick((1, 2, 3, 4)))
        code = "98940" if len(regions) <= 2 else "98941"
        name = d.pick((f"CMT {code}", f"CMT ({code}, {len(regions)} regions)", f"Diversified adj ({code})"))
        text = d.technique("chiropractic_adjustment", regions=regions, where=d.segment_text(regions), name=name)
        return Done(text, "chiropractic_adjustment", None)
    if kind == "activator":
        side: Side = d.pick(("left", "right"))
        text = d.technique("chiropractic_adjustment", regions=["pelvic"], side=side, name="Activator adj")
        return Done(text, "chiropractic_adjustment", None)
    if kind == "webster":
        text = d.technique(
            "chiropractic_adjustment",
            regions=["sacral"],
            where="sacrum",
            name=d.pick(("Webster technique adjustment", "Webster technique adj")),
        )
        return Done(text, "chiropractic_adjustment", None)
    start = d.rng.randrange(3, 8)
    text = d.technique("spinal_manipulation", regions=["thoracic"], where=f"T{start}-T{start + 2}")
    return Done(text, "spinal_manipulation", None)


def chiropractic(d: Draft) -> str:
    lines: list[str] = []
    if d.chance(0.9):
        lines.append(d.date_of_service(("DOS: ", "Date: ", "")))
    complaints = complaints_for(d, d.pick((1, 2)), _CHIRO_COMPLAINTS, side_chance=0.6)
    cc = f"CC: {d.complaints(complaints)}"
    if d.chance(0.75):
        scale: Scale = "vas" if d.chance(0.7) else "unspecified"
        cc += ", " + d.pain(d.rng.randrange(3, 9), scale)
    lines.append(cc + ".")
    weeks, days = gestation_weeks(d, 14, 38)
    s = [f"S: {d.gestation(weeks, days)} pregnant."]
    if d.chance(0.6):
        s.append(d.limitations(d.sample(tuple(LIMITATION_NAMES), d.pick((1, 2)))))
    if d.chance(0.5):
        measure = d.pick(("oswestry", "roland_morris", "ndi"))
        low, high = MEASURE_RANGES[measure]
        s.append(d.measure(measure, d.rng.randrange(low, high + 1)) + ".")
    if d.chance(0.4):
        s.append(
            d.denial(
                [x for x in ("sciatica", "vaginal_bleeding", "neck_pain") if x not in {c for c, _ in complaints}][:2]
            )
        )
    lines.append(" ".join(s))
    lines.append(
        "O: "
        + d.pick(
            (
                "Seg dysfunction/hypomobility noted on motion palpation.",
                "Fixations noted on static and motion palpation.",
                "Functional short leg noted on leg check.",
            )
        )
    )
    if d.chance(0.6):
        lines.append(f"Pt {d.positions([d.pick(('prone_with_cushion', 'side_lying'))])} on pregnancy table.")
    done = [_adjustment(d)]
    for technique in d.sample(_ADJUNCTS, d.pick((0, 1, 2))):
        done.append(do(d, technique, minutes=d.pick((None, 8, 10, 15)), side_chance=0.5, most=1))
    lines.append("Tx: " + "; ".join(x.text for x in done) + ".")
    a = ["A:"]
    if d.chance(0.7):
        a.append(d.response())
    else:
        a.append("Subluxation complex improving.")
    lines.append(" ".join(a))
    if d.chance(0.7):
        lines.append(
            f"P: {d.plan(d.pick((1, 2, 3)), d.pick((None, 4, 6)))}"
            + d.pick(("", ", re-exam in 30 days", ", HEP pelvic tilts"))
            + "."
        )
    if d.chance(0.3):
        lines.append(d.goal(d.chance(0.5)))
    lines.append(d.signature("DC"))
    return "\n".join(lines) + "\n"
