"""Analyse every article in a folder (warming the cache) with N worker processes.

Exit codes: 0 when every article was analysed; 2 when some could not be (each named on
stderr as one "reader: PATH: reason" line), when nothing in the folder is an article, or
when --jobs is below 1. Progress and a closing summary go to stderr; with --json, stdout
gets one JSON object per analysed article (JSON Lines, in the folder's order).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.terminal import printable

if TYPE_CHECKING:
    from reader.analysis.models import Analysis
    from reader.library.models import Article
    from reader.paths import Paths
    from reader.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 2
PROGRESS_EVERY = 2.0
"""Seconds between progress lines when stderr is not a terminal."""
WINDOW = 4
"""Articles queued per worker at once: enough to keep workers busy, little held in memory."""


@dataclass(frozen=True, slots=True)
class Options:
    """What every analysis of the run shares (picklable, sent to the workers)."""

    sentences: int
    algorithm: str
    model_name: str | None
    cache_dir: Path | None
    want_json: bool


@dataclass(slots=True)
class Outcome:
    """One article's result: the JSON object (when asked for), notices, or why it failed."""

    path: Path
    error: str | None = None
    payload: dict[str, Any] | None = None
    notices: tuple[str, ...] = ()
    cached: bool = False


def analyse_one(article: Article, options: Options) -> Outcome:
    """Analyse one loaded article; never raises (a failure becomes the outcome's error)."""
    from reader.analysis.service import analyze_article

    try:
        analysis, notices = analyze_article(
            article,
            sentences=options.sentences,
            algorithm=options.algorithm,
            model_name=options.model_name,
            cache_dir=options.cache_dir,
        )
    except Exception as exc:  # one bad article must not stop the folder
        return Outcome(article.path, f"analysis failed ({type(exc).__name__}: {exc})")
    return _outcome(article, analysis, notices, options)


def _outcome(article: Article, analysis: Analysis, notices: list[str], options: Options) -> Outcome:
    from reader.analysis.pipeline import FAILED

    failed = [n for n in notices if n.startswith(FAILED)]
    if failed:
        return Outcome(article.path, failed[0])
    payload = None
    if options.want_json:
        from reader.export import article_json

        payload = article_json(article, analysis)
    own = tuple(f"{article.path}: {n}" for n in article.notices)
    return Outcome(article.path, payload=payload, notices=own + tuple(notices))


def _load(path: Path) -> Article | Outcome:
    from reader.library.loaders import load_article
    from reader.library.models import ArticleLoadError

    try:
        return load_article(path)
    except ArticleLoadError as exc:
        return Outcome(path, exc.reason)
    except Exception as exc:  # a loader bug costs one file, not the run
        return Outcome(path, f"cannot open ({type(exc).__name__}: {exc})")


def _cached(article: Article, options: Options) -> Outcome | None:
    """The outcome from the cache, without starting a worker (or importing spaCy)."""
    if options.cache_dir is None:
        return None
    from reader.analysis.cache import AnalysisCache, cache_key
    from reader.analysis.nlp import model_label

    label = model_label(options.model_name)
    key = cache_key(article.text, article.id, options.algorithm, options.sentences, label)
    hit = AnalysisCache(options.cache_dir).get(key)
    if hit is None:
        return None
    outcome = _outcome(article, hit, list(hit.notices), options)
    outcome.cached = True
    return outcome


def _init_worker() -> None:
    import signal

    from reader.analysis.background_worker import single_threaded_blas

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C
    single_threaded_blas()  # workers share the cores already


