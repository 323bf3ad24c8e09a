"""Issue 18: memory stays bounded however often the focus moves."""

from __future__ import annotations

import gc
import os
import random

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Footer, Input
from textual.widgets._footer import FooterKey

from reader.state import ReadingState
from reader.tui.widgets.footer import ReaderFooter

CYCLES = 40


class Minimal(App):
    """The smallest app that shows it: keys in a footer, two widgets to move between."""

    BINDINGS = [Binding("x", "bell", "one"), Binding("y", "bell", "two")]

    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield Input()
        yield Button("b")
        yield self.footer(compact=True)


def footer_keys() -> set[int]:
    """Every FooterKey alive (after a collection), by id."""
    gc.collect()
    return {id(o) for o in gc.get_objects() if isinstance(o, FooterKey)}


async def _footer_keys_after_focus_changes(footer: type[Footer]) -> tuple[int, int]:
    before = footer_keys()  # earlier tests' apps may still be waiting to be collected
    app = Minimal(footer)
    async with app.run_test() as pilot:
        for _ in range(CYCLES):
            await pilot.press("tab")
        await pilot.pause()
        await pilot.pause()
        return len(footer_keys() - before), len(app.query(FooterKey))


async def test_textual_footer_keeps_every_key_it_replaced() -> None:
    """The upstream behaviour the reader works around (if this fails, Textual fixed it:
    ReaderFooter can go)."""
    kept, _shown = await _footer_keys_after_focus_changes(Footer)
    assert kept > CYCLES // 2


async def test_reader_footer_keeps_only_the_keys_it_shows() -> None:
    kept, shown = await _footer_keys_after_focus_changes(ReaderFooter)
    assert kept <= 2 * max(shown, len(Minimal.BINDINGS) + 1)


async def test_the_reader_keeps_no_old_footer_keys(tmp_path) -> None:
    from tests.tui.conftest import BUDGET, build_app, settle

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(BUDGET, encoding="utf-8")
    before = footer_keys()
    app = build_app(news, tmp_path / "state.db")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        for _ in range(CYCLES):
            await pilot.press("tab")
        await pilot.press("shift+tab")
        await settle(pilot)
        kept = len(footer_keys() - before)
        assert kept <= 2 * len(app.query(FooterKey)) + 2
    app.session.state.close()


SOAK_KEYS = 10_000 if os.environ.get("READER_HOSTILE_FULL") == "1" else 400
"""Random keys in the soak: 10,000 in the full hostile run (see conftest), fewer by default."""
SOAK_POOL = (
    ["j"] * 6 + ["k"] * 3 + ["tab"] * 3 + ["shift+tab"] * 2
    + ["m", "n", "p", "enter", "]", "[", "}", "1", "2", "3", "i", "f", "+", "-", "space"]
)  # fmt: skip
GROWTH_MB = 40
"""How much the resident size may grow over the second half of the soak."""


BURST = 20
"""Keys sent at once, as a terminal delivers a burst, before the app gets to breathe."""


def send_keys(app: App, keys: list[str]) -> None:
    """Queue key events the way the terminal driver does, without waiting between them."""
    from textual import events

    for key in keys:
        char = {"space": " ", "tab": "\t"}.get(key, key if len(key) == 1 else None)
        name = {"]": "right_square_bracket", "[": "left_square_bracket",
                "}": "right_curly_bracket", "+": "plus", "-": "minus"}.get(key, key)  # fmt: skip
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads memory and files from /proc")
async def test_soak_random_keys_with_analysis_running(tmp_path) -> None:
    from tests.tui.conftest import BUDGET, PORT, VACCINE, FakeAnalyser, build_app, settle

    news = tmp_path / "news"
    news.mkdir()
    for n in range(12):
        text = (BUDGET, PORT, VACCINE)[n % 3] + f"\nEdition {n}.\n"
        (news / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    rng = random.Random(1818)
    analyser = FakeAnalyser()
    app = build_app(news, tmp_path / "state.db", analyser=analyser)
    app.session.open_delay = 0.06
    app.session.analyse_delay = 0.15  # analysis starts and is overtaken, as when reading
    failures: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        half = SOAK_KEYS // 2 // BURST * BURST
        for count in range(0, SOAK_KEYS, BURST):
            if count == half:
                await settle(pilot)
                gc.collect()
                memory, files = rss_mb(), open_files()
            send_keys(app, [rng.choice(SOAK_POOL) for _ in range(BURST)])
            await pilot.pause()
            if len(app.screen_stack) > 1:  # none of these keys opens a dialog, but be sure
                await pilot.press("escape")
        await settle(pilot)
        gc.collect()
        failures = [n.message for n in app._notifications if n.severity == "error"]
        shown = set(app.screen.article_list.read)
        growth, more_files = rss_mb() - memory, open_files() - files
        assert app.session.state.unsaved == 0
    app.session.state.close()
    print(f"soak: {SOAK_KEYS} keys, {len(analyser.calls)} analyses, {len(shown)} marks, "
          f"second half +{growth:.1f} MB, {more_files:+d} open files")  # fmt: skip
    assert not failures, failures
    assert growth < GROWTH_MB, f"grew {growth:.0f} MB over {SOAK_KEYS - half} keys"
    assert more_files <= 4, f"{more_files} more open files"
    assert len(analyser.calls) > 0
    store = ReadingState.open(tmp_path / "state.db")
    assert store.read_paths() == shown, "every mark shown was saved, and only those"
    store.close()


async def test_a_pick_meant_for_the_previous_analysis_is_dropped(tmp_path) -> None:
    """Found by the soak: a pane pick posted just before another article's analysis was
    shown arrived after it, with an index past the end of the new lists."""
    from reader.tui.messages import ItemSelected
    from tests.tui.conftest import BUDGET, build_app, settle

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(BUDGET, encoding="utf-8")
    app = build_app(news, tmp_path / "state.db")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.screen.analysis is not None
        analysis = app.screen.analysis
        for kind in ("actors", "summary", "quotes"):
            for chosen in (False, True):
                app.screen.post_message(ItemSelected(analysis, kind, 99, 1, 1, (0, 1), chosen))
        await settle(pilot)
        assert app.is_running and app.screen.analysis is not None
    app.session.state.close()
