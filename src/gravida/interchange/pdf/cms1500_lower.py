"""The lower half of the blank 1500 form (02/12): items 14-23, the six service lines of item 24, and items 25-33."""

from __future__ import annotations

from gravida.interchange.pdf.cms1500_grid import (
    BOTTOM,
    COL,
    DATE_WIDTH,
    DIAGNOSIS_COLUMN_WIDTH,
    LEFT_END,
    LINE_SHADE,
    LINES_PER_PAGE,
    MID_END,
    MODIFIER_WIDTH,
    ROW,
    ROW_HEIGHT,
    WIDTH,
    X0,
    X1,
    box,
    check_captions,
    date_captions,
    diagnosis_slot,
    line_top,
    wrapped,
)
from gravida.interchange.pdf.layout import FORM_SHADE, Sheet


def draw_lower_half(sheet: Sheet) -> None:
    """Items 14 to 33, in the current (red) ink."""
    _items_14_to_23(sheet)
    _service_lines(sheet)
    _totals_25_to_30(sheet)
    _items_31_to_33(sheet)


def _items_14_to_23(sheet: Sheet) -> None:
    r = ROW
    box(sheet, X0, r["14"], X1, r["24"])
    for key in ("17", "19", "21"):
        sheet.hline(X0, X1, r[key])
    sheet.vline(MID_END, r["14"], r["24"])
    sheet.vline(LEFT_END, r["14"], r["19"])
    sheet.caption(X0 + 1.0, r["14"] + 2.4, "14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)", 5.0)
    date_captions(sheet, X0 + 3.0, r["14"] + 4.4)
    sheet.caption(X0 + 28.0, r["14"] + 6.8, "QUAL.", 4.6)
    sheet.caption(LEFT_END + 1.0, r["14"] + 2.4, "15. OTHER DATE", 5.0)
    sheet.caption(LEFT_END + 1.0, r["14"] + 6.8, "QUAL.", 4.6)
    date_captions(sheet, LEFT_END + 20.0, r["14"] + 4.4)
    sheet.caption(MID_END + 1.0, r["14"] + 2.4, "16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION", 5.0)
    for label, offset in (("FROM", 1.0), ("TO", 36.0)):
        sheet.caption(MID_END + offset, r["14"] + 6.8, label, 4.6)
        date_captions(sheet, MID_END + offset + 7.0, r["14"] + 4.4)
    sheet.caption(X0 + 1.0, r["17"] + 2.4, "17. NAME OF REFERRING PROVIDER OR OTHER SOURCE", 5.0)
    sheet.dotted_vline(X0 + 7.5, r["17"] + 3.4, r["19"])
    mid_y = r["17"] + ROW_HEIGHT / 2
    sheet.shade(LEFT_END + 0.1, r["17"] + 0.1, MID_END - LEFT_END - 0.2, ROW_HEIGHT / 2 - 0.1, FORM_SHADE)
    sheet.hline(LEFT_END, MID_END, mid_y)
    sheet.caption(LEFT_END + 1.0, r["17"] + 2.8, "17a.", 5.0)
    sheet.dotted_vline(LEFT_END + 13.0, r["17"], mid_y)
    sheet.caption(LEFT_END + 1.0, mid_y + 2.8, "17b.", 5.0)
    sheet.caption(LEFT_END + 6.0, mid_y + 2.8, "NPI", 5.0, "B")
    sheet.caption(MID_END + 1.0, r["17"] + 2.4, "18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES", 5.0)
    for label, offset in (("FROM", 1.0), ("TO", 36.0)):
        sheet.caption(MID_END + offset, r["17"] + 6.8, label, 4.6)
        date_captions(sheet, MID_END + offset + 7.0, r["17"] + 4.4)
    sheet.caption(X0 + 1.0, r["19"] + 2.4, "19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)", 5.0)
    sheet.caption(MID_END + 1.0, r["19"] + 2.4, "20. OUTSIDE LAB?", 5.0)
    check_captions(sheet, {"20.yes": "YES", "20.no": "NO"})
    sheet.caption(MID_END + 36.0, r["19"] + 2.4, "$ CHARGES", 5.0)
    sheet.vline(MID_END + 34.0, r["19"] + 3.0, r["21"])
    _diagnosis_grid(sheet)
    half = r["21"] + (r["24"] - r["21"]) / 2
    sheet.hline(MID_END, X1, half)
    sheet.caption(MID_END + 1.0, r["21"] + 2.4, "22. RESUBMISSION", 5.0)
    sheet.caption(MID_END + 1.0, r["21"] + 4.4, "CODE", 5.0)
    sheet.vline(MID_END + 22.0, r["21"] + 2.0, half)
    sheet.caption(MID_END + 23.0, r["21"] + 2.4, "ORIGINAL REF. NO.", 5.0)
    sheet.caption(MID_END + 1.0, half + 2.4, "23. PRIOR AUTHORIZATION NUMBER", 5.0)


