"""Where everything sits on the 1500 form (02/12): the bands, columns and check boxes, in millimetres on US Letter.

The blank form (`cms1500_form`, `cms1500_lower`) is drawn from these numbers and the filler (`cms1500`) writes
into them, so data and boxes cannot drift apart. The few drawing helpers the two halves of the form share are here
as well.
"""

from __future__ import annotations

from gravida.interchange.pdf.layout import COURIER_WIDTH_PER_POINT, Sheet

X0 = 9.0  # left edge of the form
WIDTH = 194.0
X1 = X0 + WIDTH
LEFT_END = X0 + 72.0  # the patient column (items 2, 5, 9) ends here
MID_END = X0 + 122.0  # the middle column (items 3, 6, 8, 10) ends here; the insured column (1a, 4, 7, 11) follows
ROW_HEIGHT = 8.2

#: Top of each band of boxes (mm from the top of the page).
ROW = {
    "1": 40.0,
    "2": 48.2,
    "5": 56.4,
    "city": 64.6,
    "zip": 72.8,
    "9": 81.0,
    "9a": 89.2,
    "9b": 97.4,
    "9c": 105.6,
    "9d": 113.8,
    "12": 122.0,
    "14": 134.0,
    "17": 142.2,
    "19": 150.4,
    "21": 158.6,
    "24": 175.6,
    "lines": 184.6,
    "25": 233.8,
    "31": 242.0,
    "end": 264.0,
}
LINES_PER_PAGE = 6

#: Left edge of each column of item 24 (A from, A to, B ... J) and the right edge of the form.
COL = {
    "24A": X0,
    "24A_to": X0 + 22.0,
    "24B": X0 + 44.0,
    "24C": X0 + 53.0,
    "24D": X0 + 59.0,
    "24D_mod": X0 + 77.0,
    "24E": X0 + 103.0,
    "24F": X0 + 116.0,
    "24F_cents": X0 + 133.0,
    "24G": X0 + 140.0,
    "24H": X0 + 149.0,
    "24I": X0 + 156.0,
    "24J": X0 + 164.0,
    "end": X1,
}
DATE_WIDTH = 22.0  # each of 24A's From and To
MODIFIER_WIDTH = 6.5
LINE_SHADE = 3.4  # height of the shaded (supplemental) top of each service line

#: Left edges of the bottom bands: items 25-30 and 31-33.
BOTTOM = {
    "25": X0,
    "26": X0 + 52.0,
    "27": X0 + 92.0,
    "28": X0 + 126.0,
    "28_cents": X0 + 147.0,
    "29": X0 + 155.0,
    "29_cents": X0 + 173.0,
    "30": X0 + 180.0,
    "31": X0,
    "32": X0 + 58.0,
    "33": X0 + 124.0,
}
#: The 1500's diagnosis slots A-L: four across, three down.
DIAGNOSIS_COLUMNS = 4
DIAGNOSIS_COLUMN_WIDTH = 30.0

CHECK_SIZE = 2.8


def _checks() -> dict[str, tuple[float, float]]:
    """Top-left corner of every check box the filler may mark."""
    boxes: dict[str, tuple[float, float]] = {}
    for name, offset in {
        "medicare": 2.0,
        "medicaid": 20.0,
        "tricare": 38.0,
        "champva": 58.0,
        "group": 76.0,
        "feca": 96.0,
        "other": 112.0,
    }.items():
        boxes[f"1.{name}"] = (X0 + offset, ROW["1"] + 3.9)
    sex_y = ROW["2"] + 3.9
    boxes["3.M"], boxes["3.F"] = (LEFT_END + 37.0, sex_y), (LEFT_END + 45.0, sex_y)
    for name, offset in {"self": 6.0, "spouse": 19.0, "child": 30.0, "other": 42.0}.items():
        boxes[f"6.{name}"] = (LEFT_END + offset, ROW["5"] + 4.4)
    for item, row in (("10a", "9a"), ("10b", "9b"), ("10c", "9c")):
        boxes[f"{item}.yes"] = (LEFT_END + 8.0, ROW[row] + 4.4)
        boxes[f"{item}.no"] = (LEFT_END + 22.0, ROW[row] + 4.4)
    boxes["11a.M"], boxes["11a.F"] = (MID_END + 45.0, ROW["9a"] + 3.9), (MID_END + 57.0, ROW["9a"] + 3.9)
    boxes["11d.yes"], boxes["11d.no"] = (MID_END + 3.0, ROW["9d"] + 4.6), (MID_END + 15.0, ROW["9d"] + 4.6)
    boxes["20.yes"], boxes["20.no"] = (MID_END + 3.0, ROW["19"] + 4.4), (MID_END + 15.0, ROW["19"] + 4.4)
    boxes["25.ssn"], boxes["25.ein"] = (BOTTOM["26"] - 15.0, ROW["25"] + 1.0), (BOTTOM["26"] - 6.0, ROW["25"] + 1.0)
    boxes["27.yes"], boxes["27.no"] = (BOTTOM["27"] + 3.0, ROW["25"] + 5.1), (BOTTOM["27"] + 17.0, ROW["25"] + 5.1)
    return boxes


CHECK = _checks()


def diagnosis_slot(index: int) -> tuple[float, float]:
    """Caption x and baseline y of diagnosis slot `index` (0 = A) in item 21."""
    column, row = index % DIAGNOSIS_COLUMNS, index // DIAGNOSIS_COLUMNS
    return X0 + 1.5 + column * DIAGNOSIS_COLUMN_WIDTH, ROW["21"] + 7.6 + row * 4.3


def line_top(index: int) -> float:
    """Top of service line `index` (0-5) of item 24."""
    return ROW["lines"] + index * ROW_HEIGHT


def box(sheet: Sheet, x1: float, y1: float, x2: float, y2: float) -> None:
    sheet.set_line_width(0.2)
    sheet.rect(x1, y1, x2 - x1, y2 - y1)


def check_captions(sheet: Sheet, pairs: dict[str, str], after: bool = True) -> None:
    """Captions beside check boxes: after the box (YES, NO) or before it (M, F)."""
    for key, text in pairs.items():
        x, y = CHECK[key]
        if after:
            sheet.caption(x + CHECK_SIZE + 0.8, y + 2.3, text, 5.0)
        else:
            sheet.caption(x - 0.8, y + 2.3, text, 5.0, align="R")


def date_captions(sheet: Sheet, x: float, y: float, year: str = "YY") -> None:
    """MM DD YY captions over the Courier 10 positions the filler prints the date at."""
    step = 3 * COURIER_WIDTH_PER_POINT * 10
    for index, text in enumerate(("MM", "DD", year)):
        sheet.caption(x + index * step + 0.4, y, text, 4.5)
    for index in (1, 2):
        sheet.dotted_vline(x + index * step - 1.0, y + 1.2, y + 4.6)


def wrapped(sheet: Sheet, x: float, y: float, width: float, text: str, size: float, style: str = "") -> None:
    sheet.set_font("Helvetica", style, size)
    sheet.set_xy(x, y)
    sheet.multi_cell(width, size * 0.42, text, align="L")
