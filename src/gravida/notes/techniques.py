"""Techniques performed: each service named in the note, with its minutes, its procedure code and the regions it
was aimed at.

Why a module of its own: a technique is the billable fact, and reading one takes most of the rules. The words
that name one service are merged ('Manual therapy (97140): MFR'), each minutes expression goes to one technique,
regions go to the technique before them, and a technique named but not done today (a home program, a plan, the
note's title, a prescription) is left out.
"""

from __future__ import annotations

import re

from gravida.domain.note import RegionMention, TechniqueFact
from gravida.notes.mentions import Mention, SentenceOf
from gravida.notes.people import SpanMaker
from gravida.notes.quantities import Hit, Quantities
from gravida.notes.sides import SIDE_AFTER_REGION, SIDES, side_of

#: Broad technique words that a more specific one beside them refines ("Manual therapy: MFR").
GENERIC_TECHNIQUES = frozenset({"manual_therapy", "massage", "therapeutic_massage"})
#: A procedure code the target rules find among the techniques ("97140", "G0283").
_CODE = re.compile(r"^(?:9\d{4}|G0283)$")
#: Text between two words that is only punctuation: they may name one service ("Manual therapy: MFR").
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
#: A line that is the document's title ("Massage Therapy Treatment Note"): a technique named there was not done.
_TITLE = re.compile(
    r"^[A-Za-z /&()\-–]*\b(?:note|evaluation|eval|visit|summary|report|record|encounter)\s*(?:\([^)]*\))?\s*$", re.I
)


def find_techniques(
    text: str,
    q: Quantities,
    mentions: list[Mention],
    sentence_of: SentenceOf,
    span: SpanMaker,
    reserved: list[tuple[int, int]],
    prescribed: list[tuple[int, int]],
    unticked: list[tuple[int, int]],
) -> tuple[TechniqueFact, ...]:
    """The techniques performed today, with their minutes, codes and regions: affirmed technique mentions that are
    not in an unticked option, a home program, a plan, the title, a heading over others or a prescription
    (`reserved`: the totals, whose minutes are no technique's; `prescribed`: the referral's sentences)."""
    found = [
        m for m in mentions
        if m.label == "TECHNIQUE" and m.status == "affirmed" and not any(s <= m.start < e for s, e in unticked)
    ]
    found = [m for m in found if not _not_performed(text, q, m, sentence_of)]
    not_techniques = [(m.start(), m.end()) for m in q.finditer("not_a_technique", text)]
    found = [
        m for m in found
        if not any(s <= m.start < e for s, e in not_techniques) and not _in_title(text, m.start)
    ]
    found = _without_heading(found, text)
    groups = _merge_adjacent(found, text, sentence_of)
    minutes = [h for h in q.minutes(text) if not any(s <= h.start < e for s, e in reserved)]
    assigned = _assign_minutes(groups, minutes, sentence_of, text)
    regions = [m for m in mentions if m.label == "REGION"]
    windows: list[list[Mention]] = []
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
    nothing_today = q.search("no_treatment_today", text) is not None
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
    return _share_listed_minutes(_without_bare_generic_words(_one_fact_per_untimed_mention(facts)), text)


def _not_performed(text: str, q: Quantities, mention: Mention, sentence_of: SentenceOf) -> bool:
    """A technique in a home program or a plan for later visits was not performed today."""
    start, end = sentence_of(mention.start)
    sentence = text[start:end]
    if q.search("home_program", sentence):
        return True
    if q.search("visit_not_held", text[start : mention.start]) or q.search(
        "appointment_after", text[mention.end : mention.end + 30]
    ):
        return True
    clause_start = max(start, text.rfind(";", start, mention.start) + 1)
    if q.search("future_cue", text[clause_start : mention.start]):
        return True  # "Consider TENS next visit", "will add STM": named for later, wherever it is written
    if mention.section in ("plan", "goals"):
        before = text[start : mention.start]
        return bool(q.search("future_plan", before)) or not q.minutes(sentence)
    return False


