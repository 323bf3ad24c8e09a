"""Figures 1 and 3: analysis against the bare spaCy pass (process and in process), and scale."""

from __future__ import annotations

import statistics
import time
from functools import cache
from pathlib import Path

from benchmarks import corpus
from benchmarks.common import PYTHON, READER, ROOT, Row, isolated_env, ms, paired, secs

TARGET = 1.2
LONG_WORDS = 6000
SCALE = (1_000, 5_000, 20_000, 50_000)
BARE = str(ROOT / "benchmarks" / "bare_spacy.py")


@cache
def bare_model():
    """The reader's default model as spaCy loads it, with no reader component added."""
    import spacy

    return spacy.load(model_name())


def model_name() -> str:
    """The installed package name of the model the reader loads by default."""
    from reader.analysis.nlp import model_label

    return model_label().rsplit("-", 1)[0]


def _article(path: Path):
    from reader.library.loaders import load_article

    return load_article(path)


def _synthetic(words: int):
    from reader.library.models import Article, content_id

    text = corpus.body(words, seed=words)
    return Article(content_id(text), Path(f"{words}.txt"), "txt", f"{words} words", None, None,
                   None, text)  # fmt: skip


def process_ratio(rows: list[Row], tmp: Path, quick: bool) -> None:
    """`reader analyze --json --no-cache FILE` against the bare script, as whole processes."""
    long_path = corpus.write_long(tmp / "long", LONG_WORDS)
    samples = sorted(p for p in corpus.SAMPLES.iterdir() if p.is_file())
    if quick:  # the in-process ratio still covers every sample
        samples = []
    env = isolated_env(tmp)
    name = model_name()
    for path in [long_path, *samples]:
        text_file = tmp / "texts" / (path.stem + ".txt")
        text_file.parent.mkdir(exist_ok=True)
        text_file.write_text(corpus.cleaned_text(path), encoding="utf-8")
        ours = [*READER, "analyze", "--json", "--no-cache", str(path)]
        bare = [PYTHON, BARE, name, str(text_file)]
        first = path == long_path
        runs = 1 if quick else (5 if first else 3)
        t = paired(ours, bare, runs=runs, env=env, warmup=int(first and not quick))
        words = len(text_file.read_text(encoding="utf-8").split())
        rows.append(Row(
            "1 analysis (process)", f"{path.name} ({words} words)", secs(t.a_wall),
            f"bare spaCy {secs(t.b_wall)}", f"{t.ratio_wall:.2f} (cpu {t.ratio_cpu:.2f})",
            f"<= {TARGET}", t.ratio_wall <= TARGET,
        ))  # fmt: skip


def in_process_ratio(rows: list[Row], tmp: Path, quick: bool) -> None:
    """`pipeline.analyze` against `nlp(text)` of the same model, both warm, in this process."""
    from reader.analysis.pipeline import analyze

    bare = bare_model()
    articles = [_article(corpus.write_long(tmp / "long", LONG_WORDS))]
    samples = sorted(p for p in corpus.SAMPLES.iterdir() if p.is_file())
    articles += [_article(p) for p in (samples[::6] if quick else samples)]
    repeats = 2 if quick else 7
    ratios: list[float] = []
    analyze(articles[-1]), bare(articles[-1].text)  # first calls import and allocate
    for n, article in enumerate(articles):
        ours, base = [], []
        for _ in range(1 if quick and n == 0 else repeats):
            start = time.perf_counter()
            bare(article.text)
            base.append(time.perf_counter() - start)
            start = time.perf_counter()
            analyze(article)
            ours.append(time.perf_counter() - start)
        # The fastest of several runs: on a shared machine noise only ever adds time.
        ratio = min(ours) / min(base)
        if n == 0:
            rows.append(Row(
                "1 analysis (in process)", f"{article.path.name} (fastest of {len(ours)})",
                ms(min(ours)), f"nlp(text) {ms(min(base))}",
                f"{ratio:.2f}", f"<= {TARGET}", ratio <= TARGET,
            ))  # fmt: skip
        else:
            ratios.append(ratio)
    worst = max(ratios)
    rows.append(Row(
        "1 analysis (in process)", f"{len(ratios)} of {len(samples)} samples: median / worst",
        "", "", f"{statistics.median(ratios):.2f} / {worst:.2f}", f"<= {TARGET}", worst <= TARGET,
    ))  # fmt: skip
    if not quick:
        breakdown(rows, articles[0], bare)


def breakdown(rows: list[Row], article, bare) -> None:
    """Where the analysis of the long article goes, as shares of one bare nlp(text)."""
    from reader.analysis.actors import extract_actors
    from reader.analysis.nlp import parse
    from reader.analysis.quotes import extract_quotes
    from reader.analysis.summary import summarize

    text = article.text
    start = time.perf_counter()
    bare(text)
    base = time.perf_counter() - start
    steps: list[tuple[str, float]] = []
    start = time.perf_counter()
    doc = parse(text)
    steps.append(("parse (reader pipeline)", time.perf_counter() - start))
    start = time.perf_counter()
    summarize(doc, text, 3, "hybrid", title=article.title)
    steps.append(("summary (hybrid)", time.perf_counter() - start))
    start = time.perf_counter()
    actors = tuple(extract_actors(doc, text))
    steps.append(("actors", time.perf_counter() - start))
    start = time.perf_counter()
    extract_quotes(doc, text, actors)
    steps.append(("quotes", time.perf_counter() - start))
    for name, seconds in steps:
        rows.append(Row("1 where time goes", name, ms(seconds), f"nlp(text) {ms(base)}",
                        f"{seconds / base:.2f}"))  # fmt: skip


def scale(rows: list[Row], quick: bool) -> None:
    """Analysis time at growing lengths: cost per word must stay about flat."""
    from reader.analysis.pipeline import analyze

    bare = bare_model()
    sizes = (1_000, 5_000, 10_000) if quick else SCALE
    first: float | None = None
    previous: tuple[int, float] | None = None
    for words in sizes:
        article = _synthetic(words)
        if previous is None:
            analyze(article)  # warm-up
        ours, base = [], []
        for _ in range(1 if quick or words > 20_000 else 3):
            start = time.perf_counter()
            analyze(article)
            ours.append(time.perf_counter() - start)
            if not quick:
                start = time.perf_counter()
                bare(article.text)
                base.append(time.perf_counter() - start)
        t = statistics.median(ours)
        b = statistics.median(base) if base else float("nan")
        per_word = t / words
        first = first or per_word
        growth = ""
        if previous is not None:
            growth = f"x{t / previous[1]:.1f} for x{words / previous[0]:.1f} words"
        rows.append(Row(
            "3 scale", f"{words:,} words", ms(t),
            "" if quick else f"nlp(text) {ms(b)} (ratio {t / b:.2f})",
            f"{per_word / first:.2f} per word; {growth}".rstrip("; "),
            "per-word cost <= 1.3x the 1k text", per_word / first <= 1.3,
        ))  # fmt: skip
        previous = (words, t)
