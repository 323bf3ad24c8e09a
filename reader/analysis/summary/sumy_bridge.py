"""sumy's summarizers fed from our parsed sentences instead of its NLTK tokenizer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any

from reader.analysis.summary.candidates import Candidate, words_of

# fmt: off
BONUS_WORDS = (
    "announce", "approve", "agree", "decide", "vote", "find", "found", "result", "plan",
    "first", "new", "major", "key", "main", "significant", "expect", "will", "percent",
    "million", "billion", "official", "report", "show", "launch", "sign", "pass",
)
"""Edmundson cue words that mark the news of a story."""
STIGMA_WORDS = (
    "photo", "caption", "subscribe", "newsletter", "click", "advertisement", "copyright",
    "perhaps", "smile", "laugh", "pause", "recall", "remember", "anecdote", "meanwhile",
)
"""Edmundson cue words of colour, asides and page furniture."""
# fmt: on


@cache
def language() -> tuple[Callable[[str], str], frozenset[str]]:
    """sumy's English stemmer (memoised: news repeats its words) and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    return lru_cache(maxsize=100_000)(Stemmer("english")), frozenset(get_stop_words("english"))


def _dom(cands: Sequence[Candidate], title: str | None):
    """Build sumy's document model from our sentences, without sumy's NLTK tokenizer."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    class Words:
        """Hands sumy the words spaCy already found; sumy calls `to_words` once per sentence."""

        def __init__(self, words: Sequence[str]) -> None:
            self.words = tuple(words)

        def to_words(self, _text: str) -> tuple[str, ...]:
            return self.words

    class Indexed(Sentence):
        """A sumy sentence that stays distinct from another one with the same text."""

        __slots__ = ("index",)

        def __init__(self, index: int, words: Sequence[str], heading: bool = False) -> None:
            super().__init__(" ".join(words), Words(words), heading)
            self.index = index

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Indexed) and other.index == self.index

        def __hash__(self) -> int:
            return hash(self.index)

    paragraphs: list[list[Any]] = []
    last = None
    for cand in cands:
        if cand.paragraph != last:
            paragraphs.append([])
            last = cand.paragraph
        paragraphs[-1].append(Indexed(cand.index, cand.words))
    if title and paragraphs:
        paragraphs[0].insert(0, Indexed(-1, words_of(title), heading=True))
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def _summarizer(algorithm: str):
    stemmer, stop_words = language()
    if algorithm == "lexrank":
        from sumy.summarizers.lex_rank import LexRankSummarizer as cls
    elif algorithm == "textrank":
        from sumy.summarizers.text_rank import TextRankSummarizer as cls
    elif algorithm == "lsa":
        from sumy.summarizers.lsa import LsaSummarizer as cls
    elif algorithm == "luhn":
        from sumy.summarizers.luhn import LuhnSummarizer as cls
    elif algorithm == "kl":
        from sumy.summarizers.kl import KLSummarizer as cls
    elif algorithm == "sumbasic":
        from sumy.summarizers.sum_basic import SumBasicSummarizer as cls
    elif algorithm == "edmundson":
        from sumy.summarizers.edmundson import EdmundsonSummarizer as cls
    else:
        raise ValueError(f"unknown summary algorithm {algorithm!r}")
    summarizer = cls(stemmer)
    if algorithm == "edmundson":
        summarizer.bonus_words = BONUS_WORDS
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = stop_words
    else:
        summarizer.stop_words = stop_words
    return summarizer


def sumy_scores(cands: list[Candidate], algorithm: str, title: str | None) -> dict[int, float]:
    """Every candidate's score from a sumy algorithm (higher is better)."""
    ranked: list[Any] = []

    def keep_all(infos):
        ranked.extend(infos)
        return infos

    _summarizer(algorithm)(_dom(cands, title), keep_all)
    count = len(ranked)
    # sumy hands the infos over sorted best first; turn the order into a score in (0, 1].
    return {info.sentence.index: (count - rank) / count for rank, info in enumerate(ranked)}
