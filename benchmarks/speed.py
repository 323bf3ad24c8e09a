"""Analysis speed on the longest sample: cost of each spaCy pipe, whole analysis, cache hit."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _run_pipes(nlp, text: str, times: dict[str, list[float]]) -> None:
    """CPU time of the tokenizer and of each pipe, in pipeline order."""
    t0 = time.process_time()
    doc = nlp.make_doc(text)
    times.setdefault("tokenizer", []).append(time.process_time() - t0)
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        doc = proc(doc)
        times.setdefault(name, []).append(time.process_time() - t0)


def _pipe_table(title: str, times: dict[str, list[float]]) -> str:
    rows = [f"| {title} | CPU ms |", "|---|---:|"]
    total = 0.0
    for name, values in times.items():
        ms = _median_ms(values)
        total += ms
        rows.append(f"| {name} | {ms:.1f} |")
    rows.append(f"| **sum** | {total:.1f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    import spacy

    from benchmarks.samples import load_samples
    from reader.analysis.nlp import FALLBACK_MODELS, get_nlp
    from reader.analysis.pipeline import analyze
    from reader.service import analyze_article

    article = max(load_samples(), key=lambda a: len(a.text))
    text = article.text
    print(f"longest sample: {article.path.name} ({len(text)} characters)\n")

    full = spacy.load(FALLBACK_MODELS[-1])
    ours, label, _ = get_nlp()
    full(text), analyze(article)  # warm up: first calls allocate and import
    full_times: dict[str, list[float]] = {}
    our_times: dict[str, list[float]] = {}
    bare: list[float] = []
    whole: list[float] = []
    bare_cpu: list[float] = []
    whole_cpu: list[float] = []
    for _ in range(args.repeats):  # interleaved, so machine load hits both alike
        _run_pipes(full, text, full_times)
        _run_pipes(ours, text, our_times)
        t0, c0 = time.perf_counter(), time.process_time()
        full(text)
        bare.append(time.perf_counter() - t0)
        bare_cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        analyze(article)
        whole.append(time.perf_counter() - t0)
        whole_cpu.append(time.process_time() - c0)
    print(_pipe_table("pipe (full model, as loaded)", full_times), "\n")
    print(_pipe_table(f"pipe (reader: {label})", our_times), "\n")
    b, w = _median_ms(bare_cpu), _median_ms(whole_cpu)
    print(
        f"CPU time (steady under load from other processes): bare nlp(text), full model "
        f"{b:.1f} ms; reader analyze() {w:.1f} ms; ratio {w / b:.2f} (target <= 1.2)"
    )
    b, w = _median_ms(bare), _median_ms(whole)
    print(f"wall time: bare {b:.1f} ms; analyze {w:.1f} ms; ratio {w / b:.2f}")

    with tempfile.TemporaryDirectory() as cache_dir:
        analyze_article(article, cache_dir=cache_dir)
        hits = []
        for _ in range(50):
            t0 = time.perf_counter()
            analyze_article(article, cache_dir=cache_dir)
            hits.append(time.perf_counter() - t0)
    print(
        f"cache hit, in process: median {_median_ms(hits):.2f} ms, "
        f"max {max(hits) * 1000:.2f} ms (target < 20)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
