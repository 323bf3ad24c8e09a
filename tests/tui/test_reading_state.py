"""Read marks (n, p, m, reading to the end) and restoring where the reader left off."""

from __future__ import annotations

from textual.events import MouseScrollDown

from reader.settings import Settings
from reader.tui.session import path_key
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.insight_pane import InsightPane

from .conftest import long_article, settle, status_text


def current_name(app) -> str:
    return app.screen.current.name


async def test_m_toggles_read_and_n_p_skip_read_articles(make_app, library):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("m")
        assert path_key(library / "a-budget.txt") in articles.read
        assert status_text(app).startswith("1 of 3 · read")
        await pilot.press("n")
        await settle(pilot)
        assert current_name(app) == "b-port.txt"
        await pilot.press("m", "n")
        await settle(pilot)
        assert current_name(app) == "c-vaccine.txt"
        await pilot.press("p")  # a and b are read: wraps round to... nothing else unread
        await settle(pilot)
        assert current_name(app) == "c-vaccine.txt"
        assert "No other unread" in status_text(app)
        await pilot.press("home")
        await settle(pilot)
        await pilot.press("m")  # a is unread again
        assert path_key(library / "a-budget.txt") not in articles.read
        await pilot.press("end")
        await settle(pilot)
        await pilot.press("n")  # from c, wraps to a
        await settle(pilot)
        assert current_name(app) == "a-budget.txt"
        assert app.session.state.read_paths() == {path_key(library / "b-port.txt")}


async def test_reading_to_the_end_marks_read(make_app, library):
    (library / "a-budget.txt").write_text(long_article(40), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        view.focus()
        await pilot.press("pagedown")
        await pilot.pause()
        assert status_text(app).startswith("1 of 3 · unread · ")
        await pilot.press("end")
        await pilot.pause()
        assert path_key(library / "a-budget.txt") in app.session.state.read_paths()
        assert status_text(app).startswith("1 of 3 · read · 100% · 2 unread in the list")


async def test_restart_restores_article_position_tab_and_theme(make_app, library, state_file):
    (library / "b-port.txt").write_text(long_article(60), encoding="utf-8")
    app = make_app(theme=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        view.focus()
        for _ in range(3):
            await pilot.press("pagedown")
        await pilot.pause(0.6)  # the position is saved after a short stillness
        paragraph, _ = view.position()
        assert paragraph > 5
        await pilot.press("3")
        app.theme = "reader-light"
        await pilot.pause()

    again = make_app(theme=None)
    async with again.run_test(size=(140, 40)) as pilot:  # a different window size
        await settle(pilot)
        assert current_name(again) == "b-port.txt"
        view = again.screen.query_one(ArticleView)
        assert view.position()[0] == paragraph
        assert again.screen.query_one(InsightPane).tab == "quotes"
        assert again.theme == "reader-light"


async def test_mouse_wheel_scrolls_the_text(make_app, library):
    (library / "a-budget.txt").write_text(long_article(40), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.hover(ArticleView, offset=(10, 5))
        for _ in range(3):
            view.post_message(MouseScrollDown(view, 10, 5, 0, 0, 0, False, False, False))
        await pilot.pause(0.3)
        assert view.scroll_y > 0


async def test_a_restored_position_near_the_end_does_not_mark_read(make_app, library):
    (library / "a-budget.txt").write_text(long_article(40), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        article = app.screen.article
        app.session.state.set_position(article.id, app.screen.current, 39, 0.0)
        app.session.articles.clear()
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert app.screen.query_one(ArticleView).position()[0] >= 35
        await pilot.pause(0.5)
        assert app.session.state.read_paths() == set()


async def test_bad_remembered_values_fall_back(make_app):
    app = make_app(theme="no-such-theme")
    app.session.state.set("tab", "nonsense")
    app.session.state.set("summary_sentences", "many")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(InsightPane).tab == "summary"
        assert len(app.screen.analysis.summary) == 3
        assert app.theme in app.available_themes


async def test_a_change_in_config_toml_wins_over_an_older_choice_in_the_reader(
    make_app, state_file
):
    app = make_app(settings=Settings(summary_sentences=3))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert app.session.sentences == 4
    app.session.state.close()

    same = make_app(settings=Settings(summary_sentences=3))
    assert same.session.sentences == 4  # config.toml unchanged: the reader's choice stays
    same.session.state.close()

    edited = make_app(settings=Settings(summary_sentences=6))
    assert edited.session.sentences == 6  # the newer change, in config.toml, wins
    async with edited.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("minus")
        await settle(pilot)
    assert edited.session.sentences == 5
    edited.session.state.close()

    again = make_app(settings=Settings(summary_sentences=6))
    assert again.session.sentences == 5


def test_the_help_screen_states_the_settings_precedence():
    from rich.console import Console

    from reader.tui.screens.help import key_table
    from reader.tui.session import PRECEDENCE

    console = Console(width=400, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(key_table())
    assert PRECEDENCE in console.export_text()
