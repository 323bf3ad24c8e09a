"""Reading state: restart, moved and changed files, two processes, corrupt and unwritable stores."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.state import Position, ReadingState, path_key

PREFS = {
    "theme": "nord",
    "tab": "quotes",
    "summary_sentences": 5,
    "algorithm": "textrank",
    "filter": "strike",
    "library": ["/home/u/news", "/home/u/long reads"],
    "show_fragments": True,
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "config" / "state.db"


def test_restart_restores_everything(db: Path) -> None:
    state = ReadingState.open(db)
    assert state.warning is None and state.persistent
    state.set_read("a1", "/lib/a.txt", True)
    state.set_read("b2", "/lib/b.txt", True)
    state.set_read("b2", "/lib/b.txt", False)
    state.set_position("a1", "/lib/a.txt", 7, 2.5)
    state.set_last_article("a1", "/lib/a.txt")
    for key, value in PREFS.items():
        state.set(key, value)
    state.close()

    again = ReadingState.open(db)
    assert again.warning is None
    assert again.is_read("a1", "/lib/a.txt") and not again.is_read("b2", "/lib/b.txt")
    assert again.read_paths() == {"/lib/a.txt"}
    assert again.position("a1", "/lib/a.txt") == Position(paragraph=7, offset=2.5)
    assert again.position("b2", "/lib/b.txt") is None
    assert again.last_article() == ("a1", "/lib/a.txt")
    assert {key: again.get(key) for key in PREFS} == PREFS
    assert again.get("missing", "fallback") == "fallback"
    again.close()


def test_each_change_is_on_disk_at_once(db: Path) -> None:
    """Written as it changes: another connection sees it before any close or flush."""
    state = ReadingState.open(db)
    state.set_read("a1", "/lib/a.txt", True)
    state.set_position("a1", "/lib/a.txt", 3, 0.0)
    other = ReadingState.open(db)
    assert other.is_read("a1", "/lib/a.txt")
    assert other.position("a1", "/lib/a.txt") == Position(3, 0.0)
    other.close()
    state.close()


def test_file_is_wal_mode(db: Path) -> None:
    ReadingState.open(db).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_moved_file_keeps_marks(db: Path) -> None:
    state = ReadingState.open(db)
    state.set_read("a1", "/old/a.txt", True)
    state.set_position("a1", "/old/a.txt", 4, 1.0)
    state.close()

    state = ReadingState.open(db)
    assert state.is_read("a1", "/new/renamed.txt")
    assert state.position("a1", "/new/renamed.txt") == Position(4, 1.0)
    state.set_last_article("a1", "/new/renamed.txt")  # opening it records the new path
    assert state.read_paths() == {"/new/renamed.txt"}
    assert state.last_article() == ("a1", "/new/renamed.txt")
    state.close()


def test_changed_content_same_path_keeps_marks(db: Path) -> None:
    state = ReadingState.open(db)
    state.set_read("old-id", "/lib/a.txt", True)
    state.set_position("old-id", "/lib/a.txt", 2, 0.5)
    state.close()

    state = ReadingState.open(db)
    assert state.is_read("new-id", "/lib/a.txt")
    assert state.position("new-id", "/lib/a.txt") == Position(2, 0.5)
    state.set_position("new-id", "/lib/a.txt", 3, 0.0)  # the row now carries the new id
    assert state.is_read("new-id", "/moved/a.txt")
    assert state.position("new-id", "/moved/a.txt") == Position(3, 0.0)
    state.close()


def test_id_wins_over_path(db: Path) -> None:
    state = ReadingState.open(db)
    state.set_read("a1", "/lib/a.txt", True)
    state.set_read("b2", "/lib/b.txt", False)
    # b2 now sits where a1 used to be: its own row decides, not a1's.
    assert not state.is_read("b2", "/lib/a.txt")
    assert state.is_read("a1", "/lib/b.txt")
    state.close()


def test_relative_paths_are_stored_absolute(db: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    state = ReadingState.open(db)
    state.set_read("a1", "news/a.txt", True)
    assert state.read_paths() == {str(tmp_path / "news" / "a.txt")} == {path_key("news/a.txt")}
    state.close()


def test_in_memory_when_no_path() -> None:
    state = ReadingState.open(None)
    assert state.warning is None and not state.persistent
    state.set_read("a1", "/a", True)
    state.set("theme", "nord")
    assert state.is_read("a1", "/a") and state.get("theme") == "nord"
    state.close()


def test_methods_after_close_do_not_raise(db: Path) -> None:
    state = ReadingState.open(db)
    state.close()
    state.set_read("a1", "/a", True)
    assert not state.is_read("a1", "/a")
    assert state.get("theme", "x") == "x" and state.read_paths() == set()
    state.close()


def test_unreadable_pref_gives_default(db: Path) -> None:
    state = ReadingState.open(db)
    state.close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO prefs VALUES ('theme', '{not json')")
    state = ReadingState.open(db)
    assert state.get("theme", "textual-dark") == "textual-dark"
    state.close()


_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reader.state import ReadingState
    db, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    state = ReadingState.open(db)
    while not go.exists():
        time.sleep(0.001)
    for i in range(300):
        state.set_read(f"{name}-{i}", f"/lib/{name}/{i}.txt", True)
        state.set_position(f"{name}-{i}", f"/lib/{name}/{i}.txt", i, 0.5)
        state.set_read("shared", "/lib/shared.txt", i % 2 == 0)
        state.set(f"pref-{name}", i)
    print(state.warning or "ok")
    state.close()
""")


