"""`/` filters the list as you type, or searches the text with a count and next match."""

from __future__ import annotations

from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.query_bar import QueryBar

from .conftest import held_scanner, message_log, settle, status_text, until


def layer(app, name: str) -> list[tuple[int, int]]:
    spans = app.screen.query_one(ArticleView)._layers.get(name)
    return list(zip(*spans, strict=True)) if spans else []


async def test_filter_as_you_type(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        bar = app.screen.query_one("#filter-bar", QueryBar)
        assert bar.display
        await pilot.press(*"STRIKE")  # the port story's title (the filter reads text too)
        articles = app.screen.query_one(ArticleList)
        assert [p.name for p in articles.paths] == ["b-port.txt"]
        assert app.screen.query_one("#library").border_title == "Articles · 1 of 3"
        await pilot.press("enter")
        await settle(pilot)
        assert articles.has_focus
        assert app.screen.current.name == "b-port.txt"
        assert app.session.state.get("filter") == "STRIKE"
        await pilot.press("slash", "escape")
        assert len(articles.paths) == 3
        assert not bar.display


async def test_filter_matches_the_byline(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"marsh")  # Elena Marsh wrote the port story
        assert [p.name for p in app.screen.query_one(ArticleList).paths] == ["b-port.txt"]
        assert app.screen.query_one("#library").border_title == "Articles · 1 of 3"


async def test_filter_with_no_match_keeps_the_open_article(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzz")
        assert app.screen.query_one(ArticleList).paths == []
        assert app.screen.current.name == "a-budget.txt"
        assert app.screen.query_one("#library").border_title == "Articles · 0 of 3"


async def test_search_counts_highlights_and_steps(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab")  # focus the text
        assert app.screen.query_one(ArticleView).has_focus
        await pilot.press("slash", *"harkness")
        text = app.screen.article.text
        matches = layer(app, "match")
        assert len(matches) == 3
        assert {text[s:e] for s, e in matches} == {"Harkness"}
        assert status_text(app) == "Match 1 of 3"
        assert layer(app, "match-current") == matches[:1]
        await pilot.press("enter")
        assert status_text(app) == "Match 2 of 3"
        await pilot.press("enter", "enter")
        assert status_text(app) == "Match 1 of 3"
        await pilot.press("shift+enter")
        assert status_text(app) == "Match 3 of 3"
        await pilot.press("tab")  # leave the box: n steps through matches while it is open
        await pilot.press("n")
        assert status_text(app) == "Match 1 of 3"
        await pilot.press("N")  # back, as in less and vi
        assert status_text(app) == "Match 3 of 3"
        await pilot.press("escape")
        assert layer(app, "match") == []
        await pilot.press("N")  # no search: says so, opens nothing
        assert status_text(app) == "No search: / in the text searches it."
        assert app.screen.current.name == "a-budget.txt"
        await pilot.press("n")  # back to next unread
        await settle(pilot)
        assert app.screen.current.name == "b-port.txt"


async def test_search_matches_curly_quotes_and_across_line_breaks(make_app, library):
    (library / "a-budget.txt").write_text(
        "Quotes test\nBy A. Writer\nMarch 3, 2026\n\n"
        "She said “It’s fine” and left. It's FINE, they said again.\n"
        "A second line: it's\nfine across the break.\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "slash", *"it's fine")
        text = app.screen.article.text
        found = [text[s:e] for s, e in layer(app, "match")]
        assert found[:2] == ["It’s fine", "It's FINE"]
        assert len(found) == 3
        assert " ".join(found[2].split()) == "it's fine"
        await pilot.press("backspace", *"xx")
        assert layer(app, "match") == []
        assert "no matches" in str(app.screen.query_one("#search-bar .query-count").render())


async def test_a_remembered_filter_is_shown(make_app):
    app = make_app()
    app.session.state.set("filter", "vaccine")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("#filter-bar", QueryBar)
        assert bar.display and bar.query_text == "vaccine"
        assert [p.name for p in app.screen.query_one(ArticleList).paths] == ["c-vaccine.txt"]
        assert app.screen.current.name == "c-vaccine.txt"
        assert app.screen.query_one(ArticleList).has_focus


async def test_a_remembered_filter_opens_its_first_match_when_the_scan_finds_it_late(
    make_app,
):
    """The first files a slow scan lists do not match the remembered filter: nothing the
    filter hides is opened, and the first match opens once the scan reaches it."""
    slow_scanner, release = held_scanner(1)

    app = make_app()
    app.session.state.set("filter", "vaccine")
    app.session.scanner = slow_scanner
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.screen.session.refs, rounds=60)
        assert [r.path.name for r in app.screen.session.refs] == ["a-budget.txt"]
        assert app.screen.article is None  # the one file found is not a match
        release.set()
        await settle(pilot)
        assert app.screen.current.name == "c-vaccine.txt"
        assert app.screen.article_list.current.name == "c-vaccine.txt"


async def test_status_line_follows_the_search_when_matches_run_out(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "slash", *"harkness")
        assert status_text(app) == "Match 1 of 3"
        await pilot.press(*"zz")
        assert app.screen.query_one("#search-bar", QueryBar).display
        assert "Match" not in status_text(app)
        assert status_text(app) == "No matches."
        await pilot.press("backspace", "backspace")
        assert status_text(app) == "Match 1 of 3"
        for _ in "harkness":
            await pilot.press("backspace")
        assert status_text(app).startswith("1 of 3 · unread")


async def test_the_view_keeps_the_search_and_says_which_match_is_selected(make_app):
    from reader.tui.messages import MatchSelected

    said, hook = message_log(MatchSelected)

    app = make_app()
    async with app.run_test(size=(160, 45), message_hook=hook) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("tab", "slash", *"harkness")
        assert (said[-1].query, said[-1].number, said[-1].count) == ("harkness", 1, 3)
        assert len(view.matches) == 3 and view.match == 0
        said.clear()
        view.step_match(True)  # the view moves on its own: the screen learns it by message
        await pilot.pause()
        assert [(m.number, m.wrapped) for m in said] == [(2, False)]
        assert status_text(app) == "Match 2 of 3"
        count = app.screen.query_one("#search-bar .query-count").render()
        assert "2 of 3" in str(count)
        said.clear()
        await pilot.press("enter", "enter")  # round the end of the text
        assert [(m.number, m.wrapped) for m in said] == [(3, False), (1, True)]
        assert view.match == 0
        said.clear()
        await pilot.press(*"zz")
        assert [(m.query, m.count) for m in said] == [("harknessz", 0), ("harknesszz", 0)]
        assert view.matches == [] and view.match is None
        said.clear()
        await pilot.press("escape")  # closed: the query is empty, the line shows the place
        assert [(m.query, m.count) for m in said] == [("", 0)]
        assert status_text(app).startswith("1 of 3 · unread")
        said.clear()
        await pilot.press("j")  # the text scrolls, nothing about the search changed
        assert said == []
