"""Summaries on real news: ROUGE of every algorithm, lead-N and the extractive oracle.

Run: python -m benchmarks.realdata.score_summary [--limit N] [--sources cnndm_val,bbc]

Per source, never pooled (../shared/data/summaries/SOURCE.md):
- cnndm_val, cnndm_allennlp (CNN highlights): 3 sentences; ROUGE-1/2/Lsum F1.
- bbc (extractive gold): as many sentences as the gold has; ROUGE F1 and the share of chosen
  sentences that are gold sentences (sentence precision/recall/F1).
- gum_wikinews (one human sentence): 2 sentences; ROUGE-1/2 recall.
ROUGE is Google's rouge-score package with Porter stemming; Lsum splits on newlines.
lead-N is the first N sentences exactly as parsed; the oracle greedily adds the sentence
that most raises ROUGE-1 + ROUGE-2 F1. The default algorithm is compared with lead-N by a
paired bootstrap over articles (1,000 resamples, 95 % interval of the mean difference).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.realdata.common import parallel_map, require_data, stamp, subset, table

SOURCES = ("cnndm_val", "cnndm_allennlp", "bbc", "gum_wikinews")
RECALL_ONLY = {"gum_wikinews"}


@cache
def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)


def rouge(summary: list[str], reference: str, recall: bool = False) -> tuple[float, float, float]:
    scores = _scorer().score(reference, "\n".join(s.strip() for s in summary))
    pick = "recall" if recall else "fmeasure"
    return tuple(100 * getattr(scores[k], pick) for k in ("rouge1", "rouge2", "rougeLsum"))


def _norm(s: str) -> str:
    return " ".join(s.split())


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def _f(overlap: int, predicted: int, gold: int, recall: bool) -> float:
    if not overlap:
        return 0.0
    r = overlap / gold
    if recall:
        return r
    p = overlap / predicted
    return 2 * p * r / (p + r)


def _oracle(
    sentences: list[str], reference: str, n: int, recall: bool, start: tuple[int, ...] = ()
) -> list[str]:
    """Greedy extractive oracle on ROUGE-1 + ROUGE-2 (the same tokens as rouge-score);
    `start` holds sentences it must keep."""
    tokenize = _scorer()._tokenizer.tokenize
    ref = tokenize(reference)
    ref1, ref2 = _ngrams(ref, 1), _ngrams(ref, 2)
    toks = [tokenize(x) for x in sentences]
    chosen: list[int] = list(start)
    best = -1.0
    for _ in range(n - len(chosen)):
        pick = None
        for i in range(len(sentences)):
            if i in chosen:
                continue
            cand = [t for j in sorted(chosen + [i]) for t in toks[j]]
            c1, c2 = _ngrams(cand, 1), _ngrams(cand, 2)
            r1 = _f(sum((c1 & ref1).values()), sum(c1.values()), sum(ref1.values()), recall)
            r2 = _f(sum((c2 & ref2).values()), sum(c2.values()), sum(ref2.values()), recall)
            if r1 + r2 > best:
                best, pick = r1 + r2, i
        if pick is None:
            break
        chosen.append(pick)
    return [sentences[j] for j in sorted(chosen)]


def _one(item: tuple[str, str, dict]) -> dict:
    """Every system's scores on one article."""
    path, source, detail = item
    from reader.analysis.nlp import parse
    from reader.analysis.summary import ALGORITHMS, DEFAULT_ALGORITHM, lead_sentences, summarize
    from reader.library.loaders import load_article

    reference = detail["reference"]
    recall = source in RECALL_ONLY
    if source == "bbc":
        n = len(detail["reference_sentences"])
    elif source == "gum_wikinews":
        n = 2
    else:
        n = 3
    article = load_article(Path(path))
    doc = parse(article.text)
    out: dict = {
        "file": detail["file"],
        "source": source,
        "scores": {},
        "default": DEFAULT_ALGORITHM,
    }
    title = None if source.startswith("cnndm") else article.title  # CNN titles are synthetic
    picks = {}
    for algorithm in ALGORITHMS:
        picked = [s.text for s in summarize(doc, article.text, n, algorithm, title=title)]
        picks[algorithm] = picked
    picks[f"lead-{n}" if False else "lead-N"] = [
        s.text for s in lead_sentences(doc, article.text, n)
    ]
    all_sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    if len(all_sents) > 80:
        all_sents = all_sents[:80]
    picks["oracle"] = _oracle(all_sents, reference, n, recall)
    gold = {_norm(s) for s in detail.get("reference_sentences", [])}
    for system, picked in picks.items():
        entry = {
            "rouge": rouge(picked, reference, recall),
            "words": sum(len(s.split()) for s in picked),
        }
        if source == "bbc":
            hits = sum(_norm(s) in gold for s in picked)
            entry["sent"] = (hits, len(picked), len(gold))
        out["scores"][system] = entry
    return out


