"""Snapshot tests (pytest-textual-snapshot), grouped by feature and driven by Pilot scripts.

Update after an intended visual change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from textual.pilot import Pilot

from .conftest import build_app, settle


class TestMainScreen:
    def test_80x24(self, snap_compare, library, state_file):
        """Narrow: list and text, insight pane behind `i`."""
        assert snap_compare(build_app(library, state_file), terminal_size=(80, 24),
                            run_before=settle)  # fmt: skip

    def test_80x24_insight_open(self, snap_compare, library, state_file):
        """Narrow with `i`: the insight pane takes the list's place."""

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("i", "3")

        assert snap_compare(build_app(library, state_file), terminal_size=(80, 24),
                            run_before=run_before)  # fmt: skip

    def test_120x40_quote_highlighted(self, snap_compare, library, state_file):
        """Three panes; `]` highlights the first quote in the text and the Quotes tab."""

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("]")

        assert snap_compare(build_app(library, state_file), terminal_size=(120, 40),
                            run_before=run_before)  # fmt: skip


class TestLoading:
    def test_loading_state(self, snap_compare, library, state_file):
        """The text is up while the insight pane says it is analysing."""
        app = build_app(library, state_file)
        app.session.analyse_delay = 600

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)

        assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


class TestHelp:
    def test_help_screen(self, snap_compare, library, state_file):
        """`?` lists every key."""

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("question_mark")

        assert snap_compare(build_app(library, state_file), terminal_size=(120, 40),
                            run_before=run_before)  # fmt: skip


class TestFilter:
    def test_filter_narrow(self, snap_compare, library, state_file):
        """80x24: the filter line takes the pane's width; the count is in the title."""

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("slash", *"strike")
            await settle(pilot)

        assert snap_compare(build_app(library, state_file), terminal_size=(80, 24),
                            run_before=run_before)  # fmt: skip


class TestSearch:
    def test_search_in_the_text(self, snap_compare, library, state_file):
        """Matches lit in the text, the current one stronger, the count beside the query."""

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("tab", "slash", *"council")
            await settle(pilot)

        assert snap_compare(build_app(library, state_file), terminal_size=(120, 40),
                            run_before=run_before)  # fmt: skip


class TestExport:
    def test_export_dialog(self, snap_compare, library, state_file, monkeypatch):
        """`e`: format, extras and the path to save to."""
        from pathlib import Path

        from reader import export

        monkeypatch.setattr(export, "default_export_dir", lambda: Path("/home/reader/Documents"))

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("e")
            await settle(pilot)

        assert snap_compare(build_app(library, state_file), terminal_size=(120, 40),
                            run_before=run_before)  # fmt: skip


class TestQuotes:
    def test_quotes_tab(self, snap_compare, library, state_file):
        """The Quotes tab focused on its second statement, lit in the text."""

        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("3", "down")
            await settle(pilot)

        assert snap_compare(build_app(library, state_file), terminal_size=(120, 40),
                            run_before=run_before)  # fmt: skip
