"""HTML pages: trafilatura finds the article and its metadata; <meta> tags fill the gaps."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from reader.library.cleanup import clean_units, is_prose
from reader.library.dates import parse_date
from reader.library.htmlfallback import drop_control_refs, plain_units, too_deep, tree_units
from reader.library.htmlmeta import (
    clean_author,
    clean_text,
    page_meta,
    same_words,
    strip_site_suffix,
)
from reader.library.meta import Header, extract_header
from reader.library.text import collapse_spaces


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
        header.title = clean_text(doc.title)
        header.byline = clean_author(clean_text(doc.author))
        header.published = parse_date(doc.date or "")
        header.source = clean_text(doc.sitename)
    # Prefer what the page's own tags say when trafilatura had to guess.
    header.title = tags.title or strip_site_suffix(header.title, header.source)
    header.byline = tags.byline or header.byline
    header.published = tags.published or header.published
    header.source = tags.source or header.source
    if header.source and "." in header.source and " " not in header.source:
        header.source = tags.source  # a bare host name is not a publication name
    top = extract_header(units[:12], {i for i in headings if i < 12})
    if header.title and top.title and not same_words(top.title, header.title):
        # Only byline and date lines go; a short first paragraph is not a second title.
        top.consumed = {i for i in top.consumed if not same_words(units[i], top.title)}
    body = [u for i, u in enumerate(units) if i not in top.consumed]
    header.title = header.title or top.title
    header.byline = header.byline or top.byline
    header.published = header.published or top.published
    header.source = header.source or top.source
    while body and header.title and same_words(body[0], header.title):
        body.pop(0)
    return header, clean_units(body)
