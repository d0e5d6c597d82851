"""NCCI procedure-to-procedure (PTP) edits and medically unlikely edits (MUEs) from CMS's official quarterly files.

Gravida ships a curated subset of NCCI pairs as rule data; a clinic or billing company that downloads the full
quarterly practitioner files from CMS imports them here, keeps them in a small SQLite file between runs
(`save_tables` / `load_tables`), and the scrubber asks `NcciTables` about the codes on each claim. Claims are
scrubbed thousands a second, so every lookup is one dict access; parsing and persistence happen once a quarter.

Only the tab-delimited PTP `.txt` and the MUE `.csv` layouts are read (or a `.zip` holding them). CMS ships the
same tables as `.xlsx`; reading those would need a third-party library for no gain, so they are refused with a
message that says which file to use instead. A malformed file raises `NcciFileError` naming the file and line.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Final, TypeVar

from gravida.domain import Citation

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

_CODE = re.compile(r"[A-Z0-9]{5}")
_YYYYMMDD = re.compile(r"\d{8}")
_INDICATOR = re.compile(r"(\d)(?:\D.*)?", re.DOTALL)
_WHITESPACE_AND_QUOTES = re.compile(r"[\s\"']+")
_MUE_CODE_HEADER = re.compile(r"hcpcs/?(cpt)?codes?")


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


class _NoHeaderError(NcciFileError):
    """No header row: inside a zip this marks a member that is not a table (a readme), so it can be skipped."""


# ---------------------------------------------------------------- reading the official files

_Row = TypeVar("_Row")


def read_ptp_file(path: Path, source: Citation | None = None) -> list[PtpEdit]:
    """Read a CMS practitioner PTP file: tab-delimited `.txt`, or a `.zip` holding such files.

    Title and copyright lines before the header are skipped; the header is the first row whose first two cells
    read "Column 1" and "Column 2" (spacing, quotes and case ignored). Header cells may wrap, quoted or onto
    continuation lines whose first cell is empty; the other columns are found by a keyword in their header
    (effective, deletion, modifier, rationale), so spacing changes between quarters do not matter. Blank lines,
    trailing tabs and CRLF line ends are tolerated. `source` defaults to a citation naming the file.
    """
    with _bulk():
        return _read_tables(path, ".txt", source, "CMS NCCI PTP edits", _parse_ptp)


def read_mue_file(path: Path, source: Citation | None = None) -> list[MueLimit]:
    """Read a CMS practitioner MUE file: `.csv`, or a `.zip` holding such files.

    The file opens with a quoted, multi-line AMA copyright cell; the header is the row whose first cell reads
    "HCPCS/CPT Code". The adjudication indicator cell is a digit followed by text ("3 Date of Service Edit:
    Clinical"); only the digit is kept. A code listed twice is an error, since a table has one limit per code.
    """
    with _bulk():
        return _read_tables(path, ".csv", source, "CMS NCCI MUE values", _parse_mue)


def _read_tables(
    path: Path,
    suffix: str,
    source: Citation | None,
    title: str,
    parse: Callable[[str, str, Citation], list[_Row]],
) -> list[_Row]:
    """Open a file or every `suffix` member of a zip, and parse each with a citation naming it."""
    if path.suffix.lower() == ".xlsx":
        raise NcciFileError(path, None, f"Excel files are not read; use the {suffix} file CMS ships in the same zip")
    if path.suffix.lower() != ".zip":
        data = path.read_bytes()
        if data.startswith(b"PK\x03\x04"):
            raise NcciFileError(path, None, f"this is a zip or Excel file; give a .zip or the {suffix} file inside")
        cite = source or Citation(f"{title}, file {path.name}", NCCI_URL)
        return parse(_decode(data), str(path), cite)
    rows: list[_Row] = []
    skipped: list[NcciFileError] = []
    parsed_any = False
    for member, data in _zip_members(path, suffix):
        cite = source or Citation(f"{title}, {path.name} member {member}", NCCI_URL)
        try:
            rows.extend(parse(_decode(data), f"{path}!{member}", cite))
            parsed_any = True
        except _NoHeaderError as error:  # a readme or notice shipped beside the table
            skipped.append(error)
    if not parsed_any:
        if skipped:
            raise skipped[0]
        raise NcciFileError(path, None, f"the zip holds no {suffix} file")
    return rows


def _zip_members(path: Path, suffix: str) -> Iterator[tuple[str, bytes]]:
    """The (name, bytes) of each `suffix` member of a zip, in name order, so imports are reproducible."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = sorted(
                info.filename
                for info in archive.infolist()
                if not info.is_dir()
                and info.filename.lower().endswith(suffix)
                and not info.filename.startswith("__MACOSX/")
            )
            for name in names:
                yield name, archive.read(name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError) as error:
        raise NcciFileError(path, None, f"not a readable zip archive ({error})") from error


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small acyclic objects.

    Each collection rescans every row built so far; on a million rows that cost a third to a half of the time
    to read, index or load them. The rows hold no reference cycles, so nothing is lost by waiting. The pause is
    process-wide, and the collector is switched back on only if it was on before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _decode(data: bytes) -> str:
    """CMS files are ASCII in practice, with an occasional Windows-1252 character in the notices."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails: every byte is a character


def _records(text: str, where: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on, trailing empty cells dropped; csv errors become NcciFileError.

    The csv module handles quoted cells that span lines (the MUE copyright notice, wrapped header cells).
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise NcciFileError(where, reader.line_num or start, f"unreadable row ({error})") from error
        while cells and not cells[-1].strip():
            cells.pop()
        yield start, cells
        start = reader.line_num + 1


def _data_rows(records: Iterator[tuple[int, list[str]]], where: str) -> Iterator[tuple[int, list[str]]]:
    """The non-blank records under a header. A data cell never spans lines; one that does means an unclosed
    quote, which would otherwise swallow the rows after it without a word."""
    for line, cells in records:
        joined = "".join(cells)
        if "\n" in joined or "\r" in joined:
            raise NcciFileError(where, line, "a cell runs over several lines (an unclosed quote?)")
        if cells:
            yield line, cells


def _squash(cell: str) -> str:
    """A header cell reduced to lowercase text without spaces or quotes, to compare headers across quarters."""
    return _WHITESPACE_AND_QUOTES.sub("", cell).lower()


def _columns(
    header: list[str], wanted: Mapping[str, str], required: Iterable[str], where: str, line: int
) -> dict[str, int]:
    """Map each wanted column to its index by a keyword in its (squashed) header text."""
    found: dict[str, int] = {}
    for name, keyword in wanted.items():
        hits = [index for index, cell in enumerate(header) if keyword in cell]
        if len(hits) > 1:
            raise NcciFileError(where, line, f"header has more than one {name} column")
        if hits:
            found[name] = hits[0]
    missing = [name for name in required if name not in found]
    if missing:
        raise NcciFileError(where, line, f"header lacks the {', '.join(missing)} column(s)")
    return found


# A quarter's million rows repeat a few thousand codes and a few hundred dates, so their checks are cached (with
# the pause of the collector below, this took a million-row import from 17 s to 9 s). The caches are bounded.


@lru_cache(maxsize=1 << 16)
def _normal_code(cell: str) -> str | None:
    code = cell.strip().upper()
    return code if _CODE.fullmatch(code) else None


def _code(cell: str, what: str, where: str, line: int) -> str:
    code = _normal_code(cell)
    if code is None:
        raise NcciFileError(where, line, f"{what} {cell.strip()!r} is not a 5-character HCPCS/CPT code")
    return code


@lru_cache(maxsize=1 << 12)
def _yyyymmdd(text: str) -> date:
    if not _YYYYMMDD.fullmatch(text):
        raise ValueError("is not a date written YYYYMMDD")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as error:
        raise ValueError(f"is not a real date ({error})") from error


def _date(cell: str, what: str, where: str, line: int) -> date:
    text = cell.strip()
    try:
        return _yyyymmdd(text)
    except ValueError as error:
        raise NcciFileError(where, line, f"{what} {text!r} {error}") from error


def _width(columns: Mapping[str, int], required: Iterable[str]) -> int:
    """The cells a row needs to reach every required column; a missing rationale at the end is allowed."""
    return 1 + max(columns[name] for name in required)


def _too_few(cells: list[str], needed: int, where: str, line: int) -> NcciFileError:
    return NcciFileError(where, line, f"row has {len(cells)} column(s); {needed} are needed")


_PTP_COLUMNS: Final = {
    "effective date": "effective",
    "deletion date": "deletion",
    "modifier indicator": "modifier",
    "rationale": "rationale",
}
_PTP_REQUIRED: Final = ("effective date", "deletion date", "modifier indicator")


def _parse_ptp(text: str, where: str, source: Citation) -> list[PtpEdit]:
    """Parse the tab-delimited PTP layout; see `read_ptp_file`."""
    records = _records(text, where, "\t")
    header_line = 0
    header: list[str] = []
    for line, cells in records:
        if len(cells) >= 2 and _squash(cells[0]) == "column1" and _squash(cells[1]) == "column2":
            header_line, header = line, [_squash(cell) for cell in cells]
            break
    else:
        last = max(1, len(text.splitlines()))
        raise _NoHeaderError(where, last, 'no header row starting "Column 1", "Column 2" was found')
    edits: list[PtpEdit] = []
    columns: dict[str, int] | None = None
    needed = 0
    for line, cells in _data_rows(records, where):
        if columns is None:
            if not cells[0].strip():  # the header wraps onto this line: join its text to the columns above
                header += [""] * (len(cells) - len(header))
                for index, cell in enumerate(cells):
                    header[index] += _squash(cell)
                continue
            columns = _columns(header, _PTP_COLUMNS, _PTP_REQUIRED, where, header_line)
            needed = _width(columns, _PTP_REQUIRED)
        if len(cells) < needed:
            raise _too_few(cells, needed, where, line)
        edits.append(_ptp_row(cells, columns, where, line, source))
    if columns is None:  # a header with no rows under it: still check that it names the columns
        _columns(header, _PTP_COLUMNS, _PTP_REQUIRED, where, header_line)
    return edits


def _ptp_row(cells: list[str], columns: dict[str, int], where: str, line: int, source: Citation) -> PtpEdit:
    column1 = _code(cells[0], "column 1 code", where, line)
    column2 = _code(cells[1], "column 2 code", where, line)
    effective = _date(cells[columns["effective date"]], "effective date", where, line)
    deletion = cells[columns["deletion date"]].strip()
    deleted = None if deletion in ("", "*") else _date(deletion, "deletion date", where, line)
    modifier = cells[columns["modifier indicator"]].strip()
    if modifier not in ("0", "1", "9"):
        raise NcciFileError(where, line, f"modifier indicator {modifier!r} is not 0, 1 or 9")
    index = columns.get("rationale")
    rationale = cells[index].strip() if index is not None and index < len(cells) else ""
    return PtpEdit(column1, column2, effective, deleted, int(modifier), rationale, source)


_MUE_COLUMNS: Final = {"value": "muevalue", "adjudication indicator": "adjudication", "rationale": "rationale"}
_MUE_REQUIRED: Final = ("value", "adjudication indicator")


def _parse_mue(text: str, where: str, source: Citation) -> list[MueLimit]:
    """Parse the MUE CSV layout; see `read_mue_file`."""
    records = _records(text, where, ",")
    for line, cells in records:
        if len(cells) >= 2 and _MUE_CODE_HEADER.fullmatch(_squash(cells[0])):
            header = [_squash(cell) for cell in cells]
            columns = _columns(header, _MUE_COLUMNS, _MUE_REQUIRED, where, line)
            break
    else:
        last = max(1, len(text.splitlines()))
        raise _NoHeaderError(where, last, 'no header row starting "HCPCS/CPT Code" was found')
    limits: list[MueLimit] = []
    first_seen: dict[str, int] = {}
    needed = _width(columns, _MUE_REQUIRED)
    for line, cells in _data_rows(records, where):
        if len(cells) < needed:
            raise _too_few(cells, needed, where, line)
        code = _code(cells[0], "code", where, line)
        if code in first_seen:
            raise NcciFileError(where, line, f"code {code} is listed again (first on line {first_seen[code]})")
        first_seen[code] = line
        value = cells[columns["value"]].strip()
        if not value.isascii() or not value.isdigit():
            raise NcciFileError(where, line, f"MUE value {value!r} for {code} is not a whole number")
        indicator_cell = cells[columns["adjudication indicator"]].strip()
        match = _INDICATOR.fullmatch(indicator_cell)
        if match is None or int(match.group(1)) not in ADJUDICATION_INDICATORS:
            raise NcciFileError(
                where, line, f"MUE adjudication indicator {indicator_cell!r} for {code} does not start with 1, 2 or 3"
            )
        index = columns.get("rationale")
        rationale = cells[index].strip() if index is not None and index < len(cells) else ""
        limits.append(MueLimit(code, int(value), int(match.group(1)), rationale, source))
    return limits


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
