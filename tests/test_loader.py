"""The strict loader refuses malformed rule files and names the file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gravida.knowledge.errors import RuleFileError
from gravida.knowledge.loader import load_rule

GOOD = """\
description: Units method.
values:
  2020-01-01:
    value: cms
    source: {title: CMS manual, url: https://example.org/manual}
    verified_on: 2026-12-03
  2024-01-01:
    value: cpt
    source: {title: Contract, url: https://example.org/contract}
    verified_on: 2026-12-03
  2025-06-01: null
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "payers" / "acme" / "units_method.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _problem(tmp_path: Path, text: str) -> RuleFileError:
    path = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as raised:
        load_rule(path, tmp_path)
    assert raised.value.path == str(path)
    return raised.value


def test_a_good_file_loads_with_its_id_from_the_path_and_values_by_date(tmp_path: Path) -> None:
    rule = load_rule(_write(tmp_path, GOOD), tmp_path)
    assert rule.id == "payers.acme.units_method"
    assert rule.at(date(2019, 12, 31)) is None
    first = rule.at(date(2023, 12, 31))
    assert first is not None and first.value == "cms"
    second = rule.at(date(2024, 1, 1))
    assert second is not None and second.value == "cpt" and second.source is not None
    assert rule.at(date(2025, 6, 1)) is None, "null ends the rule"


def test_an_unknown_key_in_a_version_is_refused_with_its_line(tmp_path: Path) -> None:
    error = _problem(
        tmp_path, GOOD.replace("    verified_on: 2026-12-03\n  2024", "    verifed: 2026-12-03\n  2024", 1)
    )
    assert error.line == 3 and "verifed" in error.problem


def test_a_duplicate_date_is_refused_with_both_lines(tmp_path: Path) -> None:
    text = GOOD.replace("  2024-01-01:", "  2020-01-01:")
    error = _problem(tmp_path, text)
    assert error.line == 7 and "duplicate" in error.problem and "line 3" in error.problem


def test_a_bad_date_is_refused(tmp_path: Path) -> None:
    error = _problem(tmp_path, GOOD.replace("2024-01-01", "2024-13-01"))
    assert error.line == 7 and "not a date" in error.problem


def test_a_value_without_a_source_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("    source: {title: Contract, url: https://example.org/contract}\n", "")
    error = _problem(tmp_path, text)
    assert error.line == 7 and "source" in error.problem


def test_a_source_without_a_url_is_refused(tmp_path: Path) -> None:
    error = _problem(tmp_path, GOOD.replace("{title: CMS manual, url: https://example.org/manual}", "{title: CMS}"))
    assert error.line == 3 and "url" in error.problem


def test_a_value_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    error = _problem(tmp_path, GOOD.replace("value: cpt", "value: eight-minute"))
    assert error.line == 7 and "value of 2024-01-01" in error.problem


def test_an_unknown_top_level_key_is_refused(tmp_path: Path) -> None:
    error = _problem(tmp_path, "author: me\n" + GOOD)
    assert error.line == 1 and "author" in error.problem


def test_a_file_for_an_unregistered_kind_of_rule_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mystery" / "thing.yaml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleFileError, match="no rule kind"):
        load_rule(path, tmp_path)


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    error = _problem(tmp_path, GOOD.replace("    value: cms", "    value: [cms"))
    assert error.line is not None and "not valid YAML" in error.problem
