"""Run the reader's TUI headless in this process and report one JSON line (see bench_tui*.py).

Modes: `paint FOLDER` (print as soon as the list and the first article are painted),
`minimal` (a Textual app painting one Static), `keys FOLDER thread|process|idle N` (key latency
while analysis runs), `memory FOLDER thread|process N` (peak RSS after analysing N articles).
A paint is an `App._display` call, made after the compositor has rendered the screen.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"j": ("j", "j"), "k": ("k", "k"), "]": ("right_square_bracket", "]"),
        "1": ("1", "1"), "2": ("2", "2"), "3": ("3", "3"),
        "pagedown": ("pagedown", None), "pageup": ("pageup", None)}  # fmt: skip


def rss_kib(pid: str = "self") -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in KiB, from /proc."""
    out = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1])
    return out


def emit(**data) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


class Paints:
    """Wraps `app._display`: the time of every paint; emits each named condition's first paint."""

    def __init__(self, app, **conditions) -> None:
        self.times: list[float] = []
        self.cpu: list[float] = []
        """CPU seconds of the UI thread at each paint (`time.thread_time`)."""
        self.conditions = conditions
        self.first: dict[str, float] = {}
        original = app._display

        def display(screen, renderable):
            original(screen, renderable)
            if renderable is None:
                return
            now = time.perf_counter()
            self.times.append(now)
            self.cpu.append(time.thread_time())
            for name, holds in self.conditions.items():
                if name not in self.first and holds():
                    self.first[name] = now
                    emit(**{name: True})

        app._display = display

    def after(self, t: float) -> float | None:
        return next((x for x in self.times if x >= t), None)

    def cpu_after(self, t: float) -> float | None:
        return next((c for x, c in zip(self.times, self.cpu, strict=True) if x >= t), None)


def make_app(folder: Path, mode: str | None, tmp: Path):
    from reader.paths import resolve_paths
    from reader.settings import Settings
    from reader.state import ReadingState
    from reader.tui.app import ReaderApp, build_session

    paths = resolve_paths(tmp / "config", tmp / "cache")
    state = ReadingState.open(paths.state_file)
    analyser = None
    if mode == "thread":
        from reader.tui.session import default_analyser

        analyser = default_analyser(Settings(), None)  # no cache: every article is analysed
    elif mode in ("process", "idle"):
        from reader.service.background import BackgroundAnalyzer

        analyser = BackgroundAnalyzer(None, None)
        analyser.warm()
    session = build_session([folder], paths, Settings(), state, analyser)
    return ReaderApp(session), analyser


def listed(app) -> bool:
    """The list shows its rows (the article list widget keeps them in `_rows`)."""
    rows = getattr(getattr(app.screen, "article_list", None), "_rows", None)
    return bool(rows)


def opened(app) -> bool:
    """The list and the first article's text are on screen."""
    return listed(app) and getattr(app.screen, "article", None) is not None


def analysed(screen) -> bool:
    """The open article's analysis is on screen."""
    article, analysis = screen.article, screen.analysis
    return article is not None and analysis is not None and analysis.article_id == article.id


async def wait_for(condition, timeout: float) -> bool:
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            return False
        await asyncio.sleep(0.01)
    return True


async def paint(folder: Path, tmp: Path) -> None:
    app, _ = make_app(folder, None, tmp)
    paints = Paints(app, listed=lambda: listed(app), painted=lambda: opened(app))
    async with app.run_test(size=(160, 50)):
        await wait_for(lambda: "painted" in paints.first or app._exception, 120)
        emit(refs=len(app.session.refs), rss=rss_kib())
        os._exit(0)  # measured; do not wait for the analysis worker to load its model


async def minimal() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

    app = Minimal()
    paints = Paints(app, painted=lambda: bool(app.screen.query(Static)))
    async with app.run_test(size=(160, 50)):
        await wait_for(lambda: "painted" in paints.first, 60)


def track_actions(app) -> list[float]:
    """Wrap `app.run_action` (every key binding goes through it); the list gets end times."""
    handled: list[float] = []
    original = app.run_action

    async def run_action(*args, **kwargs):
        result = await original(*args, **kwargs)
        handled.append(time.perf_counter())
        return result

    app.run_action = run_action
    return handled


