"""HTML pages: trafilatura finds the article and its metadata; <meta> tags fill the gaps."""

from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass
from datetime import datetime

from reader.library.cleanup import clean_units, is_prose
from reader.library.dates import parse_date
from reader.library.htmlfallback import drop_control_refs, plain_units, too_deep, tree_units
from reader.library.meta import Header, extract_header, names_only, parse_byline
from reader.library.text import collapse_spaces, sanitize

_META = re.compile(r"<meta\b[^<>]{0,2000}>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE = re.compile(r"<title\b[^<>]{0,500}>([^<]{0,1000})</title>", re.I)
_H1 = re.compile(r"<h1\b[^<>]{0,500}>((?:[^<]|<(?!/?h1\b)){0,2000}?)</h1>", re.I)
_TIME = re.compile(r"<time\b[^<>]{0,500}\bdatetime\s*=\s*[\"']([^\"']{4,40})[\"']", re.I)
_TAGS = re.compile(r"<[^<>]{0,2000}>")
_CHARSET = re.compile(rb"""<meta[^<>]{0,200}charset\s*=\s*["']?([\w-]{2,30})""", re.I)

META_WINDOW = 262_144
"""Page metadata sits at the top; tags past this many characters are not looked for."""
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
)
_DATE_KEYS = (
    "article:published_time", "datepublished", "pubdate", "publishdate", "date",
    "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "og:published_time",
    "article:modified_time",
)  # fmt: skip
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher")


