"""Find articles under files and folders: list them from a peek, never by reading whole bodies."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.library.loaders import FORMATS, NOT_ARTICLES, decode_article_bytes, format_for
from reader.library.models import ArticleLoadError, ArticleRef, LoadError, ScanResult

PEEK_BYTES = 4096
"""Enough of a text article for its title, byline and date lines."""
PEEK_HTML_BYTES = 32768
"""HTML heads carry scripts and styles before the <meta> tags we want."""


def scan(paths: Iterable[Path]) -> ScanResult:
    """Every article under `paths` (files or folders), sorted, with one error per bad file."""
    result = ScanResult()
    for item in iter_scan(paths):
        if isinstance(item, ArticleRef):
            result.refs.append(item)
        else:
            result.errors.append(item)
    return result


def iter_scan(paths: Iterable[Path]) -> Iterator[ArticleRef | LoadError]:
    """Yield refs and errors as they are found, so a long list can fill in progressively.

    Folders are walked recursively in name order; hidden files and folders and files
    with unsupported extensions are skipped; a folder reached twice (a symlink loop or
    a second link to it) is walked once. Files named directly are always tried.
    """
    seen: set[tuple[int, int]] = set()
    for root in paths:
        root = Path(root)
        group = str(root)
        try:
            st = os.stat(root)
        except OSError as exc:
            reason = "broken symbolic link" if root.is_symlink() else _os_reason(exc)
            yield LoadError(root, reason)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(root, group, seen)
        else:
            yield _peek_or_error(root, group, st, explicit=True)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read ({(exc.strerror or str(exc)).lower()})"


def _sort_key(entry: os.DirEntry) -> tuple[str, str]:
    return (entry.name.casefold(), entry.name)


def _walk(
    directory: Path, group: str, seen: set[tuple[int, int]]
) -> Iterator[ArticleRef | LoadError]:
    try:
        st = os.stat(directory)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(directory) as it:
            entries = sorted(it, key=_sort_key)
    except OSError as exc:
        yield LoadError(directory, _os_reason(exc))
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, group, seen)
            continue
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in FORMATS:
            continue
        try:
            st = entry.stat()
        except OSError as exc:
            broken = isinstance(exc, FileNotFoundError) and entry.is_symlink()
            yield LoadError(path, "broken symbolic link" if broken else _os_reason(exc))
            continue
        yield _peek_or_error(path, group, st, explicit=False)


def _peek_or_error(
    path: Path, group: str, st: os.stat_result, explicit: bool
) -> ArticleRef | LoadError:
    try:
        return peek_ref(path, group=group, st=st)
    except ArticleLoadError as exc:
        return LoadError(path, exc.reason)


def peek_ref(path: Path, group: str = "", st: os.stat_result | None = None) -> ArticleRef:
    """An ArticleRef from the first few KB of a file: title, date and source, cheaply.

    Raises ArticleLoadError for files the loader would refuse (binary, empty, unreadable).
    """
    path = Path(path)
    fmt = format_for(path)
    suffix = path.suffix.lower()
    if fmt is None and suffix in NOT_ARTICLES:
        raise ArticleLoadError(path, f"not a supported article format ({suffix})")
    limit = PEEK_HTML_BYTES if fmt == "html" else PEEK_BYTES
    try:
        if st is None:
            st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise ArticleLoadError(path, "is a folder, not an article file")
        if not stat.S_ISREG(st.st_mode):
            raise ArticleLoadError(path, "not a regular file")
        with open(path, "rb") as fh:
            raw = fh.read(limit)
    except OSError as exc:
        raise ArticleLoadError(path, _os_reason(exc)) from None
    truncated = st.st_size > len(raw)
    text = decode_article_bytes(path, raw, truncated, fmt)
    if truncated and fmt != "html":
        cut = text.rfind("\n")
        text = text[:cut] if cut > 0 else text
    if fmt is None:
        from reader.library.loaders import sniff_format

        fmt = sniff_format(text)
    title, published, source = _peek_meta(text, fmt)
    if not title:
        from reader.library.plain import fallback_title

        title = fallback_title(path)
    return ArticleRef(
        path=path,
        format=fmt,
        title=" ".join(title.split()),
        published=published,
        source=source,
        group=group,
        size=st.st_size,
        mtime=st.st_mtime,
    )


def _peek_meta(text: str, fmt: str) -> tuple[str | None, str | None, str | None]:
    if fmt == "html":
        from reader.library.htmlpage import page_meta

        meta = page_meta(text)
        return meta.title, meta.published, meta.source
    from reader.library.plain import parse_markdown, parse_plain

    header, _ = parse_markdown(text) if fmt == "md" else parse_plain(text)
    return header.title, header.published, header.source
