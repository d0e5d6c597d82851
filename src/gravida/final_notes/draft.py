"""`Draft`: one note being written, whose every method chooses the words for a fact and records that fact.

Why one object does both: the label must be exactly what the note states. If the words were written first and the
label derived later (by parsing the text or by re-deriving it from the plan of the note), the two could drift. Here a
style asks the draft for a phrase ("STM to L QL x 12 min"), and the same call records the technique, its minutes,
its region and its side; a style that does not put the phrase in the text has a bug, and the generator's own checks
(`corpus.py`) catch the obvious ones (minutes and ids written twice).

The response rule: `responded` is True when the note has an explicit statement of how the patient responded to the
treatment (`response`), and also when it records a post-treatment pain score (`pain(..., when="after")`): a pain
score taken after treatment is itself a statement of the response to it. A billable note with neither is labelled
`responded=False`; non-billable notes never have either.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, TypeVar

from gravida.final_notes import words
from gravida.final_notes.people import DATE_FORMS, write_date
from gravida.final_notes.words import Register
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

T = TypeVar("T")
Scale = Literal["nprs", "vas", "unspecified"]
When = Literal["before", "after", "unspecified"]


@dataclass(frozen=True)
class TechWords:
    """The written pieces of one technique: its name, where (side before every region; "" if none), minutes."""

    name: str
    where: str
    minutes: int | None


@dataclass
class Draft:
    """A note under construction: the random source and the facts recorded so far."""

    rng: random.Random
    #: Not a label field: how many pregnancies the patient has had, so a note speaks of "a previous pregnancy"
    #: only when there was one.
    gravida: int = 1
    date_of_service: date | None = None
    techniques: list[TechniqueLabel] = field(default_factory=list)
    total_treatment_minutes: int | None = None
    total_timed_minutes: int | None = None
    positioning: list[str] = field(default_factory=list)
    gestational_age: str | None = None
    edd: date | None = None
    postpartum_weeks: int | None = None
    high_risk: bool = False
    conditions: list[ConditionLabel] = field(default_factory=list)
    precautions: list[PrecautionLabel] = field(default_factory=list)
    pain_scores: list[PainLabel] = field(default_factory=list)
    limitations: list[str] = field(default_factory=list)
    measures: list[MeasureLabel] = field(default_factory=list)
    referral_label: ReferralLabel | None = None
    plan_label: PlanLabel | None = None
    goals: list[GoalLabel] = field(default_factory=list)
    therapist: TherapistLabel | None = None
    responded: bool = False
    #: Not a label field: every phrase a recording method returned, so `corpus._check` can reject a note whose
    #: writer recorded a fact and then dropped its words.
    said: list[str] = field(default_factory=list)

    # --- helpers -------------------------------------------------------------------------------------------------

    def say(self, phrase: str) -> str:
        """Remember a phrase that carries a recorded fact, and return it."""
        self.said.append(phrase)
        return phrase

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def form(self, table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]], key: str, register: Register) -> str:
        full, short = table[key]
        return self.pick(full if register == "full" else short)

    def day_text(self, day: date, form: str | None = None) -> str:
        """A date written without recording it (referral, signature and birth dates use their own methods)."""
        return write_date(day, form or self.pick(DATE_FORMS))

    # --- date of service and pregnancy -----------------------------------------------------------------------------

    def service_date(self, day: date, form: str | None = None) -> str:
        if self.date_of_service not in (None, day):
            raise ValueError("a note has one date of service")
        self.date_of_service = day
        return self.say(self.day_text(day, form))

    def gestation(self, weeks: int, days: int | None, form: str | None = None) -> str:
        """Gestational age in one of the ways charts write it; `days` None writes weeks alone."""
        self.gestational_age = f"{weeks}w" if days is None else f"{weeks}w{days}d"
        if days is None:
            forms = {"w": f"{weeks}w", "wks": f"{weeks} wks", "weeks": f"{weeks} weeks", "wk": f"{weeks} wk"}
        else:
            forms = {
                "wd": f"{weeks}w{days}d", "wks": f"{weeks} wks {days} d", "plus": f"{weeks}+{days} wks",
                "frac": f"{weeks} {days}/7 wks", "weeks": f"{weeks} weeks and {days} days",
                "wk": f"{weeks} wk {days} d",
            }
        return self.say(forms[form] if form in forms else self.pick(list(forms.values())))

    def due(self, day: date, form: str | None = None) -> str:
        self.edd = day
        return self.say(self.day_text(day, form))

    def postpartum(self, weeks: int, register: Register) -> str:
        self.postpartum_weeks = weeks
        if register == "full":
            return self.say(self.pick([f"{weeks} weeks postpartum", f"{weeks} weeks post partum"]))
        return self.say(self.pick([f"{weeks} wks PP", f"{weeks} wks postpartum", f"PP wk {weeks}"]))

    def high_risk_words(self, register: Register) -> str:
        """Say the pregnancy is high-risk: the flag and the affirmed precaution are the same statement."""
        self.high_risk = True
        return self.concept("high_risk_pregnancy", "affirmed", register=register)

    # --- techniques --------------------------------------------------------------------------------------------------

    def technique(
        self,
        technique: str,
        *,
        minutes: int | None = None,
        regions: Sequence[str] = (),
        side: Side | None = None,
        register: Register = "short",
        name: str | None = None,
        where: str | None = None,
    ) -> TechWords:
        """Record a technique performed today and return its words; `name`/`where` override the chosen forms
        (used for forms that only fit one style, such as "adjusted L5" or "C-section scar")."""
        if technique not in words.TECHNIQUES:
            raise ValueError(f"unknown technique {technique!r}")
        if any(t.technique == technique for t in self.techniques):
            raise ValueError(f"technique {technique!r} written twice")
        if side is not None and not regions:
            raise ValueError("a side needs a region")
        self.techniques.append(TechniqueLabel(technique=technique, minutes=minutes, regions=list(regions), side=side))
        tw = TechWords(
            name=name or self.form(words.TECHNIQUES, technique, register),
            where=where if where is not None else self.where(regions, side, register),
            minutes=minutes,
        )
        self.say(tw.name)
        if tw.where:
            self.say(tw.where)
        return tw

    def where(self, regions: Sequence[str], side: Side | None, register: Register) -> str:
        """Region words with the side written before each; distinct regions get distinct phrases."""
        if not regions:
            return ""
        side_word = "" if side is None else self.form(words.SIDES, side, register) + " "
        parts = [side_word + self.form(words.REGIONS, region, register) for region in regions]
        if len(parts) == 1:
            return parts[0]
        joiner = self.pick([", ", " & ", " and "] if register == "full" else [", ", "/", " + ", " & "])
        return joiner.join(parts)

    def tech_line(self, tw: TechWords, layout: str | None = None) -> str:
        """A one-line chart entry for a technique: several orders of name, place and minutes."""
        m, w, n = tw.minutes, tw.where, tw.name
        if m is None:
            options = [f"{n} to {w}" if w else n, f"{n} ({w})" if w else n, f"{n}: {w}" if w else n]
        else:
            options = [
                f"{n} to {w} x {m} min" if w else f"{n} x {m} min",
                f"{m} min {n}" + (f", {w}" if w else ""),
                f"{n} ({w}) {m}'" if w else f"{n} {m}'",
                f"{n} - {w} - {m}min" if w else f"{n} - {m}min",
                f"{n}: {w}, {m} minutes" if w else f"{n}: {m} minutes",
            ]
        if layout is not None:
            return options[int(layout) % len(options)]
        return self.pick(options)

    def tech_sentence(self, tw: TechWords) -> str:
        """A dictated clause for a technique ("soft tissue mobilization to the left piriformis (10 minutes)"); the
        minutes sit in parentheses right after it, so in a list of clauses they cannot be read as the whole list's."""
        where = f" to the {tw.where}" if tw.where else ""
        if tw.minutes is None:
            return f"{tw.name}{where}"
        return self.pick([f"{tw.name}{where} ({tw.minutes} minutes)", f"{tw.name}{where} ({tw.minutes} min)"])

    def position(self, position: str, register: Register) -> str:
        if position not in self.positioning:
            self.positioning.append(position)
        return self.say(self.form(words.POSITIONS, position, register))

    def totals(self, *, treatment: int | None = None, timed: int | None = None) -> None:
        """Record totals that the caller writes (the caller owns the wording of a total line)."""
        if treatment is not None:
            self.total_treatment_minutes = treatment
        if timed is not None:
            self.total_timed_minutes = timed

    # --- conditions and precautions ----------------------------------------------------------------------------------

    def concept(
        self, concept: str, status: Status, *, side: Side | None = None, register: Register = "short",
        phrase: str | None = None,
    ) -> str:
        """Record a condition or precaution with its status and return its noun phrase (the caller writes the cue
        for the status: "denies", "mother had", "if ... occurs"); one status per concept per note. `phrase`
        overrides the chosen words (an EMR screen's fixed row label)."""
        if concept in words.CONDITIONS:
            if any(c.concept == concept for c in self.conditions):
                raise ValueError(f"condition {concept!r} written twice")
            self.conditions.append(ConditionLabel(concept=concept, side=side, status=status))
            phrase = phrase or self.form(words.CONDITIONS, concept, register)
        elif concept in words.PRECAUTIONS:
            if side is not None:
                raise ValueError("precautions have no side")
            if any(p.precaution == concept for p in self.precautions):
                raise ValueError(f"precaution {concept!r} written twice")
            self.precautions.append(PrecautionLabel(precaution=concept, status=status))
            phrase = phrase or self.form(words.PRECAUTIONS, concept, register)
        else:
            raise ValueError(f"unknown concept {concept!r}")
        if side is None:
            return self.say(phrase)
        return self.say(f"{self.form(words.SIDES, side, register)} {phrase}")

    # --- pain, function, measures ------------------------------------------------------------------------------------

    def pain(self, score: float, scale: Scale, when: When, register: Register = "short") -> str:
        """A pain score; a post-treatment score also marks the note as stating a response (see the module doc)."""
        self.pain_scores.append(PainLabel(score=score, scale=scale, when=when))
        if when == "after":
            self.responded = True
        s = f"{score:g}"
        if scale == "nprs":
            value = self.pick([f"NPRS {s}/10", f"NRS {s}/10", f"{s}/10 (NPRS)"])
        elif scale == "vas":
            value = self.pick([f"VAS {s}/10", f"{s}/10 on VAS"])
        elif register == "full":
            value = self.pick([f"{s}/10", f"{s} out of 10"])
        else:
            value = self.pick([f"pain {s}/10", f"{s}/10 pain", f"pn {s}/10"])
        self.say(value)
        if when == "unspecified":
            return value
        if register == "full":
            cue = self.pick(["before the session", "prior to treatment"] if when == "before"
                            else ["after the session", "following treatment"])
            return f"{value} {cue}"
        cue = self.pick(["pre-tx", "pre-session", "before tx"] if when == "before" else ["post-tx", "post", "after tx"])
        return f"{cue} {value}" if self.chance(0.5) else f"{value} {cue}"

    def pain_value(self, score: float, scale: Scale, when: When) -> str:
        """Record a pain score written bare ("6/10") in a grid whose row or column names the scale and the time."""
        self.pain_scores.append(PainLabel(score=score, scale=scale, when=when))
        if when == "after":
            self.responded = True
        return self.say(f"{score:g}/10")

    def limitation(self, limitation: str, register: Register) -> str:
        if limitation in self.limitations:
            raise ValueError(f"limitation {limitation!r} written twice")
        self.limitations.append(limitation)
        return self.say(self.form(words.LIMITATIONS, limitation, register))

    def measure(self, measure: str, score: float) -> str:
        self.measures.append(MeasureLabel(measure=measure, score=score))
        name, s = self.pick(words.MEASURES[measure]), f"{score:g}"
        if measure == "oswestry":
            return self.say(self.pick([f"{name} {s}%", f"{name}: {s}%"]))
        if measure == "lefs":
            return self.say(self.pick([f"{name} {s}/80", f"{name} = {s}"]))
        if measure == "roland_morris":
            return self.say(f"{name} {s}/24")
        return self.say(self.pick([f"{name} {s}", f"{name}: {s}", f"{name} score {s}"]))

    # --- referral, plan, goals, signature, response ------------------------------------------------------------------

    def referral(self, name: str, credential: Credential | None, day: date | None, register: Register) -> str:
        """A referral line; without a credential the referrer is "Dr. <surname>" (credential not stated)."""
        self.referral_label = ReferralLabel(credential=credential, date=day)
        self.say(name.split()[-1])
        who = f"Dr. {name.split()[-1]}" if credential is None else self.pick(
            [f"{name}, {credential}", f"{name} {credential}"])
        if day is None:
            if register == "full":
                return f"referred by {who}"
            return self.pick([f"Referred by {who}", f"Referral: {who}", f"Ref: {who}"])
        when = self.day_text(day)
        if register == "full":
            return self.pick([f"referred by {who} on {when}", f"referred by {who} (referral dated {when})"])
        return self.pick(
            [f"Referral: {who}, dated {when}", f"Ref: {who} {when}", f"Referring provider: {who} - {when}"])

    def referral_grid(self, name: str, credential: Credential, day: date) -> str:
        """The referral fields of an EMR header."""
        self.referral_label = ReferralLabel(credential=credential, date=day)
        return self.say(f"Referring provider: {name}, {credential}    Referral date: {self.day_text(day, 'us')}")

    def ticked_response(self, ticked: str, unticked: str) -> str:
        """A response-to-treatment checkbox row with "tolerated well" ticked: the note states a response."""
        self.responded = True
        return self.say(f"{ticked} Tolerated well   {unticked} Adverse reaction")

    def plan(self, per_week: int, weeks: int | None, register: Register) -> str:
        return self.say(self._plan_words(per_week, weeks, register))

    def _plan_words(self, per_week: int, weeks: int | None, register: Register) -> str:
        self.plan_label = PlanLabel(frequency_per_week=per_week, duration_weeks=weeks)
        spoken = {1: "once a week", 2: "twice a week", 3: "three times a week"}
        if weeks is None:
            if register == "full":
                return self.pick([f"continue {spoken[per_week]} until delivery", f"{spoken[per_week]}, ongoing"])
            return self.pick([f"cont {per_week}x/wk", f"{per_week}x/week ongoing"])
        if register == "full":
            visits = "visit" if per_week == 1 else "visits"
            return self.pick([f"{spoken[per_week]} for {weeks} weeks",
                              f"{per_week} {visits} per week for {weeks} weeks"])
        return self.pick([f"{per_week}x/wk x {weeks} wks", f"{per_week}x/week for {weeks} weeks",
                          f"{per_week}x wk x {weeks}wk", f"freq {per_week}x/wk, duration {weeks} wks"])

    def plan_grid(self, per_week: int, weeks: int | None) -> str:
        """The frequency and duration fields of an EMR plan-of-care block."""
        self.plan_label = PlanLabel(frequency_per_week=per_week, duration_weeks=weeks)
        duration = "ongoing" if weeks is None else f"{weeks} weeks"
        return self.say(self.pick([f"Frequency: {per_week}x/week    Duration: {duration}",
                                   f"Freq: {per_week} x per wk | Dur: {duration}"]))

    def goal(self, measurable: bool, register: Register, text: str | None = None) -> str:
        self.goals.append(GoalLabel(measurable=measurable))
        if text is not None:
            return self.say(text)
        if measurable:
            return self.say(self.pick(words.MEASURABLE_GOALS if register == "full" else words.MEASURABLE_GOALS_SHORT))
        return self.say(self.pick(words.VAGUE_GOALS))

    def goal_set(self, count: int, register: Register, measurable: Sequence[bool]) -> list[str]:
        """`count` distinct goals, measurable as `measurable` says (cycled)."""
        out: list[str] = []
        for i in range(count):
            m = measurable[i % len(measurable)]
            pool = [g for g in (words.MEASURABLE_GOALS if register == "full" else words.MEASURABLE_GOALS_SHORT)]
            pool = pool if m else list(words.VAGUE_GOALS)
            choice = self.pick([g for g in pool if g not in out])
            out.append(self.goal(m, register, choice))
        return out

    def signature(
        self, name: str, credential: Credential | None, npi: str | None, day: date | None, register: Register
    ) -> str:
        """A signed line (credential and NPI as given)."""
        self.therapist = TherapistLabel(credential=credential, signed=True, npi=npi)
        who = self.say(name if credential is None else f"{name}, {credential}")
        npi_part = "" if npi is None else self.pick([f" NPI {npi}", f" | NPI# {npi}", f" (NPI: {npi})"])
        when = "" if day is None else f" {self.day_text(day)}"
        if register == "full":
            return self.pick([f"Electronically signed by {who}{npi_part}" + (f" on{when}" if when else ""),
                              f"Dictated and signed: {who}{npi_part}{when}"])
        return self.pick(
            [f"Signed: {who}{npi_part}{when}", f"-- {who}{npi_part}{when}", f"e-signed {who}{npi_part}{when}"])

    def unsigned(self) -> str:
        """A blank signature line: the note names no signer and no credential."""
        self.therapist = TherapistLabel(credential=None, signed=False, npi=None)
        return self.say(self.pick(["Therapist signature: ____________________  Date: ________",
                          "Signature: ______________________",
                          "Provider signature: [ not signed ]"]))

    def response(self, register: Register) -> str:
        self.responded = True
        return self.say(self.pick(words.RESPONSES_FULL if register == "full" else words.RESPONSES_SHORT))

    # --- the label ---------------------------------------------------------------------------------------------------

    def label(self, note_id: str, style: Style, text: str) -> NoteLabel:
        lines = [line.rstrip() for line in text.strip("\n").splitlines()]
        expected = Expected(
            date_of_service=self.date_of_service,
            techniques=self.techniques,
            total_treatment_minutes=self.total_treatment_minutes,
            total_timed_minutes=self.total_timed_minutes,
            positioning=self.positioning,
            gestational_age=self.gestational_age,
            edd=self.edd,
            postpartum_weeks=self.postpartum_weeks,
            high_risk=self.high_risk,
            conditions=self.conditions,
            precautions=self.precautions,
            pain=self.pain_scores,
            functional_limitations=self.limitations,
            outcome_measures=self.measures,
            referral=self.referral_label,
            plan_of_care=self.plan_label,
            goals=self.goals,
            therapist=self.therapist,
            responded=self.responded,
            billable=bool(self.techniques),
        )
        return NoteLabel(id=note_id, style=style, text="\n".join(lines) + "\n", expected=expected)
