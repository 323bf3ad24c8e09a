"""SQLite plumbing for the reading state: connecting, checking, classifying errors, rescuing."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

BUSY_TIMEOUT_MS = 3000
"""How long opening, closing and retrying wait for another process to finish its write."""
WRITE_TIMEOUT_MS = 150
"""How long a write made while reading waits (each is sub-ms): past it, the write is kept
and retried later, so a busy file never freezes the screen."""
SCHEMA_VERSION = 1
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_FULL_CODE = 13  # SQLITE_FULL
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
SCHEMA = """
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
ADOPT = """
UPDATE articles SET id = :id WHERE rowid = (
    SELECT rowid FROM articles WHERE path = :path AND id <> :id ORDER BY updated DESC LIMIT 1)
  AND NOT EXISTS (SELECT 1 FROM articles WHERE id = :id)
"""
UPSERT = """
INSERT INTO articles (id, path, {cols}, updated) VALUES (:id, :path, {vals}, :now)
ON CONFLICT (id) DO UPDATE SET path = excluded.path, {sets}, updated = excluded.updated
"""
# Found by id first (the file may have moved), else by path (its content may have changed).
LOOKUP = """
SELECT {cols} FROM articles WHERE id = :id OR path = :path
ORDER BY id = :id DESC, updated DESC LIMIT 1
"""

REASONS = {
    "full": "the disk is full",
    "corrupt": "the state file is damaged",
    "busy": "the state file is locked by another program",
}
SET_PREF = (
    "INSERT INTO prefs (key, value) VALUES (:key, :value) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


class StateError(Exception):
    """Opening the file failed; `kind` says why ("corrupt", "full" or "readonly")."""

    def __init__(self, kind: str, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.kind = kind


def classify(exc: BaseException) -> str:
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


def connect(target: str, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(
        target,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
        uri=uri,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def prepare(conn: sqlite3.Connection) -> None:
    """Create or check the schema; raise StateError for a file that cannot be used."""
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise StateError("corrupt", sqlite3.DatabaseError(f"quick_check: {row}"))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.executescript(SCHEMA)
    except sqlite3.Error as exc:
        # SQLITE_ERROR here means tables of another shape: not a store this version can use.
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        raise StateError("corrupt" if code == 1 else classify(exc), exc) from exc
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
        raise StateError(classify(exc), exc) from exc


def move_aside(path: Path) -> Path:
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


_SALVAGE = (
    ("articles", "id, path, read, para, scroll, updated"),
    ("prefs", "key, value"),
)


def salvage(source: Path, target: sqlite3.Connection) -> dict[str, int]:
    """Copy the rows of a damaged store that still read back into `target`; counts per table.

    Rows are read in rowid order from the table itself (a damaged index is never used); a
    damaged stretch ends the copy of that table, keeping what came before it.
    """
    kept = {table: 0 for table, _ in _SALVAGE}
    try:
        conn = _open_readonly(source)
    except sqlite3.Error:
        return kept
    try:
        for table, cols in _SALVAGE:
            rows = _readable_rows(conn, table, cols)
            marks = ", ".join("?" for _ in cols.split(","))
            target.execute("BEGIN IMMEDIATE")
            for row in rows:
                try:
                    target.execute(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({marks})", row)
                except sqlite3.Error:
                    continue
                kept[table] += target.execute("SELECT changes()").fetchone()[0]
            target.execute("COMMIT")
    finally:
        conn.close()
    return kept


def _open_readonly(source: Path) -> sqlite3.Connection:
    error: sqlite3.Error | None = None
    for flags in ("mode=ro", "immutable=1"):
        try:
            conn = connect(f"file:{quote(str(source))}?{flags}", uri=True)
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            return conn
        except sqlite3.Error as exc:
            error = exc
    assert error is not None
    raise error


def _readable_rows(conn: sqlite3.Connection, table: str, cols: str) -> list[tuple]:
    rows: list[tuple] = []
    try:
        # NOT INDEXED: the rows come from the table's own pages, whatever its indexes hold.
        cursor = conn.execute(f"SELECT {cols} FROM {table} NOT INDEXED ORDER BY rowid")
        for row in cursor:
            rows.append(row)
    except sqlite3.Error:
        pass
    return rows


def _copy_into(memory: sqlite3.Connection, source: sqlite3.Connection | Path) -> bool:
    if not isinstance(source, Path):
        source.backup(memory)
        return True
    if not source.is_file():
        return False
    # mode=ro needs the WAL index to be writable; immutable=1 does not (it skips the WAL).
    for flags in ("mode=ro", "immutable=1"):
        try:
            conn = connect(f"file:{quote(str(source))}?{flags}", uri=True)
            try:
                conn.backup(memory)
                return True
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return False


def memory_copy(source: sqlite3.Connection | Path | None) -> sqlite3.Connection:
    """A fresh in-memory store, holding what `source` had when it can still be read."""
    memory = connect(":memory:")
    try:
        if source is not None:
            _copy_into(memory, source)
        memory.executescript(SCHEMA)
        memory.execute("SELECT id, path, read, para, scroll, updated FROM articles LIMIT 0")
    except (sqlite3.Error, OSError):  # unreadable or of another shape: start empty
        memory.close()
        memory = connect(":memory:")
        memory.executescript(SCHEMA)
    return memory