class Progress:
    """Progress lines on stderr: one updating line on a terminal, else every few seconds."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.tty = stream.isatty()
        self.done = self.failed = self.cached = 0
        self.workers = 0
        """Worker processes started (0 when everything came from the cache or ran here)."""
        self.started = self._last = time.monotonic()

    def step(self, outcome: Outcome) -> None:
        self.done += 1
        self.cached += outcome.cached
        if outcome.error is not None:
            self.failed += 1
            self._clear()
            print(f"reader: {printable(f'{outcome.path}: {outcome.error}')}", file=self.stream)
        now = time.monotonic()
        if self.tty:
            self.stream.write(f"\rreader: analysed {self.done}/{self.total}")
            self.stream.flush()
        elif now - self._last >= PROGRESS_EVERY and self.done < self.total:
            print(f"reader: analysed {self.done}/{self.total}", file=self.stream)
            self._last = now

    def _clear(self) -> None:
        if self.tty:
            self.stream.write("\r\033[K")

    def finish(self) -> None:
        self._clear()
        seconds = time.monotonic() - self.started
        ok = self.done - self.failed
        how = [f"{self.cached} from the cache"] if self.cached else []
        if self.workers:
            how.append(f"{self.workers} worker process{'' if self.workers == 1 else 'es'}")
        detail = f" ({', '.join(how)})" if how else ""
        failed = f"; {self.failed} failed" if self.failed else ""
        print(
            f"reader: analysed {ok} of {self.total} articles in {seconds:.1f} s{detail}{failed}",
            file=self.stream,
        )


def _outcomes(
    paths: list[Path], options: Options, jobs: int, progress: Progress
) -> Iterator[Outcome]:
    """Outcomes in the order of `paths`; cache misses go to `jobs` worker processes."""
    if jobs <= 1:
        for path in paths:
            article = _load(path)
            if isinstance(article, Outcome):
                yield article
            else:
                yield _cached(article, options) or analyse_one(article, options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    queue: deque[tuple[Path, Outcome | Future[Outcome]]] = deque()
    pool: ProcessPoolExecutor | None = None
    try:
        for path in paths:
            article = _load(path)
            hit = article if isinstance(article, Outcome) else _cached(article, options)
            if hit is not None:
                queue.append((path, hit))
            else:
                if pool is None:
                    context = multiprocessing.get_context("spawn")
                    pool = ProcessPoolExecutor(jobs, context, initializer=_init_worker)
                    progress.workers = jobs
                queue.append((path, pool.submit(analyse_one, article, options)))
            while queue and (not isinstance(queue[0][1], Future) or len(queue) > jobs * WINDOW):
                yield _resolve(*queue.popleft())
        while queue:
            yield _resolve(*queue.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _resolve(path: Path, item: Outcome | Future[Outcome]) -> Outcome:
    if isinstance(item, Outcome):
        return item
    try:
        return item.result()
    except Exception as exc:  # the worker died (killed, out of memory)
        return Outcome(path, f"the analysis process failed ({type(exc).__name__}: {exc})")


def analyze_folder(target: Path, args: argparse.Namespace, paths: Paths, settings: Settings) -> int:
    """Analyse every article under `target`; the exit code (see the module docstring)."""
    from reader.export import to_json
    from reader.library.models import LoadError
    from reader.library.scan import iter_scan

    jobs = getattr(args, "jobs", None)
    jobs = 1 if jobs is None else jobs
    if jobs < 1:
        print("reader: --jobs must be at least 1", file=sys.stderr)
        return EXIT_FAILED
    options = Options(
        sentences=args.sentences or settings.summary_sentences,
        algorithm=args.algorithm or settings.algorithm,
        model_name=settings.spacy_model,
        cache_dir=None if args.no_cache else paths.analysis_cache_dir,
        want_json=bool(args.json),
    )
    files: list[Path] = []
    scan_errors: list[Outcome] = []
    for item in iter_scan([target]):
        if isinstance(item, LoadError):
            scan_errors.append(Outcome(item.path, item.reason))
        else:
            files.append(item.path)
    total = len(files) + len(scan_errors)
    if total == 0:
        where = printable(str(target))
        print(f"reader: {where}: no articles found (.txt, .md, .html)", file=sys.stderr)
        return EXIT_FAILED
    progress = Progress(total, sys.stderr)
    for outcome in scan_errors:
        progress.step(outcome)
    seen: set[str] = set()
    workers = max(1, min(jobs, len(files)))
    for outcome in _outcomes(files, options, workers, progress):
        for notice in outcome.notices:
            if notice not in seen and outcome.error is None:
                seen.add(notice)
                print(f"reader: {printable(notice)}", file=sys.stderr)
        if outcome.payload is not None:
            sys.stdout.write(to_json(outcome.payload) + "\n")
        progress.step(outcome)
    progress.finish()
    return EXIT_FAILED if progress.failed else EXIT_OK
