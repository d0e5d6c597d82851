"""Near-identical notes across a patient's visits (cloned documentation).

Dates, numbers and whitespace are ignored, so a note copied forward with only the date and minutes changed still
counts as a copy. Similarity is the Jaccard index of word 5-gram shingles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_NUMBERS = re.compile(r"\d+(?:[:/.\-]\d+)*")
_WORDS = re.compile(r"[a-z]+")
_SHINGLE = 5


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _WORDS.findall(_NUMBERS.sub(" ", text.lower()))
    if len(words) < _SHINGLE:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))


def similarity(first: frozenset[tuple[str, ...]], second: frozenset[tuple[str, ...]]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def pairwise_similarity(notes: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """For each note, its similarity to every other note given (names are the caller's, such as file names)."""
    names: Sequence[str] = list(notes)
    prints = {name: shingles(notes[name]) for name in names}
    result: dict[str, dict[str, float]] = {name: {} for name in names}
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            score = similarity(prints[first], prints[second])
            result[first][second] = score
            result[second][first] = score
    return result
