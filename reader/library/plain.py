"""Plain-text and Markdown articles: paragraphs, header lines and front matter to an Article."""

from __future__ import annotations

import re
from pathlib import Path

from reader.library.cleanup import clean_indexed, is_debris
from reader.library.dates import parse_date
from reader.library.markdown import front_matter, markdown_units
from reader.library.meta import Header, extract_header, is_byline, names_only
from reader.library.models import Block
from reader.library.stamps import dateline_date, parse_date_line
from reader.library.text import collapse_spaces
from reader.text.datelines import find_dateline
from reader.text.unsafe import sanitize

_LIST_ITEM = re.compile(r"^(?:[-*•◦▪–]|\d{1,3}[.)])\s+")


def text_units(text: str) -> list[str]:
    """Plain text to paragraph units.

    Blank lines separate blocks. Inside a block, hard-wrapped lines (similar widths, at
    most ~120 columns) are joined into one paragraph; otherwise every line stands alone,
    as in text saved from a web page with one paragraph per line.
    """
    units: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [collapse_spaces(ln.strip()) for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        units.extend(_join_wrapped(lines))
    return units


def _join_wrapped(lines: list[str]) -> list[str]:
    # A line was wrapped when the next line's first word would not have fitted on it:
    # the classic reflow test. Lists of headlines or header lines fail it and stay apart.
    if len(lines) == 1:
        return lines
    width = max(len(ln) for ln in lines)
    if not 40 <= width <= 120:
        return lines
    out: list[str] = []
    current = lines[0]
    # A lone long line above short ones is a headline over its byline, not a paragraph,
    # unless the next line carries on mid-sentence (starts in lower case).
    long_lines = sum(1 for ln in lines if len(ln) >= 0.75 * width)
    for prev, line in zip(lines, lines[1:], strict=False):
        first_word = line.split(" ", 1)[0]
        wrapped = len(prev) + 1 + len(first_word) > width - 2 and not _LIST_ITEM.match(line)
        wrapped = wrapped and (long_lines >= 2 or first_word[:1].islower())
        if wrapped and not (_standalone(prev) or _standalone(line)):
            current += " " + line
        else:
            out.append(current)
            current = line
    out.append(current)
    return out


def _standalone(line: str) -> bool:
    """Header and debris lines are never part of a wrapped paragraph."""
    return is_debris(line) or is_byline(line) or parse_date_line(line)[0] is not None


_YEARS = r"\d{4}(?:\s*[-–]\s*\d{4})?"
_COPYRIGHT = re.compile(
    rf"^(?:(?:copyright\s*)?(?:©|\(c\))\s*(?:{_YEARS})?|copyright\s+{_YEARS})\s*,?\s*"
    r"(?P<name>[A-Z][^.|·]{1,60}?)\s*(?:\.|,|\||·|$)",
    re.I,
)


def copyright_holder(line: str) -> str | None:
    """'© 2026 The Paper. All rights reserved.' -> 'The Paper'."""
    m = _COPYRIGHT.match(line.strip())
    if not m:
        return None
    name = m.group("name").strip()
    if re.match(r"(?i)all rights", name) or len(name.split()) > 6:
        return None
    return name


def _same(a: str, b: str) -> bool:
    norm = re.compile(r"[\W_]+")
    return norm.sub("", a).casefold() == norm.sub("", b).casefold()


def apply_front(header: Header, fields: dict[str, str]) -> None:
    """Front matter (title, author, date, source) overrides what the text lines suggested."""
    title = fields.get("title") or fields.get("headline")
    if title:
        header.title = title
    author = next((fields[k] for k in ("author", "authors", "byline", "by") if fields.get(k)), None)
    if author:
        author = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), author)
        names = names_only(re.sub(r"^by\s+", "", author, flags=re.I))
        if names and ", " in names and " and " not in names:  # a list of authors
            first, _, last = names.rpartition(", ")
            names = f"{first} and {last}"
        header.byline = names or author
    date = next(
        (fields[k] for k in ("date", "published", "pubdate", "published_at") if fields.get(k)),
        None,
    )
    if date and parse_date(date):
        header.published = parse_date(date)
    source = front_source(fields)
    if source:
        header.source = source


