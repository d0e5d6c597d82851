"""The medspaCy pipeline, built from the note vocabulary: sentences, target rules, ConText and sections.

Built once per process (about half a second) and reused. No model is downloaded: the pipeline is a blank English
tokenizer with a rule-based sentencizer and medspaCy's rule components (its target matcher, ConText, and its
sectionizer less the per-token attributes Gravida never reads).
"""

from __future__ import annotations

import logging
import re
import warnings
from functools import lru_cache
from typing import Any

from gravida.knowledge.note_vocabulary import Lexicon, NoteVocabulary, note_vocabulary

#: Entity labels, one per lexicon the target matcher reads.
LEXICON_LABELS = {
    "techniques": "TECHNIQUE",
    "conditions": "CONDITION",
    "precautions": "PRECAUTION",
    "positions": "POSITION",
    "measures": "MEASURE",
}
REGION_LABEL = "REGION"
#: Span groups: every target match, and the ones ConText judges (ConText compares every cue with every target,
#: so leaving regions and positions out of its group halves its work).
TARGETS = "gravida_targets"
CONTEXT_TARGETS = "gravida_context_targets"
#: ConText only judges these: a negated technique is a technique not done, a negated condition is absent.
CONTEXT_LABELS = {"CONDITION", "PRECAUTION", "TECHNIQUE"}


_PREFIX = re.compile(r"""^[\[\("'“‘<>~]""")
#: Leader dots ("Prenatal massage .... 50 min") stay one token, so they end no sentence.
_SUFFIX = re.compile(r"""(?:\.{2,}|[\]\)"'”’.,:;!?%′])$""")
_INFIX = re.compile(
    r"""[-–—/:,;=+~<>()\[\]](?=\d)|(?<=\d)[-–—/:,;=+~<>()'′\[\]]|(?<=[A-Za-z])[/,;:()\[\]](?=[A-Za-z])"""
    r"""|(?<=\d)(?=[A-Za-z])"""
)


def _note_tokenizer(nlp: Any) -> Any:
    """A plain tokenizer: punctuation and digits split off, no English exception table.

    Numbers are read by patterns on the raw text, so the tokenizer only has to separate words; this one is
    about twenty times faster than spaCy's English tokenizer on notes and splits 'c/o', 'w/o' and 'R)' alike
    for the rules and the text.
    """
    from spacy.tokenizer import Tokenizer

    return Tokenizer(
        nlp.vocab, rules={}, prefix_search=_PREFIX.search, suffix_search=_SUFFIX.search, infix_finditer=_INFIX.finditer
    )


def _register_components() -> None:
    from spacy.language import Language

    if "gravida_sentence_starts" in Language.factories:
        return

    @Language.component("gravida_sentence_starts")
    def _sentence_starts(doc: Any) -> Any:
        """A new line starts a sentence even when it is indented (the tokenizer makes '\\n  ' one whitespace
        token, which the sentencizer does not see as a line break); an opening bracket after a full stop starts
        the next sentence ('chores. (-) edema'), where spaCy's sentencizer keeps it with the sentence it ends."""
        import numpy
        from spacy.attrs import IS_SPACE, ORTH

        if len(doc) < 2:
            return doc
        strings = doc.vocab.strings
        spaces = doc.to_array(IS_SPACE)
        for index in numpy.nonzero(spaces[:-1])[0]:
            token = doc[int(index)]
            if "\n" in token.text and len(token.text) > 1 and not spaces[index + 1]:
                doc[int(index) + 1].is_sent_start = True
        orth = doc.to_array(ORTH)
        opens = numpy.isin(orth[1:], [strings.add("("), strings.add("[")])
        stops = numpy.isin(orth[:-1], [strings.add("."), strings.add("!"), strings.add("?")])
        for index in numpy.nonzero(opens & stops)[0] + 1:
            if not doc[int(index) - 1].whitespace_:
                continue
            index = int(index)
            doc[index].is_sent_start = True
            while index + 1 < len(doc) and doc[index + 1].is_punct:
                index += 1
            if index + 1 < len(doc):
                doc[index + 1].is_sent_start = False
        return doc

    @Language.factory("gravida_sectionizer", default_config={"phrase_matcher_attr": "ORTH"})
    def _make_sectionizer(nlp: Any, name: str, phrase_matcher_attr: str) -> Any:
        return _headings_only_sectionizer()(nlp, name=name, rules=None, phrase_matcher_attr=phrase_matcher_attr)

    @Language.component("gravida_context_targets")
    def _context_targets(doc: Any) -> Any:
        doc.spans[CONTEXT_TARGETS] = [s for s in doc.spans.get(TARGETS, ()) if s.label_ in CONTEXT_LABELS]
        return doc


