"""Quotes, summary sentences and actors are linked to their places in the text."""

from __future__ import annotations

from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.insight_pane import InsightPane

from .conftest import long_article, message_log, settle, status_text


def focus_spans(app) -> list[tuple[int, int]]:
    layer = app.screen.query_one(ArticleView)._layers.get("focus")
    return list(zip(*layer, strict=True)) if layer else []


def write_story(library, paragraphs: int, quotes: dict[int, str]) -> None:
    """A long story in the library with quote sentence `quotes[n]` in place of paragraph
    n's closing "(n)"."""
    text = long_article(paragraphs)
    for n, quote in quotes.items():
        text = text.replace(f"({n})", quote)
    (library / "a-budget.txt").write_text(text, encoding="utf-8")


def focused_text(app) -> str:
    ((start, end),) = focus_spans(app)
    return app.screen.article.text[start:end]


async def test_quote_stepping_wraps_with_a_notice(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("]")
        assert status_text(app) == "Quote 1 of 3 · Mara Oyelaran"
        assert focused_text(app).startswith("We are not cutting into bone yet")
        pane = app.screen.query_one(InsightPane)
        assert pane.tab == "quotes"
        assert pane.item_list.highlighted == pane.cursor("quotes") == 0
        await pilot.press("]", "]")
        assert status_text(app) == "Quote 3 of 3 · Janelle Okafor"
        assert pane.item_list.highlighted == 2
        await pilot.press("]")
        assert status_text(app).startswith("Quote 1 of 3 · Mara Oyelaran · wrapped")
        assert any("Wrapped" in str(n.message) for n in app._notifications)
        await pilot.press("[")
        assert status_text(app).startswith("Quote 3 of 3 · Janelle Okafor · wrapped")
        await pilot.press("[")
        assert status_text(app) == "Quote 2 of 3 · Delia Harkness"
        assert focused_text(app) == "Nobody ran for this job to close a library on Saturdays,"


async def test_quote_step_scrolls_the_text(make_app, library, analyser):
    write_story(library, 60, {45: '"The crane will move again," said Tomas Reyes.'})
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.scroll_y == 0
        await pilot.press("]")
        assert status_text(app) == "Quote 1 of 1 · Tomas Reyes"
        row = view._layout.row_of_offset(focus_spans(app)[0][0])
        assert view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height


async def test_a_quote_already_on_screen_is_lit_without_moving_the_text(make_app, library):
    write_story(library, 60, {n: f'"Step {n} is done," said Tomas Reyes.' for n in (30, 32, 52)})
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("]")
        assert focused_text(app) == "Step 30 is done,"
        top = view.scroll_y
        assert top > 0  # the first quote was brought into view
        await pilot.press("]")
        assert focused_text(app) == "Step 32 is done,"
        assert view.scroll_y == top  # on screen already: the eye keeps its place
        await pilot.press("]")
        assert focused_text(app) == "Step 52 is done,"
        assert view.scroll_y > top  # off screen: brought into view
        row = view._layout.row_of_offset(focus_spans(app)[0][0])
        assert view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height


async def test_stepping_past_the_end_of_the_quotes_list_turns_a_page_not_a_row(make_app, library):
    """The Quotes list keeps still while the next quote is in view; one step past its
    last row brings that quote a third of the way down, so the steps after it do not
    scroll (and redraw) the whole list one row at a time."""
    write_story(library, 60, {n: f'"Step {n} is done," said Tomas Reyes.' for n in range(60)})
    app = make_app()
    async with app.run_test(size=(160, 24)) as pilot:
        await settle(pilot)
        items = app.screen.query_one(InsightPane).item_list
        moves = 0
        for _ in range(40):
            before = round(items.scroll_y)
            await pilot.press("]")
            row, height = items.highlighted, items.scrollable_content_region.height
            y, top = items._index_to_line[row], round(items.scroll_y)
            end = y + items._heights[row]
            assert top <= y and end <= top + height  # wholly in view
            if top != before:
                moves += 1
                assert not (before <= y and end <= before + height)  # it had to move
                assert y - top == height // 3 or top == items.max_scroll_y
        assert 2 <= moves <= 40 // 3  # a row at a time would move on nearly every step


async def test_summary_stepping(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("}")
        assert status_text(app) == "Summary sentence 1 of 3"
        assert focused_text(app).startswith("The Riverton City Council approved")
        await pilot.press("}")
        assert status_text(app) == "Summary sentence 2 of 3"
        await pilot.press("{", "{")
        assert status_text(app).startswith("Summary sentence 3 of 3 · wrapped")
        assert app.screen.query_one(InsightPane).tab == "summary"


async def test_enter_on_a_summary_item_jumps_and_highlights(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        pane = app.screen.query_one(InsightPane)
        assert pane.item_list.has_focus
        await pilot.press("down", "down", "enter")
        assert focused_text(app).startswith('"We are not cutting into bone')
        assert status_text(app) == "Summary sentence 2 of 3"


async def test_enter_on_a_quote_jumps_and_highlights(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("3", "down", "down", "down", "enter")
        assert focused_text(app) == "Saturday is the only day my kids can get there,"
        assert status_text(app) == "Quote 3 of 3 · Janelle Okafor"


async def test_actor_highlights_all_mentions_and_enter_steps_through_them(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "down")  # the first actor (after the "People" header)
        view = app.screen.query_one(ArticleView)
        starts, ends = view._layers["mention"]
        text = app.screen.article.text
        assert {text[s:e] for s, e in zip(starts, ends, strict=True)} == {"Oyelaran"}
        assert len(starts) == 3
        assert status_text(app) == "Mara Oyelaran · 3 mentions highlighted"
        await pilot.press("enter")
        assert status_text(app) == "Mara Oyelaran · mention 1 of 3"
        first = focus_spans(app)
        await pilot.press("enter")
        assert status_text(app) == "Mara Oyelaran · mention 2 of 3"
        assert focus_spans(app) != first
        await pilot.press("escape")  # back to the text's own colours
        assert "mention" not in view._layers and "focus" not in view._layers


async def test_clicking_a_tab_and_an_item(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        start, _end = app.screen.query_one("#insight-tabs").spans()["quotes"]
        await pilot.click("#insight-tabs", offset=(start + 2, 0))
        pane = app.screen.query_one(InsightPane)
        assert pane.tab == "quotes"
        await pilot.click("#insight-list", offset=(3, 0))
        assert status_text(app) == "Quote 1 of 3 · Mara Oyelaran"
        assert app.session.state.get("tab") == "quotes"


async def test_fragments_are_hidden_until_f(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        pane = app.screen.query_one(InsightPane)
        quotes = pane.prompts("quotes")  # not the tab shown: its items are kept all the same
        assert len(quotes) == 2  # one quote and "1 fragment hidden · f to show"
        assert "1 fragment hidden" in str(quotes[1])
        await pilot.press("]")
        assert status_text(app) == "Quote 1 of 1 · Anna Lindqvist"
        await pilot.press("f")
        assert app.session.state.get("show_fragments") is True
        quotes = pane.item_list  # `]` showed the Quotes tab
        assert quotes.option_count == 2
        assert "(fragment)" in str(quotes.get_option_at_index(0).prompt)
        await pilot.press("]")
        assert status_text(app) == "Quote 1 of 2 · unattributed"
        assert focused_text(app) == "miracle"


async def test_the_pane_keeps_the_selection_and_says_what_it_selected(make_app):
    from reader.tui.messages import ItemSelected, TabChanged

    said, hook = message_log(ItemSelected, TabChanged)

    app = make_app()
    async with app.run_test(size=(160, 45), message_hook=hook) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(InsightPane)
        text = app.screen.article.text
        said.clear()
        await pilot.press("]")  # the screen asks the pane to step; the pane answers where
        assert not [m for m in said if isinstance(m, ItemSelected)]  # an answer, not a message
        step = pane.step("quotes", True)
        assert step is not None and (step.kind, step.number, step.count) == ("quotes", 2, 3)
        assert step.analysis is app.screen.analysis and not step.wrapped
        assert pane.selected("quotes") == step.index and pane.tab == "quotes"
        assert text[slice(*step.span)] == "Nobody ran for this job to close a library on Saturdays,"
        await pilot.press("[")
        assert pane.cursor("quotes") == 0
        assert focused_text(app).startswith("We are not cutting into bone yet")
        said.clear()
        await pilot.press("3", "down", "enter")  # the list's cursor, then enter
        moved, chosen = [m for m in said if isinstance(m, ItemSelected)]
        assert (moved.number, moved.chosen, chosen.number, chosen.chosen) == (2, False, 2, True)
        assert pane.cursor("quotes") == 1
        said.clear()
        await pilot.press("1", "3")  # switching tabs selects nothing and keeps each cursor
        assert [m.tab for m in said if isinstance(m, TabChanged)] == ["summary", "quotes"]
        assert not [m for m in said if isinstance(m, ItemSelected)]
        assert pane.item_list.highlighted == pane.cursor("quotes") == 1
        assert pane.item_list.has_focus
        await pilot.press("2", "down")  # an actor: no place of its own in the text
        actor = [m for m in said if isinstance(m, ItemSelected)][-1]
        assert actor.kind == "actors" and actor.span is None
        assert status_text(app) == "Mara Oyelaran · 3 mentions highlighted"


async def test_each_tab_keeps_its_scroll_position(make_app, library):
    write_story(library, 40, {n: f'"Point {n} stands," said Ines Varga.' for n in range(1, 13)})
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(InsightPane)
        await pilot.press("3", "G")
        items = pane.item_list
        bottom = items.scroll_y
        assert bottom > 0 and items.highlighted == items.option_count - 1
        await pilot.press("1")
        assert items.scroll_y == 0 and pane.tab == "summary"
        await pilot.press("3")
        assert items.scroll_y == bottom and items.highlighted == items.option_count - 1


async def test_the_view_keeps_the_mention_cursor_and_says_where_it_is(make_app):
    from reader.tui.messages import MentionSelected

    said, hook = message_log(MentionSelected)

    app = make_app()
    async with app.run_test(size=(160, 45), message_hook=hook) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("2", "down")
        assert [(m.number, m.count) for m in said] == [(0, 3)]
        assert said[0].key == view.mentions_of is not None and view.mention == -1
        said.clear()
        await pilot.press("enter", "enter")
        assert [(m.number, m.count) for m in said] == [(1, 3), (2, 3)]
        assert view.mention == 1
        said.clear()
        key = view.mentions_of
        view.light_mentions(key, [], jump=True)  # same key: the lit mentions and cursor stay
        await pilot.pause()
        assert [(m.number, m.count) for m in said] == [(3, 3)]
        assert status_text(app) == "Mara Oyelaran · mention 3 of 3"
        text = app.screen.article.text
        assert focused_text(app) == "Oyelaran" and view.mention == 2
        said.clear()
        await pilot.press("enter")  # round to the first again
        assert [(m.number, m.count) for m in said] == [(1, 3)]
        await pilot.press("escape")
        assert view.mentions_of is None and view.mention == -1
        assert "Oyelaran" in text


async def test_the_pointer_over_a_tab_name_is_a_hand(make_app):
    """As over Textual's tabs: the hand over a name, the default arrow over the line
    under the names and past them."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("#insight-tabs")
        start, end = bar.spans()["actors"]
        last = max(right for _left, right in bar.spans().values())
        for offset, shape in (((start + 2, 0), "pointer"), ((start + 2, 1), "default"),
                              ((last + 2, 0), "default"), ((end - 2, 0), "pointer")):  # fmt: skip
            await pilot.hover("#insight-tabs", offset=offset)
            await settle(pilot, 1)
            assert app.screen._pointer_shape == shape, offset


async def test_a_drag_from_a_tab_name_selects_no_text(make_app):
    """The tab names are not text to copy (as Textual's tabs): a drag that starts on one
    and ends in the article selects nothing, and a click there still switches tabs."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        start, _end = app.screen.query_one("#insight-tabs").spans()["actors"]
        await pilot.mouse_down("#insight-tabs", offset=(start + 2, 0))
        await pilot._post_mouse_events([events.MouseMove], app.screen.view, (20, 5), button=1)
        await pilot.mouse_up(app.screen.view, offset=(20, 5))
        await settle(pilot, 1)
        assert app.screen.get_selected_text() is None
        await pilot.click("#insight-tabs", offset=(start + 2, 0))
        assert app.screen.pane.tab == "actors"
