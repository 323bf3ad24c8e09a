"""Parse the summary development articles once and keep the parses on disk.

Training and tuning the summary scorer reads the parses from here instead of running
spaCy over 844 articles every time. The cache is keyed by the text and the code of the
sentence rules, so a change to those re-parses.

Run: python -m benchmarks.realdata.summary_cache   (fills the cache; about 2 minutes)
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.realdata.common import ROOT, parallel_map, require_data

CACHE = Path(os.environ.get("READER_BENCH_CACHE", Path.home() / ".cache" / "reader-bench"))
SOURCES = ("cnndm_val", "cnndm_allennlp", "bbc", "gum_wikinews")


@dataclass
class Item:
    file: str
    source: str
    title: str
    text: str
    reference: str
    gold_sentences: list[str]


def _code_key() -> str:
    h = hashlib.blake2b(digest_size=8)
    for rel in (
        "reader/analysis/sentences.py",
        "reader/analysis/nlp.py",
        "reader/text/datelines.py",
        "reader/library/plain.py",
        "reader/library/loaders.py",
    ):
        h.update((ROOT / rel).read_bytes())
    return h.hexdigest()


def items(root: Path | None = None, sources=SOURCES) -> list[Item]:
    from reader.library.loaders import load_article

    root = (root or require_data()) / "summaries"
    details = {}
    for line in (root / "refs_detail.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        details[d["file"]] = d
    out = []
    for source in sources:
        for f in sorted(k for k in details if k.startswith(source + "/")):
            article = load_article(root / f)
            d = details[f]
            out.append(
                Item(
                    f,
                    source,
                    article.title,
                    article.text,
                    d["reference"],
                    d.get("reference_sentences", []),
                )
            )
    return out


def _parse(item: Item) -> bytes:
    from spacy.tokens import DocBin

    from reader.analysis.nlp import parse

    bin_ = DocBin(store_user_data=False)
    bin_.add(parse(item.text))
    return bin_.to_bytes()


def load(sources=SOURCES) -> list[tuple[Item, object]]:
    """(item, parsed Doc) for every article, parsing what the cache lacks."""
    from spacy.tokens import DocBin

    from reader.analysis.nlp import get_nlp

    nlp, _label, _ = get_nlp()
    key = _code_key()
    folder = CACHE / f"summary-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    all_items = items(sources=sources)
    paths = [folder / (hashlib.sha1(i.text.encode()).hexdigest() + ".spacy") for i in all_items]
    missing = [i for i, p in zip(all_items, paths, strict=True) if not p.exists()]
    for item, data in zip(missing, parallel_map(_parse, missing), strict=True):
        (folder / (hashlib.sha1(item.text.encode()).hexdigest() + ".spacy")).write_bytes(data)
    out = []
    for item, path in zip(all_items, paths, strict=True):
        doc = next(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
        out.append((item, doc))
    return out


if __name__ == "__main__":
    print(len(load()), "articles parsed and cached")
