"""The plan of care: visits per week and weeks of care, and the goals the note sets.

Why a module of its own: both look ahead, and a goal is told from the sentences around it by its section, its
cue or its place in a numbered list; not by a report on the goals ('Goals met.') or the signature line a goals
section at the end of a note runs into.
"""

from __future__ import annotations

import bisect
import re

from gravida.domain.note import PlanFacts, TextFact
from gravida.notes.mentions import Sections, SentenceOf
from gravida.notes.people import SpanMaker
from gravida.notes.quantities import Quantities

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


def find_plan(
    text: str, q: Quantities, sections: Sections, sentence_of: SentenceOf, span: SpanMaker
) -> PlanFacts | None:
    """Visits per week and weeks of care, from the plan section or a sentence that speaks of the plan."""
    frequency = None
    for hit in q.frequencies(text):
        start, end = sentence_of(hit.start)
        if sections.at(hit.start) == "plan" or q.search("plan_cue", text, start, end):
            frequency = hit
            break
    if frequency is None:
        return None
    line_end = text.find("\n", frequency.end)
    window = text[frequency.start : len(text) if line_end == -1 else line_end]
    duration = q.duration(window)
    end = frequency.start + duration.end if duration else frequency.end
    return PlanFacts(
        frequency_per_week=int(frequency.value),
        duration_weeks=int(duration.value) if duration else None,
        span=span(frequency.start, end),
    )


def find_goals(
    text: str,
    q: Quantities,
    sentences: list[tuple[int, int]],
    sections: Sections,
    span: SpanMaker,
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
            in_list = in_list or bool(q.search("goal_cue", sentence))
            continue
        if words < 2 or not (
            (headed and _under_goals_heading(text, sections, start))
            or q.search("goal_cue", sentence)
            or (numbered and in_list)
        ):
            in_list = False
            continue
        if _GOAL_STATUS.search(sentence):
            in_list = False
            continue  # "Goals met.": a report on the goals, not one
        in_list = numbered
        measurable = q.measurable(sentence)
        goals.append(TextFact(kind="goal", measurable=measurable, span=span(start, end), rule="notes.goal"))
    return tuple(goals)


def _under_goals_heading(text: str, sections: Sections, position: int) -> bool:
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
