"""NCCI procedure-to-procedure (PTP) edits and medically unlikely edits (MUEs) from CMS's official quarterly files.

Gravida ships a curated subset of NCCI pairs as rule data; a clinic or billing company that downloads the full
quarterly practitioner files from CMS imports them here, keeps them in a small SQLite file between runs
(`save_tables` / `load_tables`), and the scrubber asks `NcciTables` about the codes on each claim. Claims are
scrubbed thousands a second, so every lookup is one dict access; parsing and persistence happen once a quarter.

This module holds the types, the in-memory tables and their persistence. The file readers, `read_ptp_file` and
`read_mue_file`, live in `gravida.knowledge.ncci_files` (which imports the types from here) and are re-exported
here through thin wrappers that import them on first use, so neither module imports the other at load time.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Final

from gravida.domain import Citation

__all__ = [
    "ADJUDICATION_INDICATORS",
    "MODIFIER_INDICATORS",
    "NCCI_URL",
    "MueLimit",
    "NcciFileError",
    "NcciTables",
    "PtpEdit",
    "load_tables",
    "read_mue_file",
    "read_ptp_file",
    "save_tables",
]

NCCI_URL: Final = "https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits"

MODIFIER_INDICATORS: Final[Mapping[int, str]] = {
    0: "not allowed: no modifier lets both codes be paid",
    1: "allowed: an NCCI-associated modifier (59, XE/XP/XS/XU, ...) lets both be paid when the services are distinct",
    9: "not applicable: the edit does not apply (CMS uses 9 on edits it deleted)",
}

ADJUDICATION_INDICATORS: Final[Mapping[int, str]] = {
    1: "line edit: units over the value on one claim line are denied",
    2: "absolute date-of-service edit: units per day over the value are denied; policy, not overturned on appeal",
    3: "date-of-service edit: units per day over the value are denied; clinical, appealable with documentation",
}


@dataclass(frozen=True, slots=True)
class PtpEdit:
    """One NCCI procedure-to-procedure edit: column 2 is not paid with column 1 on one date of service.

    `deleted` is CMS's deletion date, the first date of service the edit no longer applies to. An edit is in
    force on dates `effective <= on < deleted` (half-open). CMS starts and deletes edits on quarter boundaries,
    and an edit deleted retroactively carries a deletion date equal to its effective date; the half-open reading
    makes that edit never in force, as CMS intends, and makes a deleted-then-restored edit's two periods meet
    without overlapping. (billing-facts.md does not state the convention; this is our reading of the files.)
    """

    column1: str
    column2: str
    effective: date
    deleted: date | None
    modifier_indicator: int
    rationale: str
    source: Citation

    def __post_init__(self) -> None:
        if self.modifier_indicator not in MODIFIER_INDICATORS:
            raise ValueError(f"modifier indicator must be 0, 1 or 9, not {self.modifier_indicator!r}")

    def in_force(self, on: date) -> bool:
        """True when the edit exists on the date of service `on`: `effective <= on < deleted`."""
        return self.effective <= on and (self.deleted is None or on < self.deleted)

    def applies(self, on: date) -> bool:
        """True when the edit is in force and restricts payment (indicator 9 means it does not apply)."""
        return self.modifier_indicator != 9 and self.in_force(on)

    @property
    def modifier_allowed(self) -> bool:
        """Whether an NCCI-associated modifier on the column 2 code can let both codes be paid."""
        return self.modifier_indicator == 1


@dataclass(frozen=True, slots=True)
class MueLimit:
    """The most units of a code CMS pays for one patient, per line or per date of service.

    The adjudication indicator says how the value is applied: 1 line edit (each claim line is checked on its own),
    2 absolute date-of-service edit (units on all lines of the day are summed; a policy limit, not overturned on
    appeal), 3 date-of-service edit (summed per day too, but clinical: appealable with documentation).
    """

    code: str
    value: int
    adjudication_indicator: int
    rationale: str
    source: Citation

    def __post_init__(self) -> None:
        if self.adjudication_indicator not in ADJUDICATION_INDICATORS:
            raise ValueError(f"MUE adjudication indicator must be 1, 2 or 3, not {self.adjudication_indicator!r}")
        if self.value < 0:
            raise ValueError(f"MUE value must not be negative, not {self.value!r}")

    @property
    def per_date_of_service(self) -> bool:
        """True when units on all lines of one date of service are summed (indicators 2 and 3)."""
        return self.adjudication_indicator != 1

    @property
    def appealable(self) -> bool:
        """False only for indicator 2, whose limit is policy and is not raised on appeal."""
        return self.adjudication_indicator != 2


class NcciFileError(ValueError):
    """An NCCI file (or a saved table file) is not in the expected layout; says where, so it can be checked."""

    def __init__(self, path: Path | str, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {problem}")


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small acyclic objects.

    Each collection rescans every row built so far; on a million rows that cost a third to a half of the time
    to read, index or load them. The rows hold no reference cycles, so nothing is lost by waiting. The pause is
    process-wide, and the collector is switched back on only if it was on before. The readers in `ncci_files`
    use it too.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------- reading the official files (in ncci_files)


def read_ptp_file(path: Path, source: Citation | None = None) -> list[PtpEdit]:
    """Read a CMS practitioner PTP file (`.txt`, or a `.zip` of them); see `ncci_files.read_ptp_file`."""
    from gravida.knowledge import ncci_files

    return ncci_files.read_ptp_file(path, source)


def read_mue_file(path: Path, source: Citation | None = None) -> list[MueLimit]:
    """Read a CMS practitioner MUE file (`.csv`, or a `.zip` of them); see `ncci_files.read_mue_file`."""
    from gravida.knowledge import ncci_files

    return ncci_files.read_mue_file(path, source)


# ---------------------------------------------------------------- the in-memory tables


class NcciTables:
    """PTP edits indexed by unordered code pair and MUE limits indexed by code, for constant-time lookups.

    A pair may hold several edits over time (deleted, then added again, or with its columns swapped), so the
    index keeps every version and a lookup picks the one in force on the date of service. MUE files hold one
    limit per code; when a list repeats a code, the later limit wins.
    """

    __slots__ = ("_by_pair", "_edits", "_limits")

    def __init__(self, ptp: Iterable[PtpEdit] = (), mue: Iterable[MueLimit] = ()) -> None:
        with _bulk():
            self._edits: tuple[PtpEdit, ...] = tuple(ptp)
            self._by_pair: dict[frozenset[str], list[PtpEdit]] = {}
            for edit in self._edits:
                self._by_pair.setdefault(frozenset((edit.column1, edit.column2)), []).append(edit)
            self._limits: dict[str, MueLimit] = {limit.code: limit for limit in mue}

    def ptp(self, code_a: str, code_b: str, on: date) -> PtpEdit | None:
        """The edit between two codes in force on `on`, in either order, as stored (so column 2 is known).

        If versions overlap (they should not), the one with the latest effective date wins.
        """
        versions = self._by_pair.get(frozenset((code_a, code_b)))
        if versions is None:
            return None
        best: PtpEdit | None = None
        for edit in versions:
            if edit.in_force(on) and (best is None or edit.effective > best.effective):
                best = edit
        return best

    def pairs_among(self, codes: Iterable[str], on: date) -> list[PtpEdit]:
        """Every edit in force on `on` between two different codes of a claim, in the order the codes come.

        Indicator-9 edits are included, as the files hold them; `PtpEdit.applies` tells whether one restricts.
        """
        distinct = list(dict.fromkeys(codes))
        found: list[PtpEdit] = []
        for index, code_a in enumerate(distinct):
            for code_b in distinct[index + 1 :]:
                edit = self.ptp(code_a, code_b, on)
                if edit is not None:
                    found.append(edit)
        return found

    def mue(self, code: str) -> MueLimit | None:
        """The MUE limit for a code, or None when CMS publishes none."""
        return self._limits.get(code)

    def ptp_edits(self) -> tuple[PtpEdit, ...]:
        """All PTP edits, in the order they were given."""
        return self._edits

    def mue_limits(self) -> tuple[MueLimit, ...]:
        """All MUE limits, one per code, in the order their codes first came."""
        return tuple(self._limits.values())

    def __len__(self) -> int:
        """PTP edits plus MUE limits: the number of rows the tables hold."""
        return len(self._edits) + len(self._limits)

    def merged(self, other: NcciTables) -> NcciTables:
        """These tables updated by `other`: for a pair or code that `other` holds, only `other`'s rows count.

        A pair's whole history is replaced, not mixed, so a newer quarter's file restates each pair it lists.
        """
        kept = [edit for edit in self._edits if frozenset((edit.column1, edit.column2)) not in other._by_pair]
        return NcciTables([*kept, *other._edits], [*self._limits.values(), *other._limits.values()])


# ---------------------------------------------------------------- keeping imported tables between runs

_FORMAT: Final = "gravida-ncci-tables"
_VERSION: Final = "1"
_SCHEMA: Final = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE source (id INTEGER PRIMARY KEY, title TEXT NOT NULL, url TEXT NOT NULL);
CREATE TABLE rationale (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE ptp (
    column1 TEXT NOT NULL, column2 TEXT NOT NULL, effective INTEGER NOT NULL, deleted INTEGER,
    modifier_indicator INTEGER NOT NULL, rationale_id INTEGER NOT NULL REFERENCES rationale (id),
    source_id INTEGER NOT NULL REFERENCES source (id)
);
CREATE TABLE mue (
    code TEXT NOT NULL, value INTEGER NOT NULL, adjudication_indicator INTEGER NOT NULL,
    rationale_id INTEGER NOT NULL REFERENCES rationale (id), source_id INTEGER NOT NULL REFERENCES source (id)
);
"""


