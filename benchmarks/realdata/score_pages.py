"""Saved web pages: the article-extraction benchmark's token F1 on the reader's `text`.

Run: python -m benchmarks.realdata.score_pages [--limit N] [--verbose] [--trafilatura]

The metric is the benchmark's own (../shared/data/extraction/SOURCE.md): word 4-gram
shingles of `\\w+` tokens (case kept); per page TP = shared shingles, FP = extra predicted,
FN = missing gold, each page weighing the same; precision and recall are averaged over
pages (an empty prediction is left out of precision and counts 0 for recall) and F1 is the
harmonic mean of the two averages. Accuracy is the share of pages whose token sequence is
exactly the gold one. A page the reader refuses counts as an empty prediction (a failure).
Title, byline and date are compared with gold/extraction_meta.json (hashes of the folded
title and author names, plain dates) when that file is present. That gold was read from each
page's own markup and checked by hand: the title is the headline the page shows (not a
prefixed or shortened social title); the authors are the people, or the news agency, the
byline credits, without job titles, and none when only the site itself or one of its desks
is named; the date is the day of publication as the page shows it, in the writer's zone.
`--trafilatura` also scores trafilatura alone in its default mode, for comparison.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.realdata.common import parallel_map, reader_json, require_data, stamp, subset, table

META = Path(__file__).with_name("gold") / "extraction_meta.json"
TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def page_scores(gold: str, predicted: str) -> tuple[float | None, float, bool]:
    """(precision or None when the prediction is empty, recall, exact)."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    exact = TOKEN.findall(gold) == TOKEN.findall(predicted or "")
    if not predicted or not predicted.strip():
        return None, 0.0, exact
    if fp == 0 and fn == 0:
        return 1.0, 1.0, exact
    total = tp + fp + fn
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, exact


def fold(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def digest(text: str | None) -> str:
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:16]


def author_digests(byline: str | None) -> list[str]:
    """Hashes of each author name in a byline ("By A and B" -> two names)."""
    text = re.sub(r"^\s*by\s+", "", byline or "", flags=re.I)
    parts = re.split(r"\s*(?:,|&|\band\b|\|)\s*", text)
    return sorted(digest(p) for p in parts if fold(p))


def _one(item: tuple[str, str, str, bool]) -> dict:
    page_id, html_path, gold_body, with_traf = item
    out = reader_json(Path(html_path))
    result = {"id": page_id}
    if "error" in out:
        result["error"] = out["error"]
        predicted = ""
    else:
        predicted = out["text"]
        result.update(
            title=digest(out["title"]), authors=author_digests(out["byline"]), date=out["published"]
        )
    result["scores"] = page_scores(gold_body, predicted)
    if with_traf:
        import trafilatura

        html = Path(html_path).read_text(encoding="utf-8", errors="replace")
        result["traf"] = page_scores(gold_body, trafilatura.extract(html) or "")
    return result


def aggregate(scores: list[tuple[float | None, float, bool]]) -> dict[str, float]:
    precisions = [p for p, _, _ in scores if p is not None]
    recalls = [r for _, r, _ in scores]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "F1": f1,
        "precision": p,
        "recall": r,
        "accuracy": sum(e for _, _, e in scores) / max(len(scores), 1),
    }


def run(limit: int | None = None, with_traf: bool = False) -> list[dict]:
    root = require_data() / "extraction"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = subset(sorted(truth), limit)
    tmp = Path(tempfile.mkdtemp(prefix="reader-pages-"))
    items = []
    for page_id in ids:
        target = tmp / f"{page_id}.html"
        target.write_bytes(gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()))
        items.append((page_id, str(target), truth[page_id]["articleBody"], with_traf))
    return parallel_map(_one, items)


def figures(results: list[dict]) -> dict[str, float]:
    fig = aggregate([r["scores"] for r in results])
    fig["failures"] = sum("error" in r for r in results)
    fig["pages under 0.5 F1"] = sum(_f1(r["scores"]) < 0.5 for r in results)
    if any("traf" in r for r in results):
        for k, v in aggregate([r["traf"] for r in results]).items():
            fig[f"trafilatura default {k}"] = v
        fig["pages under 0.5 that trafilatura gets above 0.8"] = sum(
            _f1(r["scores"]) < 0.5 and _f1(r["traf"]) > 0.8 for r in results
        )
    if META.is_file():
        meta = json.loads(META.read_text(encoding="utf-8"))
        checked = [r for r in results if r["id"] in meta and "error" not in r]
        for field in ("title", "authors", "date"):
            rows = [r for r in checked if field in meta[r["id"]]]
            right = sum(r[field] == meta[r["id"]][field] for r in rows)
            fig[f"{field} right"] = right / len(rows) if rows else float("nan")
    return fig


def _f1(s: tuple[float | None, float, bool]) -> float:
    p, r, _ = s
    p = p or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def render(fig: dict[str, float], n: int) -> str:
    rows = [(k, f"{v:.3f}" if isinstance(v, float) else v) for k, v in fig.items()]
    return f"### Web pages (article-extraction benchmark, {n} pages)\n\n" + table(
        ("measure", "value"), rows
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--trafilatura", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="each page's F1")
    args = parser.parse_args(argv)
    print(stamp())
    results = run(args.limit, args.trafilatura)
    if args.verbose:
        for r in sorted(results, key=lambda r: _f1(r["scores"])):
            extra = f"\ttrafilatura {_f1(r['traf']):.3f}" if "traf" in r else ""
            print(f"{r['id'][:12]}\t{_f1(r['scores']):.3f}\t{r.get('error', '')}{extra}")
    print(render(figures(results), len(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
