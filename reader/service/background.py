"""A long-lived analysis process for the TUI: the model stays loaded, the UI keeps the GIL."""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import CancelledError, Future, InvalidStateError, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.analysis.models import Analysis
from reader.analysis.summary import DEFAULT_ALGORITHM
from reader.service.worker import analyse, serve

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from reader.library.models import Article

Result = tuple[Analysis, list[str]]
START_TIMEOUT = 120.0
"""Seconds the process may take to load the model before the reader gives up on it."""
JOB_TIMEOUT = 90.0
"""Seconds one analysis may take (a long one takes a few): past it the process is taken
as stuck (stopped, or blocked on a file), the job fails and a new process is started."""
POLL = 0.25
"""Seconds between two looks at the running job's age."""
FALLBACK = "analysing in the reader's own process; the interface may pause during analysis"


@dataclass
class _Job:
    key: tuple[str, int, str, int | None]
    article: Article
    sentences: int
    algorithm: str
    words: int | None = None
    future: Future = field(default_factory=Future)
    sent: float = 0.0
    """time.monotonic() when the job went to the process."""
    number: int = 0
    """Names the job to the process (to stop it there)."""
    stoppable: bool = False
    """Whether a newer request of the screen may stop it while it runs."""


class BackgroundAnalyzer:
    """Analyse articles in one separate process that keeps the spaCy model loaded.

    `submit()` returns a Future of `(Analysis, notices)`. Cache hits are answered at once
    in the calling process (no spaCy import, no round trip). One job runs at a time; jobs
    still waiting can be cancelled (`submit(..., replace_pending=True)` does so). If the
    process cannot start, does not get ready within `start_timeout`, or dies, analysis
    continues in a thread of this process and the next result carries a notice.

    Calling the object (`analyzer(article, sentences=3, algorithm="hybrid")`) blocks for
    the result: it fits `reader.tui.session.Analyser`.

    A job submitted as `stoppable` (the screen's requests and prefetches) is stopped while
    it runs when the screen asks for another article: what is on screen never waits for
    an analysis nobody is looking at.
    """

    def __init__(
        self,
        model_name: str | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
        *,
        context: Any = None,
        start_timeout: float = START_TIMEOUT,
        job_timeout: float = JOB_TIMEOUT,
    ) -> None:
        self.model_name = model_name
        self.cache_dir = cache_dir
        self.start_timeout = start_timeout
        self.job_timeout = job_timeout
        self.restarts = 0
        """Processes started again after one got stuck."""
        self._context = context or multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._pending: deque[_Job] = deque()
        self._numbers = itertools.count(1)
        self._stop_number: Any = None
        """Shared with the process: the number of the job it should stop."""
        self._running: _Job | None = None
        self._process: Any = None
        self._conn: Connection | None = None
        self._thread: ThreadPoolExecutor | None = None
        self._notices: list[str] = []
        self._closed = False
        self.model: str | None = None
        """Label of the model the process loaded, once it is ready."""
        self.mode = "idle"
        """"idle" (not started), "process", "thread" (fallback) or "closed"."""
        self.ready = threading.Event()
        """Set once the analysis process has loaded the model (or the fallback took over)."""

    # public API

    def warm(self) -> None:
        """Start the process now, so the model is loaded by the time it is needed."""
        with self._lock:
            self._ensure_started()

    def submit(
        self,
        article: Article,
        sentences: int = 3,
        algorithm: str = DEFAULT_ALGORITHM,
        *,
        words: int | None = None,
        replace_pending: bool = True,
        stoppable: bool = False,
    ) -> Future[Result]:
        """Analyse `article`; with `replace_pending`, jobs not yet started are cancelled, and
        a running `stoppable` one (for another article or length) is stopped."""
        hit = self.cached(article, sentences, algorithm, words)
        if hit is not None:
            done: Future[Result] = Future()
            done.set_result((hit, list(hit.notices)))
            return done
        key = (article.id, sentences, algorithm, words)
        with self._lock:
            if self._closed:
                raise RuntimeError("the background analyser has been shut down")
            for job in (self._running, *self._pending):
                if job is not None and job.key == key and not job.future.cancelled():
                    return job.future
            if replace_pending:
                self._cancel_pending_locked()
                self._stop_running_locked()
            job = _Job(key, article, sentences, algorithm, words)
            job.number, job.stoppable = next(self._numbers), stoppable
            self._pending.append(job)
            self._ensure_started()
            self._dispatch_locked()
            return job.future

    def __call__(
        self,
        article: Article,
        *,
        sentences: int = 3,
        algorithm: str = DEFAULT_ALGORITHM,
        words: int | None = None,
    ) -> Result:
        """Blocking form of `submit` for callers already off the UI thread."""
        future = self.submit(article, sentences, algorithm, words=words, replace_pending=False)
        return future.result()

    def cancel_pending(self) -> int:
        """Cancel every job that has not started; returns how many were cancelled."""
        with self._lock:
            return self._cancel_pending_locked()

    def shutdown(self, *, wait: bool = True) -> None:
        """Cancel waiting jobs and stop the process (a running analysis is abandoned).
        Without `wait` (the reader is exiting) the process is killed and not waited for."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self.mode = "closed"
            self._cancel_pending_locked()
            running, self._running = self._running, None
            process, conn = self._process, self._conn
            self._process = self._conn = None
        if running is not None:
            _settle(running.future, error=CancelledError())
        if wait or process is None:
            _stop(process, conn)
        else:
            _leave(process)
        if self._thread is not None:
            self._thread.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> BackgroundAnalyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def cached(
        self, article: Article, sentences: int, algorithm: str, words: int | None = None
    ) -> Analysis | None:
        """The analysis from the disk cache, or None; never waits for the model."""
        if self.cache_dir is None:
            return None
        from reader.analysis.nlp import model_label
        from reader.service.cache import AnalysisCache, cache_key

        label = model_label(self.model_name)
        key = cache_key(article.text, article.id, algorithm, sentences, label, words)
        return AnalysisCache(self.cache_dir).get(key)

    # internals (called with self._lock held where the name says so)

    def _stop_running_locked(self) -> None:
        """Ask the process to drop the running job if it is stoppable; it answers
        "stopped" at once (the signal interrupts the analysis between two Python steps)."""
        job, process = self._running, self._process
        if job is None or not job.stoppable or self._stop_number is None or process is None:
            return
        self._stop_number.value = job.number
        with contextlib.suppress(OSError, AttributeError):  # gone, or not POSIX
            os.kill(process.pid, signal.SIGUSR1)

    def _cancel_pending_locked(self) -> int:
        count = 0
        while self._pending:
            if self._pending.popleft().future.cancel():
                count += 1
        return count

    def _ensure_started(self) -> None:
        if self.mode != "idle" or self._closed:
            return
        try:
            parent, child = self._context.Pipe()
            stop_number = self._context.Value("q", 0, lock=False)
            process = self._context.Process(
                target=serve,
                args=(child, self.model_name, self.cache_dir, stop_number),
                name="reader-analysis",
                daemon=True,
            )
            process.start()
            child.close()
        except Exception as exc:  # no process: analyse in a thread instead
            self._fall_back_locked(f"the analysis process could not start ({_reason(exc)})")
            return
        self._process, self._conn, self._stop_number = process, parent, stop_number
        self.mode = "process"
        threading.Thread(
            target=self._listen, args=(parent,), name="reader-analysis-listener", daemon=True
        ).start()

    def _dispatch_locked(self) -> None:
        if self.mode == "thread":
            while self._pending:
                self._run_in_thread(self._pending.popleft())
            return
        if self._running is not None or self.mode != "process" or not self.ready.is_set():
            return
        while self._pending:
            job = self._pending.popleft()
            if not job.future.set_running_or_notify_cancel():
                continue
            self._running = job
            job.sent = time.monotonic()
            try:
                assert self._conn is not None
                self._conn.send((job.number, job.article, job.sentences, job.algorithm, job.words))
            except (OSError, ValueError) as exc:
                self._fall_back_locked(f"the analysis process stopped ({_reason(exc)})")
            return

    def _listen(self, conn: Connection) -> None:
        """Receive results until the process ends; any failure switches to the fallback."""
        try:
            if not conn.poll(self.start_timeout):
                raise TimeoutError(f"no answer in {self.start_timeout:.0f} s")
            kind, payload = conn.recv()
            if kind != "ready":
                raise RuntimeError(str(payload))
            with self._lock:
                self.model = payload
                self.ready.set()
                self._dispatch_locked()
            while True:
                if conn.poll(POLL):
                    kind, payload = conn.recv()
                    self._finished(conn, kind, payload)
                elif self._stuck(conn):
                    return
        except Exception as exc:  # EOFError when the process dies
            with self._lock:
                if not self._closed and self._conn is conn:
                    self._fall_back_locked(f"the analysis process stopped ({_reason(exc)})")

    def _stuck(self, conn: Connection) -> bool:
        """Fail a job the process has held too long and start a new process; True if so."""
        with self._lock:
            job = self._running
            if self._conn is not conn or self._closed:
                return True
            if job is None or time.monotonic() - job.sent < self.job_timeout:
                return False
            process = self._process
            self._running = None
            self._process = self._conn = None
            self.mode = "idle"
            self.ready.clear()
            self.restarts += 1
            self._ensure_started()
        if process is not None:  # stuck: no grace period (a stopped one ignores SIGTERM)
            with contextlib.suppress(OSError, ValueError):
                process.kill()
        threading.Thread(target=_stop, args=(process, conn), daemon=True).start()
        reason = (
            f"the analysis did not finish in {self.job_timeout:.0f} s (the analysis process "
            "was stuck); it was restarted: open the article again to retry"
        )
        _settle(job.future, error=TimeoutError(reason))
        return True

    def _finished(self, conn: Connection, kind: str, payload: Any) -> None:
        with self._lock:
            if self._conn is not conn:  # the fallback has taken this job over
                return
            job, self._running = self._running, None
            self._dispatch_locked()
        if job is None:
            return
        if kind == "ok":
            _settle(job.future, payload)
        elif kind == "stopped":
            _settle(job.future, error=CancelledError())
        else:
            _settle(job.future, error=RuntimeError(payload))

    def _fall_back_locked(self, why: str) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None:
            threading.Thread(target=_stop, args=(process, conn), daemon=True).start()
        self.mode = "thread"
        self._notices.append(f"{why}; {FALLBACK}")
        self.ready.set()
        if self._running is not None:
            job, self._running = self._running, None
            self._run_in_thread(job, started=True)
        self._dispatch_locked()

    def _run_in_thread(self, job: _Job, *, started: bool = False) -> None:
        if not started and not job.future.set_running_or_notify_cancel():
            return
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="reader-analysis")
        notices, self._notices = self._notices, []
        self._thread.submit(self._analyse_here, job, notices)

    def _analyse_here(self, job: _Job, notices: list[str]) -> None:
        try:
            analysis, more = analyse(
                job.article,
                job.sentences,
                job.algorithm,
                self.model_name,
                self.cache_dir,
                job.words,
            )
        except BaseException as exc:
            _settle(job.future, error=exc)
        else:
            _settle(job.future, (analysis, notices + more))


def _settle(future: Future, result: Any = None, error: BaseException | None = None) -> None:
    """Complete `future` unless it already is (shutdown and a late answer can race)."""
    with contextlib.suppress(InvalidStateError):
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _leave(process: Any) -> None:
    """Kill the process and let the system reap it. Giving back a loaded model's memory
    takes the dying process a quarter of a second or more on a busy machine, and
    multiprocessing joins its children at exit: the reader's quit would wait for it."""
    with contextlib.suppress(OSError, ValueError):
        process.kill()
    multiprocessing.process._children.discard(process)  # not joined at exit


def _stop(process: Any, conn: Connection | None) -> None:
    """End the process at once, busy or not: it holds nothing worth waiting for (cache
    entries are written whole, by rename), and a graceful exit that unloads the model
    would hold the reader's quit for a second or more."""
    if conn is not None:
        with contextlib.suppress(OSError, ValueError):
            conn.send(None)
            conn.close()
    if process is None:
        return
    if process.is_alive():
        process.terminate()
        process.join(1.0)
    if process.is_alive():  # stopped (SIGSTOP) or ignoring SIGTERM: SIGKILL always works
        process.kill()
        process.join(5.0)
