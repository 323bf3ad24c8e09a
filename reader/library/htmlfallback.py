"""HTML that trafilatura cannot or should not take: pre-cleaning and plain fallbacks."""

from __future__ import annotations

import html as htmllib
import re

from reader.library.text import collapse_spaces
from reader.text.unsafe import sanitize

_TAGS = re.compile(r"<[^<>]{0,2000}>")

_TAG_OPEN_CLOSE = re.compile(r"<(/?)([a-zA-Z][\w-]{0,20})[^<>]{0,2000}?(/?)>")
_NO_NESTING = frozenset({
    "br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "col", "embed",
    "param", "track", "base", "p", "li", "option",
})  # fmt: skip
MAX_DEPTH = 400
"""Deeper markup than this goes straight to the plain fallback: parsers give up on it slowly."""


def too_deep(markup: str) -> bool:
    depth = 0
    for m in _TAG_OPEN_CLOSE.finditer(markup):
        name = m.group(2).lower()
        if name in _NO_NESTING or m.group(3):
            continue
        depth += -1 if m.group(1) else 1
        if depth > MAX_DEPTH:
            return True
    return False


_NUMERIC_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")


def drop_control_refs(markup: str) -> str:
    """Remove character references to control and bidi characters before parsing.

    References in the C1 range (&#147; and the like) are what old Windows-made pages
    write for curly quotes and dashes; browsers read them as cp1252, and so do we.
    """

    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        if 0x80 <= code <= 0x9F:
            char = bytes([code]).decode("cp1252", errors="ignore")
            return f"&#{ord(char)};" if char else ""
        if code > 0x10FFFF or sanitize(chr(code)) != chr(code):
            return "" if code not in (9, 10, 13) else " "
        return m.group(0)

    return _NUMERIC_REF.sub(repl, markup) if "&#" in markup else markup


_SKIP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "button", "figure", "figcaption", "template", "svg", "iframe")  # fmt: skip
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd"}


def tree_units(markup: str) -> tuple[list[str], set[int]]:
    """Paragraph-level text straight from the tree, when trafilatura finds no article."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(markup)
    except (ValueError, TypeError, RecursionError, lxml_html.etree.LxmlError):
        return [], set()
    for bad in tree.xpath("|".join(f"//{t}" for t in _SKIP_TAGS)):
        bad.drop_tree()
    units: list[str] = []
    headings: set[int] = set()
    for el in tree.iter(*_BLOCK_TAGS):
        if any(a.tag in _BLOCK_TAGS for a in el.iterancestors()):
            continue
        text = collapse_spaces(" ".join(el.text_content().split()))
        if text:
            if el.tag[:1] == "h":
                headings.add(len(units))
            units.append(text)
    return units, headings


_HIDDEN_OPEN = re.compile(r"<(script|style|template|noscript|svg|head)\b|<!--", re.I)


def strip_hidden(markup: str) -> str:
    """Remove scripts, styles, comments and the like; an unclosed one runs to the end.

    A loop with str.find rather than one lazy regex, so a page of a thousand unclosed
    <script> tags costs one pass, not a thousand.
    """
    low = markup.lower()
    out: list[str] = []
    pos = 0
    while True:
        m = _HIDDEN_OPEN.search(markup, pos)
        if not m:
            out.append(markup[pos:])
            return " ".join(out)
        out.append(markup[pos : m.start()])
        closer = "-->" if m.group(0) == "<!--" else f"</{m.group(1).lower()}"
        end = low.find(closer, m.end())
        if end < 0:
            return " ".join(out)
        close_end = low.find(">", end)
        pos = len(markup) if close_end < 0 else close_end + 1


_BLOCK_BREAK = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|blockquote|tr|td|section|article|header|footer|nav|aside|table"
    r"|ul|ol|dl|dd|dt|pre|figure|figcaption|main|form)\b[^<>]{0,2000}>",
    re.I,
)


def plain_units(markup: str) -> tuple[list[str], set[int]]:
    """Last resort for markup no parser will take (say, 10,000 nested divs): text between
    block tags, with hidden elements and all other tags removed."""
    body_at = markup.lower().find("<body")
    text = strip_hidden(markup[body_at:] if body_at >= 0 else markup)
    units: list[str] = []
    for chunk in _BLOCK_BREAK.split(text):
        if "<" in chunk or "&" in chunk:
            chunk = htmllib.unescape(_TAGS.sub(" ", chunk))
        words = " ".join(sanitize(chunk).split())
        if words:
            units.append(words)
    return units, set()


def continued_body(page, known: list[str]) -> list[str]:
    """Paragraphs of the same article in further boxes of the same kind (`page`: the
    markup, or its parsed tree).

    Some pages cut an article's body into several boxes with the same class, with an
    advert or a sidebar between them, and extraction keeps only the first. The others
    are found beside it (a common ancestor at most three levels up), after it in the page.
    """
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(page) if isinstance(page, str) else page
    except (ValueError, TypeError, RecursionError, lxml_html.etree.LxmlError):
        return []
    seen = set(known)
    box = next((p.getparent() for p in tree.iter("p") if _plain(p) in seen), None)
    if box is None or not box.get("class"):
        return []
    near = set(list(box.iterancestors())[:3])
    extra: list[str] = []
    after = False
    for other in tree.iter(box.tag):
        if other is box:
            after = True
            continue
        if not after or other.get("class") != box.get("class"):
            continue
        if not near.intersection(list(other.iterancestors())[:3]):
            continue
        extra += [t for p in other.iter("p") if (t := _plain(p)) and t not in seen]
    return extra if sum(len(t.split()) for t in extra) >= 100 else []


def _plain(el) -> str:
    return collapse_spaces(" ".join(el.text_content().split()))


def drop_cards(tree) -> None:
    """Remove pop-up cards from paragraphs: an element inside a <p> made of a picture and
    several links and nothing else (a name's hover card listing other stories). Only the
    innermost such element goes, so the linked name the card hangs on stays."""
    cards = [el for p in tree.iter("p") for el in p.iterdescendants() if _card(el)]
    for card in cards:
        if (
            not any(_card(inner) for inner in card.iterdescendants())
            and card.getparent() is not None
        ):
            card.drop_tree()


def _card(el) -> bool:
    if not isinstance(el.tag, str) or el.find(".//img") is None:
        return False
    links = el.findall(".//a")
    if len(links) < 2:
        return False
    loose = len("".join(el.text_content().split())) - sum(
        len("".join(a.text_content().split())) for a in links
    )
    return loose <= 3
