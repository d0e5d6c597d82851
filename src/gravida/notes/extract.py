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
from gravida.notes.checkboxes import answer_after, unticked_options
from gravida.notes.people import CredentialReader, find_referral, find_signature
from gravida.notes.pipeline import CONTEXT_LABELS, TARGETS, default_pipeline
from gravida.notes.quantities import Hit, Quantities

#: Broad technique words that a more specific one beside them refines ("Manual therapy: MFR").
GENERIC_TECHNIQUES = frozenset({"manual_therapy", "massage", "therapeutic_massage"})
_CODE = re.compile(r"^(?:9\d{4}|G0283)$")
_JOINER = re.compile(r"^[\s:()\-–/]*$")
#: Text between two techniques that opens a parenthesis describing the first ("Ther act (body mechanics ...)").
_DESCRIBES = re.compile(r"^\s*\(\s*$")
#: Text before a technique that makes it part of the one before ("MFR to C-section scar, incl. scar mobilization").
_INCLUDING = re.compile(r"\b(?:incl\.?|including|such\s+as|e\.g\.,?|i\.e\.,?)\s+(?:[\w-]+\s+){0,2}$", re.I)
#: Text between two techniques that joins them as one piece of work ("Swedish massage / effleurage to ...").
_COORDINATOR = re.compile(r"\s*(?:/|&|\+|,|and|or|with)\s*$", re.I)
#: A heading line: few words, no digits, no sentence punctuation, no words that aim a technique at a region
#: ("Prenatal massage - medical", not "Effleurage to back").
_HEADING = re.compile(r"^(?!.*\b(?:to|for|on|x|with|at|of|was|were|performed)\b)[^\W\d][^\d.!?;:]{0,60}$", re.I)
_SIDES: dict[str, Side] = {
    "r": "right", "rt": "right", "right": "right", "l": "left", "lt": "left", "left": "left",
    "b": "bilateral", "bil": "bilateral", "bilat": "bilateral", "bilateral": "bilateral", "both": "bilateral",
    "b/l": "bilateral", "bilaterally": "bilateral",
}
#: A side written before a region or complaint, maybe with '-sided' or an anatomical qualifier between
#: ("R QL", "right-sided PGP", "left lateral hip", "B/L UE").
_SIDE_BEFORE = re.compile(
    r"(?:^|[\s(,])(r|rt|right|l|lt|left|b|bil|bilat|bilateral|both|b/l)\.?(?:-sided|\s+sided)?\)?\s*"
    r"(?:(?:lateral|medial|anterior|posterior|ant|post|upper|lower|mid|inferior|superior|proximal|distal)\s+)?$",
    re.I,
)
#: A side written after a region: "rhomboids (L)", "volar wrist, R side", "TFL on the left", "pectorals bilaterally".
_SIDE_AFTER_REGION = re.compile(
    r"(?:\s*\((r|rt|l|lt|b|bil|bilat|b/l)\)|,?\s+(r|rt|l|lt|b|right|left)\s+side\b|\s+on\s+the\s+(left|right)\b"
    r"|\s+(bilaterally)\b)",
    re.I,
)
#: A condition may have one word between its side and itself: "right paraspinal spasm", "rt QL spasm".
_SIDE_BEFORE_CONDITION = re.compile(
    r"(?:^|[\s(,/])(r|rt|right|l|lt|left|b|bil|bilat|bilateral|both|b/l)\.?(?:-sided|\s+sided)?\)?\s+"
    r"(?:[a-z]{2,}\s+)?$",
    re.I,
)
#: A when-word right after a score, maybe behind the word pain ("6/10 pre-tx", "4/10 pain before session").
_PAIN_BEFORE = re.compile(
    r"^\s*(?:pain\s+)?\(?\s*(?:pre\b|pre-|before|at\s+(?:the\s+)?(?:start|beginning|outset)|initially|on\s+arrival)",
    re.I,
)
_PAIN_AFTER = re.compile(
    r"^\s*(?:pain\s+)?\(?\s*(?:post\b|post-|after|afterwards?|at\s+(?:the\s+)?end|following|at\s+discharge)", re.I
)
#: The rest of a when-word that labels the next score rather than this one: nothing ("Pre 3/10   Post 1/10"), or a
#: session word and a colon ("Pre-treatment: 7/10   Post-treatment: 0/10").
_PAIN_LABEL_REST = re.compile(r"[\s:=-]*|-?\s*(?:tx|treatment|session|massage|therapy|visit)\s*[:=]\s*", re.I)
_PAIN_LINK = re.compile(r"^\s*(?:to|->|→|-->|=>|>)\s*$")
#: A clause that opens with when its score was taken ("Before we started she rated her pain 6/10", "By the end of
#: the session she rated it 3/10"), after a section label if any: narrative notes put the when-words far ahead of
#: the number.
_PAIN_OPENS_BEFORE = re.compile(
    r"^\s*(?:\w{1,12}\s*:\s*)?(?:before\b|prior\s+to\b|at\s+(?:the\s+)?(?:start|beginning|outset)\b"
    r"|(?:up)?on\s+arrival\b|initially\b|pre-?(?:tx|treatment|session|massage)\b)",
    re.I,
)
_PAIN_OPENS_AFTER = re.compile(
    r"^\s*(?:\w{1,12}\s*:\s*)?(?:after\b|afterwards?\b|by\s+the\s+end\b|at\s+(?:the\s+)?end\b|following\b"
    r"|at\s+discharge\b|post-?(?:tx|treatment|session|massage)\b)",
    re.I,
)
#: The longest clause (in characters) searched back for an opening when-phrase.
_PAIN_CLAUSE = 90
#: The words a goal opens with, which are not the goal ("Goals:", "STG (3 wks):", "1.", "-").
_GOAL_PREFIX = re.compile(
    r"^(?:\s*(?:[-•*]|\d{1,2}[.)]|(?:short|long)[- ]term\s+goals?(?:\s*\([^)]*\))?\s*:?"
    r"|(?:(?:functional|client|patient|pt|treatment|therapy)\s+)?goals?"
    r"(?:\s*\([^)]*\))?\s*:|[SL]TG\s*(?:\d+)?(?:\s*\([^)]*\))?\s*:?))+",
    re.I,
)
#: A sentence that is only a list number, or a goals heading and the first number ("2.", "Client Goals: 1."): the
#: sentencizer splits a numbered item from its text.
_GOAL_NUMBER_END = re.compile(r"\d{1,2}[.)]\s*$")
#: A heading that labels one goal ("LTG: Pt will ..."), unlike "Goals:" over a list.
_ONE_GOAL_LABEL = re.compile(r"(?:STG|LTG|Goal)\s*:")
#: What the sentencizer may leave at a sentence's end that opens the next line (the dash before a signature).
_LINE_OPENERS = " \t\n—–-"
#: A sentence that reports progress on the goals ("Goals met.", "All STGs partially met", "progressing toward
#: goals"): it names goals without setting one.
_GOAL_STATUS = re.compile(
    r"\b(?:all\s+|\w+[- ]term\s+)?(?:goals?|[SL]TGs?)\s+(?:(?:were|was|have|has|been|are|is|now|partially|fully|not|"
    r"all)\s+)*(?:met|achieved|attained|reached|ongoing|in\s+progress)\b|\bprogress(?:ing|ed)?\s+(?:well\s+)?"
    r"(?:toward|towards)\s+(?:\w+\s+)?(?:goals?|[SL]TGs?)\b",
    re.I,
)
#: A line that is the document's title ("Massage Therapy Treatment Note"): a technique named there was not done.
_TITLE = re.compile(
    r"^[A-Za-z /&()\-–]*\b(?:note|evaluation|eval|visit|summary|report|record|encounter)\s*(?:\([^)]*\))?\s*$", re.I
)
#: A side written right after a complaint ("sciatica down the R leg", "swelling in B ankles"); a side after a
#: conjunction belongs to the next complaint ("LBP and R SIJ pain").
_SIDE_AFTER = re.compile(
    r"^\s*(?:(?:on|in|of|down|into|to|at)\s+(?:the\s+)?|radiating\s+(?:down\s+|into\s+)?(?:the\s+)?)?"
    r"(right|left|rt|lt|r|l|bilateral|bilat|b)\b(?!/)",
    re.I,
)
#: The score after a measure's name: "ODI 34%", "PGQ score 45", and the averaged PSFS ("PSFS avg 5.3", "PSFS
#: average score: 6"), whose score is the mean of the patient's rated activities.
_MEASURE_SCORE = re.compile(
    r"^\W{0,3}(?:(?:avg\.?|average|mean)\s*)?(?:score|total|index)?\s*(?:of|=|:|was|is)?\s*(\d{1,3}(?:\.\d+)?)", re.I
)
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
        #: "neck pain" -> neck_pain: the condition phrases that end in a word for pain, without that word.
        self._pain_phrases = _pain_phrases(self.vocabulary)

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

        graph = doc._.context_graph
        terminators = [m.modifier_span[0] for m in graph.modifiers if m.category == "TERMINATE"] if graph else []
        mentions = sorted(
            (_mention(s, sections, terminators) for s in doc.spans.get(TARGETS, ())), key=lambda m: m.start
        )
        mentions = _with_coordinated_sites(mentions, text, self._pain_phrases)
        unticked = unticked_options(text)
        q = self.q
        total = q.first_number("total_treatment", text)
        timed = q.first_number("total_timed", text)
        reserved = [(h.start, h.end) for h in (total, timed) if h]
        referral = find_referral(text, q, self.vocabulary, self.credentials, span)
        prescribed = [sentence_of(cue.start()) for cue in q.finditer("referral_cue", text)]
        if referral:
            prescribed.append((referral.span.start, referral.span.end))
        techniques = self._techniques(text, mentions, sentence_of, span, reserved, prescribed, unticked)
        conditions = _concepts(mentions, "CONDITION", text, span, q)
        precautions = _concepts(mentions, "PRECAUTION", text, span, q)
        pregnancy = self._pregnancy(text, precautions, span)
        plan = self._plan(text, sections, sentence_of, span)
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
                for m in _first_of_each(mentions, "POSITION", self._exercise_names(text) + unticked)
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
                if not any(s <= m.start() < e for s, e in unticked)
            ),
            evaluations=self._evaluations(text, sections, sentence_of, span, prescribed),
        )

    def _techniques(
        self,
        text: str,
        mentions: list[_Mention],
        sentence_of: Any,
        span: Any,
        reserved: list[tuple[int, int]],
        prescribed: list[tuple[int, int]],
        unticked: list[tuple[int, int]],
    ) -> tuple[TechniqueFact, ...]:
        found = [
            m for m in mentions
            if m.label == "TECHNIQUE" and m.status == "affirmed" and not any(s <= m.start < e for s, e in unticked)
        ]
        found = [m for m in found if not self._not_performed(text, m, sentence_of)]
        not_techniques = [(m.start(), m.end()) for m in self.q.finditer("not_a_technique", text)]
        found = [
            m for m in found
            if not any(s <= m.start < e for s, e in not_techniques) and not _in_title(text, m.start)
        ]
        found = _without_heading(found, text)
        groups = _merge_adjacent(found, text, sentence_of)
        minutes = [h for h in self.q.minutes(text) if not any(s <= h.start < e for s, e in reserved)]
        assigned = _assign_minutes(groups, minutes, sentence_of, text)
        regions = [m for m in mentions if m.label == "REGION"]
        windows: list[list[_Mention]] = []
        for index, group in enumerate(groups):
            sentence_end = sentence_of(group[0].start)[1]
            next_start = groups[index + 1][0].start if index + 1 < len(groups) else len(text)
            window_end = min(sentence_end, next_start)
            windows.append([r for r in regions if group[0].end <= r.start < window_end])
        # "Swedish massage / effleurage to low back, hips": techniques joined by a conjunction share the regions
        # written after the last of them.
        for index in range(len(groups) - 2, -1, -1):
            if not windows[index] and _COORDINATOR.match(text, groups[index][-1].end, groups[index + 1][0].start):
                windows[index] = windows[index + 1]
        nothing_today = self.q.search("no_treatment_today", text) is not None
        facts = []
        for index, group in enumerate(groups):
            hit = assigned.get(index)
            if hit is None and nothing_today:
                continue  # "no treatment was provided today": a technique without minutes is past or planned care
            if hit is None and any(s <= group[0].start < e for s, e in prescribed):
                continue  # named in the referral or prescription ("Rx ... for therapeutic massage"), not done
            main = _main_of(group)
            code = next((m.text for m in group if _CODE.match(m.text)), None)
            facts.append(
                TechniqueFact(
                    technique=main.entry,
                    minutes=int(hit.value) if hit else None,
                    code=code,
                    regions=_regions(windows[index], text, span),
                    span=span(group[0].start, group[-1].end),
                    minutes_span=span(hit.start, hit.end) if hit else None,
                    rule=f"techniques.{main.entry}",
                )
            )
        return _share_listed_minutes(_without_bare_generic_words(_one_fact_per_untimed_mention(facts, span)), text)

    def _evaluations(
        self, text: str, sections: _Sections, sentence_of: Any, span: Any, prescribed: list[tuple[int, int]]
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
        clause_start = max(start, text.rfind(";", start, mention.start) + 1)
        if self.q.search("future_cue", text[clause_start : mention.start]):
            return True  # "Consider TENS next visit", "will add STM": named for later, wherever it is written
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

    def _pain(self, text: str, span: Any, in_goals: list[tuple[int, int]]) -> tuple[PainScore, ...]:
        """Pain scores with before/after: the words beside each score, or its place in a pair ('6/10 -> 2/10').
        A score inside a goal ('pain <= 3/10 in 4 wks') is a target, not a measurement, and is left out."""
        scores: list[PainScore] = []
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
            if scale == "unspecified" and previous is not None and _same_run(text, previous.end, hit.start):
                # "NPRS current 5/10, worst 7/10, best 4/10", "NPRS 4/10 before and 2/10 after": one scale named
                # ahead of a run of scores is the scale of each.
                scale = scores[-1].scale
            trailing_before = _PAIN_BEFORE.match(after)
            trailing_after = None if trailing_before else _PAIN_AFTER.match(after)
            trailing = trailing_before or trailing_after
            if trailing and following and _PAIN_LABEL_REST.fullmatch(text, hit.end + trailing.end(), following.start):
                # "Pre 3/10   Post 1/10", "Pre-tx: 7/10  Post-tx: 0/10": the word after this score labels the next.
                trailing_before = trailing_after = None
            when: Literal["before", "after", "unspecified"]
            if trailing_before:
                when = "before"
            elif trailing_after or (previous and _PAIN_LINK.match(text[previous.end : hit.start])):
                when = "after"
            elif following and _PAIN_LINK.match(text[hit.end : following.start]):
                when = "before"
            else:
                # Only the words since the last sentence stop ("worse end of day. 4/10 pain": that "end" is not a
                # when-word) and, after a score close before, since the comma that ends it ("4/10 now, 9/10 at
                # worst": the "now" is the first score's).
                start = max(0, hit.start - 18)
                near = text[start : hit.start]
                cut = max(near.rfind(". "), near.rfind(";"), near.rfind("\n"))
                if previous is not None and previous.end > start:
                    cut = max(cut, near.rfind(","), previous.end - start - 1)
                when = _nearest_cue(near[cut + 1 :])
                if when == "unspecified":
                    when = _clause_opening(text, hit.start)
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
        """Sentences in a goals section or with a goal cue, and the numbered items that continue a numbered list
        of goals ("1. Pt will sit 30 min ... 2. Improve postural awareness."); not a bare heading, not a report on
        the goals ("Goals met."), and not the signature or referral line that a goals section at the end of a note
        runs into."""
        goals = []
        in_list = False  # the last numbered item was a goal
        numbered_next = False  # the sentence before was a bare list number
        headed = "goals" in sections.names  # the note has a goals heading
        for start, end in sentences:
            sentence = text[start:end].strip()
            numbered = numbered_next or bool(sentence[:1].isdigit() and _GOAL_PREFIX.match(sentence))
            numbered_next = False
            content_end = start + len(text[start:end].rstrip(_LINE_OPENERS))
            if any(start < e and s < content_end for s, e in signed_lines):
                in_list = False
                continue
            words = len(_GOAL_PREFIX.sub("", sentence).split())
            if words == 0 and _GOAL_NUMBER_END.search(sentence):
                numbered_next = True
                in_list = in_list or bool(self.q.search("goal_cue", sentence))
                continue
            if words < 2 or not (
                (headed and _under_goals_heading(text, sections, start))
                or self.q.search("goal_cue", sentence)
                or (numbered and in_list)
            ):
                in_list = False
                continue
            if _GOAL_STATUS.search(sentence):
                in_list = False
                continue  # "Goals met.": a report on the goals, not one
            in_list = numbered
            measurable = self.q.measurable(sentence)
            goals.append(TextFact(kind="goal", measurable=measurable, span=span(start, end), rule="notes.goal"))
        return tuple(goals)


def _under_goals_heading(text: str, sections: _Sections, position: int) -> bool:
    """Whether a sentence at `position` is in a goals section. A one-goal label written inside a line ("P: 1x wk x 8
    wks. LTG: Pt will ...") labels the sentence it opens, not what follows it on that line ("Pt to contact OB if
    anxiety develops.")."""
    index = bisect.bisect_right(sections.starts, position) - 1
    if index < 0 or sections.names[index] != "goals":
        return False
    heading = sections.starts[index]
    if heading >= position or "\n" in text[heading:position] or not _ONE_GOAL_LABEL.match(text, heading):
        return True
    return not text[text.rfind("\n", 0, heading) + 1 : heading].strip()


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


_STATUS_OF_CATEGORY: dict[str, Status] = {
    "NEGATED_EXISTENCE": "negated", "FAMILY": "family", "HYPOTHETICAL": "hypothetical", "HISTORICAL": "historical"
}
_STATUS_ORDER: tuple[Status, ...] = ("negated", "family", "hypothetical", "historical")


def _mention(ent: Any, sections: _Sections, terminators: list[int]) -> _Mention:
    """A target with its ConText status. A cue whose reach crosses a terminator (';', 'but', 'c/o') does not
    count: medspaCy leaves such a scope unlimited when cues of another kind follow ('no VB; FHx: HTN (sister)')."""
    status: Status = "affirmed"
    extensions = ent._
    if ent.label_ in CONTEXT_LABELS:
        found = {
            _STATUS_OF_CATEGORY[m.category]
            for m in extensions.modifiers
            if m.category in _STATUS_OF_CATEGORY and not _crosses(m.modifier_span, ent.start, terminators)
        }
        status = next((s for s in _STATUS_ORDER if s in found), "affirmed")
    return _Mention(
        label=ent.label_,
        entry=extensions.target_rule.metadata["id"],
        start=ent.start_char,
        end=ent.end_char,
        text=ent.text,
        status=status,
        section=sections.at(ent.start_char),
    )


def _crosses(cue: tuple[int, int], target: int, terminators: list[int]) -> bool:
    """Whether a terminator token stands between a cue and the target it would modify."""
    low, high = (cue[1], target) if cue[1] <= target else (target, cue[0])
    return any(low <= t < high for t in terminators)


_PAIN_WORD = re.compile(r"\s+(pain|ache|aches|aching|discomfort|soreness|stiffness|tension)$", re.I)
#: One or two words and a conjunction just before a condition ("neck and " in "neck and upper back pain").
_SITE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
    r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*/\s*|\s*&\s*|\s+or\s+)"
    r"(?:(?:r|l|rt|lt|right|left|b|bilat|bilateral)(?:-sided|\s+sided)?\s+)?$",
    re.I,
)


