"""The NCCI importer reads CMS's official PTP and MUE layouts, names file and line when they are malformed, and
keeps the tables in a SQLite file between runs.

The rows are synthetic, written in the official layouts: the pairs and MUE values come from billing-facts.md §3
where it knows them (97140/97530 and 97161/97140 indicator 1; 97110 = 6, 97530 = 6, 97112 = 4); the dates, the
deleted and indicator-0/9 edits and the other MUE rows are made up to exercise the reader.
"""

from __future__ import annotations

import os
import sqlite3
import string
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gravida.domain import Citation
from gravida.knowledge.ncci import (
    MueLimit,
    NcciFileError,
    NcciTables,
    PtpEdit,
    load_tables,
    read_mue_file,
    read_ptp_file,
    save_tables,
)

CRLF = "\r\n"
PTP_TITLE = [
    "CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved.",
    "Applicable FARS/HHSARS apply.",
    "",
    "Column 1/Column 2 Edits",
]
PTP_HEADER = (
    "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t"
    "Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale"
)
PTP_ROWS = [
    "97140\t97530\t\t20150101\t*\t1\tMutually exclusive procedures",
    "97161\t97140\t\t20200101\t*\t1\tStandards of medical / surgical practice\t",  # a trailing tab
    "97140\t97124\t\t20150101\t20210101\t1\tMisuse of column two code with column one code",  # deleted
    "97012\t97140\t\t20150101\t*\t0\tMutually exclusive procedures",  # indicator 0
    "97032\t97014\t*\t19960101\t19960101\t9\tCPT Manual or CMS manual coding instruction",  # deleted retroactively
]
FIRST_PTP_ROW = len(PTP_TITLE) + 2  # the line number of the first data row under the header

MUE_NOTICE = (
    '"CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights '
    "Reserved.\r\nApplicable FARS/HHSARS Restrictions Apply to Government Use.\r\n"
    'Fee schedules, relative value units, conversion factors and/or related components are not assigned by the AMA.",,,'
)
MUE_HEADER = '"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"'
MUE_ROWS = [
    '"97110","6","3 Date of Service Edit: Clinical","Clinical: Data"',
    '"97530","6","3 Date of Service Edit: Clinical","Clinical: Data"',
    '"97112","4","3 Date of Service Edit: Clinical","Clinical: Data"',
    '"G0283","1","2 Date of Service Edit: Policy","CMS Policy"',
    '"97010","1","1 Line Edit","Nature of Service/Procedure"',
]
FIRST_MUE_ROW = 5  # the notice fills lines 1-3 and the header is line 4

DOS = date(2024, 3, 12)
SOURCE = Citation("CMS NCCI PTP edits, practitioner, 2024 Q1", "https://www.cms.gov/ncci")


def write(path: Path, lines: list[str], newline: str = CRLF) -> Path:
    path.write_bytes((newline.join(lines) + newline).encode("ascii"))
    return path


def ptp_file(tmp_path: Path, rows: list[str], name: str = "ccipra-v301r0-f1.txt") -> Path:
    return write(tmp_path / name, [*PTP_TITLE, PTP_HEADER, *rows])


def mue_file(tmp_path: Path, rows: list[str], name: str = "MCR_MUE_PractitionerServices.csv") -> Path:
    return write(tmp_path / name, [MUE_NOTICE, MUE_HEADER, *rows])


def edit(
    column1: str,
    column2: str,
    effective: date,
    deleted: date | None = None,
    indicator: int = 1,
    source: Citation = SOURCE,
) -> PtpEdit:
    return PtpEdit(column1, column2, effective, deleted, indicator, "Mutually exclusive procedures", source)


def limit(code: str, value: int, indicator: int = 3, source: Citation = SOURCE) -> MueLimit:
    return MueLimit(code, value, indicator, "Clinical: Data", source)


# ---------------------------------------------------------------- reading the PTP layout


