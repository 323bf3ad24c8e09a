"""Summary candidates: parsed sentences with exact offsets, their words, and which are usable."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.quote_marks import find_quote_spans, single_marks_lead

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MIN_WORDS = 6
WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-])*$")
WORDS_IN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")
LETTER = re.compile(r"[^\W\d_]")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
OPEN_MARKS, CLOSE_MARKS, STRAIGHT = "“«„", "”»", '"'
QUOTE_MARK = re.compile(r"[“”«»„\"]")
DATELINE = re.compile(
    r"^(?P<place>(?:[A-Z][\w.'’-]*,?\s+){0,5}?)(?P<agency>\([^()\n]{1,30}\)\s+)?[—–-]\s+"
)
"""A dateline: "MOSCOW (AP) — ", "LONDON (Reuters) - " (wire copy's plain hyphen)."""
SPEAKER_LABEL = re.compile(r"(?:[QA]|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=[\"“A-Z])")
"""An interview's speaker label at a paragraph start: "Q: ", "Lena Marchetti: "."""
BYLINE = re.compile(r"^(?:By|BY|From)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|,))*\W*$")
"""A byline line: "By Anna Lee and Tom Berg"."""
CREDIT = re.compile(
    r"\b(?:reporting by|editing by|writing by|additional reporting|contributed reporting"
    r"|contributed to this (?:report|article|story)"
    r"|is an? (?:\w+ )?(?:reporter|correspondent|writer|editor|columnist) (?:for|at|with)\b)",
    re.IGNORECASE,
)
"""Reporting credits and author notes."""
CAPTION = re.compile(
    r"\((?:AP|AFP|Reuters|EPA)\b[^)]*\)|\b(?:AP|AFP) Photo\b|\bPhoto(?:graph)?\s*:|\bImage\s*:"
    r"|\bCredit\s*:|\bPictured\s*:|\bGetty Images\b|/(?:Reuters|AFP|AP|EPA|Bloomberg)\b"
    r"|^FILE\s*[-–—]|\bcaption\b",
    re.IGNORECASE,
)
DEBRIS = re.compile(
    r"©|\bhttps?://|\bwww\.|\b(?:all rights reserved|copyright \d{4}|sign up (?:for|to) (?:[\w-]+ ){0,3}(?:newsletters?|e-?mails?|alerts|digest)"
    r"|subscribe (?:to|now|today)|our newsletter|click here|read more|follow us"
    r"|share this (?:article|story)|accept (?:all )?cookies|cookie policy|privacy policy"
    r"|terms of (?:use|service)|download (?:the|our) app|related (?:coverage|stories|articles)"
    r"|most read|follow (?:along with )?(?:our|the) live|(?:newest|latest) (?:updates|posts|entries)"
    r" (?:are|appear) (?:at the top|first|below))\b",
    re.IGNORECASE,
)
TERMINAL_END = (".", "!", "?", "”", '"', "’", "…", ")")


@dataclass(slots=True)
class Candidate:
    """One sentence of the article as the summarizers see it."""

    index: int
    """Order of the sentence in the article."""
    start: int
    end: int
    paragraph: int
    words: tuple[str, ...]
    quoted: float
    """Share of the words that stand inside quotation marks."""
    eligible: bool
    reason: str = ""
    """Why the sentence may not be chosen ("short", "quote", "byline", "caption", "debris",
    "question")."""


def words_of(text: str) -> tuple[str, ...]:
    """Words of a short string (a title) the way the summarizers count them."""
    return tuple(WORDS_IN.findall(text))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted stretches, closing unfinished quotes at the paragraph end."""
    if single_marks_lead(text):  # British ‘...’ quotes: the quote finder knows apostrophes
        return [
            (s.open_mark, s.close_mark + 1 if s.close_mark is not None else s.end)
            for s in find_quote_spans(text)
        ]
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in PARAGRAPH_BREAK.split(text) if text else []:
        base = text.find(para, pos)
        pos = base + len(para)
        opened: int | None = None
        for match in QUOTE_MARK.finditer(para):
            mark, at = match.group(), base + match.start()
            if mark in OPEN_MARKS or (mark == STRAIGHT and opened is None):
                if opened is None:
                    opened = at
            elif opened is not None:
                spans.append((opened, at + 1))
                opened = None
            else:  # a closing mark with no opening one: quoted from the paragraph start
                spans.append((base, at + 1))
        if opened is not None:
            spans.append((opened, base + len(para)))
    return spans


def dateline_end(sentence: str) -> int:
    """Length of a leading dateline ("MOSCOW (AP) — ") in `sentence`, else 0."""
    match = DATELINE.match(sentence)
    if not match:
        return 0
    place = match.group("place").split()
    if match.group("agency") or (
        place and place[0].rstrip(",").isupper() and len(place[0].rstrip(",")) > 1
    ):
        return match.end()
    return 0


def _verdict(sentence: str, words: Sequence[str], outside: int, has_verb: bool | None) -> str:
    if BYLINE.match(sentence) or CREDIT.search(sentence):
        return "byline"
    if CAPTION.search(sentence):
        return "caption"
    if DEBRIS.search(sentence):
        return "debris"
    if len(words) < MIN_WORDS:
        return "short"
    if outside < 3:
        return "quote"
    letters = len(LETTER.findall(sentence))
    if letters < 0.6 * len(sentence.replace(" ", "")) or sentence.isupper():
        return "debris"
    if has_verb is False:
        return "debris"
    if not sentence.endswith(TERMINAL_END):
        return "debris"
    if sentence.rstrip('”"’)').endswith("?"):
        return "question"  # a summary reports; questions (an interviewer's too) do not
    return ""


def _sentences(doc_or_sentences: Doc | Iterable[Span]) -> Iterable[Span]:
    return doc_or_sentences.sents if hasattr(doc_or_sentences, "sents") else doc_or_sentences


def build_candidates(doc_or_sentences: Doc | Iterable[Span], text: str) -> list[Candidate]:
    """Every sentence with trimmed offsets (datelines cut off) and an eligibility verdict."""
    spans = list(_sentences(doc_or_sentences))
    if not spans:
        return []
    doc = spans[0].doc
    # Plain lists: making a spaCy Token object per access is the slow part of this loop.
    tagged = doc.has_annotation("TAG")
    words_at: list[str | None] = []
    idx: list[int] = []
    verbs: list[bool] = []
    for t in doc:
        word = t.text
        words_at.append(word if (t.is_alpha or WORD.match(word)) else None)
        idx.append(t.idx)
        if tagged:
            tag = t.tag_
            verbs.append(tag[:2] == "VB" or tag == "MD")
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
    quotes = quote_spans(text)
    quote_starts = [a for a, _ in quotes]
    out: list[Candidate] = []
    for span in spans:
        start, end = span.start_char, span.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        start += dateline_end(text[start:end])
        if start == 0 or text[start - 1] == "\n":
            label = SPEAKER_LABEL.match(text, start, end)
            start = label.end() if label else start
        words: list[str] = []
        outside = 0
        for i in range(span.start, span.end):
            word = words_at[i]
            if word is None or idx[i] < start:
                continue
            words.append(word)
            k = bisect.bisect_right(quote_starts, idx[i]) - 1
            if k < 0 or quotes[k][1] <= idx[i]:
                outside += 1
        has_verb = any(verbs[span.start : span.end]) if tagged else None
        reason = _verdict(text[start:end], words, outside, has_verb)
        quoted = 1.0 - outside / len(words) if words else 0.0
        paragraph = bisect.bisect_right(breaks, start)
        cand = Candidate(len(out), start, end, paragraph, tuple(words), quoted, not reason, reason)
        out.append(cand)
    _spread_captions(out)
    return out


def _spread_captions(cands: list[Candidate]) -> None:
    """A short paragraph with a photo credit in it is a caption all through."""
    by_paragraph: dict[int, list[Candidate]] = {}
    for cand in cands:
        by_paragraph.setdefault(cand.paragraph, []).append(cand)
    for group in by_paragraph.values():
        if len(group) <= 3 and any(c.reason == "caption" for c in group):
            for cand in group:
                cand.eligible, cand.reason = False, "caption"


def preselect(
    cands: list[Candidate], limit: int, stems: Sequence[frozenset[str]]
) -> list[Candidate]:
    """The `limit` most promising candidates of a long article, in article order.

    A cheap score (how common the sentence's content stems are in the article, plus a
    position prior) keeps quadratic summarizers fast on book-length texts.
    """
    df = Counter(w for s in stems for w in s)
    scored = []
    for i, (cand, s) in enumerate(zip(cands, stems, strict=True)):
        weight = sum(math.log1p(df[w]) for w in s) / math.sqrt(len(s) + 1)
        scored.append((weight * (1.0 + 1.0 / math.sqrt(i + 1)), cand))
    scored.sort(key=lambda pair: -pair[0])
    return sorted((c for _, c in scored[:limit]), key=lambda c: c.index)
