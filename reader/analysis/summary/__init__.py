"""Extractive summaries: sumy's algorithms fed from the spaCy parse, plus lead and hybrid.

The one entry point is `summarize`; this module stays light to import (settings and the
command line read the algorithm names without loading the summarizers).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from reader.analysis.models import SummarySentence

ALGORITHMS = ("hybrid", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "lead")
"""Names accepted by `summarize`; "hybrid" is LexRank biased toward the top of the article."""
DEFAULT_ALGORITHM = "hybrid"


def summarize(
    doc_or_sentences: Doc | Iterable[Span],
    text: str,
    n: int = 3,
    algorithm: str = DEFAULT_ALGORITHM,
    *,
    title: str | None = None,
    ratio: float | None = None,
) -> tuple[SummarySentence, ...]:
    """The summary of `text` as sentences in article order, with offsets into `text`.

    `doc_or_sentences` is the spaCy parse of `text` (or its sentence spans). Bylines,
    captions, page debris, quote-only and very short sentences are never chosen.
    `ratio` (0-1) asks for that share of the article's sentences when it exceeds `n`.
    """
    from reader.analysis.summary.select import summarize as run

    return run(doc_or_sentences, text, n, algorithm, title=title, ratio=ratio)


def lead_sentences(
    doc_or_sentences: Doc | Iterable[Span], text: str, n: int = 3
) -> tuple[SummarySentence, ...]:
    """The first n sentences exactly as parsed, unfiltered: the lead-n baseline."""
    from reader.analysis.summary.select import lead_sentences as run

    return run(doc_or_sentences, text, n)
