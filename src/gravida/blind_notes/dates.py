"""Dates and pregnancy timing: the visit date, how it is written, and a gestational age that agrees with the EDD.

Why consistent: a real note's EDD, gestational age and visit date agree (EDD = visit + 280 days - GA), and an
extractor may cross-check them; the generator keeps them coherent so a disagreement is never the label's fault.
Every written date carries its year (a date without one is a coin toss) and is in US month/day order.

The date of service is the date after "DOS", "Date", "Date of Service", "Visit Date", "Date of Evaluation" or
"seen today <date>"; a date of birth, referral, delivery, clearance, next appointment or e-signature stamp is
never the date of service (the e-signature stamp falls on it, but is not the field). Gestational ages: "28w3d",
"28w 3d", "28wk3d", "28 wks 3 days", "28 weeks 3 days", "28+3", "28 3/7 wks" -> 28w3d; "28 wks", "28 weeks",
"28w", "28 wk" -> 28w. The EDD is written after "EDD". Onset phrases ("since about 20 weeks") and past
pregnancies' weeks ("at 36 wks") are not the current gestational age.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def visit_date(rng: random.Random) -> date:
    """A weekday in 2024 or 2025."""
    day = date(2024, 1, 8) + timedelta(days=rng.randrange(0, 690))
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def written(rng: random.Random, day: date, kinds: tuple[str, ...] = ("us", "us_short", "us_2y", "iso", "long",
                                                                    "abbr", "dmy")) -> str:
    """`day` as one of the ways US notes write dates."""
    kind = rng.choice(kinds)
    if kind == "us":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if kind == "us_short":
        return f"{day.month}/{day.day}/{day.year}"
    if kind == "us_2y":
        return f"{day.month}/{day.day}/{day.year % 100:02d}"
    if kind == "iso":
        return day.isoformat()
    if kind == "long":
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if kind == "abbr":
        return f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}"
    return f"{day.day:02d}-{MONTHS[day.month - 1][:3]}-{day.year}"


def edd_for(dos: date, weeks: int, days: int) -> date:
    """The due date implied by a gestational age on the visit date (40 weeks = 280 days)."""
    return dos + timedelta(days=280 - (weeks * 7 + days))


def ga_text(rng: random.Random, weeks: int, days: int | None, lower: bool = False) -> str:
    """A gestational age as written; `days` None means only the weeks are written."""
    if days is None:
        form = rng.choice(("{w} wks", "{w} weeks", "{w}w", "{w} wk", "{w}wks"))
    else:
        form = rng.choice(("{w}w{d}d", "{w} wks {d} days", "{w}+{d}", "{w} {d}/7 wks", "{w} weeks {d} days",
                           "{w}wk{d}d", "{w}w {d}d"))
    text = form.format(w=weeks, d=days).replace(" 1 days", " 1 day")
    return text.lower() if lower else text


def clock(minute_of_day: int, kind: str) -> str:
    """A time of day: "1:05 pm", "13:05", "0905" or "1:05p"."""
    hour, minute = divmod(minute_of_day, 60)
    if kind == "military":
        return f"{hour:02d}{minute:02d}"
    if kind == "24h":
        return f"{hour:02d}:{minute:02d}"
    twelve = hour % 12 or 12
    if kind == "short":
        return f"{twelve}:{minute:02d}{'a' if hour < 12 else 'p'}"
    return f"{twelve}:{minute:02d}"


def meridiem(minute_of_day: int) -> str:
    return "am" if minute_of_day < 12 * 60 else "pm"
