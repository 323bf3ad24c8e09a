"""Tabs, the insight toggle, and nothing cut off or overlapping at 80x24."""

from __future__ import annotations

from textual.widget import Widget

from reader.tui.widgets.insight_pane import InsightPane

from .conftest import settle

PANES = ("#library", "#reading", "#insight", "#status")


def visible(app, selector: str) -> bool:
    widget = app.screen.query_one(selector, Widget)
    return widget.display and widget.region.area > 0


def assert_no_overlap(app) -> None:
    screen = app.screen.region
    shown = [app.screen.query_one(s, Widget).region for s in PANES if visible(app, s)]
    for region in shown:
        assert screen.contains_region(region), region
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            assert not a.overlaps(b), (a, b)


async def test_number_keys_switch_tabs_and_remember_them(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(InsightPane)
        for key, tab in (("2", "actors"), ("3", "quotes"), ("1", "summary")):
            await pilot.press(key)
            await pilot.pause()
            assert pane.tab == tab
            assert pane.item_list.has_focus
            assert app.session.state.get("tab") == tab


async def test_wide_layout_has_three_panes_and_i_hides_the_insight(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert all(visible(app, s) for s in PANES)
        assert_no_overlap(app)
        await pilot.press("i")
        await pilot.pause()
        assert not visible(app, "#insight")
        assert visible(app, "#library") and visible(app, "#reading")
        await pilot.press("i")
        await pilot.pause()
        assert visible(app, "#insight")


async def test_80x24_collapses_the_insight_pane_behind_i(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        assert visible(app, "#library") and visible(app, "#reading")
        assert not visible(app, "#insight")
        assert_no_overlap(app)
        await pilot.press("i")
        await pilot.pause()
        assert visible(app, "#insight") and visible(app, "#reading")
        assert not visible(app, "#library")
        assert_no_overlap(app)
        assert app.screen.query_one("#reading").region.width >= 40
        await pilot.press("]")  # quote stepping works with the pane shown
        assert app.screen.pane.cursor("quotes") == 0
        await pilot.press("i")
        await pilot.pause()
        assert visible(app, "#library") and not visible(app, "#insight")
        await pilot.press("2")  # a tab key opens the pane when it is hidden
        await pilot.pause()
        assert visible(app, "#insight")
        assert app.screen.query_one(InsightPane).tab == "actors"
        await app.run_action("filter_list", app.screen)  # "Library: filter" brings the list back
        await pilot.pause()
        assert visible(app, "#library")


async def test_resizing_keeps_everything_on_screen(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        for size in ((80, 24), (120, 40), (100, 30), (200, 60)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert_no_overlap(app)
            assert visible(app, "#reading")
