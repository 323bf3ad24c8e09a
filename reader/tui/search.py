"""Find text the way a reader expects: any case, any accents, curly or straight quotes, across
line breaks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from reader.library.models import ArticleRef
from reader.text.quotes import normalize_quotes


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """One character lower-cased and without its accents ("Á" -> "a"), still one character."""
    lowered = c.lower()
    if len(lowered) != 1:  # a few lower-case to two (for example "İ"); keep those
        return c
    decomposed = unicodedata.normalize("NFD", lowered)
    return decomposed[0] if len(decomposed) > 1 else lowered


def fold(text: str) -> str:
    """Lower-case, accents removed and straight quotes, keeping every character at its offset."""
    text = normalize_quotes(text)
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def _without_marks(folded: str) -> tuple[str, list[int]]:
    """`folded` without combining marks (accents typed as their own character), and the
    offset in `folded` of each character kept."""
    if folded.isascii():
        return folded, list(range(len(folded)))
    kept = [i for i, c in enumerate(folded) if not unicodedata.combining(c)]
    return "".join(folded[i] for i in kept), kept


def find_matches(text: str, query: str, limit: int = 10_000) -> list[tuple[int, int]]:
    """(start, end) of each non-overlapping match of `query` in `text`.

    Whitespace in the query matches any run of whitespace, so a phrase is found
    across a line break in the source.
    """
    words = _without_marks(fold(query))[0].split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    folded = fold(text)
    plain, offsets = _without_marks(folded)
    matches: list[tuple[int, int]] = []
    for match in pattern.finditer(plain):
        start, end = offsets[match.start()], offsets[match.end() - 1] + 1
        while end < len(folded) and unicodedata.combining(folded[end]):
            end += 1  # the accent of the last letter belongs to the match
        matches.append((start, end))
        if len(matches) >= limit:
            break
    return matches


def fold_all(text: str) -> str:
    """`text` folded for the filter (offsets not kept)."""
    return _without_marks(fold(text))[0]


def haystack(ref: ArticleRef) -> str:
    """What the list filter looks in: title, byline, source, file name and folder, folded."""
    text = " ".join((ref.title, ref.byline or "", ref.source or "", ref.path.name, ref.group))
    return _without_marks(fold(text))[0]


def filter_refs(
    refs: Sequence[ArticleRef], query: str, haystacks: Sequence[str] | None = None
) -> list[ArticleRef]:
    """The refs whose haystack contains every word of `query` (pass `haystacks` to reuse)."""
    words = _without_marks(fold(query))[0].split()
    if not words:
        return list(refs)
    if haystacks is None:
        haystacks = [haystack(ref) for ref in refs]
    return [ref for ref, text in zip(refs, haystacks, strict=True) if all(w in text for w in words)]
