"""Generated benchmark articles, built from the bundled samples' paragraphs."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from benchmarks.common import ROOT

SAMPLES = ROOT / "sample_articles"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


@cache
def paragraphs() -> tuple[str, ...]:
    """Every body paragraph of the samples (as cleaned by the loader) of 15 words or more."""
    from reader.library.loaders import load_article

    found: list[str] = []
    for path in sorted(SAMPLES.iterdir()):
        if path.is_file():
            text = load_article(path).text
            found += [p.strip() for p in text.split("\n\n") if len(p.split()) >= 15]
    return tuple(dict.fromkeys(found))


def body(words: int, seed: int = 0) -> str:
    """About `words` words of article body: sample paragraphs in a shuffled, repeated order."""
    pool = list(paragraphs())
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        rng.shuffle(pool)
        for para in pool:
            out.append(para)
            count += len(para.split())
            if count >= words:
                break
    return "\n\n".join(out)


def article_file(title: str, text: str, n: int = 0) -> str:
    """A plain-text article as the loader reads it: title, byline, date, blank line, body."""
    date = f"{MONTHS[n % 12]} {1 + n % 28}, 2026"
    return f"{title}\nBy Staff Writer {n}\n{date}\n\n{text}\n"


def write_long(folder: Path, words: int, seed: int = 0) -> Path:
    """A generated article of about `words` words; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"generated-{words}-words.txt"
    title = f"Generated long read of {words} words from the sample articles"
    path.write_text(article_file(title, body(words, seed), seed), encoding="utf-8")
    return path


def write_library(folder: Path, count: int, words: int = 400) -> Path:
    """`count` article files of about `words` words each (a few sub-folders, like a real one)."""
    pool = paragraphs()
    rng = random.Random(count)
    for n in range(count):
        sub = folder / f"feed-{n % 10:02d}"
        if n < 10:
            sub.mkdir(parents=True, exist_ok=True)
        paras: list[str] = []
        total = 0
        while total < words:
            para = pool[rng.randrange(len(pool))]
            paras.append(para)
            total += len(para.split())
        title = f"Article {n:05d}: " + " ".join(paras[0].split()[:8])
        text = article_file(title, "\n\n".join(paras), n)
        (sub / f"article-{n:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def cleaned_text(path: Path) -> str:
    """The body the reader analyses for `path` (what a bare spaCy script should parse too)."""
    from reader.library.loaders import load_article

    return load_article(path).text
