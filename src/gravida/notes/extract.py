"""A visit note to `NoteFacts`: medspaCy finds the named things, patterns find the numbers, and this module
lines them up (a technique with its minutes and regions, a pain score with before or after).

Every fact keeps its span and the rule that produced it (`techniques.myofascial_release`, `patterns.minutes`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from gravida.domain.note import (
    ConceptFact,
    NoteFacts,
    NumberFact,
    PainScore,
    PlanFacts,
    PregnancyFacts,
    RegionMention,
    Side,
    Status,
    TechniqueFact,
    TextFact,
    TextSpan,
)
from gravida.knowledge.note_vocabulary import NoteVocabulary, note_vocabulary
from gravida.notes.activities import find_limitations
from gravida.notes.people import CredentialReader, find_referral, find_signature
from gravida.notes.pipeline import CONTEXT_LABELS, TARGETS, default_pipeline
from gravida.notes.quantities import Hit, Quantities

#: Broad technique words that a more specific one beside them refines ("Manual therapy: MFR").
GENERIC_TECHNIQUES = frozenset({"manual_therapy", "massage", "therapeutic_massage"})
_CODE = re.compile(r"^(?:9\d{4}|G0283)$")
_JOINER = re.compile(r"^[\s:()\-–/]*$")
_SIDES: dict[str, Side] = {
    "r": "right", "rt": "right", "right": "right", "l": "left", "lt": "left", "left": "left",
    "b": "bilateral", "bil": "bilateral", "bilat": "bilateral", "bilateral": "bilateral", "both": "bilateral",
    "b/l": "bilateral",
}
_SIDE_BEFORE = re.compile(r"(?:^|[\s(,])(r|rt|right|l|lt|left|b|bil|bilat|bilateral|both|b/l)\.?\)?\s*$", re.I)
_PAIN_BEFORE = re.compile(
    r"^\s*\(?\s*(?:pre\b|pre-|before|at\s+(?:the\s+)?(?:start|beginning|outset)|initially|on\s+arrival)", re.I
)
_PAIN_AFTER = re.compile(
    r"^\s*\(?\s*(?:post\b|post-|after|afterwards?|at\s+(?:the\s+)?end|following|at\s+discharge)", re.I
)
_PAIN_LINK = re.compile(r"^\s*(?:to|->|→|-->|=>|>)\s*$")
#: The words a goal opens with, which are not the goal ("Goals:", "STG (3 wks):", "1.", "-").
_GOAL_PREFIX = re.compile(
    r"^(?:\s*(?:[-•*]|\d{1,2}[.)]|(?:short|long)[- ]term\s+goals?(?:\s*\([^)]*\))?\s*:?|(?:functional\s+)?goals?"
    r"(?:\s*\([^)]*\))?\s*:|[SL]TG\s*(?:\d+)?(?:\s*\([^)]*\))?\s*:?))+",
    re.I,
)
#: A line that is the document's title ("Massage Therapy Treatment Note"): a technique named there was not done.
_TITLE = re.compile(r"^[A-Za-z /&()\-–]*\b(?:note|evaluation|eval|visit|summary|report|record|encounter)\s*$", re.I)
#: A side written right after a complaint ("sciatica down the R leg", "swelling in B ankles"); a side after a
#: conjunction belongs to the next complaint ("LBP and R SIJ pain").
_SIDE_AFTER = re.compile(
    r"^\s*(?:(?:on|in|of|down|into|to|at)\s+(?:the\s+)?|radiating\s+(?:down\s+|into\s+)?(?:the\s+)?)?"
    r"(right|left|rt|lt|r|l|bilateral|bilat|b)\b(?!/)",
    re.I,
)
#: A templated answer after a condition ("Swelling: denies", "Bleeding - none"), or a negating word that closes
#: the clause ("pelvic girdle pain denied."): the answer negates the condition before it.
_FIELD_NEGATION = re.compile(
    r"\s*(?:[:\-–]\s*(?:denies|denied|none|negative|neg|absent|no)\b|(?:denied|absent|negative)\b(?=\s*(?:[.;,)\n]|$)))",
    re.I,
)
_MEASURE_SCORE = re.compile(r"^\W{0,3}(?:score|total|index)?\s*(?:of|=|:|was|is)?\s*(\d{1,3}(?:\.\d+)?)", re.I)
_PAIN_SCALE = re.compile(r"\b(nprs|nrs|vas|nps)\b", re.I)
_BEFORE = re.compile(r"\b(pre|before|initial|initially|start|beginning|arrival|intake|prior\s+to|from|was)\b", re.I)
_AFTER = re.compile(r"\b(post|after|end|following|discharge|leaving|to|now|decreased|reduced|improved)\b", re.I)


@dataclass(slots=True)
class _Mention:
    """A medspaCy entity, reduced to what the assembly needs."""

    label: str
    entry: str
    start: int
    end: int
    text: str
    status: Status
    section: str | None


class NoteReader:
    """Reads notes with one pipeline and one vocabulary; make one and reuse it."""

    def __init__(self, vocabulary: NoteVocabulary | None = None, nlp: Any = None) -> None:
        self.vocabulary = vocabulary or note_vocabulary()
        self.nlp = nlp if nlp is not None else default_pipeline()
        self.q = Quantities(self.vocabulary)
        self.credentials = CredentialReader(self.vocabulary)

    def read(self, text: str) -> NoteFacts:
        doc = self.nlp(text)
        return self._assemble(text, doc)

    def read_many(self, texts: list[str]) -> list[NoteFacts]:
        return [self._assemble(text, doc) for text, doc in zip(texts, self.nlp.pipe(texts), strict=True)]

    # -- assembly ------------------------------------------------------------------------------------------

    def _assemble(self, text: str, doc: Any) -> NoteFacts:
        sections = _Sections(doc)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        starts = [s for s, _ in sentences]

        def span(start: int, end: int) -> TextSpan:
            return TextSpan(start=start, end=end, text=text[start:end], section=sections.at(start))

        def sentence_of(position: int) -> tuple[int, int]:
            return sentences[max(0, bisect.bisect_right(starts, position) - 1)] if sentences else (0, len(text))

        mentions = sorted((_mention(s, sections) for s in doc.spans.get(TARGETS, ())), key=lambda m: m.start)
        q = self.q
        total = q.first_number("total_treatment", text)
        timed = q.first_number("total_timed", text)
        reserved = [(h.start, h.end) for h in (total, timed) if h]
        techniques = self._techniques(text, mentions, sentence_of, span, reserved)
        conditions = _concepts(mentions, "CONDITION", text, span)
        precautions = _concepts(mentions, "PRECAUTION", text, span)
        pregnancy = self._pregnancy(text, precautions, span)
        plan = self._plan(text, sections, sentence_of, span)
        referral = find_referral(text, q, self.vocabulary, self.credentials, span)
        therapist = find_signature(text, q, self.vocabulary, self.credentials, span)
        signed_lines = [(p.span.start, p.span.end) for p in (referral, therapist) if p is not None]
        goals = self._goals(text, sentences, sections, span, signed_lines)
        in_goals = [(g.span.start, g.span.end) for g in goals]
        return NoteFacts(
            characters=len(text),
            words=len(text.split()),
            date_of_service=(dos := q.dated("date_of_service", text)) and dos[0],
            date_of_service_span=span(dos[1].start, dos[1].end) if dos else None,
            techniques=techniques,
            total_treatment_minutes=_number("total_treatment_minutes", total, span),
            total_timed_minutes=_number("total_timed_minutes", timed, span),
            positions=tuple(
                ConceptFact(concept=m.entry, span=span(m.start, m.end), rule=f"positions.{m.entry}")
                for m in _first_of_each(mentions, "POSITION", self._exercise_names(text))
            ),
            pregnancy=pregnancy,
            conditions=conditions,
            precautions=precautions,
            pain=self._pain(text, span, in_goals),
            functional_limitations=find_limitations(text, self.vocabulary, sections.at, span, in_goals),
            outcome_measures=self._measures(text, mentions, span),
            referral=referral,
            plan_of_care=plan,
            goals=goals,
            therapist=therapist,
            responses=tuple(
                TextFact(kind="response", span=span(m.start(), m.end()), rule="patterns.response")
                for m in self.q.finditer("response", text)
            ),
        )

    def _techniques(
        self,
        text: str,
        mentions: list[_Mention],
        sentence_of: Any,
        span: Any,
        reserved: list[tuple[int, int]],
    ) -> tuple[TechniqueFact, ...]:
        found = [m for m in mentions if m.label == "TECHNIQUE" and m.status == "affirmed"]
        found = [m for m in found if not self._not_performed(text, m, sentence_of)]
        not_techniques = [(m.start(), m.end()) for m in self.q.finditer("not_a_technique", text)]
        found = [
            m for m in found
            if not any(s <= m.start < e for s, e in not_techniques) and not _in_title(text, m.start)
        ]
        groups = _merge_adjacent(found, text)
        minutes = [h for h in self.q.minutes(text) if not any(s <= h.start < e for s, e in reserved)]
        assigned = _assign_minutes(groups, minutes, sentence_of, text)
        regions = [m for m in mentions if m.label == "REGION"]
        facts = []
        for index, group in enumerate(groups):
            main = _main_of(group)
            code = next((m.text for m in group if _CODE.match(m.text)), None)
            hit = assigned.get(index)
            sentence_end = sentence_of(main.start)[1]
            next_start = groups[index + 1][0].start if index + 1 < len(groups) else len(text)
            window_end = min(sentence_end, next_start)
            own = [r for r in regions if group[-1].end <= r.start < window_end]
            facts.append(
                TechniqueFact(
                    technique=main.entry,
                    minutes=int(hit.value) if hit else None,
                    code=code,
                    regions=_regions(own, text, span),
                    span=span(group[0].start, group[-1].end),
                    minutes_span=span(hit.start, hit.end) if hit else None,
                    rule=f"techniques.{main.entry}",
                )
            )
        return tuple(facts)

    def _exercise_names(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in self.q.finditer("not_a_position", text)]

    def _not_performed(self, text: str, mention: _Mention, sentence_of: Any) -> bool:
        """A technique in a home program or a plan for later visits was not performed today."""
        start, end = sentence_of(mention.start)
        sentence = text[start:end]
        if self.q.search("home_program", sentence):
            return True
        if self.q.search("visit_not_held", text[start : mention.start]) or self.q.search(
            "appointment_after", text[mention.end : mention.end + 30]
        ):
            return True
        if mention.section in ("plan", "goals"):
            before = text[start : mention.start]
            return bool(self.q.search("future_plan", before)) or not self.q.minutes(sentence)
        return False

    def _pregnancy(self, text: str, precautions: tuple[ConceptFact, ...], span: Any) -> PregnancyFacts:
        q = self.q
        ga = q.gestational_age(text)
        edd = q.dated("edd", text)
        gp = q.gravida_para(text)
        pp = q.postpartum_weeks(text)
        risk = next(
            (p for p in precautions if p.concept == "high_risk_pregnancy" and p.status == "affirmed"), None
        )
        return PregnancyFacts(
            gestational_age=ga[0] if ga else None,
            gestational_age_span=span(ga[1].start, ga[1].end) if ga else None,
            edd=edd[0] if edd else None,
            edd_span=span(edd[1].start, edd[1].end) if edd else None,
            gravida=gp[0] if gp else None,
            para=gp[1] if gp else None,
            postpartum_weeks=int(pp.value) if pp else None,
            postpartum_span=span(pp.start, pp.end) if pp else None,
            high_risk=risk is not None,
            high_risk_span=risk.span if risk else None,
        )

    def _pain(self, text: str, span: Any, in_goals: list[tuple[int, int]]) -> tuple[PainScore, ...]:
        """Pain scores with before/after: the words beside each score, or its place in a pair ('6/10 -> 2/10').
        A score inside a goal ('pain <= 3/10 in 4 wks') is a target, not a measurement, and is left out."""
        scores = []
        hits = [h for h in self.q.pain_scores(text) if not any(s <= h.start < e for s, e in in_goals)]
        for index, hit in enumerate(hits):
            before = text[max(0, hit.start - 30) : hit.start]
            after = text[hit.end : hit.end + 24]
            scale_match = _PAIN_SCALE.search(before) or _PAIN_SCALE.search(after[:14])
            scale = {"nprs": "nprs", "nrs": "nprs", "nps": "nprs", "vas": "vas"}.get(
                scale_match.group(1).lower() if scale_match else "", "unspecified"
            )
            previous = hits[index - 1] if index else None
            following = hits[index + 1] if index + 1 < len(hits) else None
            when = "unspecified"
            if _PAIN_BEFORE.match(after):
                when = "before"
            elif _PAIN_AFTER.match(after) or (previous and _PAIN_LINK.match(text[previous.end : hit.start])):
                when = "after"
            elif following and _PAIN_LINK.match(text[hit.end : following.start]):
                when = "before"
            else:
                when = _nearest_cue(before[-18:])
            scores.append(PainScore(score=hit.value, scale=scale, when=when, span=span(hit.start, hit.end)))
        return tuple(scores)

    def _measures(self, text: str, mentions: list[_Mention], span: Any) -> tuple[NumberFact, ...]:
        facts = []
        for m in mentions:
            if m.label != "MEASURE":
                continue
            score = _MEASURE_SCORE.match(text[m.end : m.end + 24])
            if score:
                end = m.end + score.end()
                facts.append(NumberFact(name=m.entry, value=float(score.group(1)), span=span(m.start, end),
                                        rule=f"measures.{m.entry}"))
        return tuple(facts)

    def _plan(self, text: str, sections: _Sections, sentence_of: Any, span: Any) -> PlanFacts | None:
        """Visits per week and weeks of care, from the plan section or a sentence that speaks of the plan."""
        frequency = None
        for hit in self.q.frequencies(text):
            start, end = sentence_of(hit.start)
            if sections.at(hit.start) == "plan" or self.q.search("plan_cue", text, start, end):
                frequency = hit
                break
        if frequency is None:
            return None
        line_end = text.find("\n", frequency.end)
        window = text[frequency.start : len(text) if line_end == -1 else line_end]
        duration = self.q.duration(window)
        end = frequency.start + duration.end if duration else frequency.end
        return PlanFacts(
            frequency_per_week=int(frequency.value),
            duration_weeks=int(duration.value) if duration else None,
            span=span(frequency.start, end),
        )

    def _goals(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        sections: _Sections,
        span: Any,
        signed_lines: list[tuple[int, int]],
    ) -> tuple[TextFact, ...]:
        """Sentences in a goals section or with a goal cue; not a bare heading, and not the signature or referral
        line that a goals section at the end of a note runs into."""
        goals = []
        for start, end in sentences:
            if any(start < e and s < end for s, e in signed_lines):
                continue
            sentence = text[start:end].strip()
            if len(_GOAL_PREFIX.sub("", sentence).split()) < 2:
                continue
            if sections.at(start) == "goals" or self.q.search("goal_cue", sentence):
                measurable = self.q.measurable(sentence)
                goals.append(TextFact(kind="goal", measurable=measurable, span=span(start, end), rule="notes.goal"))
        return tuple(goals)


class _Sections:
    """Section of any character offset, from the sectionizer's token categories."""

    def __init__(self, doc: Any) -> None:
        self.starts: list[int] = []
        self.names: list[str | None] = []
        for section in doc._.sections:
            first = doc[section.title_start] if section.title_start is not None else doc[section.body_start]
            self.starts.append(first.idx)
            self.names.append(section.category)

    def at(self, position: int) -> str | None:
        index = bisect.bisect_right(self.starts, position) - 1
        return self.names[index] if index >= 0 else None


