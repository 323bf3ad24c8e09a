"""Word-wrap an article into screen lines that remember their offsets in the text."""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len, get_character_cell_size

LineKind = Literal["title", "meta", "notice", "body", "blank"]
_WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """One screen line: `text[start:end]` of the article body, or of a header string."""

    kind: LineKind
    start: int
    end: int
    paragraph: int = -1
    """Index into `Article.paragraphs` for body lines; -1 for header lines."""
    source: int = 0
    """For header lines: which header string (title 0, meta 1, notices 2+)."""
    block: str = ""
    """For body lines: the paragraph's kind ("heading", "list", "table" or "" for prose)."""
    prefix: str = ""
    """Drawn before the text and not part of it: a list item's bullet, or its indent."""


def _fold(text: str, start: int, end: int, width: int) -> list[int]:
    """Break points that cut one over-long word into pieces of at most `width` cells."""
    cuts: list[int] = []
    col = 0
    for pos in range(start, end):
        size = get_character_cell_size(text[pos])
        if col + size > width and col:
            cuts.append(pos)
            col = 0
        col += size
    return cuts


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Line ranges covering `text[start:end]`, broken at spaces, at most `width` cells each.

    Hard newlines inside the range always break. Ranges keep trailing spaces so that
    consecutive ranges tile the input exactly and offsets map back to the text.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    segment_start = start
    while True:
        newline = text.find("\n", segment_start, end)
        segment_end = end if newline < 0 else newline
        lines.extend(_wrap_segment(text, segment_start, segment_end, width))
        if newline < 0:
            return lines
        segment_start = newline + 1


_NOT_NARROW = re.compile(r"[^\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]")
"""A character outside the ranges where every character is printable, one cell wide and
not a space (but " "): Latin letters, their accents as letters, and punctuation such as
curly quotes and dashes. Text without one wraps as plain ASCII does."""


