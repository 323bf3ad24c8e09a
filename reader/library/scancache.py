"""Remembered folder-scan peeks, so re-opening a large library costs a stat per file."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from reader.files import loads_json, read_text, sweep_temp_files, temp_prefix
from reader.library.models import ArticleRef

PEEK_VERSION = 2
"""Bump when peeking would give a different title, byline, date or source for the same file."""
MAX_ENTRIES = 200_000
MAX_FILE_BYTES = 256 * 1024 * 1024
"""A larger cache file is not read (it is rebuilt)."""


class ScanCache:
    """Title, byline, date and source per file path, valid while the file's size and mtime hold.

    A missing, unreadable or corrupt cache file is treated as empty; saving is
    best-effort (atomic replace) and never raises: the cache is an optimisation.
    """

    def __init__(self, file: Path | None = None) -> None:
        self.file = file
        self._entries: dict[str, list] = {}
        self._seen: set[str] = set()
        self._dirty = False
        if file is not None:
            self._load(file)

    def _load(self, file: Path) -> None:
        sweep_temp_files(file.parent, "scan")  # left by a reader killed while saving
        try:
            data = loads_json(read_text(file, MAX_FILE_BYTES))
        except (OSError, ValueError):  # UnicodeDecodeError and TooDeep are ValueErrors
            return
        if isinstance(data, dict) and data.get("version") == PEEK_VERSION:
            entries = data.get("entries")
            if isinstance(entries, dict):
                self._entries = entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, path: Path, group: str, st: os.stat_result) -> ArticleRef | None:
        key = str(path)
        entry = self._entries.get(key)
        if not _valid(entry) or entry[0] != st.st_size or entry[1] != st.st_mtime_ns:
            return None
        self._seen.add(key)
        _, _, fmt, title, published, source, byline = entry
        return ArticleRef(
            path=path,
            format=fmt,
            title=title,
            published=published,
            source=source,
            group=group,
            size=st.st_size,
            mtime=st.st_mtime,
            byline=byline,
        )

    def put(self, ref: ArticleRef, st: os.stat_result) -> None:
        key = str(ref.path)
        self._entries[key] = [
            st.st_size, st.st_mtime_ns, ref.format, ref.title, ref.published, ref.source,
            ref.byline,
        ]  # fmt: skip
        self._seen.add(key)
        self._dirty = True

    def save(self) -> None:
        if self.file is None or not self._dirty:
            return
        entries = self._entries
        if len(entries) > MAX_ENTRIES:
            entries = {k: v for k, v in entries.items() if k in self._seen}
        tmp = None
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=temp_prefix("scan"), dir=self.file.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                # ASCII escapes: a file name that is not UTF-8 (lone surrogates) survives.
                json.dump({"version": PEEK_VERSION, "entries": entries}, fh)
            os.replace(tmp, self.file)
            self._dirty = False
        except (OSError, ValueError, TypeError):
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def _valid(entry: object) -> bool:
    """An entry of the shape `put` writes: [size, mtime_ns, format, title, date, source, byline]."""
    if not isinstance(entry, list) or len(entry) != 7:
        return False
    size, mtime, fmt, title, *optional = entry
    numbers = all(isinstance(v, int) and not isinstance(v, bool) for v in (size, mtime))
    texts = isinstance(fmt, str) and isinstance(title, str)
    return numbers and texts and all(v is None or isinstance(v, str) for v in optional)
