"""The reader's library scan goes through the title cache in the cache dir."""

from pathlib import Path

from reader.paths import Paths
from reader.settings import Settings
from reader.state import ReadingState
from reader.tui.app import build_session


def test_session_scan_writes_and_reuses_the_title_cache(tmp_path: Path) -> None:
    library = tmp_path / "news"
    library.mkdir()
    (library / "one.txt").write_text("Harbour fees rise\n\nThe port raised its fees on Monday.\n")
    paths = Paths(tmp_path / "config", tmp_path / "cache")
    state = ReadingState.open(paths.state_file)
    try:
        session = build_session([library], paths, Settings(), state)
        first = list(session.scanner([library]))
        assert [r.title for r in first] == ["Harbour fees rise"]
        cache_file = paths.cache_dir / "scan.json"
        assert cache_file.is_file()
        assert "one.txt" in cache_file.read_text(encoding="utf-8")
        again = list(session.scanner([library]))
        assert [r.title for r in again] == ["Harbour fees rise"]
    finally:
        state.close()
