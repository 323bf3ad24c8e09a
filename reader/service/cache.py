"""On-disk analysis cache: one JSON file per article and options, written atomically."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from pathlib import Path

from reader.analysis.models import ANALYSIS_VERSION, Analysis, well_formed
from reader.files import (
    NotRegularFile,
    loads_json,
    read_limited,
    sweep_temp_files,
    write_via_rename,
)

MAX_BYTES = 64 * 1024 * 1024
"""Past this total size the least recently used entries are deleted (down to 3/4 of it)."""
MAX_ENTRY_BYTES = 16 * 1024 * 1024
"""A larger entry is discarded (a real one is a few hundred KB at most)."""
EVICT_EVERY = 64
"""Writes between two size checks (the first write of a process always checks)."""

_warned: set[str] = set()
_lock = threading.Lock()
_writes: dict[str, int] = {}
"""Writes per cache folder in this process: caches are made per call, the count is not."""


def cache_key(
    text: str,
    article_id: str,
    algorithm: str,
    sentences: int,
    model: str,
    words: int | None = None,
) -> str:
    """Key of one analysis: the exact text (offsets depend on it), version, options, model."""
    h = hashlib.blake2b(digest_size=16)
    length = f"{words}w" if words else str(sentences)
    for part in (article_id, str(ANALYSIS_VERSION), algorithm, length, model):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class AnalysisCache:
    """A folder of `<key>.json` files; every failure degrades to a cache miss."""

    def __init__(self, directory: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> None:
        self.directory = Path(directory)
        self.max_bytes = max_bytes
        self.notices: list[str] = []

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Analysis | None:
        """The cached analysis for `key`, or None when absent, unreadable or corrupt."""
        path = self._path(key)
        try:
            raw, more = read_limited(path, MAX_ENTRY_BYTES)
        except NotRegularFile:  # a FIFO or a device in its place: never opened for reading
            self._discard(path)
            return None
        except OSError:
            return None
        try:
            if more:
                raise ValueError("entry too large")
            data = loads_json(raw)  # TooDeep (a ValueError) for data nested too deep
            if data.get("key") != key or data.get("version") != ANALYSIS_VERSION:
                raise ValueError("stale entry")
            analysis = Analysis.from_dict(data["analysis"])
            if not well_formed(analysis):
                raise TypeError("a field of the wrong type")
        except (ValueError, KeyError, TypeError, AttributeError):
            self._discard(path)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used entries survive eviction
        return analysis

    def put(self, key: str, analysis: Analysis) -> bool:
        """Store `analysis`; returns False (with one notice) when the folder is unwritable."""
        path = self._path(key)
        payload = json.dumps(
            {"key": key, "version": ANALYSIS_VERSION, "analysis": analysis.to_dict()},
            ensure_ascii=False,
        )
        try:
            write_via_rename(path, payload.encode("utf-8"), "tmp", suffix=".json")
        except OSError as exc:
            self._warn(exc)
            return False
        with _lock:
            count = _writes.get(str(self.directory), 0)
            _writes[str(self.directory)] = count + 1
        if count % EVICT_EVERY == 0:
            self.evict()
        return True

    def _warn(self, exc: OSError) -> None:
        where = str(self.directory)
        with _lock:
            if where in _warned:
                return
            _warned.add(where)
        reason = exc.strerror or type(exc).__name__
        self.notices.append(
            f"cannot write the analysis cache in {where} ({reason}); "
            "results will not be kept (set --cache-dir or READER_CACHE_DIR)"
        )

    @staticmethod
    def _discard(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()

    def evict(self) -> None:
        """Delete least recently used entries while the cache is over its size bound."""
        entries = []
        try:
            for sub in self.directory.iterdir():
                if sub.is_dir():
                    sweep_temp_files(sub, "tmp")  # left by a writer killed mid-write
                    for f in sub.glob("*.json"):
                        st = f.stat()
                        entries.append((st.st_mtime, st.st_size, f))
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        entries.sort(key=lambda e: e[0])
        for _, size, f in entries:
            if total <= self.max_bytes * 3 // 4:
                break
            self._discard(f)
            total -= size
