"""Readers for CMS's official NCCI practitioner files: PTP edits (tab-delimited `.txt`) and MUE values (`.csv`).

CMS publishes the full tables each quarter; `read_ptp_file` and `read_mue_file` turn one file (or every table in a
`.zip` of them) into `PtpEdit` and `MueLimit` rows, each citing the file it came from. The types, the in-memory
`NcciTables` and their SQLite persistence live in `gravida.knowledge.ncci`, which re-exports both readers.

Only the tab-delimited PTP `.txt` and the MUE `.csv` layouts are read (or a `.zip` holding them). CMS ships the
same tables as `.xlsx`; reading those would need a third-party library for no gain, so they are refused with a
message that says which file to use instead. A malformed file raises `NcciFileError` naming the file and line.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Final, TypeVar

from gravida.domain import Citation
from gravida.knowledge.ncci import ADJUDICATION_INDICATORS, NCCI_URL, MueLimit, NcciFileError, PtpEdit, _bulk

_CODE = re.compile(r"[A-Z0-9]{5}")
_YYYYMMDD = re.compile(r"\d{8}")
_INDICATOR = re.compile(r"(\d)(?:\D.*)?", re.DOTALL)
_WHITESPACE_AND_QUOTES = re.compile(r"[\s\"']+")
_MUE_CODE_HEADER = re.compile(r"hcpcs/?(cpt)?codes?")


class _NoHeaderError(NcciFileError):
    """No header row: inside a zip this marks a member that is not a table (a readme), so it can be skipped."""


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
# the pause of the collector, `_bulk`, this took a million-row import from 17 s to 9 s). The caches are bounded.


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
