"""Claims printed on the 1500 Health Insurance Claim Form (02/12), item by item as the NUCC manual describes.

Source: National Uniform Claim Committee, "1500 Health Insurance Claim Form Reference Instruction Manual for Form
Version 02/12" (https://www.nucc.org/index.php/1500-claim-form-mainmenu-35/1500-instructions-mainmenu-42). What
follows it, item by item:

- Top right: the payer's name and address. 1: the program (see `_program`). 1a: the insured's id.
- 2, 4: names as LAST, FIRST, M. 3, 11a: eight-digit birth dates and sex. 5, 7: addresses (7 only when known).
- 6: relationship. 9, 9a, 9d: other insurance, left blank (the claim model carries none). 10a-c: No.
- 11: group number. 11c: the plan (payer) name. 12, 13: "SIGNATURE ON FILE".
- 17: qualifier DN (referring provider), name as FIRST M LAST and credential; 17b: the referring NPI.
- 21: ICD indicator 0 (ICD-10-CM), codes A-L without the period (CMS Pub 100-04 ch. 26 item 21 says so too).
- 22: resubmission code 7 (replacement) or 8 (void) with the payer's original reference number. 23: prior
  authorization. 24A-J: dates, place of service, code and up to four modifiers, diagnosis pointer letters,
  charges, units; 24I/24J shaded: taxonomy with qualifier ZZ; 24J: rendering NPI.
- 25: tax id, EIN box, no hyphen. 26: patient account number (the claim id). 27: accept assignment.
- 28: total charge. 29: amount paid (blank when nothing was paid). 31: rendering provider, credential,
  "SIGNATURE ON FILE" and the submission date. 32: left blank. 33: billing provider, address, phone; 33a NPI.

More than six service lines: the form holds six, so the claim continues on more forms. Each page repeats every
item but 24 and 28; the total charge (and the amount paid) goes on the last page only, and earlier pages say
CONTINUED in item 28; every page is labelled PAGE n OF m top right; 24E points to the diagnoses printed on every
page (HMSA, "Multi-page claims", https://prc.hmsa.com/articles/Knowledge/Multi-page-Claims; Texas Medicaid &
Healthcare Partnership provider manual, "Multipage claim forms", http://www.tmhp.com/HTMLmanuals/CSHCN/2010/06-21.html;
NUCC manual change log v4.0 7/08, "Multiple page claims").

Medicare's own instructions allow one pointer letter per line in 24E (CMS Pub 100-04 ch. 26, item 24E); pass
`pointers="primary"` for payers that follow them. OCR-friendly data: upper case, Courier, no '$' or '.' in
amounts, no hyphens in ids (Medicare contractors' paper-claim guidance, e.g. NGS "Reminder: Submitting Paper Claims").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from gravida.domain.parties import Address, ClaimParties
from gravida.domain.submission import ClaimSubmission, SubmittedLine
from gravida.interchange.pdf import cms1500_grid as grid
from gravida.interchange.pdf.cms1500_form import draw_form
from gravida.interchange.pdf.errors import MissingClaimFieldError
from gravida.interchange.pdf.facts import pointer_letters, require_parties
from gravida.interchange.pdf.layout import BLACK, COURIER_WIDTH_PER_POINT, Sheet
from gravida.interchange.pdf.text import dollars_and_cents, dotless, form_text, name_first_last, name_last_first

Pointers = Literal["all", "primary"]

_RESUBMISSION = {"replacement": "7", "void": "8"}
_RELATIONSHIP = {"self": "6.self", "spouse": "6.spouse", "child": "6.child", "other": "6.other"}
_DATA = 7.2  # baseline of data in a one-row box, below its top


def render_cms1500(
    claims: ClaimSubmission | Sequence[ClaimSubmission], *, accept_assignment: bool = True, pointers: Pointers = "all"
) -> bytes:
    """One or more claims on the 1500 form (02/12), as PDF bytes; each claim on as many pages as its lines need.

    `accept_assignment` marks item 27 (the claim model does not carry it). The PDF is dated from the first
    claim's submission date (or date of service), so the same claims always give the same bytes. A claim without
    `parties`, a replacement or void without the payer's claim number, or a field too long for its box raises
    ClaimDocumentError naming the claim and the field.
    """
    batch = [claims] if isinstance(claims, ClaimSubmission) else list(claims)
    if not batch:
        raise ValueError("render_cms1500 needs at least one claim")
    first = batch[0]
    sheet = Sheet(first.submitted_on or first.date_of_service, "Health insurance claim form (1500, 02/12)")
    for claim in batch:
        _ClaimForm(sheet, claim, accept_assignment, pointers).draw()
    return sheet.output_bytes()


def _program(parties: ClaimParties) -> str:
    """Item 1 from the claim filing indicator: Medicare Part B, Medicaid, else a group plan when a group number is
    known, else Other (the manual's 'Other' covers commercial and individual coverage)."""
    indicator = parties.payer.filing_indicator
    if indicator == "MB":
        return "1.medicare"
    if indicator == "MC":
        return "1.medicaid"
    group = parties.group_number or (parties.subscriber.group_number if parties.subscriber else None)
    return "1.group" if group else "1.other"


def _mmddyy(day: date, year_digits: int = 2) -> list[str]:
    year = f"{day.year:04d}"[-year_digits:]
    return [f"{day.month:02d}", f"{day.day:02d}", year]


class _ClaimForm:
    """One claim, drawn onto as many pages of the sheet as its lines need."""

    def __init__(self, sheet: Sheet, claim: ClaimSubmission, accept_assignment: bool, pointers: Pointers) -> None:
        self.sheet = sheet
        self.claim = claim
        self.parties = require_parties(claim, "CMS-1500")
        self.accept_assignment = accept_assignment
        self.pointers = pointers
        self._check()

    def _missing(self, field: str, problem: str) -> MissingClaimFieldError:
        return MissingClaimFieldError(self.claim.claim_id, field, problem)

    def _check(self) -> None:
        """Refuse, before drawing anything, a claim the form would print incompletely."""
        claim = self.claim
        if not claim.subscriber_id:
            raise self._missing("subscriber_id", "item 1a needs the insured's member id")
        if claim.patient.birth_date is None:
            raise self._missing("patient.birth_date", "item 3 needs the patient's birth date")
        if claim.billing_provider.name is None:
            raise self._missing("billing_provider.name", "item 33 needs the billing provider's name")
        if claim.billing_provider.tax_id is None:
            raise self._missing("billing_provider.tax_id", "item 25 needs the billing provider's tax id")
        if claim.referral and claim.referral.by_npi and self.parties.referring_name is None:
            raise self._missing("parties.referring_name", "item 17 needs the referring provider's name with 17b's NPI")
        if claim.frequency in _RESUBMISSION and not self.parties.payer_claim_number:
            raise self._missing(
                "parties.payer_claim_number", f"item 22 needs the payer's original claim number for a {claim.frequency}"
            )

    # ------------------------------------------------------------------ writing helpers
    def put(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        field: str,
        size: float = 10.0,
        *,
        align: str = "L",
        smallest: float = 6.0,
    ) -> None:
        """Upper-case Courier data in black at baseline `y`, shrunk to fit `width` or refused naming `field`."""
        self.sheet.set_text_color(*BLACK)
        value = form_text(text, claim_id=self.claim.claim_id, field=field)
        self.sheet.fitted(
            x, y, width, value, claim_id=self.claim.claim_id, field=field, size=size, smallest=smallest, align=align
        )

    def mark(self, key: str) -> None:
        x, y = grid.CHECK[key]
        self.sheet.set_text_color(*BLACK)
        self.sheet.set_font("Courier", "B", 10)
        self.sheet.text(x + 0.33, y + 2.45, "X")

    def date_at(self, x: float, y: float, day: date, year_digits: int = 2) -> None:
        self.sheet.set_text_color(*BLACK)
        self.sheet.courier_columns(x, y, _mmddyy(day, year_digits))

    # ------------------------------------------------------------------ pages
    def draw(self) -> None:
        lines = self.claim.lines
        pages = [lines[start : start + grid.LINES_PER_PAGE] for start in range(0, len(lines), grid.LINES_PER_PAGE)]
        for number, page_lines in enumerate(pages, start=1):
            self.sheet.add_page()
            draw_form(self.sheet)
            if len(pages) > 1:
                self.put(grid.X1 - 40.0, 8.5, 40.0, f"PAGE {number} OF {len(pages)}", "page", align="R")
            self._carrier()
            self._patient_and_insured()
            self._conditions_and_plan()
            self._physician()
            for index, line in enumerate(page_lines):
                self._service_line(index, line, (number - 1) * grid.LINES_PER_PAGE + index)
            self._totals(last=number == len(pages))
            self._signature_and_provider()

    def _carrier(self) -> None:
        payer = self.parties.payer
        rows = [payer.name, *(_street_and_city(payer.address) if payer.address else [])]
        for index, text in enumerate(rows):
            self.put(grid.MID_END, 15.0 + index * 4.4, grid.X1 - grid.MID_END, text, "parties.payer")

    def _patient_and_insured(self) -> None:
        claim, parties, r = self.claim, self.parties, grid.ROW
        self.mark(_program(parties))
        right, right_width = grid.MID_END + 1.0, grid.X1 - grid.MID_END - 2.0
        self.put(right, r["1"] + _DATA, right_width, claim.subscriber_id or "", "subscriber_id")
        self.put(grid.X0 + 1.0, r["2"] + _DATA, 70.0, name_last_first(parties.patient_name), "parties.patient_name")
        if claim.patient.birth_date:
            self.date_at(grid.LEFT_END + 2.0, r["2"] + 7.4, claim.patient.birth_date, 4)
        if claim.patient.sex in ("M", "F"):
            self.mark(f"3.{claim.patient.sex}")
        subscriber = parties.subscriber
        insured_name = subscriber.name if subscriber else parties.patient_name
        self.put(right, r["2"] + _DATA, right_width, name_last_first(insured_name), "parties.subscriber.name")
        self._address(grid.X0, parties.patient_address, "parties.patient_address")
        self.mark(_RELATIONSHIP[subscriber.relationship if subscriber else "self"])
        insured_address = subscriber.address if subscriber else parties.patient_address
        if insured_address is not None:
            self._address(grid.MID_END, insured_address, "parties.subscriber.address")

    def _address(self, left: float, address: Address, field: str) -> None:
        r = grid.ROW
        street = f"{address.line1} {address.line2}" if address.line2 else address.line1
        self.put(left + 1.0, r["5"] + _DATA, 70.0, street, field)
        self.put(left + 1.0, r["city"] + _DATA, 58.0, address.city, field)
        self.put(left + 61.0, r["city"] + _DATA, 10.0, address.state, field)
        self.put(left + 1.0, r["zip"] + _DATA, 28.0, address.zip, field)

    def _conditions_and_plan(self) -> None:
        parties, r = self.parties, grid.ROW
        for item in ("10a", "10b", "10c"):
            self.mark(f"{item}.no")
        subscriber = parties.subscriber
        group = (subscriber.group_number if subscriber else None) or parties.group_number
        right, right_width = grid.MID_END + 1.0, grid.X1 - grid.MID_END - 2.0
        if group:
            self.put(right, r["9"] + _DATA, right_width, group, "parties.group_number")
        birth = date.fromisoformat(subscriber.birth_date) if subscriber and subscriber.birth_date else None
        sex = subscriber.sex if subscriber else self.claim.patient.sex
        if subscriber is None:
            birth = self.claim.patient.birth_date
        if birth:
            self.date_at(grid.MID_END + 4.0, r["9a"] + 7.4, birth, 4)
        if sex in ("M", "F"):
            self.mark(f"11a.{sex}")
        self.put(right, r["9c"] + _DATA, right_width, parties.payer.name, "parties.payer.name")
        for left, width in ((grid.X0 + 11.0, 66.0), (grid.MID_END + 11.0, 60.0)):
            self.put(left, r["14"] - 1.6, width, "SIGNATURE ON FILE", "signature", size=9.0)

    def _physician(self) -> None:
        claim, parties, r = self.claim, self.parties, grid.ROW
        if parties.referring_name is not None:
            self.put(grid.X0 + 1.3, r["17"] + _DATA, 6.0, "DN", "referral")
            credential = (
                f" {claim.referral.by_credential.value}" if claim.referral and claim.referral.by_credential else ""
            )
            name = name_first_last(parties.referring_name) + credential
            self.put(grid.X0 + 9.0, r["17"] + _DATA, 62.0, name, "parties.referring_name")
        if claim.referral and claim.referral.by_npi:
            self.put(grid.LEFT_END + 13.0, r["17"] + 7.6, 36.0, claim.referral.by_npi, "referral.by_npi", size=9.0)
        self.put(grid.X0 + 106.4, r["21"] + 3.2, 3.0, "0", "diagnoses", size=8.0)
        for index, code in enumerate(claim.diagnoses):
            x, y = grid.diagnosis_slot(index)
            self.put(x + 4.0, y + 0.4, grid.DIAGNOSIS_COLUMN_WIDTH - 9.0, dotless(code), f"diagnoses[{index}]")
        if claim.frequency in _RESUBMISSION:
            self.put(grid.MID_END + 8.0, r["21"] + 7.4, 12.0, _RESUBMISSION[claim.frequency], "frequency")
            reference = self.parties.payer_claim_number or ""
            self.put(grid.MID_END + 23.0, r["21"] + 7.4, 47.0, reference, "parties.payer_claim_number")
        if claim.prior_authorization:
            half = r["21"] + (r["24"] - r["21"]) / 2
            self.put(grid.MID_END + 1.0, half + 7.4, 68.0, claim.prior_authorization, "prior_authorization")

    def _service_line(self, index: int, line: SubmittedLine, position: int) -> None:
        claim, col = self.claim, grid.COL
        top = grid.line_top(index)
        y = top + 7.4
        field = f"lines[{position}]"
        pair = 2 * COURIER_WIDTH_PER_POINT * 10
        third = grid.DATE_WIDTH / 3
        for start in (col["24A"], col["24A_to"]):
            for part, text in enumerate(_mmddyy(claim.date_of_service)):
                self.put(start + part * third + (third - pair) / 2, y, pair + 0.1, text, field)
        self.put(col["24B"], y, col["24C"] - col["24B"], claim.place_of_service, "place_of_service", align="C")
        self.put(col["24D"] + 1.5, y, col["24D_mod"] - col["24D"] - 2.0, line.code, f"{field}.code")
        for number, modifier in enumerate(line.modifiers):
            left = col["24D_mod"] + number * grid.MODIFIER_WIDTH
            self.put(left, y, grid.MODIFIER_WIDTH, modifier, f"{field}.modifiers", align="C")
        chosen = line.diagnosis_pointers[:1] if self.pointers == "primary" else line.diagnosis_pointers
        self.put(
            col["24E"], y, col["24F"] - col["24E"], pointer_letters(chosen), f"{field}.diagnosis_pointers", align="C"
        )
        dollars, cents = dollars_and_cents(line.charge)
        self.put(col["24F"], y, col["24F_cents"] - col["24F"] - 0.8, dollars, f"{field}.charge", align="R")
        self.put(col["24F_cents"] + 0.8, y, 5.5, cents, f"{field}.charge")
        self.put(col["24G"], y, col["24H"] - col["24G"], str(line.units), f"{field}.units", align="C")
        taxonomy = self.parties.rendering_taxonomy
        if taxonomy:
            self.put(col["24I"] + 1.0, top + 2.7, 6.0, "ZZ", "parties.rendering_taxonomy", size=7.5)
            self.put(col["24J"] + 1.0, top + 2.7, 28.0, taxonomy, "parties.rendering_taxonomy", size=7.5)
        self.put(col["24J"] + 1.0, y, 28.0, claim.rendering_provider.npi, "rendering_provider.npi")

    def _totals(self, *, last: bool) -> None:
        claim, b = self.claim, grid.BOTTOM
        y = grid.ROW["25"] + _DATA
        tax_id = (claim.billing_provider.tax_id or "").replace("-", "")
        self.put(grid.X0 + 1.0, y, 32.0, tax_id, "billing_provider.tax_id")
        self.mark("25.ein")
        self.put(b["26"] + 1.0, y, b["27"] - b["26"] - 2.0, claim.claim_id, "claim_id", smallest=5.0)
        self.mark("27.yes" if self.accept_assignment else "27.no")
        if not last:
            self.put(b["28"] + 3.5, y, b["29"] - b["28"] - 4.5, "CONTINUED", "lines", size=9.0)
            return
        self._amount(b["28"], b["28_cents"], sum(line.charge for line in claim.lines), "lines")
        if self.parties.amount_paid > 0:
            self._amount(b["29"], b["29_cents"], self.parties.amount_paid, "parties.amount_paid")

    def _amount(self, left: float, cents_at: float, amount: float, field: str) -> None:
        y = grid.ROW["25"] + _DATA
        dollars, cents = dollars_and_cents(amount)
        self.put(left + 3.5, y, cents_at - left - 4.3, dollars, field, align="R")
        self.put(cents_at + 0.8, y, 6.0, cents, field)

    def _signature_and_provider(self) -> None:
        claim, parties, b = self.claim, self.parties, grid.BOTTOM
        top, bottom = grid.ROW["31"], grid.ROW["end"]
        width = b["32"] - grid.X0 - 2.0
        signer = f"{name_first_last(parties.rendering_name)} {claim.rendering_provider.credential.value}"
        self.put(grid.X0 + 1.0, top + 12.0, width, signer, "parties.rendering_name")
        self.put(grid.X0 + 1.0, top + 16.5, width, "SIGNATURE ON FILE", "signature", size=9.0)
        if claim.submitted_on:
            self.put(grid.X0 + 40.0, bottom - 1.2, 16.0, "".join(_mmddyy(claim.submitted_on)), "submitted_on", size=9.0)
        left, right_width = b["33"] + 1.0, grid.X1 - b["33"] - 2.0
        if parties.billing_phone:
            self.put(b["33"] + 39.5, top + 2.9, 6.5, parties.billing_phone[:3], "parties.billing_phone", size=8.0)
            number = f"{parties.billing_phone[3:6]} {parties.billing_phone[6:]}"
            self.put(b["33"] + 48.0, top + 2.9, 20.0, number, "parties.billing_phone", size=8.0)
        rows = [claim.billing_provider.name or "", *_street_and_city(parties.billing_address)]
        for index, text in enumerate(rows):
            self.put(left, top + 6.8 + index * 3.9, right_width, text, "parties.billing_address", size=9.0)
        npi_width = (grid.X1 - b["33"]) * 0.45 - 9.0
        self.put(b["33"] + 8.5, bottom - 1.3, npi_width, claim.billing_provider.npi, "billing_provider.npi", size=9.0)


def _street_and_city(address: Address) -> list[str]:
    street = f"{address.line1} {address.line2}" if address.line2 else address.line1
    return [street, f"{address.city} {address.state} {address.zip}"]
