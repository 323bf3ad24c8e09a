"""Bylines and credit lines: who wrote, reported or photographed, never part of the story.

Photo credits closing a caption, the contributor lines of wire copy, bylines, author notes.
"""

from __future__ import annotations

import re

AGENCIES = ("AP", "AFP", "Reuters", "EPA", "Getty Images", "Shutterstock", "Alamy", "Bloomberg")
"""Wire and photo agencies whose names mark a credit ("(AP Photo/<Name>)", "/Reuters")."""
_AGENCY_ALT = "|".join(re.escape(a) for a in AGENCIES)

# Credits that close a caption. Each is tried only on the tail it could match, because a
# search from every position of every line is the slow part of judging a line.
_PAREN_CREDIT = re.compile(
    rf"\((?:[^()]{{0,80}}[/|]\s*)?(?:{_AGENCY_ALT}|ap\ photo|file\ photo|handout)\)$"
    r"|\([^()]{0,60}\bphoto(?:graph)?s?\b[^()]{0,60}\)$",
    re.X | re.I,
)
_LABEL_CREDIT = re.compile(r"\b(?:photo(?:graph)?|image|credit|picture)s?\s*:\s*[^.:]{2,80}$", re.I)
_AGENCY_CREDIT = re.compile(
    rf"\b[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){{0,3}}\s*/\s*(?:{_AGENCY_ALT})\b\S{{0,30}}$",
    re.X | re.I,
)
CREDIT_WORDS = ("photo", "image", "credit", "picture")
"""Labels that open a credit line ("Image: <Name>")."""
_CREDIT_WORDS = CREDIT_WORDS


def credit_tail(s: str, low: str) -> bool:
    s = s.rstrip()
    if s.endswith(")"):
        tail = s[s.rfind("(") :]
        if _PAREN_CREDIT.search(tail) or _NAME_SLASH_CREDIT.search(tail):
            return True
    if ":" in s and any(w in low for w in _CREDIT_WORDS) and _LABEL_CREDIT.search(s):
        return True
    return "/" in s and _AGENCY_CREDIT.search(s[-120:]) is not None


# "(<Name>/<Publication>)" closing a caption: a name, a slash, an organisation.
_NAME_SLASH_CREDIT = re.compile(
    r"\(\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][^()]{1,60}\)\s*$"
)


# "(Reporting by A in <City>; Additional reporting by B; Editing by C)" closing wire copy.
_CONTRIBUTION = re.compile(
    r"^(?:(?:additional|further|extra|and)\s+)?(?:reporting|writing|editing|research"
    r"|fact[- ]checking|production|graphics|photography|translation|compiled|compiling"
    r"|written|reported|edited|produced|translated|contributed|contributing)"
    r"(?:\s+(?:and|&)\s+[a-z-]+)?\s+(?:by|from)\s+(?P<who>[A-Z].*)$",
    re.I,
)
_LINKING_WORDS = frozenset({
    "in", "at", "and", "from", "for", "with", "of", "the", "de", "da", "del", "der", "van",
    "von", "la", "le", "du", "bin", "al", "el", "also",
})  # fmt: skip


_PARTS = re.compile(
    r"\s*;\s*|,\s*(?=(?:and\s+)?(?:additional\s+)?(?:reporting|writing|editing|research"
    r"|graphics|production)\b)",
    re.I,
)


_CONTRIBUTED = re.compile(
    r"^[A-Z][^.!?\"“”]{2,200}\bcontributed(?:\s+reporting)?(?:\s+to|\s+from)?\s+(?:to\s+)?"
    r"(?:this|the)\s+(?:report|story|article)\.?\)?$"
)


def contributor_line(s: str) -> bool:
    """Every ';'-separated part names a contribution and the people who made it; or the
    line says who 'contributed to this report'."""
    if "contributed" in s and _CONTRIBUTED.match(s.strip().lstrip("(")):
        return True
    inner = s.strip().strip("()[]. ")
    parts = [p.strip() for p in _PARTS.split(inner) if p.strip()]
    if not parts:
        return False
    for part in parts:
        m = _CONTRIBUTION.match(part)
        if not m or len(part.split()) > 20:
            return False
        words = re.findall(r"[^\W\d_][\w'’.-]*", m.group("who"))
        if any(w[:1].islower() and w.lower() not in _LINKING_WORDS for w in words):
            return False  # "Reporting by the Tribune showed that ...": a sentence
    return True


