"""A letter of medical necessity for prenatal massage or manual therapy, for the obstetric provider to sign.

HSA and FSA administrators commonly ask for such a letter before they treat massage as a medical expense. It
states the diagnosis, the condition in the provider's words, the treatment, how often and for how long, and that
the provider recommends it to treat the condition. It cites IRS Publication 502 (Medical and Dental Expenses) as a
reference only: whether an expense qualifies is for the plan administrator to decide, and the letter says nothing
about billing or tax rules beyond that reference (see shared/reference/billing-facts.md, section 5).

The letterhead is the obstetric provider's (the referring provider of the claim, or `letter.prescriber`), not the
therapist's: the letter is drafted for that provider to review, correct and sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from gravida.domain.letters import LetterOfNecessity
from gravida.domain.parties import ClaimParties, PersonName
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.pdf.errors import MissingClaimFieldError
from gravida.interchange.pdf.facts import diagnosis_rows, require_parties, snapshot_for
from gravida.interchange.pdf.layout import ACCENT, BLACK, GREY, RULE_GREY, DocumentSheet
from gravida.interchange.pdf.text import address_lines, latin1, long_date, name_natural, phone, us_date
from gravida.knowledge import Knowledge

IRS_PUBLICATION_502 = "IRS Publication 502, Medical and Dental Expenses, https://www.irs.gov/publications/p502"
_FOOTER = f"Reference: {IRS_PUBLICATION_502}."


@dataclass(frozen=True, slots=True)
class _Signer:
    name: PersonName
    credential: str | None
    npi: str | None


def render_lmn(claim: ClaimSubmission, letter: LetterOfNecessity, *, knowledge: Knowledge | None = None) -> bytes:
    """The letter as PDF bytes, dated `letter.written_on`.

    Needs the claim's `parties` (the patient and the treating therapist) and the obstetric provider's name from
    `letter.prescriber.name` or `parties.referring_name`; raises ClaimDocumentError naming the claim and field.
    """
    parties = require_parties(claim, "letter of medical necessity")
    referral = claim.referral
    name = letter.prescriber.name or parties.referring_name
    if name is None:
        raise MissingClaimFieldError(
            claim.claim_id,
            "parties.referring_name",
            "the letter is signed by the obstetric provider: give letter.prescriber.name or the claim's "
            "parties.referring_name",
        )
    credential = letter.prescriber.credential or (referral.by_credential if referral else None)
    signer = _Signer(
        name, credential.value if credential else None, letter.prescriber.npi or (referral.by_npi if referral else None)
    )
    sheet = DocumentSheet(letter.written_on, "Letter of medical necessity", _FOOTER, margin=22.0)
    _Letter(sheet, claim, parties, letter, signer, knowledge).draw()
    return sheet.output_bytes()


class _Letter:
    def __init__(
        self,
        sheet: DocumentSheet,
        claim: ClaimSubmission,
        parties: ClaimParties,
        letter: LetterOfNecessity,
        signer: _Signer,
        knowledge: Knowledge | None,
    ) -> None:
        self.sheet = sheet
        self.claim = claim
        self.parties = parties
        self.letter = letter
        self.signer = signer
        self.knowledge = knowledge

    def t(self, text: str, field: str) -> str:
        return latin1(text, claim_id=self.claim.claim_id, field=field)

    @property
    def signer_line(self) -> str:
        name = self.t(name_natural(self.signer.name), "letter.prescriber.name")
        return f"{name}, {self.signer.credential}" if self.signer.credential else name

    def draw(self) -> None:
        self.sheet.add_page()
        self._letterhead()
        self._opening()
        self._diagnoses()
        self._condition_and_plan()
        self._statement_and_signature()

    def _letterhead(self) -> None:
        sheet, prescriber = self.sheet, self.letter.prescriber
        left, top, right = sheet.l_margin, 16.0, sheet.w - sheet.r_margin
        title = self.t(prescriber.practice, "letter.prescriber.practice") if prescriber.practice else self.signer_line
        sheet.set_text_color(*ACCENT)
        sheet.set_font("Helvetica", "B", 15)
        sheet.set_xy(left, top)
        sheet.cell(100, 7, title)
        sheet.set_text_color(*BLACK)
        sheet.set_font("Helvetica", "", 9.5)
        sheet.set_xy(left, top + 7.5)
        sheet.cell(100, 4.5, self.signer_line if prescriber.practice else "Obstetric care")
        address = address_lines(prescriber.address) if prescriber.address else []
        details = [self.t(line, "letter.prescriber.address") for line in address]
        if prescriber.phone:
            details.append(f"Phone {phone(prescriber.phone)}")
        if self.signer.npi:
            details.append(f"NPI {self.signer.npi}")
        sheet.set_text_color(*GREY)
        sheet.set_font("Helvetica", "", 8.5)
        for index, line in enumerate(details):
            sheet.set_xy(right - 80, top + 1.0 + index * 4.0)
            sheet.cell(80, 4, line, align="R")
        bottom = max(top + 13.5, top + 2.0 + len(details) * 4.0)
        sheet.set_draw_color(*ACCENT)
        sheet.hline(left, right, bottom, 0.8)
        sheet.set_y(bottom + 5.0)

    def _opening(self) -> None:
        sheet, letter, claim = self.sheet, self.letter, self.claim
        patient = self.t(name_natural(letter.patient_name or self.parties.patient_name), "letter.patient_name")
        sheet.set_text_color(*BLACK)
        sheet.set_font("Helvetica", "", 10)
        sheet.cell(sheet.epw, 5, long_date(letter.written_on), new_x="LMARGIN", new_y="NEXT")
        sheet.ln(4)
        sheet.cell(sheet.epw, 5, f"To: {self.t(letter.recipient, 'letter.recipient')}", new_x="LMARGIN", new_y="NEXT")
        sheet.set_font("Helvetica", "B", 10)
        sheet.cell(sheet.epw, 5, "Re: Letter of medical necessity", new_x="LMARGIN", new_y="NEXT")
        sheet.set_font("Helvetica", "", 10)
        born = f", born {us_date(claim.patient.birth_date)}" if claim.patient.birth_date else ""
        sheet.cell(sheet.epw, 5, f"Patient: {patient}{born}", new_x="LMARGIN", new_y="NEXT")
        sheet.ln(4)
        sheet.cell(sheet.epw, 5, "To whom it may concern:", new_x="LMARGIN", new_y="NEXT")
        sheet.ln(2)
        sheet.multi_cell(
            sheet.epw,
            5,
            f"I provide obstetric care to {patient}. This letter documents the medical necessity of the treatment "
            "described below for the diagnosed condition(s).",
            align="L",
        )

    def _diagnoses(self) -> None:
        sheet = self.sheet
        sheet.section("Diagnosis (ICD-10-CM)", space_before=3.0)
        sheet.set_font("Helvetica", "", 9.5)
        for row in diagnosis_rows(self.claim, snapshot_for(self.claim, self.knowledge)):
            sheet.set_font("Helvetica", "B", 9.5)
            sheet.cell(22, 5, row.code)
            sheet.set_font("Helvetica", "", 9.5)
            sheet.multi_cell(sheet.epw - 22, 5, self.t(row.description, "diagnoses"), align="L", new_x="LMARGIN")

    def _condition_and_plan(self) -> None:
        sheet, letter = self.sheet, self.letter
        sheet.section("Condition", space_before=3.0)
        sheet.set_font("Helvetica", "", 10)
        sheet.multi_cell(sheet.epw, 5, self.t(letter.condition, "letter.condition"), align="L")
        sheet.section("Recommended treatment", space_before=3.0)
        dates = f"{us_date(letter.start)} to {us_date(letter.end)}" if letter.end else f"from {us_date(letter.start)}"
        therapist = self.t(name_natural(self.parties.rendering_name), "parties.rendering_name")
        provider = f"{therapist}, {self.claim.rendering_provider.credential.value}"
        if self.claim.billing_provider.name:
            provider += f" - {self.t(self.claim.billing_provider.name, 'billing_provider.name')}"
        rows = [
            ("Treatment", self.t(letter.treatment, "letter.treatment")),
            ("Frequency", self.t(letter.frequency, "letter.frequency")),
            ("Duration", self.t(letter.duration, "letter.duration")),
            ("Dates", dates),
            ("Provided by", provider),
        ]
        if letter.goals:
            rows.append(("Goals", self.t(letter.goals, "letter.goals")))
        for label, value in rows:
            sheet.set_text_color(*GREY)
            sheet.set_font("Helvetica", "", 9)
            sheet.cell(32, 5.5, label)
            sheet.set_text_color(*BLACK)
            sheet.set_font("Helvetica", "", 10)
            sheet.multi_cell(sheet.epw - 32, 5.5, value, align="L", new_x="LMARGIN")

    def _statement_and_signature(self) -> None:
        sheet = self.sheet
        sheet.section("Statement of medical necessity", space_before=3.0)
        sheet.set_font("Helvetica", "", 10)
        sheet.multi_cell(
            sheet.epw,
            5,
            "In my professional opinion, the treatment described above is medically necessary for the diagnosed "
            "condition(s). I recommend it primarily to treat and relieve this condition, not to benefit general "
            "health. Please contact my office with any questions.",
            align="L",
        )
        if sheet.will_page_break(44.0):
            sheet.add_page()
        sheet.ln(5)
        sheet.cell(sheet.epw, 5, "Sincerely,", new_x="LMARGIN", new_y="NEXT")
        sheet.ln(12)
        y, left = sheet.get_y(), sheet.l_margin
        sheet.set_draw_color(*BLACK)
        sheet.hline(left, left + 85.0, y, 0.3)
        sheet.hline(left + 100.0, left + 150.0, y, 0.3)
        sheet.set_text_color(*GREY)
        sheet.set_font("Helvetica", "", 7.5)
        sheet.set_xy(left, y + 0.8)
        sheet.cell(85.0, 3.5, "Signature")
        sheet.set_xy(left + 100.0, y + 0.8)
        sheet.cell(50.0, 3.5, "Date")
        sheet.set_text_color(*BLACK)
        sheet.set_font("Helvetica", "B", 10)
        sheet.set_xy(left, y + 6.0)
        sheet.cell(sheet.epw, 5, self.signer_line, new_x="LMARGIN", new_y="NEXT")
        sheet.set_font("Helvetica", "", 9.5)
        if self.signer.npi:
            sheet.cell(sheet.epw, 4.8, f"NPI {self.signer.npi}", new_x="LMARGIN", new_y="NEXT")
        if self.letter.prescriber.practice:
            practice = self.t(self.letter.prescriber.practice, "letter.prescriber.practice")
            sheet.cell(sheet.epw, 4.8, practice, new_x="LMARGIN", new_y="NEXT")
        sheet.set_draw_color(*RULE_GREY)
