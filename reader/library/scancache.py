"""Remembered folder-scan peeks, so re-opening a large library costs a stat per file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.files import loads_json, read_text, sweep_temp_files, write_via_rename
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
        try:
            # ASCII escapes: a file name that is not UTF-8 (lone surrogates) survives.
            payload = json.dumps({"version": PEEK_VERSION, "entries": entries})
            write_via_rename(self.file, payload.encode("ascii"), "scan")
            self._dirty = False
        except (OSError, ValueError, TypeError):
            pass  # left dirty: the next save tries again, and a scan without it still works


def _valid(entry: object) -> bool:
    """An entry of the shape `put` writes: [size, mtime_ns, format, title, date, source, byline]."""
    if not isinstance(entry, list) or len(entry) != 7:
        return False
    size, mtime, fmt, title, *optional = entry
    numbers = all(isinstance(v, int) and not isinstance(v, bool) for v in (size, mtime))
    texts = isinstance(fmt, str) and isinstance(title, str)
    return numbers and texts and all(v is None or isinstance(v, str) for v in optional)
