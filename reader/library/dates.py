"""Find a calendar date in a short piece of text and give it as ISO YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)

# Month-name forms (unambiguous), ISO, and Y/M/D with slashes or dots, in one pass so the
# leftmost date wins.
_DATE = re.compile(
    rf"\b(?P<mon1>{_MONTH})\s+(?P<day1>{_DAY}),?\s+(?P<year1>(?:19|20)\d\d)\b"
    rf"|\b(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MONTH}),?\s+(?P<year2>(?:19|20)\d\d)\b"
    r"|\b(?P<year3>(?:19|20)\d\d)-(?P<month3>[01]?\d)-(?P<day3>[0-3]?\d)(?!\d)"
    r"|\b(?P<year4>(?:19|20)\d\d)[/.](?P<month4>[01]?\d)[/.](?P<day4>[0-3]?\d)\b"
    r"|\b(?P<first5>[0-3]?\d)(?P<sep5>[/.])(?P<second5>[0-3]?\d)(?P=sep5)(?P<year5>(?:19|20)\d\d)\b",
    re.I,
)

WEEKDAY_RE = re.compile(rf"^{_WEEKDAY}$", re.I)
TIME_RE = re.compile(
    r"\b\d{1,2}(?::\d\d){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)"
    r"|\b\d{1,2}\.\d\d\s*(?:[ap]\.?m\.?|GMT|BST|UTC|CET|CEST|[ECMP][SD]T)\b"
    r"|\b(?:noon|midnight)\b",
    re.I,
)


_NON_DIGITS = re.compile(r"\D")
_WEEKDAY_WORD = re.compile(rf"\b{_WEEKDAY}", re.I)
_ZONE_WORDS = re.compile(r"\b(?:at|on|ET|EST|EDT|PT|PST|PDT|CT|GMT|BST|UTC|CET|CEST)\b")
_STAMP_PUNCT = re.compile(r"[\s,.|·•—–\-/()]+")
_YEAR = re.compile(r"(?:19|20)\d\d")


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date in `text`: (ISO date, start, end), or None."""
    if not _YEAR.search(text):
        return None
    for m in _DATE.finditer(text):
        iso = _to_iso(m)
        if iso:
            return iso, m.start(), m.end()
    return None


def parse_date(text: str) -> str | None:
    """ISO YYYY-MM-DD for the first date in `text`, or None."""
    found = find_date(text)
    return found[0] if found else None


def _to_iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        if g["year5"]:
            return _numeric(int(g["first5"]), int(g["second5"]), int(g["year5"]), g["sep5"])
        if g["year1"] or g["year2"]:
            n = "1" if g["year1"] else "2"
            month = _MONTHS[g["mon" + n][:3].lower()]
        else:
            n = "3" if g["year3"] else "4"
            month = int(g["month" + n])
        year = int(g["year" + n])
        day = int(_NON_DIGITS.sub("", g["day" + n]))
        return date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def _numeric(first: int, second: int, year: int, sep: str) -> str | None:
    """'17/01/2026', '01/17/2026', '17.01.2026': day and month in either order with
    slashes only when one of them cannot be a month; with dots, day first (European)."""
    if sep == "." or first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first or first == second:
        day, month = second, first
    else:
        return None  # 03/04/2026: April 3 or March 4, no way to tell
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def is_date_only(text: str, found: tuple[str, int, int] | None = None) -> bool:
    """True when `text` is a date stamp and nothing more (weekday, time, separators allowed).

    `found` is `find_date(text)` when the caller already has it.
    """
    found = found or find_date(text)
    if not found:
        return False
    rest = text[: found[1]] + " " + text[found[2] :]
    rest = TIME_RE.sub(" ", rest)
    rest = _WEEKDAY_WORD.sub(" ", rest)
    rest = _ZONE_WORDS.sub(" ", rest)
    return not _STAMP_PUNCT.sub("", rest)