def _day_number(day: date) -> int:
    """A date as the integer YYYYMMDD: compact in SQLite and still readable in the sqlite3 shell."""
    return day.year * 10000 + day.month * 100 + day.day


@lru_cache(maxsize=1 << 12)
def _from_day_number(number: int) -> date:
    return date(number // 10000, number // 100 % 100, number % 100)


def save_tables(tables: NcciTables, path: Path) -> None:
    """Write the tables to a SQLite file, each row with its source citation, replacing `path` atomically.

    The file is built beside `path` and moved over it with os.replace, so a reader never sees a half-written
    file and a failed import leaves the previous tables in place. Citations and rationales are stored once and
    referenced by id, since a quarter's million rows share a handful of each.
    """
    sources: dict[Citation, int] = {}
    rationales: dict[str, int] = {}

    def ids(rationale: str, source: Citation) -> tuple[int, int]:
        return rationales.setdefault(rationale, len(rationales) + 1), sources.setdefault(source, len(sources) + 1)

    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(descriptor)
    try:
        with contextlib.closing(sqlite3.connect(temporary)) as db:
            db.executescript(_SCHEMA)
            db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", _FORMAT), ("version", _VERSION)])
            db.executemany(
                "INSERT INTO ptp VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        edit.column1,
                        edit.column2,
                        _day_number(edit.effective),
                        None if edit.deleted is None else _day_number(edit.deleted),
                        edit.modifier_indicator,
                        *ids(edit.rationale, edit.source),
                    )
                    for edit in tables.ptp_edits()
                ),
            )
            db.executemany(
                "INSERT INTO mue VALUES (?, ?, ?, ?, ?)",
                (
                    (limit.code, limit.value, limit.adjudication_indicator, *ids(limit.rationale, limit.source))
                    for limit in tables.mue_limits()
                ),
            )
            db.executemany("INSERT INTO rationale VALUES (?, ?)", ((n, text) for text, n in rationales.items()))
            db.executemany("INSERT INTO source VALUES (?, ?, ?)", ((n, c.title, c.url) for c, n in sources.items()))
            db.commit()
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def load_tables(path: Path) -> NcciTables:
    """Read tables written by `save_tables`. A missing file raises FileNotFoundError; a foreign one NcciFileError."""
    if not path.is_file():
        raise FileNotFoundError(f"no NCCI table file at {path}")
    try:
        with _bulk(), contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("format") != _FORMAT or meta.get("version") != _VERSION:
                raise NcciFileError(path, None, f"not a Gravida NCCI table file of version {_VERSION} ({meta})")
            sources = {n: Citation(title, url) for n, title, url in db.execute("SELECT id, title, url FROM source")}
            rationales = dict(db.execute("SELECT id, text FROM rationale").fetchall())
            edits = [
                PtpEdit(
                    column1,
                    column2,
                    _from_day_number(effective),
                    None if deleted is None else _from_day_number(deleted),
                    modifier,
                    rationales[rationale_id],
                    sources[source_id],
                )
                for column1, column2, effective, deleted, modifier, rationale_id, source_id in db.execute(
                    "SELECT * FROM ptp ORDER BY rowid"
                )
            ]
            limits = [
                MueLimit(code, value, indicator, rationales[rationale_id], sources[source_id])
                for code, value, indicator, rationale_id, source_id in db.execute("SELECT * FROM mue ORDER BY rowid")
            ]
    except NcciFileError:
        raise
    except (sqlite3.DatabaseError, KeyError, ValueError, TypeError) as error:
        raise NcciFileError(path, None, f"not a readable Gravida NCCI table file ({error})") from error
    return NcciTables(edits, limits)
