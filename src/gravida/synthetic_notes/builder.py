"""The note builder: every fact is recorded in the label at the moment its words are written into the text.

Why this shape: a label computed separately from the text drifts from it (a style forgets to print a fact, or prints
one twice). Here each `write_*` method chooses the words for one fact, records the fact and returns the words, so
the label is exactly what the text says. Nothing here reads the extractor or the note vocabulary.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gravida.synthetic import npi_with_check_digit
from gravida.synthetic_notes import phrases as P
from gravida.synthetic_notes.labels import Side

SIDE_IDS: tuple[Side, ...] = ("right", "left", "bilateral")


@dataclass
class Technique:
    """A technique to write: minutes None means no minutes are written for it."""

    technique: str
    minutes: int | None
    regions: list[tuple[str, str]]  # (region id, form)
    side: Side | None


@dataclass
class NoteBuilder:
    """Collects the expected facts of one note while its style writes the text."""

    rng: random.Random
    terse: bool
    facts: dict[str, Any] = field(default_factory=dict)
    clock: int = 0  # minutes after midnight of the next clock range

    def __post_init__(self) -> None:
        self.facts = {
            "date_of_service": None,
            "techniques": [],
            "total_treatment_minutes": None,
            "total_timed_minutes": None,
            "positioning": [],
            "gestational_age": None,
            "edd": None,
            "postpartum_weeks": None,
            "high_risk": False,
            "conditions": [],
            "precautions": [],
            "pain": [],
            "functional_limitations": [],
            "outcome_measures": [],
            "referral": None,
            "plan_of_care": None,
            "goals": [],
            "therapist": None,
            "responded": False,
            "billable": False,
        }
        self.clock = self.rng.choice((8, 9, 10, 13, 14, 15)) * 60 + self.rng.choice((0, 5, 15, 30, 45))

    # -- choosing ------------------------------------------------------------------------------------------

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(list(options))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def side_word(self, side: Side) -> str:
        terse, full = P.SIDES[side]
        return self.pick(terse if self.terse else full)

    def technique(self, technique: str, minutes: int | None, with_regions: bool = True) -> Technique:
        """A technique with one or two plausible regions and, sometimes, a side before each."""
        choices = P.TECHNIQUE_REGIONS[technique]
        regions: list[tuple[str, str]] = []
        if choices and with_regions:
            for region in self.rng.sample(choices, k=min(len(choices), self.rng.choice((1, 1, 2)))):
                regions.append((region, self.pick(P.REGIONS[region])))
        sided = [form for _, form in regions if not form.endswith("*")]
        side: Side | None = None
        if regions and len(sided) == len(regions) and self.chance(0.6):
            side = self.rng.choice(SIDE_IDS)
        return Technique(technique, minutes, [(r, f.rstrip("*")) for r, f in regions], side)

    # -- writing facts ---------------------------------------------------------------------------------------

    def date_text(self, day: date) -> str:
        form = self.rng.randrange(4)
        if form == 0:
            return f"{day.month:02d}/{day.day:02d}/{day.year}"
        if form == 1:
            return f"{day.month}/{day.day}/{day.year % 100:02d}"
        if form == 2:
            return day.isoformat()
        return f"{day.strftime('%B')} {day.day}, {day.year}"

    def write_date_of_service(self, day: date, label: str) -> str:
        self.facts["date_of_service"] = day
        if label.startswith("Date") and self.chance(0.15):
            return f"Date/Time: {self.date_text(day)} {self.rng.randint(8, 16)}:{self.pick(('00', '15', '30', '45'))}"
        return f"{label}{self.date_text(day)}"

    def region_text(self, t: Technique) -> str:
        if not t.regions:
            return ""
        words = []
        for _, form in t.regions:
            words.append(f"{self.side_word(t.side)} {form}" if t.side else form)
        return " to " + " and ".join(words)

    def technique_name(self, technique: str) -> str:
        full, abbreviated = P.TECHNIQUES[technique]
        return self.pick(abbreviated if self.terse else full)

    def clock_text(self, minutes: int) -> str:
        start, end = self.clock, self.clock + minutes
        self.clock = end + self.rng.choice((0, 0, 1, 2))

        def hm(value: int) -> str:
            hour = value // 60 % 24
            hour = hour - 12 if hour > 12 else hour
            return f"{hour}:{value % 60:02d}"

        return f"{hm(start)}-{hm(end)}"

    def write_technique(self, t: Technique, form: str | None = None, name: str | None = None) -> str:
        """One technique with its minutes and regions, in one of the ways notes write them."""
        self.record_technique(t)
        name = name or self.technique_name(t.technique)
        where = self.region_text(t)
        m = t.minutes
        if m is None:
            return f"{name}{where}"
        forms = ("x_min", "x_prime", "prime_before", "paren", "clock", "dash_mins", "min_first", "for", "m_unit",
                 "colon", "minutes_of", "paren_min", "tilde", "comma", "equals")
        form = form or self.pick(forms)
        if form == "x_min":
            return f"{name}{where} x {m} min"
        if form == "x_prime":
            return f"{name}{where} x{m}'"
        if form == "prime_before":
            return f"{m}' {name}{where}"
        if form == "paren":
            return f"{name}{where} ({m} minutes)"
        if form == "clock":
            return f"{self.clock_text(m)} {name}{where}"
        if form == "dash_mins":
            return f"{name}{where} - {m} mins"
        if form == "min_first":
            return f"{name} x {m} min{where}"
        if form == "m_unit":
            return f"{name}{where} {m}m"
        if form == "colon":
            return f"{name}{where}: {m} min"
        if form == "minutes_of":
            return f"{m} minutes of {name}{where}"
        if form == "paren_min":
            return f"{name}{where} ({m} min)"
        if form == "tilde":
            return f"{name}{where} ~{m} min"
        if form == "comma":
            return f"{name}{where}, {m} min"
        if form == "equals":
            return f"{name}{where} = {m} min"
        return f"{name}{where} for {m} minutes"

    def record_technique(self, t: Technique) -> None:
        self.facts["techniques"].append(
            {
                "technique": t.technique,
                "minutes": t.minutes,
                "regions": [region for region, _ in t.regions],
                "side": t.side,
            }
        )
        self.facts["billable"] = True

    def write_totals(self, timed: int | None, total: int | None) -> str:
        parts = []
        if total is not None:
            self.facts["total_treatment_minutes"] = total
            parts.append(self.pick((f"Total treatment time {total} min", f"Total time: {total} minutes",
                                    f"TTT {total}'", f"Total tx time - {total} min")))
        if timed is not None:
            self.facts["total_timed_minutes"] = timed
            parts.append(self.pick((f"timed minutes {timed}", f"Total timed code minutes: {timed}",
                                    f"Timed min: {timed}")))
        return "; ".join(parts)

    def write_condition(self, concept: str, status: str = "affirmed", side: Side | None = None) -> str:
        forms = P.CONDITIONS[concept]
        if side is None:
            plain = [f for f in forms if "{side}" not in f]
            sided_forms = [f for f in forms if "{side}" in f]
            form = self.pick(plain) if plain else self.pick(sided_forms)
            if "{side}" in form:
                side = self.rng.choice(SIDE_IDS)
        else:
            form = self.pick([f for f in forms if "{side}" in f])
        text = form.replace("{side}", self.side_word(side)) if side else form
        self.facts["conditions"].append({"concept": concept, "side": side, "status": status})
        return text

    def write_precaution(self, precaution: str, status: str = "affirmed") -> str:
        self.facts["precautions"].append({"precaution": precaution, "status": status})
        return self.pick(P.PRECAUTIONS[precaution])

    def write_high_risk(self) -> str:
        self.facts["high_risk"] = True
        self.facts["precautions"].append({"precaution": "high_risk_pregnancy", "status": "affirmed"})
        return self.pick(("high-risk pregnancy", "High risk pregnancy", "followed by MFM for high-risk pregnancy"))

    def status_sentence(self, text: str, status: str) -> str:
        return self.pick(P.STATUS_TEMPLATES[status]).replace("{x}", text)

    def write_gestational_age(self, weeks: int, days: int | None, dos: date) -> str:
        self.facts["gestational_age"] = f"{weeks}w{days}d" if days is not None else f"{weeks}w"
        if days is None:
            return self.pick((f"at {weeks} weeks", f"{weeks} wks pregnant", f"at {weeks} wks", f"GA {weeks} weeks",
                              f"{weeks} weeks gestation", f"IUP at {weeks} wks", f"currently {weeks} weeks"))
        return self.pick((f"{weeks}w{days}d", f"at {weeks}w{days}d", f"{weeks} wks {days} days", f"GA {weeks}+{days}",
                          f"{weeks} weeks and {days} days", f"EGA {weeks}w{days}d", f"at {weeks} {days}/7 weeks",
                          f"IUP at {weeks}w{days}d", f"{weeks}wk{days}d", f"{weeks}w {days}d",
                          f"EGA: {weeks} wks {days} d"))

    def write_edd(self, edd: date, label: str | None = None) -> str:
        self.facts["edd"] = edd
        return (label or self.pick(("EDD ", "EDD: ", "due date ", "Due date: "))) + self.date_text(edd)

    def write_postpartum(self, weeks: int) -> str:
        self.facts["postpartum_weeks"] = weeks
        return self.pick((f"{weeks} wks postpartum", f"{weeks} weeks postpartum", f"PP wk {weeks}",
                          f"{weeks} weeks post-partum", f"delivered {weeks} weeks ago"))

    def write_pain_pair(self, before: int, after: int | None, form: str = "terse") -> str:
        """A pain score, or a pair before and after treatment; `form` is terse, emr or narrative."""
        scale = self.pick(("nprs", "nprs", "vas", "unspecified")) if form != "narrative" else "unspecified"
        word = {"nprs": self.pick(("NPRS", "NPRS", "NRS")), "vas": "VAS", "unspecified": "Pain"}[scale]
        if form == "emr":
            label = "Pain" if scale == "unspecified" else f"Pain ({word})"
            return self._pain_pair(label + f": {before}/10 pre-treatment", before, f", {after}/10 post-treatment",
                                   after, scale)
        if form == "narrative":
            return self._pain_pair(
                f"she rated her pain {before}/10 at the start of the session", before,
                self.pick((f" and {after}/10 afterwards", f" and {after}/10 at the end")), after, scale)
        if after is None:
            self.facts["pain"].append({"score": float(before), "scale": scale, "when": "unspecified"})
            return self.pick((f"{word} {before}/10", f"{word}: {before}/10"))
        self.facts["pain"].append({"score": float(before), "scale": scale, "when": "before"})
        self.facts["pain"].append({"score": float(after), "scale": scale, "when": "after"})
        self.facts["responded"] = True  # a score after treatment is the response, as a reviewer reads it
        return self.pick(
            (
                f"{word} {before}/10 pre, {after}/10 post",
                f"{word} {before}/10 before tx, {after}/10 after",
                f"{word} {before}/10 -> {after}/10",
                f"{word} reduced from {before}/10 to {after}/10",
                f"{word} {before}/10 → {after}/10",
                f"{word} pre: {before}/10, post: {after}/10",
                f"{word}: {before}/10 (pre) / {after}/10 (post)",
            )
        )

    def _pain_pair(self, first: str, before: int, second: str, after: int | None, scale: str) -> str:
        if after is None:
            self.facts["pain"].append({"score": float(before), "scale": scale, "when": "before"})
            return first
        self.facts["pain"].append({"score": float(before), "scale": scale, "when": "before"})
        self.facts["pain"].append({"score": float(after), "scale": scale, "when": "after"})
        self.facts["responded"] = True
        return first + second

    def write_limitation(self, activity: str) -> str:
        self.facts["functional_limitations"].append(activity)
        return self.pick(P.LIMITATIONS[activity]).replace("{n}", str(self.rng.choice((10, 15, 20, 30))))

    def write_measure(self, measure: str, score: int) -> str:
        self.facts["outcome_measures"].append({"measure": measure, "score": float(score)})
        return self.pick(P.MEASURES[measure]).replace("{n}", str(score))

    def person(self, doctor: bool = False) -> str:
        first, last = self.pick(P.FIRST_NAMES), self.pick(P.LAST_NAMES)
        if doctor:
            return f"Dr. {first} {last}" if self.chance(0.5) else f"Dr. {last}"
        return f"{first} {last}" if self.chance(0.6) else f"{first[0]}. {last}"

    def write_referral(self, credential: str, day: date | None, form: str | None = None) -> str:
        self.facts["referral"] = {"credential": credential, "date": day}
        doctor = credential in ("MD", "DO")
        name = self.person(doctor=doctor)
        cred = self.pick(P.REFERRAL_CREDENTIALS[credential])
        when = self.date_text(day) if day else None
        form = form or self.pick(("referred", "rx", "field", "per", "order", "received", "physician_order"))
        if form == "referred":
            return f"Referred by {name}, {cred}" + (f" on {when}" if when else "") + "."
        if form == "rx":
            return f"Rx from {name}, {cred}" + (f" dated {when}" if when else "") + "."
        if form == "per":
            return f"Per referral from {name}, {cred}" + (f", dated {when}" if when else "") + "."
        if form == "received":
            return f"Referral received from {name} ({cred})" + (f" on {when}" if when else "") + "."
        if form == "physician_order":
            return f"Physician order: {name}, {cred}" + (f" {when}" if when else "")
        if form == "order":
            return f"Order from {name} ({cred})" + (f" {when}" if when else "")
        return f"Referral: {name}, {cred}" + (f" ({when})" if when else "")

    def write_plan(self, frequency: int, duration: int | None) -> str:
        self.facts["plan_of_care"] = {"frequency_per_week": frequency, "duration_weeks": duration}
        word = self.pick((f"{frequency}x/wk", f"{frequency}x/week", f"{frequency}x per week", f"{frequency} visit/wk"
                          if frequency == 1 else f"{frequency} visits/wk"))
        if frequency == 1 and self.chance(0.3):
            word = self.pick(("once a week", "weekly"))
        if frequency == 2 and self.chance(0.3):
            word = "twice a week"
        if duration is None:
            return word
        return word + self.pick((f" x {duration} wks", f" for {duration} weeks", f" x {duration} weeks"))

    def write_goal(self, measurable: bool) -> str:
        self.facts["goals"].append({"measurable": measurable})
        if measurable:
            return self.pick(P.MEASURABLE_GOALS).replace("{n}", str(self.rng.choice((30, 45, 60))))
        return self.pick(P.VAGUE_GOALS)

    def write_response(self) -> str:
        self.facts["responded"] = True
        return self.pick(P.RESPONSES)

    def write_position(self, position: str) -> str:
        if position not in self.facts["positioning"]:
            self.facts["positioning"].append(position)
        return self.pick(P.POSITIONS[position])

    def write_signature(self, credential: str, npi: bool = False, electronic: bool = False, form: str = "") -> str:
        """A signature line: `form` is "" (any of the usual), "emr" (Rendering Provider field) or "closing"."""
        number = npi_with_check_digit(str(self.rng.randrange(100_000_000, 999_999_999))) if npi else None
        self.facts["therapist"] = {"credential": credential, "signed": True, "npi": number}
        name = self.person()
        cred = self.pick(P.SIGNING_CREDENTIALS[credential])
        if credential == "DC" and self.chance(0.5):
            name = f"Dr. {name}"
        tail = f" NPI {number}" if number else ""
        if form == "emr":
            return f"Rendering Provider: {name}, {cred}" + (f" (NPI {number})" if number else "")
        if form == "closing":
            return f"{name}, {cred}{tail}"
        if electronic:
            return f"Electronically signed by {name}, {cred}{tail}"
        return self.pick((f"Signed: {name}, {cred}{tail}", f"{name}, {cred}{tail}", f"Therapist: {name}, {cred}{tail}",
                          f"/s/ {name}, {cred}{tail}", f"{name}, {cred} (lic #{self.rng.randint(10000, 99999)}){tail}",
                          f"Provider signature: {name}, {cred}{tail}", f"Signed electronically: {name} {cred}{tail}"))

    def write_blank_signature(self) -> str:
        self.facts["therapist"] = {"credential": None, "signed": False, "npi": None}
        return self.pick(("Signature: ________", "Signed: ____________"))


def edd_for(dos: date, weeks: int, days: int) -> date:
    """The due date that makes the gestational age on `dos` exact (term is 40w0d)."""
    return dos + timedelta(days=280 - (weeks * 7 + days))
