"""The blank 1500 Health Insurance Claim Form (version 02/12), drawn in red ink: boxes, captions and check boxes.

The form is in the public domain (NUCC, "1500 Health Insurance Claim Form Reference Instruction Manual",
https://www.nucc.org/index.php/1500-claim-form-mainmenu-35/1500-instructions-mainmenu-42); its items 1-33 are
laid out here in the order and arrangement the manual describes, on one US-Letter page. This is a faithful layout,
not the printer's plate: payers that scan paper claims (Medicare among them) want the original red form, so print
this for review, for patients, and for payers that take images.

This module draws the upper half (items 1-13), the side labels and the footer; `cms1500_lower` draws items 14-33;
both take their geometry from `cms1500_grid`, which the filler (`cms1500`) writes into as well.
"""

from __future__ import annotations

from gravida.interchange.pdf.cms1500_grid import (
    CHECK,
    CHECK_SIZE,
    LEFT_END,
    MID_END,
    ROW,
    X0,
    X1,
    box,
    check_captions,
    date_captions,
    wrapped,
)
from gravida.interchange.pdf.cms1500_lower import draw_lower_half
from gravida.interchange.pdf.layout import FORM_RED, PAGE_WIDTH, Sheet


def draw_form(sheet: Sheet) -> None:
    """The blank form, in red, on the current page."""
    sheet.ink(FORM_RED)
    _header(sheet)
    _patient_and_insured(sheet)
    _items_10_and_11(sheet)
    _signatures_12_13(sheet)
    draw_lower_half(sheet)
    _side_labels(sheet)
    _footer(sheet)
    for x, y in CHECK.values():
        sheet.checkbox(x, y, CHECK_SIZE)


def _header(sheet: Sheet) -> None:
    sheet.caption(X0, 17.0, "1500", 20, "B")
    sheet.caption(X0, 27.0, "HEALTH INSURANCE CLAIM FORM", 11, "B")
    sheet.caption(X0, 30.5, "APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12", 5.5)
    for x in (X0, X1 - 14.0):
        box(sheet, x, 35.5, x + 14.0, 39.0)
        sheet.caption(x + 7.0, 38.2, "PICA", 5.5, "B", align="C")


