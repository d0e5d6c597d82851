"""The PDFs: the 1500 claim form, the superbill and the letter of medical necessity, read back with poppler.

Each document is rendered by the real fpdf2, then read with `pdftotext -bbox` (poppler-utils), so the tests check
both that a value is printed and that it lands in its box. The parties below are synthetic and obviously fake.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from conftest import claim_dict
from gravida.domain.encounter import Credential
from gravida.domain.letters import LetterOfNecessity, Prescriber
from gravida.domain.parties import PersonName
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.pdf import (
    ClaimDocumentError,
    MissingClaimFieldError,
    render_cms1500,
    render_lmn,
    render_superbill,
)
from gravida.interchange.pdf import cms1500_grid as form
from gravida.interchange.pdf.text import form_text, latin1
from gravida.knowledge import Knowledge

MM_PER_POINT = 25.4 / 72

PARTIES: dict[str, Any] = {
    "payer": {
        "name": "Synthetic Health Plan",
        "payer_id": "SYN01",
        "address": {"line1": "1 Payer Way", "city": "Olympia", "state": "WA", "zip": "98501"},
        "filing_indicator": "CI",
    },
    "patient_name": {"last": "Synthetic", "first": "Jane", "middle": "Q"},
    "patient_address": {"line1": "12 Elm St", "line2": "Apt 3", "city": "Tacoma", "state": "WA", "zip": "984021234"},
    "subscriber": {
        "name": {"last": "Synthetic", "first": "John"},
        "relationship": "spouse",
        "birth_date": "1990-01-01",
        "sex": "M",
        "group_number": "GRP-777",
    },
    "billing_address": {"line1": "5 Clinic Rd", "city": "Seattle", "state": "WA", "zip": "98101"},
    "billing_phone": "2065550100",
    "rendering_name": {"last": "Therapist", "first": "Ann"},
    "rendering_taxonomy": "225100000X",
    "referring_name": {"last": "Midwife", "first": "Kim"},
    "payer_claim_number": "PCN123",
    "amount_paid": 15.5,
}

LINES = [
    {"code": "97140", "units": 2, "modifiers": ["GP", "59"], "diagnosis_pointers": [1, 2], "charge": 100.0},
    {"code": "97124", "units": 1, "modifiers": ["GP"], "diagnosis_pointers": [2], "charge": 20.25},
]

LETTER = LetterOfNecessity(
    written_on=date(2024, 2, 20),
    condition="Pregnancy-related low back pain since week 24 that limits walking and sleep.",
    treatment="Prenatal therapeutic massage and manual therapy",
    frequency="1 visit per week",
    duration="12 weeks",
    start=date(2024, 2, 26),
    end=date(2024, 5, 20),
)


def claim(**overrides: Any) -> ClaimSubmission:
    data = claim_dict(
        parties=PARTIES,
        billing_provider={"npi": "1234567893", "tax_id": "12-3456789", "name": "Synthetic Prenatal Therapy"},
        lines=LINES,
    )
    data.update(overrides)
    return ClaimSubmission.model_validate(data)


def lines(count: int) -> list[dict[str, Any]]:
    return [
        {"code": "97140", "units": 1, "modifiers": ["GP"], "diagnosis_pointers": [1], "charge": 10.0 + n}
        for n in range(count)
    ]


# ---------------------------------------------------------------------------------------------------- reading back
@dataclass(frozen=True)
class Word:
    text: str
    x: float  # left, mm
    y: float  # top, mm
    right: float
    bottom: float

    def inside(self, x1: float, y1: float, x2: float, y2: float) -> bool:
        return x1 - 0.5 <= self.x and self.right <= x2 + 0.5 and y1 - 0.5 <= self.y and self.bottom <= y2 + 0.5


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pages(pdf: bytes, tmp_path: Path) -> list[list[Word]]:
    """Every page's words with their boxes in millimetres, read by poppler's pdftotext."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is not installed; scripts/check.sh installs it with apt-get")
    source = tmp_path / "document.pdf"
    source.write_bytes(pdf)
    html = subprocess.run([tool, "-bbox", str(source), "-"], check=True, capture_output=True, text=True).stdout
    result = []
    for page in html.split("<page ")[1:]:
        result.append(
            [
                Word(unescape(t), *(float(v) * MM_PER_POINT for v in (x1, y1, x2, y2)))
                for x1, y1, x2, y2, t in _WORD.findall(page)
            ]
        )
    return result