def _mention(ent: Any, sections: _Sections) -> _Mention:
    status: Status = "affirmed"
    extensions = ent._
    if ent.label_ in CONTEXT_LABELS:
        if extensions.is_negated:
            status = "negated"
        elif extensions.is_family:
            status = "family"
        elif extensions.is_hypothetical:
            status = "hypothetical"
        elif extensions.is_historical:
            status = "historical"
    return _Mention(
        label=ent.label_,
        entry=extensions.target_rule.metadata["id"],
        start=ent.start_char,
        end=ent.end_char,
        text=ent.text,
        status=status,
        section=sections.at(ent.start_char),
    )


def _first_of_each(
    mentions: list[_Mention], label: str, skip: list[tuple[int, int]] | None = None
) -> list[_Mention]:
    seen: set[str] = set()
    kept = []
    for m in mentions:
        if any(s <= m.start < e for s, e in skip or ()):
            continue
        if m.label == label and m.status == "affirmed" and m.entry not in seen:
            seen.add(m.entry)
            kept.append(m)
    return kept


def _concepts(mentions: list[_Mention], label: str, text: str, span: Any) -> tuple[ConceptFact, ...]:
    """One fact per concept and status: the first mention of each, with its side when written beside it."""
    seen: set[tuple[str, str]] = set()
    facts = []
    kind = "conditions" if label == "CONDITION" else "precautions"
    for m in mentions:
        if m.label != label:
            continue
        status: Status = m.status
        if status == "affirmed" and _FIELD_NEGATION.match(text, m.end, m.end + 16):
            status = "negated"
        if (m.entry, status) in seen:
            continue
        seen.add((m.entry, status))
        facts.append(
            ConceptFact(concept=m.entry, status=status, side=_side(text, m.start, m.end), span=span(m.start, m.end),
                        rule=f"{kind}.{m.entry}")
        )
    return tuple(facts)