def _pain_phrases(vocabulary: NoteVocabulary) -> dict[str, str]:
    """Each condition phrase written as a site and a word for pain ("neck pain"), by its site ("neck")."""
    sites: dict[str, str] = {}
    for entry_id, entry in vocabulary.conditions.entries.items():
        for phrase in entry.phrases:
            found = _PAIN_WORD.search(phrase)
            if found:
                sites.setdefault(phrase[: found.start()].lower(), entry_id)
    return sites


def _with_coordinated_sites(mentions: list[_Mention], text: str, sites: dict[str, str]) -> list[_Mention]:
    """'neck and upper back pain', 'low back/pelvic pain': the first site shares the pain word of the last, so it
    is a condition too, with the same ConText status (the cue that negates one negates the list)."""
    added: list[_Mention] = []
    taken = [(m.start, m.end) for m in mentions if m.label == "CONDITION"]
    for m in mentions:
        if m.label != "CONDITION" or not _PAIN_WORD.search(m.text):
            continue
        end = m.start
        while True:
            found = _SITE_BEFORE.search(text, max(0, end - 40), end)
            if not found:
                break
            words = found.group(1)
            site = next((w for w in (words.lower(), words.lower().split()[-1]) if w in sites), None)
            if site is None:
                break
            start = found.end(1) - len(site)
            if any(s < found.end(1) and start < e for s, e in taken):
                break
            added.append(_Mention("CONDITION", sites[site], start, found.end(1), text[start : found.end(1)],
                                  m.status, m.section))
            end = start
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


