"""Issue 18: state survives fast keys, odd file names, corrupt stores and busy disks."""

from __future__ import annotations

import os
from pathlib import Path

from reader.library.scancache import ScanCache
from reader.paths import Paths
from reader.settings import Settings
from reader.state import ReadingState
from reader.tui.app import ReaderApp, build_session
from tests.tui.conftest import BUDGET, PORT, FakeAnalyser, settle


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