def test_two_processes_writing_at_once(db: Path, tmp_path: Path) -> None:
    ReadingState.open(db).close()
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db), name, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    go.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == "ok"
    state = ReadingState.open(db)
    for name in ("one", "two"):
        for i in range(300):
            assert state.is_read(f"{name}-{i}", "/elsewhere")
            assert state.position(f"{name}-{i}", "/elsewhere") == Position(i, 0.5)
        assert state.get(f"pref-{name}") == 299
    assert not state.is_read("shared", "/lib/shared.txt")  # both ended on i = 299: unread
    assert len(state.read_paths()) == 600
    state.close()


def test_corrupt_file_moved_aside(db: Path) -> None:
    db.parent.mkdir(parents=True)
    junk = b"this is not a database\n" * 500
    db.write_bytes(junk)
    state = ReadingState.open(db)
    assert state.persistent
    assert state.warning and "state file was corrupt; moved aside to" in state.warning
    moved = Path(state.warning.split("moved aside to ")[1].split("; starting fresh")[0])
    assert re.fullmatch(r"state\.db\.corrupt-\d{8}T\d{6}", moved.name)
    assert moved.read_bytes() == junk
    state.set_read("a1", "/a", True)
    state.close()
    again = ReadingState.open(db)
    assert again.warning is None and again.is_read("a1", "/a")
    again.close()


def test_damaged_pages_moved_aside(db: Path) -> None:
    state = ReadingState.open(db)
    for i in range(2000):
        state.set_read(f"id{i}", f"/lib/{i}.txt", True)
    state.close()
    data = bytearray(db.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096 : page * 4096 + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    state = ReadingState.open(db)
    assert state.warning and "moved aside" in state.warning
    assert state.persistent and not state.is_read("id1", "/lib/1.txt")
    state.close()


def test_foreign_database_moved_aside(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE articles (something_else TEXT)")
    state = ReadingState.open(db)
    assert state.warning and "moved aside" in state.warning and state.persistent
    state.close()


def _assert_unsaved(state: ReadingState, directory: Path) -> None:
    assert not state.persistent
    assert state.warning == f"cannot write to {directory}; reading state will not be saved"
    state.set_read("a1", "/a", True)  # still works for this session
    state.set("theme", "nord")
    assert state.is_read("a1", "/a") and state.get("theme") == "nord"
    state.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: chmod 555 does not stop root")
def test_read_only_config_dir(tmp_path: Path) -> None:
    config = tmp_path / "config"
    state = ReadingState.open(config / "state.db")
    state.set("theme", "gruvbox")
    state.close()
    config.chmod(0o555)
    try:
        state = ReadingState.open(config / "state.db")
        assert state.get("theme") == "gruvbox"  # what was saved is still shown
        _assert_unsaved(state, config)
        fresh = ReadingState.open(config / "sub" / "state.db")  # cannot even be created
        _assert_unsaved(fresh, config / "sub")
    finally:
        config.chmod(0o755)


def test_config_dir_under_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("not a folder")
    state = ReadingState.open(tmp_path / "file.txt" / "sub" / "state.db")
    _assert_unsaved(state, tmp_path / "file.txt" / "sub")


def test_state_path_is_a_folder(db: Path) -> None:
    db.mkdir(parents=True)
    state = ReadingState.open(db)
    assert state.warning == f"state file {db} is a folder; reading state will not be saved"
    assert not state.persistent
    state.set_read("a1", "/a", True)  # still works for this session
    assert state.is_read("a1", "/a")
    state.close()


class _FullDisk:
    """Wraps a connection; every write fails the way SQLite reports ENOSPC."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args):
        if sql.lstrip().split()[0].upper() in ("BEGIN", "INSERT", "UPDATE", "COMMIT"):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def test_disk_full_warns_once_and_keeps_earlier_data(db: Path) -> None:
    state = ReadingState.open(db)
    state.set_read("a1", "/a", True)
    state.set("theme", "nord")
    state._conn = _FullDisk(state._conn)
    state.set_read("b2", "/b", True)  # must not raise
    assert state.pop_warning() == ("the disk is full; reading state will not be saved from now on")
    state.set_position("b2", "/b", 1, 0.0)
    state.set("theme", "dracula")
    assert state.pop_warning() is None  # once only
    # The session goes on consistently in memory...
    assert state.is_read("a1", "/a") and state.is_read("b2", "/b")
    assert state.get("theme") == "dracula" and not state.persistent
    state.close()
    # ...and the file holds everything written before the disk filled up.
    again = ReadingState.open(db)
    assert again.is_read("a1", "/a") and again.get("theme") == "nord"
    assert not again.is_read("b2", "/b")
    again.close()


def test_real_sqlite_full_error(db: Path) -> None:
    """SQLITE_FULL from SQLite itself, by capping the file's page count."""
    state = ReadingState.open(db)
    state.set_read("a1", "/a", True)
    pages = state._conn.execute("PRAGMA page_count").fetchone()[0]
    state._conn.execute(f"PRAGMA max_page_count = {pages}")
    for i in range(200):
        state.set(f"big-{i}", "x" * 2000)
    assert state.warning and state.warning.startswith("the disk is full")
    assert state.get("big-199") == "x" * 2000
    state.close()
    again = ReadingState.open(db)
    assert again.warning is None and again.is_read("a1", "/a")
    again.close()


def test_pure_modules_do_not_import_textual() -> None:
    code = "import sys, reader.state, reader.state.db, reader.export, reader.settings; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