def _side(text: str, start: int, end: int) -> Side | None:
    before = _SIDE_BEFORE.search(text[max(0, start - 14) : start])
    if before:
        return _SIDES[before.group(1).lower()]
    after = _SIDE_AFTER.match(text[end : end + 30])
    if after:
        return _SIDES.get(after.group(1).lower())
    return None


def _regions(mentions: list[_Mention], text: str, span: Any) -> tuple[RegionMention, ...]:
    """Each region once per side; a region named again without a side ('R lumbar paraspinals' matches 'lumbar'
    and 'paraspinals') adds nothing when it already has one."""
    found: list[RegionMention] = []
    for m in mentions:
        side = _side(text, m.start, m.start)
        found.append(RegionMention(region=m.entry, side=side, span=span(m.start, m.end)))
    sided = {r.region for r in found if r.side}
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for r in found:
        if (r.region, r.side) in seen or (r.side is None and r.region in sided):
            continue
        seen.add((r.region, r.side))
        kept.append(r)
    return tuple(kept)


def _nearest_cue(before: str) -> Literal["before", "after", "unspecified"]:
    """The when-word closest before a score decides ('pre: 6/10, post: 3/10' makes the 3 after)."""
    last_before = max((m.end() for m in _BEFORE.finditer(before)), default=-1)
    last_after = max((m.end() for m in _AFTER.finditer(before)), default=-1)
    if last_after > last_before:
        return "after"
    return "before" if last_before >= 0 else "unspecified"


