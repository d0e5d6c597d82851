"""The note vocabulary: lexicons, ConText rules, section headings and quantity patterns, read from YAML.

Rules as data, as medspaCy's rule files are: every file has a fixed set of allowed keys, and a typo fails at load
time naming the file, not at extraction time. The extractor in `gravida.notes` only reads these objects.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from gravida.knowledge.errors import RuleFileError
from gravida.knowledge.yaml_strict import read_yaml

NOTES_DIR = Path(__file__).parent / "data" / "vocabulary" / "notes"
_SPEC = ConfigDict(extra="forbid", frozen=True)


class Source(BaseModel):
    model_config = _SPEC

    title: str
    url: str


class LexiconEntry(BaseModel):
    """One thing a note can name: phrases matched whatever the case, `exact` abbreviations only as written."""

    model_config = _SPEC

    label: str
    phrases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _has_words(self) -> LexiconEntry:
        if not self.phrases and not self.exact:
            raise ValueError("an entry needs at least one phrase or exact form")
        return self


class Lexicon(BaseModel):
    """A file of entries: techniques, conditions, precautions, positions, activities or measures."""

    model_config = _SPEC

    description: str
    source: Source
    uncertain: bool = False
    limiters: tuple[str, ...] = ()
    entries: dict[str, LexiconEntry]


Direction = Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]
ContextCategory = Literal["NEGATED_EXISTENCE", "HISTORICAL", "HYPOTHETICAL", "FAMILY", "TERMINATE", "PSEUDO"]


ContextTarget = Literal["conditions", "precautions", "techniques"]


class ContextRuleSpec(BaseModel):
    model_config = _SPEC

    literal: str
    category: ContextCategory
    direction: Direction
    max_scope: int | None = Field(default=None, ge=1)
    #: The kinds of mention the cue may modify (all when not given): "n/a" answers a screening field about a
    #: condition, but in a treatment table it is an empty area column beside a technique.
    applies_to: tuple[ContextTarget, ...] | None = None


class ContextRules(BaseModel):
    model_config = _SPEC

    description: str
    source: Source
    rules: tuple[ContextRuleSpec, ...]


class SectionRules(BaseModel):
    model_config = _SPEC

    description: str
    source: Source
    rules: dict[str, tuple[str, ...]]


class PatternSpec(BaseModel):
    model_config = _SPEC

    regex: str
    case_sensitive: bool = False
    examples: tuple[str, ...] = Field(min_length=1)


class PatternFile(BaseModel):
    model_config = _SPEC

    description: str
    source: Source
    fragments: dict[str, str] = Field(default_factory=dict)
    patterns: dict[str, PatternSpec]


class CredentialFile(BaseModel):
    model_config = _SPEC

    description: str
    source: Source
    uncertain_note: str | None = None
    entries: dict[str, tuple[str, ...]]


class NoteVocabulary(BaseModel):
    """Everything the note extractor reads, compiled once."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    techniques: Lexicon
    conditions: Lexicon
    precautions: Lexicon
    positions: Lexicon
    activities: Lexicon
    measures: Lexicon
    context: ContextRules
    sections: SectionRules
    credentials: CredentialFile
    patterns: dict[str, re.Pattern[str]]
    pattern_examples: dict[str, tuple[str, ...]]


def _read(path: Path, model: type[BaseModel]) -> BaseModel:
    data, _ = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise RuleFileError(path, None, f"{where}: {error['msg']}") from None


def _compile(path: Path, spec: PatternFile) -> dict[str, re.Pattern[str]]:
    compiled = {}
    for name, pattern in spec.patterns.items():
        text = pattern.regex
        for fragment, value in spec.fragments.items():
            text = text.replace("{" + fragment + "}", value)
        try:
            compiled[name] = re.compile(text, 0 if pattern.case_sensitive else re.IGNORECASE)
        except re.error as exc:
            raise RuleFileError(path, None, f"patterns.{name}: the regex does not compile ({exc})") from None
    return compiled


def load_note_vocabulary(root: Path = NOTES_DIR) -> NoteVocabulary:
    """Read and check every note vocabulary file under `root`."""
    lexicons = {
        name: _read(root / f"{name}.yaml", Lexicon)
        for name in ("techniques", "conditions", "precautions", "positions", "activities", "measures")
    }
    pattern_file = _read(root / "patterns.yaml", PatternFile)
    assert isinstance(pattern_file, PatternFile)
    return NoteVocabulary(
        **lexicons,
        context=_read(root / "context.yaml", ContextRules),
        sections=_read(root / "sections.yaml", SectionRules),
        credentials=_read(root / "credentials.yaml", CredentialFile),
        patterns=_compile(root / "patterns.yaml", pattern_file),
        pattern_examples={name: spec.examples for name, spec in pattern_file.patterns.items()},
    )


@lru_cache(maxsize=1)
def note_vocabulary() -> NoteVocabulary:
    """The bundled note vocabulary, read once per process."""
    return load_note_vocabulary()
