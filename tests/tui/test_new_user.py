"""What a new user ran into (issue 17): each test drives the real app through Pilot."""

from __future__ import annotations

import json
import os
import threading
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from reader import export
from reader.export import ExportError
from reader.tui.keys import COMMANDS
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.query_bar import QueryInput

from .conftest import fake_analysis, long_article, settle, status_text, until
from .test_help_palette import palette_titles


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


# Broken


async def test_screenshot_is_saved_where_the_notice_says(make_app, tmp_path, monkeypatch):
    from reader import export

    monkeypatch.setattr(export, "default_export_dir", lambda: tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await palette_titles(pilot, "App: screenshot")
        await pilot.press("enter")
        await until(pilot, lambda: any("screenshot" in n for n in notes(app)))
        saved = list(tmp_path.glob("*.svg"))
        assert len(saved) == 1
        assert any(str(saved[0]) in n for n in notes(app))


async def test_screenshot_failure_says_where_and_why(make_app, tmp_path):
    app = make_app()
    missing = tmp_path / "nowhere"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.save_picture(missing) is None
        await pilot.pause()
        message = notes(app)[-1]
        assert str(missing) in message and "no such file" in message


async def test_insight_toggle_at_narrow_width_leaves_a_pane_focused(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, ArticleList)
        await pilot.press("i")
        await pilot.pause()
        assert app.focused is app.screen.pane.item_list
        await pilot.press("j", "enter")  # a summary sentence is picked and shown
        await pilot.pause()
        assert app.screen.pane.selected("summary") is not None
        await pilot.press("i")
        await pilot.pause()
        assert app.focused is not None and app.focused.display
        assert app.focused.region.width > 0


# Wrong


async def test_keys_at_start_never_reach_the_hidden_filter(make_app):
    app = make_app()
    focused: list[object] = []

    def hook(message) -> None:
        screen = app.screen_stack[-1] if app.screen_stack else None
        if screen is not None and isinstance(screen.focused, QueryInput):
            focused.append(screen.focused)

    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await settle(pilot)
        app.screen.set_focus(None)  # as after a dialog closes or the terminal regains focus
        app.screen._update_auto_focus()
        await pilot.press("x", "y")
        await pilot.pause()
        assert not focused
        assert app.screen.filter_query == ""
        assert app.session.state.get("filter", "") == ""


def fake_tool(folder: Path, name: str, monkeypatch) -> Path:
    """A program `name` first on PATH that keeps its arguments and what it is given."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / name
    script.write_text(
        f'#!/bin/sh\necho "$@" > "{folder}/{name}.args"\ncat > "{folder}/{name}.in"\n'
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return folder


def no_local_tool(text: str) -> str:
    raise ExportError("no clipboard tool found")


async def test_y_inside_tmux_uses_the_tmux_buffer(make_app, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "copy_local_clipboard", no_local_tool)
    fake_tool(tmp_path, "tmux", monkeypatch)
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = make_app()
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert (tmp_path / "tmux.args").read_text().split() == ["load-buffer", "-w", "-"]
        assert "Riverton City Council" in (tmp_path / "tmux.in").read_text()
        assert any("tmux's paste buffer" in n for n in notes(app))


async def test_y_with_only_osc52_says_it_cannot_know(make_app, monkeypatch):
    monkeypatch.setattr(export, "copy_local_clipboard", no_local_tool)
    monkeypatch.setenv("TMUX", "/nonexistent/socket,1,0")
    monkeypatch.setenv("PATH", "/nonexistent")  # no tmux program to ask
    app = make_app()
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        message = notes(app)[-1]
        assert "Copied" not in message
        assert "set -g set-clipboard on" in message


async def test_escape_closes_the_filter_after_enter(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"strike", "enter")
        await pilot.pause()
        assert len(app.screen.shown) == 1 and isinstance(app.focused, ArticleList)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one("#filter-bar").display
        assert len(app.screen.shown) == 3 and app.screen.filter_query == ""
        assert app.session.state.get("filter") == ""


async def test_bad_settings_show_in_the_reader(make_app, tmp_path, monkeypatch, capsys):
    """Bad values, an unknown [keys] id and a missing theme are all shown as notices;
    the missing theme falls back to the default theme."""
    from reader import cli
    from reader.tui import app as app_module

    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text(
        'theme = "no-such-theme"\nsummary_sentences = 99\n[keys]\n"quote.nxet" = "ctrl+n"\n',
        encoding="utf-8",
    )
    seen: dict[str, object] = {}

    def fake_run_app(paths, app_paths, settings, problems=None, library_problems=None):
        seen.update(settings=settings, problems=problems)
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    assert cli.main(["--config-dir", str(config), str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""  # nothing printed to vanish under the screen
    settings, problems = seen["settings"], seen["problems"]
    assert any("summary_sentences" in p for p in problems)

    app = make_app(settings=settings, theme=None)
    app.session.setting_problems = list(problems)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = " | ".join(notes(app))
        assert "summary_sentences" in shown
        assert "'quote.nxet' is not an action id" in shown
        assert "'no-such-theme' not found; using textual-dark" in shown
        assert app.theme == "textual-dark"


async def test_an_empty_folder_beside_good_ones_is_a_library_notice(
    make_app, library, tmp_path, monkeypatch, capsys
):
    """A folder with nothing to list is said in the reader, as a library problem (not a
    setting), and the good folder opens."""
    from reader import cli
    from reader.tui import app as app_module

    empty = tmp_path / "empty"
    empty.mkdir()
    seen: dict[str, object] = {}

    def fake_run_app(paths, app_paths, settings, problems=None, library_problems=None):
        seen.update(paths=paths, problems=problems, library=library_problems)
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    config = tmp_path / "config"
    assert cli.main(["--config-dir", str(config), str(library), str(empty)]) == 0
    assert capsys.readouterr().err == ""
    assert seen["problems"] == [] and seen["library"] == [
        f"{empty}: no articles found (.txt, .md, .html)"
    ]

    app = make_app(library=[library, empty])
    app.session.library_problems = list(seen["library"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = {str(n.message): n.title for n in app._notifications}
        assert titles[seen["library"][0]] == "Library"
        assert len(app.screen.shown) == 3


async def test_key_help_lists_the_action_ids_for_overrides(make_app):
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table").content
        console = Console(width=200, record=True)
        console.print(table)
        text = console.export_text()
        for command in COMMANDS:
            assert command.id in text, command.id
        assert "[keys]" in text


async def test_jumping_to_the_last_quote_does_not_mark_read(make_app, tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    ending = '\n\n"We will stay out as long as it takes," Reyes said at the very end.\n'
    (folder / "long.txt").write_text(long_article(60) + ending, encoding="utf-8")
    app = make_app(library=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "end")
        await settle(pilot)
        view = app.screen.view
        assert view.seen() >= 0.9  # the jump brought the end into view
        assert not app.screen.is_read(app.screen.current)
        await pilot.press("tab")  # the reader now reads to the end themselves
        while app.focused is not view:
            await pilot.press("tab")
        await pilot.press("k", "j")
        await settle(pilot)
        assert app.screen.is_read(app.screen.current)


async def test_a_cached_analysis_never_says_it_loads_the_model(make_app, analyser, monkeypatch):
    from reader.tui.widgets.insight_pane import InsightPane

    said: list[str] = []
    show_status = InsightPane.show_status

    def spy(self, message: str, *, kind: str = "info") -> None:
        said.append(message)
        show_status(self, message, kind=kind)

    monkeypatch.setattr(InsightPane, "show_status", spy)
    app = make_app()
    app.session.lookup = lambda article, sentences, algorithm, words: fake_analysis(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.analysis is not None
        assert analyser.calls == []  # everything came from the cache
        assert not any("loading the model" in message for message in said)


async def test_an_uncached_analysis_says_it_loads_the_model(make_app, analyser, monkeypatch):
    app = make_app()
    app.session.lookup = lambda article, sentences, algorithm, words: None
    gate = analyser.gates["a-budget.txt"] = threading.Event()
    async with app.run_test(size=(120, 40)) as pilot:
        await until(
            pilot,
            lambda: (
                "loading the model" in str(app.screen.pane.query_one("#insight-status").render())
            ),
        )
        gate.set()
        await settle(pilot)
        assert app.screen.analysis is not None


def header_rows(app) -> list[tuple[str, ...]]:
    return [row.folder for row in app.screen.article_list._rows if row.ref is None]


async def test_a_file_with_no_body_is_marked_and_stays_marked(make_app, library, state_file):
    empty = library / "z-empty.txt"
    empty.write_text("A title and nothing else\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        refs = {ref.path.name: ref for ref in app.session.refs}
        assert refs["z-empty.txt"].format != "error"  # the scan cannot know yet
        app.screen.open(empty)
        await settle(pilot)
        refs = {ref.path.name: ref for ref in app.session.refs}
        assert refs["z-empty.txt"].format == "error"
        assert "no article text" in (refs["z-empty.txt"].source or "")
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.screen.current.name != "z-empty.txt"
        refs = {ref.path.name: ref for ref in again.session.refs}
        assert refs["z-empty.txt"].format == "error"  # known from the start, never opened
        assert again.screen.article_list.unread_count == 3


async def test_folder_headers_nest_and_never_repeat(make_app, library, tmp_path):
    (library / "broken.md").write_bytes(b"\x00\x01\x02 not text")
    sub = library / "harbour"
    sub.mkdir()
    (sub / "long.txt").write_text(long_article(3), encoding="utf-8")
    single = tmp_path / "one-file.txt"
    single.write_text(long_article(2).replace("long harbour", "short harbour"), encoding="utf-8")
    app = make_app(library=[library, single])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headers = header_rows(app)
        assert headers == [("library",), ("library", "harbour"), ("Files",)]
        names = [path.name for path in app.screen.article_list.paths]
        assert names.index("broken.md") < names.index("long.txt")  # under its own folder
        assert names[-1] == "one-file.txt"


# Rough edges


async def test_narrow_layout_fits_its_tabs_and_hints_at_insight(make_app):
    app = make_app()
    async with app.run_test(size=(70, 24)) as pilot:
        await settle(pilot)
        reading = app.screen.query_one("#reading")
        assert "i: summary" in str(reading.border_subtitle)
        await pilot.press("i")
        await settle(pilot)
        pane = app.screen.pane
        bar = pane.query_one("#insight-tabs")
        for tab in ("summary", "actors", "quotes"):
            assert bar.region.x + bar.spans()[tab][1] <= pane.content_region.right, tab
        assert not reading.border_subtitle
    async with make_app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert pilot.app.focused.region.width >= 18  # room to see what is typed


async def test_search_reopens_fresh_and_ignores_accents(make_app, library):
    (library / "d-accents.txt").write_text(
        "Ibáñez meets the dockers again\n\nThe union chief Tomás Ibáñez said the talks would go on.\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.open(library / "d-accents.txt")
        await settle(pilot)
        app.screen.action_search_text()
        await pilot.press(*"talks", "escape")
        app.screen.action_search_text()
        await pilot.press(*"Tomas Ibanez")
        await pilot.pause()
        bar = app.screen.query_one("#search-bar")
        assert bar.query_text == "Tomas Ibanez"
        text = app.screen.article.text
        assert [text[s:e] for s, e in app.screen.view.matches] == ["Tomás Ibáñez"]
        await pilot.press("escape")
        await pilot.pause()
        app.screen.article_list.focus()
        await pilot.press("slash", *"ibanez")
        await pilot.pause()
        assert [ref.path.name for ref in app.screen.shown] == ["d-accents.txt"]


async def test_list_filter_finds_words_in_the_text(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"pensions")  # only in the budget article's text
        await settle(pilot)
        assert [ref.path.name for ref in app.screen.shown] == ["a-budget.txt"]
        await pilot.press(*["backspace"] * 8, *"lindqvist")  # a person in the vaccine story
        await settle(pilot)
        assert [ref.path.name for ref in app.screen.shown] == ["c-vaccine.txt"]


async def test_wrapped_actor_roles_keep_their_indent(make_app):
    def long_roles(article, *, sentences, algorithm, words=None):
        analysis = fake_analysis(article, sentences)
        role = "director of finance for the city and its three outlying water districts"
        actors = tuple(replace(a, role=role) for a in analysis.actors)
        return replace(analysis, actors=actors), []

    app = make_app(analyser=long_roles)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        actors = app.screen.pane.item_list
        lines = [actors.render_line(y).text for y in range(actors.size.height)]
        names = {a.name for a in app.screen.analysis.actors} | {"People"}
        entries = [line.strip() for line in lines if line.strip() and not line.startswith("  ")]
        assert entries and all(entry in names for entry in entries), entries


async def test_tab_stops_once_per_pane_and_tab_keys_say_where_focus_went(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        stops = []
        for _ in range(4):
            stops.append(app.focused)
            await pilot.press("tab")
            await pilot.pause()
        screen = app.screen
        assert stops[:3] == [screen.article_list, screen.view, screen.pane.item_list]
        assert stops[3] is screen.article_list  # round again after three stops
        await pilot.press("3")
        await pilot.pause()
        assert app.focused is screen.pane.item_list and screen.pane.tab == "quotes"
        assert "Insight" in status_text(app) and "tab" in status_text(app)


async def test_unfocused_pane_borders_stand_out_at_256_colours(make_app):
    from rich.color import Color as RichColor
    from rich.color import ColorSystem

    for theme in ("textual-dark", "nord", "reader-dark", "textual-light"):
        app = make_app(theme=theme)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            pane = app.screen.query_one("#reading")
            assert not pane.has_focus_within
            background = pane.styles.background
            border = background + pane.styles.border_top[1]

            def eight_bit(colour):
                return RichColor.parse(colour.hex).downgrade(ColorSystem.EIGHT_BIT).number

            assert eight_bit(border) != eight_bit(background), theme
            assert abs(border.brightness - background.brightness) >= 0.1, theme


async def test_ctrl_c_quits(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.return_code == 0
        assert not any("to quit" in n for n in notes(app))


async def test_vi_and_pager_keys_move_in_lists_and_text(make_app, library):
    for n in range(12):
        (library / f"m-{n:02}.txt").write_text(long_article(30), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.article_list
        await pilot.press("G")
        assert articles.current == articles.paths[-1]
        await pilot.press("g")
        assert articles.current == articles.paths[0]
        await pilot.press("ctrl+d")
        assert articles.paths.index(articles.current) > 1
        await pilot.press("ctrl+u")
        assert articles.current == articles.paths[0]
        app.screen.open(library / "m-00.txt")
        await settle(pilot)
        view = app.screen.view
        view.focus()
        await pilot.pause()
        await pilot.press("ctrl+d")
        half = view.scroll_y
        assert half > 0
        await pilot.press("ctrl+f")
        assert view.scroll_y > half
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.scroll_y == 0
        app.screen.open(library / "a-budget.txt")
        await settle(pilot)
        await pilot.press("3", "G")
        quotes = app.screen.pane.item_list
        assert quotes.highlighted == quotes.option_count - 1
        await pilot.press("g")
        assert quotes.highlighted == 0


async def test_palette_shows_each_commands_key(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Quote: next")
        await pilot.pause(0.5)
        options = app.screen.query_one("CommandList").options
        assert any("key ]" in str(option.prompt) for option in options)


async def test_status_messages_give_way_to_the_place(make_app, monkeypatch):
    from reader.tui.widgets import status_bar

    monkeypatch.setattr(status_bar, "MESSAGE_SECONDS", 0.2)
    shown: list[str] = []
    show = status_bar.StatusBar._show
    monkeypatch.setattr(
        status_bar.StatusBar,
        "_show",
        lambda bar, text, kind: shown.append(text) or show(bar, text, kind),
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert status_text(app).startswith("1 of 3 · unread · ")
        assert "3 unread in the list" in status_text(app)
        await pilot.press("]")
        await until(pilot, lambda: status_text(app).startswith("1 of 3"))  # the message went
        message = next(i for i, text in enumerate(shown) if text.startswith("Quote 1 of 3"))
        assert shown[message + 1 :] and shown[-1].startswith("1 of 3 · unread · ")


async def test_a_run_of_status_messages_keeps_one_timer(make_app, monkeypatch):
    # `]` held down says something at every step: one timer for the run, not one each
    from reader.tui.widgets import status_bar

    monkeypatch.setattr(status_bar, "MESSAGE_SECONDS", 0.3)
    timers: list[float] = []
    set_timer = status_bar.StatusBar.set_timer
    monkeypatch.setattr(
        status_bar.StatusBar,
        "set_timer",
        lambda bar, delay, *a, **k: timers.append(delay) or set_timer(bar, delay, *a, **k),
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("]")
        assert status_text(app).startswith("Quote 3 of 3")
        assert len(timers) == 1
        await until(pilot, lambda: status_text(app).startswith("1 of 3"))  # the message went


async def test_footer_follows_the_focused_pane(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)

        def shown() -> set[str]:
            return {b.action for _, b, _, _ in app.screen.active_bindings.values() if b.show}

        in_list = shown()
        await pilot.press("tab")
        await pilot.pause()
        in_text = shown()
        await pilot.press("tab")
        await pilot.pause()
        in_pane = shown()
        assert "choose" in in_list and "choose" not in in_text
        assert "page_down" in in_text and "page_down" not in in_pane
        assert "select" in in_pane and "select" not in in_list


# Missing


async def test_mark_all_read_unread_only_and_sort(make_app, state_file):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        names = lambda: [p.name for p in app.screen.article_list.paths]  # noqa: E731
        await pilot.press("s")
        assert names() == ["b-port.txt", "a-budget.txt", "c-vaccine.txt"]  # newest first
        await pilot.press("s")
        assert names() == ["a-budget.txt", "c-vaccine.txt", "b-port.txt"]  # by title
        await pilot.press("s")
        assert names() == ["a-budget.txt", "b-port.txt", "c-vaccine.txt"]  # folder order
        app.screen.open(app.screen.article_list.paths[1])
        await settle(pilot)
        await pilot.press("m")  # the port story is read
        app.screen.open(app.screen.article_list.paths[0])
        await settle(pilot)
        await pilot.press("u")
        assert names() == ["a-budget.txt", "c-vaccine.txt"]
        assert app.screen.query_one("#library").border_title == "Unread · 2 of 3"
        await pilot.press("A")
        await settle(pilot)
        assert len(app.session.state.read_paths()) == 3
        assert app.screen.article_list.unread_count == 0
        assert names() == ["a-budget.txt"]  # unread only: just the open one stays
        await pilot.press("u", "s")
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [p.name for p in again.screen.article_list.paths][0] == "b-port.txt"  # remembered


async def test_y_on_a_quote_or_sentence_copies_a_citation(make_app, monkeypatch):
    copied: list[str] = []
    monkeypatch.setattr(export, "copy_local_clipboard", lambda text: copied.append(text) or "x")
    monkeypatch.delenv("TMUX", raising=False)
    app = make_app()
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "down", "down", "y")  # the second quote
        await settle(pilot)
        quote, source = copied[-1].splitlines()
        assert quote == "“Nobody ran for this job to close a library on Saturdays,”"
        assert source.startswith("— Delia Harkness, in “Council passes budget")
        assert "2026" in source
        await pilot.press("1", "down", "y")
        await settle(pilot)
        sentence, source = copied[-1].splitlines()
        assert sentence.startswith("“The Riverton City Council approved")
        assert source.startswith("— from “Council passes budget")
        assert any("with its source" in n for n in notes(app))


async def test_a_long_analysis_counts_its_seconds(make_app, analyser, monkeypatch):
    from reader.tui.screens import main as main_screen

    monkeypatch.setattr(main_screen, "LONG_ARTICLE", 50)
    gate = analyser.gates["a-budget.txt"] = threading.Event()
    app = make_app()

    def said() -> str:
        return str(app.screen.pane.query_one("#insight-status").render())

    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: " s" in said() and "words…" in said())
        words = len(app.screen.article.text.split())
        assert f"Analysing {words:,} words…" in said()
        gate.set()
        await settle(pilot)
        assert app.screen.analysis is not None and "words…" not in said()


async def test_export_dialog_follows_the_name_and_remembers_the_folder(
    make_app, tmp_path, monkeypatch
):
    from textual.widgets import Input

    from reader.tui.screens.export import ExportScreen

    monkeypatch.setattr(export, "default_export_dir", lambda: tmp_path / "documents")
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "exprots" / "summary.md")  # a folder that is not there
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "no such folder" in str(app.screen.query_one("#export-error").render())
        assert not (tmp_path / "exprots").exists()
        field.value = str(chosen / "summary.json")  # Markdown is ticked; the name says JSON
        await pilot.press("enter")
        await pilot.pause()
        assert json.loads((chosen / "summary.json").read_text(encoding="utf-8"))["title"]
        await pilot.press("e")
        await pilot.pause()
        offered = Path(app.screen.query_one("#export-path", Input).value)
        assert offered.parent == chosen


async def test_e_on_a_quote_exports_it_as_a_citation(make_app, tmp_path, monkeypatch):
    from textual.widgets import Input

    monkeypatch.setattr(export, "default_export_dir", lambda: tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "down", "e")
        await pilot.pause()
        assert app.screen.query_one("#export-box").border_title == "Export quote"
        field = app.screen.query_one("#export-path", Input)
        target = Path(field.value)
        assert target.name.endswith("-quote.md")
        await pilot.press("enter")
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert text.startswith("> “We are not cutting into bone yet")
        assert "Mara Oyelaran, in *Council passes budget" in text
        assert any("Exported the quote" in n for n in notes(app))


async def test_unread_only_counts_and_lists_the_unread(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        names = lambda: [p.name for p in app.screen.article_list.paths]  # noqa: E731
        title = lambda: str(app.screen.query_one("#library").border_title)  # noqa: E731
        await pilot.press("u")
        assert title() == "Unread · 3 of 3"
        await pilot.press("m")  # the open article is read: it stays while open, uncounted
        await settle(pilot)
        assert names() == ["a-budget.txt", "b-port.txt", "c-vaccine.txt"]
        assert title() == "Unread · 2 of 3"
        assert "2 unread in the list" in status_text(app)
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.current.name == "b-port.txt"
        assert names() == ["b-port.txt", "c-vaccine.txt"]  # the read one has left
        assert title() == "Unread · 2 of 3"
        assert status_text(app).startswith("1 of 2 · unread")
        await pilot.press("s")  # the order follows the count, after it
        assert title() == "Unread · 2 of 3 · date"
