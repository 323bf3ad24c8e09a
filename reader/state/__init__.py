"""Reading state: read marks, positions and preferences in SQLite, safe against kills and races."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.files import is_regular_or_absent
from reader.state.db import (
    ADOPT,
    BUSY_TIMEOUT_MS,
    LOOKUP,
    REASONS,
    SET_PREF,
    UPSERT,
    WRITE_TIMEOUT_MS,
    StateError,
    classify,
    connect,
    memory_copy,
    move_aside,
    prepare,
    salvage,
)


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader was in an article, independent of the window size."""

    paragraph: int
    """Index of the paragraph at the top of the view."""
    offset: float
    """Lines scrolled past the top of that paragraph."""


def path_key(path: str | os.PathLike) -> str:
    """The form paths are stored in (absolute, not resolved); `read_paths` returns these."""
    return os.path.abspath(os.fspath(path))


def _db_path(path: str | os.PathLike) -> str | bytes:
    """`path_key(path)` as SQLite can take it: a name that is not UTF-8 (it holds lone
    surrogates, which SQLite cannot encode) is kept as its bytes."""
    key = path_key(path)
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(key)
    return key


class ReadingState:
    """Per-article read marks and positions, plus preferences, kept as they change.

    Every write is one short transaction, so a kill loses at most the write in flight and two
    reader processes can share the file. I/O problems never raise: they set `warning` once
    and the store carries on in memory.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, warning: str | None = None
    ) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._warned: set[str] = set()
        self._closed = False
        self._unsaved: list[list[tuple[str, dict[str, Any]]]] = []
        """Writes the file was too busy to take, retried before the next one and at close."""
        self.on_warning: Callable[[str], None] | None = None
        """Called with each new warning as it happens (the reader shows it at once)."""
        self.path = path
        """The state file, or None when nothing is being saved."""
        self.warning = warning
        """A message to show the user once (see `pop_warning`), or None."""

    @classmethod
    def open(cls, path: Path | None) -> ReadingState:
        """Open (creating as needed) the store at `path`; None gives an unsaved in-memory one."""
        if path is None:
            return cls(memory_copy(None), None)
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return cls._unsaved(
                path, f"cannot write to {path.parent}; reading state will not be saved"
            )
        if path.is_dir():
            return cls._unsaved(
                path, f"state file {path} is a folder; reading state will not be saved"
            )
        if not is_regular_or_absent(path):  # SQLite would block on a FIFO
            return cls._unsaved(
                path, f"state file {path} is not a regular file; reading state will not be saved"
            )
        notice = None
        aside: Path | None = None
        for _attempt in range(2):
            conn = None
            try:
                conn = connect(str(path))
                prepare(conn)
                if aside is not None:
                    notice = _salvage_notice(aside, salvage(aside, conn))
                conn.execute(f"PRAGMA busy_timeout = {WRITE_TIMEOUT_MS}")
                return cls(conn, path, warning=notice)
            except (StateError, sqlite3.Error) as exc:
                if conn is not None:
                    conn.close()
                kind = getattr(exc, "kind", None) or classify(exc)
            if kind != "corrupt" or notice:
                reason = REASONS.get(kind, "cannot write to {dir}").format(dir=path.parent)
                return cls._unsaved(path, f"{reason}; reading state will not be saved")
            try:
                aside = move_aside(path)
                notice = f"state file was corrupt; moved aside to {aside}; starting fresh"
            except OSError:
                return cls(
                    memory_copy(None),
                    None,
                    f"state file {path} is corrupt and cannot "
                    "be moved aside; reading state will not be saved",
                )
        raise AssertionError("unreachable")

    @classmethod
    def _unsaved(cls, path: Path, warning: str) -> ReadingState:
        return cls(memory_copy(path), None, warning)

    @property
    def persistent(self) -> bool:
        """True while changes are being saved to disk."""
        return self.path is not None

    def pop_warning(self) -> str | None:
        """The pending warning, cleared so it is shown only once."""
        warning, self.warning = self.warning, None
        return warning

    # Articles

    def is_read(self, article_id: str, path: str | os.PathLike) -> bool:
        row = self._lookup("read", article_id, path)
        return bool(row and row[0])

    def set_read(self, article_id: str, path: str | os.PathLike, read: bool) -> None:
        self._upsert(article_id, path, {"read": int(bool(read))})

    def read_paths(self) -> set[str]:
        """Paths (see `path_key`) of the articles marked read, for list markers."""
        rows = self._read("SELECT path FROM articles WHERE read = 1", {})
        return {row[0] if isinstance(row[0], str) else os.fsdecode(row[0]) for row in rows}

    def position(self, article_id: str, path: str | os.PathLike) -> Position | None:
        row = self._lookup("para, scroll", article_id, path)
        if not row or row[0] is None:
            return None
        return Position(int(row[0]), float(row[1] or 0.0))

    def set_position(
        self, article_id: str, path: str | os.PathLike, paragraph: int, offset: float
    ) -> None:
        """Saved at once: one UPSERT, well under a millisecond in WAL mode."""
        self._upsert(article_id, path, {"para": int(paragraph), "scroll": float(offset)})

    def last_article(self) -> tuple[str, str] | None:
        value = self.get("last_article")
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
            return value[0], value[1]
        return None

    def set_last_article(self, article_id: str, path: str | os.PathLike) -> None:
        """Remember the open article; also records its current path for `read_paths`."""
        params = {"id": article_id, "path": _db_path(path), "now": time.time()}
        value = json.dumps([article_id, path_key(path)])
        self._write(
            [
                (ADOPT, params),
                (
                    "INSERT INTO articles (id, path, updated) VALUES (:id, :path, :now) "
                    "ON CONFLICT (id) DO UPDATE SET path = excluded.path",
                    params,
                ),
                (SET_PREF, {"key": "last_article", "value": value}),
            ]
        )

    # Preferences

    def get(self, key: str, default: Any = None) -> Any:
        """A preference as stored by `set`, or `default` when unset or unreadable."""
        rows = self._read("SELECT value FROM prefs WHERE key = :key", {"key": key})
        if not rows:
            return default
        try:
            return json.loads(rows[0][0])
        except ValueError:
            return default

    def set(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value (TypeError otherwise: that is a programming error)."""
        self._write([(SET_PREF, {"key": key, "value": json.dumps(value)})])

    @property
    def unsaved(self) -> int:
        """Changes waiting for a busy state file."""
        return len(self._unsaved)

    def retry(self, timeout_ms: int | None = None) -> bool:
        """Try again to save the changes a busy file refused; True when none is left."""
        with self._lock:
            if self._closed or not self._unsaved:
                return not self._unsaved
            if timeout_ms is not None:
                self._conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
            try:
                self._flush_unsaved()
            except sqlite3.Error as exc:
                if classify(exc) != "busy":
                    self._write_failed(exc, [])
            finally:
                if timeout_ms is not None:
                    self._conn.execute(f"PRAGMA busy_timeout = {WRITE_TIMEOUT_MS}")
            return not self._unsaved

    def close(self) -> None:
        if self._unsaved and not self.retry(BUSY_TIMEOUT_MS):
            self._warn("lost", f"{len(self._unsaved)} change(s) to the reading state were lost: "
                       "the state file stayed busy")  # fmt: skip
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    # Internals

    def _lookup(self, cols: str, article_id: str, path: str | os.PathLike) -> tuple | None:
        rows = self._read(LOOKUP.format(cols=cols), {"id": article_id, "path": _db_path(path)})
        return rows[0] if rows else None

    def _upsert(self, article_id: str, path: str | os.PathLike, values: dict[str, Any]) -> None:
        params = {"id": article_id, "path": _db_path(path), "now": time.time(), **values}
        sql = UPSERT.format(
            cols=", ".join(values),
            vals=", ".join(f":{k}" for k in values),
            sets=", ".join(f"{k} = excluded.{k}" for k in values),
        )
        self._write([(ADOPT, params), (sql, params)])

    def _read(self, sql: str, params: dict[str, Any]) -> list[tuple]:
        with self._lock:
            if self._closed:
                return []
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                self._warn("read", f"cannot read the reading state ({exc})")
                return []

    def _write(self, statements: list[tuple[str, dict[str, Any]]]) -> None:
        with self._lock:
            if self._closed:
                return
            try:
                self._flush_unsaved()
                self._transaction(statements)
            except sqlite3.Error as exc:
                self._write_failed(exc, statements)

    def _flush_unsaved(self) -> None:
        while self._unsaved:
            self._transaction(self._unsaved[0])
            self._unsaved.pop(0)

    def _transaction(self, statements: list[tuple[str, dict[str, Any]]]) -> None:
        # BEGIN IMMEDIATE takes the write lock first, so no other process can interleave.
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            for sql, params in statements:
                self._conn.execute(sql, params)
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            raise

    def _write_failed(self, exc: sqlite3.Error, statements: list) -> None:
        kind = classify(exc)
        if kind == "busy":
            if statements:
                self._unsaved.append(statements)
            self._warn(kind, "the state file is busy (another program is writing to it); "
                       "changes are kept and saved when it is free")  # fmt: skip
            return
        where = self.path.parent if self.path else "the state file"
        reason = REASONS.get(kind, "cannot write to {dir}").format(dir=where)
        self._warn(kind, f"{reason}; reading state will not be saved from now on")
        # Carry on in memory with everything saved so far, so this session stays consistent.
        old = self._conn
        self._conn = memory_copy(old)
        self.path = None
        unsaved, self._unsaved = self._unsaved, []
        try:
            old.close()
            for pending in [*unsaved, statements]:
                if pending:
                    self._transaction(pending)
        except sqlite3.Error:
            pass

    def _warn(self, kind: str, message: str) -> None:
        if kind not in self._warned:
            self._warned.add(kind)
            self.warning = message
            if self.on_warning is not None:
                self.warning = None
                self.on_warning(message)


def _salvage_notice(aside: Path, kept: dict[str, int]) -> str:
    head = f"state file was corrupt; moved aside to {aside}"
    if not any(kept.values()):
        return f"{head}; starting fresh (nothing in it could be read)"
    return (
        f"{head}; kept {kept['articles']} article record(s) and {kept['prefs']} "
        "setting(s) that still read back"
    )
