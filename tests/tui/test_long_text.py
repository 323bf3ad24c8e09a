"""A very long article: its start shows at once and the rest is laid out while keys (and
quit) keep working; what needs lines not laid out yet waits for them."""

from __future__ import annotations

import re

from reader.tui.widgets.article_view import ArticleView

from .conftest import long_article, settle, status_text

PARAGRAPHS = 12_000
"""Tens of thousands of screen lines: far more than the first slice lays out."""


async def shown(pilot) -> ArticleView:
    """Wait (without waiting for the layout to finish) until the long article is on screen."""
    app = pilot.app
    for _ in range(600):
        await pilot.pause(0.02)
        if app.screen.article is not None and app.screen.current.name == "a-budget.txt":
            return app.screen.view
    raise AssertionError("the long article never opened")


def rows_on_screen(view: ArticleView) -> list[str]:
    layout = view._layout
    top = round(view.scroll_y)
    height = view.scrollable_content_region.height
    return [layout.text_of(line) for line in layout.lines[top : top + height]]


async def test_a_huge_article_shows_its_start_and_quit_does_not_wait_for_the_rest(
    make_app, library, monkeypatch
):
    from reader.tui.widgets import article_view

    monkeypatch.setattr(article_view, "SLICE", 0.0)  # a paragraph a turn: the rest takes long
    (library / "a-budget.txt").write_text(long_article(PARAGRAPHS), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await shown(pilot)
        assert not view._layout.complete
        assert any("Paragraph 1 goes" in row for row in rows_on_screen(view))
        await pilot.press("q")
    assert not app.is_running
    assert not view._layout.complete  # quit came before the layout was done


async def test_keys_work_while_the_rest_is_laid_out(make_app, library):
    (library / "a-budget.txt").write_text(long_article(PARAGRAPHS), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await shown(pilot)
        view.focus()
        page = view.scrollable_content_region.height
        await pilot.press("pagedown", "pagedown")
        assert view.scroll_y == 2 * page
        await settle(pilot)
        assert view._layout.complete
        assert view.virtual_size.height == len(view._layout)
        assert view.scroll_y == 2 * page  # growing the layout did not move the text


async def test_g_goes_to_the_very_end_once_it_is_laid_out(make_app, library):
    (library / "a-budget.txt").write_text(long_article(PARAGRAPHS), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await shown(pilot)
        view.focus()
        await pilot.press("G")
        await settle(pilot)
        assert view._layout.complete
        assert view.scroll_y == view.max_scroll_y > 0
        assert any(f"({PARAGRAPHS})" in row for row in rows_on_screen(view))


async def test_search_finds_a_match_beyond_what_is_laid_out(make_app, library):
    (library / "a-budget.txt").write_text(long_article(PARAGRAPHS), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await shown(pilot)
        view.focus()
        await pilot.press("slash", *f"({PARAGRAPHS - 5})")
        await settle(pilot)
        assert app.screen.view.matches
        assert any(f"({PARAGRAPHS - 5})" in row for row in rows_on_screen(view))


async def test_a_saved_position_deep_in_a_huge_article_is_restored_and_kept(
    make_app, library, state_file
):
    path = library / "a-budget.txt"
    path.write_text(long_article(PARAGRAPHS), encoding="utf-8")
    app = make_app()
    article = app.session.loader(path)
    deep = PARAGRAPHS - 100
    app.session.state.set_position(article.id, path, deep, 0.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        await settle(pilot)
        view = app.screen.view
        assert view.position() == (deep, 0.0)
        assert any(f"Paragraph {deep + 1} goes" in row for row in rows_on_screen(view)[:2])
        seen = re.search(r"(\d+)%", status_text(app))
        assert seen and int(seen.group(1)) >= 95  # the status line follows the late restore
        await pilot.pause(0.5)  # longer than the delay before a position is saved
        app.screen.flush_position()
        saved = app.session.state.position(article.id, path)
        assert (saved.paragraph, saved.offset) == (deep, 0.0)
