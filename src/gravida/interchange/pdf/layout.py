"""Drawing helpers every Gravida PDF shares: a reproducible US-Letter sheet, form ink, and text that must fit.

A PDF is reproducible when the same claim gives the same bytes: the sheet takes its creation date from the claim
(not the clock) and uses only the standard PDF fonts, which are never embedded.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from fpdf import FPDF

from gravida.interchange.pdf.errors import ClaimDocumentError

RGB = tuple[int, int, int]

#: The 1500 is printed in red drop-out ink; this is a close screen match for its lines and captions.
FORM_RED: RGB = (204, 38, 50)
#: The pale red of the 1500's shaded (supplemental) areas.
FORM_SHADE: RGB = (252, 229, 229)
BLACK: RGB = (0, 0, 0)
#: The accent of the superbill and the letter: a dark teal that prints well in grey.
ACCENT: RGB = (22, 88, 104)
ACCENT_LIGHT: RGB = (231, 241, 243)
GREY: RGB = (96, 96, 96)
RULE_GREY: RGB = (190, 190, 190)

#: US Letter, in millimetres.
PAGE_WIDTH = 215.9
PAGE_HEIGHT = 279.4

#: Width of one Courier character per point of size, in millimetres (Courier is 0.6 em wide).
COURIER_WIDTH_PER_POINT = 0.6 * 25.4 / 72


class Sheet(FPDF):
    """A US-Letter PDF in millimetres, dated from the document (not the clock), with helpers for boxed forms."""

    def __init__(self, created: date, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="letter")
        self.creation_date = datetime.combine(created, time(12, 0), tzinfo=UTC)
        self.set_title(title)
        self.set_creator("Gravida")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)

    # ------------------------------------------------------------------ colour and lines
    def ink(self, colour: RGB) -> None:
        """Lines and text in one colour."""
        self.set_draw_color(*colour)
        self.set_text_color(*colour)

    def hline(self, x1: float, x2: float, y: float, width: float = 0.2) -> None:
        self.set_line_width(width)
        self.line(x1, y, x2, y)

    def vline(self, x: float, y1: float, y2: float, width: float = 0.2) -> None:
        self.set_line_width(width)
        self.line(x, y1, x, y2)

    def dotted_vline(self, x: float, y1: float, y2: float) -> None:
        """The fine dotted rule the 1500 draws between the parts of a date or an amount."""
        self.set_line_width(0.15)
        self.set_dash_pattern(dash=0.4, gap=0.5)
        self.line(x, y1, x, y2)
        self.set_dash_pattern()

    def shade(self, x: float, y: float, w: float, h: float, colour: RGB) -> None:
        self.set_fill_color(*colour)
        self.rect(x, y, w, h, style="F")

    def checkbox(self, x: float, y: float, size: float = 2.8) -> None:
        self.set_line_width(0.2)
        self.rect(x, y, size, size)

    # ------------------------------------------------------------------ text
    def caption(self, x: float, y: float, text: str, size: float = 5.0, style: str = "", align: str = "L") -> float:
        """Helvetica at baseline `y`; `align` 'L', 'C' or 'R' about `x`. Returns the text's width."""
        self.set_font("Helvetica", style, size)
        width = self.get_string_width(text)
        left = x - width / 2 if align == "C" else x - width if align == "R" else x
        self.text(left, y, text)
        return width

    def fitted(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        *,
        claim_id: str,
        field: str,
        family: str = "Courier",
        size: float = 10.0,
        smallest: float = 6.0,
        style: str = "",
        align: str = "L",
    ) -> None:
        """Text at baseline `y` within `width`: shrunk (down to `smallest` points) until it fits, else refused.

        Refusing beats cutting a name or an address off without a word: the error names the field to shorten.
        """
        current = size
        self.set_font(family, style, current)
        while self.get_string_width(text) > width and current > smallest:
            current = max(smallest, current - 0.5)
            self.set_font(family, style, current)
        used = self.get_string_width(text)
        if used > width:
            raise ClaimDocumentError(
                claim_id,
                field,
                f"{len(text)} characters do not fit their {width:.0f} mm box even at {smallest:g} pt; shorten it",
            )
        left = x + (width - used) / 2 if align == "C" else x + width - used if align == "R" else x
        self.text(left, y, text)

    def courier_columns(self, x: float, y: float, parts: list[str], size: float = 10.0) -> list[float]:
        """Courier `parts` separated by one space; returns the x where each part starts (to align captions)."""
        self.set_font("Courier", "", size)
        starts = []
        cursor = x
        step = COURIER_WIDTH_PER_POINT * size
        for part in parts:
            starts.append(cursor)
            cursor += (len(part) + 1) * step
        self.text(x, y, " ".join(parts))
        return starts

    def output_bytes(self) -> bytes:
        return bytes(self.output())


class DocumentSheet(Sheet):
    """A portrait document (superbill, letter): margins, page breaks, and a footer with page numbers."""

    def __init__(self, created: date, title: str, footer_note: str, margin: float = 16.0) -> None:
        super().__init__(created, title)
        self.footer_note = footer_note
        self.set_margins(margin, margin, margin)
        self.set_auto_page_break(True, margin=24.0)
        self.alias_nb_pages()

    def footer(self) -> None:
        """Called by fpdf2 at the end of every page."""
        self.set_y(-18.0)
        self.set_draw_color(*RULE_GREY)
        self.hline(self.l_margin, self.w - self.r_margin, self.get_y(), 0.2)
        self.set_text_color(*GREY)
        self.set_font("Helvetica", "", 6.5)
        self.set_xy(self.l_margin, self.get_y() + 1.2)
        self.multi_cell(self.epw - 25.0, 3.0, self.footer_note, align="L")
        self.set_xy(self.w - self.r_margin - 25.0, self.h - 16.8)
        self.cell(25.0, 3.0, f"Page {self.page_no()} of {{nb}}", align="R")

    def section(self, title: str, space_before: float = 4.0) -> None:
        """An accent-coloured section heading with a rule under it."""
        self.ln(space_before)
        self.set_text_color(*ACCENT)
        self.set_font("Helvetica", "B", 9.5)
        self.cell(self.epw, 5.0, title.upper(), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*ACCENT)
        self.hline(self.l_margin, self.w - self.r_margin, self.get_y(), 0.4)
        self.ln(1.5)
        self.set_text_color(*BLACK)

    def plain(self, size: float = 9.0) -> None:
        """Regular black Helvetica, white fill, grey rules: the state tables start from (fpdf2 copies it)."""
        self.set_font("Helvetica", "", size)
        self.set_text_color(*BLACK)
        self.set_fill_color(255, 255, 255)
        self.set_draw_color(*RULE_GREY)
