"""PolNeAR: read the brat attribution files and build the gold direct quotes.

A gold direct quote is one stretch between a pair of quotation marks inside an attribution's
Content (so a mixed quote, `said the plan was "desperate"`, gives one gold quote for the
quoted words). Its speaker is the attribution's Source span, its cue the Cue span.
Attributions whose Content starts in the heading (before the first blank line) are left out:
the reader looks for quotes only in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

RECORD = re.compile(r"^[TE]\d+\t")
OPEN_BEFORE = set(" \t\n([{—–-/:;")
CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…")


@dataclass
class Relation:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class GoldQuote:
    start: int
    end: int
    """The quoted words in the file, marks excluded."""
    source: tuple[int, int] | None
    """Span of the Source (first to last fragment), or None (no source annotated)."""
    cue: tuple[int, int] | None
    relation: int


@dataclass
class Document:
    name: str
    path: Path
    raw: str
    body_start: int
    quotes: list[GoldQuote]
    sources: list[tuple[int, int]]
    """Every Source span of the body's attributions, in text order (for resolution)."""


def _spans(field_text: str) -> list[tuple[int, int]]:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Relation]:
    records: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if RECORD.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[str] = []
    for rec in records:
        if rec.startswith("T"):
            tid, label_spans, *_ = rec.split("\t")
            label, rest = label_spans.split(" ", 1)
            spans[tid] = (label, _spans(rest))
        elif rec.startswith("E"):
            events.append(rec.split("\t")[1])
    relations = []
    for ev in events:
        roles = dict(part.split(":") for part in ev.split())
        content = []
        for key in ("Content", "Content2"):
            if key in roles:
                content += spans[roles[key]][1]
        if not content:
            continue
        rel = Relation(sorted(content))
        if "Source" in roles:
            rel.source = spans[roles["Source"]][1]
        if "Cue" in roles:
            rel.cue = spans[roles["Cue"]][1]
        relations.append(rel)
    return relations


def _direction(raw: str, i: int, width: int) -> str:
    before = raw[i - 1] if i > 0 else " "
    after = raw[i + width] if i + width < len(raw) else " "
    opens = before in OPEN_BEFORE or before in "“\"'‘"
    closes = after in CLOSE_AFTER or after in "”\"'’"
    mark = raw[i : i + width]
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if mark == "“":
        return "open"
    if mark == "”":
        return "close"
    return "?"


MARKS = re.compile(r"''|[“”\"]")


def quoted_stretches(raw: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of the words between quotation-mark pairs in raw[a:b], marks excluded.

    A quote left open at a paragraph end continues when the next paragraph opens with a
    mark; a quote left open at the end of the region ends there.
    """
    # The annotators' span may stop just inside a mark: look one character beyond.
    lo = a - 1 if a > 0 and raw[a - 1] in "“\"'" else a
    hi = b + 1 if b < len(raw) and raw[b] in "”\"'" else b
    if hi < len(raw) and raw[hi - 1 : hi + 1] == "''":
        hi += 1
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for m in MARKS.finditer(raw, lo, hi):
        i, width = m.start(), len(m.group())
        kind = _direction(raw, i, width)
        if opened is None:
            if kind != "close":
                opened = i + width
            continue
        if kind == "open" and "\n\n" in raw[opened:i] and raw[i - 1] == "\n":
            continue  # the next paragraph of a quote over several paragraphs
        if kind == "open" and m.group() == "“":
            opened = i + width  # the first mark was never closed
            continue
        out.append(_trim(raw, opened, i))
        opened = None
    if opened is not None and hi - opened > 1:
        out.append(_trim(raw, opened, min(hi, b)))
    return [(s, e) for s, e in out if e > s and any(ch.isalnum() for ch in raw[s:e])]


def _trim(raw: str, s: int, e: int) -> tuple[int, int]:
    while s < e and raw[s].isspace():
        s += 1
    while e > s and raw[e - 1].isspace():
        e -= 1
    return s, e


def _annotation_files(folder: Path) -> dict[str, Path]:
    """One .ann per article: the annotator id that sorts first."""
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        article, _annotator = path.stem.rsplit("_", 1)
        chosen.setdefault(article, path)
    return chosen


def load_split(root: Path, split: str = "dev") -> list[Document]:
    folder = root / "polnear" / split
    anns = _annotation_files(folder)
    docs = []
    for path in sorted((folder / "text").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        body_start = raw.find("\n\n") + 2 if "\n\n" in raw else 0
        relations = read_ann(anns[path.stem]) if path.stem in anns else []
        quotes: list[GoldQuote] = []
        sources = []
        for k, rel in enumerate(relations):
            if rel.content[0][0] < body_start:
                continue
            src = (rel.source[0][0], rel.source[-1][1]) if rel.source else None
            cue = (rel.cue[0][0], rel.cue[-1][1]) if rel.cue else None
            if src:
                sources.append(src)
            for a, b in rel.content:
                for s, e in quoted_stretches(raw, a, b):
                    quotes.append(GoldQuote(s, e, src, cue, k))
        quotes.sort(key=lambda q: q.start)
        unique: list[GoldQuote] = []
        for q in quotes:
            if not unique or q.start >= unique[-1].end:
                unique.append(q)
        docs.append(Document(path.stem, path, raw, body_start, unique, sorted(set(sources))))
    return docs
