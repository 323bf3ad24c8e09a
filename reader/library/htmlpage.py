"""HTML pages: trafilatura finds the article and its metadata; <meta> tags fill the gaps."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from reader.library.cleanup import clean_indexed, is_prose, word_count
from reader.library.dates import parse_date
from reader.library.htmlfallback import (
    continued_body,
    drop_cards,
    drop_control_refs,
    plain_units,
    too_deep,
    tree_units,
)
from reader.library.htmlmeta import (
    clean_author,
    clean_text,
    is_publisher,
    page_meta,
    same_words,
    strip_site_suffix,
)
from reader.library.meta import Header, extract_header
from reader.library.models import Block
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


def _table_text(el) -> str:
    rows = []
    for row in el.iter("row"):
        cells = [_element_text(c) for c in row.iter("cell")]
        rows.append(" | ".join(c for c in cells if c))
    return "\n".join(r for r in rows if r)


def _tail_units(el) -> list[str]:
    """Text trafilatura leaves after an element (a paragraph after a heading, a sentence
    after a list or a quote): its own paragraphs, split at double breaks."""
    tail = el.tail or ""
    if not tail.strip():
        return []
    parts = re.split(r"\n\s*\n", tail)
    return [t for t in (collapse_spaces(" ".join(p.split())) for p in parts) if t]


class _Units:
    """Body paragraphs with the kind of block each one came from."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.kinds: dict[int, str] = {}

    def add(self, text: str, kind: str = "") -> None:
        if text:
            if kind:
                self.kinds[len(self.texts)] = kind
            self.texts.append(text)

    def indices(self, kind: str) -> set[int]:
        return {i for i, k in self.kinds.items() if k == kind}


def _body_units(body) -> _Units:
    units = _Units()
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "list":
            items = [_element_text(item) for item in el.iter("item")]
            units.add("\n".join(i for i in items if i), "list")
        elif tag == "table":
            units.add(_table_text(el), "table")
        elif tag == "quote" and len(el):
            if (el.text or "").strip():
                units.add(collapse_spaces(" ".join(el.text.split())))
            for child in el:
                units.add(_element_text(child))
                for extra in _tail_units(child):
                    units.add(extra)
        elif el.find(".//lb") is not None and tag != "head":
            for text in _break_paragraphs(el):
                units.add(text)
        else:
            units.add(_element_text(el), "heading" if tag == "head" else "")
        for extra in _tail_units(el):
            units.add(extra)
    return units


def _extract(markup: str):
    if too_deep(markup):
        return None, None, markup
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
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is not None:
        drop_cards(tree)
    page = markup if tree is None else tree
    strict = _run(trafilatura, page, True, common)
    if strict is not None and _words(strict.body) >= _SURE_WORDS:
        return strict, None, page  # long enough not to be a stray notice
    return strict, _run(trafilatura, page, False, common), page


_SURE_WORDS = 150
"""A precise run this long is the article; a shorter one is checked against a recall run."""


def _run(trafilatura, markup, precision: bool, common: dict):
    try:
        doc = trafilatura.bare_extraction(
            markup, favor_precision=precision, favor_recall=not precision, **common
        )
    except (ValueError, TypeError, AttributeError):
        return None
    return doc if doc is not None and doc.body is not None and len(doc.body) else None


def _words(body) -> int:
    return word_count(" ".join(body.itertext()))


def _choose_run(strict: _Units, loose: _Units) -> _Units:
    """The precise run, unless it is a small wrong block.

    Favouring precision now and then returns a notice or a teaser instead of the article:
    a block that is tiny beside what the recall-oriented run found, or one that run does
    not contain at all while finding much more. Then the recall-oriented run is taken.
    """
    strict_words = sum(word_count(t) for t in strict.texts)
    loose_words = sum(word_count(t) for t in loose.texts)
    shared = set(strict.texts) & set(loose.texts)
    if strict_words < min(60, 0.2 * loose_words) or not shared and loose_words > 2 * strict_words:
        return loose
    return strict


def parse_html(markup: str) -> tuple[Header, list[str]]:
    """An HTML page to (metadata, cleaned body paragraphs as `Block`s: subheadings, lists
    and tables say so)."""
    markup = drop_control_refs(markup)
    tags = page_meta(markup)
    doc, loose, page = _extract(markup)
    units: list[str] = []
    headings: set[int] = set()
    tables: set[int] = set()
    kinds: dict[int, str] = {}
    header = Header()
    doc = doc or loose
    if doc is None:
        units, headings = tree_units(markup)
        if not units:
            units, headings = plain_units(markup)
        kinds = dict.fromkeys(headings, "heading")
    else:
        found = _body_units(doc.body)
        if loose is not None and loose is not doc:
            found = _choose_run(found, _body_units(loose.body))
        for text in continued_body(page, found.texts):
            found.add(text)
        units, headings, tables = found.texts, found.indices("heading"), found.indices("table")
        kinds = found.kinds
        header.title = clean_text(doc.title)
        header.byline = clean_author(clean_text(doc.author))
        header.published = parse_date(doc.date or "")
        header.source = clean_text(doc.sitename)
    # Prefer what the page's own tags say when trafilatura had to guess.
    header.title = tags.title or strip_site_suffix(header.title, header.source)
    if header.byline and is_publisher(header.byline, tags.publishers):
        header.byline = None
    header.byline = tags.byline or header.byline
    header.published = tags.published or header.published
    header.source = tags.source or header.source
    if header.source and "." in header.source and " " not in header.source:
        header.source = tags.source  # a bare host name is not a publication name
    top = extract_header(units[:12], {i for i in headings if i < 12})
    if header.title and top.title and not same_words(top.title, header.title):
        # Only byline and date lines go; a short first paragraph is not a second title.
        top.consumed = {i for i in top.consumed if not same_words(units[i], top.title)}
    order = [i for i in range(len(units)) if i not in top.consumed]
    header.title = header.title or top.title
    header.byline = header.byline or top.byline
    header.published = header.published or top.published
    header.source = header.source or top.source
    while order and header.title and same_words(units[order[0]], header.title):
        order.pop(0)
    body = [units[i] for i in order]
    kept = clean_indexed(body, tables={k for k, i in enumerate(order) if i in tables})
    return header, [Block(text, kinds.get(order[k], "")) for k, text in kept]