_WIKI_LINK = re.compile(r"\[\[([^\[\]|]{1,200})(?:\|([^\[\]]{1,200}))?\]\]")
"""'[[<Name>]]', '[[people/<id>|<Name>]]': note-taking apps' links around a name."""
_URL = re.compile(r"^(?:https?:)?//(?:www\d?\.)?(?P<host>[^/\s:?#]+)", re.I)


def front_source(fields: dict[str, str]) -> str | None:
    """The publication a front matter names; a web clipper's page address gives its host."""
    names = [fields.get(k) for k in ("publication", "site", "site_name", "publisher")]
    name = next((n for n in names if n), None)
    if name:
        return name
    source = fields.get("source")
    if source and (url := _URL.match(source.strip())):
        return url.group("host")
    return source or None


def parse_units(
    units: list[str],
    headings: set[int],
    fields: dict[str, str] | None = None,
    lists: set[int] | frozenset[int] = frozenset(),
) -> tuple[Header, list[str]]:
    """Split units into header metadata and cleaned body paragraphs (`Block`s that say
    which were subheadings, and which were lists when `lists` gives their indexes)."""
    header = extract_header(units, headings)
    if fields:
        apply_front(header, fields)
    take_site_suffix(header)
    if header.source is None:
        header.source = next((h for u in reversed(units[-30:]) if (h := copyright_holder(u))), None)
    header.source = as_written_elsewhere(header.source, units)
    order = [i for i in range(len(units)) if i not in header.consumed]
    # A heading that repeats the title (front matter plus "# Title") is not body text.
    while order and header.title and _same(units[order[0]], header.title):
        order.pop(0)
    kinds = {**dict.fromkeys(lists, "list"), **dict.fromkeys(headings, "heading")}
    kept = clean_indexed([units[i] for i in order])
    body: list[str] = [Block(text, kinds.get(order[k], "")) for k, text in kept]
    if header.published is None and body:
        header.published = dateline_date(body[0])
    if header.source is None and body:
        header.source = dateline_agency(body[0])
    return header, body


_TITLE_SEPARATORS = re.compile(r"\s+[|–—]\s+|\s+-\s+|\s+::\s+|\s+·\s+")
_SMALL_WORDS = frozenset({"of", "and", "the", "&", "for", "on", "in", "at"})


def take_site_suffix(header: Header) -> None:
    """'Headline | The Coast Times' (a page title a clipper kept) -> 'Headline'; the site
    name becomes the source when it has a few capitalised words and nothing else says."""
    if not header.title:
        return
    parts = _TITLE_SEPARATORS.split(header.title)
    tail = parts[-1].strip()
    words = tail.split()
    if len(parts) < 2 or not 1 <= len(words) <= 4 or tail[-1:] in ".?!":
        return
    if any(w[:1].islower() and w not in _SMALL_WORDS for w in words):
        return
    head = header.title[: len(header.title) - len(parts[-1])].rstrip(" |–—-:·")
    if len(head.split()) < 3:
        return
    header.title = head
    host_only = header.source and "." in header.source and " " not in header.source
    if (header.source is None or host_only) and len(words) >= 2:
        header.source = tail


def dateline_agency(paragraph: str) -> str | None:
    """'<CITY>, April 2 (<Agency>) - ...': the agency a wire story's dateline names."""
    found = find_dateline(paragraph)
    return found.agency if found else None


def as_written_elsewhere(name: str | None, units: list[str]) -> str | None:
    """A masthead in capitals ('THE TOWN LETTER') as the text writes it elsewhere, if it does."""
    if not name or not name.isupper():
        return name
    pattern = re.compile(r"\b" + re.escape(name) + r"\b", re.I)
    for unit in units:
        for m in pattern.finditer(unit):
            if not m.group(0).isupper():
                return m.group(0)
    return name


def parse_plain(text: str) -> tuple[Header, list[str]]:
    return parse_units(text_units(text), set())


def parse_markdown(text: str) -> tuple[Header, list[str]]:
    fields, rest = front_matter(text)
    units, headings = markdown_units(rest)
    lists = {i for i, unit in enumerate(units) if "\n" in unit and i not in headings}
    return parse_units(units, headings, fields, lists)


def fallback_title(path: Path) -> str:
    """A readable title from a file name: 'port-strike_talks' -> 'Port strike talks'."""
    words = " ".join(sanitize(re.sub(r"[-_.]+", " ", path.stem)).split())
    return (words[:1].upper() + words[1:]) if words else " ".join(sanitize(path.name).split())
