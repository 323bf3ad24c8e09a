"""Analyse many articles (warming the cache) in N worker processes, results in file order.

No printing and no exit codes here: the command line reports what `outcomes` yields.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.analysis.models import Analysis
    from reader.library.models import Article

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
    words: int | None = None


@dataclass(slots=True)
class Outcome:
    """One article's result: the JSON object (when asked for), notices, or why it failed."""

    path: Path
    error: str | None = None
    payload: dict[str, Any] | None = None
    notices: tuple[str, ...] = ()
    cached: bool = False
    line: str = ""
    """One line on what was found: the title, and how many sentences, actors and quotes."""


def analyse_one(article: Article, options: Options) -> Outcome:
    """Analyse one loaded article; never raises (a failure becomes the outcome's error)."""
    from reader.service import analyze_article

    try:
        analysis, notices = analyze_article(
            article,
            sentences=options.sentences,
            algorithm=options.algorithm,
            model_name=options.model_name,
            cache_dir=options.cache_dir,
            words=options.words,
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
    line = _found(article, analysis)
    return Outcome(article.path, payload=payload, notices=own + tuple(notices), line=line)


def _found(article: Article, analysis: Analysis) -> str:
    counts = (
        (len(analysis.summary), "summary sentence"),
        (len(analysis.actors), "actor"),
        (len([q for q in analysis.quotes if not q.fragment]), "quote"),
    )
    found = ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)
    return f"{article.path}: {' '.join(article.title.split())} ({found})"


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
    from reader.analysis.nlp import model_label
    from reader.service.cache import AnalysisCache, cache_key

    label = model_label(options.model_name)
    key = cache_key(
        article.text, article.id, options.algorithm, options.sentences, label, options.words
    )
    hit = AnalysisCache(options.cache_dir).get(key)
    if hit is None:
        return None
    outcome = _outcome(article, hit, list(hit.notices), options)
    outcome.cached = True
    return outcome


def _nothing(_workers: int) -> None:
    pass


def _init_worker() -> None:
    import signal

    from reader.service.worker import leave_with_parent, single_threaded_blas

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C
    single_threaded_blas()  # workers share the cores already
    leave_with_parent()


def outcomes(
    paths: list[Path], options: Options, jobs: int, started: Callable[[int], None] = _nothing
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
                    started(jobs)
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


def collect(target: Path) -> tuple[list[Path], list[Outcome]]:
    """The article files under `target`, and an outcome for each file the scan refused."""
    from reader.library.models import LoadError
    from reader.library.scan import iter_scan

    files: list[Path] = []
    refused: list[Outcome] = []
    for item in iter_scan([target]):
        if isinstance(item, LoadError):
            refused.append(Outcome(item.path, item.reason))
        else:
            files.append(item.path)
    return files, refused
