"""The Textual application: themes, keys, the command palette and `run_app` for the CLI."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import sys
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.theme import Theme

from reader.analysis.summary import ALGORITHM_HELP, ALGORITHMS
from reader.paths import Paths
from reader.resources import samples_dir, themes_dir
from reader.settings import Settings
from reader.tui import keys
from reader.tui.formatting import one_line
from reader.tui.screens.main import MainScreen
from reader.tui.session import (
    Analyser,
    Session,
    StateStore,
    cache_lookup,
    cached_scanner,
    default_analyser,
)
from reader.tui.themes import load_themes

IDLE_COLLECT = 1.0
"""Seconds without a key after which the heap is collected (once per pause)."""


class ReaderApp(App[int]):
    """Three linked panes over a library of articles; see DESIGN.md for the keys."""

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    BINDINGS = keys.app_bindings()

    def __init__(self, session: Session, *, handle_signals: bool = False) -> None:
        super().__init__()
        self.session = session
        self._last_key: float | None = None
        self._collected = 0.0
        self.handle_signals = handle_signals
        """Quit cleanly on SIGTERM and SIGHUP (the command line's app; tests leave it off)."""
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            # Moves happen at once: a sliding tab underline costs a redraw per frame.
            self.animation_level = "none"
        # Child processes (feed updates) need multiprocessing's resource tracker, which cannot
        # start once the app has taken over stderr: start it now (a no-op when it runs).
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
        themes, self._problems = load_themes(session.theme_dirs)
        for theme in themes:
            self.register_theme(theme)
        self.theme = self._initial_theme()
        if session.settings.keys:
            self._problems += keys.unknown_ids(session.settings.keys)
            self.set_keymap(dict(session.settings.keys))

    def _initial_theme(self) -> str:
        for name in (
            self.session.pref("theme", self.session.settings.theme),
            self.session.settings.theme,
        ):
            if isinstance(name, str) and name in self.available_themes:
                return name
        fallback = Settings().theme
        if self.session.settings.theme not in self.available_themes:
            self._problems.append(
                f"theme {self.session.settings.theme!r} not found; using {fallback} "
                "(t lists the themes)"
            )
        return fallback

    def get_default_screen(self) -> Screen:
        return MainScreen(self.session)

    def on_mount(self) -> None:
        if self.handle_signals:
            self._exit_on_signals()
        self.set_interval(IDLE_COLLECT, self._collect_when_idle)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # stderr would vanish under the full-screen reader
        for problem in [*self.session.setting_problems, *self._problems]:
            self.notify(problem, title="Settings", severity="warning", markup=False, timeout=15)
        for problem in self.session.library_problems:
            self.notify(problem, title="Library", severity="warning", markup=False, timeout=15)
        warning = self.session.state.pop_warning()
        if warning:
            self._state_warning(warning)
        # Problems met while reading (a full disk, a busy file) are shown as they happen.
        self.session.state.on_warning = self._state_warning

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()
        await super().on_event(event)

    def _collect_when_idle(self, now: float | None = None) -> bool:
        """Collect the heap once the keys have paused, not whenever the collector's counts
        come round: a full collection in the middle of a run of keys held one of them for
        30-90 ms. (The screen also makes the collector's own full collections rare.)"""
        now = time.monotonic() if now is None else now
        last = self._last_key
        if last is None or last <= self._collected or now - last < IDLE_COLLECT:
            return False
        gc.collect()
        self._collected = now
        return True

    def _exit_on_signals(self) -> None:
        """SIGTERM and SIGHUP end the reader as `q` does, so the terminal is given back
        in order (echo on, main screen, no mouse reports) and the state is saved."""
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(number, self.exit)

    def _state_warning(self, message: str) -> None:
        self.notify(message, title="Reading state", severity="warning", markup=False)

    def on_unmount(self) -> None:
        self.session.state.on_warning = None

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Every notification is shown as one line of plain text: messages often carry
        file names, and a name can hold terminal escapes."""
        super().notify(one_line(message), title=one_line(title), **kwargs)

    def _remember_theme(self, theme: Theme) -> None:
        self.session.remember("theme", theme.name)

    def action_help_quit(self) -> None:
        """Ctrl+C quits, as in other terminal readers (with text selected, it copies it)."""
        self.exit(0)

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen  # loaded when first asked for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(dict(self.session.settings.keys)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every reader action by its "Area: verb" name (runs on the main screen)."""
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        for command in keys.COMMANDS:
            help = keys.palette_help(command, self.session.settings.keys)
            if command.action.startswith("app."):
                action = command.action.removeprefix("app.")
                yield SystemCommand(command.title, help, partial(self.run_action, action))
            elif main is not None:
                callback = partial(self.run_action, command.action, main)
                yield SystemCommand(command.title, help, callback)
        if main is not None:
            for name in ALGORITHMS:
                current = " (in use)" if name == self.session.algorithm else ""
                yield SystemCommand(
                    f"Summary: use {name}{current}",
                    ALGORITHM_HELP.get(name, "a sumy summarizer"),
                    partial(main.set_algorithm, name),
                )
        yield SystemCommand(
            "App: screenshot",
            "Save an SVG picture of the screen in the export folder",
            lambda: self.set_timer(0.1, self.save_picture),
        )

    def save_picture(self, folder: Path | None = None) -> Path | None:
        """Save an SVG of the screen in `folder` (default: where exports go) and say where,
        or why not."""
        from reader import export

        folder = folder or export.default_export_dir()
        try:
            saved = Path(self.save_screenshot(path=str(folder)))
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
            self.notify(f"Cannot save a screenshot in {folder}: {reason}", severity="error")
            return None
        self.notify(f"Saved a screenshot to {saved}")
        return saved


def library_paths(paths: list[Path], state: StateStore, settings: Settings) -> list[Path]:
    """Paths given now, else the last library, else the settings' library, else the samples."""
    if paths:
        return [p.absolute() for p in paths]
    last = state.get("library")
    if isinstance(last, list) and last and all(isinstance(p, str) for p in last):
        existing = [Path(p) for p in last if Path(p).exists()]
        if existing:
            return existing
    if settings.library:
        return [Path(p).expanduser().absolute() for p in settings.library]
    return [samples_dir()]


def feed_items_since_last_visit(app_paths: Paths, settings: Settings, state: StateStore) -> set:
    """Feed items that arrived since the reader was last opened (marked N), as path keys;
    the visit is then remembered."""
    import time

    from reader.tui.session import path_key
    from reader.tui.web import arrived_since

    if not settings.feeds:
        return set()
    since = state.get("feeds.visited", "")
    state.set("feeds.visited", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    found = arrived_since(
        app_paths.feeds_dir, settings.feeds, since if isinstance(since, str) else ""
    )
    return {path_key(p) for p in found}


def build_session(
    paths: list[Path],
    app_paths: Paths,
    settings: Settings,
    state: StateStore,
    analyser: Analyser | None = None,
) -> Session:
    library = library_paths(paths, state, settings)
    new_items: set[str] = set()
    if paths:
        state.set("library", [str(p) for p in library])
    else:  # the default library also shows the followed feeds and the pages opened by address
        from reader.tui.web import web_roots

        roots = web_roots(app_paths.pages_dir, app_paths.feeds_dir, settings.feeds)
        # A page opened by its address last time is listed with the others, once.
        library = [p for p in library if not any(root in p.parents for root in roots)]
        library += [root for root in roots if root not in library]
        new_items = feed_items_since_last_visit(app_paths, settings, state)
    cached = getattr(analyser, "cached", None)
    return Session(
        library=library,
        settings=settings,
        state=state,
        analyser=analyser or default_analyser(settings, app_paths.analysis_cache_dir),
        lookup=cached or cache_lookup(settings, app_paths.analysis_cache_dir),
        scanner=cached_scanner(app_paths.cache_dir / "scan.json"),
        theme_dirs=[themes_dir(), app_paths.config_dir / "themes"],
        pages_dir=app_paths.pages_dir,
        feeds_dir=app_paths.feeds_dir,
        new_items=new_items,
    )


def run_app(
    paths: list[Path],
    app_paths: Paths,
    settings: Settings,
    problems: list[str] | None = None,
    library_problems: list[str] | None = None,
) -> int:
    """Run the TUI until the user quits; the exit code for the CLI. `problems` (bad
    settings) and `library_problems` (paths that list nothing), one line each, are shown
    in the reader."""
    from reader.service.background import BackgroundAnalyzer
    from reader.state import ReadingState

    state = ReadingState.open(app_paths.state_file)
    # Analysis runs in a separate process that keeps the model loaded: in a thread, the
    # parse holds the GIL and key presses wait (see benchmarks/bench_keys.py).
    # It starts once the list is on screen (see MainScreen): loading the model on a second
    # core while the interface starts would slow the first paint on a small machine.
    analyzer = BackgroundAnalyzer(settings.spacy_model, app_paths.analysis_cache_dir)
    try:
        session = build_session(paths, app_paths, settings, state, analyser=analyzer)
        session.setting_problems = list(problems or ())
        session.library_problems = list(library_problems or ())
        app = ReaderApp(session, handle_signals=True)
        app.run()
        code = app.return_code or 0
    finally:
        analyzer.shutdown(wait=False)  # the reader is exiting: nothing waits for the process
        state.close()
    warning = state.pop_warning()
    if warning:  # met while closing (changes a busy file never took)
        print(f"reader: {one_line(warning)}", file=sys.stderr)
    return code