def _diagnosis_grid(sheet: Sheet) -> None:
    top = ROW["21"]
    sheet.caption(X0 + 1.0, top + 2.4, "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY", 5.0)
    sheet.caption(X0 + 54.0, top + 2.4, "Relate A-L to service line below (24E)", 5.0)
    sheet.caption(X0 + 96.0, top + 2.4, "ICD Ind.", 5.0)
    sheet.dotted_vline(X0 + 105.0, top + 0.5, top + 3.4)
    sheet.dotted_vline(X0 + 110.0, top + 0.5, top + 3.4)
    for index, letter in enumerate("ABCDEFGHIJKL"):
        x, y = diagnosis_slot(index)
        sheet.caption(x, y, f"{letter}.", 5.5)
        sheet.hline(x + 3.5, x + DIAGNOSIS_COLUMN_WIDTH - 5.0, y + 0.9, 0.15)


def _service_lines(sheet: Sheet) -> None:
    top, lines_top, bottom = ROW["24"], ROW["lines"], ROW["25"]
    for index in range(LINES_PER_PAGE):
        y = line_top(index)
        sheet.shade(X0 + 0.1, y + 0.1, WIDTH - 0.2, LINE_SHADE, FORM_SHADE)
        sheet.hline(X0, X1, y + LINE_SHADE + 0.1, 0.1)
        sheet.caption(X0 - 2.2, y + 7.2, str(index + 1), 8.0, "B", "C")
        sheet.caption(COL["24I"] + 4.0, y + 7.0, "NPI", 5.5, "B", "C")
        sheet.dotted_vline(COL["24I"], y, y + LINE_SHADE)
        for offset in (1, 2):
            for start in (COL["24A"], COL["24A_to"]):
                sheet.dotted_vline(start + offset * DATE_WIDTH / 3, y + LINE_SHADE, y + ROW_HEIGHT)
        for number in range(1, 4):
            sheet.dotted_vline(COL["24D_mod"] + number * MODIFIER_WIDTH, y + LINE_SHADE, y + ROW_HEIGHT)
        sheet.dotted_vline(COL["24F_cents"], y + LINE_SHADE, y + ROW_HEIGHT)
        sheet.hline(X0, X1, y + ROW_HEIGHT, 0.3)
    box(sheet, X0, top, X1, bottom)
    for key in ("24A_to", "24B", "24C", "24D", "24D_mod", "24E", "24F", "24G", "24H", "24I", "24J"):
        y_from = top + 3.3 if key == "24A_to" else top + 6.0 if key == "24D_mod" else top
        sheet.vline(COL[key], y_from, bottom)
    sheet.hline(X0, X1, lines_top, 0.3)
    sheet.caption(X0 + 1.0, top + 2.4, "24. A.", 5.0)
    sheet.caption(X0 + 11.0, top + 2.4, "DATE(S) OF SERVICE", 5.0)
    sheet.hline(X0, COL["24B"], top + 3.3, 0.15)
    sheet.caption(X0 + 8.0, top + 5.3, "From", 5.0)
    sheet.caption(COL["24A_to"] + 9.0, top + 5.3, "To", 5.0)
    for start in (COL["24A"], COL["24A_to"]):
        for index, text in enumerate(("MM", "DD", "YY")):
            sheet.caption(start + (index + 0.5) * DATE_WIDTH / 3, top + 8.2, text, 4.6, align="C")
    headers = {
        "24B": ("B.", "PLACE OF", "SERVICE"),
        "24C": ("C.", "", "EMG"),
        "24E": ("E.", "DIAGNOSIS", "POINTER"),
        "24F": ("F.", "", "$ CHARGES"),
        "24G": ("G.", "DAYS OR", "UNITS"),
        "24H": ("H.", "EPSDT", "Family Plan"),
        "24I": ("I.", "ID.", "QUAL."),
        "24J": ("J.", "RENDERING", "PROVIDER ID. #"),
    }
    for key, (letter, first, second) in headers.items():
        centre = COL[key] + _width(key) / 2
        sheet.caption(centre, top + 2.4, letter, 5.0, align="C")
        for text, y in ((first, top + 5.2), (second, top + 7.8)):
            size = 4.4
            sheet.set_font("Helvetica", "", size)
            while sheet.get_string_width(text) > _width(key) - 0.8 and size > 3.4:
                size -= 0.2
                sheet.set_font("Helvetica", "", size)
            sheet.caption(centre, y, text, size, align="C")
    sheet.caption(COL["24D"] + 1.0, top + 2.4, "D. PROCEDURES, SERVICES, OR SUPPLIES", 5.0)
    sheet.hline(COL["24D"], COL["24E"], top + 3.3, 0.15)
    sheet.caption(COL["24D"] + 1.0, top + 5.3, "(Explain Unusual Circumstances)", 4.6)
    sheet.caption(COL["24D"] + 9.0, top + 8.2, "CPT/HCPCS", 4.6, align="C")
    sheet.caption(COL["24D_mod"] + 13.0, top + 8.2, "MODIFIER", 4.6, align="C")


