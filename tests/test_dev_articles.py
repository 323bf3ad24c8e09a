"""Loose floors on the project's own articles: the samples, the extra articles and the
development articles in tests/fixtures/dev_articles (wire copy, British single quotes, US
politics, court, earnings, Q&A, live blog, science feature, match report, recall, obituary,
police report, arts feature), each with hand-made gold.

These articles were written here and the rules were developed on them, so they are a
development set, not a measure of quality: quality is measured on real news by
benchmarks/realdata. The floors sit below what the reader reaches on real news (see the
README), so they catch a broken rule, not a figure fitted to these texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmodules import load_benchmark

from reader.analysis.nlp import get_nlp

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "dev_articles"

FLOORS = {
    "required_quote_recall": 0.85,
    "quote_precision": 0.85,
    "speaker_accuracy": 0.75,
    "fragment_accuracy": 0.8,
    "people_recall": 0.8,
    "people_precision": 0.8,
    "role_recall": 0.6,
}


@pytest.fixture(scope="module", autouse=True)
def model() -> None:
    _, label, _ = get_nlp()
    if label == "blank":
        pytest.skip("no spaCy model installed")


def test_every_dev_article_has_gold() -> None:
    articles = [p for p in DEV.iterdir() if p.suffix in {".txt", ".md", ".html"}]
    golds = {p.stem for p in DEV.glob("*.json")}
    assert len(articles) >= 8
    assert {p.stem for p in articles} == golds


@pytest.fixture(scope="module")
def totals():
    quality = load_benchmark("own_articles")
    return {
        "samples": quality.evaluate()[0],
        "extra": quality.evaluate(quality.EXTRA, quality.EXTRA / "gold")[0],
        "dev": quality.evaluate(DEV, DEV)[0],
    }


@pytest.mark.parametrize("which", ["samples", "extra", "dev"])
@pytest.mark.parametrize("metric", list(FLOORS))
def test_own_articles_floor(totals, which: str, metric: str) -> None:
    total = totals[which]
    assert total.gold_quotes > 10 and total.gold_people > 5
    assert total.ratios()[metric] >= FLOORS[metric], total.errors