#: An EMR option left unticked ("[ ] Semi-reclined", "☐ Seated"): the box and its label, up to the next box.
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


def _concepts(
    mentions: list[_Mention], label: str, text: str, span: Any, q: Quantities
) -> tuple[ConceptFact, ...]:
    """One fact per concept and status: the first mention of each, with its side when written beside it, or the
    side a later mention gives ('Referral ... for pelvic girdle pain' then 'R SIJ pain x 4 wks')."""
    seen: dict[tuple[str, str], int] = {}
    facts: list[ConceptFact] = []
    kind = "conditions" if label == "CONDITION" else "precautions"
    for m in mentions:
        if m.label != label:
            continue
        status: Status = m.status
        answer = answer_after(text, m.end)
        denied = status in ("affirmed", "historical") and q.match("negative_answer", text, m.end, m.end + 32)
        if answer == "no" or (answer is None and denied):
            status = "negated"  # "Swelling: denies", "History of DVT: [ ] Yes [x] No", a ticked No column
        elif answer == "yes" and status == "negated":
            status = "affirmed"
        side = _side(text, m.start, m.end, _SIDE_BEFORE_CONDITION)
        earlier = seen.get((m.entry, status))
        if earlier is not None:
            if side and facts[earlier].side is None:
                facts[earlier] = facts[earlier].model_copy(update={"side": side})
            continue
        seen[(m.entry, status)] = len(facts)
        facts.append(ConceptFact(concept=m.entry, status=status, side=side, span=span(m.start, m.end),
                                 rule=f"{kind}.{m.entry}"))
    return tuple(facts)