def _wrap_segment(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    if start >= end:
        return [(start, end)]
    if _NOT_NARROW.search(text, start, end) is None:
        return _wrap_plain(text, start, end, width)
    return _wrap_cells(text, start, end, width)


def _wrap_plain(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """`_wrap_cells` for text where a character is a cell and " " the only space: breaks
    are found by position (a few string searches per line instead of a step per word)."""
    lines: list[tuple[int, int]] = []
    line_start = start
    while end - line_start > width:
        limit = line_start + width
        if text[limit] == " ":  # every word up to `limit` fits; the next starts after spaces
            following = end - len(text[limit:end].lstrip(" "))
            if following >= end:
                break
            lines.append((line_start, following))
            line_start = following
            continue
        word = text.rfind(" ", line_start, limit) + 1
        if word > line_start:  # the word across `limit` starts the next line
            lines.append((line_start, word))
            line_start = word
        else:  # one word longer than the line: cut it at the width
            lines.append((line_start, limit))
            line_start = limit
    lines.append((line_start, end))
    return lines


def _wrap_cells(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    line_start = start
    col = 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        word = match.group()
        visible = cell_len(word.rstrip())
        if col and col + visible > width:
            lines.append((line_start, word_start))
            line_start, col = word_start, 0
        if visible > width:
            cuts = _fold(text, word_start, word_start + len(word.rstrip()), width)
            for cut in cuts:
                lines.append((line_start, cut))
                line_start = cut
            col = cell_len(text[line_start:word_end])
            continue
        col += cell_len(word)
    lines.append((line_start, end))
    return lines


BULLET = "\u2022 "
_NUMBERED = re.compile(r"\d{1,9}[.)]\s")


def _list_lines(body: str, a: int, b: int, width: int, number: int) -> list[LayoutLine]:
    """A list, one item a line: a bullet before each item (a numbered one keeps its
    number instead) and the item's further lines indented under its first word."""
    indent = " " * len(BULLET)
    lines: list[LayoutLine] = []
    for start, end in wrap(body, a, b, max(1, width - len(indent))):
        first = start == a or body[start - 1] == "\n"
        numbered = _NUMBERED.match(body, start, end) is not None
        prefix = indent if not first or numbered else BULLET
        lines.append(LayoutLine("body", start, end, number, block="list", prefix=prefix))
    return lines


class ArticleLayout:
    """Screen lines for a title, a meta line, notices and the body's paragraphs at one width.

    The lines can be made a part at a time (`rows` first, then `extend`), so a huge article
    shows its start at once: lines already made never change as more are added.
    """

    def __init__(
        self,
        body: str,
        paragraphs: list[tuple[int, int]],
        headers: list[tuple[LineKind, str]],
        width: int,
        kinds: tuple[str, ...] = (),
        rows: int | None = None,
    ) -> None:
        """Lay out the headers and the paragraphs up to `rows` lines (None: all of them)."""
        self.body = body
        self.headers = headers
        self.width = width
        self.lines: list[LayoutLine] = []
        self.paragraph_lines: list[int] = []
        """First screen line of each paragraph laid out so far."""
        self._paragraphs = paragraphs
        self._kinds = kinds
        self._body_starts: list[int] = []
        self._body_rows: list[int] = []
        for index, (kind, string) in enumerate(headers):
            for a, b in wrap(string, 0, len(string), width):
                self.lines.append(LayoutLine(kind, a, b, -1, index))
        if headers:
            self.lines.append(LayoutLine("blank", 0, 0))
        if rows is None:
            self.extend(lambda: False)
        else:
            self.extend(lambda: len(self.lines) >= rows)

    @property
    def complete(self) -> bool:
        """Whether every paragraph is laid out."""
        return len(self.paragraph_lines) >= len(self._paragraphs)

    @property
    def laid_out(self) -> int:
        """The body offset up to which lines are made (the whole body once complete)."""
        if self.complete:
            return len(self.body)
        return self._paragraphs[len(self.paragraph_lines)][0]

    def extend(self, enough: Callable[[], bool]) -> None:
        """Lay out further paragraphs, one at a time, until `enough()` or the last one."""
        while not self.complete and not enough():
            self._add_paragraph(len(self.paragraph_lines))

    def extend_for(self, seconds: float) -> None:
        """Lay out further paragraphs for about `seconds` (at least one)."""
        end = time.perf_counter() + seconds
        made = len(self.lines)
        self.extend(lambda: len(self.lines) > made and time.perf_counter() >= end)

    def _add_paragraph(self, number: int) -> None:
        a, b = self._paragraphs[number]
        first = len(self.lines)
        if number:
            self.lines.append(LayoutLine("blank", b, b, number))
        self.paragraph_lines.append(len(self.lines))
        block = self._kinds[number] if number < len(self._kinds) else ""
        if block == "list":
            self.lines.extend(_list_lines(self.body, a, b, self.width, number))
        else:
            for start, end in wrap(self.body, a, b, self.width):
                self.lines.append(LayoutLine("body", start, end, number, block=block))
        for row in range(first, len(self.lines)):
            if self.lines[row].kind == "body":
                self._body_starts.append(self.lines[row].start)
                self._body_rows.append(row)

    def estimated_rows(self) -> int:
        """The number of lines once complete: exact when it is, else extrapolated."""
        if self.complete:
            return len(self.lines)
        if not self.paragraph_lines:
            return len(self.lines) + len(self.body) // max(1, self.width)
        done = max(1, self.laid_out - self._paragraphs[0][0])
        rest = len(self.body) - self.laid_out
        return len(self.lines) + round(rest * len(self.lines) / done)

    def __len__(self) -> int:
        return len(self.lines)

    def text_of(self, line: LayoutLine) -> str:
        """The characters a line shows (trailing spaces kept; the renderer trims them)."""
        if line.kind == "body":
            return self.body[line.start : line.end]
        if line.kind == "blank":
            return ""
        return self.headers[line.source][1][line.start : line.end]

    def row_of_offset(self, offset: int) -> int:
        """The screen line showing body character `offset` (the nearest one before it)."""
        if not self._body_starts:
            return 0
        index = max(0, bisect_right(self._body_starts, offset) - 1)
        return self._body_rows[index]

    def _paragraph_height(self, paragraph: int) -> int:
        first = self.paragraph_lines[paragraph]
        if paragraph + 1 < len(self.paragraph_lines):
            return max(1, self.paragraph_lines[paragraph + 1] - 1 - first)
        return max(1, len(self.lines) - first)

    def position_at(self, row: int) -> tuple[int, float]:
        """(paragraph, fraction through it) for the screen line `row` at the top of the view."""
        if not self.paragraph_lines or row < self.paragraph_lines[0]:
            return 0, 0.0
        paragraph = max(0, bisect_right(self.paragraph_lines, row) - 1)
        fraction = (row - self.paragraph_lines[paragraph]) / self._paragraph_height(paragraph)
        return paragraph, min(1.0, fraction)

    def row_of_position(self, paragraph: int, fraction: float) -> int:
        """Inverse of `position_at`: where to scroll so that a saved position is on top."""
        if not self.paragraph_lines:
            return 0
        paragraph = min(max(0, paragraph), len(self.paragraph_lines) - 1)
        height = self._paragraph_height(paragraph)
        return self.paragraph_lines[paragraph] + round(max(0.0, min(1.0, fraction)) * height)
