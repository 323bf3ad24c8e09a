"""Map character offsets in the reader's cleaned `text` back to offsets in the source file.

The reader drops the title, byline and debris and may tidy whitespace, so its offsets do
not count from the start of the file as the gold annotations do. Paragraphs are found in
the file in order; any paragraph the cleanup changed is aligned character by character.
"""

from __future__ import annotations

import bisect
import difflib


class Alignment:
    """Matching blocks (text offset, file offset, length) between the two strings."""

    def __init__(self, text: str, raw: str) -> None:
        blocks: list[tuple[int, int, int]] = []
        cursor = 0
        pos = 0
        pending: list[tuple[int, str]] = []  # paragraphs not found verbatim
        for para in text.split("\n\n"):
            start = pos
            pos += len(para) + 2
            if not para.strip():
                continue
            found = raw.find(para, cursor)
            if found < 0:
                pending.append((start, para))
                continue
            for p_start, p_text in pending:
                blocks.extend(_fuzzy(p_start, p_text, raw, cursor, found))
            pending.clear()
            blocks.append((start, found, len(para)))
            cursor = found + len(para)
        for p_start, p_text in pending:
            blocks.extend(_fuzzy(p_start, p_text, raw, cursor, len(raw)))
        blocks.sort()
        self.blocks = blocks
        self.starts = [b[0] for b in blocks]

    def to_raw(self, offset: int) -> int:
        """The file offset of text offset `offset` (nearest mapped character if unmapped)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return self.blocks[0][1] if self.blocks else offset
        t, r, n = self.blocks[i]
        return r + min(offset - t, n)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_raw(start), self.to_raw(end - 1) + 1 if end > start else self.to_raw(end)


def _fuzzy(t_start: int, para: str, raw: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    region = raw[lo:hi]
    if not region:
        return []
    matcher = difflib.SequenceMatcher(None, para, region, autojunk=False)
    return [(t_start + a, lo + b, n) for a, b, n in matcher.get_matching_blocks() if n]
