"""Find text the way a reader expects: any case, curly or straight quotes, across line breaks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.library.models import ArticleRef
from reader.text.quotes import normalize_quotes


def fold(text: str) -> str:
    """Lower-case with straight quotes, keeping every character at its offset."""
    text = normalize_quotes(text)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower-case to two (for example "İ"); keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def find_matches(text: str, query: str, limit: int = 10_000) -> list[tuple[int, int]]:
    """(start, end) of each non-overlapping match of `query` in `text`.

    Whitespace in the query matches any run of whitespace, so a phrase is found
    across a line break in the source.
    """
    words = fold(query).split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    matches: list[tuple[int, int]] = []
    for match in pattern.finditer(fold(text)):
        matches.append(match.span())
        if len(matches) >= limit:
            break
    return matches


def haystack(ref: ArticleRef) -> str:
    """What the list filter looks in: title, byline, source, file name and folder, folded."""
    return fold(" ".join((ref.title, ref.byline or "", ref.source or "", ref.path.name, ref.group)))


def filter_refs(
    refs: Sequence[ArticleRef], query: str, haystacks: Sequence[str] | None = None
) -> list[ArticleRef]:
    """The refs whose haystack contains every word of `query` (pass `haystacks` to reuse)."""
    words = fold(query).split()
    if not words:
        return list(refs)
    if haystacks is None:
        haystacks = [haystack(ref) for ref in refs]
    return [ref for ref, text in zip(refs, haystacks, strict=True) if all(w in text for w in words)]