def test_the_ptp_reader_reads_the_official_layout_after_the_title_lines(tmp_path: Path) -> None:
    path = ptp_file(tmp_path, PTP_ROWS)
    edits = read_ptp_file(path, SOURCE)
    assert [(e.column1, e.column2, e.modifier_indicator) for e in edits] == [
        ("97140", "97530", 1),
        ("97161", "97140", 1),
        ("97140", "97124", 1),
        ("97012", "97140", 0),
        ("97032", "97014", 9),
    ]
    assert edits[0] == PtpEdit("97140", "97530", date(2015, 1, 1), None, 1, "Mutually exclusive procedures", SOURCE)
    assert edits[1].rationale == "Standards of medical / surgical practice"
    assert edits[2].deleted == date(2021, 1, 1)
    assert edits[4].effective == edits[4].deleted == date(1996, 1, 1)


def test_the_ptp_reader_cites_the_file_when_no_source_is_given(tmp_path: Path) -> None:
    edits = read_ptp_file(ptp_file(tmp_path, PTP_ROWS[:1]))
    assert "ccipra-v301r0-f1.txt" in edits[0].source.title
    assert edits[0].source.url.startswith("https://www.cms.gov/")


def test_the_ptp_reader_accepts_a_header_with_quoted_cells_that_wrap_and_odd_spacing(tmp_path: Path) -> None:
    header = (
        '"Column  1"\t" Column 2 "\t"*=in existence\r\nprior to 1996"\t"Effective\r\nDate"\t'
        '"Deletion Date\r\n*=no data"\t"Modifier\r\n0=not allowed\r\n1=allowed\r\n9=not applicable"\t'
        '"PTP Edit\r\nRationale"\t\t'
    )
    path = write(
        tmp_path / "wrapped.txt", ["Title", header, "", "", PTP_ROWS[0], "", "97140\t97530\t\t2015013\t*\t1\tx"]
    )
    with pytest.raises(NcciFileError) as raised:
        read_ptp_file(path)
    # the header spans lines 2-9 (seven line breaks inside its cells), two blank lines, then rows on lines 12 and 14
    assert raised.value.line == 14
    assert str(raised.value).startswith(f"{path}:14: effective date '2015013'")
    assert read_ptp_file(write(path, ["Title", header, "", "", PTP_ROWS[0]]))[0].column2 == "97530"


def test_the_ptp_reader_accepts_a_header_continued_on_the_next_line(tmp_path: Path) -> None:
    header = [
        "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit",
        "\t\tprior to 1996\tDate\tDate *=no data\t0=not allowed 1=allowed 9=not applicable\tRationale",
        "\t\t\t\t\t\t",
    ]
    edits = read_ptp_file(write(tmp_path / "continued.txt", [*PTP_TITLE, *header, *PTP_ROWS]))
    assert len(edits) == len(PTP_ROWS)
    assert edits[3].modifier_indicator == 0 and edits[3].rationale == "Mutually exclusive procedures"


def test_the_ptp_reader_accepts_lf_and_cr_line_ends(tmp_path: Path) -> None:
    for newline in ("\n", "\r"):
        path = write(tmp_path / "ends.txt", [*PTP_TITLE, PTP_HEADER, *PTP_ROWS], newline=newline)
        assert len(read_ptp_file(path)) == len(PTP_ROWS)


