"""Date stamp lines ("Published March 3, 2026 | Updated ...") and datelines that carry a date."""

from __future__ import annotations

import re

from reader.library.cleanup import is_sentence, word_count
from reader.library.dates import TIME_RE, find_date, is_date_only
from reader.text.datelines import find_dateline

DATE_LABEL = re.compile(
    r"^(?:(?:originally\s+|first\s+)?published|posted|dated?|filed|updated|last\s+updated"
    r"|modified)\b\s*(?:on|at)?\s*:?\s*",
    re.I,
)
_DIGIT = re.compile(r"\d")
_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified)\b", re.I)


def parse_date_line(line: str) -> tuple[str | None, bool]:
    """(ISO date, is an 'Updated' stamp) when the line is a date stamp, else (None, False)."""
    s = line.strip().strip("*_ ")
    if len(s) > 120 or not _DIGIT.search(s) or word_count(s) > 16:
        return None, False
    if _STAMP_SPLIT.search(s):
        return _segmented_date_line(s)
    label = DATE_LABEL.match(s)
    rest = s[label.end() :] if label else s
    found = find_date(rest)
    if not found:
        return None, False
    date_only = is_date_only(rest, found)
    if not label and not date_only:
        return None, False
    if label and not date_only:
        # "Published March 3, 2026, 6:00 a.m. ET | Updated ..." still counts; a sentence does not.
        tail = rest[found[2] :]
        if is_sentence(tail) and word_count(tail) > 4 and not TIME_RE.search(tail):
            return None, False
    return found[0], bool(_UPDATED.match(s))


_STAMP_SPLIT = re.compile(r"\s+[|·•]\s+")
_STAMP_EXTRA = re.compile(
    r"^(?:(?:issue|vol(?:ume)?|no|number|edition|#)\.?\s*\d[\w.,: ]{0,20}"
    r"|(?:last\s+)?(?:updated|modified|published|posted)\b.{0,40}"
    r"|\d+\s*(?:min|minute)s?\s+read|[\w ]{1,20}\bago)$",
    re.I,
)


def _segmented_date_line(line: str) -> tuple[str | None, bool]:
    """'Issue 212 | Thursday, January 22, 2026', 'April 2, 2026 10:14 GMT · Updated 2 hours
    ago': one segment is the date stamp, the others are stamp furniture."""
    found: tuple[str | None, bool] = (None, False)
    for segment in _STAMP_SPLIT.split(line):
        date, updated = parse_date_line(segment)
        if date and (found[0] is None or (found[1] and not updated)):
            found = (date, updated)  # a publication date wins over an update stamp
        elif not (date or TIME_RE.fullmatch(segment) or _STAMP_EXTRA.match(segment)):
            return None, False
    return found


def dateline_date(text: str) -> str | None:
    """A date in the dateline that opens a story ("LONDON, March 3, 2026 — ...")."""
    dateline = find_dateline(text)
    if dateline is None or dateline.date is None:
        return None
    found = find_date(text[: dateline.end])
    return found[0] if found else None
