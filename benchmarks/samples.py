"""Load the bundled sample articles and their gold files for the benchmark scripts."""

from __future__ import annotations

import json
from pathlib import Path

from reader.library.models import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
GOLD = ROOT / "tests" / "gold"


def load_samples() -> list[Article]:
    """Every sample article, loaded the way the reader loads it."""
    from reader.library.loaders import load_article

    return [load_article(p) for p in sorted(SAMPLES.iterdir()) if p.is_file()]


def load_gold() -> dict[str, dict]:
    """Gold annotations keyed by the sample's file name."""
    gold = {}
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data["file"]] = data
    return gold