def text_of(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def find(words: list[Word], text: str) -> list[Word]:
    return [w for w in words if w.text == text]


def assert_in_box(words: list[Word], text: str, box: tuple[float, float, float, float]) -> None:
    found = find(words, text)
    assert found, f"{text!r} is not on the page"
    assert any(w.inside(*box) for w in found), f"{text!r} at {[(round(w.x), round(w.y)) for w in found]}, not in {box}"


def line_box(index: int, left: str, right: str) -> tuple[float, float, float, float]:
    top = form.line_top(index)
    return form.COL[left], top, form.COL[right], top + form.ROW_HEIGHT


# ---------------------------------------------------------------------------------------------------- CMS-1500
def test_the_1500_prints_each_fact_in_its_item(tmp_path: Path) -> None:
    sheet = pages(render_cms1500([claim(frequency="replacement", prior_authorization="AUTH1")]), tmp_path)
    assert len(sheet) == 1
    words = sheet[0]
    r, x0, left, mid, x1 = form.ROW, form.X0, form.LEFT_END, form.MID_END, form.X1
    assert_in_box(words, "1EG4TE5MK73", (mid, r["1"], x1, r["2"]))  # 1a
    assert_in_box(words, "SYNTHETIC,", (x0, r["2"], left, r["5"]))  # 2
    assert_in_box(words, "JOHN", (mid, r["2"], x1, r["5"]))  # 4: the insured, not the patient
    assert_in_box(words, "984021234", (x0, r["zip"], x0 + 30, r["9"]))  # 5
    assert_in_box(words, "GRP-777", (mid, r["9"], x1, r["9a"]))  # 11
    assert_in_box(words, "DN", (x0, r["17"], left, r["19"]))  # 17 qualifier
    assert_in_box(words, "MIDWIFE", (x0, r["17"], left, r["19"]))  # 17
    assert_in_box(words, "CNM", (x0, r["17"], left, r["19"]))  # 17 credential from the referral
    assert_in_box(words, "1245319599", (left, r["17"], mid, r["19"]))  # 17b
    assert_in_box(words, "0", (x0 + 100, r["21"], mid, r["21"] + 4))  # 21 ICD indicator
    assert_in_box(words, "O26893", (x0, r["21"], x0 + 30, r["24"]))  # 21A, without the period
    assert "O26.893" not in text_of(words)
    assert_in_box(words, "7", (mid, r["21"], mid + 22, r["21"] + 8.5))  # 22 replacement
    assert_in_box(words, "PCN123", (mid + 22, r["21"], x1, r["21"] + 8.5))  # 22 original reference
    assert_in_box(words, "AUTH1", (mid, r["21"] + 8.5, x1, r["24"]))  # 23
    assert_in_box(words, "97140", line_box(0, "24D", "24D_mod"))  # 24D
    assert_in_box(words, "59", line_box(0, "24D_mod", "24E"))  # 24D modifier
    assert_in_box(words, "AB", line_box(0, "24E", "24F"))  # 24E pointers as letters
    assert_in_box(words, "100", line_box(0, "24F", "24F_cents"))  # 24F dollars
    assert_in_box(words, "25", line_box(1, "24F_cents", "24G"))  # 24F cents of 20.25
    assert_in_box(words, "2", line_box(0, "24G", "24H"))  # 24G units
    assert_in_box(words, "11", line_box(0, "24B", "24C"))  # 24B place of service
    assert_in_box(words, "1234567893", line_box(0, "24J", "end"))  # 24J rendering NPI
    assert_in_box(words, "225100000X", line_box(0, "24J", "end"))  # 24J shaded: taxonomy (ZZ)
    b = form.BOTTOM
    assert_in_box(words, "123456789", (x0, r["25"], b["26"], r["31"]))  # 25, no hyphen
    assert "12-3456789" not in text_of(words)
    assert_in_box(words, claim().claim_id, (b["26"], r["25"], b["27"], r["31"]))  # 26
    assert_in_box(words, "120", (b["28"], r["25"], b["28_cents"], r["31"]))  # 28: 100 + 20.25
    assert_in_box(words, "25", (b["28_cents"], r["25"], b["29"], r["31"]))
    assert_in_box(words, "15", (b["29"], r["25"], b["29_cents"], r["31"]))  # 29: 15.50 paid
    assert_in_box(words, "THERAPIST", (x0, r["31"], b["32"], r["end"]))  # 31
    assert_in_box(words, "SYNTHETIC", (b["33"], r["31"], x1, r["end"]))  # 33 billing name
    assert_in_box(words, "206", (b["33"], r["31"], x1, r["31"] + 4))  # 33 phone
    assert "CONTINUED" not in text_of(words)
    assert "PAGE" not in [w.text for w in words if w.y < 12]


def test_the_1500_marks_the_right_boxes(tmp_path: Path) -> None:
    words = pages(render_cms1500(claim()), tmp_path)[0]
    marks = [w for w in find(words, "X")]

    def marked(key: str) -> bool:
        x, y = form.CHECK[key]
        return any(w.inside(x - 0.3, y - 0.6, x + form.CHECK_SIZE + 0.3, y + form.CHECK_SIZE + 0.6) for w in marks)

    assert marked("1.group") and not marked("1.other")  # commercial with a group number
    assert marked("6.spouse") and not marked("6.self")
    assert marked("3.F") and marked("11a.M")
    assert all(marked(f"{item}.no") for item in ("10a", "10b", "10c"))
    assert marked("25.ein") and not marked("25.ssn")
    assert marked("27.yes")
    assert len(marks) == 9


def test_item_1_follows_the_filing_indicator(tmp_path: Path) -> None:
    medicare = dict(PARTIES, payer=dict(PARTIES["payer"], filing_indicator="MB"))
    words = pages(render_cms1500(claim(parties=medicare), accept_assignment=False), tmp_path)[0]
    x, y = form.CHECK["1.medicare"]
    assert any(w.inside(x - 0.3, y - 0.6, x + 3.1, y + 3.4) for w in find(words, "X"))
    x, y = form.CHECK["27.no"]
    assert any(w.inside(x - 0.3, y - 0.6, x + 3.1, y + 3.4) for w in find(words, "X"))


@pytest.mark.parametrize(("count", "expected"), [(6, 1), (7, 2), (12, 2), (13, 3)])
def test_more_than_six_lines_continue_on_more_forms(count: int, expected: int, tmp_path: Path) -> None:
    sheet = pages(render_cms1500(claim(lines=lines(count))), tmp_path)
    assert len(sheet) == expected
    total = sum(10 + n for n in range(count))
    b, r = form.BOTTOM, form.ROW
    for number, words in enumerate(sheet, start=1):
        last = number == expected
        assert ("CONTINUED" in text_of(words)) is not last
        on_page = min(form.LINES_PER_PAGE, count - (number - 1) * form.LINES_PER_PAGE)
        assert len([w for w in find(words, "97140") if w.y > r["lines"]]) == on_page
        assert_in_box(words, "O26893", (form.X0, r["21"], form.X0 + 30, r["24"]))  # diagnoses on every page
        assert_in_box(words, "SYNTHETIC,", (form.X0, r["2"], form.LEFT_END, r["5"]))
        totals = [w.text for w in words if w.inside(b["28"], r["25"], b["30"], r["31"])]
        assert (str(total) in totals) is last
        assert ("15" in totals) is last  # amount paid with the total only
        if expected > 1:
            assert f"PAGE {number} OF {expected}" in text_of([w for w in words if w.y < 12])


def test_the_seventh_line_is_the_first_line_of_page_two(tmp_path: Path) -> None:
    seven = lines(7)
    seven[6] = {"code": "97530", "units": 3, "modifiers": ["GP"], "diagnosis_pointers": [3, 1], "charge": 99.0}
    second = pages(render_cms1500(claim(lines=seven)), tmp_path)[1]
    assert_in_box(second, "97530", line_box(0, "24D", "24D_mod"))
    assert_in_box(second, "CA", line_box(0, "24E", "24F"))
    assert_in_box(second, "3", line_box(0, "24G", "24H"))


def test_primary_pointer_only_when_asked(tmp_path: Path) -> None:
    words = pages(render_cms1500(claim(), pointers="primary"), tmp_path)[0]
    assert_in_box(words, "A", line_box(0, "24E", "24F"))
    assert not find(words, "AB")


def test_several_claims_print_one_after_another(tmp_path: Path) -> None:
    first, second = claim(), claim(claim_id="SYN-TEST-2-20240312", lines=lines(8))
    sheet = pages(render_cms1500([first, second]), tmp_path)
    assert len(sheet) == 3
    assert [first.claim_id in text_of(p) for p in sheet] == [True, False, False]
    assert [second.claim_id in text_of(p) for p in sheet] == [False, True, True]


def test_the_same_claim_gives_the_same_bytes() -> None:
    assert render_cms1500(claim()) == render_cms1500(claim())
    assert render_superbill(claim()) == render_superbill(claim())
    assert render_lmn(claim(), LETTER) == render_lmn(claim(), LETTER)
    assert render_cms1500(claim()) != render_cms1500(claim(claim_id="SYN-OTHER"))


def test_accents_are_folded_on_the_form_and_kept_on_the_superbill(tmp_path: Path) -> None:
    parties = dict(PARTIES, patient_name={"last": "Nguyễn", "first": "Zoë"})
    words = pages(render_cms1500(claim(parties=parties)), tmp_path)[0]
    assert_in_box(words, "NGUYEN,", (form.X0, form.ROW["2"], form.LEFT_END, form.ROW["5"]))
    superbill = text_of(pages(render_superbill(claim(parties=parties)), tmp_path)[0])
    assert "Zoë Nguyen" in superbill


@pytest.mark.parametrize(
    ("raw", "on_form", "on_letter"),
    [
        ("Zoë", "ZOE", "Zoë"),
        ("Ødegård", "ODEGARD", "Ødegård"),
        ("Łukasz", "LUKASZ", "Lukasz"),
        ("Nguye\u0302\u0303n", "NGUYEN", "Nguyen"),  # decomposed accents
        ("O\u2019Brien \u2013 Smith", "O'BRIEN - SMITH", "O'Brien - Smith"),
    ],
)
def test_text_is_folded_to_what_the_fonts_draw(raw: str, on_form: str, on_letter: str) -> None:
    assert form_text(raw, claim_id="C", field="f") == on_form
    assert latin1(raw, claim_id="C", field="f") == on_letter


# ---------------------------------------------------------------------------------------------------- refusals
@pytest.mark.parametrize(
    "render",
    [lambda c: render_cms1500([c]), render_superbill, lambda c: render_lmn(c, LETTER)],
    ids=["cms1500", "superbill", "lmn"],
)
def test_a_claim_without_parties_is_refused_by_name(render: Any) -> None:
    bare = claim(parties=None, claim_id="SYN-NO-PARTIES")
    with pytest.raises(MissingClaimFieldError) as caught:
        render(bare)
    assert isinstance(caught.value, ValueError)
    assert caught.value.claim_id == "SYN-NO-PARTIES" and caught.value.field == "parties"
    assert "SYN-NO-PARTIES" in str(caught.value) and "parties" in str(caught.value)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"frequency": "void", "parties": dict(PARTIES, payer_claim_number=None)}, "parties.payer_claim_number"),
        ({"subscriber_id": None}, "subscriber_id"),
        ({"patient": {"id": "SYN-TEST-1", "sex": "F"}}, "patient.birth_date"),
        ({"parties": dict(PARTIES, referring_name=None)}, "parties.referring_name"),
        ({"billing_provider": {"npi": "1234567893", "name": "Synthetic Prenatal Therapy"}}, "billing_provider.tax_id"),
    ],
)
def test_the_1500_names_what_is_missing(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(MissingClaimFieldError) as caught:
        render_cms1500(claim(**overrides))
    assert caught.value.field == field


def test_text_too_long_for_its_box_is_refused_not_cut() -> None:
    parties = dict(PARTIES, patient_name={"last": "Synthetic-" * 5 + "Example", "first": "Jane" * 8})
    with pytest.raises(ClaimDocumentError, match=r"parties\.patient_name"):
        render_cms1500(claim(parties=parties))


def test_characters_the_fonts_cannot_draw_are_refused() -> None:
    parties = dict(PARTIES, rendering_name={"last": "試験", "first": "Ann"})
    with pytest.raises(ClaimDocumentError, match=r"parties\.rendering_name"):
        render_superbill(claim(parties=parties))


def test_no_claims_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one claim"):
        render_cms1500([])


# ---------------------------------------------------------------------------------------------------- superbill
def test_the_superbill_itemises_the_visit(tmp_path: Path, knowledge: Knowledge) -> None:
    sheet = pages(render_superbill(claim()), tmp_path)
    assert len(sheet) == 1
    words = sheet[0]
    text = text_of(words)
    for expected in (
        "Synthetic Prenatal Therapy",
        "NPI 1234567893",
        "Tax ID (EIN) 12-3456789",
        "(206) 555-0100",
        "Ann Therapist, PT",
        "Taxonomy 225100000X",
        "Jane Q. Synthetic",
        "05/01/1992",
        "1EG4TE5MK73",
        "John Synthetic (spouse)",
        "Kim Midwife, CNM",
        "O26.893",
        "Low back pain, unspecified",
        "03/12/2024",
        "GP 59",
        "out-of-network",
        "Provider signature",
    ):
        assert expected in text, expected
    snapshot = knowledge.at(date(2024, 3, 12))
    for code in ("97140", "97124"):
        label = snapshot.procedure(code)
        assert label is not None
        assert " ".join(label.value.label.split()[:3]) in text  # our own label, first words (it may wrap)
    assert re.search(r"Total charges \$120\.25", text)
    assert re.search(r"Payment received \$15\.50", text)
    balance = find(words, "$104.75")
    assert balance and balance[0].x > 130  # the balance sits in the totals column on the right
    assert balance[0].y > find(words, "$120.25")[0].y


def test_the_superbill_says_when_a_code_has_no_label(tmp_path: Path) -> None:
    unknown = [{"code": "99999", "units": 1, "diagnosis_pointers": [1], "charge": 5.0}]
    text = text_of(pages(render_superbill(claim(lines=unknown)), tmp_path)[0])
    assert "(not in Gravida's procedure catalog)" in text


def test_a_long_superbill_runs_onto_more_pages(tmp_path: Path) -> None:
    sheet = pages(render_superbill(claim(lines=lines(40))), tmp_path)
    assert len(sheet) >= 2
    assert "Page 1 of" in text_of(sheet[0])
    assert "Balance due" in text_of(sheet[-1]) and "Balance due" not in text_of(sheet[0])
    assert "Service" in text_of(sheet[1])  # the table's heading repeats


# ---------------------------------------------------------------------------------------------------- letter
def test_the_letter_states_condition_treatment_frequency_and_duration(tmp_path: Path) -> None:
    sheet = pages(render_lmn(claim(), LETTER), tmp_path)
    assert len(sheet) == 1
    text = text_of(sheet[0])
    for expected in (
        "Kim Midwife, CNM",
        "NPI 1245319599",
        "February 20, 2024",
        "HSA/FSA plan administrator",
        "To whom it may concern:",
        "Jane Q. Synthetic",
        "O26.893",
        "Other specified pregnancy related conditions",
        "limits walking and sleep",
        "Prenatal therapeutic massage and manual therapy",
        "1 visit per week",
        "12 weeks",
        "02/26/2024 to 05/20/2024",
        "Ann Therapist, PT",
        "medically necessary",
        "Signature",
        "IRS Publication 502",
    ):
        assert expected in text, expected


def test_the_letter_takes_its_signer_from_the_letter_first(tmp_path: Path) -> None:
    letter = LETTER.model_copy(
        update={
            "prescriber": Prescriber(
                name=PersonName(last="Obstetrician", first="Lee"),
                credential=Credential.MD,
                npi="1003000126",
                practice="Synthetic Women's Health",
            )
        }
    )
    text = text_of(pages(render_lmn(claim(), letter), tmp_path)[0])
    assert "Lee Obstetrician, MD" in text and "NPI 1003000126" in text and "Synthetic Women's Health" in text
    assert "Kim Midwife" not in text


def test_the_letter_needs_a_signer() -> None:
    with pytest.raises(MissingClaimFieldError) as caught:
        render_lmn(claim(parties=dict(PARTIES, referring_name=None)), LETTER)
    assert caught.value.field == "parties.referring_name"


def test_the_letter_model_is_strict() -> None:
    with pytest.raises(ValidationError, match="before start"):
        LetterOfNecessity.model_validate({**LETTER.model_dump(), "end": "2024-01-01"})
    with pytest.raises(ValidationError, match="extra"):
        LetterOfNecessity.model_validate({**LETTER.model_dump(), "frequncy": "weekly"})
