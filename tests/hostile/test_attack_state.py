"""Issue 18: state survives fast keys, odd file names, corrupt stores and busy disks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from reader.library.scancache import ScanCache
from reader.paths import Paths
from reader.settings import Settings
from reader.state import ReadingState
from reader.tui.app import ReaderApp, build_session
from reader.tui.session import path_key
from tests.tui.conftest import (
    BUDGET,
    PORT,
    FakeAnalyser,
    analyser,
    library,
    make_app,
    settle,
    state_file,
)

__all__ = ["analyser", "library", "make_app", "state_file"]  # fixtures used here


def _app_on(library: Path, paths: Paths) -> ReaderApp:
    state = ReadingState.open(paths.state_file)
    session = build_session([library], paths, Settings(), state, analyser=FakeAnalyser())
    session.open_delay = session.analyse_delay = 0
    return ReaderApp(session)


async def test_a_file_name_that_is_not_utf8_does_not_stop_the_library(tmp_path: Path) -> None:
    library = tmp_path / "news"
    library.mkdir()
    (library / "a-budget.txt").write_text(BUDGET, encoding="utf-8")
    (library / os.fsdecode(b"b-port-\xff\xfe.txt")).write_text(PORT, encoding="utf-8")
    paths = Paths(tmp_path / "config", tmp_path / "cache")
    for _run in range(2):  # the second start reads the cache the first one wrote
        app = _app_on(library, paths)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            titles = [ref.title for ref in app.session.refs]
            assert len(titles) == 2, titles
            assert app.screen.article is not None
        app.session.state.close()
    leftovers = [p.name for p in paths.cache_dir.iterdir() if p.name.startswith(".scan-")]
    assert leftovers == []
    assert len(ScanCache(paths.cache_dir / "scan.json")) == 2


def _marked_store(path: Path, count: int) -> set[str]:
    store = ReadingState.open(path)
    for n in range(count):
        store.set_read(f"id-{n}", path.parent / f"story-{n}.txt", True)
    store.set("theme", "nord")
    marked = store.read_paths()
    store.close()
    return marked


def _damage_page(db: Path, index: str) -> None:
    """Overwrite the root page of one index with garbage, as a bad sector would."""
    with sqlite3.connect(db) as conn:
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,))
        root = page.fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(bytes([0xA5]) * size)


def test_a_damaged_index_keeps_every_mark_that_reads_back(tmp_path: Path) -> None:
    db = tmp_path / "config" / "state.db"
    marked = _marked_store(db, 40)
    _damage_page(db, "articles_by_path")
    store = ReadingState.open(db)
    try:
        assert store.persistent
        warning = store.pop_warning()
        assert warning is not None and "kept 40 article record(s) and 1 setting(s)" in warning
        assert store.read_paths() == marked
        assert store.get("theme") == "nord"
        assert list(db.parent.glob("state.db.corrupt-*")), "the damaged file is kept aside"
    finally:
        store.close()


class Locker:
    """Another process holding the state file's write lock until told to let go."""

    def __init__(self, db: Path) -> None:
        code = (
            "import sqlite3, sys\n"
            f"conn = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "conn.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.readline()\n"
            "conn.execute('COMMIT')\n"
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None and self.proc.stdout.readline() == "locked\n"

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.close()
        assert self.proc.wait(30) == 0


async def test_marks_made_while_the_file_is_busy_are_shown_kept_and_saved(
    make_app, library: Path, state_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        locker = Locker(state_file)
        try:
            await pilot.press("m")
            await pilot.pause()
            assert app.session.state.unsaved >= 1  # waited briefly, then kept for later
            shown = [n.message for n in app._notifications]
            assert any("busy" in m for m in shown), shown
            assert path_key(library / "a-budget.txt") in app.screen.article_list.read
        finally:
            locker.release()
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("m")  # the next write saves the waiting one first
        assert app.session.state.unsaved == 0
    app.session.state.close()
    store = ReadingState.open(state_file)
    expected = {path_key(library / "a-budget.txt"), path_key(library / "b-port.txt")}
    assert store.read_paths() == expected
    store.close()


def test_a_full_disk_mid_session_is_reported_when_it_happens(tmp_path: Path) -> None:
    seen: list[str] = []
    store = ReadingState.open(tmp_path / "state.db")
    store.on_warning = seen.append
    store._conn.execute("PRAGMA max_page_count = 1")  # no room for one more page
    store._conn.execute("PRAGMA max_page_count")
    for n in range(200):
        store.set_read(f"id-{n}", tmp_path / f"story-{n}-{'x' * 200}.txt", True)
    store.close()
    assert len(seen) == 1 and "disk is full" in seen[0], seen
