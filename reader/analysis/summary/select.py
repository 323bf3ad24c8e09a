"""Choosing summary sentences: candidates scored by an algorithm, near-duplicates skipped."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.analysis.models import SummarySentence
from reader.analysis.summary import ALGORITHMS
from reader.analysis.summary.candidates import Candidate, build_candidates, preselect
from reader.analysis.summary.sumy_bridge import language, sumy_scores

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MAX_GRAPH = {"lexrank": 150, "textrank": 200, "kl": 60, "lsa": 250, "hybrid": 400, "news": 400}
"""Slow (quadratic or worse in pure Python) algorithms see at most this many candidates,
cheaply preselected; the caps keep each under about a second on a long article."""
MAX_OTHER = 600
HYBRID_PRIOR = 1.0
"""Exponent of the position prior 1 / (rank + 1) ** k over the candidate sentences."""
HYBRID_DAMPING = 0.7
"""Share of the score that flows along sentence similarity (the rest follows the prior)."""
HYBRID_LENGTH = 0.5
HYBRID_FULL_LENGTH = 20
"""Sentences shorter than this many words are scaled down by (words / this) ** HYBRID_LENGTH."""
HYBRID_QUOTE = 0.5
"""Penalty for words inside quotation marks: summaries report, quotes colour."""
REDUNDANT = 0.6
"""A sentence sharing more than this share of its content stems with a chosen one is skipped."""


def _stems(cands: Sequence[Candidate]) -> dict[int, frozenset[str]]:
    """Content stems of each candidate, by candidate index."""
    stemmer, stop_words = language()
    out = {}
    for c in cands:
        lowered = (w.lower() for w in c.words)
        out[c.index] = frozenset(stemmer(w) for w in lowered if w not in stop_words)
    return out


def _hybrid_scores(cands: list[Candidate], stem_map: dict[int, frozenset[str]]) -> dict[int, float]:
    """LexRank centrality with its random jump biased toward the start of the article.

    News puts the point first; a plain centrality ranking prefers long background
    sentences. The prior favours early sentences, centrality picks among them.
    """
    import numpy as np

    stems = [stem_map[c.index] for c in cands]
    n = len(cands)
    df = Counter(w for s in stems for w in s)
    idf = {w: math.log1p(n / f) for w, f in df.items()}
    # Only stems shared by two sentences add to a similarity; the rest only to the norm.
    shared = {w: k for k, w in enumerate(w for w, f in df.items() if f > 1)}
    if not shared or n < 2:
        return {c.index: 1.0 / (1 + i) for i, c in enumerate(cands)}
    x = np.zeros((n, len(shared)))
    norms = np.ones(n)
    for i, s in enumerate(stems):
        for w in s:
            if w in shared:
                x[i, shared[w]] = idf[w]
        norms[i] = math.sqrt(sum(idf[w] ** 2 for w in s)) or 1.0
    x /= norms[:, None]
    sim = x @ x.T
    np.fill_diagonal(sim, 0.0)
    rows = sim.sum(axis=1)
    rows[rows == 0] = 1.0
    transition = sim / rows[:, None]
    order = np.arange(n)
    prior = 1.0 / (order + 1.0) ** HYBRID_PRIOR
    prior /= prior.sum()
    damping = HYBRID_DAMPING
    p = prior.copy()
    for _ in range(100):
        nxt = (1 - damping) * prior + damping * transition.T @ p
        if np.abs(nxt - p).sum() < 1e-9:
            p = nxt
            break
        p = nxt
    length = np.array([min(1.0, len(c.words) / HYBRID_FULL_LENGTH) for c in cands])
    quoted = np.array([c.quoted for c in cands])
    score = p * length**HYBRID_LENGTH * (1.0 - HYBRID_QUOTE * quoted)
    return {c.index: float(score[i]) for i, c in enumerate(cands)}


def summary_length(sentences: int, total: int, ratio: float | None = None) -> int:
    """How many sentences to return: `ratio` of `total` when given, never fewer than 1."""
    if ratio is not None and 0 < ratio < 1:
        sentences = max(sentences, round(total * ratio))
    return max(1, min(sentences, total))


def _select(
    cands: list[Candidate],
    scores: dict[int, float],
    n: int,
    stems: dict[int, frozenset[str]],
    words: int | None = None,
) -> list[Candidate]:
    """The n best-scored candidates, skipping near-duplicates of those already chosen; with
    `words`, the best-scored ones that fit in that many words (the first one always)."""
    ranked = sorted(cands, key=lambda c: (-scores.get(c.index, 0.0), c.index))
    chosen: list[Candidate] = []
    used = 0
    for cand in ranked:
        mine = stems[cand.index]
        if any(len(mine & stems[c.index]) > REDUNDANT * max(1, len(mine)) for c in chosen):
            continue
        if words is not None and chosen and used + len(cand.words) > words:
            continue
        chosen.append(cand)
        used += len(cand.words)
        if len(chosen) == n:
            break
    if words is None and len(chosen) < n:  # near-duplicates still beat a short summary
        extra = [c for c in ranked if c not in chosen]
        chosen.extend(extra[: n - len(chosen)])
    return sorted(chosen, key=lambda c: c.index)


def _within(cands: list[Candidate], words: int) -> list[Candidate]:
    """The first candidates that fit in `words` words (the first one always)."""
    chosen: list[Candidate] = []
    used = 0
    for cand in cands:
        if chosen and used + len(cand.words) > words:
            break
        chosen.append(cand)
        used += len(cand.words)
    return chosen


def _doc_of(doc_or_sentences: Doc | Iterable[Span]) -> Doc:
    if hasattr(doc_or_sentences, "sents"):
        return doc_or_sentences  # type: ignore[return-value]
    return next(iter(doc_or_sentences)).doc  # type: ignore[union-attr]


def summarize(
    doc_or_sentences: Doc | Iterable[Span],
    text: str,
    n: int = 3,
    algorithm: str = "hybrid",
    *,
    title: str | None = None,
    ratio: float | None = None,
    words: int | None = None,
) -> tuple[SummarySentence, ...]:
    """See `reader.analysis.summary.summarize`."""
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {algorithm!r}")
    cands = [c for c in build_candidates(doc_or_sentences, text) if c.eligible]
    if not cands:
        return ()
    n = len(cands) if words else summary_length(n, len(cands), ratio)
    if algorithm == "lead":
        chosen = _within(cands, words) if words else cands[:n]
        scores = {c.index: 1.0 / (1 + i) for i, c in enumerate(chosen)}
    else:
        limit = MAX_GRAPH.get(algorithm, MAX_OTHER)
        stems = _stems(cands)
        pool = (
            preselect(cands, limit, [stems[c.index] for c in cands])
            if len(cands) > limit
            else cands
        )
        if pool[0] is not cands[0]:
            pool = [cands[0], *pool[: limit - 1]]  # the lede always stays in reach
        if len(pool) <= n and not words:
            chosen, scores = pool, {c.index: 1.0 for c in pool}
        else:
            if algorithm == "news":
                from reader.analysis.summary import learned

                scores = learned.scores(_doc_of(doc_or_sentences), pool)
                scores[pool[0].index] = math.inf  # the lede opens the summary
            elif algorithm == "hybrid":
                scores = _hybrid_scores(pool, stems)
            else:
                scores = sumy_scores(pool, algorithm, title)
            chosen = _select(pool, scores, n, stems, words)
    return tuple(
        SummarySentence(
            text=text[c.start : c.end],
            start=c.start,
            end=c.end,
            score=_rounded(scores.get(c.index, 0.0)),
        )
        for c in chosen
    )


def _rounded(score: float) -> float:
    return round(score, 6) if math.isfinite(score) else 1e9


def lead_sentences(
    doc_or_sentences: Doc | Iterable[Span], text: str, n: int = 3
) -> tuple[SummarySentence, ...]:
    """The first n sentences exactly as parsed, unfiltered: the lead-n baseline."""
    out = [c for c in build_candidates(doc_or_sentences, text) if c.start < c.end][:n]
    return tuple(SummarySentence(text[c.start : c.end], c.start, c.end) for c in out)
