"""Field-by-field comparison of extracted `NoteFacts` with a note's label: precision, recall and the misses.

Each field turns a note's expected facts and the extracted facts into a multiset of comparable items (a technique
id; a technique and its minutes; a concept and its status), so one scoring rule serves every field: per note, the
items both sides hold are true positives, the extractor's extra items false positives, the label's unmatched items
false negatives; the corpus totals are summed over notes (micro-averaged).

Two conventions, both stated where they apply: a gestational age labelled in weeks alone ("28w") matches the
extractor's "28w0d" (the encounter format needs days, and the extractor writes 0 for "not stated"); `side` items
exist only where a side is written, so a missing side shows in that field and not in `regions`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from gravida.domain.note import NoteFacts
from gravida.synthetic_notes.labels import Expected, NoteLabel

Items = Counter[Hashable]


def _items(values: Iterable[Hashable]) -> Items:
    return Counter(values)


def _ga(value: str | None) -> Items:
    if value is None:
        return Counter()
    return Counter([value if value.endswith("d") else f"{value}0d"])


def _label_sides(e: Expected) -> Items:
    return _items((t.technique, r, t.side) for t in e.techniques if t.side for r in t.regions)


def _got_sides(f: NoteFacts) -> Items:
    return _items(
        {(t.technique, r.region, r.side) for t in f.techniques for r in t.regions if r.side}
    )


def _therapist_got(f: NoteFacts) -> Items:
    t = f.therapist
    return Counter() if t is None else Counter([(t.credential, t.signed, t.npi)])


def _therapist_expected(e: Expected) -> Items:
    t = e.therapist
    return Counter() if t is None else Counter([(t.credential, t.signed, t.npi)])


def _totals_expected(e: Expected) -> Items:
    pairs = [("treatment", e.total_treatment_minutes), ("timed", e.total_timed_minutes)]
    return _items((kind, n) for kind, n in pairs if n is not None)


def _totals_got(f: NoteFacts) -> Items:
    pairs = [("treatment", f.total_treatment_minutes), ("timed", f.total_timed_minutes)]
    return _items((kind, int(n.value)) for kind, n in pairs if n is not None)


def _flag(value: bool) -> Items:
    return Counter([True]) if value else Counter()


#: Field -> (items from the label, items from the extracted facts). Order is the table's order.
FIELDS: dict[str, tuple[Callable[[Expected], Items], Callable[[NoteFacts], Items]]] = {
    "techniques": (
        lambda e: _items(t.technique for t in e.techniques),
        lambda f: _items(t.technique for t in f.techniques),
    ),
    "minutes": (
        lambda e: _items((t.technique, t.minutes) for t in e.techniques if t.minutes is not None),
        lambda f: _items((t.technique, t.minutes) for t in f.techniques if t.minutes is not None),
    ),
    "gestational_age": (lambda e: _ga(e.gestational_age), lambda f: _ga(f.pregnancy.gestational_age)),
    "conditions+status": (
        lambda e: _items((c.concept, c.status) for c in e.conditions),
        lambda f: _items((c.concept, c.status) for c in f.conditions),
    ),
    "referral": (
        lambda e: Counter() if e.referral is None else Counter([e.referral.credential]),
        lambda f: Counter() if f.referral is None else Counter([f.referral.credential]),
    ),
    "referral_date": (
        lambda e: Counter() if e.referral is None or e.referral.date is None else Counter([e.referral.date]),
        lambda f: Counter() if f.referral is None or f.referral.date is None else Counter([f.referral.date]),
    ),
    "regions": (
        lambda e: _items({(t.technique, r) for t in e.techniques for r in t.regions}),
        lambda f: _items({(t.technique, r.region) for t in f.techniques for r in t.regions}),
    ),
    "sides": (_label_sides, _got_sides),
    "condition_sides": (
        lambda e: _items((c.concept, c.side) for c in e.conditions if c.side),
        lambda f: _items((c.concept, c.side) for c in f.conditions if c.side),
    ),
    "precautions+status": (
        lambda e: _items((p.precaution, p.status) for p in e.precautions),
        lambda f: _items((p.concept, p.status) for p in f.precautions),
    ),
    "high_risk": (lambda e: _flag(e.high_risk), lambda f: _flag(f.pregnancy.high_risk)),
    "edd": (
        lambda e: Counter() if e.edd is None else Counter([e.edd]),
        lambda f: Counter() if f.pregnancy.edd is None else Counter([f.pregnancy.edd]),
    ),
    "postpartum_weeks": (
        lambda e: Counter() if e.postpartum_weeks is None else Counter([e.postpartum_weeks]),
        lambda f: Counter() if f.pregnancy.postpartum_weeks is None else Counter([f.pregnancy.postpartum_weeks]),
    ),
    "pain": (
        lambda e: _items((p.score, p.scale, p.when) for p in e.pain),
        lambda f: _items((p.score, p.scale, p.when) for p in f.pain),
    ),
    "limitations": (
        lambda e: _items(e.functional_limitations),
        lambda f: _items(t.value for t in f.functional_limitations),
    ),
    "measures": (
        lambda e: _items((m.measure, m.score) for m in e.outcome_measures),
        lambda f: _items((m.name, m.value) for m in f.outcome_measures),
    ),
    "positioning": (lambda e: _items(e.positioning), lambda f: _items(p.concept for p in f.positions)),
    "plan": (
        lambda e: Counter() if e.plan_of_care is None else Counter(
            [(e.plan_of_care.frequency_per_week, e.plan_of_care.duration_weeks)]),
        lambda f: Counter() if f.plan_of_care is None else Counter(
            [(f.plan_of_care.frequency_per_week, f.plan_of_care.duration_weeks)]),
    ),
    "goals": (
        lambda e: _items(g.measurable for g in e.goals),
        lambda f: _items(bool(g.measurable) for g in f.goals),
    ),
    "therapist": (_therapist_expected, _therapist_got),
    "totals": (_totals_expected, _totals_got),
    "date_of_service": (
        lambda e: Counter() if e.date_of_service is None else Counter([e.date_of_service]),
        lambda f: Counter() if f.date_of_service is None else Counter([f.date_of_service]),
    ),
    "responded": (lambda e: _flag(e.responded), lambda f: _flag(f.documents_response)),
    "billable": (lambda e: _flag(e.billable), lambda f: _flag(f.billable)),
}

#: The fields the issue sets a 0.95 precision and recall goal for.
KEY_FIELDS = ("techniques", "minutes", "gestational_age", "conditions+status", "referral")


@dataclass(frozen=True)
class Miss:
    """One note's disagreement on one field: what the label has that the facts lack, and the reverse."""

    note_id: str
    field: str
    missing: tuple[Hashable, ...]
    extra: tuple[Hashable, ...]


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    fields: dict[str, FieldScore] = field(default_factory=lambda: {name: FieldScore() for name in FIELDS})
    misses: list[Miss] = field(default_factory=list)


def score(pairs: Iterable[tuple[NoteLabel, NoteFacts]]) -> Scores:
    """Precision and recall per field over labelled notes and what was extracted from each."""
    scores = Scores()
    for label, facts in pairs:
        for name, (expected_of, got_of) in FIELDS.items():
            expected, got = expected_of(label.expected), got_of(facts)
            both = expected & got
            missing, extra = expected - got, got - expected
            s = scores.fields[name]
            s.tp += sum(both.values())
            s.fn += sum(missing.values())
            s.fp += sum(extra.values())
            if missing or extra:
                scores.misses.append(
                    Miss(label.id, name, tuple(missing.elements()), tuple(extra.elements()))
                )
    return scores
