"""A superbill: the itemised statement a patient sends to her health plan to be reimbursed for out-of-network care.

It carries what a plan's member claim form asks of the provider: the practice (name, address, phone, NPI, tax
id), the treating provider and credential, the patient and insured, each date of service, the diagnoses with their
ICD-10-CM titles, each service with its code, modifiers, units and charge, and what was paid. Services are
described by Gravida's own plain-language labels, never by CPT descriptors (the AMA's copyright).
"""

from __future__ import annotations

from datetime import date

from fpdf.fonts import FontFace

from gravida.domain.parties import ClaimParties
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.pdf.errors import MissingClaimFieldError
from gravida.interchange.pdf.facts import (
    diagnosis_rows,
    pointer_letters,
    procedure_label,
    require_parties,
    snapshot_for,
)
from gravida.interchange.pdf.layout import ACCENT, ACCENT_LIGHT, BLACK, GREY, RULE_GREY, DocumentSheet
from gravida.interchange.pdf.text import address_lines, latin1, money, name_natural, phone, us_date
from gravida.knowledge import Knowledge

_FOOTER = (
    "Service descriptions are plain-language summaries, not CPT descriptors. CPT is a registered trademark of the "
    "American Medical Association. Diagnosis titles are from the ICD-10-CM tabular in force on the date of service."
)
_HOW_TO_SUBMIT = (
    "Use this statement to ask your health plan to reimburse you for out-of-network care. Send it with your plan's "
    "member claim form (from your plan's website, or call the member services number on your insurance card), "
    "and keep a copy. What the plan pays depends on your out-of-network benefits. If you paid from an HSA or FSA, "
    "keep this statement with your receipts."
)


def render_superbill(
    claim: ClaimSubmission, *, issued_on: date | None = None, knowledge: Knowledge | None = None
) -> bytes:
    """The claim as a superbill, in PDF bytes. `issued_on` defaults to the submission date, else the date of service.

    Needs `parties` and the billing provider's name; raises ClaimDocumentError naming the claim and field otherwise.
    """
    parties = require_parties(claim, "superbill")
    if claim.billing_provider.name is None:
        raise MissingClaimFieldError(claim.claim_id, "billing_provider.name", "the superbill's letterhead needs it")
    issued = issued_on or claim.submitted_on or claim.date_of_service
    sheet = DocumentSheet(issued, "Superbill", _FOOTER)
    _Superbill(sheet, claim, parties, issued, knowledge).draw()
    return sheet.output_bytes()


