"""Quotation marks and the passages they enclose, found in one linear pass over the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_MARKS = frozenset({'"', "“", "‘", "«", "„"})
"""Marks that can open a quotation (straight ones open or close by position)."""
CLOSING_MARKS = frozenset({'"', "”", "’", "»", "'"})
"""Marks that can close one (a straight apostrophe too, in single-quote styles)."""
QUOTE_GLYPHS = frozenset('"“”‘’«»„')
"""Every typographic quotation mark (the straight apostrophe left out: it is mostly in words)."""
_QUOTE_GLYPH = re.compile("[" + re.escape("".join(sorted(QUOTE_GLYPHS))) + "]")


def has_quote_mark(text: str) -> bool:
    return _QUOTE_GLYPH.search(text) is not None


OPENERS = frozenset("“„‟«")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
MARKS = re.compile(r"[\"“”„‟«»]")
SINGLE_MARKS = re.compile(r"[‘’]")
STRAIGHT_SINGLE_MARKS = re.compile("'")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
MAX_CHAIN_PARAGRAPHS = 8
MAX_CHAIN_CHARS = 6_000
MAX_UNCLOSED_CHARS = 1_500
_OPEN_BEFORE = frozenset("([{—–-/:;‘'")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…’'")


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


def normalize_quotes(s: str) -> str:
    """Curly and typographic quotes to straight ones, one character for one.

    For matching only: the result has the same length as `s`, so offsets found in it
    are valid in the original, which is what the reader displays.
    """
    return s.translate(_QUOTES)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The words between a pair of marks (trimmed) and where the marks are."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    """None when the passage had no closing mark (cut at its paragraph's end)."""
    paragraphs: int = 1


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by a blank line."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def _direction(text: str, i: int) -> str:
    """ "open", "close" or "?" for the mark at i, from its glyph and the characters around it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in _OPEN_BEFORE or before in OPENERS
    space_after = after.isspace() or after in _CLOSE_AFTER or after in CLOSERS or after == STRAIGHT
    mark = text[i]
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if mark in OPENERS:
        return "open"
    if mark in CLOSERS:
        return "close"
    return "?"


def _single_direction(text: str, i: int) -> str:
    """Single curly marks, used only in texts with no double marks (British style).

    Most ’ are apostrophes (don’t, the country’s, the players’ union): only a ’ with no letter
    after it, and not a plural possessive before a lower-case word, may close a quote.
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "‘":
        opens = before.isspace() or before in _OPEN_BEFORE or before in OPENERS
        return "open" if opens and not after.isspace() and not after.isdigit() else "-"
    if after.isalnum() or before.isspace():
        return "-"
    if before == "s" and after == " " and text[i + 2 : i + 3].islower():
        return "weak"  # "the players’ union" or "‘red lines’ remained": decided by what follows
    return "close"


def _straight_single_direction(text: str, i: int) -> str:
    """Straight apostrophes as the quotation marks, in texts with no other marks at all
    ('We will,' she said): most are apostrophes inside words (don't, O'Neil) or after
    them (the players' union), so only one at a word's edge on the side of the quote
    counts, and a closing one must follow a word or the quote's own punctuation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return "-"
    if before.isspace() or before in "([{—–":
        return "open" if after.isalpha() else "-"  # not '90s
    if after.isspace() or after in _CLOSE_AFTER:
        if before in ".,!?…":
            return "close"
        if before == "s" and text[i + 2 : i + 3].islower():
            return "weak"  # "the players' union" or "'red lines' remained"
        return "close" if before.isalnum() else "-"
    if before in ",:" and after.isalpha():
        return "open"  # said,'No deal' and said:'No deal', the space left out
    return "-"


def single_marks_lead(text: str) -> bool:
    """Whether single curly marks are the text's quotation marks (British style).

    True when there are no double marks, or when more quotes open with ‘ than with a
    double mark: then the double ones are quotes nested inside (‘He said, “No,” twice’).
    """
    doubles = [m.start() for m in MARKS.finditer(text)]
    if not doubles:
        return True
    if "‘" not in text:
        return False
    double_opens = sum(_direction(text, i) == "open" for i in doubles)
    single_opens = sum(_single_direction(text, m.start()) == "open" for m in re.finditer("‘", text))
    return single_opens > max(double_opens, 1)


def _wordy(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] has a letter or digit (a passage of marks alone is no quote)."""
    return any(ch.isalnum() for ch in text[a:b])


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


DOUBLED_APOSTROPHE = "''"
"""Two apostrophes as a quotation mark (''like this''), a style some papers print."""
_SECOND_HALF = "\u2060"
"""Stands in for the second apostrophe of a doubled one while marks are paired: an
invisible character that is neither a space nor punctuation, so it keeps every offset."""


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted passages in text order; they never overlap.

    A passage left open at a paragraph's end continues when the next paragraph opens with
    a mark (the convention for quotes over several paragraphs); otherwise it ends with its
    paragraph. Over-long chains without a closing mark fall back to one passage a paragraph.
    Doubled apostrophes count as double quotation marks.
    """
    if "<" in text:
        text = _TAG.sub(_blank_marks, text)  # attr="value" inside markup is no quotation
    if DOUBLED_APOSTROPHE not in text:
        return _find_quote_spans(text)
    marked = text.replace(DOUBLED_APOSTROPHE, '"' + _SECOND_HALF)
    spans = []
    for span in _find_quote_spans(marked):
        start = span.start
        while start < span.end and (marked[start] == _SECOND_HALF or marked[start].isspace()):
            start += 1
        if start < span.end:
            spans.append(
                QuoteSpan(start, span.end, span.open_mark, span.close_mark, span.paragraphs)
            )
    return spans


_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,300}>")


def _blank_marks(match: re.Match[str]) -> str:
    return re.sub("[\"'“”‘’]", "_", match.group())


def mark_width(text: str, at: int) -> int:
    """Characters of the quotation mark at `at`: 2 for doubled apostrophes, else 1."""
    return 2 if text.startswith(DOUBLED_APOSTROPHE, at) else 1


def _find_quote_spans(text: str) -> list[QuoteSpan]:
    marks_re, direction = MARKS, _direction
    closed_only = False  # passages left open are dropped (a stray apostrophe opens one)
    if single_marks_lead(text):
        marks_re, direction = SINGLE_MARKS, _single_direction
        if "‘" not in text:  # no curly opening mark (a ’ alone is an apostrophe): straight
            marks_re, direction = STRAIGHT_SINGLE_MARKS, _straight_single_direction
            closed_only = True
    found: list[QuoteSpan] = []
    chain: list[tuple[int, int, int]] = []  # (open mark, content start, paragraph end)

    def flush(close: int | None) -> None:
        if not chain:
            return
        if close is None and closed_only:
            chain.clear()
            return
        first_open, first_start, _ = chain[0]
        end = close if close is not None else chain[-1][2]
        total = end - first_start
        if close is not None and len(chain) <= MAX_CHAIN_PARAGRAPHS and total <= MAX_CHAIN_CHARS:
            a, b = _trim(text, first_start, end)
            if _wordy(text, a, b) and not (closed_only and b - a < 2):  # not rock 'n' roll
                found.append(QuoteSpan(a, b, first_open, close, len(chain)))
        else:
            for k, (mark, start, para_end) in enumerate(chain):
                last = k == len(chain) - 1
                stop = close if (last and close is not None) else para_end
                if stop - start <= MAX_UNCLOSED_CHARS or (last and close is not None):
                    a, b = _trim(text, start, stop)
                    if _wordy(text, a, b):
                        found.append(QuoteSpan(a, b, mark, close if last else None))
        chain.clear()

    for p_start, p_end in paragraph_spans(text):
        marks = [
            m.start()
            for m in marks_re.finditer(text, p_start, p_end)
            if direction(text, m.start()) != "-"
        ]
        k = 0
        if chain:
            lead = _trim(text, p_start, p_end)[0]
            if marks and marks[0] == lead and direction(text, lead) != "close":
                chain.append((lead, lead + 1, p_end))
                k = 1
            elif marks and direction(text, marks[0]) == "close":
                # The paragraph lost its opening mark but closes the open quote.
                chain.append((lead - 1, lead, p_end))
            else:
                flush(None)
        kinds = [direction(text, i) for i in marks]
        strong_ahead = [False] * len(marks)  # a real closing mark before the next opening one
        ahead = False
        for n in range(len(marks) - 1, -1, -1):
            strong_ahead[n] = ahead
            ahead = kinds[n] == "close" or (ahead and kinds[n] != "open")
        for n in range(k, len(marks)):
            i, kind = marks[n], kinds[n]
            if kind == "weak":
                if not chain or strong_ahead[n] or closed_only:
                    continue  # with straight marks, "the Smiths' farm" after 'til closes nothing
                kind = "close"
            if not chain:
                if kind != "close":
                    chain.append((i, i + 1, p_end))
                continue
            if kind == "open" and i - chain[-1][1] > 0 and (text[i] in OPENERS or closed_only):
                # A second opening mark: the first one was never closed (with straight
                # marks, an elision such as 'n or 'em opened it, and it is dropped).
                chain[-1] = (chain[-1][0], chain[-1][1], i)
                flush(None)
                chain.append((i, i + 1, p_end))
            else:
                flush(i)
    flush(None)
    return found


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted passage, quotation marks included."""
    return [
        (
            s.open_mark,
            s.close_mark + mark_width(text, s.close_mark) if s.close_mark is not None else s.end,
        )
        for s in find_quote_spans(text)
    ]
