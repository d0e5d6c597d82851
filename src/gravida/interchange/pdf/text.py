"""Text as the PDFs print it: names, dates, money, and characters the built-in PDF fonts can draw.

The PDFs use the PDF standard fonts (Helvetica, Courier), which need no embedding and keep files small and
byte-for-byte reproducible, but draw only Latin-1. Accented letters outside Latin-1 are folded to their base letter
(Ő -> O); typographic quotes and dashes become their plain forms; anything else is refused with the field's name
rather than printed as a question mark.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from gravida.domain.parties import Address, PersonName
from gravida.interchange.pdf.errors import ClaimDocumentError

_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2022": "-",
        "\t": " ",
    }
)


#: Letters NFKD does not split into a base letter and an accent, spelled as the 1500's plain capitals allow.
_ASCII_LETTERS = str.maketrans(
    {
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "TH",
    }
)


def _fold(char: str) -> str:
    """One character as Latin-1, or its base letter(s) without accents, or '' when it has none."""
    try:
        char.encode("latin-1")
    except UnicodeEncodeError:
        spelled = char.translate(_ASCII_LETTERS)
        if spelled != char:
            return spelled
        decomposed = unicodedata.normalize("NFKD", char)
        return "".join(c for c in decomposed if not unicodedata.combining(c) and ord(c) < 256)
    return char


def latin1(text: str, *, claim_id: str, field: str) -> str:
    """`text` drawable by the standard fonts, or ClaimDocumentError naming the field."""
    plain = unicodedata.normalize("NFC", text).translate(_PLAIN)
    out = []
    for char in plain:
        if unicodedata.combining(char):
            continue  # a stray accent NFC could not attach to its letter
        folded = _fold(char)
        if not folded:
            raise ClaimDocumentError(
                claim_id, field, f"character {char!r} cannot be printed with the PDF's Latin-1 fonts"
            )
        out.append(folded)
    return "".join(out)


def form_text(text: str, *, claim_id: str, field: str) -> str:
    """Upper-case ASCII for the 1500 form, whose OCR readers expect capitals and no accents."""
    folded = unicodedata.normalize("NFKD", latin1(text, claim_id=claim_id, field=field).translate(_ASCII_LETTERS))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).upper()
    if not ascii_text.isascii():
        bad = next(c for c in ascii_text if not c.isascii())
        raise ClaimDocumentError(claim_id, field, f"character {bad!r} cannot be printed on the claim form")
    return ascii_text


def name_natural(name: PersonName) -> str:
    """'Avery Q. Sample': for letters and statements."""
    middle = f" {name.middle[0]}." if name.middle else ""
    return f"{name.first}{middle} {name.last}"


def name_last_first(name: PersonName) -> str:
    """'SAMPLE, AVERY, Q': items 2 and 4 of the 1500 (last, first, middle initial, comma-separated)."""
    parts = [name.last, name.first]
    if name.middle:
        parts.append(name.middle[0])
    return ", ".join(parts)


def name_first_last(name: PersonName) -> str:
    """'AVERY Q SAMPLE': item 17 of the 1500 (first name, middle initial, last name)."""
    middle = f" {name.middle[0]}" if name.middle else ""
    return f"{name.first}{middle} {name.last}"


def zip_code(value: str) -> str:
    """'981011234' -> '98101-1234'."""
    return f"{value[:5]}-{value[5:]}" if len(value) == 9 else value


def phone(value: str) -> str:
    """'2065550100' -> '(206) 555-0100'."""
    return f"({value[:3]}) {value[3:6]}-{value[6:]}"


def address_lines(address: Address) -> list[str]:
    """Street line(s), then 'City, ST 98101'."""
    lines = [address.line1]
    if address.line2:
        lines.append(address.line2)
    lines.append(f"{address.city}, {address.state} {zip_code(address.zip)}")
    return lines


def money(amount: float) -> str:
    """'$1,234.50'."""
    return f"${amount:,.2f}"


def dollars_and_cents(amount: float) -> tuple[str, str]:
    """('1234', '50'): the 1500's money boxes print dollars and cents either side of a rule, with no '$' or '.'."""
    cents_total = round(amount * 100)
    return str(cents_total // 100), f"{cents_total % 100:02d}"


def us_date(day: date) -> str:
    """'03/12/2026'."""
    return day.strftime("%m/%d/%Y")


def long_date(day: date) -> str:
    """'March 12, 2026'."""
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def dotless(code: str) -> str:
    """'O26.893' -> 'O26893': item 21 of the 1500 takes codes without the period."""
    return code.replace(".", "").strip().upper()
