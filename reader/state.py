"""Reading state: read marks, positions and preferences in SQLite, safe against kills and races."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

BUSY_TIMEOUT_MS = 3000
"""How long a write waits for another reader process to finish its own (each is sub-ms)."""
SCHEMA_VERSION = 1
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_FULL_CODE = 13  # SQLITE_FULL
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    para INTEGER,
    scroll REAL,
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_path ON articles (path, updated);
CREATE TABLE IF NOT EXISTS prefs (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# A file whose content changed keeps its state: the newest row at the same path takes the new id.
_ADOPT = """
UPDATE articles SET id = :id WHERE rowid = (
    SELECT rowid FROM articles WHERE path = :path AND id <> :id ORDER BY updated DESC LIMIT 1)
  AND NOT EXISTS (SELECT 1 FROM articles WHERE id = :id)
"""
_UPSERT = """
INSERT INTO articles (id, path, {cols}, updated) VALUES (:id, :path, {vals}, :now)
ON CONFLICT (id) DO UPDATE SET path = excluded.path, {sets}, updated = excluded.updated
"""
# Found by id first (the file may have moved), else by path (its content may have changed).
_LOOKUP = """
SELECT {cols} FROM articles WHERE id = :id OR path = :path
ORDER BY id = :id DESC, updated DESC LIMIT 1
"""


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader was in an article, independent of the window size."""

    paragraph: int
    """Index of the paragraph at the top of the view."""
    offset: float
    """Lines scrolled past the top of that paragraph."""


