"""What keeps the screen steady and prompt: no placeholder for what is already known,
exact paging, and work that never holds the reader up (timings live in benchmarks/)."""

from __future__ import annotations

import gc
import threading

from textual.geometry import Region
from textual.widget import Widget

from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.insight_pane import InsightPane

from .conftest import fake_analysis, held_scanner, long_article, settle, status_text, until


def record_placeholders(monkeypatch) -> list[str]:
    """Every "Opening…"/"Analysing…" style message the screen puts up, in order."""
    shown: list[str] = []
    show_message, show_waiting = ArticleView.show_message, InsightPane.show_waiting

    def message(self, title, detail=""):
        shown.append(title)
        show_message(self, title, detail)

    def waiting(self, message, **kwargs):
        shown.append(message)
        show_waiting(self, message, **kwargs)

    monkeypatch.setattr(ArticleView, "show_message", message)
    monkeypatch.setattr(InsightPane, "show_waiting", waiting)
    return shown


async def test_going_back_to_an_article_shows_no_placeholder(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.current.name == "b-port.txt"
        shown = record_placeholders(monkeypatch)
        await pilot.press("k")
        await pilot.pause()
        # text and analysis in the same handler: no frame can show anything in between
        assert app.screen.current.name == "a-budget.txt"
        assert app.screen.analysis is not None
        assert shown == []


class DiskCachedAnalyser:
    """An analyser whose results are all in its (disk) cache, like a library read before."""

    def __init__(self) -> None:
        self.submitted: list[str] = []

    def cached(self, article, sentences, algorithm, words=None):
        return fake_analysis(article, sentences)

    def __call__(self, article, **_options):
        self.submitted.append(article.path.name)
        return fake_analysis(article), []


async def test_an_analysis_in_the_disk_cache_shows_with_its_text(make_app, monkeypatch):
    analyser = DiskCachedAnalyser()
    app = make_app(analyser=analyser)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        shown = record_placeholders(monkeypatch)
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.current.name == "b-port.txt"
        assert app.screen.analysis is not None
        assert not any(message.startswith("Analysing") for message in shown)
        assert analyser.submitted == []


async def test_page_down_moves_exactly_one_page_each_time(make_app, library):
    (library / "a-budget.txt").write_text(long_article(80), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        view.focus()
        page = view.scrollable_content_region.height
        await pilot.press("pagedown", "pagedown", "space")  # quickly, one after the other
        assert view.scroll_y == 3 * page
        await pilot.press("b", "pageup")
        assert view.scroll_y == page


async def test_quit_does_not_wait_for_a_running_analysis(make_app, analyser):
    gate = analyser.gates["a-budget.txt"] = threading.Event()  # never released
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
            if analyser.calls:
                break
        assert analyser.calls  # the analysis is running and blocked
        await pilot.press("q")
    assert not gate.is_set()
    busy = [t for t in threading.enumerate() if t.name.startswith("reader-")]
    assert busy and all(t.daemon for t in busy)  # nothing the interpreter waits for
    gate.set()


async def test_leaving_an_article_drops_its_waiting_analysis(make_app, analyser):
    """A is being analysed (held); B is asked for, then C: B's request never runs."""
    gate = analyser.gates["a-budget.txt"] = threading.Event()
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
            if analyser.calls:
                break
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        gate.set()
        await settle(pilot)
        assert app.screen.current.name == "c-vaccine.txt"
        analysed = [name for name, _ in analyser.calls]
        assert "b-port.txt" not in analysed
        assert "c-vaccine.txt" in analysed


async def test_a_slow_scan_lists_and_opens_what_it_has_found_so_far(make_app, library):
    """The scan stops after the first file until released: that file is listed and open."""
    slow_scanner, release = held_scanner(1)

    app = make_app()
    app.session.scanner = slow_scanner
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.screen.article is not None, rounds=60)
        assert app.screen.article.path.name == "a-budget.txt"
        assert [p.name for p in app.screen.article_list.paths] == ["a-budget.txt"]
        assert "so far" in str(app.screen.query_one("#library").border_title)
        release.set()
        await settle(pilot)
        assert len(app.screen.article_list.paths) == 3
        assert str(app.screen.query_one("#library").border_title) == "Articles · 3"


async def test_text_rewraps_as_soon_as_the_terminal_is_resized(make_app, library):
    (library / "a-budget.txt").write_text(long_article(20), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        wide = view._layout.width
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert view._layout.width == view.scrollable_content_region.width - 1 < wide
        longest = max(len(line.rstrip()) for line in view_text(view))
        assert longest <= view._layout.width


def view_text(view: ArticleView) -> list[str]:
    layout = view._layout
    return [layout.text_of(line) for line in layout.lines]


async def test_the_article_read_last_opens_before_the_scan_reaches_it(make_app, library):
    slow_scanner, release = held_scanner(1)

    app = make_app()
    app.session.state.set_last_article("any-id", library / "c-vaccine.txt")
    app.session.scanner = slow_scanner
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.screen.article is not None, rounds=60)
        assert app.screen.article.path.name == "c-vaccine.txt"
        assert app.screen.article_list.current is None  # not listed yet
        release.set()
        await settle(pilot)
        assert app.screen.article_list.current.name == "c-vaccine.txt"


async def test_quitting_stops_a_scan_that_is_still_walking(make_app, library):
    from reader.library.scan import iter_scan

    release = threading.Event()
    walked: list[int] = []

    def endless_scanner(paths):
        yield from iter_scan(paths)
        release.wait(10)  # a folder that goes on and on
        while True:
            walked.append(1)
            yield from iter_scan(paths)

    app = make_app()
    app.session.scanner = endless_scanner
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.screen.article is not None, rounds=60)
        assert app.screen.scanning
        await pilot.press("q")
    scan = [t for t in threading.enumerate() if t.name == "reader-scan"]
    release.set()
    for thread in scan:
        thread.join(10)
        assert not thread.is_alive()
    assert len(walked) <= 1  # it stopped at the next file, not at the end of the folder


