"""Issue 18: every file the reader reads is opened so that it cannot block, and is bounded in
size and depth: config, themes, cache entries, the scan cache, deep folders, FIFOs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.models import ANALYSIS_VERSION
from reader.files import NotRegularFile, read_limited
from reader.library.loaders import load_article
from reader.library.models import ArticleLoadError
from reader.library.scan import check_root, peek_ref, scan
from reader.paths import Paths
from reader.service.cache import AnalysisCache
from reader.settings import Settings, load_settings
from reader.state import ReadingState
from reader.tui.app import ReaderApp, build_session
from reader.tui.themes import load_themes
from tests.tui.conftest import BUDGET, PORT, FakeAnalyser, fake_analysis, settle

HANG_GUARD = 60
"""Seconds a child process may take before the test counts it as hung (it takes under 2 s)."""
DEEP_TOML = "x = " + "[" * 600 + "]" * 600 + "\n"
DEEP_JSON = "[" * 100_000 + "]" * 100_000


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        env={**os.environ, **(env or {})},
        cwd=Path(__file__).resolve().parents[2],
    )


# config.toml (item 5)


def test_config_nested_deep_is_one_warning(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(DEEP_TOML, encoding="utf-8")
    settings, warnings = load_settings(config)
    assert settings == Settings()
    assert len(warnings) == 1 and str(config) in warnings[0] and "nested" in warnings[0]


def test_config_that_is_a_fifo_does_not_hang_a_command(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.toml")
    done = run_cli("analyze", "--config-dir", str(tmp_path), str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert any("config.toml" in ln and "not a regular file" in ln for ln in lines), lines
    assert "Traceback" not in done.stderr


# themes (item 6)


@pytest.mark.parametrize(
    "content",
    [
        'name = "bad"\n[colors]\nprimary = "#336699"\n[variables]\n"footer-key-foreground" = "#12345"\n',
        'name = "bad"\n[colors]\nprimary = "#336699"\n[variables]\n"footer-key-foreground" = "bluish"\n',
        'name = "bad"\n[colors]\nprimary = "#336699"\n[variables]\n"block-cursor-text-style" = "loud"\n',
        'name = "bad"\n[colors]\nprimary = "#336699"\n[extra]\nx = ' + "[" * 600 + "]" * 600 + "\n",
    ],
    ids=["short-hex", "bad-name", "bad-style", "nested-600"],
)
async def test_a_bad_theme_file_is_skipped_even_when_configured(
    tmp_path: Path, content: str
) -> None:
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "bad.toml").write_text(content, encoding="utf-8")
    loaded, problems = load_themes([themes])
    assert loaded == [] and len(problems) == 1 and "bad.toml" in problems[0]
    library = tmp_path / "news"
    library.mkdir()
    (library / "a.txt").write_text(BUDGET, encoding="utf-8")
    paths = Paths(tmp_path / "config", tmp_path / "cache")
    state = ReadingState.open(paths.state_file)
    session = build_session([library], paths, Settings(theme="bad"), state, FakeAnalyser())
    app = ReaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme != "bad"
        assert app.screen.article is not None
    state.close()


def test_a_theme_file_that_is_a_fifo_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    loaded, problems = load_themes([tmp_path])
    assert loaded == [] and problems == [], problems  # not a regular file: not a theme file


# cache entries (item 7)


def _entry_path(cache: Path, article) -> tuple[AnalysisCache, str, Path]:
    from reader.analysis.nlp import model_label
    from reader.service.cache import cache_key

    store = AnalysisCache(cache)
    key = cache_key(article.text, article.id, "news", 3, model_label(None))
    return store, key, store._path(key)


def _good_entry(article, key: str) -> dict:
    analysis = fake_analysis(article)
    return {"key": key, "version": ANALYSIS_VERSION, "analysis": analysis.to_dict()}


@pytest.mark.parametrize("damage", ["deep", "fifo", "start-text", "title-number", "huge"])
def test_a_hostile_cache_entry_is_a_miss_and_is_discarded(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BUDGET, encoding="utf-8")
    article = load_article(path)
    store, key, entry = _entry_path(tmp_path / "cache", article)
    entry.parent.mkdir(parents=True)
    good = _good_entry(article, key)
    if damage == "deep":
        entry.write_text(DEEP_JSON, encoding="utf-8")
    elif damage == "fifo":
        os.mkfifo(entry)
    elif damage == "start-text":
        good["analysis"]["summary"][0]["start"] = "abc"
        entry.write_text(json.dumps(good), encoding="utf-8")
    elif damage == "title-number":
        good["analysis"]["quotes"][0]["speaker"] = 12345
        entry.write_text(json.dumps(good), encoding="utf-8")
    else:
        entry.write_text(json.dumps(good) + " " * (17 * 1024 * 1024), encoding="utf-8")
    assert store.get(key) is None
    assert not os.path.lexists(entry), "the bad entry is discarded, so the next run is clean"
    store.put(key, fake_analysis(article))
    assert store.get(key) is not None


@pytest.mark.parametrize("damage", ["deep", "title-number", "fifo"])
async def test_a_hostile_scan_cache_still_opens_the_library(tmp_path: Path, damage: str) -> None:
    library = tmp_path / "news"
    library.mkdir()
    (library / "a.txt").write_text(BUDGET, encoding="utf-8")
    (library / "b.txt").write_text(PORT, encoding="utf-8")
    paths = Paths(tmp_path / "config", tmp_path / "cache")
    paths.cache_dir.mkdir(parents=True)
    scan_file = paths.cache_dir / "scan.json"
    if damage == "deep":
        scan_file.write_text('{"version": 2, "entries": ' + DEEP_JSON + "}", encoding="utf-8")
    elif damage == "fifo":
        os.mkfifo(scan_file)
    else:
        st = (library / "a.txt").stat()
        entry = [st.st_size, st.st_mtime_ns, "txt", 12345, None, None, None]
        scan_file.write_text(json.dumps({"version": 2, "entries": {str(library / "a.txt"): entry}}))
    state = ReadingState.open(paths.state_file)
    session = build_session([library], paths, Settings(), state, FakeAnalyser())
    session.open_delay = session.analyse_delay = 0
    app = ReaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = sorted(ref.title for ref in app.session.refs)
        assert titles == [
            "Council passes budget after late fight over library hours",
            "Port workers extend strike into a second week",
        ]
    state.close()


# deep folder trees (item 8)


def _deep_tree(root: Path, depth: int) -> Path:
    root.mkdir()
    folder = root
    for _ in range(depth):  # one level at a time: mkdir(parents=True) recurses
        folder = folder / "d"
        folder.mkdir()
    (folder / "deep.txt").write_text(BUDGET, encoding="utf-8")
    return folder / "deep.txt"


@pytest.mark.parametrize("depth", [400, 1000])
async def test_a_very_deep_folder_tree_is_listed(tmp_path: Path, depth: int) -> None:
    deep = _deep_tree(tmp_path / "tree", depth)
    assert check_root(tmp_path / "tree") is None
    assert [ref.path for ref in scan([tmp_path / "tree"]).refs] == [deep]
    paths = Paths(tmp_path / "config", tmp_path / "cache")
    state = ReadingState.open(paths.state_file)
    session = build_session([tmp_path / "tree"], paths, Settings(), state, FakeAnalyser())
    session.open_delay = session.analyse_delay = 0
    app = ReaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.article is not None and app.screen.article.path == deep
    state.close()
    _remove_tree(deep)


def _remove_tree(deep: Path) -> None:
    """Bottom up, one level at a time (pytest's own clean-up recurses and would fail)."""
    deep.unlink()
    folder = deep.parent
    while folder.name == "d":
        folder.rmdir()
        folder = folder.parent


# a file swapped for a FIFO after the listing (item 9)


def test_a_file_swapped_for_a_fifo_after_listing_does_not_block(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(BUDGET, encoding="utf-8")
    listed = os.stat(path)  # what the scan saw
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(ArticleLoadError, match="not a regular file"):
        peek_ref(path, st=listed)
    with pytest.raises(ArticleLoadError, match="not a regular file"):
        load_article(path)
    with pytest.raises(NotRegularFile):
        read_limited(path, 100)
    with pytest.raises(NotRegularFile):
        read_limited("/dev/zero", 100)


# the records kept beside saved web pages and feeds, and config.toml when a feed is added


def test_page_and_feed_records_that_are_fifos_read_as_empty(tmp_path: Path) -> None:
    from reader.feeds.store import _read_json
    from reader.web.store import read_record, record_path

    page = tmp_path / "page.html"
    page.write_text("<p>Text</p>", encoding="utf-8")
    os.mkfifo(record_path(page))
    assert read_record(page) == {}
    os.mkfifo(tmp_path / ".feed.json")
    assert _read_json(tmp_path / ".feed.json") == {}
    (tmp_path / "deep.json").write_text(DEEP_JSON, encoding="utf-8")
    assert _read_json(tmp_path / "deep.json") == {}


def test_adding_a_feed_to_a_config_that_is_a_fifo_refuses(tmp_path: Path) -> None:
    from reader.settings import ConfigWriteError, add_feeds

    os.mkfifo(tmp_path / "config.toml")
    with pytest.raises(ConfigWriteError, match="not a regular file"):
        add_feeds(tmp_path / "config.toml", ["https://example.org/feed.xml"])
    (tmp_path / "deep.toml").write_text(DEEP_TOML, encoding="utf-8")
    with pytest.raises(ConfigWriteError, match="nested"):
        add_feeds(tmp_path / "deep.toml", ["https://example.org/feed.xml"])
