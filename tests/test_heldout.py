"""Floors on the held-out articles (tests/fixtures/heldout): styles the samples lack.

Wire copy (Reuters and AFP), a British paper with single quote marks, US politics, a court
story, an earnings story, a Q&A interview, a live blog, a science feature, a match report,
a product recall, an obituary, a police report and an arts feature, each with hand-made
gold. The floors sit a little under the figures reached, so that a regression in any rule
fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmodules import load_benchmark

from reader.analysis.nlp import get_nlp, parse

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"

FLOORS = {
    "quote_recall": 0.98,
    "required_quote_recall": 0.98,
    "quote_precision": 0.98,
    "speaker_accuracy": 0.97,
    "fragment_accuracy": 0.97,
    "people_recall": 0.97,
    "people_precision": 0.97,
    "role_recall": 0.85,
}


@pytest.fixture(scope="module", autouse=True)
def model() -> None:
    _, label, _ = get_nlp()
    if label == "blank":
        pytest.skip("no spaCy model installed")


def test_every_heldout_article_has_gold() -> None:
    articles = [p for p in HELDOUT.iterdir() if p.suffix in {".txt", ".md", ".html"}]
    golds = {p.stem for p in HELDOUT.glob("*.json")}
    assert len(articles) >= 8
    assert {p.stem for p in articles} == golds


@pytest.mark.parametrize("metric", list(FLOORS))
def test_heldout_floor(metric: str) -> None:
    quality = load_benchmark("quality")
    total, _ = quality.evaluate(HELDOUT, HELDOUT)
    assert total.gold_quotes > 100 and total.gold_people > 50
    assert total.ratios()[metric] >= FLOORS[metric], total.errors


def test_heldout_summaries_beat_the_lead_baseline() -> None:
    """The default (hybrid) summary against the first three sentences, by ROUGE F1."""
    from reader.analysis.summary import lead_sentences, summarize

    rouge = load_benchmark("rouge")
    articles, gold = rouge._heldout()
    totals = {"hybrid": [0.0, 0.0, 0.0], "lead-3": [0.0, 0.0, 0.0]}
    for article in articles:
        reference = " ".join(gold[article.path.name]["summary"])
        doc = parse(article.text)
        systems = {
            "hybrid": summarize(doc, article.text, 3, "hybrid", title=article.title),
            "lead-3": lead_sentences(doc, article.text, 3),
        }
        for system, summary in systems.items():
            scores = rouge.scores(" ".join(s.text for s in summary), reference)
            pairs = zip(totals[system], scores, strict=True)
            totals[system] = [t + v / len(articles) for t, v in pairs]
    for k in range(3):  # ROUGE-1, ROUGE-2, ROUGE-L
        assert totals["hybrid"][k] > totals["lead-3"][k], totals
    assert totals["hybrid"][0] >= 0.43, totals
