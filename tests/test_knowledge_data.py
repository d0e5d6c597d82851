"""The bundled rule data: complete, consistent, and every code it names valid when it names it."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest

from gravida.domain import Trimester
from gravida.knowledge import Knowledge
from gravida.knowledge.icd10_index import TabularIndex, excludes_patterns, pattern_matches
from gravida.knowledge.specs import ConceptSpec, TrimesterCodes

REQUIRED_CODES = {
    "97010", "97012", "97014", "G0283", "97032", "97035", "97110", "97112", "97116", "97124", "97140", "97150",
    "97161", "97162", "97163", "97164", "97530", "97535", "97750", "98940", "98941", "98942",
    "97810", "97811", "97813", "97814",
}  # fmt: skip
REQUIRED_CONCEPTS = {
    "low_back_pain", "symphysis_pubis_dysfunction", "pelvic_girdle_pain", "sciatica", "carpal_tunnel",
    "gestational_edema", "anxiety", "coccyx_pain", "neck_pain", "muscle_spasm", "round_ligament_pain",
}  # fmt: skip
PAYER_RULES = ("units_method", "therapy_modifiers", "assistant_modifiers", "distinct_modifiers")


def test_the_catalog_holds_every_code_a_prenatal_practice_meets(knowledge: Knowledge) -> None:
    codes = {rule_id.split(".", 1)[1] for rule_id in knowledge.rules if rule_id.startswith("procedures.")}
    assert codes >= REQUIRED_CODES


def test_every_required_concept_exists(knowledge: Knowledge) -> None:
    concepts = {rule_id.split(".", 1)[1] for rule_id in knowledge.rules if rule_id.startswith("concepts.")}
    assert concepts >= REQUIRED_CONCEPTS


def test_each_technique_names_one_code_unless_spinal_regions_tell_them_apart(knowledge: Knowledge) -> None:
    for technique in knowledge.techniques:
        rule_ids = knowledge.procedures_for_technique(technique)
        if len(rule_ids) > 1:
            ranges = [knowledge.rule(r).versions[-1].value.spinal_regions for r in rule_ids]
            assert all(ranges), f"{technique} maps to {rule_ids} with nothing to choose between them"
            covered = [n for lo, hi in ranges for n in range(lo, hi + 1)]
            assert sorted(covered) == list(range(1, 6)), f"{technique}: spinal ranges must cover 1-5 once"


def _expansions(spec: ConceptSpec) -> set[str]:
    codes = set()
    for variant in (spec.pregnant, spec.postpartum, spec.not_pregnant):
        for template in variant or ():
            if isinstance(template, TrimesterCodes):
                codes |= {template.first, template.second, template.third, template.unspecified}
            elif "{side}" in template:
                assert spec.sides, f"{template} needs sides"
                for side in spec.sides.values():
                    codes |= {template.replace("{side}", v) for v in ((side,) if isinstance(side, str) else side)}
            else:
                codes.add(template)
    return codes


def test_every_code_a_concept_names_is_billable_throughout_its_version(knowledge: Knowledge) -> None:
    problems = []
    for rule in knowledge.rules.values():
        if not rule.id.startswith("concepts."):
            continue
        for version, following in itertools.zip_longest(rule.versions, rule.versions[1:]):
            last_day = following.effective - timedelta(days=1) if following else date(2026, 9, 30)
            for day, code in itertools.product((version.effective, last_day), sorted(_expansions(version.value))):
                status = knowledge.at(day).diagnosis(code)
                if not status.billable:
                    problems.append(f"{rule.id} {version.effective}: {code} on {day}: {status.reason}")
    assert not problems, "\n".join(problems)


def test_trimester_variants_say_their_trimester(knowledge: Knowledge) -> None:
    words = {"first": "first trimester", "second": "second trimester", "third": "third trimester"}
    for rule in knowledge.rules.values():
        if rule.id.startswith("concepts."):
            for template in rule.versions[-1].value.pregnant or ():
                if isinstance(template, TrimesterCodes):
                    for attribute, word in words.items():
                        code = getattr(template, attribute)
                        assert word in knowledge.at(date(2026, 6, 1)).diagnosis(code).description.lower(), code
    assert Trimester.THIRD.value == 3


@pytest.mark.parametrize("payer", ["medicare", "commercial-cpt"])
def test_every_payer_pack_answers_every_coding_question_on_every_date(knowledge: Knowledge, payer: str) -> None:
    for day in (date(2015, 10, 1), date(2019, 12, 31), date(2020, 1, 1), date(2026, 12, 3)):
        snapshot = knowledge.at(day, payer)
        for name in PAYER_RULES:
            assert snapshot.payer_rule(name) is not None, f"{payer}.{name} has no value on {day}"


def test_the_two_packs_differ_in_how_they_count_units(knowledge: Knowledge) -> None:
    day = date(2026, 1, 5)
    medicare = knowledge.at(day, "medicare").payer_rule("units_method")
    commercial = knowledge.at(day, "commercial-cpt").payer_rule("units_method")
    assert medicare is not None and commercial is not None
    assert (medicare.value, commercial.value) == ("cms", "cpt")
    assert commercial.uncertain, "per-code counting is a contract term and is marked uncertain"


def test_every_version_has_a_source_and_a_verification_date(knowledge: Knowledge) -> None:
    for rule in knowledge.rules.values():
        for version in rule.versions:
            if not version.ended:
                assert version.source is not None and version.source.url.startswith("https://"), rule.id
                assert version.verified_on is not None, rule.id


def test_facts_the_reference_marks_uncertain_are_marked_uncertain(knowledge: Knowledge) -> None:
    on = date(2026, 1, 5)
    massage = knowledge.at(on).procedure("97124")
    pair = knowledge.at(on).get("pairs.97140-97124")
    assert massage is not None and massage.uncertain, "97124 always/sometimes therapy is unconfirmed"
    assert pair is not None and pair.uncertain, "the 97124/97140 pair is unconfirmed"


def test_a_fresh_index_is_built_from_the_official_tabular(tmp_path: Path) -> None:
    index = TabularIndex(tmp_path / "icd.sqlite")
    assert index.get("O26.893") is not None
    entry = index.get("m5450")
    assert entry is not None and entry.billable and entry.description == "Low back pain, unspecified"
    header = index.get("M54.5")
    assert header is not None and not header.billable
    assert index.children("M54.5") == ("M54.50", "M54.51", "M54.59")
    assert index.get("Q99.999") is None
    assert ("O12.0", "gestational edema (O12.0-)") in index.excludes1("R60.0"), "notes of R60 apply to R60.0"
    assert (tmp_path / "icd.sqlite").stat().st_size < 20_000_000


@pytest.mark.parametrize(
    ("note", "patterns"),
    [
        ("lumbago with sciatica (M54.4-)", ["M54.4"]),
        ("ascites (R18.-)", ["R18"]),
        ("injury of nerve (S00-T88)", ["S00-T88"]),
        ("edema of larynx (J38.4), edema of pharynx (J39.2)", ["J38.4", "J39.2"]),
        ("current traumatic nerve disorder - see nerve injury by body region", []),
    ],
)
def test_excludes1_notes_are_read_as_code_patterns(note: str, patterns: list[str]) -> None:
    assert excludes_patterns(note) == patterns


@pytest.mark.parametrize(
    ("pattern", "code", "matches"),
    [
        ("M54.4", "M54.42", True),
        ("M54.4", "M54.50", False),
        ("R18", "R18.8", True),
        ("N23", "N23", True),
        ("N23", "N230", False),
        ("S00-T88", "S39.012", True),
        ("S00-T88", "R10.20", False),
    ],
)
def test_excludes1_patterns_match_a_code_and_the_codes_below_it(pattern: str, code: str, matches: bool) -> None:
    assert pattern_matches(pattern, code) is matches


def test_an_unwritable_cache_folder_falls_back_to_the_temporary_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    index = TabularIndex(blocker / "cache" / "icd-fallback-test.sqlite")
    entry = index.get("O26.893")
    assert entry is not None and entry.billable
    assert index.path.parent.name == "gravida" and not str(index.path).startswith(str(blocker))
