"""Property tests: random hostile text through the loaders and the real analysis never breaks."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.library.loaders import load_article
from reader.library.models import Article, ArticleLoadError, content_id
from reader.text.unsafe import sanitize

from .harness import UNSAFE

PIECES = [
    "The harbour board met on Tuesday. ", "Maria Lopez", " said ", ", said Tom Becker. ",
    '"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e",
    "\n", "\n\n", "\r\n", "\r", "\t", " ", ". ", "? ", "! ", "\u2026", " -- ", "\u2014",
    "[bold red]", "[/]", "[@click=app.quit]", "[link=file:///etc/passwd]", "$var", "{x}",
    "\x1b[31m", "\x1b[2J", "\x1b]0;title\x07", "\x1b]52;c;cHduZWQ=\x07", "\x1b]8;;x\x1b\\",
    "\x9b1m", "\x9d0;t\x9c", "\x00", "\x07", "\x08", "\x7f", "\u202e", "\u2066", "\u200b",
    "\ufeff", "\u00ad", "\u00a0", "\u2028", "<p>", "</p>", "<div>", "<script>", "&amp;",
    "&#27;", "# ", "**", "---\n", "By Jane Roe\n", "March 3, 2026\n", "Dr. ", "U.S. ",
]  # fmt: skip
TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=60
).map("".join)
SCALE = 10 if os.environ.get("READER_HOSTILE_FULL") == "1" else 1
"""Ten times the examples for the full run (see conftest)."""
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")


def _load(text: str, suffix: str, encoding: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(text.encode(encoding, errors="replace"))
        try:
            return load_article(path)
        except ArticleLoadError as exc:
            assert exc.reason and "\n" not in exc.reason
            return None


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT,
    suffix=st.sampled_from([".txt", ".md", ".html", ".text", ""]),
    encoding=st.sampled_from(ENCODINGS),
)
def test_loaders_never_raise_and_clean_everything(text: str, suffix: str, encoding: str) -> None:
    article = _load(text, suffix, encoding)
    if article is None:
        return
    for field in (article.text, article.title, article.byline or "", article.source or ""):
        assert not UNSAFE.search(field), repr(field)
    assert "\n" not in article.title and article.text.strip()
    spans = article.paragraphs
    assert all(article.text[a:b].strip() for a, b in spans)


@settings(max_examples=100 * SCALE, deadline=None)
@given(raw=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_loaders_take_any_bytes(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"blob{suffix}"
        path.write_bytes(raw)
        try:
            article = load_article(path)
        except ArticleLoadError:
            return
    assert not UNSAFE.search(article.text + article.title)


@pytest.fixture(scope="module")
def analyze():
    from reader.analysis.pipeline import analyze

    return analyze


@settings(
    max_examples=40 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=TEXT, sentences=st.integers(1, 6))
def test_analysis_never_raises_and_offsets_match(analyze, text: str, sentences: int) -> None:
    from reader.analysis.pipeline import FAILED

    article = _load(text, ".txt", "utf-8")
    if article is None:  # refused (a NUL byte reads as binary): analyse the cleaned text anyway
        clean = sanitize(text)
        assume(clean.strip())
        article = Article(content_id(clean), Path("x.txt"), "txt", "x", None, None, None, clean)
    analysis, notices = analyze(article, sentences=sentences)
    assert not [n for n in notices if n.startswith(FAILED)], notices
    body = article.text
    for item in (*analysis.summary, *analysis.quotes):
        assert 0 <= item.start <= item.end <= len(body)
        assert body[item.start : item.end] == item.text
    spans = sorted((q.start, q.end) for q in analysis.quotes)
    pairs = zip(spans, spans[1:], strict=False)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairs), spans
    for actor in analysis.actors:
        assert actor.name and actor.mentions >= 1
        assert all(0 <= a < b <= len(body) for a, b in actor.spans), actor
