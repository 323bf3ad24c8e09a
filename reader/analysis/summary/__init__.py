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

ALGORITHMS = (
    "news", "hybrid", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "lead",
)  # fmt: skip
"""Names accepted by `summarize`. "news" (the default): the lede, then the sentences a scorer
trained on real news summaries ranks highest; "hybrid": LexRank leaning toward the top of
the article; "lead": the first usable sentences; the others are sumy's."""
DEFAULT_ALGORITHM = "news"
ALGORITHM_HELP = {
    "news": "The lead sentence, then the sentences a scorer trained on real news ranks highest",
    "hybrid": "Sentences central to the article, leaning toward its top",
    "lead": "The first sentences of the article",
    "lexrank": "sumy LexRank: sentences most similar to the rest",
    "textrank": "sumy TextRank: a PageRank over shared words",
    "lsa": "sumy LSA: the article's main topics by latent semantic analysis",
    "luhn": "sumy Luhn: sentences dense in the article's frequent words",
    "kl": "sumy KL-Sum: the sentences whose words best match the article's",
    "sumbasic": "sumy SumBasic: frequent words, each counted once",
    "edmundson": "sumy Edmundson: cue words, title words and position",
}
"""What each algorithm picks, in a line (the command palette shows it)."""


def summarize(
    doc_or_sentences: Doc | Iterable[Span],
    text: str,
    n: int = 3,
    algorithm: str = DEFAULT_ALGORITHM,
    *,
    title: str | None = None,
    ratio: float | None = None,
    words: int | None = None,
) -> tuple[SummarySentence, ...]:
    """The summary of `text` as sentences in article order, with offsets into `text`.

    `doc_or_sentences` is the spaCy parse of `text` (or its sentence spans). Bylines,
    captions, page debris, quote-only and very short sentences are never chosen.
    `n` sentences, or with `words`, the best sentences that fit in that many words.
    `ratio` (0-1) asks for that share of the article's sentences when it exceeds `n`.
    """
    from reader.analysis.summary.select import summarize as run

    return run(doc_or_sentences, text, n, algorithm, title=title, ratio=ratio, words=words)


def lead_sentences(
    doc_or_sentences: Doc | Iterable[Span], text: str, n: int = 3
) -> tuple[SummarySentence, ...]:
    """The first n sentences exactly as parsed, unfiltered: the lead-n baseline."""
    from reader.analysis.summary.select import lead_sentences as run

    return run(doc_or_sentences, text, n)
