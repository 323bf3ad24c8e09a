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

# Month-name forms first (unambiguous), then ISO, then Y/M/D with slashes or dots.
_PATTERNS = (
    (re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    (
        re.compile(
            rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I
        )
    ),
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?![\d])")),
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)[/.](?P<month>[01]?\d)[/.](?P<day>[0-3]?\d)\b")),
)

WEEKDAY_RE = re.compile(rf"^{_WEEKDAY}$", re.I)
TIME_RE = re.compile(
    r"\b\d{1,2}(?::\d\d){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)"
    r"|\b(?:noon|midnight)\b",
    re.I,
)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date in `text`: (ISO date, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            iso = _to_iso(m)
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break
    return best


def parse_date(text: str) -> str | None:
    """ISO YYYY-MM-DD for the first date in `text`, or None."""
    found = find_date(text)
    return found[0] if found else None


def _to_iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    try:
        year = int(groups["year"])
        day = int(re.sub(r"\D", "", groups["day"]))
        month = _MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["month"])
        return date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def is_date_only(text: str) -> bool:
    """True when `text` is a date stamp and nothing more (weekday, time, separators allowed)."""
    found = find_date(text)
    if not found:
        return False
    rest = text[: found[1]] + " " + text[found[2] :]
    rest = TIME_RE.sub(" ", rest)
    rest = re.sub(rf"\b{_WEEKDAY}", " ", rest, flags=re.I)
    rest = re.sub(r"\b(?:at|on|ET|EST|EDT|PT|PST|PDT|CT|GMT|BST|UTC|CET|CEST)\b", " ", rest)
    return not re.sub(r"[\s,.|·•—–\-/()]+", "", rest)