def test_the_ptp_reader_accepts_windows_1252_text_in_the_notice(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(("Copyright \xa9 2025 \x93AMA\x94" + CRLF + PTP_HEADER + CRLF + PTP_ROWS[0]).encode("latin-1"))
    assert read_ptp_file(path)[0].column1 == "97140"


def test_the_ptp_reader_reads_every_txt_member_of_a_zip_and_skips_a_readme(tmp_path: Path) -> None:
    archive = tmp_path / "ptp.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("f2.txt", CRLF.join([PTP_HEADER, *PTP_ROWS[2:]]))
        out.writestr("f1.txt", CRLF.join([*PTP_TITLE, PTP_HEADER, *PTP_ROWS[:2]]))
        out.writestr("README.txt", "Read the disclaimer before using these files.")
        out.writestr("f1.xlsx", b"PK\x03\x04not really excel")
    edits = read_ptp_file(archive)
    assert [e.column1 for e in edits] == ["97140", "97161", "97140", "97012", "97032"]
    assert "member f1.txt" in edits[0].source.title and "member f2.txt" in edits[2].source.title


def test_an_error_inside_a_zip_names_the_archive_member_and_line(tmp_path: Path) -> None:
    archive = tmp_path / "ptp.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("f1.txt", CRLF.join([PTP_HEADER, "97140\t97530\t\t20150101\t*\t2\tx"]))
    with pytest.raises(NcciFileError, match=r"ptp\.zip!f1\.txt:2: modifier indicator '2'"):
        read_ptp_file(archive)


# ---------------------------------------------------------------- malformed PTP files


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("97140\t97530\t\t2015-01-01\t*\t1\tx", "effective date '2015-01-01' is not a date written YYYYMMDD"),
        ("97140\t97530\t\t20230230\t*\t1\tx", "effective date '20230230' is not a real date"),
        ("97140\t97530\t\t20150101\t2021\t1\tx", "deletion date '2021' is not a date written YYYYMMDD"),
        ("97140\t97530\t\t20150101\t*\t2\tx", "modifier indicator '2' is not 0, 1 or 9"),
        ("97140\t97530\t\t20150101\t*\tyes\tx", "modifier indicator 'yes' is not 0, 1 or 9"),
        ("97140\t97530\t\t20150101", "row has 4 column(s); 6 are needed"),
        ("97140", "row has 1 column(s); 6 are needed"),
        ("9714\t97530\t\t20150101\t*\t1\tx", "column 1 code '9714' is not a 5-character HCPCS/CPT code"),
        ("\t97530\t\t20150101\t*\t1\tx", "column 1 code '' is not a 5-character HCPCS/CPT code"),
        ('97140\t97530\t\t20150101\t*\t1\t"unclosed', "a cell runs over several lines"),
    ],
)
def test_a_malformed_ptp_row_names_the_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = ptp_file(tmp_path, [*PTP_ROWS[:2], row, *PTP_ROWS[2:]])
    with pytest.raises(NcciFileError) as raised:
        read_ptp_file(path)
    line = FIRST_PTP_ROW + 2
    assert isinstance(raised.value, ValueError)
    assert (raised.value.path, raised.value.line) == (str(path), line)
    assert str(raised.value).startswith(f"{path}:{line}: {problem}")


def test_a_ptp_file_without_a_header_row_is_refused_at_its_last_line(tmp_path: Path) -> None:
    path = write(tmp_path / "no-header.txt", [*PTP_TITLE, *PTP_ROWS])
    with pytest.raises(NcciFileError, match=r'no-header\.txt:9: no header row starting "Column 1"'):
        read_ptp_file(path)


def test_a_ptp_header_without_the_dated_columns_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "short-header.txt", ["Column 1\tColumn 2\tModifier", "97140\t97530\t1"])
    with pytest.raises(NcciFileError) as raised:
        read_ptp_file(path)
    assert str(raised.value) == f"{path}:1: header lacks the effective date, deletion date column(s)"


def test_an_oversized_cell_is_an_ncci_file_error_not_a_csv_traceback(tmp_path: Path) -> None:
    path = ptp_file(tmp_path, [f"97140\t97530\t\t20150101\t*\t1\t{'x' * 200_000}"])
    with pytest.raises(NcciFileError, match=rf"{FIRST_PTP_ROW}: unreadable row \(field larger than field limit"):
        read_ptp_file(path)


def test_excel_files_and_empty_or_broken_zips_are_refused_with_a_reason(tmp_path: Path) -> None:
    xlsx = tmp_path / "ptp.xlsx"
    xlsx.write_bytes(b"PK\x03\x04")
    with pytest.raises(NcciFileError, match=r"Excel files are not read; use the \.txt file"):
        read_ptp_file(xlsx)
    disguised = tmp_path / "ptp.txt"
    disguised.write_bytes(b"PK\x03\x04rest of an xlsx")
    with pytest.raises(NcciFileError, match="this is a zip or Excel file"):
        read_ptp_file(disguised)
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as out:
        out.writestr("notes.pdf", b"%PDF")
    with pytest.raises(NcciFileError) as raised:
        read_ptp_file(empty)
    assert str(raised.value) == f"{empty}: the zip holds no .txt file"
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(NcciFileError, match="not a readable zip archive"):
        read_ptp_file(broken)
    readme_only = tmp_path / "readme.zip"
    with zipfile.ZipFile(readme_only, "w") as out:
        out.writestr("README.txt", "nothing here")
    with pytest.raises(NcciFileError, match=r"readme\.zip!README\.txt:1: no header row"):
        read_ptp_file(readme_only)