def _side(text: str, start: int, end: int, pattern: re.Pattern[str] = _SIDE_BEFORE) -> Side | None:
    before = pattern.search(text[max(0, start - 30) : start])
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
    previous: _Mention | None = None
    for m in mentions:
        side = _side(text, m.start, m.start)
        after = _SIDE_AFTER_REGION.match(text, m.end, m.end + 24) if side is None else None
        if after:
            side = _SIDES[next(g for g in after.groups() if g).lower()]
        if side is None and previous is not None and found[-1].side and _COORDINATOR.match(text, previous.end, m.start):
            side = found[-1].side  # "bilat forearms & wrists", "B UT/levator": one side for the whole list
        found.append(RegionMention(region=m.entry, side=side, span=span(m.start, m.end)))
        previous = m
    sided = {r.region for r in found if r.side}
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for r in found:
        if (r.region, r.side) in seen or (r.side is None and r.region in sided):
            continue
        seen.add((r.region, r.side))
        kept.append(r)
    return tuple(kept)


def _same_run(text: str, previous_end: int, start: int) -> bool:
    """Two scores in one run: a few words apart in the same clause ("5/10, worst 7/10"), no sentence or line
    between them."""
    gap = text[previous_end:start]
    return len(gap) <= 30 and not any(c in gap for c in ".;\n")


