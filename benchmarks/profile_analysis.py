"""Where analysis time goes beyond the spaCy parse: each step per text length, and a profile.

`python benchmarks/profile_analysis.py [--words 6000,50000] [--top 15]`: parses once, then
times summary (every algorithm), actors and quotes on the same Doc, and prints the functions
that cost most under cProfile (the parse itself excluded).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_analysis import _synthetic  # noqa: E402

ALGORITHMS = ("hybrid", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson")


def steps(article, doc):
    """(name, callable) for every step after the parse."""
    from reader.analysis.actors import extract_actors
    from reader.analysis.quotes import extract_quotes
    from reader.analysis.summary import summarize

    text = article.text
    actors = tuple(extract_actors(doc, text))
    out = [(f"summary {a}", lambda a=a: summarize(doc, text, 3, a, title=article.title))
           for a in ALGORITHMS]  # fmt: skip
    out.append(("actors", lambda: tuple(extract_actors(doc, text))))
    out.append(("quotes", lambda: extract_quotes(doc, text, actors)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", default="6000,50000", help="text lengths, comma-separated")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    from reader.analysis.nlp import parse

    for words in (int(w) for w in args.words.split(",")):
        article = _synthetic(words)
        start = time.perf_counter()
        doc = parse(article.text)
        parsed = time.perf_counter() - start
        print(f"\n## {words:,} words: parse {parsed * 1000:.0f} ms\n")
        print("| step | ms | share of the parse |\n|---|---:|---:|")
        default = []
        for name, fn in steps(article, doc):
            fn()  # warm caches (stemmer, stop words, imports)
            start = time.perf_counter()
            fn()
            took = time.perf_counter() - start
            print(f"| {name} | {took * 1000:.0f} | {took / parsed:.1%} |")
            if name in ("summary hybrid", "actors", "quotes"):
                default.append(fn)
        profile = cProfile.Profile()
        for fn in default:
            profile.runcall(fn)
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).sort_stats("tottime")
        stats.print_stats(args.top)
        print("\nDefault path (hybrid summary, actors, quotes) by own time:\n")
        print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
