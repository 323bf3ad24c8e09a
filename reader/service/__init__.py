"""Analyse an article through the on-disk cache; spaCy is imported only on a cache miss."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from reader.analysis.models import Analysis
from reader.analysis.summary import DEFAULT_ALGORITHM

if TYPE_CHECKING:
    from reader.library.models import Article


def analyze_article(
    article: Article,
    *,
    sentences: int = 3,
    algorithm: str = DEFAULT_ALGORITHM,
    model_name: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    words: int | None = None,
) -> tuple[Analysis, list[str]]:
    """The analysis of `article` and notices to show; `cache_dir=None` bypasses the cache."""
    cache = key = None
    if cache_dir is not None:
        from reader.analysis.nlp import model_label
        from reader.service.cache import AnalysisCache, cache_key

        cache = AnalysisCache(cache_dir)
        label = model_label(model_name)
        key = cache_key(article.text, article.id, algorithm, sentences, label, words)
        hit = cache.get(key)
        if hit is not None:
            return hit, list(hit.notices)

    from reader.analysis.pipeline import FAILED, analyze

    analysis, notices = analyze(
        article, sentences=sentences, algorithm=algorithm, model_name=model_name, words=words
    )
    if cache is not None and key is not None and not any(n.startswith(FAILED) for n in notices):
        cache.put(key, analysis)
        notices = notices + cache.notices
    return analysis, notices
