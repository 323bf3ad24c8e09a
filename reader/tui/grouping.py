"""How the list orders and groups articles: by library folder, then by subfolder."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from reader.library.models import ArticleRef

FILES = "Files"
"""The group of files given one by one (each is its own library root)."""


def unusable_ref(ref: ArticleRef, reason: str) -> ArticleRef:
    """`ref` listed as a file that cannot be opened (× in the list; opening it says why)."""
    return replace(ref, format="error", title=f"{ref.path.name} (cannot open)", source=reason)


def folder_of(ref: ArticleRef) -> tuple[str, ...]:
    """The group a ref is listed under: its library root's name, then each subfolder."""
    parent, name = os.path.split(os.fspath(ref.path))
    if ref.group.endswith(name) and Path(ref.group) == ref.path:  # a file given by itself
        return (FILES,)
    return _folder(ref.group, parent)


@lru_cache(maxsize=4096)
def _folder(group: str, parent: str) -> tuple[str, ...]:
    """`folder_of` for the files in `parent` (a library has far fewer folders than files,
    and the list asks for every file's folder each time it is shown)."""
    root = Path(group or parent)
    try:
        inner = Path(parent).relative_to(root).parts
    except ValueError:
        inner = ()
    return (root.name or str(root), *inner)


SORTS = ("folder", "date", "title")
"""The list's orders: as the folders give them, newest first, or by title."""


def sorted_refs(refs: Iterable[ArticleRef], order: str) -> list[ArticleRef]:
    """`refs` in `order` (see SORTS); an article without a date goes after the dated ones."""
    refs = list(refs)
    if order == "date":
        dated = sorted((r for r in refs if r.published), key=lambda r: r.published, reverse=True)
        return dated + [r for r in refs if not r.published]
    if order == "title":
        return sorted(refs, key=lambda r: (r.title or r.path.name).casefold())
    return refs


def in_groups(refs: Iterable[ArticleRef]) -> list[ArticleRef]:
    """Refs ordered so that each folder's articles stand together (roots in the order
    given, a folder's own files before its subfolders), keeping the order within a folder."""
    refs = list(refs)
    roots: dict[str, int] = {}
    for ref in refs:
        roots.setdefault(ref.group, len(roots))
    return sorted(refs, key=lambda r: (roots[r.group], folder_of(r)[1:]))


def appended(grouped: Sequence[ArticleRef], more: Iterable[ArticleRef]) -> list[ArticleRef] | None:
    """`more` in the order `in_groups` gives them after `grouped` (refs already in groups),
    or None when some of them would go in between (the whole list is grouped again)."""
    more = list(more)
    roots: dict[str, int] = {}
    for ref in itertools.chain(grouped, more):
        roots.setdefault(ref.group, len(roots))

    def key(ref: ArticleRef) -> tuple[int, tuple[str, ...]]:
        return roots[ref.group], folder_of(ref)[1:]

    ordered = sorted(more, key=key)
    if grouped and ordered and key(ordered[0]) < key(grouped[-1]):
        return None
    return ordered


def headers(refs: Sequence[ArticleRef]) -> list[tuple[int, tuple[str, ...]]]:
    """(index of the first ref, folder) wherever a new folder starts in `refs`."""
    found: list[tuple[int, tuple[str, ...]]] = []
    last: tuple[str, ...] | None = None
    for index, ref in enumerate(refs):
        folder = folder_of(ref)
        if folder != last:
            found.append((index, folder))
            last = folder
    return found


def shared_depth(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many leading folder names `a` and `b` have in common."""
    depth = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        depth += 1
    return depth
