"""The analysis process's side of `reader.service.background`: load once, then serve."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from reader.analysis.models import Analysis
    from reader.library.models import Article


def analyse(
    article: Article,
    sentences: int,
    algorithm: str,
    model_name: str | None,
    cache_dir: str | os.PathLike[str] | None,
    words: int | None = None,
) -> tuple[Analysis, list[str]]:
    """One analysis through the cache (the same call in the process and in the fallback)."""
    from reader.service import analyze_article

    return analyze_article(
        article,
        sentences=sentences,
        algorithm=algorithm,
        model_name=model_name,
        cache_dir=cache_dir,
        words=words,
    )


ANALYSIS_NICENESS = 10
"""How much lower the analysis process's CPU priority is than the reader's."""


def _yield_to_the_interface() -> None:
    """Lower this process's priority: on a busy machine with few cores, a key press in the
    reader should get the CPU before the next slice of a parse (which only finishes a
    little later for it)."""
    with contextlib.suppress(OSError, AttributeError):  # not permitted, or not on POSIX
        os.nice(ANALYSIS_NICENESS)


class Stopped(BaseException):
    """The reader no longer wants the analysis that is running (raised by SIGUSR1)."""


def serve(conn: Connection, model_name: str | None, cache_dir: Any, stop_number=None) -> None:
    """The analysis process: load the model, then answer (number, article, sentences,
    algorithm, words). SIGUSR1 stops the running job if its number is in `stop_number`
    (a shared value) and it answers ("stopped", None)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the reader's to handle
    running = [0]
    """The number of the job being analysed (0: none)."""

    def stop_here(_signum, _frame) -> None:
        if running[0] and stop_number is not None and stop_number.value == running[0]:
            running[0] = 0  # once per job
            raise Stopped

    with contextlib.suppress(AttributeError, ValueError):  # no SIGUSR1 here
        signal.signal(signal.SIGUSR1, stop_here)
    _yield_to_the_interface()
    single_threaded_blas()
    leave_with_parent()
    _quiet_output()
    conn.send(("ready", warm_up(model_name)))
    while True:
        try:
            request = conn.recv()
        except EOFError:  # the reader has gone
            return
        if request is None:
            return
        number, article, sentences, algorithm, words = request
        try:
            running[0] = number
            try:
                if stop_number is not None and stop_number.value == number:
                    raise Stopped  # stopped before it reached here
                answer = (
                    "ok",
                    analyse(article, sentences, algorithm, model_name, cache_dir, words),
                )
            finally:
                running[0] = 0
        except Stopped:
            answer = ("stopped", None)
        except Exception as exc:
            answer = ("error", f"{type(exc).__name__}: {exc}")
        conn.send(answer)


PARENT_CHECK = 0.5
"""Seconds between two checks that the process that started this one is still there."""


def leave_with_parent() -> None:
    """Exit as soon as the parent process is gone (killed with SIGKILL, say): a worker left
    behind would hold its memory, and the resource tracker, for ever."""
    import multiprocessing
    import threading
    import time

    # The pid the parent had at the start: it may have died before this runs.
    started_by = multiprocessing.parent_process()
    parent = started_by.pid if started_by is not None else os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="reader-parent-watch", daemon=True).start()


def warm_up(model_name: str | None) -> str:
    """Load the model and import every analysis step by analysing a tiny article."""
    from pathlib import Path

    from reader.analysis.pipeline import analyze
    from reader.library.models import Article

    text = 'The council approved the plan on Monday. "We will start soon," the mayor said.'
    article = Article("warm-up", Path("warm-up.txt"), "txt", "Warm-up", None, None, None, text)
    analysis, _notices = analyze(article, sentences=1, model_name=model_name)
    return analysis.model


def single_threaded_blas() -> None:
    """One BLAS thread per analysis process (call before numpy is imported).

    The matrices are small; on a busy machine OpenBLAS's extra threads made one SVD
    (the LSA summary) 10 to 100 times slower than a single thread.
    """
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _quiet_output() -> None:
    """Library warnings on the inherited terminal would scribble over the TUI."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.close(devnull)
