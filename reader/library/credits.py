"""Credit lines: photo credits closing a caption, and the contributor lines of wire copy."""

from __future__ import annotations

import re

# Credits that close a caption. Each is tried only on the tail it could match, because a
# search from every position of every line is the slow part of judging a line.
_PAREN_CREDIT = re.compile(
    r"\((?:[^()]{0,80}[/|]\s*)?(?:getty\ images|ap\ photo|ap|afp|reuters|epa|shutterstock"
    r"|alamy|bloomberg|file\ photo|handout)\)$|\([^()]{0,60}\bphoto(?:graph)?s?\b[^()]{0,60}\)$",
    re.X | re.I,
)
_LABEL_CREDIT = re.compile(r"\b(?:photo(?:graph)?|image|credit|picture)s?\s*:\s*[^.:]{2,80}$", re.I)
_AGENCY_CREDIT = re.compile(
    r"\b[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3}\s*/\s*(?:Getty\ Images|AP|AFP|Reuters|EPA"
    r"|Shutterstock|Alamy|Bloomberg)\b\S{0,30}$",
    re.X | re.I,
)
_CREDIT_WORDS = ("photo", "image", "credit", "picture")


def credit_tail(s: str, low: str) -> bool:
    s = s.rstrip()
    if s.endswith(")"):
        tail = s[s.rfind("(") :]
        if _PAREN_CREDIT.search(tail) or _NAME_SLASH_CREDIT.search(tail):
            return True
    if ":" in s and any(w in low for w in _CREDIT_WORDS) and _LABEL_CREDIT.search(s):
        return True
    return "/" in s and _AGENCY_CREDIT.search(s[-120:]) is not None


# "(Ines Vardy/Eastbrook Gazette)" closing a caption: a name, a slash, an organisation.
_NAME_SLASH_CREDIT = re.compile(
    r"\(\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][^()]{1,60}\)\s*$"
)


# "(Reporting by A in London; Additional reporting by B; Editing by C)" closing wire copy.
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
