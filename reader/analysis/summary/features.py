"""What the learned summary scorer knows of a sentence: position, length, centrality (and
whether it points forward or back), overlap with the lead, names and numbers, quotation,
and opening words that need context."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.analysis.summary.candidates import Candidate
from reader.analysis.summary.sumy_bridge import language
from reader.text.speech import SPEECH_FORMS

if TYPE_CHECKING:
    from spacy.tokens import Doc

FEATURES = (
    "second",
    "third",
    "inverse_rank",
    "relative_position",
    "paragraph_start",
    "inverse_paragraph",
    "length",
    "short",
    "long",
    "quoted",
    "centrality",
    "forward_centrality",
    "backward_centrality",
    "lead_similarity",
    "names",
    "numbers",
    "needs_context",
    "attribution",
)
"""Names of the features, in the order `features` returns them."""

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
CONTEXT_OPENERS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "also",
        "however",
        "yet",
        "so",
        "then",
        "there",
        "such",
        "both",
        "which",
    ]
)
"""First words that lean on an earlier sentence: a sentence that opens with one reads badly
on its own in a summary."""
LONG_WORDS = 35
SHORT_WORDS = 12


def stems_of(cands: Sequence[Candidate]) -> list[frozenset[str]]:
    """Content stems of each candidate (stop words left out)."""
    stemmer, stop_words = language()
    return [
        frozenset(stemmer(w) for w in (x.lower() for x in c.words) if w not in stop_words)
        for c in cands
    ]


def similarity_matrix(stems: list[frozenset[str]]):
    """TF-IDF cosine similarity of every pair of sentences (idf over the article's sentences),
    as a numpy array with a zero diagonal."""
    import numpy as np

    n = len(stems)
    df = Counter(w for s in stems for w in s)
    vocab = {w: k for k, w in enumerate(df)}
    x = np.zeros((n, len(vocab)))
    for i, s in enumerate(stems):
        for w in s:
            x[i, vocab[w]] = math.log1p(n / df[w])
    norms = np.linalg.norm(x, axis=1)
    norms[norms == 0] = 1.0
    x /= norms[:, None]
    sim = x @ x.T
    np.fill_diagonal(sim, 0.0)
    return sim


def features(doc: Doc, cands: Sequence[Candidate]) -> list[list[float]]:
    """One row of FEATURES per candidate (the candidates a summary may choose from)."""
    n = len(cands)
    if n == 0:
        return []
    stems = stems_of(cands)
    sim = similarity_matrix(stems)
    paragraphs = sorted({c.paragraph for c in cands})
    paragraph_rank = {p: k for k, p in enumerate(paragraphs)}
    seen_paragraphs: set[int] = set()
    char_to_token = {t.idx: t.i for t in doc}
    rows = []
    for i, cand in enumerate(cands):
        words = len(cand.words)
        later = sim[i, i + 1 :]
        earlier = sim[i, :i]
        others = n - 1
        tokens = _tokens(doc, cand, char_to_token)
        names = sum(1 for t in tokens if t.ent_iob_ == "B" and t.ent_type_ in NAME_LABELS)
        first_word = cand.words[0].lower() if cand.words else ""
        rows.append(
            [
                float(i == 1),
                float(i == 2),
                1.0 / (i + 1),
                i / max(n - 1, 1),
                float(cand.paragraph not in seen_paragraphs),
                1.0 / (paragraph_rank[cand.paragraph] + 1),
                min(words, 50) / 50,
                float(words < SHORT_WORDS),
                float(words > LONG_WORDS),
                cand.quoted,
                float(sim[i].sum()) / others if others else 0.0,
                float(later.mean()) if len(later) else 0.0,
                float(earlier.mean()) if len(earlier) else 0.0,
                float(sim[i, 0]) if i else 1.0,
                min(names / max(words, 1) * 5, 1.0),
                float(any(t.like_num for t in tokens)),
                float(first_word in CONTEXT_OPENERS),
                float(any(t.lower_ in SPEECH_FORMS for t in tokens)),
            ]
        )
        seen_paragraphs.add(cand.paragraph)
    return rows


def _tokens(doc: Doc, cand: Candidate, char_to_token: dict[int, int]):
    first = char_to_token.get(cand.start)
    if first is None:
        first = next((t.i for t in doc if t.idx >= cand.start), len(doc))
    out = []
    for t in doc[first:]:
        if t.idx >= cand.end:
            break
        out.append(t)
    return out