# ---------------------------------------------------------------- reading the MUE layout


def test_the_mue_reader_reads_the_official_layout_after_the_multi_line_notice(tmp_path: Path) -> None:
    limits = read_mue_file(mue_file(tmp_path, MUE_ROWS), SOURCE)
    assert [(m.code, m.value, m.adjudication_indicator) for m in limits] == [
        ("97110", 6, 3),
        ("97530", 6, 3),
        ("97112", 4, 3),
        ("G0283", 1, 2),
        ("97010", 1, 1),
    ]
    assert limits[0] == MueLimit("97110", 6, 3, "Clinical: Data", SOURCE)
    assert limits[0].per_date_of_service and limits[0].appealable
    assert limits[3].per_date_of_service and not limits[3].appealable
    assert not limits[4].per_date_of_service and limits[4].appealable


def test_the_mue_reader_reads_csv_members_of_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "mue.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("MCR_MUE_PractitionerServices.csv", CRLF.join([MUE_NOTICE, MUE_HEADER, *MUE_ROWS[:3]]))
    limits = read_mue_file(archive)
    assert [m.value for m in limits] == [6, 6, 4]
    assert "MCR_MUE_PractitionerServices.csv" in limits[0].source.title


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ('"97116","6.5","3 Date of Service Edit: Clinical","x"', "MUE value '6.5' for 97116 is not a whole number"),
        ('"97116","six","3 Date of Service Edit: Clinical","x"', "MUE value 'six' for 97116 is not a whole number"),
        ('"97116","-1","3 Date of Service Edit: Clinical","x"', "MUE value '-1' for 97116 is not a whole number"),
        ('"97116","2","4 Date of Service Edit","x"', "MUE adjudication indicator '4 Date of Service Edit' for 97116"),
        ('"97116","2","Date of Service Edit","x"', "MUE adjudication indicator 'Date of Service Edit' for 97116"),
        ('"97116","2","31 Edit","x"', "MUE adjudication indicator '31 Edit' for 97116"),
        ('"97116","2"', "row has 2 column(s); 3 are needed"),
        ('"97110","6","3 Date of Service Edit: Clinical","x"', "code 97110 is listed again (first on line 5)"),
        ('"971","6","3 Date of Service Edit: Clinical","x"', "code '971' is not a 5-character HCPCS/CPT code"),
        ('"97116","6","3 Date of Service Edit: Clinical","unclosed', "a cell runs over several lines"),
    ],
)
def test_a_malformed_mue_row_names_the_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = mue_file(tmp_path, [*MUE_ROWS[:2], row, *MUE_ROWS[2:]])
    with pytest.raises(NcciFileError) as raised:
        read_mue_file(path)
    line = FIRST_MUE_ROW + 2
    assert (raised.value.path, raised.value.line) == (str(path), line)
    assert str(raised.value).startswith(f"{path}:{line}: {problem}")


def test_an_mue_file_without_a_header_row_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "no-header.csv", [MUE_NOTICE, *MUE_ROWS])
    with pytest.raises(NcciFileError) as raised:
        read_mue_file(path)
    assert str(raised.value) == f'{path}:8: no header row starting "HCPCS/CPT Code" was found'


# ---------------------------------------------------------------- dates an edit is in force


def test_an_edit_is_in_force_from_its_effective_date_up_to_the_day_before_its_deletion_date() -> None:
    deleted = edit("97140", "97124", date(2015, 1, 1), date(2021, 1, 1))
    assert not deleted.in_force(date(2014, 12, 31))
    assert deleted.in_force(date(2015, 1, 1))
    assert deleted.in_force(date(2020, 12, 31))
    assert not deleted.in_force(date(2021, 1, 1))
    assert edit("97140", "97530", date(2015, 1, 1)).in_force(date(2099, 1, 1))


def test_an_edit_deleted_on_its_effective_date_never_applies() -> None:
    retroactive = edit("97032", "97014", date(1996, 1, 1), date(1996, 1, 1), indicator=9)
    assert not retroactive.in_force(date(1996, 1, 1))
    assert not edit("97032", "97014", date(1996, 1, 1), indicator=9).applies(DOS)
    assert edit("97012", "97140", date(2015, 1, 1), indicator=0).applies(DOS)


