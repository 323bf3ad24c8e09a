"""Blocking work off the UI thread, awaited by the screen, never holding up the exit.

Textual's thread workers run on the event loop's default executor, and the loop waits for
every one of its threads when the app closes: a slow load or analysis would keep the
reader on screen after `q`. Work here runs on daemon threads (or in the analysis process)
and the screen awaits an asyncio future; cancelling the await abandons the work.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")


def in_thread(fn: Callable[..., T], *args: Any, name: str = "reader-work") -> asyncio.Future[T]:
    """Run `fn(*args)` on a daemon thread; its result (or exception) as an asyncio future."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():  # the awaiting side gave up
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def run() -> None:
        try:
            result, error = fn(*args), None
        except BaseException as exc:  # handed to the awaiting side
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name=name, daemon=True).start()
    return future


class SerialRunner:
    """Runs a blocking callable one call at a time on a daemon thread; calls return Futures
    and the ones not started yet can be cancelled (for analysers without a `submit`)."""

    def __init__(self) -> None:
        self._queue: list[tuple[Future, Callable[[], Any]]] = []
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def submit(self, call: Callable[[], Any], *, replace: bool) -> Future:
        future: Future = Future()
        with self._wake:
            if replace:
                self.cancel_pending()
            self._queue.append((future, call))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="reader-analysis", daemon=True
                )
                self._thread.start()
            self._wake.notify()
        return future

    def cancel_pending(self) -> None:
        with self._wake:
            for waiting, _ in self._queue:
                waiting.cancel()
            self._queue.clear()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._queue:
                    self._wake.wait()
                future, call = self._queue.pop(0)
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # handed to the awaiting side
                future.set_exception(exc)
