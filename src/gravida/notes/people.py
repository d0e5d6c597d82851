"""Who is named in a note: the referring provider (credential, date) and the therapist who signed it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from gravida.domain.note import PersonFact, TextSpan
from gravida.knowledge.note_vocabulary import NoteVocabulary
from gravida.notes.quantities import Quantities

#: Credentials that sign a therapy or massage note (a referral's MD/CNM is not the therapist).
THERAPIST_CREDENTIALS = ("LMT", "PT", "PTA", "OT", "OTA", "DC")
#: A signature field left empty: a rule to sign on, empty brackets, "(blank)", nothing, or an EMR's "[ not signed ]"
#: ("Provider signature: [ not signed ]", "Signature: unsigned").
_BLANK_SIGNATURE = re.compile(
    r"(?:signed|signature)\s*:?\s*(?:_{2,}|\[\s*\]|\(?\s*blank\s*\)?|[\[(]?\s*(?:not\s+(?:yet\s+)?signed|unsigned)\b|$)",
    re.IGNORECASE,
)
#: A full stop that ends a sentence: not the one of a title or an initial ("Dr. Ana Ruiz", "J. Smith").
_SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\b[A-Z])\.\s+(?=[A-Z][a-z]{2,}\s)")
#: A templated referral's date on the line after the provider ("Referring Provider: ...\nReferral Date: ...").
_DATE_FIELD = re.compile(r"[ \t]*(?:referral|rx|order|prescription|script)\s+date\s*[:\-]?[^\n]*", re.IGNORECASE)
_NAME = re.compile(r"((?:Dr\.?\s+)?[A-Z][A-Za-z'.\-]*(?:\s+[A-Z][A-Za-z'.\-]*){0,3})")
#: What a credential on a closing line follows when it signs the note: a comma or a name ("— L. Stoica, PT",
#: "Kate Larsen DC"), or nothing (a block's credential line under the name); not a word of a sentence ("D/c from
#: skilled PT", "return to PT").
_AFTER_NAME = re.compile(r"(?:,|\b[A-Z][\w'.\-]*|^\s*(?:/s/|[-—–])?)\s*$")
#: A signing line in a note typed all in lower case ("/s/ wren halvorsen, lmt", "signed: beatriz underwood, lmt").
_LOWERCASE_SIGNING = re.compile(r"^\s*(?:/s/|signed\b|signature\b|electronically\s+signed\b|e-?signed\b|[-—–])")

SpanMaker = Callable[[int, int], TextSpan]


class CredentialReader:
    """Finds credentials as written ('OTR/L', 'midwife', 'OB') and names the Gravida credential behind them."""

    def __init__(self, vocabulary: NoteVocabulary) -> None:
        forms: list[tuple[str, str]] = [
            (form, credential) for credential, written in vocabulary.credentials.entries.items() for form in written
        ]
        forms.sort(key=lambda pair: -len(pair[0]))
        self._by_form = {form.lower(): credential for form, credential in forms}
        abbreviations = [re.escape(f) for f, _ in forms if not f.islower()]
        words = [re.escape(f) for f, _ in forms if f.islower()]
        self._abbreviation = re.compile(r"(?<![A-Za-z])(" + "|".join(abbreviations) + r")(?![A-Za-z])")
        self._word = re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)

    def find(self, text: str, allowed: tuple[str, ...] | None = None) -> list[tuple[str, int, int]]:
        """(credential, start, end) for every credential written in `text`, in order."""
        found = []
        for pattern in (self._abbreviation, self._word):
            for m in pattern.finditer(text):
                credential = self._by_form[m.group(1).lower()]
                if allowed is None or credential in allowed:
                    found.append((credential, m.start(), m.end()))
        found.sort(key=lambda item: item[1])
        return found


def find_referral(
    text: str, q: Quantities, vocabulary: NoteVocabulary, credentials: CredentialReader, span: SpanMaker
) -> PersonFact | None:
    """The first referral or prescription the note names: who, with what credential, and when."""
    cue = q.search("referral_cue", text)
    if cue is None:
        return None
    line_end = _line_end(text, cue.end())
    sentence_end = _SENTENCE_END.search(text, cue.end(), line_end)
    line_end = sentence_end.start() + 1 if sentence_end else line_end
    after = text[cue.end() : line_end]
    name_match = _NAME.search(after)
    name = name_match.group(1).strip() if name_match and name_match.start() < 12 else None
    found = credentials.find(after, ("MD", "DO", "CNM", "NP", "PT", "DC"))
    credential = found[0][0] if found else ("MD" if name and name.startswith("Dr") else None)
    dates = q.dates(after)
    if not dates and line_end < len(text):
        field = _DATE_FIELD.match(text, line_end + 1)
        if field:
            dates = q.dates(field.group(0))
            line_end = field.end() if dates else line_end
    written: date | None = dates[0][0] if dates else None
    npis = q.npi(after)
    return PersonFact(
        name=name,
        credential=credential,
        npi=npis[0][0] if npis else None,
        date=written,
        span=span(cue.start(), line_end),
        rule="patterns.referral_cue",
    )


def find_signature(
    text: str, q: Quantities, vocabulary: NoteVocabulary, credentials: CredentialReader, span: SpanMaker
) -> PersonFact | None:
    """The therapist's signature: a signing cue or the closing lines, with a therapist credential (on a closing line
    without a cue, one that follows a name: the last lines may be a sentence that names a profession)."""
    candidates: list[tuple[int, int, bool]] = []
    for m in q.finditer("signature_cue", text):
        if m.group(0).lower().startswith(("signed", "electronically", "e-signed", "esigned", "digitally", "signature")):
            candidates.append((m.start(), _line_end(text, m.end()), True))
    lines = [(m.start(), m.end(), False) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    candidates.extend(lines[-3:][::-1])
    for start, end, cued in candidates:
        line = text[start:end]
        if q.search("referral_cue", line):
            continue
        found = credentials.find(line, THERAPIST_CREDENTIALS)
        if not found:
            found = _lowercase_credentials(line, credentials)
        if not cued:
            found = [f for f in found if _AFTER_NAME.search(line, 0, f[1])]
        if _BLANK_SIGNATURE.search(line) and not found:
            return PersonFact(signed=False, span=span(start, end), rule="notes.signature.blank")
        if not found:
            continue
        credential, c_start, _ = found[0]
        before = re.sub(r"(?i)^.*?(?:signed\s+by|signed|signature|therapist|provider|clinician)\s*[:\-]?\s*", "",
                        line[:c_start])
        name = re.sub(r"^/s/\s*", "", before.strip(" ,-—–:")) or None
        npis = q.npi(line)
        return PersonFact(
            name=name,
            credential=credential,
            npi=npis[0][0] if npis else None,
            signed=True,
            span=span(start, end),
            rule="notes.signature",
        )
    return None


def _lowercase_credentials(line: str, credentials: CredentialReader) -> list[tuple[str, int, int]]:
    """The credentials of a signing line typed in lower case ("/s/ ravi halvorsen, lmt, bctmb"), where the
    abbreviations, matched in capitals elsewhere, are lower case too: only one after the name and a comma, so that
    "pt" for patient is never read as PT."""
    if any(c.isupper() for c in line) or not _LOWERCASE_SIGNING.match(line):
        return []
    upper = line.upper()
    if len(upper) != len(line):
        return []
    return [f for f in credentials.find(upper, THERAPIST_CREDENTIALS) if line[: f[1]].rstrip().endswith(",")]


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end
