"""Checks on a note before it is read: empty, binary, too large, or not English text.

A note that fails gets an `InputError` that names the file and says what is wrong, so the CLI can print one
line and exit 2 instead of coding nonsense.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gravida.domain import InputError
from gravida.knowledge.note_vocabulary import note_vocabulary

#: Longer than any visit note (a 300-word note is about 2,000 characters); larger files are likely not notes.
MAX_NOTE_CHARACTERS = 100_000
_WORD = re.compile(r"[^\W\d_]+(?:'[a-z]+)?")
#: Words every English clinical note uses; a note where too few words are English is refused, not guessed at.
_ENGLISH = frozenset(
    """a about after again all also am an and any are as at be been before being both but by can cm could
    day daily did do does due during each for from had has have her here hers how if in into is it its left
    less more most no none not now of off on once only or other our out over per pre post pt patient pain
    reports reported states right she should since so some still than that the their them then there these
    they this those through to today tolerated treatment under until up upon very was we were when where
    which while who will with within without would yes you your weeks week wks min mins minutes minute
    session visit back low neck hip hips leg legs massage therapy manual release soft tissue time total
    plan goal goals history denies side lying pregnant pregnancy postpartum referred referral by dr signed
    therapist improved decreased increased continue well tight tension swelling sleep sit stand walk""".split()  # noqa: SIM905 (a word list reads best as words)
)
_MIN_WORDS_FOR_LANGUAGE_CHECK = 12


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """English stop words (spaCy's list), our own list, and every word of the note vocabulary: a terse note
    of abbreviations ('Pt c/o LBP. MFR x 15' R QL') is English to a therapist."""
    from spacy.lang.en.stop_words import STOP_WORDS

    vocabulary = note_vocabulary()
    words = set(_ENGLISH) | {w.lower() for w in STOP_WORDS} | set("abcdlmoprsxw")
    for lexicon in (vocabulary.techniques, vocabulary.conditions, vocabulary.precautions, vocabulary.positions,
                    vocabulary.activities, vocabulary.measures):
        for entry in lexicon.entries.values():
            for phrase in (*entry.phrases, *entry.exact):
                words.update(w.lower() for w in _WORD.findall(phrase))
    for forms in vocabulary.credentials.entries.values():
        for form in forms:
            words.update(w.lower() for w in _WORD.findall(form))
    return frozenset(words)

_MIN_ENGLISH_SHARE = 0.3


def decode_note(data: bytes, where: str) -> str:
    """The note's text, or an `InputError` saying why it cannot be a note."""
    if b"\x00" in data[:8192]:
        raise InputError(where, "this is a binary file, not a text note (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(where, f"not a text note: byte {exc.start} is not UTF-8 text") from None
    return check_note_text(text, where)


def check_note_text(text: str, where: str) -> str:
    """The same checks for text already in memory (an API request body)."""
    if len(text) > MAX_NOTE_CHARACTERS:
        raise InputError(
            where, f"the note is {len(text):,} characters; the limit is {MAX_NOTE_CHARACTERS:,} (is this one visit?)"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(where, "the note is empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > max(3, len(text) // 100):
        raise InputError(where, f"this does not look like a text note ({controls} control characters)")
    words = _WORD.findall(text)
    if len(words) >= _MIN_WORDS_FOR_LANGUAGE_CHECK:
        known = _known_words()
        english = sum(1 for word in words if word.lower() in known)
        if english / len(words) < _MIN_ENGLISH_SHARE:
            raise InputError(
                where,
                f"the note does not read as English ({english} of {len(words)} words are English or clinical "
                "abbreviations); Gravida reads English notes only",
            )
    elif not words:
        raise InputError(where, "the note has no words")
    return text