def _regions(mentions: list[Mention], text: str, span: SpanMaker) -> tuple[RegionMention, ...]:
    """Each region once per side; a region named again without a side ('R lumbar paraspinals' matches 'lumbar'
    and 'paraspinals') adds nothing when it already has one."""
    found: list[RegionMention] = []
    previous: Mention | None = None
    for m in mentions:
        side = side_of(text, m.start, m.start)
        after = SIDE_AFTER_REGION.match(text, m.end, m.end + 24) if side is None else None
        if after:
            side = SIDES[next(g for g in after.groups() if g).lower()]
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


def _in_title(text: str, position: int) -> bool:
    """Whether `position` is on a line that is the document's title (`_TITLE`)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return _TITLE.match(text[start : len(text) if end == -1 else end].strip()) is not None


def _without_bare_generic_words(facts: list[TechniqueFact]) -> list[TechniqueFact]:
    """A broad word alone, with no minutes or region ('seen today for a massage session'), names the kind of visit
    when the note names the work itself elsewhere ('pregnancy massage to the sacral region for 50 min')."""
    if len(facts) < 2:
        return facts
    return [f for f in facts if not (f.technique in GENERIC_TECHNIQUES and f.minutes is None and not f.regions)]


def _one_fact_per_untimed_mention(facts: list[TechniqueFact]) -> list[TechniqueFact]:
    """A technique named again without minutes ('Exercise detail: Kegels: quick flicks', 'seen for a prenatal
    massage' above 'pregnancy massage to the neck (55 min)') is the same service written twice: its regions join
    the first timed mention of that technique, or the first mention when none is timed."""
    kept: list[TechniqueFact] = []
    for index, fact in enumerate(facts):
        if fact.minutes is not None:
            kept.append(fact)
            continue
        same = [i for i, k in enumerate(kept) if k.technique == fact.technique]
        if any(f.technique == fact.technique and f.minutes is not None for f in facts[index + 1 :]):
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


def _without_heading(found: list[Mention], text: str) -> list[Mention]:
    """A technique in the note's heading line ("Prenatal massage - medical") names the kind of visit, not a
    service performed, when the note names techniques elsewhere; alone, it is all the note says was done."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    end = len(text) if end == -1 else end
    if end == len(text) or len(text[first:end].split()) > 6 or not _HEADING.match(text[first:end].strip()):
        return found
    below = [m for m in found if m.start >= end]
    return below if below else found


def _merge_adjacent(found: list[Mention], text: str, sentence_of: SentenceOf) -> list[list[Mention]]:
    """One service may be named by several words: 'Manual therapy (97140): MFR' (a broad word and the specific one,
    joined only by punctuation), 'kneading petrissage' (the same technique twice), 'Ther act (body mechanics) 12''
    (a technique in parentheses describing the one before it). A procedure code goes with the technique beside it
    in its sentence ('MLD (97140)', '97140 | MLD'), and stands for its own technique only when none is named."""
    codes = [m for m in found if _CODE.match(m.text)]
    masked = text
    for code in codes:  # codes do not separate the words they sit between
        masked = masked[: code.start] + " " * (code.end - code.start) + masked[code.end :]
    groups: list[list[Mention]] = []
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


def _attach_code(groups: list[list[Mention]], code: Mention, masked: str, sentence_of: SentenceOf) -> None:
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


def _main_of(group: list[Mention]) -> Mention:
    """The mention that names a merged group's technique: the first specific word, else the first broad one, else
    the code."""
    named = [m for m in group if not _CODE.match(m.text)]
    specific = [m for m in named if m.entry not in GENERIC_TECHNIQUES]
    return (specific or named or group)[0]


def _assign_minutes(
    groups: list[list[Mention]], minutes: list[Hit], sentence_of: SentenceOf, text: str
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