def _clause_opening(text: str, position: int) -> Literal["before", "after", "unspecified"]:
    """When the clause holding a score says it was taken, from the words it opens with."""
    window = text[max(0, position - _PAIN_CLAUSE) : position]
    cut = max(window.rfind(c) for c in ".!?;\n")
    if cut < 0 and position > _PAIN_CLAUSE:
        return "unspecified"  # the clause starts further back than the window: its opening is not in view
    clause = window[cut + 1 :]
    if _PAIN_OPENS_BEFORE.match(clause):
        return "before"
    return "after" if _PAIN_OPENS_AFTER.match(clause) else "unspecified"


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


def _without_bare_generic_words(facts: list[TechniqueFact]) -> list[TechniqueFact]:
    """A broad word alone, with no minutes or region ('seen today for a massage session'), names the kind of visit
    when the note names the work itself elsewhere ('pregnancy massage to the sacral region for 50 min')."""
    if len(facts) < 2:
        return facts
    return [f for f in facts if not (f.technique in GENERIC_TECHNIQUES and f.minutes is None and not f.regions)]


def _one_fact_per_untimed_mention(facts: list[TechniqueFact], span: Any) -> list[TechniqueFact]:
    """A technique named again without minutes ('Exercise detail: Kegels: quick flicks', 'seen for a prenatal
    massage' above 'pregnancy massage to the neck (55 min)') is the same service written twice: its regions join
    the first timed mention of that technique, or the first mention when none is timed."""
    kept: list[TechniqueFact] = []
    for fact in facts:
        if fact.minutes is not None:
            kept.append(fact)
            continue
        same = [i for i, k in enumerate(kept) if k.technique == fact.technique]
        later = [f for f in facts if f.technique == fact.technique and f.minutes is not None and f not in kept]
        if later:
            continue  # the timed mention further on takes this one's place
        if not same:
            kept.append(fact)
            continue
        target = next((i for i in same if kept[i].minutes is not None), same[0])
        regions = kept[target].regions + tuple(r for r in fact.regions if r.region not in
                                               {x.region for x in kept[target].regions})
        kept[target] = kept[target].model_copy(update={"regions": regions})
    return kept


