"""Issue 18: read marks typed at machine speed land on the article the cursor was on."""

from __future__ import annotations

import asyncio
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.state import ReadingState
from reader.tui.session import path_key
from tests.tui.conftest import build_app, settle

COUNT = 8


def make_library(folder: Path, count: int = COUNT) -> list[Path]:
    """Short articles (they fit on screen, so nothing is marked read by scrolling)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:02d}-story.txt"
        path.write_text(
            f"Story number {n} about the harbour\nBy Sam Writer\nMarch {n + 1}, 2026\n\n"
            f'The harbour board met on day {n}. "We will decide soon," said Ann Board.\n',
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def fast_app(folder: Path, state_file: Path):
    """The app with the real delays: an article opens 60 ms after the cursor rests on it."""
    app = build_app(folder, state_file)
    app.session.open_delay = 0.06
    app.session.analyse_delay = 0.15
    return app


async def test_m_j_at_machine_speed_marks_every_article(tmp_path: Path) -> None:
    paths = make_library(tmp_path / "news", 10)
    state_file = tmp_path / "config" / "state.db"
    app = fast_app(tmp_path / "news", state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(10):
            await pilot.press("m", "j")
        await settle(pilot)
        assert app.screen.article_list.read == {path_key(p) for p in paths}
    app.session.state.close()
    store = ReadingState.open(state_file)
    assert store.read_paths() == {path_key(p) for p in paths}
    store.close()


class Model:
    """What the marks must be after each key (list focus until enter, then the text)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.cursor = 0
        self.on_list = True
        self.read: set[int] = set()

    def press(self, key: str) -> None:
        if key in "jk" and self.on_list:
            step = 1 if key == "j" else -1
            self.cursor = max(0, min(self.count - 1, self.cursor + step))
        elif key == "enter" and self.on_list:
            self.on_list = False
        elif key == "m":
            self.read ^= {self.cursor}
        elif key == "n":
            for distance in range(1, self.count + 1):
                index = (self.cursor + distance) % self.count
                if index not in self.read and index != self.cursor:
                    self.cursor = index
                    break


async def _run_keys(folder: Path, state_file: Path, keys: list[str]) -> None:
    paths = sorted(folder.iterdir())
    model = Model(len(paths))
    app = fast_app(folder, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            model.press(key)
        await settle(pilot)
        expected = {path_key(paths[i]) for i in model.read}
        assert app.screen.article_list.read == expected, keys
        await pilot.press("q")
    app.session.state.close()
    store = ReadingState.open(state_file)
    try:
        assert store.read_paths() == expected, keys
    finally:
        store.close()


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(keys=st.lists(st.sampled_from(["m", "j", "k", "n", "enter", "]"]), min_size=1, max_size=40))
def test_random_keys_at_machine_speed_keep_the_marks_of_a_model(tmp_path_factory, keys) -> None:
    root = tmp_path_factory.mktemp("keys")
    make_library(root / "news")
    asyncio.run(_run_keys(root / "news", root / "config" / "state.db", keys))