def _patient_and_insured(sheet: Sheet) -> None:
    r = ROW
    box(sheet, X0, r["1"], X1, r["12"])
    for key in ("2", "5", "city", "zip", "9", "9a", "9b", "9c", "9d"):
        sheet.hline(X0, LEFT_END, r[key])
        sheet.hline(MID_END, X1, r[key])
    for key in ("2", "5", "city", "9"):
        sheet.hline(LEFT_END, MID_END, r[key])
    sheet.vline(MID_END, r["1"], r["12"])
    sheet.vline(LEFT_END, r["2"], r["12"])
    sheet.vline(X0 + 60.0, r["city"], r["zip"])
    sheet.vline(X0 + 30.0, r["zip"], r["9"])
    sheet.vline(MID_END + 60.0, r["city"], r["zip"])
    sheet.vline(MID_END + 30.0, r["zip"], r["9"])
    y = r["1"]
    programs = {
        "medicare": ("MEDICARE", "(Medicare#)"),
        "medicaid": ("MEDICAID", "(Medicaid#)"),
        "tricare": ("TRICARE", "(ID#/DoD#)"),
        "champva": ("CHAMPVA", "(Member ID#)"),
        "group": ("GROUP HEALTH PLAN", "(ID#)"),
        "feca": ("FECA BLK LUNG", "(ID#)"),
        "other": ("OTHER", "(ID#)"),
    }
    sheet.caption(X0 + 1.0, y + 2.4, "1.", 5.0, "B")
    for key, (name, id_kind) in programs.items():
        bx, by = CHECK[f"1.{key}"]
        sheet.caption(bx + (2.0 if key == "medicare" else 0.0), y + 2.4, name, 5.0)
        sheet.caption(bx + CHECK_SIZE + 0.8, by + 2.3, id_kind, 4.6)
    sheet.caption(MID_END + 1.0, y + 2.4, "1a. INSURED'S I.D. NUMBER", 5.0)
    sheet.caption(X1 - 1.0, y + 2.4, "(For Program in Item 1)", 5.0, align="R")
    sheet.caption(X0 + 1.0, r["2"] + 2.4, "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)", 5.0)
    sheet.caption(LEFT_END + 1.0, r["2"] + 2.4, "3. PATIENT'S BIRTH DATE", 5.0)
    sheet.caption(LEFT_END + 39.0, r["2"] + 2.4, "SEX", 5.0)
    date_captions(sheet, LEFT_END + 2.0, r["2"] + 4.4, "YYYY")
    check_captions(sheet, {"3.M": "M", "3.F": "F"}, after=False)
    sheet.caption(MID_END + 1.0, r["2"] + 2.4, "4. INSURED'S NAME (Last Name, First Name, Middle Initial)", 5.0)
    sheet.caption(X0 + 1.0, r["5"] + 2.4, "5. PATIENT'S ADDRESS (No., Street)", 5.0)
    sheet.caption(LEFT_END + 1.0, r["5"] + 2.4, "6. PATIENT RELATIONSHIP TO INSURED", 5.0)
    for key, text in {"6.self": "Self", "6.spouse": "Spouse", "6.child": "Child", "6.other": "Other"}.items():
        bx, by = CHECK[key]
        sheet.caption(bx - 0.8, by + 2.3, text, 5.0, align="R")
    sheet.caption(MID_END + 1.0, r["5"] + 2.4, "7. INSURED'S ADDRESS (No., Street)", 5.0)
    for left in (X0, MID_END):
        sheet.caption(left + 1.0, r["city"] + 2.4, "CITY", 5.0)
        sheet.caption(left + 61.0, r["city"] + 2.4, "STATE", 5.0)
        sheet.caption(left + 1.0, r["zip"] + 2.4, "ZIP CODE", 5.0)
        sheet.caption(left + 31.0, r["zip"] + 2.4, "TELEPHONE (Include Area Code)", 5.0)
        sheet.caption(left + 31.5, r["zip"] + 6.8, "(", 9.0)
        sheet.caption(left + 40.5, r["zip"] + 6.8, ")", 9.0)
    sheet.caption(LEFT_END + 1.0, r["city"] + 2.4, "8. RESERVED FOR NUCC USE", 5.0)
    left_captions = {
        "9": "9. OTHER INSURED'S NAME (Last Name, First Name, Middle Initial)",
        "9a": "a. OTHER INSURED'S POLICY OR GROUP NUMBER",
        "9b": "b. RESERVED FOR NUCC USE",
        "9c": "c. RESERVED FOR NUCC USE",
        "9d": "d. INSURANCE PLAN NAME OR PROGRAM NAME",
    }
    for key, text in left_captions.items():
        sheet.caption(X0 + 1.0, r[key] + 2.4, text, 5.0)


def _items_10_and_11(sheet: Sheet) -> None:
    r = ROW
    sheet.caption(LEFT_END + 1.0, r["9"] + 2.4, "10. IS PATIENT'S CONDITION RELATED TO:", 5.0)
    middle = {
        "9a": "a. EMPLOYMENT? (Current or Previous)",
        "9b": "b. AUTO ACCIDENT?",
        "9c": "c. OTHER ACCIDENT?",
        "9d": "10d. CLAIM CODES (Designated by NUCC)",
    }
    for key, text in middle.items():
        sheet.caption(LEFT_END + 1.0, r[key] + 2.4, text, 5.0)
    for item in ("10a", "10b", "10c"):
        check_captions(sheet, {f"{item}.yes": "YES", f"{item}.no": "NO"})
    sheet.caption(LEFT_END + 33.0, r["9b"] + 5.0, "PLACE (State)", 4.6)
    sheet.hline(LEFT_END + 34.0, LEFT_END + 45.0, r["9b"] + 7.4, 0.15)
    right = {
        "9": "11. INSURED'S POLICY GROUP OR FECA NUMBER",
        "9a": "a. INSURED'S DATE OF BIRTH",
        "9b": "b. OTHER CLAIM ID (Designated by NUCC)",
        "9c": "c. INSURANCE PLAN NAME OR PROGRAM NAME",
        "9d": "d. IS THERE ANOTHER HEALTH BENEFIT PLAN?",
    }
    for key, text in right.items():
        sheet.caption(MID_END + 1.0, r[key] + 2.4, text, 5.0)
    sheet.caption(MID_END + 47.0, r["9a"] + 2.4, "SEX", 5.0)
    date_captions(sheet, MID_END + 4.0, r["9a"] + 4.4, "YYYY")
    check_captions(sheet, {"11a.M": "M", "11a.F": "F"}, after=False)
    check_captions(sheet, {"11d.yes": "YES", "11d.no": "NO"})
    sheet.caption(MID_END + 28.0, r["9d"] + 6.9, "If yes, complete items 9, 9a, and 9d.", 4.6, "B")