def _headings_only_sectionizer() -> Any:
    """medspaCy's Sectionizer, less its per-token bookkeeping.

    The stock component writes `token._.section` on every token of the note (about a third of the pipeline's time
    on a 300-word note); Gravida reads only `doc._.sections`. This subclass keeps medspaCy's rules, matcher and
    `Section` objects and builds the same section list for rules without parents or scope limits, which are the
    only ones `vocabulary/notes/sections.yaml` can express.
    """
    from medspacy.section_detection import Section, Sectionizer

    class HeadingsOnlySectionizer(Sectionizer):  # type: ignore[misc]
        def __call__(self, doc: Any) -> Any:
            matcher = self._Sectionizer__matcher  # the stock component's matcher (name-mangled, not public)
            matches = _longest_first(matcher(doc))  # "A/P:" is one heading, not "A/" then a plan heading "P:"
            sections = []
            if not matches or matches[0][1] != 0:
                sections.append(Section(None, 0, 0, 0, matches[0][1] if matches else len(doc)))
            for index, (match_id, start, end) in enumerate(matches):
                rule = matcher.rule_map[self.nlp.vocab.strings[match_id]]
                body_end = matches[index + 1][1] if index + 1 < len(matches) else len(doc)
                sections.append(Section(rule.category, start, end, end, body_end, None, rule))
            doc._.sections = sections
            return doc

    return HeadingsOnlySectionizer


def _longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Heading matches with no overlaps: where two overlap, the longer (then the earlier) one stands."""
    kept: list[tuple[int, int, int]] = []
    for match in sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]))):
        if kept and match[1] < kept[-1][2]:
            continue
        kept.append(match)
    return kept


def _quiet_third_party_logs() -> None:
    """PyRuSH and medspaCy log at DEBUG through loguru; a note's text must never reach a log."""
    try:
        from loguru import logger

        logger.disable("PyRuSH")
        logger.disable("medspacy")
    except ImportError:  # pragma: no cover - loguru comes with medspaCy
        pass
    logging.getLogger("medspacy").setLevel(logging.WARNING)
    # medspaCy runs an empty token matcher beside the phrase matcher when a rule set has only phrases; spaCy warns
    # on every note that it has no patterns (W036), which says nothing about the note.
    warnings.filterwarnings("ignore", message=r"\[W036\]")


def _target_rules(lexicon: Lexicon, label: str) -> list[Any]:
    from medspacy.target_matcher import TargetRule

    rules = []
    for entry_id, entry in lexicon.entries.items():
        for phrase in entry.phrases:
            rules.append(TargetRule(phrase, label, attributes=None, metadata={"id": entry_id, "how": "phrase"}))
        for form in entry.exact:
            pattern = [{"TEXT": token} for token in form.split()]
            rules.append(TargetRule(form, label, pattern=pattern, metadata={"id": entry_id, "how": "exact"}))
    return rules