async def test_the_start_up_heap_is_frozen_once_the_library_is_listed(make_app):
    """A full garbage collection over everything start-up made held the UI thread for
    100 ms and more; once the list is complete that heap is out of the collector's sight."""
    gc.unfreeze()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.scanning
        assert gc.get_freeze_count() > 0


async def test_the_tab_underline_moves_with_the_tab(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("#insight-tabs")
        for tab in ("quotes", "actors", "summary"):
            app.screen.action_show_tab(tab)  # no frame drawn yet: it is under the new tab
            start, end = bar.spans()[tab]
            underline = bar.render_lines(Region(0, 1, bar.size.width, 1))[0]
            colour = bar.get_component_rich_style("tab-bar--underline").color
            cells = [segment.style.color for segment in underline for _ in segment.text]
            lit = [x for x, cell in enumerate(cells) if cell == colour]
            assert lit == list(range(start + 1, end - 1)), tab  # under its name
            kept = [list(bar.render_line(y)) for y in (0, 1)]  # drawn once per state
            bar._dirty_regions.add(bar.size.region)  # as Textual draws it afresh
            assert kept == [list(Widget.render_line(bar, y)) for y in (0, 1)], tab
            await pilot.pause()


def _as_textual_draws(widget) -> list:
    """What Textual itself draws for `widget` (its styles applied line by line)."""
    from rich.style import Style
    from textual.scrollbar import ScrollBar
    from textual.strip import Strip

    widget.refresh()  # forget every line drawn so far
    idle = isinstance(widget, ScrollBar) and widget.window_size >= widget.window_virtual_size
    if idle and getattr(widget.parent, "TRACK_WHILE_SCROLLING", False):
        # nothing to scroll in a list whose track shows only while it scrolls: the pane's
        # background, as Textual draws a gutter with no scrollbar in it
        base, background = widget.parent.background_colors
        blank = Strip.blank(widget.size.width, Style(bgcolor=(base + background).rich_color))
        return [blank] * widget.size.height
    if isinstance(widget, ScrollBar):
        return ScrollBar.render_lines(widget, widget.size.region)
    return widget._styles_cache.render_widget(widget, widget.size.region)


async def test_kept_lines_and_quick_scrollbars_draw_what_textual_draws(make_app, library):
    """The panes keep finished lines and draw their scrollbars straight into lines (to
    scroll quickly); every cell and style must be what Textual's own drawing gives, and a
    row of the text kept while lights come and go must be the row drawn afresh."""
    (library / "d-harbour.txt").write_text(long_article(30, quoted=True), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        for key in ("G", "3", "right_square_bracket", "right_square_bracket", "tab",
                    "pagedown", "pagedown", "tab", "end", "tab", "k", "shift+tab", "k"):  # fmt: skip
            await pilot.press(key)
            await settle(pilot, 1)
            panes = (screen.article_list, screen.view, screen.pane.item_list)
            bars = [pane.vertical_scrollbar for pane in panes if pane.show_vertical_scrollbar]
            for widget in (*panes, *bars):
                drawn = [list(line) for line in widget.render_lines(widget.size.region)]
                assert drawn == [list(line) for line in _as_textual_draws(widget)], (key, widget)
            if key != "G":
                assert len(bars) == 2  # the text and the quotes both scroll here
            view, top = screen.view, round(screen.view.scroll_y)
            for row in range(top, top + view.size.height):  # rows kept as the lights move
                assert list(view._cache[row]) == list(view._render_row(row, None)), (key, row)


async def test_the_heap_is_collected_when_the_keys_pause_not_while_they_come(make_app):
    """A full collection in the middle of a run of keys held one of them for tens of ms:
    the collector's own full collections are made rare, and the app runs one in a pause."""
    app = make_app()
    full: list[int] = []

    def watch(phase, info):
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] >= 100
        assert not app._collect_when_idle()  # no key yet: nothing to tidy after
        await pilot.press("j", "k")
        app._collected = 0.0  # as if the app's own timer had not come round since
        gc.callbacks.append(watch)
        try:
            assert not app._collect_when_idle(now=app._last_key + 0.1)  # keys still coming
            assert not full
            assert app._collect_when_idle(now=app._last_key + 5) and full
            assert not app._collect_when_idle(now=app._last_key + 10)  # once per pause
        finally:
            gc.callbacks.remove(watch)


async def test_a_long_progress_message_keeps_to_one_row_and_the_tabs_stay(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        pane = app.screen.pane
        tabs_at = pane.query_one("#insight-tabs").region.y
        status = pane.query_one("#insight-status")
        long = "Analysing 12,345 words… 7 s " + "(the first one loads the language model) " * 3
        pane.show_status(long, kind="loading")
        await pilot.pause()
        assert status.region.height == 1 and pane.query_one("#insight-tabs").region.y == tabs_at
        assert str(status.render()).startswith("Analysing 12,345 words… 7 s")
        pane.show_status("This article is too short for a summary. " * 4, kind="notice")
        await pilot.pause()
        assert status.region.height > 1  # a notice is read whole: it wraps


async def test_a_tab_switch_inside_the_pane_leaves_the_status_line_alone(make_app):
    """The tab bar names the tab; the status line says the pane's keys once, the same for
    every tab, so switching tabs redraws the pane and not a line across the whole screen
    (which made each switch compose every pane again)."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        said = status_text(app)
        assert "j/k move" in said
        for key, tab in (("2", "actors"), ("3", "quotes"), ("1", "summary")):
            await pilot.press(key)
            assert app.screen.pane.tab == tab
            assert status_text(app) == said


async def test_a_cursor_move_in_the_article_list_redraws_the_two_rows_it_concerns(make_app):
    """j/k redraw the row the cursor leaves and the row it lands on, not every row of the
    list (what Textual does for a reactive that repaints)."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        articles = app.screen.article_list
        asked: list[tuple[Region, ...]] = []
        drawn = articles.refresh

        def refresh(*regions, **kwargs):
            asked.append(regions)
            return drawn(*regions, **kwargs)

        articles.refresh = refresh
        for key in ("j", "k"):
            asked.clear()
            await pilot.press(key)
            assert asked and all(asked), key  # every redraw names its rows
            lines = {y for regions in asked for region in regions for y in region.line_range}
            assert len(lines) <= 4, key  # two rows of two lines


async def test_j_held_down_opens_where_it_rests_with_one_timer(make_app):
    """With a delay before opening, the articles j passes over are not opened, and the
    delay is one timer kept running, not one started (and one stopped) per key."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.session.open_delay = 0.3
        first = screen.current
        timers: list[float] = []
        set_timer = screen.set_timer

        def counted(delay, *args, **kwargs):
            timers.append(delay)
            return set_timer(delay, *args, **kwargs)

        screen.set_timer = counted
        await pilot.press("j", "j")
        assert screen.current == first  # nothing opened on the way
        assert len(timers) == 1
        target = screen.article_list.current
        await until(pilot, lambda: screen.current == target)
        assert target != first