def _in_title(text: str, position: int) -> bool:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return _TITLE.match(text[start : len(text) if end == -1 else end].strip()) is not None


def _merge_adjacent(found: list[_Mention], text: str) -> list[list[_Mention]]:
    """'Manual therapy (97140): MFR' is one service: words joined only by punctuation merge into one group."""
    groups: list[list[_Mention]] = []
    for m in found:
        if groups and m.start >= groups[-1][-1].end and _JOINER.match(text[groups[-1][-1].end : m.start]):
            previous = groups[-1]
            if _CODE.match(m.text) or any(_CODE.match(p.text) for p in previous) or (
                {p.entry for p in previous} & GENERIC_TECHNIQUES or m.entry in GENERIC_TECHNIQUES
            ):
                previous.append(m)
                continue
        if groups and m.start < groups[-1][-1].end:
            continue
        groups.append([m])
    return groups


def _main_of(group: list[_Mention]) -> _Mention:
    named = [m for m in group if not _CODE.match(m.text)]
    specific = [m for m in named if m.entry not in GENERIC_TECHNIQUES]
    return (specific or named or group)[0]


def _assign_minutes(
    groups: list[list[_Mention]], minutes: list[Hit], sentence_of: Any, text: str
) -> dict[int, Hit]:
    """Each minutes expression goes to one technique in its sentence: the one right after it ('15' STM'),
    else the nearest one before it without minutes ('MFR x 15 min'), else the next one."""
    assigned: dict[int, Hit] = {}
    for hit in minutes:
        sentence = sentence_of(hit.start)
        inside = [i for i, g in enumerate(groups) if sentence[0] <= g[0].start < sentence[1]]
        if not inside:
            continue
        following = [
            i for i in inside if groups[i][0].start >= hit.end and not text[hit.end : groups[i][0].start].strip(" -:")
        ]
        preceding = [i for i in inside if groups[i][-1].end <= hit.start and i not in assigned]
        later = [i for i in inside if groups[i][0].start >= hit.end and i not in assigned]
        choice = None
        if following and following[0] not in assigned:
            choice = following[0]
        elif preceding:
            choice = preceding[-1]
        elif later:
            choice = later[0]
        if choice is not None:
            assigned[choice] = hit
    return assigned


def _number(name: str, hit: Hit | None, span: Any) -> NumberFact | None:
    return NumberFact(name=name, value=hit.value, span=span(hit.start, hit.end), rule=hit.rule) if hit else None


@lru_cache(maxsize=1)
def default_reader() -> NoteReader:
    """One reader per process: building the pipeline takes about a second."""
    return NoteReader()


def read_note(text: str) -> NoteFacts:
    """The facts in one note (the text must already be checked by `gravida.notes.text_input`)."""
    return default_reader().read(text)
