"""A visit note to `NoteFacts`: medspaCy finds the named things, patterns find the numbers, and this module
lines them up (a technique with its minutes and regions, a pain score with before or after).

Every fact keeps its span and the rule that produced it (`techniques.myofascial_release`, `patterns.minutes`).

Each kind of fact has its rules in a module of its own (`gravida.notes.techniques`, `.concepts`, `.scores`,
`.goals`, all reading the mentions of `gravida.notes.mentions`); this module runs the pipeline once per note, builds
those mentions and puts the facts together.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Any

from gravida.domain.note import (
    ConceptFact,
    NoteFacts,
    NumberFact,
    PregnancyFacts,
    TextFact,
    TextSpan,
)
from gravida.knowledge.note_vocabulary import NoteVocabulary, note_vocabulary
from gravida.notes.activities import find_limitations
from gravida.notes.checkboxes import unticked_options
from gravida.notes.concepts import find_concepts, pain_phrases, with_coordinated_sites
from gravida.notes.goals import find_goals, find_plan
from gravida.notes.mentions import Sections, SentenceOf, first_of_each, mention_from_entity
from gravida.notes.people import CredentialReader, SpanMaker, find_referral, find_signature
from gravida.notes.pipeline import TARGETS, default_pipeline
from gravida.notes.quantities import Hit, Quantities
from gravida.notes.scores import find_outcome_measures, find_pain_scores
from gravida.notes.techniques import GENERIC_TECHNIQUES, find_techniques

#: `GENERIC_TECHNIQUES` now lives in `gravida.notes.techniques`; it stays importable from here, where it was first.
__all__ = ["GENERIC_TECHNIQUES", "NoteReader", "default_reader", "read_note"]


class NoteReader:
    """Reads notes with one pipeline and one vocabulary; make one and reuse it."""

    def __init__(self, vocabulary: NoteVocabulary | None = None, nlp: Any = None) -> None:
        self.vocabulary = vocabulary or note_vocabulary()
        self.nlp = nlp if nlp is not None else default_pipeline()
        self.q = Quantities(self.vocabulary)
        self.credentials = CredentialReader(self.vocabulary)
        #: "neck pain" -> neck_pain: the condition phrases that end in a word for pain, without that word.
        self._pain_phrases = pain_phrases(self.vocabulary)

    def read(self, text: str) -> NoteFacts:
        doc = self.nlp(text)
        return self._assemble(text, doc)

    def read_many(self, texts: list[str]) -> list[NoteFacts]:
        return [self._assemble(text, doc) for text, doc in zip(texts, self.nlp.pipe(texts), strict=True)]

    # -- assembly ------------------------------------------------------------------------------------------

    def _assemble(self, text: str, doc: Any) -> NoteFacts:
        sections = Sections(doc)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        starts = [s for s, _ in sentences]

        def span(start: int, end: int) -> TextSpan:
            return TextSpan(start=start, end=end, text=text[start:end], section=sections.at(start))

        def sentence_of(position: int) -> tuple[int, int]:
            return sentences[max(0, bisect.bisect_right(starts, position) - 1)] if sentences else (0, len(text))

        graph = doc._.context_graph
        terminators = [m.modifier_span[0] for m in graph.modifiers if m.category == "TERMINATE"] if graph else []
        mentions = sorted(
            (mention_from_entity(s, sections, terminators) for s in doc.spans.get(TARGETS, ())), key=lambda m: m.start
        )
        mentions = with_coordinated_sites(mentions, text, self._pain_phrases)
        unticked = unticked_options(text)
        q = self.q
        total = q.first_number("total_treatment", text)
        timed = q.first_number("total_timed", text)
        reserved = [(h.start, h.end) for h in (total, timed) if h]
        referral = find_referral(text, q, self.vocabulary, self.credentials, span)
        prescribed = [sentence_of(cue.start()) for cue in q.finditer("referral_cue", text)]
        if referral:
            prescribed.append((referral.span.start, referral.span.end))
        techniques = find_techniques(text, q, mentions, sentence_of, span, reserved, prescribed, unticked)
        conditions = find_concepts(mentions, "CONDITION", text, span, q)
        precautions = find_concepts(mentions, "PRECAUTION", text, span, q)
        pregnancy = self._pregnancy(text, precautions, span)
        plan = find_plan(text, q, sections, sentence_of, span)
        therapist = find_signature(text, q, self.vocabulary, self.credentials, span)
        signed_lines = [(p.span.start, p.span.end) for p in (referral, therapist) if p is not None]
        goals = find_goals(text, q, sentences, sections, span, signed_lines)
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
                for m in first_of_each(mentions, "POSITION", self._exercise_names(text) + unticked)
            ),
            pregnancy=pregnancy,
            conditions=conditions,
            precautions=precautions,
            pain=find_pain_scores(text, q, span, in_goals),
            functional_limitations=find_limitations(text, self.vocabulary, sections.at, span, in_goals),
            outcome_measures=find_outcome_measures(text, mentions, span),
            referral=referral,
            plan_of_care=plan,
            goals=goals,
            therapist=therapist,
            responses=tuple(
                TextFact(kind="response", span=span(m.start(), m.end()), rule="patterns.response")
                for m in self.q.finditer("response", text)
                if not any(s <= m.start() < e for s, e in unticked)
            ),
            evaluations=self._evaluations(text, sections, sentence_of, span, prescribed),
        )

    def _evaluations(
        self,
        text: str,
        sections: Sections,
        sentence_of: SentenceOf,
        span: SpanMaker,
        prescribed: list[tuple[int, int]],
    ) -> tuple[TextFact, ...]:
        """Evaluation codes written for today's evaluation; not one planned ('re-eval (97164) in 4 wks' in the
        plan, 'will re-eval'), nor one the referral asks for."""
        found: list[TextFact] = []
        for m in self.q.finditer("evaluation_code", text):
            code = m["code"] or m["code2"]
            start, _ = sentence_of(m.start())
            if sections.at(m.start()) in ("plan", "goals") or self.q.search("future_cue", text[start : m.end()]):
                continue
            if any(s <= m.start() < e for s, e in prescribed) or any(f.value == code for f in found):
                continue
            found.append(TextFact(kind="evaluation", value=code, span=span(m.start(), m.end()),
                                  rule="patterns.evaluation_code"))
        return tuple(found)

    def _exercise_names(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in self.q.finditer("not_a_position", text)]

    def _pregnancy(self, text: str, precautions: tuple[ConceptFact, ...], span: SpanMaker) -> PregnancyFacts:
        q = self.q
        ga = q.gestational_age(text)
        edd = q.dated("edd", text)
        gp = q.gravida_para(text)
        pp = q.postpartum_weeks(text)
        if pp and ga and ga[1].rule == "patterns.gestational_age_weeks":
            ga = None  # after the birth, weeks alone ("cleared at 6 wk") are not a gestational age
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


def _number(name: str, hit: Hit | None, span: SpanMaker) -> NumberFact | None:
    return NumberFact(name=name, value=hit.value, span=span(hit.start, hit.end), rule=hit.rule) if hit else None


@lru_cache(maxsize=1)
def default_reader() -> NoteReader:
    """One reader per process: building the pipeline takes about a second."""
    return NoteReader()


def read_note(text: str) -> NoteFacts:
    """The facts in one note (the text must already be checked by `gravida.notes.text_input`)."""
    return default_reader().read(text)
