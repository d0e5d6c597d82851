"""`Draft`: writes one note's facts and records each in the label at the moment its words are chosen.

Why this shape: the label must be the generator's own record, never a reading of the text. Every method here picks
the words for exactly one fact (or one list of facts sharing a cue, such as "Denies X, Y or Z"), appends the fact
to the label and returns the words; the style puts the words into the note. `finish` then checks that every
returned fragment really is in the final text, so a fragment a style forgot to use cannot leave a false label.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, time, timedelta
from typing import Literal, TypeVar

from gravida.heldout_notes.npi import make_npi
from gravida.heldout_notes.regions import JOINT_NAMES, REGION_NAMES, SEGMENTS, SIDE_WORDS
from gravida.heldout_notes.wording import (
    CONDITION_NAMES,
    FAMILY_CUES,
    FILLER,
    FIRST_NAMES,
    GOAL_LEADS,
    HISTORY_CUES,
    HYPOTHETICAL_CUES,
    LAST_NAMES,
    LIMITATION_LEADS,
    LIMITATION_NAMES,
    MEASURABLE_GOALS,
    MEASURE_FORMS,
    MONTHS,
    NEGATION_CUES,
    NEGATION_LIST_CUES,
    NON_MEASURABLE_GOALS,
    NUMBER_WORDS,
    POSITION_NAMES,
    PRECAUTION_NAMES,
    RESPONSES,
    SIDED_CONDITION_FORMS,
    TECHNIQUE_CODES,
    TECHNIQUE_NAMES,
    Forms,
)
from gravida.synthetic_notes.labels import (
    ConditionLabel,
    Credential,
    Expected,
    GoalLabel,
    MeasureLabel,
    NoteLabel,
    PainLabel,
    PlanLabel,
    PrecautionLabel,
    ReferralLabel,
    Side,
    Status,
    Style,
    TechniqueLabel,
    TherapistLabel,
)

Register = Literal["abbr", "full"]
Scale = Literal["nprs", "vas", "unspecified"]
When = Literal["before", "after", "unspecified"]
T = TypeVar("T")

_FIRST_DAY = date(2023, 1, 9)
#: Signs and feelings (not diagnoses): never written after "rule out".
_SIGNS = frozenset({"vaginal_bleeding", "gestational_edema", "anxiety", "muscle_spasm"})
_DAYS_SPAN = 900


class Draft:
    """One note in the making: a seeded random source, a register (abbreviated or full words) and the label."""

    def __init__(self, rng: random.Random, register: Register, index: int = 1) -> None:
        self.rng = rng
        self.register: Register = register
        #: The note's position in its style (from 1), for styles that rotate through layouts.
        self.index = index
        #: The visit day; a style writes it or not (then the label's date_of_service stays None).
        self.day = _FIRST_DAY + timedelta(days=rng.randrange(_DAYS_SPAN))
        self._fragments: list[str] = []
        self._dos: date | None = None
        self._techniques: list[TechniqueLabel] = []
        self._total_treatment: int | None = None
        self._total_timed: int | None = None
        self._positions: list[str] = []
        self._ga: str | None = None
        self._edd: date | None = None
        self._postpartum: int | None = None
        self._high_risk = False
        self._conditions: list[ConditionLabel] = []
        self._precautions: list[PrecautionLabel] = []
        self._pain: list[PainLabel] = []
        self._limitations: list[str] = []
        self._measures: list[MeasureLabel] = []
        self._referral: ReferralLabel | None = None
        self._plan: PlanLabel | None = None
        self._goals: list[GoalLabel] = []
        self._therapist: TherapistLabel | None = None
        self._responded = False

    # -- randomness -------------------------------------------------------------------------------------------

    def pick(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def sample(self, options: Sequence[T], count: int) -> list[T]:
        return self.rng.sample(list(options), count)

    def unused(self, pool: Sequence[str], count: int) -> list[str]:
        """Up to `count` condition or precaution ids from `pool` the note has not named yet (in any status), so a
        note never both denies and affirms, or denies and "rules out", the same thing."""
        named = {c.concept for c in self._conditions} | {p.precaution for p in self._precautions}
        free = [item for item in pool if item not in named]
        return self.sample(free, min(count, len(free)))

    def forms(self, table: Forms) -> tuple[str, ...]:
        return table[0] if self.register == "abbr" else table[1]

    def person(self) -> str:
        """An invented name, as "First Last" or "F. Last"."""
        first, last = self.pick(FIRST_NAMES), self.pick(LAST_NAMES)
        return f"{first[0]}. {last}" if self.chance(0.3) else f"{first} {last}"

    def filler(self) -> str:
        """A sentence that states no fact."""
        return self.pick(self.forms(FILLER))

    def _keep(self, text: str) -> str:
        self._fragments.append(text)
        return text

    # -- dates ------------------------------------------------------------------------------------------------

    def date_text(self, day: date) -> str:
        """A date as US clinics write it (month first); no fact is recorded."""
        return self.pick(
            (
                f"{day.month:02d}/{day.day:02d}/{day.year}",
                f"{day.month}/{day.day}/{day.year % 100:02d}",
                f"{day.month}/{day.day}/{day.year}",
                day.isoformat(),
                f"{MONTHS[day.month]} {day.day}, {day.year}",
                f"{day.day:02d}-{MONTHS[day.month][:3]}-{day.year}",
            )
        )

    def date_of_service(self, leads: Sequence[str] = ("DOS: ", "Date: ", "Visit date: ", "Date of service: ")) -> str:
        self._dos = self.day
        return self._keep(self.pick(leads) + self.date_text(self.day))

    def gestation(self, weeks: int, days: int | None) -> str:
        """A gestational age; `days` None writes weeks alone."""
        options: tuple[str, ...]
        if days is None:
            self._ga = f"{weeks}w"
            options = (
                (f"{weeks} wks", f"{weeks}wk", f"{weeks} weeks")
                if self.register == "abbr"
                else (f"{weeks} weeks", f"{weeks} weeks pregnant", f"{weeks} weeks' gestation")
            )
        else:
            self._ga = f"{weeks}w{days}d"
            unit = "day" if days == 1 else "days"
            options = (
                (
                    f"{weeks}w{days}d",
                    f"{weeks}+{days} wks",
                    f"{weeks} {days}/7 wks",
                    f"{weeks}w {days}d",
                    f"{weeks} wks {days} {unit}",
                )
                if self.register == "abbr"
                else (f"{weeks} weeks {days} {unit}", f"{weeks} weeks and {days} {unit}", f"{weeks} {days}/7 weeks")
            )
        return self._keep(self.pick(options))

    def gestation_and_edd(self, weeks: int, days: int | None) -> tuple[str, date]:
        """The gestational age on the visit day and the due date it implies (40w0d), both recorded by the caller."""
        due = self.day + timedelta(days=280 - weeks * 7 - (days or self.rng.randrange(7)))
        return self.gestation(weeks, days), due

    def edd(self, due: date, leads: Sequence[str] = ("EDD ", "EDD: ", "EDC ", "due ")) -> str:
        self._edd = due
        return self._keep(self.pick(leads) + self.date_text(due))

    def postpartum(self, weeks: int) -> str:
        self._postpartum = weeks
        options = (
            (f"{weeks} wks postpartum", f"{weeks} wks PP", f"{weeks}wk postpartum", f"{weeks} weeks PP")
            if (self.register == "abbr")
            else (f"{weeks} weeks postpartum", f"{weeks} weeks post-partum")
        )
        return self._keep(self.pick(options))

    # -- techniques -------------------------------------------------------------------------------------------

    def side_word(self, side: Side) -> str:
        abbr, full = SIDE_WORDS[side]
        return self.pick(abbr if self.register == "abbr" else full)

    def region_text(self, regions: Sequence[str], side: Side | None, joints: bool = False) -> str:
        """Names for `regions`, each preceded by the side word when there is a side; `joints` names spine
        levels and joints (for mobilization and manipulation) instead of muscles."""
        parts: list[str] = []
        for region in regions:
            abbr, full = (JOINT_NAMES if joints else REGION_NAMES)[region]
            names = [n for n in (abbr if self.register == "abbr" else full) if side is None or n.sideable]
            name = self.pick(names)
            if side is None:
                parts.append(name.plural)
            else:
                parts.append(f"{self.side_word(side)} {name.plural if side == 'bilateral' else name.single}")
        if self.register == "full":
            return _join(parts, " and ")
        return _join(parts, self.pick((" and ", ", ", " & ")) if len(parts) == 2 else " and ")

    def segment_text(self, regions: Sequence[str]) -> str:
        """Chiropractic segment listing ("C5, T6, L5"), one segment per region id; no side."""
        return ", ".join(self.pick(SEGMENTS[r]) for r in regions)

    def minutes_text(self, minutes: int) -> str:
        if self.register == "abbr":
            options = [
                f"x{minutes} min",
                f"{minutes}'",
                f"x{minutes}'",
                f"({minutes} mins)",
                f"{minutes} min",
                f"x {minutes} min",
            ]
        else:
            options = [f"for {minutes} minutes", f"({minutes} min)", f"x {minutes} minutes", f"{minutes} minutes"]
            if minutes in NUMBER_WORDS:
                options.append(f"for {NUMBER_WORDS[minutes]} minutes")
        return self.pick(options)

    def clock_text(self, minutes: int) -> str:
        """A clock range lasting `minutes`, in one of the forms clinics use (12-hour with am/pm, or 24-hour)."""
        if self.chance(0.5):
            start = time(self.rng.randrange(13, 17), self.pick((0, 5, 10, 15, 20, 30, 35, 40, 45)))
        else:
            start = time(self.rng.randrange(8, 11), self.pick((0, 5, 10, 15, 30, 35, 45)))
        begin = start.hour * 60 + start.minute
        end = begin + minutes
        h1, m1, h2, m2 = begin // 60, begin % 60, end // 60, end % 60
        if self.chance(0.4):
            return self.pick((f"{h1:02d}{m1:02d}-{h2:02d}{m2:02d}", f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}"))
        half = "pm" if h1 >= 12 else "am"
        t1, t2 = f"{(h1 - 1) % 12 + 1}:{m1:02d}", f"{(h2 - 1) % 12 + 1}:{m2:02d}"
        return self.pick((f"{t1}-{t2} {half}", f"{t1}-{t2}{half}", f"{t1} {half}-{t2} {half}"))

    def technique(
        self,
        technique: str,
        *,
        minutes: int | None = None,
        regions: Sequence[str] = (),
        side: Side | None = None,
        where: str | None = None,
        clock: bool = False,
        code: bool = False,
        detail: str | None = None,
        name: str | None = None,
        template: str | None = None,
    ) -> str:
        """One performed technique as a line of treatment: its name, area, time (minutes or a clock range).

        `where` overrides the area words (e.g. "full body" with no regions, or a segment listing); the regions
        labelled are always `regions`. `template` lays the line out as a form or table row, with the fields
        {name}, {code}, {area}, {minutes} (minutes as words) and {n} (the bare number).
        """
        if any(t.technique == technique for t in self._techniques):
            raise ValueError(f"{technique} written twice in one note")
        if side is not None and not regions:
            raise ValueError("a side needs a region")
        label_name = name or self.pick(self.forms(TECHNIQUE_NAMES[technique]))
        if code and technique in TECHNIQUE_CODES:
            label_name = f"{label_name} ({TECHNIQUE_CODES[technique]})"
        joints = technique in ("joint_mobilization", "spinal_manipulation")
        area = where if where is not None else (self.region_text(regions, side, joints) if regions else "")
        if self.register == "abbr":
            prep = self.pick(("to ", "to ", "to ", "at ", ""))
        else:
            prep = "to " if where is not None else self.pick(("to the ", "to the ", "on the ", "to "))
        area_part = f" {prep}{area}" if area else ""
        if template is not None:
            if minutes is None and ("{n}" in template or "{minutes}" in template):
                raise ValueError("a template with minutes needs minutes")
            text = template.format(
                name=label_name if name else _cap(label_name),
                code=TECHNIQUE_CODES.get(technique, ""),
                area=area,
                minutes="" if minutes is None else (self.clock_text(minutes) if clock else self.minutes_text(minutes)),
                n="" if minutes is None else minutes,
            )
        elif minutes is None:
            text = f"{label_name}{area_part}"
        elif clock:
            span = self.clock_text(minutes)
            text = self.pick(
                (
                    f"{span} {label_name}{area_part}",
                    f"{label_name}{area_part} ({span})",
                    f"{label_name}{area_part} {span}",
                )
            )
        else:
            roll = self.rng.random()
            if roll < 0.5:
                text = f"{label_name}{area_part} {self.minutes_text(minutes)}"
            elif roll < 0.7:
                text = f"{label_name} {self.minutes_text(minutes)}{area_part}"
            elif roll < 0.85:
                text = (
                    f"{minutes}-min {label_name}{area_part}"
                    if self.register == "abbr"
                    else (f"{minutes}-minute {label_name}{area_part}")
                )
            else:
                text = (
                    f"{minutes} min {label_name}{area_part}"
                    if self.register == "abbr"
                    else (f"{label_name}{area_part}, {minutes} min")
                )
        if detail:
            text = (
                f"{text} {detail}"
                if detail.startswith("for ")
                else self.pick((f"{text}: {detail}", f"{text} ({detail})"))
            )
        self._techniques.append(
            TechniqueLabel(technique=technique, minutes=minutes, regions=list(dict.fromkeys(regions)), side=side)
        )
        return self._keep(text)

    def techniques_done(self) -> list[TechniqueLabel]:
        return list(self._techniques)

    def total_treatment(
        self,
        minutes: int,
        leads: Sequence[str] = (
            "Total tx time: {n} min",
            "Total treatment time {n} min",
            "Total time: {n} min",
            "Tx time {n} min",
        ),
    ) -> str:
        self._total_treatment = minutes
        return self._keep(self.pick(leads).format(n=minutes))

    def total_timed(
        self,
        minutes: int,
        leads: Sequence[str] = (
            "Total timed: {n} min",
            "Timed code min: {n}",
            "Total timed minutes {n}",
            "Timed tx {n} min",
        ),
    ) -> str:
        self._total_timed = minutes
        return self._keep(self.pick(leads).format(n=minutes))

    # -- conditions and precautions ---------------------------------------------------------------------------

    def _condition_noun(self, concept: str, side: Side | None) -> str:
        if side is None:
            abbr, full = CONDITION_NAMES[concept]
            return self.pick(abbr if self.register == "abbr" else full)
        form = self.pick(SIDED_CONDITION_FORMS[concept])
        sided = {"left": "left-sided", "right": "right-sided", "bilateral": "bilateral"}[side]
        return form.format(s=self.side_word(side), sd=sided)

    def _cue(self, status: Status, noun: str, item: str = "") -> str:
        """`noun` inside its status cue; "rule out" is kept for diagnoses a clinician rules out, not for a sign
        such as bleeding or swelling."""
        table = {
            "negated": NEGATION_CUES,
            "historical": HISTORY_CUES,
            "hypothetical": HYPOTHETICAL_CUES,
            "family": FAMILY_CUES,
        }
        if status == "affirmed":
            return noun
        options = self.forms(table[status])
        if status == "hypothetical" and item in _SIGNS:
            options = tuple(o for o in options if "r/o" not in o and "rule out" not in o)
        return self.pick(options).format(x=noun)

    def condition(self, concept: str, status: Status = "affirmed", side: Side | None = None) -> str:
        """A condition with its status cue ("h/o CTS"); affirmed returns the bare noun for the style to frame."""
        if concept not in CONDITION_NAMES:
            raise KeyError(concept)
        self._conditions.append(ConditionLabel(concept=concept, side=side, status=status))
        return self._keep(self._cue(status, self._condition_noun(concept, side), concept))

    def complaints(self, items: Sequence[tuple[str, Side | None]]) -> str:
        """Affirmed complaints as one phrase, coordinating shared heads: "neck and low back pain"."""
        nouns = [self._condition_noun(c, s) for c, s in items]
        for concept, side in items:
            self._conditions.append(ConditionLabel(concept=concept, side=side, status="affirmed"))
        if len(nouns) == 2 and all(n.endswith(" pain") for n in nouns) and self.chance(0.7):
            text = f"{nouns[0][: -len(' pain')]} and {nouns[1]}"
        else:
            text = _join(nouns, " & " if self.register == "abbr" and len(nouns) == 2 else " and ")
        return self._keep(text)

    def precaution(self, precaution: str, status: Status = "affirmed") -> str:
        self._precautions.append(PrecautionLabel(precaution=precaution, status=status))
        if precaution == "high_risk_pregnancy" and status == "affirmed":
            self._high_risk = True
        noun = self.pick(self.forms(PRECAUTION_NAMES[precaution]))
        return self._keep(self._cue(status, noun, precaution))

    def _noun_any(self, item: str) -> str:
        if item in PRECAUTION_NAMES:
            return self.pick(self.forms(PRECAUTION_NAMES[item]))
        return self._condition_noun(item, None)

    def _record_any(self, item: str, status: Status) -> None:
        if item in PRECAUTION_NAMES:
            if item == "high_risk_pregnancy" and status == "affirmed":
                self._high_risk = True
            self._precautions.append(PrecautionLabel(precaution=item, status=status))
        elif item in CONDITION_NAMES:
            self._conditions.append(ConditionLabel(concept=item, side=None, status=status))
        else:
            raise KeyError(item)

    def has_precaution(self, precaution: str) -> bool:
        """Whether the note already names `precaution` (any status), so a style can keep treatment plausible."""
        return any(p.precaution == precaution for p in self._precautions)

    def mention(self, item: str, status: Status) -> str:
        """One condition or precaution (without a side) with its status cue."""
        self._record_any(item, status)
        return self._keep(self._cue(status, self._noun_any(item), item))

    def denial(self, items: Sequence[str], extra: Sequence[str] = ()) -> str:
        """One negation over a list of conditions and precautions, as a sentence ("Denies VB, LOF or LE edema.").

        `extra` are screening words that name no labelled concept (LOF, ctx, headache), mixed into the list.
        """
        if not items:
            raise ValueError("a denial needs at least one item")
        for item in items:
            self._record_any(item, "negated")
        nouns = [self._noun_any(i) for i in items] + list(extra)
        self.rng.shuffle(nouns)
        return self._keep(self.pick(self.forms(NEGATION_LIST_CUES)).format(x=_join(nouns, " or ")))

    def history(self, items: Sequence[str]) -> str:
        """One history cue over a list ("h/o CTS and PTL")."""
        if not items:
            raise ValueError("a history needs at least one item")
        for item in items:
            self._record_any(item, "historical")
        nouns = [self._noun_any(i) for i in items]
        return self._keep(self.pick(self.forms(HISTORY_CUES)).format(x=_join(nouns, " and ")))

    # -- pain, function, measures -----------------------------------------------------------------------------

    def _scale_word(self, scale: Scale) -> str:
        if scale == "nprs":
            return self.pick(("NPRS", "NPRS", "NRS"))
        if scale == "vas":
            return "VAS"
        return self.pick(("pain", "Pain")) if self.register == "abbr" else "pain"

    def _when_word(self, when: When) -> str:
        if when == "before":
            return self.pick(
                ("pre-tx", "pre", "before tx")
                if self.register == "abbr"
                else ("before treatment", "at the start of the session")
            )
        if when == "after":
            return self.pick(
                ("post-tx", "post", "after tx")
                if self.register == "abbr"
                else ("after treatment", "at the end of the session")
            )
        return ""

    def pain(
        self, score: float, scale: Scale = "unspecified", when: When = "unspecified", template: str | None = None
    ) -> str:
        """A pain score; a style's own `template` ({v} is "6/10") must itself say the scale and timing given."""
        self._pain.append(PainLabel(score=score, scale=scale, when=when))
        value = f"{_num(score)}/10"
        if template is not None:
            return self._keep(template.format(v=value))
        scale_word, when_word = self._scale_word(scale), self._when_word(when)
        if when == "unspecified":
            options = [f"{scale_word} {value}"]
            if scale == "unspecified":
                options += [f"{value} pain", f"rates pain {value}"]
            else:
                options.append(f"{value} ({scale_word})")
        else:
            options = [f"{scale_word} {when_word} {value}", f"{scale_word} {value} {when_word}"]
        return self._keep(self.pick(options))

    def pain_pair(self, before: float, after: float, scale: Scale = "unspecified", template: str | None = None) -> str:
        """Pre- and post-treatment scores in one phrase; a scale named once applies to both."""
        self._pain.append(PainLabel(score=before, scale=scale, when="before"))
        self._pain.append(PainLabel(score=after, scale=scale, when="after"))
        b, a = f"{_num(before)}/10", f"{_num(after)}/10"
        if template is not None:
            return self._keep(template.format(b=b, a=a))
        word = self._scale_word(scale)
        options: tuple[str, ...]
        if self.register == "abbr":
            options = (f"{word} pre {b} → post {a}", f"{word} {b} pre-tx, {a} post-tx", f"{word}: pre {b}, post {a}")
        else:
            options = (
                f"{word} {b} before treatment and {a} after",
                f"{word} {b} at the start, {a} at the end of the session",
            )
        return self._keep(self.pick(options))

    def limitations(self, items: Sequence[str], lead: str | None = None) -> str:
        """Activities the patient is limited in, after a lead ("Difficulty w/ {x}.") that says they are limited."""
        for item in items:
            self._limitations.append(item)
        phrases = [self.pick(self.forms(LIMITATION_NAMES[i])).format(n=self.pick((10, 15, 20, 30))) for i in items]
        lead = lead or self.pick(self.forms(LIMITATION_LEADS))
        return self._keep(lead.format(x=_join(phrases, ", " if len(phrases) > 2 else " and ")))

    def measure(self, measure: str, score: float) -> str:
        self._measures.append(MeasureLabel(measure=measure, score=score))
        return self._keep(self.pick(MEASURE_FORMS[measure]).format(v=_num(score)))

    def screen(self, item: str, present: bool, labels: tuple[str, str] = ("Yes", "No"), noun: str | None = None) -> str:
        """A screening checkbox row ("Vaginal bleeding: [ ] Yes [x] No"): checked No is a negation."""
        self._record_any(item, "affirmed" if present else "negated")
        noun = noun or self._noun_any(item)
        yes, no = labels
        boxes = f"[x] {yes} [ ] {no}" if present else f"[ ] {yes} [x] {no}"
        return self._keep(f"{_cap(noun)}: {boxes}")

    def position_checklist(self, checked: Sequence[str], names: dict[str, str]) -> str:
        """A positioning checkbox row; only checked boxes are positions used."""
        for item in checked:
            self._positions.append(item)
        return self._keep("  ".join(f"[{'x' if k in checked else ' '}] {v}" for k, v in names.items()))

    def positions(self, items: Sequence[str]) -> str:
        for item in items:
            self._positions.append(item)
        phrases = [self.pick(self.forms(POSITION_NAMES[i])) for i in items]
        return self._keep(_join(phrases, " then " if self.chance(0.5) else " and "))

    # -- referral, plan, goals, signature, response ------------------------------------------------------------

    def referral(self, credential: Credential | None, day: date | None, template: str | None = None) -> str:
        """Who referred and when; `template` has {who} and {when} (the date, or "" when `day` is None)."""
        name = self.person()
        self._referral = ReferralLabel(credential=credential, date=day)
        who = f"{name}, {credential}" if credential else f"her OB, Dr. {name.split()[-1]}"
        if template is not None:
            if day is not None and "{when}" not in template:
                raise ValueError("a referral date needs {when} in the template")
            text = template.format(who=who, when="" if day is None else self.date_text(day)).rstrip()
        elif day is None:
            text = self.pick((f"Referred by {who}.", f"Referral: {who}.", f"Ref: {who}"))
        else:
            when = self.date_text(day)
            text = self.pick(
                (
                    f"Referred by {who} on {when}.",
                    f"Ref: {who} ({when})",
                    f"Referral: {who}, dated {when}.",
                    f"Rx from {who}, {when}.",
                )
            )
        return self._keep(text)

    def plan(self, per_week: int, weeks: int | None) -> str:
        self._plan = PlanLabel(frequency_per_week=per_week, duration_weeks=weeks)
        if self.register == "abbr":
            freq = self.pick((f"{per_week}x/wk", f"{per_week}x/week", f"{per_week}x wk"))
            dur = "" if weeks is None else self.pick((f" x {weeks} wks", f" x{weeks}wk", f" for {weeks} wks"))
        else:
            word = {1: "once a week", 2: "twice a week", 3: "three times a week"}.get(per_week, f"{per_week}x per week")
            visits = "visit" if per_week == 1 else "visits"
            freq = self.pick((word, f"{per_week}x per week", f"{per_week} {visits} per week"))
            dur = "" if weeks is None else self.pick((f" for {weeks} weeks", f" x {weeks} weeks"))
        return self._keep(freq + dur)

    def goal(self, measurable: bool) -> str:
        self._goals.append(GoalLabel(measurable=measurable))
        body = self.pick(MEASURABLE_GOALS if measurable else NON_MEASURABLE_GOALS)
        return self._keep(self.pick(GOAL_LEADS) + body)

    def goals(self, kinds: Sequence[bool]) -> list[str]:
        """Several goals with distinct wordings (a repeated sentence would read as one goal)."""
        measurable = self.sample(MEASURABLE_GOALS, sum(kinds))
        vague = self.sample(NON_MEASURABLE_GOALS, len(kinds) - sum(kinds))
        lines: list[str] = []
        for index, kind in enumerate(kinds, start=1):
            body = measurable.pop() if kind else vague.pop()
            lead = self.pick(("STG: ", "LTG: ")) if self.register == "abbr" else f"{index}. "
            self._goals.append(GoalLabel(measurable=kind))
            lines.append(self._keep(lead + body))
        return lines

    def signature(self, credential: Credential | None, *, signed: bool = True, npi: bool | None = None) -> str:
        """A signature line; unsigned writes a blank line (no credential). `npi` None: a coin toss."""
        if not signed:
            self._therapist = TherapistLabel(credential=None, signed=False, npi=None)
            return self._keep(
                self.pick(
                    (
                        "Therapist signature: ______________",
                        "Signature: ____________  Date: ______",
                        "Provider signature: _________________ (not signed)",
                    )
                )
            )
        number = make_npi(self.rng) if (self.chance(0.6) if npi is None else npi) else None
        self._therapist = TherapistLabel(credential=credential, signed=True, npi=number)
        shown: str = credential or ""
        if credential == "PT" and self.chance(0.3):
            shown = "PT, DPT"
        if credential == "OT" and self.chance(0.4):
            shown = "OTR/L"
        who = f"{self.person()}, {shown}" if shown else self.person()
        lead = self.pick(("", "Signed: ", "Electronically signed by ", "— ", "Therapist: "))
        tail = "" if number is None else self.pick((f", NPI {number}", f" (NPI: {number})", f"  NPI# {number}"))
        return self._keep(f"{lead}{who}{tail}")

    def response(self) -> str:
        self._responded = True
        return self._keep(self.pick(self.forms(RESPONSES)))

    # -- the label --------------------------------------------------------------------------------------------

    def finish(self, note_id: str, style: Style, text: str) -> NoteLabel:
        """The labelled note; fails when a recorded fragment is missing from the text (case aside: a style may
        capitalise a fragment that starts a sentence)."""
        folded = text.lower()
        missing = [f for f in self._fragments if f.lower() not in folded]
        if missing:
            raise AssertionError(f"{note_id}: recorded but not written: {missing}")
        expected = Expected(
            date_of_service=self._dos,
            techniques=self._techniques,
            total_treatment_minutes=self._total_treatment,
            total_timed_minutes=self._total_timed,
            positioning=list(dict.fromkeys(self._positions)),
            gestational_age=self._ga,
            edd=self._edd,
            postpartum_weeks=self._postpartum,
            high_risk=self._high_risk,
            conditions=self._conditions,
            precautions=self._precautions,
            pain=self._pain,
            functional_limitations=self._limitations,
            outcome_measures=self._measures,
            referral=self._referral,
            plan_of_care=self._plan,
            goals=self._goals,
            therapist=self._therapist,
            responded=self._responded,
            billable=bool(self._techniques),
        )
        return NoteLabel(id=note_id, style=style, text=text, expected=expected)


def _join(parts: Sequence[str], last: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + last + parts[-1]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
