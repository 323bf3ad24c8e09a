"""Development pages: page layouts written here, each with its expectations (real saved pages
are scored by benchmarks/realdata/score_pages.py).

Every `<name>.<ext>` in fixtures/dev_pages has a `<name>.expect.json` with the title,
byline, ISO date and source a reader should show, phrases the body must keep and page
debris it must drop.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library import load_article, peek_ref

DEV = Path(__file__).parent / "fixtures" / "dev_pages"
EXPECTS = sorted(DEV.glob("*.expect.json"))


def _page(expect: Path) -> Path:
    stem = expect.name.removesuffix(".expect.json")
    pages = [p for p in DEV.glob(stem + ".*") if not p.name.endswith(".expect.json")]
    assert len(pages) == 1, pages
    return pages[0]


def _load(expect: Path):
    gold = json.loads(expect.read_text(encoding="utf-8"))
    return gold, load_article(_page(expect))


IDS = [e.name.removesuffix(".expect.json") for e in EXPECTS]


def test_there_are_ten_dev_pages():
    assert len(EXPECTS) >= 10
    assert {_page(e).suffix for e in EXPECTS} >= {".html", ".txt", ".md"}


@pytest.mark.parametrize("expect", EXPECTS, ids=IDS)
@pytest.mark.parametrize("field", ["title", "byline", "published", "source"])
def test_metadata(expect: Path, field: str):
    gold, article = _load(expect)
    assert getattr(article, field) == gold[field]


@pytest.mark.parametrize("expect", EXPECTS, ids=IDS)
def test_body_keeps_article_text(expect: Path):
    gold, article = _load(expect)
    missing = [p for p in gold["must_contain"] if p not in article.text]
    assert not missing, article.text
    assert len(article.paragraphs) >= gold.get("min_paragraphs", 3)
    first = article.text[slice(*article.paragraphs[0])]
    assert first.startswith(gold["must_contain"][0][:30]), "the body opens with the story"


@pytest.mark.parametrize("expect", EXPECTS, ids=IDS)
def test_body_drops_debris(expect: Path):
    gold, article = _load(expect)
    kept = [p for p in gold["must_not_contain"] if p.casefold() in article.text.casefold()]
    assert not kept, article.text


@pytest.mark.parametrize("expect", EXPECTS, ids=IDS)
def test_list_metadata_agrees_with_loaded_article(expect: Path):
    gold, article = _load(expect)
    ref = peek_ref(_page(expect))
    assert ref.title == article.title
    assert ref.byline == article.byline
    assert ref.published == article.published
