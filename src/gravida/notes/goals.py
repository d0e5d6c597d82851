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
from gravida.notes.quantities import Hit, Quantities

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
#: A word ahead of a frequency in its clause (`_plan_line` allows a short label only).
_PLAN_LABEL_WORD = re.compile(r"[^\W\d_]+")
#: The slash between goals listed on one line: spaced, unlike the slash of a score or a ratio ("3/10", "4+/5").
_GOAL_SEPARATOR = re.compile(r"[ \t]+/[ \t]+")
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
    """Visits per week and weeks of care, from the plan section, a sentence that speaks of the plan, or a frequency
    that opens its line with weeks of care right after it ("2x/wk x 6 wks" on a line of its own)."""
    frequency = None
    for hit in q.frequencies(text):
        start, end = sentence_of(hit.start)
        if (
            sections.at(hit.start) == "plan"
            or q.search("plan_cue", text, start, end)
            or _plan_line(text, q, max(start, text.rfind("\n", 0, hit.start) + 1), hit)
        ):
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


def _plan_line(text: str, q: Quantities, clause_start: int, frequency: Hit) -> bool:
    """Whether a frequency is a plan of care by its own shape: it opens its line or sentence, behind at most a
    short label ("2x/wk x 6 wks", "Proposed: 1x/week for 6 weeks", "P| 1x/wk x 6 wks"), and weeks of care follow it
    (visits a week for so many weeks). Not an activity's frequency ("walks 3x/wk"), nor one told as history ("has
    been walking 3x/wk for 6 weeks"): words ahead of it in the sentence say whose frequency it is."""
    if len(_PLAN_LABEL_WORD.findall(text, clause_start, frequency.start)) > 2:
        return False
    weeks = q.search("duration", text, frequency.end, min(len(text), frequency.end + 24))
    return weeks is not None and not text[frequency.end : weeks.start()].strip(" \t,;")


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
        for item_start, item_end in _goal_items(text, start, end):
            measurable = q.measurable(text[item_start:item_end])
            goals.append(
                TextFact(kind="goal", measurable=measurable, span=span(item_start, item_end), rule="notes.goal")
            )
    return tuple(goals)


def _goal_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The goals one sentence lists: a template may put them on one line between spaced slashes ("Goals: Sit 30 min
    in 4 wks / Improve posture"), where each part, past its prefix, is a goal of two words or more; otherwise the
    sentence is one goal (a slash inside a score or a ratio, "3/10", "4+/5", has no spaces around it)."""
    cuts = list(_GOAL_SEPARATOR.finditer(text, start, end))
    if not cuts:
        return [(start, end)]
    bounds = [start, *(p for c in cuts for p in (c.start(), c.end())), end]
    items = list(zip(bounds[::2], bounds[1::2], strict=True))
    if any(len(_GOAL_PREFIX.sub("", text[s:e].strip()).split()) < 2 for s, e in items):
        return [(start, end)]
    return items


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
