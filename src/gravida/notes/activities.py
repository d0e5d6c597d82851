"""Functional limitations: a limiting phrase ('unable to', 'difficulty with') and the activity it limits.

A limiter is found first, then the activity is looked for in the few words after it (or, for 'sitting tolerance
limited', just before it). Two plain searches are much faster than one pattern with lazy gaps over the note.
A limiter can head a list ('Limited: carrying groceries, driving, walking >1 block'): each activity that opens
a later item of the list is limited too. On a form the list is of boxes ('Functional Limitations: ☐ Sitting
☑ Standing'): the ticked options are limited, the unticked ones are not (`gravida.notes.checkboxes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gravida.domain.note import TextFact, TextSpan
from gravida.knowledge.note_vocabulary import NoteVocabulary
from gravida.notes.checkboxes import BOX, unticked_options

_WINDOW = 48
# Every pattern here runs on the lowercased note (same offsets), which `re` matches much faster than IGNORECASE.
_TRAILING_LIMITERS = re.compile(
    r"\b(?:tolerance|intolerance|is\s+limited|limited|painful|difficult|restricted|increases\s+(?:her\s+)?pain"
    r"|aggravates|provokes|worsens)\b"
)
_NEGATED = re.compile(r"\b(?:no|without|denies|not)\s+$")


@dataclass(frozen=True)
class _Compiled:
    limiters: re.Pattern[str]
    activity_after: re.Pattern[str]
    activity_before: re.Pattern[str]
    #: The next activity of a list that a limiter heads ("Limited: carrying groceries, driving, walking >1 block").
    activity_more: re.Pattern[str]
    #: The activity a box's label opens with ("☑ Rolling in bed").
    activity_label: re.Pattern[str]
    by_word: dict[str, str]


_COMPILED: dict[int, _Compiled] = {}


def _compiled(vocabulary: NoteVocabulary) -> _Compiled:
    found = _COMPILED.get(id(vocabulary))
    if found is None:
        by_word = {
            phrase.lower(): activity
            for activity, entry in vocabulary.activities.entries.items()
            for phrase in entry.phrases
        }
        words = "|".join(re.escape(w) for w in sorted(by_word, key=len, reverse=True))
        found = _Compiled(
            limiters=re.compile(_limiter_regex(vocabulary.activities.limiters)),
            activity_after=re.compile(rf"(?:[^\w\n.;]+\w+){{0,5}}?[^\w\n.;]+({words})\b"),
            # Greedy lead: the activity nearest the limiter ("shoes and socks and standing limited" is standing).
            activity_before=re.compile(rf".*\b({words})(?:[^\w\n.;]+\w+){{0,3}}?[^\w\n.;]+$"),
            # An item's own words ("lifting her toddler", "sitting >30 min"), a list separator (a comma, "and",
            # "&", a slash, or the plus of shorthand: "standing + bending"), and the next activity right after it:
            # an activity behind other words ("relieved by walking") is not in the list.
            activity_more=re.compile(
                rf"[^\n.;,]{{0,40}}?(?:\s*,\s*(?:and\s+|or\s+|&\s*)?|\s+(?:and|or|&)\s+|\s*(?<!\bw)/\s*|\s+\+\s+)({words})\b"
            ),
            activity_label=re.compile(rf"[ \t]*({words})\b"),
            by_word=by_word,
        )
        _COMPILED[id(vocabulary)] = found
    return found


def _limiter_regex(phrases: tuple[str, ...]) -> str:
    """The limiters as one regex, each with a word boundary only where it begins or ends with a word character:
    "↑ sx w/" begins with an arrow and ends with a slash, where `\\b` would demand a letter beside them. The
    phrases that begin with a word share one leading `\\b`, which keeps the scan of a note fast (most positions
    fail that one test instead of every alternative)."""

    def word(char: str) -> bool:
        return char.isalnum() or char == "_"

    def tail(phrase: str) -> str:
        return re.escape(phrase) + (r"\b" if word(phrase[-1]) else "")

    ordered = sorted((p.lower() for p in phrases), key=len, reverse=True)
    worded = "|".join(tail(p) for p in ordered if word(p[0]))
    others = "|".join(tail(p) for p in ordered if not word(p[0]))
    return rf"\b(?:{worded})" + (f"|(?:{others})" if others else "")


def _lowered(text: str) -> str:
    """The text in lower case with every offset kept (a character whose lower case is longer stays as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def find_limitations(
    text: str,
    vocabulary: NoteVocabulary,
    section_at: Callable[[int], str | None],
    span: Callable[[int, int], TextSpan],
    in_goals: list[tuple[int, int]] | None = None,
) -> tuple[TextFact, ...]:
    """Each limited activity once, outside the goals (a goal names the activity it wants back): neither in the
    goals section nor in a goal sentence elsewhere (`in_goals`, spans)."""
    c = _compiled(vocabulary)
    text = _lowered(text)
    unticked = unticked_options(text)
    hits: list[tuple[int, int, str]] = []
    for m in c.limiters.finditer(text):
        if _NEGATED.search(text[max(0, m.start() - 10) : m.start()]):
            continue
        if unticked:
            hits.extend(_ticked_activities(text, m.end(), unticked, c))
        after = c.activity_after.match(text, m.end(), m.end() + _WINDOW)
        if after and not any(s <= after.start(1) < e for s, e in unticked):
            hits.append((m.start(), after.end(), after.group(1)))
            more = c.activity_more.match(text, after.end(), after.end() + _WINDOW)
            while more:
                hits.append((more.start(1), more.end(), more.group(1)))
                more = c.activity_more.match(text, more.end(), more.end() + _WINDOW)
    for m in _TRAILING_LIMITERS.finditer(text):
        before = c.activity_before.search(text, max(0, m.start() - _WINDOW // 2), m.start())
        if before:
            hits.append((before.start(1), m.end(), before.group(1)))
    facts: list[TextFact] = []
    seen: set[str] = set()
    for start, end, word in sorted(hits):
        activity = c.by_word[word.lower()]
        if activity in seen or section_at(start) == "goals" or any(s <= start < e for s, e in in_goals or ()):
            continue
        if any(s <= start < e for s, e in unticked):
            continue  # "☐ Sitting": an option the form offers, not one chosen
        seen.add(activity)
        facts.append(
            TextFact(kind="functional_limitation", value=activity, span=span(start, end), rule=f"activities.{activity}")
        )
    return tuple(facts)


def _ticked_activities(
    text: str, position: int, unticked: list[tuple[int, int]], c: _Compiled
) -> list[tuple[int, int, str]]:
    """The activities of the ticked boxes on the rest of a limiter's line ("Functional Limitations: ☐ Sitting
    ☑ Standing ☑ Rolling in bed" limits standing and rolling in bed): a box is ticked when it opens no unticked
    option."""
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    empty = {s for s, _ in unticked}
    found = []
    for box in BOX.finditer(text, position, line_end):
        if box.start() in empty:
            continue
        label = c.activity_label.match(text, box.end(), line_end)
        if label:
            found.append((label.start(1), label.end(1), label.group(1)))
    return found
