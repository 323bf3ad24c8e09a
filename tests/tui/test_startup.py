"""Start-up: the list and the first article appear, articles open from the keyboard and mouse."""

from __future__ import annotations

from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.insight_pane import InsightPane

from .conftest import settle, status_text


def view_lines(app) -> list[str]:
    view = app.screen.query_one(ArticleView)
    return [view._line_text(row) for row in range(len(view._layout))]


async def test_shows_list_and_first_article(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert [p.name for p in articles.paths] == ["a-budget.txt", "b-port.txt", "c-vaccine.txt"]
        assert app.screen.query_one("#library").border_title == "Articles · 3"
        lines = view_lines(app)
        assert lines[0] == "Council passes budget after late fight over library hours"
        assert lines[1].startswith("By Hannah Cordero · 3 Mar 2026")
        assert any("Riverton City Council" in line for line in lines)
        assert status_text(app).startswith("1 of 3 · unread")
        summary = app.screen.query_one(InsightPane).item_list  # the tab shown at first
        assert summary.option_count == 4  # three sentences and the line naming the algorithm
        assert "3 sentences" in str(summary.get_option_at_index(3).prompt)


async def test_j_opens_the_next_article(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert view_lines(app)[0] == "Port workers extend strike into a second week"
        assert app.screen.analysis.article_id == app.screen.article.id
        await pilot.press("k")
        await settle(pilot)
        assert view_lines(app)[0].startswith("Council passes budget")


async def test_click_opens_an_article(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        # Rows are two lines each: the third article's title is on line 4 of the list.
        await pilot.click(ArticleList, offset=(5, 4))
        await settle(pilot)
        assert view_lines(app)[0] == "Nasal spray vaccine cuts severe flu in trial"
        assert app.screen.query_one(ArticleList).has_focus


async def test_enter_on_the_list_moves_focus_to_the_text(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert app.screen.query_one(ArticleView).has_focus


async def test_unreadable_article_shows_its_error_in_place(make_app, library):
    (library / "d-broken.html").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert "d-broken.html" in [p.name for p in articles.paths]
        await pilot.press("end")
        await settle(pilot)
        lines = view_lines(app)
        assert "cannot be opened" in lines[0] or "d-broken" in " ".join(lines)
        await pilot.press("home")
        await settle(pilot)
        assert view_lines(app)[0].startswith("Council passes budget")


async def test_empty_library_says_so(make_app, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(library=empty)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert view_lines(app)[0] == "No articles found"


async def test_keys_on_an_unopenable_article_say_it_cannot_be_opened(make_app, library):
    (library / "d-empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert "cannot be opened" in view_lines(app)[0]
        await pilot.press("]")
        await pilot.pause()
        assert "cannot be opened" in status_text(app)
        assert "not ready" not in status_text(app)
        await pilot.press("e")
        await pilot.pause()
        notes = [str(n.message) for n in app._notifications]
        assert any("cannot be opened: nothing to copy or export" in n for n in notes)
        assert not any("not ready" in n for n in notes)


async def test_bad_files_given_one_by_one_are_rows_that_say_why(make_app, library, tmp_path):
    blob = tmp_path / "picture.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    missing = tmp_path / "gone.txt"
    missing_plain = tmp_path / "gone-notes"  # no extension: a row all the same
    app = make_app(library=[library / "a-budget.txt", blob, missing, missing_plain])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        refs = {r.path.name: r for r in app.screen.shown}
        assert set(refs) == {"a-budget.txt", "picture.txt", "gone.txt", "gone-notes"}
        assert refs["gone-notes"].format == "error" and "no such file" in refs["gone-notes"].source
        assert refs["a-budget.txt"].format != "error"
        assert view_lines(app)[0].startswith("Council passes budget")
        app.screen.open(blob)
        await settle(pilot)
        assert "cannot be opened" in view_lines(app)[0]
        assert refs["gone.txt"].format == "error" and "no such file" in refs["gone.txt"].source