def _width(key: str) -> float:
    keys = list(COL)
    return COL[keys[keys.index(key) + 1]] - COL[key]


def _totals_25_to_30(sheet: Sheet) -> None:
    top, bottom = ROW["25"], ROW["31"]
    box(sheet, X0, top, X1, bottom)
    for key in ("26", "27", "28", "29", "30"):
        sheet.vline(BOTTOM[key], top, bottom)
    sheet.caption(X0 + 1.0, top + 2.4, "25. FEDERAL TAX I.D. NUMBER", 5.0)
    check_captions(sheet, {"25.ssn": "SSN", "25.ein": "EIN"}, after=False)
    sheet.caption(BOTTOM["26"] + 1.0, top + 2.4, "26. PATIENT'S ACCOUNT NO.", 5.0)
    sheet.caption(BOTTOM["27"] + 1.0, top + 2.4, "27. ACCEPT ASSIGNMENT?", 5.0)
    sheet.caption(BOTTOM["27"] + 1.0, top + 4.3, "(For govt. claims, see back)", 4.0)
    check_captions(sheet, {"27.yes": "YES", "27.no": "NO"})
    for key, text in (("28", "28. TOTAL CHARGE"), ("29", "29. AMOUNT PAID")):
        sheet.caption(BOTTOM[key] + 1.0, top + 2.4, text, 5.0)
        sheet.caption(BOTTOM[key] + 1.0, top + 6.8, "$", 6.0)
        sheet.dotted_vline(BOTTOM[f"{key}_cents"], top + 3.2, bottom)
    sheet.caption(BOTTOM["30"] + 1.0, top + 2.4, "30. Rsvd for", 4.6)
    sheet.caption(BOTTOM["30"] + 1.0, top + 4.4, "NUCC Use", 4.6)


def _items_31_to_33(sheet: Sheet) -> None:
    top, bottom = ROW["31"], ROW["end"]
    box(sheet, X0, top, X1, bottom)
    sheet.vline(BOTTOM["32"], top, bottom)
    sheet.vline(BOTTOM["33"], top, bottom)
    wrapped(
        sheet,
        X0 + 0.5,
        top + 0.8,
        BOTTOM["32"] - X0 - 1.5,
        "31. SIGNATURE OF PHYSICIAN OR SUPPLIER INCLUDING DEGREES OR CREDENTIALS (I certify that the statements on "
        "the reverse apply to this bill and are made a part thereof.)",
        4.8,
    )
    sheet.caption(X0 + 1.0, bottom - 1.2, "SIGNED", 5.0, "B")
    sheet.caption(X0 + 33.0, bottom - 1.2, "DATE", 5.0, "B")
    sheet.caption(BOTTOM["32"] + 1.0, top + 2.4, "32. SERVICE FACILITY LOCATION INFORMATION", 5.0)
    sheet.caption(BOTTOM["33"] + 1.0, top + 2.4, "33. BILLING PROVIDER INFO & PH #", 5.0)
    sheet.caption(BOTTOM["33"] + 38.0, top + 2.8, "(", 8.0)
    sheet.caption(BOTTOM["33"] + 46.0, top + 2.8, ")", 8.0)
    id_row = bottom - 5.2
    for key, end in (("32", BOTTOM["33"]), ("33", X1)):
        left = BOTTOM[key]
        middle = left + (end - left) * 0.45
        sheet.shade(middle + 0.1, id_row + 0.1, end - middle - 0.2, 5.0, FORM_SHADE)
        sheet.hline(left, end, id_row)
        sheet.vline(middle, id_row, bottom)
        sheet.caption(left + 1.0, id_row + 2.4, "a.", 5.0)
        sheet.caption(left + 4.0, id_row + 2.4, "NPI", 5.0, "B")
        sheet.caption(middle + 1.0, id_row + 2.4, "b.", 5.0)