async def press(app, paints: Paints, key: str, handled: list[float]) -> tuple[float, float]:
    """Latency from posting the key to the first paint after the key's action ran, and
    the UI thread's CPU time over the same span (its own work, whatever the machine load)."""
    from textual import events

    name, char = KEYS[key]
    handled.clear()
    start, cpu = time.perf_counter(), time.thread_time()
    app._driver.send_message(events.Key(name, char))
    await wait_for(lambda: handled and paints.after(handled[0]) is not None, 10)
    if not handled:
        return float("nan"), float("nan")
    end = paints.after(handled[0]) or time.perf_counter()
    return end - start, (paints.cpu_after(handled[0]) or time.thread_time()) - cpu


def load_thread(analyser, article, stop) -> None:
    """Keep analysis busy for the whole measurement, through the same analyser as the app."""
    from concurrent.futures import CancelledError

    while not stop.is_set():
        try:
            analyser(article, sentences=3, algorithm="hybrid")
        except CancelledError:  # the analyser was shut down
            return


async def keys(folder: Path, mode: str, count: int, tmp: Path) -> None:
    import threading

    from reader.library.loaders import load_article

    app, analyser = make_app(folder, mode, tmp)
    paints = Paints(app)
    handled = track_actions(app)
    stop = threading.Event()
    async with app.run_test(size=(160, 50)):
        await wait_for(lambda: opened(app) and app.screen.analysis is not None, 300)
        long_read = load_article(next(folder.glob("generated-*.txt")))
        worker = threading.Thread(target=load_thread, args=(analyser, long_read, stop))
        if mode != "idle":  # idle: the same app with nothing analysing, for comparison
            worker.start()
        await asyncio.sleep(0.5)
        cpu, wall = time.process_time(), time.perf_counter()
        results: dict[str, Any] = {}
        plan = (("tab", "123"), ("quote", "]"), ("list", "jk"))
        for kind, keys_ in plan:
            if kind == "quote":
                await press(app, paints, "3", handled)  # the Quotes tab
            latencies, cpu_times = (
                results.setdefault(kind, []),
                results.setdefault(f"{kind}_cpu", []),
            )
            for i in range(count):
                latency, cpu_time = await press(app, paints, keys_[i % len(keys_)], handled)
                latencies.append(latency)
                cpu_times.append(cpu_time)
                await asyncio.sleep(0.05)
        stop.set()
        results["cpu_s"] = time.process_time() - cpu
        results["wall_s"] = time.perf_counter() - wall
        emit(**results)
    if hasattr(analyser, "shutdown"):
        analyser.shutdown()
    if worker.is_alive():
        worker.join(60)


async def memory(folder: Path, mode: str, count: int, tmp: Path) -> None:
    app, analyser = make_app(folder, mode, tmp)
    app.session.analyse_delay = 0
    paints = Paints(app)
    handled = track_actions(app)
    marks = {}
    async with app.run_test(size=(160, 50)):
        await wait_for(lambda: listed(app), 300)
        await asyncio.sleep(0.2)
        marks["listed"] = rss_kib()
        screen = app.screen
        for n in range(1, count + 1):
            before = screen.current
            await press(app, paints, "j", handled)
            await wait_for(lambda b=before: analysed(screen) and screen.current != b, 120)
            if n in (count // 4, count):
                marks[f"after {n}"] = rss_kib()
        child = None
        if mode == "process" and analyser._process is not None:
            child = rss_kib(str(analyser._process.pid))
        emit(marks=marks, child=child, analyses=len(app.session.analyses),
             articles=len(app.session.articles), refs=len(app.session.refs))  # fmt: skip
    if hasattr(analyser, "shutdown"):
        analyser.shutdown()


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    mode = argv[0]
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        if mode == "minimal":
            asyncio.run(minimal())
        elif mode == "paint":
            asyncio.run(paint(Path(argv[1]), Path(argv[2]) if len(argv) > 2 else tmp))
        elif mode == "keys":
            asyncio.run(keys(Path(argv[1]), argv[2], int(argv[3]), tmp))
        elif mode == "memory":
            asyncio.run(memory(Path(argv[1]), argv[2], int(argv[3]), tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
