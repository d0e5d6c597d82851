"""Numbers in a note, found by the patterns in `vocabulary/notes/patterns.yaml`: minutes, totals, dates, weeks.

These run on the raw text (regular expressions are much faster than token rules for numbers) and return
character spans, which the extractor lines up with medspaCy's entities and sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gravida.knowledge.note_vocabulary import NoteVocabulary

_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_WORD_NUMBERS = {"one": 1, "once": 1, "two": 2, "twice": 2, "three": 3}
_MINUTE_WORDS = {"five": 5, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                 "fifty": 50, "sixty": 60}


def _minutes_in_words(words: str) -> int:
    """'forty-five' -> 45, 'twenty five' -> 25."""
    return sum(_MINUTE_WORDS[part] for part in re.split(r"[\s-]+", words.lower()))


@dataclass(frozen=True, slots=True)
class Hit:
    """One pattern match: what it means (`value`), where it is, and which pattern found it."""

    start: int
    end: int
    value: float
    rule: str


def parse_date(text: str) -> date | None:
    """A date in the forms notes use (3/12/26, 03/12/2026, 2026-03-12, March 12, 2026, and the day-first
    12-Mar-2026 or 12 Mar 26 that many EMRs print); None if impossible."""
    text = text.strip().rstrip(".,")
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = (int(p) for p in text.split("-"))
        elif re.fullmatch(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}", text):
            month, day, year = (int(p) for p in re.split(r"[/-]", text))
            year = year + 2000 if year < 100 else year
        elif day_first := re.fullmatch(r"(\d{1,2})[-\s]([a-z]+)\.?[-\s](\d{4}|\d{2})", text, re.IGNORECASE):
            if day_first.group(2)[:3].lower() not in _MONTHS:
                return None
            day, month, year = int(day_first.group(1)), _MONTHS[day_first.group(2)[:3].lower()], int(day_first.group(3))
            year = year + 2000 if year < 100 else year
        else:
            found = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text, re.IGNORECASE)
            if not found or found.group(1)[:3].lower() not in _MONTHS:
                return None
            month, day, year = _MONTHS[found.group(1)[:3].lower()], int(found.group(2)), int(found.group(3))
        return date(year, month, day)
    except ValueError:
        return None


def lowercase_regex(source: str) -> str:
    """The same regular expression for lowercased text: letters lowered, except escapes (\\S, \\D, \\W, \\B)
    and the P of a named group."""
    out = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            out.append(source[index : index + 2])
            index += 2
            continue
        out.append(char if char == "P" and source[index - 2 : index] == "(?" else char.lower())
        index += 1
    return "".join(out)


class Quantities:
    """Applies the vocabulary's patterns to one note's text.

    A case-insensitive pattern runs as its lowercase twin on the lowercased text: Python's `re` matches three to
    four times faster without IGNORECASE, and lowering keeps every offset (checked per call; a text whose length
    lowering changes falls back to the pattern as written).
    """

    def __init__(self, vocabulary: NoteVocabulary) -> None:
        self._p = vocabulary.patterns
        self._lower = {
            name: re.compile(lowercase_regex(pattern.pattern))
            for name, pattern in vocabulary.patterns.items()
            if pattern.flags & re.IGNORECASE
        }

    def _pattern(self, name: str, text: str) -> tuple[re.Pattern[str], str]:
        fast = self._lower.get(name)
        if fast is not None:
            lowered = text.lower()
            if len(lowered) == len(text):
                return fast, lowered
        return self._p[name], text

    def finditer(self, name: str, text: str) -> list[re.Match[str]]:
        """Every match of the named pattern (offsets into `text`; matched text may be lowercased)."""
        pattern, target = self._pattern(name, text)
        return list(pattern.finditer(target))

    def search(self, name: str, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        pattern, target = self._pattern(name, text)
        return pattern.search(target, start, len(text) if end is None else end)

    def match(self, name: str, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The named pattern matched exactly at `start` (not searched for)."""
        pattern, target = self._pattern(name, text)
        return pattern.match(target, start, len(text) if end is None else end)

    def _all(self, name: str, text: str) -> list[re.Match[str]]:
        return self.finditer(name, text)

    def minutes(self, text: str) -> list[Hit]:
        """Every minutes expression: clock ranges (8:05-8:28 is 23 minutes, 1545-1555 is 10), a table's minutes
        column, and minutes written as such ('x 15 min', "15'")."""
        hits = self._table_minutes(text)
        clock_spans = [(h.start, h.end) for h in hits]
        for name in ("clock_range", "clock_range_24h"):
            for m in self._all(name, text):
                start = int(m["h1"]) * 60 + int(m["m1"])
                end = int(m["h2"]) * 60 + int(m["m2"])
                if end < start and name == "clock_range":
                    end += 12 * 60  # 12-hour clock: "11:50-12:05"
                if 0 < end - start <= 240 and not any(s <= m.start() < e for s, e in clock_spans):
                    hits.append(Hit(m.start(), m.end(), end - start, f"patterns.{name}"))
                    clock_spans.append((m.start(), m.end()))
        for name in ("minutes", "bare_times", "minutes_in_words"):
            for m in self._all(name, text):
                if any(s <= m.start() < e for s, e in clock_spans):
                    continue
                value = _minutes_in_words(m["w"]) if name == "minutes_in_words" else int(m["n"])
                if 0 < value <= 240:
                    hits.append(Hit(m.start(), m.end(), value, f"patterns.{name}"))
        hits.sort(key=lambda h: h.start)
        return _without_overlaps(hits)

    def _table_minutes(self, text: str) -> list[Hit]:
        """Minutes in a treatment table's minutes column ("CPT | Intervention | Min" over "97140 | MLD | 15"):
        the number in that column of each row below the heading, with the same number of cells."""
        hits: list[Hit] = []
        if "|" not in text:
            return hits
        column: int | None = None
        cells = 0
        offset = 0
        for line in text.splitlines(keepends=True):
            parts = line.rstrip("\n").split("|")
            if len(parts) < 2:
                column = None
            elif column is None:
                heads = [p.strip() for p in parts]
                found = [i for i, h in enumerate(heads) if self.match("table_minutes_header", h)]
                if found:
                    column, cells = found[-1], len(parts)
            elif len(parts) == cells:
                start = offset + sum(len(p) + 1 for p in parts[:column])
                cell = parts[column]
                number = re.search(r"\d{1,3}", cell)
                if number and cell.strip() == number.group(0):
                    value = int(number.group(0))
                    if 0 < value <= 240:
                        hits.append(Hit(start + number.start(), start + number.end(), value, "patterns.table_minutes"))
            offset += len(line)
        return hits

    def first_number(self, name: str, text: str, group: str = "n") -> Hit | None:
        for m in self._all(name, text):
            return Hit(m.start(), m.end(), float(m[group]), f"patterns.{name}")
        return None

    def gestational_age(self, text: str) -> tuple[str, Hit] | None:
        """Weeks and days ('28w3d'); weeks alone count only beside a pregnancy cue ('at 31 weeks')."""
        for name in ("gestational_age_days", "gestational_age_sevenths", "gestational_age_plus"):
            for m in self._all(name, text):
                weeks, days = int(m["w"]), int(m["d"])
                if 1 <= weeks <= 44 and not self._at_delivery(text, m.start()):
                    return f"{weeks}w{days}d", Hit(m.start(), m.end(), weeks, f"patterns.{name}")
        for m in self._all("gestational_age_weeks", text):
            weeks = int(_first_group(m, "w"))
            if 1 <= weeks <= 44 and not self._at_delivery(text, m.start()):
                return f"{weeks}w0d", Hit(m.start(), m.end(), weeks, "patterns.gestational_age_weeks")
        return None

    def _at_delivery(self, text: str, start: int) -> bool:
        """Weeks written just after a delivery word are the age at birth ('SVD at 39 wks'), not today's."""
        return self.search("delivery_context", text[max(0, start - 40) : start]) is not None

    def postpartum_weeks(self, text: str) -> Hit | None:
        for m in self._all("postpartum_weeks", text):
            weeks = int(_first_group(m, "w"))
            if weeks <= 52:
                return Hit(m.start(), m.end(), weeks, "patterns.postpartum_weeks")
        return None

    def dated(self, name: str, text: str) -> tuple[date, Hit] | None:
        for m in self._all(name, text):
            found = parse_date(m["date"])
            if found:
                return found, Hit(m.start(), m.end(), 0, f"patterns.{name}")
        return None

    def dates(self, text: str) -> list[tuple[date, Hit]]:
        found = []
        for m in self._all("date", text):
            parsed = parse_date(m["date"])
            if parsed:
                found.append((parsed, Hit(m.start(), m.end(), 0, "patterns.date")))
        return found

    def pain_scores(self, text: str) -> list[Hit]:
        return [Hit(m.start(), m.end(), float(m["n"]), "patterns.pain_score") for m in self._all("pain_score", text)]

    def npi(self, text: str) -> list[tuple[str, Hit]]:
        return [(m["npi"], Hit(m.start(), m.end(), 0, "patterns.npi")) for m in self._all("npi", text)]

    def gravida_para(self, text: str) -> tuple[int, int, Hit] | None:
        for m in self._all("gravida_para", text):
            return int(m["g"]), int(m["p"]), Hit(m.start(), m.end(), 0, "patterns.gravida_para")
        return None

    def frequency(self, text: str) -> Hit | None:
        return next(iter(self.frequencies(text)), None)

    def frequencies(self, text: str) -> list[Hit]:
        """Every visits-per-week expression ('2x/wk', 'twice a week', 'weekly'), in order."""
        hits = []
        for m in self._all("frequency", text):
            raw = m["f"] or m["f2"]
            value = 1 if m["weekly"] else (_WORD_NUMBERS.get(raw.lower()) if raw and not raw.isdigit() else None)
            if value is None and raw:
                value = int(raw)
            if value:
                hits.append(Hit(m.start(), m.end(), value, "patterns.frequency"))
        return hits

    def duration(self, text: str) -> Hit | None:
        """Weeks of care: "x 6 wks", "6 weeks of treatment", or a template's "Duration: 8 weeks" field."""
        for m in self._all("duration", text):
            return Hit(m.start(), m.end(), int(m["d"] or m["d2"] or m["d3"]), "patterns.duration")
        return None

    def measurable(self, text: str) -> bool:
        return self.search("measurable_goal", text) is not None


def _first_group(match: re.Match[str], prefix: str) -> str:
    """The first named group starting with `prefix` that took part in the match (a pattern with alternatives
    names one group per alternative: w1, w2, ...)."""
    return next(value for name, value in match.groupdict().items() if name.startswith(prefix) and value)


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
