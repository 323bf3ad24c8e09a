"""One article to one Analysis: a single spaCy parse feeds the summary, actors and quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.models import Actor, Analysis, Quote, Source
from reader.analysis.summary import DEFAULT_ALGORITHM

if TYPE_CHECKING:
    from spacy.tokens import Doc

FAILED = "analysis incomplete"
"""Prefix of the notice given when one part of the analysis failed; such results are not cached."""
MAX_ANALYSED_CHARS = 100_000
"""Longer texts are analysed up to a break before this many characters (about 16,000 words,
longer than nearly any article): the parse costs seconds per 100,000 characters, so a
megabyte would stall the reader for minutes."""


def analysed_part(text: str, limit: int | None = None) -> str:
    """`text`, or its start up to the last paragraph (else line, sentence, word) break
    before `limit` (default MAX_ANALYSED_CHARS) characters; offsets into it fit `text`."""
    limit = MAX_ANALYSED_CHARS if limit is None else limit
    if len(text) <= limit:
        return text
    for mark in ("\n\n", "\n", ". ", " "):
        cut = text.rfind(mark, limit // 2, limit)
        if cut != -1:
            return text[: cut + (1 if mark == ". " else 0)]
    return text[:limit]


def one_author(byline: str | None) -> str | None:
    """The one person a byline names ("Ann Kowalski"), or None for several people
    ("<A> and <B>", "<A>, <B>"), an agency or staff line, or none at all."""
    if not byline:
        return None
    name = byline.strip()
    if name.casefold().startswith("by "):
        name = name[3:].strip()
    words = name.split()
    single = not any(sep in name for sep in (",", "&", ";", "/")) and " and " not in name
    if single and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return name
    return None


def _actors(doc: Doc, text: str, notices: list[str]) -> tuple[Actor, ...]:
    from reader.analysis.actors import extract_actors

    try:
        return tuple(extract_actors(doc, text))
    except Exception as exc:  # one bad part must not cost the reader the whole analysis
        notices.append(f"{FAILED}: actors could not be extracted ({type(exc).__name__}: {exc})")
        return ()


def _quotes(
    doc: Doc, text: str, actors: tuple[Actor, ...], notices: list[str], author: str | None
) -> tuple[Quote, ...]:
    from reader.analysis.quotes import extract_quotes

    try:
        return tuple(extract_quotes(doc, text, actors, author))
    except Exception as exc:  # see _actors
        notices.append(f"{FAILED}: quotes could not be extracted ({type(exc).__name__}: {exc})")
        return ()


def analyze(
    article: Source,
    *,
    sentences: int = 3,
    algorithm: str = DEFAULT_ALGORITHM,
    model_name: str | None = None,
    ratio: float | None = None,
    words: int | None = None,
) -> tuple[Analysis, list[str]]:
    """Parse `article.text` once and derive its summary, actors and quotes.

    Returns the analysis and the notices a reader should see (model fallback, failures).
    """
    from reader.analysis.nlp import get_nlp, parse
    from reader.analysis.summary import summarize

    _nlp, label, notices = get_nlp(model_name)
    text = analysed_part(article.text)
    if len(text) < len(article.text):
        notices.append(
            f"long article: the summary, actors and quotes cover the first {len(text):,} "
            f"of {len(article.text):,} characters"
        )
    doc = parse(text, model_name)
    summary = summarize(
        doc, text, sentences, algorithm, title=article.title, ratio=ratio, words=words
    )
    actors = _actors(doc, text, notices)
    quotes = _quotes(doc, text, actors, notices, one_author(getattr(article, "byline", None)))
    analysis = Analysis(
        article_id=article.id,
        summary=summary,
        actors=actors,
        quotes=quotes,
        algorithm=algorithm,
        model=label,
        notices=tuple(notices),
    )
    return analysis, notices
