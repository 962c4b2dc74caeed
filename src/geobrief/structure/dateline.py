"""Datelines: a date line (``Friday, January 4, 2019``) or an agency dateline at the
start of the first paragraph (``GENEVA (Reuters) —``, ``KYIV, Ukraine, Jan 4 (AP) -``)."""

from __future__ import annotations

import datetime
import re

import attrs

from geobrief.structure._data import news_agencies, sentence_starters
from geobrief.structure.lines import trim

__all__ = ["Dateline", "match_agency_dateline", "match_date_line"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?[ \t]+"
)
_SUFFIX = r"(?:st|nd|rd|th)?"
_MONTH_DAY_YEAR = re.compile(
    rf"(?:{_WEEKDAY})?(?P<month>{_MONTH})\.?[ \t]+(?P<day>\d{{1,2}}){_SUFFIX}"
    r",?[ \t]+(?P<year>\d{4})",
    re.IGNORECASE,
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?:{_WEEKDAY})?(?P<day>\d{{1,2}}){_SUFFIX}[ \t]+(?P<month>{_MONTH})"
    r"\.?,?[ \t]+(?P<year>\d{4})",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")

_CAPS_WORD = r"[A-Z][A-Z.'’-]*"
_NAME_WORD = r"[A-Z][A-Za-z.'’-]*"
_AGENCY_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:[ \t]{_CAPS_WORD}){{0,4}}"
    rf"(?:,[ \t]+{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,3}})?)"
    rf"(?:,?[ \t]+(?i:{_MONTH})\.?[ \t]+\d{{1,2}})?"
    r"(?:[ \t]*\((?P<agency>[A-Z][^()\n]{0,40})\))?"
    r"(?P<dash>[ \t]*(?:--|[—–-])(?=[ \t]))?"
)
_NAMED_AGENCY_DATELINE = re.compile(
    rf"(?P<place>{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,3}}"
    rf"(?:,[ \t]+{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,3}})?)"
    r"[ \t]*\((?P<agency>[A-Z][^()\n]{0,40})\)"
    r"(?P<dash>[ \t]*(?:--|[—–-])(?=[ \t]))?"
)
"""``Geneva (Reuters) -``: a place not in capitals, accepted with a known agency only."""


@attrs.frozen(kw_only=True)
class Dateline:
    """A recognized dateline."""

    start: int
    """Offset of its first character."""
    end: int
    """Offset one past its last character (a dash included)."""
    place: str | None = None
    """The place it names, as written."""
    agency: str | None = None
    """The agency it names, as written."""
    date: datetime.date | None = None
    """The date it gives, when it has a full date."""


def _date(year: str, month: str, day: str) -> datetime.date | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower(), 0)
    try:
        return datetime.date(int(year), month_number, int(day))
    except ValueError:
        return None


def match_date_line(text: str, start: int, end: int) -> Dateline | None:
    """A dateline when ``text[start:end]`` (a line's content) is exactly a date."""
    start, end = trim(text, start, end)
    if end - start > 60:
        return None
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _ISO_DATE):
        found = pattern.fullmatch(text, start, end)
        if found is not None:
            return Dateline(
                start=start,
                end=end,
                date=_date(found.group("year"), found.group("month"), found.group("day")),
            )
    return None


def _caps_dateline_holds(place: str, found: re.Match[str]) -> bool:
    """A capitals dateline needs two letters of place and a dash or a known agency."""
    if sum(c.isalpha() for c in place.split(",")[0]) < 2:
        return False
    agency = found.group("agency")
    return found.group("dash") is not None or (
        agency is not None and agency.lower() in news_agencies()
    )


def match_agency_dateline(text: str, start: int, end: int) -> Dateline | None:
    """A dateline at the start of a paragraph, ``PLACE (Agency) —`` or ``PLACE —``.

    A place in capitals needs a dash or a known agency after it; a place not in
    capitals (``Geneva (Reuters)``) needs a known agency and must not start with
    a common sentence opener (``In Geneva (Reuters) talks`` is not a dateline).
    """
    window = min(end, start + 200)
    found = _AGENCY_DATELINE.match(text, start, window)
    if found is not None and not _caps_dateline_holds(found.group("place"), found):
        found = None
    if found is None:
        found = _NAMED_AGENCY_DATELINE.match(text, start, window)
        if found is not None and (
            found.group("agency").lower() not in news_agencies()
            or found.group("place").split()[0] in sentence_starters()
        ):
            found = None
    if found is None or found.end() >= end:
        return None
    place = found.group("place")
    agency = found.group("agency")
    return Dateline(
        start=start,
        end=found.end(),
        place=place,
        agency=agency.strip() if agency else None,
    )
