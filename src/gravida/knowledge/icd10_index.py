"""A compact, cached index of the official ICD-10-CM tabular shipped by simple-icd-10-cm.

Parsing the 10 MB tabular XML takes seconds, so the first use builds a small SQLite file (code,
description, billable) in the user's cache directory and every later start opens it in milliseconds.
The file name carries the package version, so an upgrade of the code set rebuilds it.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

SCHEMA_VERSION = 2
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_CODE_LIKE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{0,4})?$")


@dataclass(frozen=True, slots=True)
class TabularEntry:
    code: str
    description: str
    billable: bool


def normalize(code: str) -> str:
    """Upper-case and dotted: 'm545' -> 'M54.5'."""
    compact = code.strip().upper().replace(".", "")
    return compact if len(compact) <= 3 else f"{compact[:3]}.{compact[3:]}"


def cache_dir() -> Path:
    """GRAVIDA_CACHE_DIR, else $XDG_CACHE_HOME/gravida, else ~/.cache/gravida."""
    explicit = os.environ.get("GRAVIDA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gravida"


def _index_path() -> Path:
    version = metadata.version("simple-icd-10-cm")
    return cache_dir() / f"icd10cm-simple-icd-10-cm-{version}-v{SCHEMA_VERSION}.sqlite"


def _build(target: Path) -> None:
    """Read the tabular once through simple-icd-10-cm and write the index atomically."""
    with warnings.catch_warnings():  # the package uses deprecated importlib.resources calls
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as icd  # slow import: parses the XML

    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temp_name)
        with connection:
            connection.execute(
                "CREATE TABLE codes (code TEXT PRIMARY KEY, description TEXT NOT NULL, billable INTEGER NOT NULL)"
            )
            rows = []
            for code in icd.get_all_codes(with_dots=True):
                if icd.is_chapter_or_block(code):
                    continue
                rows.append((code, icd.get_description(code), 1 if icd.is_leaf(code) else 0))
            connection.executemany("INSERT INTO codes VALUES (?, ?, ?)", rows)
            connection.execute("CREATE TABLE excludes1 (code TEXT NOT NULL, pattern TEXT NOT NULL, note TEXT NOT NULL)")
            notes: list[tuple[str, str, str]] = []
            for code, _, _ in rows:
                for note in icd.get_excludes1(code):
                    notes.extend((code, pattern, note) for pattern in excludes_patterns(note))
            connection.executemany("INSERT INTO excludes1 VALUES (?, ?, ?)", notes)
            connection.execute("CREATE INDEX excludes1_code ON excludes1 (code)")
        connection.close()
        os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)


def excludes_patterns(note: str) -> list[str]:
    """The codes an Excludes1 note names, as patterns: 'M54.4-' -> 'M54.4', 'R18.-' -> 'R18', 'S00-T88' kept.

    A pattern matches a code equal to it or below it (a prefix); a range 'A-B' matches categories from A
    to B. Notes that name no code ('see nerve injury by body region') give no pattern.
    """
    patterns = []
    for group in _PARENTHESES.findall(note):
        for token in group.split(","):
            token = token.strip().rstrip("-").rstrip(".").upper()
            if "-" in token:
                first, _, last = token.partition("-")
                if _CODE_LIKE.match(first) and _CODE_LIKE.match(last.rstrip(".")):
                    patterns.append(f"{first}-{last.rstrip('.')}")
            elif _CODE_LIKE.match(token):
                patterns.append(token)
    return patterns


def pattern_matches(pattern: str, code: str) -> bool:
    if "-" in pattern:
        first, _, last = pattern.partition("-")
        return first[:3] <= code[:3] <= last[:3]
    return code == pattern or code.startswith(pattern if "." in pattern or len(pattern) > 3 else pattern + ".")


class TabularIndex:
    """Look-ups in the current tabular. Thread-safe; each code is read from disk once."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path or _index_path()
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            if not self._path.exists():
                try:
                    _build(self._path)
                except OSError:
                    # A read-only home or cache folder: build in the temporary folder instead of failing.
                    self._path = Path(tempfile.gettempdir()) / "gravida" / self._path.name
                    if not self._path.exists():
                        _build(self._path)
            self._connection = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
        return self._connection

    @property
    def path(self) -> Path:
        return self._path

    def get(self, code: str) -> TabularEntry | None:
        return self._get(normalize(code))

    @lru_cache(maxsize=65536)  # noqa: B019 - one index lives for the whole process
    def _get(self, code: str) -> TabularEntry | None:
        with self._lock:
            row = self._connect().execute("SELECT description, billable FROM codes WHERE code = ?", (code,)).fetchone()
        return TabularEntry(code, row[0], bool(row[1])) if row else None

    def excludes1(self, code: str) -> tuple[tuple[str, str], ...]:
        """(pattern, note) pairs of the Excludes1 notes of `code` and of every category above it."""
        return self._excludes1(normalize(code))

    @lru_cache(maxsize=65536)  # noqa: B019 - one index lives for the whole process
    def _excludes1(self, code: str) -> tuple[tuple[str, str], ...]:
        levels = [code[:length] for length in range(3, len(code) + 1) if length != 4]
        placeholders = ", ".join("?" for _ in levels)
        with self._lock:
            rows = (
                self._connect()
                .execute(f"SELECT pattern, note FROM excludes1 WHERE code IN ({placeholders})", levels)
                .fetchall()
            )
        return tuple((row[0], row[1]) for row in rows)

    def children(self, code: str) -> tuple[str, ...]:
        """Codes one level below `code` (used to suggest billable replacements for a header)."""
        prefix = normalize(code)
        with self._lock:
            rows = (
                self._connect()
                .execute(
                    "SELECT code FROM codes WHERE code LIKE ? AND billable = 1 ORDER BY code",
                    (prefix + ("_" if "." in prefix else "._") + "%",),
                )
                .fetchall()
            )
        return tuple(r[0] for r in rows)
