"""ROUGE-1/2/L F1 of every summary algorithm against the samples' reference summaries."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str, stem: bool = True) -> list[str]:
    """Lower-cased alphanumeric tokens, Porter-stemmed like the usual ROUGE setup."""
    words = TOKEN.findall(text.lower().replace("’", "'"))
    if not stem:
        return words
    from nltk.stem.porter import PorterStemmer

    stemmer = PorterStemmer()
    return [stemmer.stem(w) for w in words]


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: list[str], reference: list[str], n: int) -> float:
    """ROUGE-N F1: clipped n-gram overlap."""
    cand = Counter(zip(*(candidate[i:] for i in range(n)), strict=False))
    ref = Counter(zip(*(reference[i:] for i in range(n)), strict=False))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (dynamic programming, two rows)."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(candidate: list[str], reference: list[str]) -> float:
    """ROUGE-L F1 over the whole summary."""
    return _f1(lcs_length(candidate, reference), len(candidate), len(reference))


def scores(candidate: str, reference: str) -> tuple[float, float, float]:
    """(ROUGE-1, ROUGE-2, ROUGE-L) F1 of one summary against one reference."""
    c, r = tokens(candidate), tokens(reference)
    return rouge_n(c, r, 1), rouge_n(c, r, 2), rouge_l(c, r)


DEV = ROOT / "tests" / "fixtures" / "dev_articles"
"""Development articles with their gold files beside them."""


def _dev() -> tuple[list, dict[str, dict]]:
    """The development articles and their gold files keyed by article file name."""
    import json

    from reader.library.loaders import load_article

    gold = {}
    for path in sorted(DEV.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data["file"]] = data
    return [load_article(DEV / name) for name in sorted(gold)], gold


def evaluate(
    sentences: int = 3, which: str = "samples"
) -> tuple[list[str], dict[str, dict[str, tuple]]]:
    """Scores per system per article; systems are "lead-3" and every algorithm.

    `which` is "samples" (the bundled samples) or "dev" (tests/fixtures/dev_articles).
    """
    from benchmarks.samples import load_gold, load_samples
    from reader.analysis.nlp import parse
    from reader.analysis.summary import ALGORITHMS, lead_sentences, summarize

    if which == "dev":
        articles, gold = _dev()
    else:
        articles, gold = load_samples(), load_gold()
    results: dict[str, dict[str, tuple]] = {}
    names: list[str] = []
    for article in articles:
        ref = gold.get(article.path.name, {}).get("summary")
        if not ref:
            continue
        names.append(article.path.name)
        reference = " ".join(ref)
        doc = parse(article.text)
        systems = {"lead-3": lead_sentences(doc, article.text, sentences)}
        for algorithm in ALGORITHMS:
            systems[algorithm] = summarize(
                doc, article.text, sentences, algorithm, title=article.title
            )
        for system, summary in systems.items():
            text = " ".join(s.text for s in summary)
            results.setdefault(system, {})[article.path.name] = scores(text, reference)
    return names, results


def table(names: list[str], results: dict[str, dict[str, tuple]], label: str = "samples") -> str:
    """A Markdown table of average F1 per system, best ROUGE-1 first."""
    rows = []
    for system, per_sample in results.items():
        avg = [sum(v[i] for v in per_sample.values()) / len(per_sample) for i in range(3)]
        rows.append((system, *avg))
    rows.sort(key=lambda r: -(r[1] + r[2] + r[3]))
    lines = [
        f"ROUGE F1 (Porter-stemmed), averaged over {len(names)} {label} with a "
        "reference summary; 3-sentence summaries.",
        "",
        "| system | ROUGE-1 | ROUGE-2 | ROUGE-L |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {s} | {r1:.3f} | {r2:.3f} | {rl:.3f} |" for s, r1, r2, rl in rows]
    return "\n".join(lines)


def per_sample_table(names: list[str], results: dict[str, dict[str, tuple]]) -> str:
    """ROUGE-1 / ROUGE-2 per sample and system, to see where a system wins or loses."""
    systems = list(results)
    lines = ["| sample | " + " | ".join(systems) + " |", "|---" * (len(systems) + 1) + "|"]
    for name in names:
        cells = [f"{results[s][name][0]:.2f}/{results[s][name][1]:.2f}" for s in systems]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-sample", action="store_true", help="also print per-sample scores")
    parser.add_argument(
        "--set",
        choices=["samples", "dev"],
        default="samples",
        help="the bundled samples (default) or the development articles in tests/fixtures/dev_articles",
    )
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":
        # sumy breaks ties in set order, which string hashing randomises per run.
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    names, results = evaluate(which=args.set)
    if not names:
        print(f"no {args.set} article has a reference summary", file=sys.stderr)
        return 1
    print(table(names, results, "development articles" if args.set == "dev" else "samples"))
    if args.per_sample:
        print()
        print(per_sample_table(names, results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
