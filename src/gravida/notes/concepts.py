"""Conditions and precautions: one fact per concept and status, with its side, and the pain sites a list shares
("neck and upper back pain").

Why a module of its own: these facts are more than the mentions medspaCy finds. A checkbox or a 'denies' after a
condition can overturn its ConText status, a side can be written at a later mention, and sites coordinated before
one pain word are each a condition.
"""

from __future__ import annotations

import re

from gravida.domain.note import ConceptFact, Status
from gravida.knowledge.note_vocabulary import NoteVocabulary
from gravida.notes.checkboxes import answer_after
from gravida.notes.mentions import Mention
from gravida.notes.people import SpanMaker
from gravida.notes.quantities import Quantities
from gravida.notes.sides import SIDE_BEFORE_CONDITION, side_of

_PAIN_WORD = re.compile(r"\s+(pain|ache|aches|aching|discomfort|soreness|stiffness|tension)$", re.I)
#: One or two words and a conjunction just before a condition ("neck and " in "neck and upper back pain").
_SITE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
    r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*/\s*|\s*&\s*|\s+or\s+)"
    r"(?:(?:r|l|rt|lt|right|left|b|bilat|bilateral)(?:-sided|\s+sided)?\s+)?$",
    re.I,
)


def pain_phrases(vocabulary: NoteVocabulary) -> dict[str, str]:
    """Each condition phrase written as a site and a word for pain ("neck pain"), by its site ("neck")."""
    sites: dict[str, str] = {}
    for entry_id, entry in vocabulary.conditions.entries.items():
        for phrase in entry.phrases:
            found = _PAIN_WORD.search(phrase)
            if found:
                sites.setdefault(phrase[: found.start()].lower(), entry_id)
    return sites


def with_coordinated_sites(mentions: list[Mention], text: str, sites: dict[str, str]) -> list[Mention]:
    """'neck and upper back pain', 'low back/pelvic pain': the first site shares the pain word of the last, so it
    is a condition too, with the same ConText status (the cue that negates one negates the list)."""
    added: list[Mention] = []
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
            added.append(Mention("CONDITION", sites[site], start, found.end(1), text[start : found.end(1)],
                                  m.status, m.section))
            end = start
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def find_concepts(
    mentions: list[Mention], label: str, text: str, span: SpanMaker, q: Quantities
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
        side = side_of(text, m.start, m.end, SIDE_BEFORE_CONDITION)
        earlier = seen.get((m.entry, status))
        if earlier is not None:
            if side and facts[earlier].side is None:
                facts[earlier] = facts[earlier].model_copy(update={"side": side})
            continue
        seen[(m.entry, status)] = len(facts)
        facts.append(ConceptFact(concept=m.entry, status=status, side=side, span=span(m.start, m.end),
                                 rule=f"{kind}.{m.entry}"))
    return tuple(facts)
