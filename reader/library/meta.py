"""Recognise the lines above an article's body: title, byline, date stamp, publication."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.library.cleanup import has_quote, is_debris, is_prose, word_count
from reader.library.dates import find_date
from reader.library.stamps import DATE_LABEL, parse_date_line
from reader.text.credits import AUTHOR_LABEL, BYLINE_LEAD

_AND = re.compile(r"\s+(?:and|&)\s+")
_TRAILING_LABEL = re.compile(r"\b(?:updated|published|posted|on)\s*:?\s*$", re.I)
_TRAILING_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*$", re.I)
_SOURCE_LABEL = re.compile(
    r"^(?:source|publication|published\s+(?:by|in)|publisher|originally\s+published\s+(?:by|in)"
    r"|site|outlet|newspaper)\s*:?\s+(?P<rest>\S.{0,80})$",
    re.I,
)
_SPLIT_SEPARATORS = re.compile(r"\s+[|·•—–]\s+|\s+-\s+|\s*\|\s*")
_ROLE_WORDS = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|staff|desk|contributor|columnist|bureau|chief"
    r"|senior|special|political|business|science|health|sports?|culture|arts|critic|analyst"
    r"|producer|journalist|intern|fellow|photographer|team|newsroom|wire|services?|news|agency"
    r"|press|times|post|herald|journal|tribune|gazette|ledger|courier|review|magazine|daily"
    r"|weekly|chronicle|associated|reuters|afp|online|digital|media|network|radio|television"
    r"|tv|report|dispatch|observer|guardian|telegraph|independent|standard|express|mirror"
    r"|record|sentinel|bulletin|monitor|inquirer|examiner|register|globe|star|sun|mail"
    r"|affairs|economics|economy|technology|tech|climate|environment|education|world"
    r"|national|local|foreign|investigations?|investigative|global|international|opinion)\b",
    re.I,
)
_NAME_PARTICLES = {
    "de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "du", "dos",
    "das", "bin", "ibn", "al", "el", "ben", "st.", "y", "e", "ter", "zu", "af",
}  # fmt: skip
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.\-]*|[A-Z]\.)$")


class _NameToken:
    """A word that can be part of a name: a capital letter (in any script), then letters."""

    @staticmethod
    def match(token: str) -> bool:
        return token[:1].isupper() and bool(_NAME_WORD.match(token))


_NAME_TOKEN = _NameToken()
_TRAILING_PLACE = re.compile(r"\s+(?:in|from)\s+[A-Z][\w.'’\- ]{1,40}$")
_TRAILING_FOR = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?[A-Z].{0,80}$")


@dataclass
class Header:
    """What the top of a text article told us, and which units it used up."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    source: str | None = None
    consumed: set[int] = field(default_factory=set)
    updated: str | None = None


def _looks_like_name(part: str) -> bool:
    tokens = part.split()
    if not 1 <= len(tokens) <= 5 or _ROLE_WORDS.search(part):
        return False
    if tokens[0].lower() == "the":
        return False
    return all(_NAME_TOKEN.match(t) or t.lower() in _NAME_PARTICLES for t in tokens)


_SENTENCE_STOP = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
"""'Name Surname. The Outlet': a full stop after a word (not an initial) ends the names."""
_TRAILING_ROLE = re.compile(
    r"\s+(?:(?:senior|chief|staff|contributing|special|guest|deputy)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor)s?$",
    re.I,
)
"""'Name Staff Writer' run together without a comma."""


def names_only(text: str) -> str | None:
    """From 'Name, Staff Writer' / 'A and B' / 'A, B and C for The Paper' keep the names."""
    text = _SENTENCE_STOP.split(text.strip(), maxsplit=1)[0]
    text = re.split(r"\s+\|\s+", text, maxsplit=1)[0]
    text = text.strip().strip("*_ ").rstrip(".,;:")
    if "," not in text:
        text = _TRAILING_ROLE.sub("", text)
    text = _TRAILING_FOR.sub("", text)
    text = _TRAILING_PLACE.sub("", text)
    parts = [p.strip() for p in text.split(",")]
    names: list[str] = []
    for index, part in enumerate(parts):
        pieces = [p.strip() for p in _AND.split(part) if p.strip()]
        if index > 0 and (not pieces or not all(_looks_like_name(p) for p in pieces)):
            break
        if index > 0 and all(len(p.split()) == 1 for p in pieces):
            break  # "Name, Ore." or a role of one word
        names.append(part)
    result = ", ".join(names).strip()
    if not result or not any(_NAME_TOKEN.match(t) for t in result.split()):
        return None
    if described(result):
        return None
    return result


def described(text: str) -> bool:
    """'The regional defence ministries': words in lower case make a description, not a
    list of names (a user name of one word, 'admin', is left alone)."""
    tokens = re.findall(r"[^\W\d_][\w'’-]*", text)
    lower = [t for t in tokens if t.islower() and len(t) >= 4 and t not in _NAME_PARTICLES]
    return len(tokens) >= 3 and bool(lower)


