"""Key help (`?`) lists every key; the command palette has every action as "Area: verb"."""

from __future__ import annotations

from rich.console import Console
from textual.command import CommandPalette

from reader.settings import Settings
from reader.tui.keys import COMMANDS
from reader.tui.screens.help import HelpScreen, key_table

from .conftest import settle


async def test_question_mark_opens_key_help(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True)
        console.print(key_table())
        text = console.export_text()
        for command in COMMANDS:
            if command.key:
                assert command.title in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_footer_shows_the_main_keys(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        active = [binding for _, binding, _, _ in app.screen.active_bindings.values()]
        for command in COMMANDS:
            if command.key:
                assert command.id in {binding.id for binding in active}, command.id
        shown = {binding.id for binding in active if binding.show}
        assert {"quote.next", "summary.copy", "summary.export", "app.help", "app.quit"} <= shown


async def palette_titles(pilot, query: str) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.5)
    options = palette.query_one("CommandList").options
    return [str(option.prompt) for option in options]


async def test_palette_lists_article_commands(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = " | ".join(await palette_titles(pilot, "Article"))
        for title in ("Article: next unread", "Article: previous unread", "Article: toggle read"):
            assert title in titles


async def test_palette_runs_a_command(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await palette_titles(pilot, "Quote: next")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.pane.cursor("quotes") == 0


async def test_keys_can_be_remapped_in_the_settings(make_app):
    app = make_app(settings=Settings(keys={"quote.next": "ctrl+n"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        assert app.screen.pane.cursor("quotes") == 0
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(width=200, record=True)
        console.print(key_table(app.session.settings.keys))
        assert "ctrl+n" in console.export_text()
