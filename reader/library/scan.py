"""Find articles under files and folders: list them from a peek, never by reading whole bodies."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.files import NotRegularFile, read_limited
from reader.library.loaders import (
    FORMATS,
    NOT_ARTICLES,
    decode_article_bytes,
    format_for,
    os_reason,
)
from reader.library.models import ArticleLoadError, ArticleRef, LoadError, ScanResult
from reader.library.scancache import ScanCache
from reader.text.unsafe import sanitize

PEEK_BYTES = 2048
"""Enough of a text article for its title, byline and date lines."""
PEEK_HTML_BYTES = 16384
"""HTML heads carry scripts and styles before the <meta> tags we want."""


def scan(paths: Iterable[Path], cache: ScanCache | None = None) -> ScanResult:
    """Every article under `paths` (files or folders), sorted, with one error per bad file.

    With a `cache`, unchanged files are listed from it and the cache is saved afterwards.
    """
    result = ScanResult()
    for item in iter_scan(paths, cache):
        if isinstance(item, ArticleRef):
            result.refs.append(item)
        else:
            result.errors.append(item)
    return result


def iter_scan(
    paths: Iterable[Path], cache: ScanCache | None = None
) -> Iterator[ArticleRef | LoadError]:
    """Yield refs and errors as they are found, so a long list can fill in progressively.

    Folders are walked recursively in name order; hidden files and folders and files
    with unsupported extensions are skipped; a folder reached twice (a symlink loop or
    a second link to it) is walked once. Files named directly are always tried.
    The cache, if any, is saved when the iteration completes.
    """
    seen: set[tuple[int, int]] = set()
    for root in paths:
        root = Path(root)
        group = str(root)
        try:
            st = os.stat(root)
        except OSError as exc:
            reason = "broken symbolic link" if root.is_symlink() else os_reason(exc)
            yield LoadError(root, reason)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(root, group, seen, cache)
        else:
            yield _peek_or_error(root, group, st, cache)
    if cache is not None:
        cache.save()


def _sort_key(entry: os.DirEntry) -> tuple[str, str]:
    return (entry.name.casefold(), entry.name)


def _walk(
    directory: Path, group: str, seen: set[tuple[int, int]], cache: ScanCache | None
) -> Iterator[ArticleRef | LoadError]:
    """Depth first in name order, with a stack rather than recursion (trees can be deep)."""
    stack: list[Iterator[os.DirEntry]] = []
    listed = _list_folder(directory, seen)
    if isinstance(listed, LoadError):
        yield listed
        return
    stack.append(iter(listed))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if is_dir:
            listed = _list_folder(path, seen)
            if isinstance(listed, LoadError):
                yield listed
            else:
                stack.append(iter(listed))
            continue
        if os.path.splitext(entry.name)[1].lower() not in FORMATS:
            continue
        try:
            st = entry.stat()
        except OSError as exc:
            broken = isinstance(exc, FileNotFoundError) and entry.is_symlink()
            yield LoadError(path, "broken symbolic link" if broken else os_reason(exc))
            continue
        yield _peek_or_error(path, group, st, cache)


def _list_folder(directory: Path, seen: set[tuple[int, int]]) -> list[os.DirEntry] | LoadError:
    """The visible entries of a folder in name order; [] for one already walked."""
    try:
        st = os.stat(directory)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return []
        seen.add(key)
        with os.scandir(directory) as it:
            return sorted((e for e in it if not e.name.startswith(".")), key=_sort_key)
    except OSError as exc:
        return LoadError(directory, os_reason(exc))


def _peek_or_error(
    path: Path, group: str, st: os.stat_result, cache: ScanCache | None
) -> ArticleRef | LoadError:
    if cache is not None and (hit := cache.get(path, group, st)) is not None:
        return hit
    try:
        ref = peek_ref(path, group=group, st=st)
    except ArticleLoadError as exc:
        return LoadError(path, exc.reason)
    except Exception as exc:  # a bug met on one file must not empty the whole list
        return LoadError(path, f"cannot open ({type(exc).__name__}: {exc})")
    if cache is not None:
        cache.put(ref, st)
    return ref


def peek_ref(path: Path, group: str = "", st: os.stat_result | None = None) -> ArticleRef:
    """An ArticleRef from the first few KB of a file: title, byline, date and source, cheaply.

    Raises ArticleLoadError for files the loader would refuse (binary, empty, unreadable).
    """
    if not isinstance(path, Path):
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
        raw, truncated = read_limited(path, limit)
    except NotRegularFile:
        raise ArticleLoadError(path, "not a regular file") from None
    except OSError as exc:
        raise ArticleLoadError(path, os_reason(exc)) from None
    text = decode_article_bytes(path, raw, truncated, fmt, clean=False)
    if truncated and fmt != "html":
        cut = text.rfind("\n")
        text = text[:cut] if cut > 0 else text
    if fmt is None:
        from reader.library.loaders import sniff_format

        fmt = sniff_format(text)
    title, byline, published, source = _peek_meta(text, fmt)
    if not title:
        from reader.library.plain import fallback_title

        title = fallback_title(path)
    return ArticleRef(
        path=path,
        format=fmt,
        title=" ".join(sanitize(title).split()),
        published=published,
        source=source,
        group=group,
        size=st.st_size,
        mtime=st.st_mtime,
        byline=_one_line(byline),
    )


def _one_line(value: str | None) -> str | None:
    return (" ".join(sanitize(value).split()) or None) if value else None


def _head_lines(text: str, max_lines: int = 30) -> str:
    """The top of a text article: up to its second long line, where the body has begun."""
    kept: list[str] = []
    long_lines = 0
    for line in text.split("\n", 200)[:200]:
        kept.append(line)
        if len(line) > 200:
            long_lines += 1
        if long_lines >= 2 or len(kept) >= max_lines and line.strip():
            break
    return "\n".join(kept)


def _peek_meta(text: str, fmt: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Title, byline, date and source from the top of a file, the way the loader finds them."""
    if fmt == "html":
        from reader.library.htmlmeta import page_meta

        meta = page_meta(text, byline=True)
        return meta.title, meta.byline, meta.published, meta.source
    from reader.library.dates import parse_date
    from reader.library.markdown import front_matter, markdown_units
    from reader.library.meta import Header, extract_header
    from reader.library.plain import apply_front, dateline_agency, take_site_suffix
    from reader.library.stamps import dateline_date

    text = sanitize(_head_lines(text, 40))
    fields: dict[str, str] = {}
    if fmt == "md":
        fields, text = front_matter(text)
        title = fields.get("title") or fields.get("headline")
        date = parse_date(fields.get("date") or fields.get("published") or "")
        if title and date and any(fields.get(k) for k in _AUTHOR_FIELDS):
            quick = Header()
            apply_front(quick, fields)
            take_site_suffix(quick)
            return quick.title, quick.byline, quick.published, quick.source
        units, headings = markdown_units(text)
    else:
        # Lines as they are: re-joining hard-wrapped paragraphs costs more than the title
        # and date it could change.
        units = [" ".join(ln.split()) for ln in text.split("\n") if ln.strip()]
        headings = set()
    header = extract_header(units, headings, quick=True)
    apply_front(header, fields)
    take_site_suffix(header)
    body = [u for i, u in enumerate(units) if i not in header.consumed]
    if header.published is None:
        header.published = next((d for u in body[:2] if (d := dateline_date(u))), None)
    if header.source is None:
        header.source = next((a for u in body[:2] if (a := dateline_agency(u))), None)
    return header.title, header.byline, header.published, header.source


_AUTHOR_FIELDS = ("author", "authors", "byline", "by")
"""Front-matter keys `apply_front` takes the byline from."""


def check_root(root: Path) -> str | None:
    """Why `root` cannot open as a library, or None when it can.

    A folder passes as soon as one article-like file is seen under it; a single file is
    loaded, so an unusable one is refused before any window opens.
    """
    from reader.library.loaders import load_article

    root = Path(root)
    if not os.path.lexists(root):
        return "no such file or directory"
    if root.is_dir():
        return None if _first_article(root, set()) else "no articles found (.txt, .md, .html)"
    try:
        load_article(root)
    except ArticleLoadError as exc:
        return exc.reason
    return None


def _first_article(directory: Path, seen: set[tuple[int, int]]) -> bool:
    """Whether an article-like file lies anywhere under `directory` (breadth first)."""
    folders = [directory]
    while folders:
        listed = _list_folder(folders.pop(0), seen)
        if isinstance(listed, LoadError):
            continue
        for entry in listed:
            try:
                if entry.is_dir():
                    folders.append(Path(entry.path))
                    continue
            except OSError:
                continue
            if os.path.splitext(entry.name)[1].lower() in FORMATS:
                return True
    return False
