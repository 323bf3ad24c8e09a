"""The article model and the records a folder scan produces."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


def content_id(text: str) -> str:
    """A stable id derived from an article's cleaned text, so state follows a moved file."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=10).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded article: metadata plus the cleaned body text."""

    id: str
    """Content hash of the cleaned text (see `content_id`)."""
    path: Path
    format: str
    """"txt", "md" or "html"."""
    title: str
    byline: str | None
    published: str | None
    """ISO date, YYYY-MM-DD."""
    source: str | None
    """Site or publication name."""
    text: str
    """Cleaned body: no title, byline, date or page debris; paragraphs separated by a blank line."""
    notices: tuple[str, ...] = ()
    """Things a reader should know about the load (for example: truncated because too large)."""
    kinds: tuple[str, ...] = ()
    """What each of `paragraphs` is: "" prose, "heading" a subheading, "list" a list (one
    item a line), "table" a table (one row a line). Empty when the format does not say."""

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of each paragraph in `text`."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for block in self.text.split("\n\n"):
            if block.strip():
                spans.append((pos, pos + len(block)))
            pos += len(block) + 2
        return spans


class Block(str):
    """A body paragraph that remembers what kind of block it was (see `Article.kinds`)."""

    kind: str

    def __new__(cls, text: str, kind: str = "") -> Block:
        block = super().__new__(cls, text)
        block.kind = kind
        return block


def paragraph_kinds(blocks: list[str], text: str) -> tuple[str, ...]:
    """`Article.kinds` for `text`, the blocks joined: each block's kind for each paragraph
    it became (a kindless str counts as prose)."""
    kinds: list[str] = []
    for block in blocks:
        parts = [p for p in block.split("\n\n") if p.strip()]
        kinds += [getattr(block, "kind", "")] * len(parts)
    count = sum(1 for p in text.split("\n\n") if p.strip())
    if len(kinds) != count or not any(kinds):
        return ()
    return tuple(kinds)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """What the list needs to show an article without loading its body."""

    path: Path
    format: str
    title: str
    published: str | None = None
    source: str | None = None
    group: str = ""
    """The library root (folder given on the command line) this file was found under."""
    size: int = 0
    mtime: float = 0.0
    byline: str | None = None
    """The author names as the loaded article would show them (peeked from the file's top)."""


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be loaded, with a reason a person can act on."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ArticleLoadError(Exception):
    """Raised by loaders; its message is the one-line reason (the path is kept separately)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(slots=True)
class ScanResult:
    """Everything a folder scan found: articles to list and files it could not use."""

    refs: list[ArticleRef] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