def test_rows_with_impossible_indicators_cannot_be_built() -> None:
    with pytest.raises(ValueError, match="modifier indicator"):
        edit("97140", "97530", DOS, indicator=2)
    with pytest.raises(ValueError, match="adjudication indicator"):
        limit("97110", 6, indicator=0)


# ---------------------------------------------------------------- the tables


@pytest.fixture
def tables(tmp_path: Path) -> NcciTables:
    return NcciTables(read_ptp_file(ptp_file(tmp_path, PTP_ROWS)), read_mue_file(mue_file(tmp_path, MUE_ROWS)))


def test_a_pair_is_found_in_either_order_and_returned_as_stored(tables: NcciTables) -> None:
    for first, second in (("97140", "97530"), ("97530", "97140")):
        found = tables.ptp(first, second, DOS)
        assert found is not None and (found.column1, found.column2) == ("97140", "97530")
    assert tables.ptp("97110", "97140", DOS) is None


def test_a_pair_is_found_only_on_dates_it_is_in_force(tables: NcciTables) -> None:
    assert tables.ptp("97161", "97140", date(2019, 12, 31)) is None
    assert tables.ptp("97161", "97140", date(2020, 1, 1)) is not None
    assert tables.ptp("97124", "97140", date(2020, 12, 31)) is not None
    assert tables.ptp("97124", "97140", date(2021, 1, 1)) is None


def test_the_version_of_a_pair_in_force_is_chosen_when_an_edit_comes_back() -> None:
    first = edit("97140", "97124", date(2015, 1, 1), date(2021, 1, 1))
    again = edit("97124", "97140", date(2022, 1, 1), indicator=0)
    tables = NcciTables([again, first])
    assert tables.ptp("97140", "97124", date(2020, 6, 1)) is first
    assert tables.ptp("97140", "97124", date(2021, 6, 1)) is None
    assert tables.ptp("97140", "97124", date(2022, 6, 1)) is again


def test_pairs_among_a_claims_codes_lists_each_edit_in_force_once(tables: NcciTables) -> None:
    found = tables.pairs_among(["97161", "97140", "97530", "97110", "97140"], DOS)
    assert [(e.column1, e.column2) for e in found] == [("97161", "97140"), ("97140", "97530")]
    assert tables.pairs_among(["97140", "97124"], DOS) == []
    assert tables.pairs_among(["97140"], DOS) == []


def test_mue_limits_are_found_by_code_and_the_length_counts_every_row(tables: NcciTables) -> None:
    found = tables.mue("97112")
    assert found is not None and found.value == 4
    assert tables.mue("97140") is None
    assert len(tables) == len(PTP_ROWS) + len(MUE_ROWS)
    assert len(NcciTables()) == 0


def test_merged_tables_take_the_other_tables_rows_for_a_pair_or_code(tables: NcciTables) -> None:
    newer = NcciTables(
        [edit("97530", "97140", date(2024, 1, 1), indicator=0), edit("98940", "97140", date(2024, 1, 1))],
        [limit("97110", 4), limit("97140", 4)],
    )
    merged = tables.merged(newer)
    replaced = merged.ptp("97140", "97530", DOS)
    assert replaced is not None and (replaced.column1, replaced.modifier_indicator) == ("97530", 0)
    assert merged.ptp("97140", "97530", date(2023, 12, 31)) is None  # the pair's old history went with it
    assert merged.ptp("97161", "97140", DOS) is not None and merged.ptp("98940", "97140", DOS) is not None
    assert [(m.code, m.value) for m in merged.mue_limits()] == [
        ("97110", 4),
        ("97530", 6),
        ("97112", 4),
        ("G0283", 1),
        ("97010", 1),
        ("97140", 4),
    ]
    assert len(merged) == len(PTP_ROWS) + 1 + len(MUE_ROWS) + 1
    original = tables.ptp("97140", "97530", DOS)
    assert original is not None and original.modifier_indicator == 1  # merging changes neither input


# ---------------------------------------------------------------- keeping tables between runs