def _signatures_12_13(sheet: Sheet) -> None:
    top, bottom = ROW["12"], ROW["14"]
    box(sheet, X0, top, X1, bottom)
    sheet.vline(MID_END, top, bottom)
    sheet.caption(
        (X0 + MID_END) / 2, top + 2.5, "READ BACK OF FORM BEFORE COMPLETING & SIGNING THIS FORM.", 5.5, "B", "C"
    )
    wrapped(
        sheet,
        X0 + 0.5,
        top + 3.2,
        MID_END - X0 - 1.5,
        "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE  I authorize the release of any medical or other information "
        "necessary to process this claim. I also request payment of government benefits either to myself or to the "
        "party who accepts assignment below.",
        5.0,
    )
    wrapped(
        sheet,
        MID_END + 0.5,
        top + 0.8,
        X1 - MID_END - 1.5,
        "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE  I authorize payment of medical benefits to the undersigned "
        "physician or supplier for services described below.",
        5.0,
    )
    sheet.caption(X0 + 1.0, bottom - 1.2, "SIGNED", 5.5, "B")
    sheet.hline(X0 + 10.0, X0 + 78.0, bottom - 1.0, 0.15)
    sheet.caption(X0 + 80.0, bottom - 1.2, "DATE", 5.5, "B")
    sheet.hline(X0 + 87.0, MID_END - 2.0, bottom - 1.0, 0.15)
    sheet.caption(MID_END + 1.0, bottom - 1.2, "SIGNED", 5.5, "B")
    sheet.hline(MID_END + 10.0, X1 - 2.0, bottom - 1.0, 0.15)


def _side_labels(sheet: Sheet) -> None:
    """The bracket down the right edge: CARRIER, PATIENT AND INSURED INFORMATION, PHYSICIAN OR SUPPLIER."""
    x = X1 + 3.0
    for text, y1, y2 in (
        ("CARRIER", 6.0, 38.0),
        ("PATIENT AND INSURED INFORMATION", ROW["1"], ROW["14"]),
        ("PHYSICIAN OR SUPPLIER INFORMATION", ROW["14"], ROW["end"]),
    ):
        middle = (y1 + y2) / 2
        sheet.set_font("Helvetica", "B", 5.5)
        half = sheet.get_string_width(text) / 2 + 1.5
        sheet.vline(x, y1 + 1.0, middle - half, 0.25)
        sheet.vline(x, middle + half, y2 - 1.0, 0.25)
        sheet.hline(x - 1.2, x, y1 + 1.0, 0.25)
        sheet.hline(x - 1.2, x, y2 - 1.0, 0.25)
        with sheet.rotation(90, x, middle):
            sheet.caption(x, middle + 0.9, text, 5.5, "B", "C")


def _footer(sheet: Sheet) -> None:
    y = ROW["end"] + 3.5
    sheet.caption(X0, y, "NUCC Instruction Manual available at: www.nucc.org", 5.5, "B")
    sheet.caption(PAGE_WIDTH / 2 + 8.0, y, "PLEASE PRINT OR TYPE", 7.0, "B", "C")
    sheet.caption(X1, y, "FORM 1500 (02-12) LAYOUT", 5.5, "B", "R")
