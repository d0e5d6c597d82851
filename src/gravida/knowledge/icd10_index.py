"""A compact, cached index of the official ICD-10-CM tabular shipped by simple-icd-10-cm.

Parsing the 10 MB tabular XML takes seconds, so the first use builds a small SQLite file (code,
description, billable) in the user's cache directory and every later start opens it in milliseconds.
The file name carries the package version, so an upgrade of the code set rebuilds it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

SCHEMA_VERSION = 1


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
        connection.close()
        os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)


class TabularIndex:
    """Look-ups in the current tabular. Thread-safe; each code is read from disk once."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path or _index_path()
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            if not self._path.exists():
                _build(self._path)
            self._connection = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
        return self._connection

    @property
    def path(self) -> Path:
        return self._path

    def ensure_built(self) -> Path:
        with self._lock:
            self._connect()
        return self._path

    def get(self, code: str) -> TabularEntry | None:
        return self._get(normalize(code))

    @lru_cache(maxsize=65536)  # noqa: B019 - one index lives for the whole process
    def _get(self, code: str) -> TabularEntry | None:
        with self._lock:
            row = self._connect().execute("SELECT description, billable FROM codes WHERE code = ?", (code,)).fetchone()
        return TabularEntry(code, row[0], bool(row[1])) if row else None

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