BYLINE_LEAD = re.compile(
    r"^(?:(?:written|words|story|text|reporting|report|posted|submitted)\s+)?by\s*:?\s+"
    r"(?P<rest>\S.*)$",
    re.I,
)
"""The opening of a byline line ("By ...", "Written by ...", "Reporting by: ..."); `rest`
holds the names and whatever follows them."""
_LABELS = (
    r"author|authors|byline|writer|text|words|texto|texte|testo|autor|auteur|autore"
    r"|penulis|текст|автор"
)
AUTHOR_LABEL = re.compile(rf"^(?:{_LABELS})s?\s*:\s*(?P<rest>\S.*)$", re.I)
"""A labelled author line ("Author: ...", "Text: ...", and the same labels in a few other
languages)."""
AUTHOR_LABEL_LOOSE = re.compile(rf"^(?:{_LABELS})\s*:?\s+(?=\w)", re.I)
"""The same labels with the colon dropped, as metadata extractors sometimes leave them."""
BYLINE = re.compile(r"^(?:By|BY|From)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|,))*\W*$")
"""A line that is only a byline: "By <Name> and <Name>"."""
CREDIT = re.compile(
    r"\b(?:reporting by|editing by|writing by|additional reporting|contributed reporting"
    r"|contributed to this (?:report|article|story)"
    r"|is an? (?:\w+ )?(?:reporter|correspondent|writer|editor|columnist) (?:for|at|with)\b)",
    re.IGNORECASE,
)
"""Reporting credits and author notes inside a sentence."""
CAPTION = re.compile(
    rf"\((?:{_AGENCY_ALT})\b[^)]*\)|\b(?:AP|AFP) Photo\b|\bPhoto(?:graph)?\s*:|\bImage\s*:"
    rf"|\bCredit\s*:|\bPictured\s*:|\bGetty Images\b|/(?:{_AGENCY_ALT})\b"
    r"|^FILE\s*[-–—]|\bcaption\b",
    re.IGNORECASE,
)
"""Marks of a photo caption: an agency credit, "Photo:", "FILE -"."""

_CREDIT_PARAGRAPH = re.compile(
    r"^[(\[]?\s*(?:by\s+[A-Z]|(?:additional\s+)?reporting\s+by\b|editing\s+by\b|writing\s+by\b"
    r"|compiled\s+by\b|photos?\s+by\b)"
    r"|contributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)"
    r"|\b(?:is|are)\s+(?:a|an|the)\s+[\w\s-]{0,40}(?:reporter|correspondent|editor|writer)\b"
    r"|\bcovers\s+[\w\s,-]{0,60}\bfor\s+(?:the\s+)?[A-Z]"
    r"|\b(?:reach|contact|email)\s+(?:him|her|them)\s+at\b",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"(?:\((?:photo|photograph|image|picture|credit)[^)\n]{0,80}\)"
    r"|\b(?:AP|AFP|Reuters|Getty)\s+(?:Photo|Images)\s*/\s*[^\n,;)]{0,60}"
    r"|\b(?:photo|photograph|image|credit)\s*(?::|by)\s*[^\n.;)]{0,60})",
    re.IGNORECASE,
)
_MAX_CREDIT_PARAGRAPH = 320


def is_credit_sentence(sentence: str) -> bool:
    """A byline line or a sentence that credits reporting ("Editing by ...")."""
    return bool(BYLINE.match(sentence) or CREDIT.search(sentence))


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Sorted (start, end) spans of credit paragraphs and photo credits in `text`."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for block in text.split("\n\n"):
        stripped = block.strip()
        if (
            stripped
            and len(stripped) <= _MAX_CREDIT_PARAGRAPH
            and _CREDIT_PARAGRAPH.search(stripped)
        ):
            spans.append((pos, pos + len(block)))
        else:
            spans.extend((pos + m.start(), pos + m.end()) for m in _PHOTO_CREDIT.finditer(block))
        pos += len(block) + 2
    return spans