def test_tables_saved_and_loaded_keep_every_row_and_its_source(tmp_path: Path, tables: NcciTables) -> None:
    other_source = Citation("Gravida curated NCCI subset", "https://example.org/gravida")
    with_two_sources = tables.merged(NcciTables([edit("98940", "97140", date(2020, 1, 1), source=other_source)]))
    path = tmp_path / "ncci.sqlite"
    save_tables(with_two_sources, path)
    loaded = load_tables(path)
    assert loaded.ptp_edits() == with_two_sources.ptp_edits()
    assert loaded.mue_limits() == with_two_sources.mue_limits()
    assert {e.source for e in loaded.ptp_edits()} == {tables.ptp_edits()[0].source, other_source}


def test_saving_replaces_the_file_atomically_and_leaves_no_temporary_file(tmp_path: Path, tables: NcciTables) -> None:
    path = tmp_path / "ncci.sqlite"
    save_tables(NcciTables([edit("97140", "97530", DOS)]), path)
    save_tables(tables, path)
    assert len(load_tables(path)) == len(tables)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite" or p.name.endswith(".tmp")) == [
        "ncci.sqlite"
    ]


def test_a_failed_save_keeps_the_previous_file(
    tmp_path: Path, tables: NcciTables, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ncci.sqlite"
    save_tables(tables, path)
    before = path.read_bytes()

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        save_tables(NcciTables(), path)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_loading_a_missing_or_foreign_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_tables(tmp_path / "missing.sqlite")
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    with pytest.raises(NcciFileError, match="not a readable Gravida NCCI table file"):
        load_tables(text)
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('format', 'something-else')")
    with pytest.raises(NcciFileError, match="not a Gravida NCCI table file of version 1"):
        load_tables(foreign)


# ---------------------------------------------------------------- properties

codes = st.from_regex(r"[A-Z0-9]{5}", fullmatch=True)
citations = st.builds(Citation, st.text(max_size=40), st.text(max_size=40))
ptp_edits = st.builds(
    PtpEdit, codes, codes, st.dates(), st.none() | st.dates(), st.sampled_from([0, 1, 9]), st.text(), citations
)
mue_limits = st.builds(MueLimit, codes, st.integers(0, 2**62), st.sampled_from([1, 2, 3]), st.text(), citations)


@settings(max_examples=60, deadline=None)
@given(st.lists(ptp_edits, max_size=30), st.lists(mue_limits, max_size=10, unique_by=lambda m: m.code))
def test_any_rows_saved_and_loaded_round_trip_unchanged(edits: list[PtpEdit], limits: list[MueLimit]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ncci.sqlite"
        save_tables(NcciTables(edits, limits), path)
        loaded = load_tables(path)
    assert list(loaded.ptp_edits()) == edits
    assert list(loaded.mue_limits()) == limits


rationales = st.text(alphabet=string.ascii_letters + string.digits + " /:,.()-", max_size=60).map(str.strip)


edits_in_a_file = st.builds(
    PtpEdit, codes, codes, st.dates(), st.none() | st.dates(), st.sampled_from([0, 1, 9]), rationales, st.just(SOURCE)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(edits_in_a_file, max_size=20))
def test_any_edits_written_in_the_official_layout_read_back_unchanged(edits: list[PtpEdit]) -> None:
    def yyyymmdd(day: date) -> str:
        return f"{day.year:04d}{day.month:02d}{day.day:02d}"

    rows = [
        f"{e.column1}\t{e.column2}\t\t{yyyymmdd(e.effective)}\t{'*' if e.deleted is None else yyyymmdd(e.deleted)}"
        f"\t{e.modifier_indicator}\t{e.rationale}"
        for e in edits
    ]
    with tempfile.TemporaryDirectory() as folder:
        assert read_ptp_file(ptp_file(Path(folder), rows), SOURCE) == edits


@given(st.lists(ptp_edits, max_size=20), codes, codes, st.dates())
def test_a_pair_lookup_does_not_depend_on_the_order_of_the_codes(
    edits: list[PtpEdit], code_a: str, code_b: str, on: date
) -> None:
    tables = NcciTables(edits)
    for e in edits[:3]:
        assert tables.ptp(e.column1, e.column2, on) is tables.ptp(e.column2, e.column1, on)
        found = tables.ptp(e.column1, e.column2, on)
        assert found is None or (found.in_force(on) and {found.column1, found.column2} == {e.column1, e.column2})
    assert tables.ptp(code_a, code_b, on) is tables.ptp(code_b, code_a, on)
