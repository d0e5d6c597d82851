"""A visit note to `NoteFacts`: medspaCy finds the named things, patterns find the numbers, and this module
lines them up (a technique with its minutes and regions, a pain score with before or after).

Every fact keeps its span and the rule that produced it (`techniques.myofascial_release`, `patterns.minutes`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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
_SIDE_AFTER = re.compile(r"^[^.;\n]{0,25}?\b(?:down\s+(?:the\s+)?)?(right|left|r|l|bilateral|bilat)\b", re.I)
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
        plan = self._plan(text, span)
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
                for m in _first_of_each(mentions, "POSITION")
            ),
            pregnancy=pregnancy,
            conditions=conditions,
            precautions=precautions,
            pain=self._pain(text, span),
            functional_limitations=find_limitations(text, self.vocabulary, sections.at, span),
            outcome_measures=self._measures(text, mentions, span),
            referral=find_referral(text, q, self.vocabulary, self.credentials, span),
            plan_of_care=plan,
            goals=self._goals(text, sentences, sections, span),
            therapist=find_signature(text, q, self.vocabulary, self.credentials, span),
            responses=tuple(
                TextFact(kind="response", span=span(m.start(), m.end()), rule="patterns.response")
                for m in self.vocabulary.patterns["response"].finditer(text)
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

    def _not_performed(self, text: str, mention: _Mention, sentence_of: Any) -> bool:
        """A technique in a home program or a plan for later visits was not performed today."""
        start, end = sentence_of(mention.start)
        sentence = text[start:end]
        if self.vocabulary.patterns["home_program"].search(sentence):
            return True
        if mention.section in ("plan", "goals"):
            before = text[start : mention.start]
            return bool(self.vocabulary.patterns["future_plan"].search(before)) or not self.q.minutes(sentence)
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

    def _pain(self, text: str, span: Any) -> tuple[PainScore, ...]:
        scores = []
        hits = self.q.pain_scores(text)
        for index, hit in enumerate(hits):
            before = text[max(0, hit.start - 30) : hit.start]
            after = text[hit.end : hit.end + 14]
            scale_match = _PAIN_SCALE.search(before) or _PAIN_SCALE.search(after)
            scale = {"nprs": "nprs", "nrs": "nprs", "nps": "nprs", "vas": "vas"}.get(
                scale_match.group(1).lower() if scale_match else "", "unspecified"
            )
            when = "unspecified"
            if re.match(r"^\s*(?:pre|before|at\s+start|initially|on\s+arrival)\b", after, re.I):
                when = "before"
            elif re.match(r"^\s*(?:post|after|at\s+end|following|at\s+discharge)\b", after, re.I):
                when = "after"
            elif index > 0 and re.search(r"\bto\s*$", before) and hits[index - 1].end >= hit.start - 12:
                when = "after"
            elif index + 1 < len(hits) and re.match(r"^\s*(?:to|->|→|-->|>)\s*$", text[hit.end : hits[index + 1].start]):
                when = "before"
            elif _AFTER.search(before[-18:]) and not _BEFORE.search(before[-18:]):
                when = "after"
            elif _BEFORE.search(before[-18:]):
                when = "before"
            scores.append(PainScore(score=hit.value, scale=scale, when=when, span=span(hit.start, hit.end)))
        return tuple(scores)

    def _measures(self, text: str, mentions: list[_Mention], span: Any) -> tuple[NumberFact, ...]:
        facts = []
        for m in mentions:
            if m.label != "MEASURE":
                continue
            score = re.match(r"^\W{0,3}(?:score|total|index)?\s*(?:of|=|:|was|is)?\s*(\d{1,3}(?:\.\d+)?)", text[m.end : m.end + 24], re.I)
            if score:
                end = m.end + score.end()
                facts.append(NumberFact(name=m.entry, value=float(score.group(1)), span=span(m.start, end),
                                        rule=f"measures.{m.entry}"))
        return tuple(facts)

    def _plan(self, text: str, span: Any) -> PlanFacts | None:
        frequency = self.q.frequency(text)
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

    def _goals(self, text: str, sentences: list[tuple[int, int]], sections: _Sections, span: Any) -> tuple[TextFact, ...]:
        cue = self.vocabulary.patterns["goal_cue"]
        goals = []
        for start, end in sentences:
            sentence = text[start:end].strip()
            if len(sentence) < 6:
                continue
            if sections.at(start) == "goals" or cue.search(sentence):
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


def _first_of_each(mentions: list[_Mention], label: str) -> list[_Mention]:
    seen: set[str] = set()
    kept = []
    for m in mentions:
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
        if m.label != label or (m.entry, m.status) in seen:
            continue
        seen.add((m.entry, m.status))
        facts.append(
            ConceptFact(concept=m.entry, status=m.status, side=_side(text, m.start, m.end), span=span(m.start, m.end),
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
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for m in mentions:
        side = _side(text, m.start, m.start)
        if (m.entry, side) in seen:
            continue
        seen.add((m.entry, side))
        kept.append(RegionMention(region=m.entry, side=side, span=span(m.start, m.end)))
    return tuple(kept)


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
        following = [i for i in inside if groups[i][0].start >= hit.end and not text[hit.end : groups[i][0].start].strip(" -:")]
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
