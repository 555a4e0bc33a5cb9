"""Dates as transcripts print them: in titles (``January 23, 2025``, ``15 March 2012``) and in page stamps."""

from __future__ import annotations

import datetime as dt
import re

# One alias table for month names, English and Spanish (Spanish reposts: ``1 marzo 201713:20``).
MONTHS: dict[str, int] = {
    **{name: n for n, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"], start=1)},
    **{name: n for n, name in enumerate(
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"], start=1)},
    "setiembre": 9,
    "sept": 9,
    **{name[:3]: n for n, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)},
}
_MONTH = r"(?P<month>[A-Za-z]{3,10})\.?"
# The year is exactly four digits, so that a glued time stamp ('28 January 202119:50') still parses.
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Not preceded by a digit, so that '2015 March 2012' is no '15 March 2012'.
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)"
# Date forms, tried in order; each may end a title or stand alone in a stamp line.
DATE_FORMS: tuple[re.Pattern[str], ...] = (
    # January 23, 2025 | January 23,2025 | February 3 2017; the day ends at a non-digit, so that the glued
    # stamp '28 January 202019:50' does not read as 'January 20, 2019'.
    re.compile(rf"{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?(?!\d)\s*,?\s*{_YEAR}"),
    # 23 January 2025 | 1 de marzo de 2017 | 1 marzo 201713:20
    re.compile(rf"{_DAY}(?:st|nd|rd|th)?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?{_YEAR}"),
    # 22.09.2022
    re.compile(rf"{_DAY}\.(?P<month>[01]?\d)\.{_YEAR}"),
)
# A page stamp: a date, optionally a weekday before it and a time after it, glued or not.
# Matches: '28 January 202119:50', 'Friday, 22 June 2018 11:05', '22.09.2022 14:10', '18:42'
_RE_STAMP_TIME = re.compile(r"^(?:[0-2]?\d:[0-5]\d)?$")
_RE_WEEKDAY = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|jueves|viernes|"
    r"sábado|domingo),?\s*",
    re.IGNORECASE,
)


def _to_date(match: re.Match[str]) -> dt.date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    if month is None:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The last date printed in ``text`` with its span, or None."""
    found: tuple[dt.date, int, int] | None = None
    for form in DATE_FORMS:
        for match in form.finditer(text):
            date = _to_date(match)
            if date is not None and (found is None or match.start() > found[1]):
                found = (date, match.start(), match.end())
    return found


def parse_stamp(text: str) -> dt.date | bool | None:
    """Whether a whole line is a date/time stamp: its date, None for a time only, False if not a stamp."""
    text = _RE_WEEKDAY.sub("", text.strip())
    found = find_date(text)
    if found is None:
        return None if text and _RE_STAMP_TIME.match(text) else False
    date, start, end = found
    if text[:start].strip(" ,") or not _RE_STAMP_TIME.match(text[end:].strip()):
        return False
    return date