def _share_listed_minutes(facts: list[TechniqueFact], text: str) -> tuple[TechniqueFact, ...]:
    """Techniques written as one list with one time ('Swedish massage / effleurage 9:00-9:25') point, when only
    one of them has the minutes, to that one: the time covers the list."""
    chains: list[list[int]] = []
    for index, fact in enumerate(facts):
        if chains and _COORDINATOR.match(text, facts[index - 1].span.end, fact.span.start):
            chains[-1].append(index)
        else:
            chains.append([index])
    out = list(facts)
    for chain in chains:
        timed = [i for i in chain if facts[i].minutes is not None]
        if len(chain) > 1 and len(timed) == 1:
            for i in chain:
                if i != timed[0]:
                    out[i] = facts[i].model_copy(update={"timed_with": timed[0]})
    return tuple(out)


def _without_heading(found: list[_Mention], text: str) -> list[_Mention]:
    """A technique in the note's heading line ("Prenatal massage - medical") names the kind of visit, not a
    service performed, when the note names techniques elsewhere; alone, it is all the note says was done."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    end = len(text) if end == -1 else end
    if end == len(text) or len(text[first:end].split()) > 6 or not _HEADING.match(text[first:end].strip()):
        return found
    below = [m for m in found if m.start >= end]
    return below if below else found


def _merge_adjacent(found: list[_Mention], text: str, sentence_of: Any) -> list[list[_Mention]]:
    """One service may be named by several words: 'Manual therapy (97140): MFR' (a broad word and the specific one,
    joined only by punctuation), 'kneading petrissage' (the same technique twice), 'Ther act (body mechanics) 12''
    (a technique in parentheses describing the one before it). A procedure code goes with the technique beside it
    in its sentence ('MLD (97140)', '97140 | MLD'), and stands for its own technique only when none is named."""
    codes = [m for m in found if _CODE.match(m.text)]
    masked = text
    for code in codes:  # codes do not separate the words they sit between
        masked = masked[: code.start] + " " * (code.end - code.start) + masked[code.end :]
    groups: list[list[_Mention]] = []
    for m in found:
        if _CODE.match(m.text):
            continue
        if groups and m.start >= groups[-1][-1].end:
            previous = groups[-1]
            between = masked[previous[-1].end : m.start]
            entries = {p.entry for p in previous}
            # "(body mechanics)", "to sacrum (Webster technique)": inside parentheses opened after the technique
            describes = _DESCRIBES.match(between) or (between.count("(") > between.count(")") and "\n" not in between)
            joined = _JOINER.match(between) and (
                entries & GENERIC_TECHNIQUES or m.entry in GENERIC_TECHNIQUES or m.entry in entries
            )
            if describes or joined or _INCLUDING.search(between):
                previous.append(m)
                continue
        if groups and m.start < groups[-1][-1].end:
            continue
        groups.append([m])
    for code in codes:
        _attach_code(groups, code, masked, sentence_of)
    groups.sort(key=lambda g: g[0].start)
    for group in groups:
        group.sort(key=lambda m: m.start)
    return groups


def _attach_code(groups: list[list[_Mention]], code: _Mention, masked: str, sentence_of: Any) -> None:
    """Put a code with the technique it labels: the one right before or after it, else the nearest in its sentence
    that has no code yet; a code alone in its sentence is a service of its own."""
    start, end = sentence_of(code.start)
    free = [g for g in groups if start <= g[0].start < end and not any(_CODE.match(m.text) for m in g)]
    if not free:
        groups.append([code])
        return
    before = [g for g in free if g[-1].end <= code.start]
    after = [g for g in free if g[0].start >= code.end]
    if before and _JOINER.match(masked[before[-1][-1].end : code.start] + " "):
        before[-1].append(code)
    elif after and re.match(r"^[\s|:()\-–]*$", masked[code.end : after[0][0].start]):
        after[0].append(code)
    else:
        nearest = min(free, key=lambda g: min(abs(g[0].start - code.end), abs(code.start - g[-1].end)))
        nearest.append(code)


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
        sentence = _clause(text, sentence_of(hit.start), hit.start)
        inside = [i for i, g in enumerate(groups) if sentence[0] <= g[0].start < sentence[1]]
        if not inside:
            continue
        following = [
            i for i in inside if groups[i][0].start >= hit.end and not text[hit.end : groups[i][0].start].strip(" -:")
        ]
        if hit.rule == "patterns.bare_times":  # "MFR x 15": only right after a technique; "holds x10" are repetitions
            adjacent = [i for i in inside if 0 <= hit.start - groups[i][-1].end <= 2 and i not in assigned]
            if adjacent:
                assigned[adjacent[0]] = hit
            continue
        preceding = [i for i in inside if groups[i][0].end <= hit.start and i not in assigned]
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


def _clause(text: str, sentence: tuple[int, int], position: int) -> tuple[int, int]:
    """The part of a sentence between semicolons around `position`: 'STM at piriformis; IASTM B hips 8:15-8:27'
    keeps each time with its own technique."""
    start, end = sentence
    before = text.rfind(";", start, position)
    after = text.find(";", position, end)
    return (before + 1 if before != -1 else start, after if after != -1 else end)


def _number(name: str, hit: Hit | None, span: Any) -> NumberFact | None:
    return NumberFact(name=name, value=hit.value, span=span(hit.start, hit.end), rule=hit.rule) if hit else None


@lru_cache(maxsize=1)
def default_reader() -> NoteReader:
    """One reader per process: building the pipeline takes about a second."""
    return NoteReader()


def read_note(text: str) -> NoteFacts:
    """The facts in one note (the text must already be checked by `gravida.notes.text_input`)."""
    return default_reader().read(text)