class _Superbill:
    def __init__(
        self,
        sheet: DocumentSheet,
        claim: ClaimSubmission,
        parties: ClaimParties,
        issued: date,
        knowledge: Knowledge | None,
    ) -> None:
        self.sheet = sheet
        self.claim = claim
        self.parties = parties
        self.issued = issued
        self.snapshot = snapshot_for(claim, knowledge)

    def t(self, text: str, field: str) -> str:
        return latin1(text, claim_id=self.claim.claim_id, field=field)

    def draw(self) -> None:
        self.sheet.add_page()
        self._letterhead()
        self._parties()
        self._diagnoses()
        self._services()
        self._totals()
        self._instructions_and_signature()

    def _letterhead(self) -> None:
        sheet, claim, parties = self.sheet, self.claim, self.parties
        left, top, right = sheet.l_margin, sheet.t_margin, sheet.w - sheet.r_margin
        sheet.set_text_color(*ACCENT)
        sheet.set_font("Helvetica", "B", 15)
        sheet.set_xy(left, top)
        sheet.cell(110, 7, self.t(claim.billing_provider.name or "", "billing_provider.name"))
        sheet.set_font("Helvetica", "", 8.5)
        sheet.set_text_color(*GREY)
        details = [self.t(line, "parties.billing_address") for line in address_lines(parties.billing_address)]
        if parties.billing_phone:
            details.append(f"Phone {phone(parties.billing_phone)}")
        ids = f"NPI {claim.billing_provider.npi}"
        if claim.billing_provider.tax_id:
            ids += f"   |   Tax ID (EIN) {claim.billing_provider.tax_id}"
        details.append(ids)
        for index, line in enumerate(details):
            sheet.set_xy(left, top + 8.5 + index * 4.0)
            sheet.cell(110, 4, line)
        sheet.set_text_color(*ACCENT)
        sheet.set_font("Helvetica", "B", 20)
        sheet.set_xy(right - 70, top - 0.5)
        sheet.cell(70, 9, "SUPERBILL", align="R")
        sheet.set_font("Helvetica", "", 8.5)
        sheet.set_text_color(*GREY)
        lines = [
            "Itemized statement for insurance reimbursement",
            f"Statement date: {us_date(self.issued)}",
            f"Account no.: {self.t(claim.claim_id, 'claim_id')}",
        ]
        for index, line in enumerate(lines):
            sheet.set_xy(right - 90, top + 8.5 + index * 4.0)
            sheet.cell(90, 4, line, align="R")
        bottom = top + 8.5 + max(len(details), len(lines)) * 4.0 + 2.0
        sheet.set_draw_color(*ACCENT)
        sheet.hline(left, right, bottom, 0.8)
        sheet.set_y(bottom + 3.0)

    def _parties(self) -> None:
        claim, parties = self.claim, self.parties
        patient = [
            ("Name", self.t(name_natural(parties.patient_name), "parties.patient_name")),
            ("Date of birth", us_date(claim.patient.birth_date) if claim.patient.birth_date else "-"),
            (
                "Address",
                "\n".join(self.t(x, "parties.patient_address") for x in address_lines(parties.patient_address)),
            ),
        ]
        subscriber = parties.subscriber
        insured = name_natural(subscriber.name) if subscriber else name_natural(parties.patient_name)
        relationship = subscriber.relationship if subscriber else "self"
        group = (subscriber.group_number if subscriber else None) or parties.group_number
        insurance = [
            ("Health plan", self.t(parties.payer.name, "parties.payer.name")),
            ("Member ID", self.t(claim.subscriber_id or "-", "subscriber_id")),
            ("Group no.", self.t(group or "-", "parties.group_number")),
            ("Insured", f"{self.t(insured, 'parties.subscriber.name')} ({relationship})"),
        ]
        rendering = claim.rendering_provider
        provider = [
            (
                "Rendering provider",
                f"{self.t(name_natural(parties.rendering_name), 'parties.rendering_name')}, "
                f"{rendering.credential.value}",
            ),
            (
                "NPI",
                rendering.npi + (f"   Taxonomy {parties.rendering_taxonomy}" if parties.rendering_taxonomy else ""),
            ),
        ]
        if rendering.state:
            provider.append(("Licensed in", rendering.state))
        if parties.referring_name is not None:
            referral = claim.referral
            credential = f", {referral.by_credential.value}" if referral and referral.by_credential else ""
            npi = f"\nNPI {referral.by_npi}" if referral and referral.by_npi else ""
            name = self.t(name_natural(parties.referring_name), "parties.referring_name")
            provider.append(("Referring provider", f"{name}{credential}{npi}"))
        self._blocks([("Patient", patient), ("Insurance", insurance), ("Provider", provider)])

    def _blocks(self, blocks: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """Side-by-side boxes of labelled values, all as tall as the tallest."""
        sheet = self.sheet
        gap = 4.0
        width = (sheet.epw - gap * (len(blocks) - 1)) / len(blocks)
        top = sheet.get_y()
        bottoms = []
        for index, (title, rows) in enumerate(blocks):
            x = sheet.l_margin + index * (width + gap)
            sheet.shade(x, top, width, 5.5, ACCENT_LIGHT)
            sheet.set_text_color(*ACCENT)
            sheet.set_font("Helvetica", "B", 8)
            sheet.set_xy(x + 2.0, top + 0.8)
            sheet.cell(width - 4.0, 4.0, title.upper())
            y = top + 7.0
            for label, value in rows:
                sheet.set_text_color(*GREY)
                sheet.set_font("Helvetica", "", 6.5)
                sheet.set_xy(x + 2.0, y)
                sheet.cell(width - 4.0, 3.0, label)
                sheet.set_text_color(*BLACK)
                sheet.set_font("Helvetica", "", 8.5)
                sheet.set_xy(x + 2.0, y + 3.0)
                sheet.multi_cell(width - 4.0, 3.8, value, align="L")
                y = sheet.get_y() + 1.2
            bottoms.append(y)
        height = max(bottoms) - top + 0.8
        sheet.set_draw_color(*RULE_GREY)
        sheet.set_line_width(0.25)
        for index in range(len(blocks)):
            sheet.rect(sheet.l_margin + index * (width + gap), top, width, height)
        sheet.set_y(top + height)

    def _diagnoses(self) -> None:
        sheet = self.sheet
        sheet.section("Diagnoses (ICD-10-CM)")
        sheet.plain(8.5)
        with sheet.table(
            col_widths=(12, 22, sheet.epw - 34),
            text_align=("CENTER", "LEFT", "LEFT"),
            line_height=4.3,
            borders_layout="HORIZONTAL_LINES",
            headings_style=_heading_style(),
            padding=(0.6, 1.5),
        ) as table:
            table.row(("Ptr", "Code", "Description"))
            for row in diagnosis_rows(self.claim, self.snapshot):
                table.row((row.letter, row.code, self.t(row.description, "diagnoses")))
        sheet.set_font("Helvetica", "", 8.5)

    def _services(self) -> None:
        sheet, claim = self.sheet, self.claim
        sheet.section("Services")
        sheet.plain(8.5)
        fixed = (19, 10, 14, 18, 12, 11, 21)
        widths = (*fixed[:4], sheet.epw - sum(fixed), *fixed[4:])
        with sheet.table(
            col_widths=widths,
            text_align=("LEFT", "CENTER", "LEFT", "LEFT", "LEFT", "CENTER", "CENTER", "RIGHT"),
            line_height=4.3,
            borders_layout="HORIZONTAL_LINES",
            headings_style=_heading_style(),
            padding=(0.6, 1.5),
        ) as table:
            table.row(("Date", "POS", "Code", "Modifiers", "Service", "Dx", "Units", "Charge"))
            for position, line in enumerate(claim.lines):
                table.row(
                    (
                        us_date(claim.date_of_service),
                        claim.place_of_service,
                        line.code,
                        " ".join(line.modifiers) or "-",
                        self.t(procedure_label(line.code, self.snapshot), f"lines[{position}].code"),
                        pointer_letters(line.diagnosis_pointers),
                        str(line.units),
                        money(line.charge),
                    )
                )
        if claim.prior_authorization:
            sheet.set_font("Helvetica", "", 7.5)
            sheet.set_text_color(*GREY)
            sheet.cell(
                sheet.epw, 4.5, f"Prior authorization: {self.t(claim.prior_authorization, 'prior_authorization')}"
            )
            sheet.ln(4.5)
        sheet.set_text_color(*BLACK)

    def _totals(self) -> None:
        sheet = self.sheet
        total = sum(line.charge for line in self.claim.lines)
        paid = self.parties.amount_paid
        balance = total - paid
        rows = [
            ("Total charges", money(total), False),
            ("Payment received", money(paid), False),
            ("Balance due" if balance >= 0 else "Credit balance", money(abs(balance)), True),
        ]
        width, x = 74.0, sheet.w - sheet.r_margin - 74.0
        sheet.ln(2.0)
        if sheet.will_page_break(6.0 * len(rows)):
            sheet.add_page()
        for label, value, strong in rows:
            y = sheet.get_y()
            if strong:
                sheet.shade(x, y, width, 6.5, ACCENT_LIGHT)
            sheet.set_text_color(*(ACCENT if strong else BLACK))
            sheet.set_font("Helvetica", "B" if strong else "", 10 if strong else 9)
            sheet.set_xy(x + 2.0, y)
            sheet.cell(width / 2, 6.0 if not strong else 6.5, label)
            sheet.set_xy(x + width / 2, y)
            sheet.cell(width / 2 - 2.0, 6.0 if not strong else 6.5, value, align="R")
            sheet.set_y(y + (6.5 if strong else 6.0))
        sheet.set_text_color(*BLACK)

    def _instructions_and_signature(self) -> None:
        sheet, parties = self.sheet, self.parties
        if sheet.will_page_break(48.0):
            sheet.add_page()
        sheet.section("How to request reimbursement", space_before=5.0)
        sheet.set_font("Helvetica", "", 8.5)
        sheet.multi_cell(sheet.epw, 4.2, _HOW_TO_SUBMIT, align="L")
        sheet.ln(11.0)
        y = sheet.get_y()
        left = sheet.l_margin
        sheet.set_draw_color(*BLACK)
        sheet.hline(left, left + 95.0, y, 0.3)
        sheet.hline(left + 110.0, left + 160.0, y, 0.3)
        sheet.set_text_color(*GREY)
        sheet.set_font("Helvetica", "", 7.5)
        sheet.set_xy(left, y + 0.8)
        sheet.cell(95.0, 3.5, "Provider signature")
        sheet.set_xy(left + 110.0, y + 0.8)
        sheet.cell(50.0, 3.5, "Date")
        sheet.set_text_color(*BLACK)
        sheet.set_font("Helvetica", "", 8.5)
        sheet.set_xy(left, y + 4.6)
        name = self.t(name_natural(parties.rendering_name), "parties.rendering_name")
        sheet.cell(
            95.0,
            4.0,
            f"{name}, {self.claim.rendering_provider.credential.value}  -  NPI {self.claim.rendering_provider.npi}",
        )


def _heading_style() -> FontFace:
    return FontFace(emphasis="BOLD", color=ACCENT, fill_color=ACCENT_LIGHT, size_pt=8)
