"""Train the summary sentence scorer on the development references, with cross-validation.

Run: python -m benchmarks.realdata.train_summary [--folds 5] [--write]

The summary keeps the article's first usable sentence (the lede) and lets a linear scorer
choose the others. Each article's usable sentences get the features of
reader/analysis/summary/features.py and a label: in the best extractive summary for the
reference that keeps the lede (the greedy ROUGE-1 + ROUGE-2 oracle; for BBC, the gold
sentences). The scorer is trained to rank the labelled sentences first within their
article (a softmax over the article's sentences, L2-regularised, Adam).

It is trained on the CNN highlights only: they are what a reader's summary should be (a
few short points), while the BBC gold (half of the article) and the Wikinews sentence are
other kinds of summary; training on them too (`--train-sources ''`, `--shares`) lowered
CNN below lead-3. BBC and Wikinews are still scored, to check the scorer stays ahead of
lead there. Cross-validation over articles (every source in every fold) reports what the
scorer scores on articles it never saw, next to lead-N. `--write` trains on all the
training sources and writes the coefficients to reader/analysis/summary/weights.json.

Licences: CNN/DailyMail (research use; dataset card apache-2.0), BBC News Summary (CC0),
Wikinews (CC BY 2.5). Only the coefficients are shipped: a few numbers, no text.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np

from benchmarks.realdata import summary_cache
from benchmarks.realdata.score_summary import _norm, _oracle, paired_bootstrap, rouge

GROUP_SHARE: dict[str, float] = {}
"""Share of the loss for each kind of reference; empty: equal shares."""
LEDE = True
"""The first usable sentence always opens the summary; the scorer picks the others."""
SOFT = 0.0
"""Temperature of soft labels from each sentence's own ROUGE (0: oracle membership)."""
WEIGHTS = Path(__file__).resolve().parents[2] / "reader" / "analysis" / "summary" / "weights.json"


def length_for(item) -> int:
    if item.source == "bbc":
        return len(item.gold_sentences)
    return 2 if item.source == "gum_wikinews" else 3


def prepare(data):
    """Per article: usable candidates, their features and labels, and the lead baseline."""
    from reader.analysis.summary import lead_sentences
    from reader.analysis.summary.candidates import build_candidates
    from reader.analysis.summary.features import features

    out = []
    for item, doc in data:
        cands = [c for c in build_candidates(doc, item.text) if c.eligible]
        if not cands:
            continue
        x = np.array(features(doc, cands), dtype=float)
        texts = [item.text[c.start : c.end] for c in cands]
        n = length_for(item)
        if item.source == "bbc":
            gold = {_norm(s) for s in item.gold_sentences}
            y = np.array([_norm(t) in gold for t in texts], dtype=float)
        else:
            recall = item.source == "gum_wikinews"
            start = (0,) if LEDE else ()
            picked = set(_oracle(texts, item.reference, n, recall, start))
            y = np.array([t in picked for t in texts], dtype=float)
        lead = [s.text for s in lead_sentences(doc, item.text, n)]
        recall = item.source == "gum_wikinews"
        soft = np.array([sum(rouge([t], item.reference, recall)[:2]) for t in texts])
        out.append(
            {"item": item, "x": x, "y": y, "soft": soft, "texts": texts, "n": n, "lead": lead}
        )
    return out


def group(source: str) -> str:
    return "cnn" if source.startswith("cnndm") else source


def train(rows, l2: float = 1.0, steps: int = 400, lr: float = 0.5, balance: bool = True):
    """Weights of a linear scorer: softmax over each article's sentences, labelled ones up.

    With `balance`, each kind of reference (CNN highlights, BBC extracts, Wikinews) weighs
    the same in the loss, however many articles it has."""
    target = "soft" if SOFT else "y"
    if LEDE:  # the lede is always kept: learn to choose among the rest
        rows = [{**r, "x": r["x"][1:], "y": r["y"][1:], "soft": r["soft"][1:]} for r in rows]
    rows = [r for r in rows if r[target].sum() > 0]
    xs = [r["x"] for r in rows]
    if SOFT:
        ys = []
        for r in rows:
            e = np.exp((r["soft"] - r["soft"].max()) / SOFT)
            ys.append(e / e.sum())
    else:
        ys = [r["y"] / r["y"].sum() for r in rows]
    sizes = defaultdict(int)
    for r in rows:
        sizes[group(r["item"].source)] += 1
    if balance:
        share = GROUP_SHARE or {g: 1 / len(sizes) for g in sizes}
        weights = [
            len(rows) * share.get(group(r["item"].source), 0.0) / sizes[group(r["item"].source)]
            for r in rows
        ]
    else:
        weights = [1.0] * len(rows)
    allx = np.vstack(xs)
    mean, std = allx.mean(axis=0), allx.std(axis=0) + 1e-6
    xs = [(x - mean) / std for x in xs]
    w = np.zeros(allx.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):  # Adam on the mean listwise loss
        grad = l2 * w / len(xs)
        for x, y, weight in zip(xs, ys, weights, strict=True):
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            grad += weight * (x.T @ (p - y)) / len(xs)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        lr_decay = 0.995
        lr *= lr_decay
    return w / std, -(mean / std) @ w


