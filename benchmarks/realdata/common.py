"""Where the real development data lives, and running the reader over many files at once."""

from __future__ import annotations

import datetime as _dt
import os
import random
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA_ENV = "READER_DEV_DATA"
"""Environment variable naming the data folder; default: ../shared/data beside the checkout."""


def data_root() -> Path | None:
    """The real development data folder, or None when this machine does not have it."""
    given = os.environ.get(DATA_ENV)
    candidates = [Path(given)] if given else []
    candidates += [ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"]
    for path in candidates:
        if (path / "README.md").is_file():
            return path
    return None


def require_data() -> Path:
    root = data_root()
    if root is None:
        sys.exit(
            f"real development data not found: set {DATA_ENV} or place it at "
            f"{ROOT.parent / 'shared' / 'data'}"
        )
    return root


def stamp() -> str:
    """The commit (with a mark when the tree has changes) and the date of this run."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "reader"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown", ""
    when = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return f"commit {commit}{' (with uncommitted changes)' if dirty else ''}, {when}"


def parallel_map(
    func: Callable[[Any], Any], items: Sequence[Any], jobs: int | None = None
) -> list[Any]:
    """`func` over `items` in worker processes (fork: spaCy loads once per worker)."""
    jobs = jobs or min(2, os.cpu_count() or 1)
    if jobs <= 1 or len(items) < 4:
        return [func(item) for item in items]
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    with ctx.Pool(jobs, initializer=_quiet_worker) as pool:
        return pool.map(func, items, chunksize=max(1, len(items) // (jobs * 8)))


def _quiet_worker() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def bootstrap_mean(values: Sequence[float], n: int = 1000, seed: int = 7) -> tuple[float, float]:
    """95 % interval of the mean of `values`, resampled over documents."""
    if not values:
        return (0.0, 0.0)
    rng = random.Random(seed)
    k = len(values)
    means = sorted(sum(values[rng.randrange(k)] for _ in range(k)) / k for _ in range(n))
    return means[int(0.025 * n)], means[int(0.975 * n) - 1]


def pct(value: float) -> str:
    return f"{100 * value:.1f}"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines)


def subset(items: list[Any], limit: int | None) -> list[Any]:
    """The first `limit` items (a stable quick subset), or all."""
    return items if limit is None else items[:limit]


def reader_json(path: Path, sentences: int = 3, algorithm: str | None = None) -> dict[str, Any]:
    """What `reader analyze --json PATH` prints, computed in this process (no cache).

    A file the reader refuses gives {"error": reason}.
    """
    from reader.analysis.pipeline import analyze
    from reader.analysis.summary import DEFAULT_ALGORITHM
    from reader.export import article_json
    from reader.library.loaders import load_article
    from reader.library.models import ArticleLoadError

    try:
        article = load_article(path)
    except ArticleLoadError as exc:
        return {"path": str(path), "error": exc.reason}
    analysis, _notices = analyze(
        article, sentences=sentences, algorithm=algorithm or DEFAULT_ALGORITHM
    )
    return article_json(article, analysis)


def reader_actors(path: Path) -> dict[str, Any]:
    """`reader_json` plus each actor's mention spans (offsets into `text`)."""
    from reader.analysis.pipeline import analyze
    from reader.export import article_json
    from reader.library.loaders import load_article
    from reader.library.models import ArticleLoadError

    try:
        article = load_article(path)
    except ArticleLoadError as exc:
        return {"path": str(path), "error": exc.reason}
    analysis, _notices = analyze(article)
    out = article_json(article, analysis)
    for item, actor in zip(out["actors"], analysis.actors, strict=True):
        item["spans"] = [list(s) for s in actor.spans]
    return out