def _items(root: Path, sources: tuple[str, ...], limit: int | None) -> list[tuple[str, str, dict]]:
    folder = root / "summaries"
    details = {}
    for line in (folder / "refs_detail.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        details[d["file"]] = d
    items = []
    for source in sources:
        files = sorted(k for k in details if k.startswith(source + "/"))
        for f in subset(files, limit):
            items.append((str(folder / f), source, details[f]))
    return items


def paired_bootstrap(a: list[float], b: list[float], n: int = 1000, seed: int = 11):
    """Mean of a - b and its 95 % interval, resampling articles."""
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    k = len(diffs)
    rng = random.Random(seed)
    means = sorted(sum(diffs[rng.randrange(k)] for _ in range(k)) / k for _ in range(n))
    return sum(diffs) / k, means[int(0.025 * n)], means[int(0.975 * n) - 1]


def run(sources=SOURCES, limit: int | None = None) -> dict[str, dict]:
    root = require_data()
    results = parallel_map(_one, _items(root, tuple(sources), limit))
    by_source: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        by_source[r["source"]].append(r)
    return by_source


def figures(by_source: dict[str, list[dict]]) -> dict[str, dict]:
    """Per source: each system's mean ROUGE, words, sentence P/R, and default vs lead."""
    out = {}
    for source, docs in by_source.items():
        default = docs[0]["default"]
        systems = list(docs[0]["scores"])
        rows = {}
        for system in systems:
            vals = [d["scores"][system]["rouge"] for d in docs]
            mean = [sum(v[i] for v in vals) / len(vals) for i in range(3)]
            words = sum(d["scores"][system]["words"] for d in docs) / len(docs)
            row = {"r1": mean[0], "r2": mean[1], "rl": mean[2], "words": words}
            if source == "bbc":
                hits = sum(d["scores"][system]["sent"][0] for d in docs)
                picked = sum(d["scores"][system]["sent"][1] for d in docs)
                gold = sum(d["scores"][system]["sent"][2] for d in docs)
                p, r = hits / max(picked, 1), hits / max(gold, 1)
                row["sent_f1"] = 2 * p * r / (p + r) if p + r else 0.0
            rows[system] = row
        comparison = {}
        for i, name in enumerate(("r1", "r2")):
            a = [d["scores"][default]["rouge"][i] for d in docs]
            b = [d["scores"]["lead-N"]["rouge"][i] for d in docs]
            comparison[name] = paired_bootstrap(a, b)
        wins = sum(
            d["scores"][default]["rouge"][0] > d["scores"]["lead-N"]["rouge"][0] for d in docs
        )
        out[source] = {
            "n": len(docs),
            "default": default,
            "rows": rows,
            "vs_lead": comparison,
            "wins": wins,
        }
    return out


def render(figs: dict[str, dict]) -> str:
    parts = []
    for source, f in figs.items():
        recall = source in RECALL_ONLY
        kind = "recall" if recall else "F1"
        header = ["system", f"ROUGE-1 {kind}", f"ROUGE-2 {kind}", f"ROUGE-Lsum {kind}", "words"]
        if source == "bbc":
            header.append("gold-sentence F1")
        rows = []
        for system, row in sorted(f["rows"].items(), key=lambda kv: -kv[1]["r1"]):
            label = f"**{system}** (default)" if system == f["default"] else system
            cells = [
                label,
                f"{row['r1']:.1f}",
                f"{row['r2']:.1f}",
                f"{row['rl']:.1f}",
                f"{row['words']:.0f}",
            ]
            if source == "bbc":
                cells.append(f"{row['sent_f1']:.3f}")
            rows.append(cells)
        d1, d2 = f["vs_lead"]["r1"], f["vs_lead"]["r2"]
        parts.append(
            f"### Summary: {source} ({f['n']} articles)\n\n"
            + table(header, rows)
            + f"\n\nDefault minus lead-N: ROUGE-1 {d1[0]:+.2f} [{d1[1]:+.2f}, {d1[2]:+.2f}], "
            f"ROUGE-2 {d2[0]:+.2f} [{d2[1]:+.2f}, {d2[2]:+.2f}] (95 % paired bootstrap); "
            f"default ahead of lead-N on ROUGE-1 in {f['wins']} of {f['n']} articles."
        )
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles per source")
    parser.add_argument("--sources", default=",".join(SOURCES))
    args = parser.parse_args(argv)
    print(stamp())
    print(render(figures(run(args.sources.split(","), args.limit))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
