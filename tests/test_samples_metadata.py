"""Every bundled sample loads with the title, byline, date and source its gold file records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.library import load_article, peek_ref
from reader.resources import samples_dir, themes_dir

GOLD = Path(__file__).parent / "gold"
SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
GOLD_FILES = sorted(GOLD.glob("*.json"))

# Page furniture that must never reach the text pane. Phrases, not whole lines, so a
# debris line with a little extra text around it is still caught.
DEBRIS = re.compile(
    r"skip to (?:main )?content|^sign in$|^subscribe|share this (?:article|story)|"
    r"\bcookies?\b.*\b(?:accept|consent|experience)|^advertisement$|^related (?:articles|stories)|"
    r"most read|©|all rights reserved|^photo(?:graph)?:|^image:|^credit:|\(getty images\)|"
    r"^updated:|by (?:submitting|signing up)|^sign up\b|newsletter|follow us|"
    r"enter your email|^(?:facebook|x|email|copy link)$|^(?:news|home) [|›>]",
    re.I | re.M,
)


def gold_ids() -> list[str]:
    return [g.stem for g in GOLD_FILES]


def test_there_are_gold_files():
    assert len(GOLD_FILES) >= 12


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=gold_ids())
def test_sample_metadata_matches_gold(gold_file: Path):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    article = load_article(SAMPLES / gold["file"])
    assert article.title == gold["title"]
    assert article.byline == gold["byline"]
    assert article.published == gold["published"]
    assert article.source == gold["source"]


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=gold_ids())
def test_sample_list_entry_matches_gold(gold_file: Path):
    """The list's peek shows the same title, byline and date as the loaded article."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    ref = peek_ref(SAMPLES / gold["file"])
    assert (ref.title, ref.byline, ref.published) == (
        gold["title"],
        gold["byline"],
        gold["published"],
    )


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=gold_ids())
def test_sample_body_is_clean(gold_file: Path):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    article = load_article(SAMPLES / gold["file"])
    text = article.text
    assert not text.startswith(article.title)
    first = article.paragraphs[0]
    assert len(text[first[0] : first[1]].split()) >= 15, "the body should open with prose"
    if article.byline:
        assert not re.search(rf"^(?:by\s+)?{re.escape(article.byline)}\b", text, re.I | re.M)
    found = [m.group(0) for m in DEBRIS.finditer(text)]
    assert not found, f"debris in {gold['file']}: {found}"
    for noise in ("**", "](", "\n# ", "\n## "):  # Markdown marks
        assert noise not in text
    assert "\n\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")


def test_every_sample_has_a_gold_file():
    samples = sorted(p.name for p in SAMPLES.iterdir() if not p.name.startswith("."))
    golds = sorted(json.loads(g.read_text(encoding="utf-8"))["file"] for g in GOLD_FILES)
    assert samples == golds


def test_installed_package_finds_samples_and_themes():
    samples = samples_dir()
    assert samples.is_dir()
    articles = [p for p in samples.iterdir() if p.suffix in (".txt", ".md", ".html")]
    assert len(articles) >= 12
    assert {p.suffix for p in articles} == {".txt", ".md", ".html"}
    assert themes_dir().is_dir()
    assert any(themes_dir().iterdir())