def _segment_names(regex: str) -> list[str]:
    """The segment names a region's regex admits ("C1" ... "C7"), spelled out: a token matcher tests a set of
    words far faster than it runs a regular expression on every token of every note."""
    pattern = re.compile(regex)
    letters = "CTLSctls"
    return [name for letter in letters for number in range(1, 13) if pattern.fullmatch(name := f"{letter}{number}")]


def _region_rules(regions: dict[str, Any], taken: set[str], exact: set[str]) -> list[Any]:
    """Region words, less those a lexicon already names ('carpal tunnel' is the condition, not only a place):
    an equally long region match would otherwise win the overlap and hide the condition. A region word that a
    lexicon has as an exact abbreviation ('PEC' is preeclampsia) matches only in lower or title case ('L pec')."""
    from medspacy.target_matcher import TargetRule

    rules = []
    for region_id, spec in regions.items():
        words = {region_id.replace("_", " "), *spec.synonyms} - taken
        for word in sorted(words):
            metadata = {"id": region_id, "how": "phrase"}
            if word.upper() in exact or word in exact:
                pattern = [{"TEXT": {"IN": [part, part.capitalize()]}} for part in word.split()]
                rules.append(TargetRule(word, REGION_LABEL, pattern=pattern, metadata=metadata))
                continue
            rules.append(TargetRule(word, REGION_LABEL, metadata=metadata))
        if spec.segments:  # "L4-L5", "T7": a vertebral segment names its region
            pattern = [{"TEXT": {"IN": _segment_names(spec.segments)}}]
            rules.append(TargetRule(f"{region_id} segment", REGION_LABEL, pattern=pattern,
                                    metadata={"id": region_id, "how": "segment"}))
    return rules


def build_pipeline(vocabulary: NoteVocabulary, regions: dict[str, Any]) -> Any:
    """A spaCy `Language` with medspaCy's target matcher, ConText and sectionizer loaded from our rule files."""
    _quiet_third_party_logs()
    _register_components()
    import medspacy  # noqa: F401 - registers medspaCy's pipeline factories with spaCy
    import spacy
    from medspacy.context import ConTextRule
    from medspacy.section_detection import SectionRule

    nlp = spacy.blank("en")
    nlp.tokenizer = _note_tokenizer(nlp)
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "\n"]})
    nlp.add_pipe("gravida_sentence_starts")
    matcher: Any = nlp.add_pipe(
        "medspacy_target_matcher", config={"result_type": "group", "span_group_name": TARGETS}
    )
    for name, label in LEXICON_LABELS.items():
        matcher.add(_target_rules(getattr(vocabulary, name), label))
    entries = [entry for name in LEXICON_LABELS for entry in getattr(vocabulary, name).entries.values()]
    taken = {phrase.lower() for entry in entries for phrase in entry.phrases}
    exact = {form for entry in entries for form in entry.exact}
    matcher.add(_region_rules(regions, taken, exact))

    nlp.add_pipe("gravida_context_targets")
    context: Any = nlp.add_pipe(
        "medspacy_context",
        config={"rules": None, "input_span_type": "group", "span_group_name": CONTEXT_TARGETS},
    )
    context.add(
        [
            ConTextRule(
                rule.literal,
                rule.category,
                direction=rule.direction,
                max_scope=rule.max_scope,
                allowed_types={LEXICON_LABELS[kind] for kind in rule.applies_to} if rule.applies_to else CONTEXT_LABELS,
            )
            for rule in vocabulary.context.rules
        ]
    )
    sectionizer: Any = nlp.add_pipe("gravida_sectionizer")
    sectionizer.add(
        [
            SectionRule(heading, category)
            for category, headings in vocabulary.sections.rules.items()
            for heading in headings
        ]
    )
    return nlp


@lru_cache(maxsize=1)
def default_pipeline() -> Any:
    """The pipeline over the bundled vocabulary."""
    from gravida.knowledge import default_knowledge

    return build_pipeline(note_vocabulary(), dict(default_knowledge().regions.regions))