class StateError(Exception):
    """Opening the file failed; `kind` says why ("corrupt", "full" or "readonly")."""

    def __init__(self, kind: str, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.kind = kind


def path_key(path: str | os.PathLike) -> str:
    """The form paths are stored in (absolute, not resolved); `read_paths` returns these."""
    return os.path.abspath(os.fspath(path))


def _kind(exc: BaseException) -> str:
    """Classify an sqlite3 or OS error: corrupt, full, busy or readonly (anything else)."""
    code = getattr(exc, "sqlite_errorcode", None)
    code = code & 0xFF if isinstance(code, int) else None
    message = str(exc).lower()
    if code in _CORRUPT_CODES or "malformed" in message or "not a database" in message:
        return "corrupt"
    if code == _FULL_CODE or "disk is full" in message or getattr(exc, "errno", None) == 28:
        return "full"
    if code in _BUSY_CODES or "locked" in message:
        return "busy"
    return "readonly"


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(
        target,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
        uri=uri,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _prepare(conn: sqlite3.Connection) -> None:
    """Create or check the schema; raise StateError for a file that cannot be used."""
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise StateError("corrupt", sqlite3.DatabaseError(f"quick_check: {row}"))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.executescript(_SCHEMA)
    except sqlite3.Error as exc:
        # SQLITE_ERROR here means tables of another shape: not a store this version can use.
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        raise StateError("corrupt" if code == 1 else _kind(exc), exc) from exc
    try:  # a database of another shape (not ours, or a future version) is unusable here
        conn.execute("SELECT id, path, read, para, scroll, updated FROM articles LIMIT 0")
        conn.execute("SELECT key, value FROM prefs LIMIT 0")
    except sqlite3.OperationalError as exc:
        raise StateError("corrupt", exc) from exc
    try:  # prove the file is writable now rather than at the first mark
        conn.execute(
            "INSERT INTO meta VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE "
            "SET value = excluded.value",
            (str(SCHEMA_VERSION),),
        )
    except sqlite3.Error as exc:
        raise StateError(_kind(exc), exc) from exc


def _move_aside(path: Path) -> Path:
    """Rename a corrupt state file (and its WAL companions) out of the way; return the new name."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    dest = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(dest.with_name(dest.name + suffix))
    path.replace(dest)
    return dest


def _copy_into(memory: sqlite3.Connection, source: sqlite3.Connection | Path) -> bool:
    if not isinstance(source, Path):
        source.backup(memory)
        return True
    if not source.is_file():
        return False
    # mode=ro needs the WAL index to be writable; immutable=1 does not (it skips the WAL).
    for flags in ("mode=ro", "immutable=1"):
        try:
            conn = _connect(f"file:{quote(str(source))}?{flags}", uri=True)
            try:
                conn.backup(memory)
                return True
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return False


def _memory_copy(source: sqlite3.Connection | Path | None) -> sqlite3.Connection:
    """A fresh in-memory store, holding what `source` had when it can still be read."""
    memory = _connect(":memory:")
    try:
        if source is not None:
            _copy_into(memory, source)
        memory.executescript(_SCHEMA)
        memory.execute("SELECT id, path, read, para, scroll, updated FROM articles LIMIT 0")
    except (sqlite3.Error, OSError):  # unreadable or of another shape: start empty
        memory.close()
        memory = _connect(":memory:")
        memory.executescript(_SCHEMA)
    return memory


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
        self.path = path
        """The state file, or None when nothing is being saved."""
        self.warning = warning
        """A message to show the user once (see `pop_warning`), or None."""

    @classmethod
    def open(cls, path: Path | None) -> ReadingState:
        """Open (creating as needed) the store at `path`; None gives an unsaved in-memory one."""
        if path is None:
            return cls(_memory_copy(None), None)
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return cls._unsaved(
                path, f"cannot write to {path.parent}; reading state will not be saved"
            )
        notice = None
        for _attempt in range(2):
            conn = None
            try:
                conn = _connect(str(path))
                _prepare(conn)
                return cls(conn, path, warning=notice)
            except (StateError, sqlite3.Error) as exc:
                if conn is not None:
                    conn.close()
                kind = getattr(exc, "kind", None) or _kind(exc)
            if kind != "corrupt" or notice:
                reason = _REASONS.get(kind, "cannot write to {dir}").format(dir=path.parent)
                return cls._unsaved(path, f"{reason}; reading state will not be saved")
            try:
                notice = (
                    f"state file was corrupt; moved aside to {_move_aside(path)}; starting fresh"
                )
            except OSError:
                return cls(
                    _memory_copy(None),
                    None,
                    f"state file {path} is corrupt and cannot "
                    "be moved aside; reading state will not be saved",
                )
        raise AssertionError("unreachable")

    @classmethod
    def _unsaved(cls, path: Path, warning: str) -> ReadingState:
        return cls(_memory_copy(path), None, warning)

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
        return {row[0] for row in rows}

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
        params = {"id": article_id, "path": path_key(path), "now": time.time()}
        value = json.dumps([article_id, params["path"]])
        self._write(
            [
                (_ADOPT, params),
                (
                    "INSERT INTO articles (id, path, updated) VALUES (:id, :path, :now) "
                    "ON CONFLICT (id) DO UPDATE SET path = excluded.path",
                    params,
                ),
                (_SET_PREF, {"key": "last_article", "value": value}),
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
        self._write([(_SET_PREF, {"key": key, "value": json.dumps(value)})])

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    # Internals

    def _lookup(self, cols: str, article_id: str, path: str | os.PathLike) -> tuple | None:
        rows = self._read(_LOOKUP.format(cols=cols), {"id": article_id, "path": path_key(path)})
        return rows[0] if rows else None

    def _upsert(self, article_id: str, path: str | os.PathLike, values: dict[str, Any]) -> None:
        params = {"id": article_id, "path": path_key(path), "now": time.time(), **values}
        sql = _UPSERT.format(
            cols=", ".join(values),
            vals=", ".join(f":{k}" for k in values),
            sets=", ".join(f"{k} = excluded.{k}" for k in values),
        )
        self._write([(_ADOPT, params), (sql, params)])

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
                self._transaction(statements)
            except sqlite3.Error as exc:
                self._write_failed(exc, statements)

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
        kind = _kind(exc)
        if kind == "busy":
            self._warn(kind, "another reader kept the state file busy; a change was not saved")
            return
        where = self.path.parent if self.path else "the state file"
        reason = _REASONS.get(kind, "cannot write to {dir}").format(dir=where)
        self._warn(kind, f"{reason}; reading state will not be saved from now on")
        # Carry on in memory with everything saved so far, so this session stays consistent.
        old = self._conn
        self._conn = _memory_copy(old)
        self.path = None
        try:
            old.close()
            self._transaction(statements)
        except sqlite3.Error:
            pass

    def _warn(self, kind: str, message: str) -> None:
        if kind not in self._warned:
            self._warned.add(kind)
            self.warning = message


_REASONS = {
    "full": "the disk is full",
    "corrupt": "the state file is damaged",
    "busy": "the state file is locked by another program",
}
_SET_PREF = (
    "INSERT INTO prefs (key, value) VALUES (:key, :value) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