def parse_byline(line: str) -> tuple[str | None, str | None]:
    """(names, ISO date found on the same line) for a byline line, else (None, None)."""
    s = line.strip().strip("*_ ")
    m = BYLINE_LEAD.match(s) or AUTHOR_LABEL.match(s)
    if not m:
        return None, None
    rest = m.group("rest")
    if not rest[:1].isupper() or has_quote(rest):
        return None, None
    found = find_date(rest)
    published = None
    if found:
        published = found[0]
        rest = rest[: found[1]]
        rest = DATE_LABEL.sub("", rest)
    rest = _TRAILING_LABEL.sub("", rest.strip())
    rest = _TRAILING_WEEKDAY.sub("", rest)
    head = _SPLIT_SEPARATORS.split(rest.strip(" |·•—–-,"), maxsplit=1)[0]
    if word_count(head) > 14:
        return None, None
    names = names_only(head)
    return names, published


def is_byline(line: str) -> bool:
    return parse_byline(line)[0] is not None


def parse_source_line(line: str) -> str | None:
    m = _SOURCE_LABEL.match(line.strip().strip("*_ "))
    if not m:
        return None
    value = m.group("rest").strip().rstrip(".")
    return value if word_count(value) <= 8 else None


def title_candidate(line: str) -> bool:
    s = line.strip()
    n = word_count(s)
    return 1 <= n <= 30 and len(s) <= 220 and s[-1:] not in ".,;:" and "\n" not in s


def _masthead(line: str) -> bool:
    """A publication name on its own line: a few capitalised words, no verb-like lowercase."""
    words = line.split()
    if not 1 <= len(words) <= 5 or line.rstrip()[-1:] in ".?!":
        return False
    lower = [w for w in words if w[:1].islower() and w.lower() not in ("of", "and", "the", "&")]
    return not lower


def extract_header(
    units: list[str], headings: set[int] | None = None, quick: bool = False
) -> Header:
    """Find title, byline, date and source among the first units of a text article.

    `headings` holds the indexes of units that were headings in the source (Markdown);
    the first of them is the title. The scan ends after the second real paragraph, or,
    when `quick` (a folder scan needs only title, byline and date), as soon as all three
    are known.
    """
    headings = headings or set()
    header = Header()
    candidates: list[int] = []
    prose_seen = 0
    for i, unit in enumerate(units[:40]):
        if (
            quick
            and header.published
            and header.byline
            and (header.title or _headline_seen(units, candidates))
        ):
            break
        if i in header.consumed:
            continue
        line = unit.strip()
        if not line or "\n" in line:
            if "\n" in line and is_prose(line.replace("\n", " ")):
                prose_seen += 1
            continue
        if i in headings and header.title is None and prose_seen == 0:
            header.title = line
            header.consumed.add(i)
            continue
        if header.byline is None and prose_seen <= 1:
            names, published = parse_byline(line)
            if names:
                header.byline = names
                if published and header.published is None:
                    header.published = published
                header.consumed.add(i)
                continue
        if header.byline is None and prose_seen == 0 and (header.title or candidates):
            names = _bare_byline(line, units[i + 1] if i + 1 < len(units) else "")
            if names:
                header.byline = names
                header.consumed.add(i)
                if _role_line(units[i + 1]):
                    header.consumed.add(i + 1)
                continue
        if prose_seen <= 1:
            published, updated = parse_date_line(line)
            if published:
                if updated:
                    header.updated = header.updated or published
                elif header.published is None:
                    header.published = published
                header.consumed.add(i)
                continue
            source = parse_source_line(line)
            if source and header.source is None:
                header.source = source
                header.consumed.add(i)
                continue
        if is_debris(line):
            continue
        if is_prose(line):
            prose_seen += 1
            if prose_seen >= 2:
                break
            continue
        if prose_seen == 0 and not headings and title_candidate(line):
            candidates.append(i)
    if header.title is None and candidates:
        _choose_title(units, candidates, header)
    if header.published is None:
        header.published = header.updated
    return header


def _headline_seen(units: list[str], candidates: list[int]) -> bool:
    """A title candidate that is not just a masthead has been seen."""
    return any(not _masthead(units[i]) for i in candidates)


def _role_line(line: str) -> bool:
    """'Transport correspondent', 'Staff Writer': a job title on its own line."""
    s = line.strip()
    return 1 <= word_count(s) <= 5 and bool(_ROLE_WORDS.search(s)) and s[-1:] not in ".!?"


_READ_TIME = re.compile(
    r"^\s*\d+(?:\s?[–-]\s?\d+)?\s+(?:min|minute)s?(?:\s+(?:read|listen))?\s*$", re.I
)


def _bare_byline(line: str, following: str) -> str | None:
    """A name on its own line counts as a byline when a job title, a date or a reading time
    comes next."""
    s = line.strip()
    if not 2 <= len(s.split()) <= 4 or not _looks_like_name(s):
        return None
    if _role_line(following) or parse_date_line(following)[0] or _READ_TIME.match(following):
        return s
    return None


def _choose_title(units: list[str], candidates: list[int], header: Header) -> None:
    # Menu words and labels ("Home", "Your account") come before the headline, which has
    # a few words; a masthead ("The <Town> Ledger") may precede it too, and then names
    # the source.
    pool = [i for i in candidates if word_count(units[i]) >= 3] or candidates
    chosen = pool[0]
    if len(pool) > 1 and _masthead(units[chosen]) and not _masthead(units[pool[1]]):
        if header.source is None:
            header.source = units[chosen].strip()
        header.consumed.add(chosen)
        chosen = pool[1]
    header.title = units[chosen].strip()
    header.consumed.add(chosen)
