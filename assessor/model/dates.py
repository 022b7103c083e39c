"""Dates as leaders read them: "14 March 2025", never "2025-03-14".

The one place a date stored as ISO (YYYY-MM-DD) is written out in words, for the report, the learning card and
every page and window of the application alike. Dates stay ISO inside the boxes where one is typed.
"""

from __future__ import annotations

import datetime
import re

#: Fixed English names: strftime's %B (and Qt's MMMM) follow the process locale, and the text must not.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def long_date(iso_date: str) -> str:
    """ "2025-03-14" -> "14 March 2025"; anything else (empty, or not a real date) is returned as written."""
    text = iso_date.strip()
    if not _ISO.fullmatch(text):
        return text
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
