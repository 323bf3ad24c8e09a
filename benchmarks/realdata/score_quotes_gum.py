"""Quote spans on real news: GUM news (Wikinews) `<quote>` and `<q>` spans.

Run: python -m benchmarks.realdata.score_quotes_gum [--verbose]

Rules (../shared/data/entities/SOURCE.md, "How to score", 2):
- Gold quotes: `<quote>` spans, quotation marks stripped, adjacent spans of one quotation
  (only marks, spaces and a paragraph break between them) merged. Gold mentions: `<q>` spans.
- The reader's quotes (non-fragments) are scored against the quotes, its fragments against
  the mentions. GUM leaves the quotations of some documents unmarked (one has forty
  quotation marks and no span), so only documents with at least one span are scored. A reader span and a gold span match when their overlap covers at least half
  of the longer of the two (spans compared on letters and digits only); each span matches once.
- Speakers are not annotated in GUM: speaker accuracy is scored on PolNeAR (score_quotes).
With 24 documents and 68 quotes, one quote is 1.5 points.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.realdata.align import Alignment
from benchmarks.realdata.common import (
    parallel_map,
    reader_json,
    require_data,
    stamp,
    subset,
    table,
)

_MARKS = "\"'“”‘’«»„‚`"
_JOIN = set(_MARKS) | set(" \t\n,")


def _strip(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (raw[start] in _MARKS or raw[start].isspace()):
        start += 1
    while end > start and (raw[end - 1] in _MARKS or raw[end - 1].isspace()):
        end -= 1
    return start, end


def gold_spans(gold: dict, raw: str, tag: str) -> list[tuple[int, int]]:
    spans = sorted(_strip(raw, q["start"], q["end"]) for q in gold["quotes"] if q["tag"] == tag)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if tag == "quote" and merged and all(c in _JOIN for c in raw[merged[-1][1] : s]):
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        elif e > s:
            merged.append((s, e))
    return merged


def _overlap(a: tuple[int, int], b: tuple[int, int], raw: str) -> float:
    def chars(s: int, e: int) -> int:
        return sum(c.isalnum() for c in raw[s:e])

    inner = chars(max(a[0], b[0]), min(a[1], b[1])) if min(a[1], b[1]) > max(a[0], b[0]) else 0
    longer = max(chars(*a), chars(*b)) or 1
    return inner / longer


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], raw: str) -> int:
    used: set[int] = set()
    hits = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and _overlap(p, g, raw) >= 0.5:
                used.add(i)
                hits += 1
                break
    return hits


def _one(path: Path) -> dict:
    gold = json.loads(path.read_text(encoding="utf-8"))
    raw = (path.parent.parent / "txt" / (gold["doc"] + ".txt")).read_text(encoding="utf-8")
    out = reader_json(path.parent.parent / "txt" / (gold["doc"] + ".txt"))
    result = {"doc": gold["doc"], "error": out.get("error")}
    if "error" in out:
        return result
    align = Alignment(out["text"], raw)
    for tag, fragment in (("quote", False), ("q", True)):
        g = gold_spans(gold, raw, tag)
        p = [
            _strip(raw, *align.span(q["start"], q["end"]))
            for q in out["quotes"]
            if bool(q["fragment"]) == fragment
        ]
        result[tag] = {"gold": len(g), "pred": len(p), "hit": match(p, g, raw)}
        result[tag + "_missed"] = [raw[s:e][:70] for s, e in g if match([(s, e)], p, raw) == 0]
        result[tag + "_extra"] = [raw[s:e][:70] for s, e in p if match([(s, e)], g, raw) == 0]
    return result


def figures(results: list[dict]) -> dict[str, float]:
    fig: dict[str, float] = {}
    results = [r for r in results if r["error"] or r["quote"]["gold"] + r["q"]["gold"]]
    fig["documents with marked quotations"] = len(results)
    for tag, label in (("quote", "quotes"), ("q", "fragments vs <q>")):
        gold = sum(r[tag]["gold"] for r in results if not r["error"])
        pred = sum(r[tag]["pred"] for r in results if not r["error"])
        hit_p = sum(r[tag]["hit"] for r in results if not r["error"])
        p = hit_p / pred if pred else float("nan")
        rc = hit_p / gold if gold else float("nan")
        fig[f"{label} precision"] = p
        fig[f"{label} recall"] = rc
        fig[f"{label} F1"] = 2 * p * rc / (p + rc) if p + rc else 0.0
        fig[f"{label} gold"] = gold
    fig["failures"] = sum(bool(r["error"]) for r in results)
    return fig


def run(limit: int | None = None) -> list[dict]:
    root = require_data()
    return parallel_map(_one, subset(sorted((root / "entities" / "gold").glob("*.json")), limit))


def render(fig: dict) -> str:
    rows = [(k, f"{v:.3f}" if isinstance(v, float) else v) for k, v in fig.items()]
    return "### Quote spans (GUM news, 24 Wikinews articles)\n\n" + table(
        ("measure", "value"), rows
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list missed and extra spans")
    args = parser.parse_args(argv)
    print(stamp())
    results = run()
    if args.verbose:
        for r in results:
            for key in ("quote_missed", "quote_extra", "q_missed", "q_extra"):
                for text in r.get(key, []):
                    print(f"{r['doc']}\t{key}\t{text!r}")
    print(render(figures(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
