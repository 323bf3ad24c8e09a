"""Time keys in the reader or in the minimal app, headless in this process; one JSON line.

`python benchmarks/ui_probe.py reader|minimal FOLDER idle|busy COUNT [KIND,KIND]`

KIND names figures of PLAN (quote, tab, page, list); without, all are timed. With `list`
alone, j/k in the list are timed once the whole folder is listed (for huge ones).

busy: a background analysis process analyses a long article over and over while the keys
are pressed (for the reader it is the reader's own analyser, so what the screen asks for
queues behind it; for the minimal app it is a separate one, so the machine is as loaded).
Each key's latency runs from posting it to the first paint after its action ran; its CPU
is the UI thread's own (`time.thread_time`), whatever else the machine does.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.tui_probe import (  # noqa: E402
    Paints,
    emit,
    load_thread,
    make_app,
    opened,
    press,
    track_actions,
    wait_for,
)

PLAN = (("quote", "]"), ("tab", "123"), ("page", ["pagedown", "pageup"]), ("list", "jk"))
"""What each figure presses, in turn; the text gets focus before paging."""


def text_pane(app, which: str):
    if which == "reader":
        return app.screen.view
    return app.query_one("#text")


def list_pane(app, which: str):
    if which == "reader":
        return app.screen.article_list
    return app.query_one("#files")


async def run(
    which: str, folder: Path, load: str, count: int, tmp: Path, kinds: list[str] | None = None
) -> None:
    from reader.library.loaders import load_article

    long_path = next(folder.glob("generated-*.txt"), None)
    if which == "reader":
        app, analyser = make_app(folder, "process", tmp)

        def ready() -> bool:
            screen = app.screen
            scanned = not getattr(screen, "scanning", False)
            return opened(app) and screen.analysis is not None and scanned

    else:
        from benchmarks.minimal_app import MinimalApp
        from reader.service.background import BackgroundAnalyzer

        app = MinimalApp(folder, long_path)
        analyser = BackgroundAnalyzer(None, None)
        analyser.warm()
        ready = lambda: bool(app.query("#files"))  # noqa: E731
    paints = Paints(app)
    handled = track_actions(app)
    stop = threading.Event()
    long_read = load_article(long_path) if long_path else None
    worker = threading.Thread(target=load_thread, args=(analyser, long_read, stop))
    results: dict[str, list[float]] = {}
    async with app.run_test(size=(160, 50)):
        await wait_for(ready, 300)
        if load == "busy":
            worker.start()
        await asyncio.sleep(0.5)
        for kind, keys in [(k, keys) for k, keys in PLAN if kinds is None or k in kinds]:
            focus = text_pane(app, which) if kind == "page" else list_pane(app, which)
            focus.focus()
            await asyncio.sleep(0.1)
            times, cpus = results.setdefault(kind, []), results.setdefault(f"{kind}_cpu", [])
            for i in range(count):
                latency, cpu = await press(app, paints, keys[i % len(keys)], handled)
                times.append(latency)
                cpus.append(cpu)
                await asyncio.sleep(0.05)
        stop.set()
        emit(**results)
    analyser.shutdown()
    if worker.is_alive():
        worker.join(60)


def main(argv: list[str]) -> None:
    import tempfile

    which, folder, load, count = argv[0], Path(argv[1]), argv[2], int(argv[3])
    kinds = argv[4].split(",") if argv[4:] else None
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run(which, folder, load, count, Path(tmp), kinds))


if __name__ == "__main__":
    main(sys.argv[1:])
