"""Scores the note records: pain scores, each taken before or after the session, and outcome-measure scores.

Why a module of its own: a pain score's meaning hangs on the words around it ('6/10 pre-tx', 'Pre 3/10   Post
1/10', 'By the end of the session she rated it 3/10'), which takes a set of rules of its own; an outcome measure is
a score after a measure's name.
"""

from __future__ import annotations

import re
from typing import Literal

from gravida.domain.note import NumberFact, PainScore
from gravida.notes.mentions import Mention
from gravida.notes.people import SpanMaker
from gravida.notes.quantities import Quantities

#: The scale a chart may name between a score and its when-word ("4/10 (NPRS) pre-session", "3/10 on VAS post").
_SCALE_BETWEEN = r"(?:\(?\s*(?:on\s+(?:the\s+)?)?(?:nprs|nrs|vas|nps)\s*\)?\s*)?"
#: A when-word right after a score, maybe behind the word pain or the scale's name ("6/10 pre-tx", "4/10 pain
#: before session", "8/10 (NPRS) pre-tx").
_PAIN_BEFORE = re.compile(
    rf"^\s*(?:pain\s+)?{_SCALE_BETWEEN}\(?\s*(?:pre\b|pre-|before|at\s+(?:the\s+)?(?:start|beginning|outset)"
    r"|initially|on\s+arrival)",
    re.I,
)
_PAIN_AFTER = re.compile(
    rf"^\s*(?:pain\s+)?{_SCALE_BETWEEN}\(?\s*(?:post\b|post-|after|afterwards?|at\s+(?:the\s+)?end|following"
    r"|at\s+discharge)",
    re.I,
)
#: The rest of a when-word that labels the next score rather than this one: nothing ("Pre 3/10   Post 1/10"), or a
#: session word and a colon ("Pre-treatment: 7/10   Post-treatment: 0/10").
_PAIN_LABEL_REST = re.compile(r"[\s:=-]*|-?\s*(?:tx|treatment|session|massage|therapy|visit)\s*[:=]\s*", re.I)
#: A when-label written right before a score ("pre-treatment 8/10", "Post: 1/10"): a score labelled this way is
#: one of a row of labelled scores, so a when-word after it opens the next label even without a colon
#: ("pre-treatment 8/10   post-treatment 1/10").
_PAIN_LEADING_LABEL = re.compile(
    r"\b(?:pre|post|before|after)(?:[-\s]?(?:tx|treatment|session|massage|therapy|visit))?\s*[:=]?\s*$", re.I
)
_PAIN_LABEL_REST_BARE = re.compile(r"-?\s*(?:tx|treatment|session|massage|therapy|visit)\s+", re.I)
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
_PAIN_SCALE = re.compile(r"\b(nprs|nrs|vas|nps)\b", re.I)
_BEFORE = re.compile(r"\b(pre|before|initial|initially|start|beginning|arrival|intake|prior\s+to|from|was)\b", re.I)
_AFTER = re.compile(r"\b(post|after|end|following|discharge|leaving|to|now|decreased|reduced|improved)\b", re.I)
#: The score after a measure's name: "ODI 34%", "PGQ score 45", and the averaged PSFS ("PSFS avg 5.3", "PSFS
#: average score: 6"), whose score is the mean of the patient's rated activities.
_MEASURE_SCORE = re.compile(
    r"^\W{0,3}(?:(?:avg\.?|average|mean)\s*)?(?:score|total|index)?\s*(?:of|=|:|was|is)?\s*(\d{1,3}(?:\.\d+)?)", re.I
)


def find_pain_scores(
    text: str, q: Quantities, span: SpanMaker, in_goals: list[tuple[int, int]]
) -> tuple[PainScore, ...]:
    """Pain scores with before/after: the words beside each score, or its place in a pair ('6/10 -> 2/10').
    A score inside a goal ('pain <= 3/10 in 4 wks') is a target, not a measurement, and is left out."""
    scores: list[PainScore] = []
    hits = [h for h in q.pain_scores(text) if not any(s <= h.start < e for s, e in in_goals)]
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
        if trailing and following and (
            _PAIN_LABEL_REST.fullmatch(text, hit.end + trailing.end(), following.start)
            or (
                _PAIN_LABEL_REST_BARE.fullmatch(text, hit.end + trailing.end(), following.start)
                and _PAIN_LEADING_LABEL.search(text, max(0, hit.start - 24), hit.start)
            )
        ):
            # "Pre 3/10   Post 1/10", "Pre-tx: 7/10  Post-tx: 0/10", "pre-treatment 8/10   post-treatment 1/10":
            # the word after this score labels the next.
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


def find_outcome_measures(text: str, mentions: list[Mention], span: SpanMaker) -> tuple[NumberFact, ...]:
    """Each outcome measure named with its score right after it ("ODI 34%"); a measure named without a score
    is left out."""
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
