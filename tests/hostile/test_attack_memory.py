"""Issue 18: memory stays bounded however often the focus moves."""

from __future__ import annotations

import gc

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Footer, Input
from textual.widgets._footer import FooterKey

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
