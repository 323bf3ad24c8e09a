"""Datelines: the place (and agency, and date) that opens a news story before a dash.

"<CITY> (<Agency>) — ...", "<CITY>, April 2 (<Agency>) - ...", "<CITY>, March 3, 2026 — ...",
"<Town>, <State abbr.> (<Agency>) — ...", and the agency alone: "(<Agency>)The story begins".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DASH = r"\s*(?:[—–―]|-{1,2})\s+"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,4}"
_NAME_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_REGION = r"(?:,\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}?)?"
_DATE_TEXT = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?"
_DATE = rf"(?:,?\s+(?P<date>{_DATE_TEXT}))?"
_DATE2 = rf"(?:,?\s+(?P<date2>{_DATE_TEXT}))?"
_AGENCY = r"\((?P<agency>[A-Z][\w&.'’ -]{0,30}?)\)"
_GLUED = r"(?=[A-Z“\"])"
"""The story glued to the agency, as some sites print it: "(<Agency>)The story"."""
_FULL = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}){_REGION}{_DATE}(?:\s*{_AGENCY})?{_DASH}"
    rf"|^(?P<place2>{_NAME_PLACE}){_REGION}{_DATE2}\s*\((?P<agency2>[A-Z][\w&.'’ -]{{0,30}}?)\)"
    rf"(?:{_DASH}|{_GLUED})"
)
_AGENCY_ONLY = re.compile(
    r"^\((?P<agency>[A-Z][A-Za-z&.]*(?:\s[A-Z][A-Za-z&.]*){0,2})\)(?:"
    + _DASH
    + r"|\s*(?=[A-Z“\"]))"
)
_HEADING_WORDS = frozenset(
    str.split(
        "is are was were be been has have had do does did will would can could should may might"
        " must not no just too why how what who we i you he she it they this that these those"
        " our your my his her their its for to with from but if than as about into more most very"
    )
)
"""Words no place name holds: a run of capitals with one of them before a dash is a shouted
heading ("<WORDS> ARE <WORDS> -"), not a dateline."""
MAX_LENGTH = 120
"""A dateline is found in the first this many characters of a paragraph."""


@dataclass(frozen=True, slots=True)
class Dateline:
    end: int
    """Characters from the paragraph start to the first word of the story proper."""
    place: str | None
    agency: str | None
    date: str | None
    """The date as written ("April 2"), when the dateline has one."""


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening `paragraph`, if it has one."""
    head = paragraph[:MAX_LENGTH]
    m = _FULL.match(head)
    if m:
        place = m.group("place") or m.group("place2")
        agency = m.group("agency") or m.group("agency2")
        if len(place.strip()) < 2 or _HEADING_WORDS & set(place.casefold().split()):
            return None
        date = m.group("date") or m.group("date2")
        return Dateline(m.end(), place.strip(), agency and agency.strip(), date)
    m = _AGENCY_ONLY.match(head)
    if m:
        return Dateline(m.end(), None, m.group("agency"), None)
    return None


def dateline_end(paragraph: str) -> int:
    """Length of the dateline opening `paragraph`, else 0."""
    found = find_dateline(paragraph)
    return found.end if found else 0