def select(scores, n, texts, redundancy: float | None = 0.6):
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    if LEDE:
        order.remove(0)
        chosen.append(0)
    for i in order:
        if redundancy is not None:
            mine = set(texts[i].lower().split())
            if any(
                len(mine & set(texts[j].lower().split())) > redundancy * len(mine) for j in chosen
            ):
                continue
        chosen.append(i)
        if len(chosen) == n:
            break
    return sorted(chosen)


def evaluate(rows, predict):
    by_source = defaultdict(lambda: {"model": [], "lead": []})
    for r in rows:
        scores = predict(r)
        picked = [r["texts"][i] for i in select(scores, r["n"], r["texts"])]
        recall = r["item"].source == "gum_wikinews"
        by_source[r["item"].source]["model"].append(rouge(picked, r["item"].reference, recall))
        by_source[r["item"].source]["lead"].append(rouge(r["lead"], r["item"].reference, recall))
    return by_source


def report(by_source, label):
    print(f"\n{label}")
    for source, d in by_source.items():
        m = [sum(v[i] for v in d["model"]) / len(d["model"]) for i in range(3)]
        lead = [sum(v[i] for v in d["lead"]) / len(d["lead"]) for i in range(3)]
        d1 = paired_bootstrap([v[0] for v in d["model"]], [v[0] for v in d["lead"]])
        d2 = paired_bootstrap([v[1] for v in d["model"]], [v[1] for v in d["lead"]])
        print(
            f"  {source:15s} model {m[0]:5.1f}/{m[1]:5.1f}/{m[2]:5.1f}  lead {lead[0]:5.1f}/"
            f"{lead[1]:5.1f}/{lead[2]:5.1f}  R1 {d1[0]:+.2f} [{d1[1]:+.2f},{d1[2]:+.2f}]  "
            f"R2 {d2[0]:+.2f} [{d2[1]:+.2f},{d2[2]:+.2f}]"
        )


def folds(rows, k: int, seed: int = 3):
    by_source = defaultdict(list)
    for i, r in enumerate(rows):
        by_source[r["item"].source].append(i)
    assignment = {}
    rng = random.Random(seed)
    for idx in by_source.values():
        rng.shuffle(idx)
        for n, i in enumerate(idx):
            assignment[i] = n % k
    return [[i for i in range(len(rows)) if assignment[i] == f] for f in range(k)]


def cross_validate(rows, k: int = 5, sources=None, **kw):
    predictions = {}
    for test in folds(rows, k):
        test_set = set(test)
        pool = [r for i, r in enumerate(rows) if i not in test_set]
        if sources:
            pool = [r for r in pool if r["item"].source in sources]
        w, b = train(pool, **kw)
        for i in test:
            predictions[i] = rows[i]["x"] @ w + b
    index = {id(r): i for i, r in enumerate(rows)}
    return evaluate(rows, lambda r: predictions[index[id(r)]])


def main(argv: list[str] | None = None) -> int:
    from reader.analysis.summary.features import FEATURES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help="train on all and write weights")
    parser.add_argument(
        "--train-sources",
        default="cnndm_val,cnndm_allennlp",
        help="train on these sources only ('' for all); the others are only evaluated",
    )
    parser.add_argument("--soft", type=float, default=0.0, help="soft-label temperature")
    parser.add_argument("--no-lede", action="store_true", help="let the scorer choose the lede")
    parser.add_argument(
        "--shares", default="", help="loss shares, e.g. cnn=0.8,bbc=0.1,gum_wikinews=0.1"
    )
    args = parser.parse_args(argv)
    global SOFT, LEDE
    SOFT = args.soft
    LEDE = not args.no_lede
    GROUP_SHARE.update(
        {k: float(v) for k, v in (p.split("=") for p in args.shares.split(",") if p)}
    )
    rows = prepare(summary_cache.load())
    sources = set(args.train_sources.split(",")) if args.train_sources else None
    report(
        cross_validate(rows, args.folds, sources, l2=args.l2), f"{args.folds}-fold cross-validation"
    )
    w, b = train([r for r in rows if not sources or r["item"].source in sources], l2=args.l2)
    for name, value in sorted(zip(FEATURES, w, strict=True), key=lambda p: -abs(p[1])):
        print(f"  {name:22s} {value:+.3f}")
    if args.write:
        data = {
            "features": list(FEATURES),
            "weights": [round(float(v), 5) for v in w],
            "bias": round(float(b), 5),
        }
        WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