@dataclass
class PageMeta:
    """Metadata read straight from the page's tags, without parsing the whole document."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    source: str | None = None


def declared_charset(raw: bytes) -> str | None:
    m = _CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = collapse_spaces(sanitize(htmllib.unescape(_TAGS.sub(" ", value))).replace("\n", " "))
    return value or None


def page_meta(markup: str, byline: bool = True) -> PageMeta:
    """Title, author, date and site name from <meta>, <title>, <h1> and <time> tags.

    `byline=False` skips the author, which a folder listing does not show.
    """
    markup = markup[:META_WINDOW]
    metas: dict[str, str] = {}
    body_at = markup.find("<body")
    head = markup if body_at < 0 else markup[:body_at]
    for tag in _META.finditer(head):
        if "content" not in tag.group(0):
            continue
        attrs = {k.lower(): (a or b or c) for k, a, b, c in _ATTR.findall(tag.group(0))}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in metas:
            metas[key] = attrs["content"]
    meta = PageMeta()
    title = next((metas[k] for k in _TITLE_KEYS if metas.get(k)), None)
    if not title:
        h1 = _H1.search(markup)
        title = h1.group(1) if h1 else None
    site = next((metas[k] for k in _SITE_KEYS if metas.get(k)), None)
    meta.source = _clean(site)
    if not title:
        t = _TITLE.search(markup)
        title = t.group(1) if t else None
    meta.title = strip_site_suffix(_clean(title), meta.source)
    if byline:
        author = next((metas[k] for k in _AUTHOR_KEYS if metas.get(k)), None)
        meta.byline = clean_author(_clean(author))
    for key in _DATE_KEYS:
        if metas.get(key) and parse_date(metas[key]):
            meta.published = parse_date(metas[key])
            break
    if meta.published is None:
        t = _TIME.search(markup)
        meta.published = parse_date(t.group(1)) if t else None
    return meta


def strip_site_suffix(title: str | None, site: str | None) -> str | None:
    """'Headline | The Paper' -> 'Headline'."""
    if not title:
        return title
    parts = re.split(r"\s+[|–—]\s+|\s+-\s+|\s+::\s+|\s+·\s+", title)
    if len(parts) > 1:
        tail = parts[-1]
        if (site and tail.casefold() == site.casefold()) or len(tail.split()) <= 4:
            return title[: len(title) - len(tail)].rstrip(" |–—-:·")
    return title


def clean_author(author: str | None) -> str | None:
    """Trafilatura or <meta> author text to the names only ('A; B' -> 'A and B')."""
    if not author:
        return None
    parts = [p.strip() for p in re.split(r"\s*;\s*", author) if p.strip()]
    names: list[str] = []
    for part in parts:
        name = parse_byline(part)[0] if re.match(r"(?i)by\s", part) else names_only(part)
        if name and name not in names:
            names.append(name)
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _element_text(el) -> str:
    for lb in el.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    return collapse_spaces(" ".join("".join(el.itertext()).split()))


_LB = "\ue000"  # a private-use mark for a line break while the text is joined


def _break_paragraphs(el) -> list[str]:
    """A block whose paragraphs are separated by <br><br> (old and hand-made pages).

    A double break ends a paragraph. Inside a block that uses them, lines held apart by
    single breaks stay apart when none of them is prose: headline, byline and date lines.
    """
    for lb in el.iter("lb"):
        lb.tail = _LB + (lb.tail or "")
    blocks = re.split(rf"{_LB}\s*{_LB}[\s{_LB}]*", "".join(el.itertext()))
    out: list[str] = []
    for block in blocks:
        lines = [collapse_spaces(" ".join(ln.split())) for ln in block.split(_LB)]
        lines = [ln for ln in lines if ln]
        if len(blocks) > 1 and len(lines) > 1 and not any(is_prose(ln) for ln in lines):
            out.extend(lines)
        elif lines:
            out.append(" ".join(lines))
    return out


def _body_units(body) -> tuple[list[str], set[int]]:
    units: list[str] = []
    headings: set[int] = set()
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "list":
            items = [_element_text(item) for item in el.iter("item")]
            text = "\n".join(i for i in items if i)
        elif tag == "table":
            rows = []
            for row in el.iter("row"):
                cells = [_element_text(c) for c in row.iter("cell")]
                rows.append(" | ".join(c for c in cells if c))
            text = "\n".join(r for r in rows if r)
        elif tag == "quote" and len(el):
            for child in el:
                child_text = _element_text(child)
                if child_text:
                    units.append(child_text)
            continue
        elif el.find(".//lb") is not None and tag != "head":
            units.extend(_break_paragraphs(el))
            continue
        else:
            text = _element_text(el)
        if text:
            if tag == "head":
                headings.add(len(units))
            units.append(text)
    return units, headings


def _extract(markup: str):
    if too_deep(markup):
        return None
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    common = dict(
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        include_tables=True,
        deduplicate=False,
        # Without extensive search htmldate reads only markup meant to carry a date; with
        # it, a "© 2025" footer becomes a publication date of 1 January.
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
        },
    )
    for precision in (True, False):
        try:
            doc = trafilatura.bare_extraction(
                markup, favor_precision=precision, favor_recall=not precision, **common
            )
        except (ValueError, TypeError, AttributeError):
            doc = None
        if doc is not None and doc.body is not None and len(doc.body):
            return doc
    return None


def parse_html(markup: str) -> tuple[Header, list[str]]:
    """An HTML page to (metadata, cleaned body paragraphs)."""
    markup = drop_control_refs(markup)
    tags = page_meta(markup)
    doc = _extract(markup)
    units: list[str] = []
    headings: set[int] = set()
    header = Header()
    if doc is None:
        units, headings = tree_units(markup)
        if not units:
            units, headings = plain_units(markup)
    else:
        units, headings = _body_units(doc.body)
        header.title = _clean(doc.title)
        header.byline = clean_author(_clean(doc.author))
        header.published = parse_date(doc.date or "")
        header.source = _clean(doc.sitename)
    # Prefer what the page's own tags say when trafilatura had to guess.
    header.title = tags.title or strip_site_suffix(header.title, header.source)
    header.byline = tags.byline or header.byline
    header.published = tags.published or header.published
    header.source = tags.source or header.source
    if header.source and "." in header.source and " " not in header.source:
        header.source = tags.source  # a bare host name is not a publication name
    top = extract_header(units[:12], {i for i in headings if i < 12})
    if header.title and top.title and not _same(top.title, header.title):
        # Only byline and date lines go; a short first paragraph is not a second title.
        top.consumed = {i for i in top.consumed if not _same(units[i], top.title)}
    body = [u for i, u in enumerate(units) if i not in top.consumed]
    header.title = header.title or top.title
    header.byline = header.byline or top.byline
    header.published = header.published or top.published
    header.source = header.source or top.source
    while body and header.title and _same(body[0], header.title):
        body.pop(0)
    return header, clean_units(body)


def _same(a: str, b: str) -> bool:
    return _NON_WORD.sub("", a).casefold() == _NON_WORD.sub("", b).casefold()


_NON_WORD = re.compile(r"[\W_]+")
