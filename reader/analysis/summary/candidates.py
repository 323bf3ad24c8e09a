"""Summary candidates: parsed sentences with exact offsets, their words, and which are usable."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.text.credits import CAPTION, is_credit_sentence
from reader.text.datelines import dateline_end
from reader.text.quotes import quoted_ranges

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MIN_WORDS = 6
WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-])*$")
WORDS_IN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")
LETTER = re.compile(r"[^\W\d_]")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
SPEAKER_LABEL = re.compile(r"(?:[QA]|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=[\"“A-Z])")
"""An interview's speaker label at a paragraph start: "Q: ", "<Name>: "."""
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


def _verdict(sentence: str, words: Sequence[str], outside: int, has_verb: bool | None) -> str:
    if is_credit_sentence(sentence):
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
    quotes = quoted_ranges(text)
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
        k = bisect.bisect_right(quote_starts, start) - 1
        if not reason and k >= 0 and quotes[k][0] < start < quotes[k][1] - 1:
            reason = "quote"  # it opens inside a quotation begun in an earlier sentence
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
