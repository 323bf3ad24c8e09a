"""Stepping rules for quotes, summary sentences, search matches and unread articles."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.models import Analysis
from reader.text.quotes import CLOSING_MARKS, OPENING_MARKS

OPENING = OPENING_MARKS | {"'"}
CLOSING = CLOSING_MARKS


@dataclass(frozen=True, slots=True)
class Step:
    """Where a step lands, and whether it wrapped round an end to get there."""

    index: int
    wrapped: bool = False


def step(starts: Sequence[int], current: int | None, forward: bool, anchor: int = 0) -> Step | None:
    """The next (or previous) item of `starts`, which are text offsets in order.

    With no current item the step starts from `anchor` (the text at the top of the
    view), so the first `]` goes to the first quote the reader has not yet passed.
    """
    count = len(starts)
    if not count:
        return None
    if current is None or not 0 <= current < count:
        if forward:
            index = bisect_left(starts, anchor)
            return Step(index) if index < count else Step(0, wrapped=True)
        index = bisect_right(starts, anchor) - 1
        return Step(index) if index >= 0 else Step(count - 1, wrapped=True)
    index = current + (1 if forward else -1)
    if index >= count:
        return Step(0, wrapped=True)
    if index < 0:
        return Step(count - 1, wrapped=True)
    return Step(index)


def next_unread(
    keys: Sequence[str], read: set[str], current: str | None, forward: bool
) -> Step | None:
    """The next key (in list order, wrapping) that is not in `read`, skipping `current`."""
    count = len(keys)
    if not count:
        return None
    try:
        origin = keys.index(current) if current is not None else -1
    except ValueError:
        origin = -1
    if origin < 0 and not forward:
        origin = count
    direction = 1 if forward else -1
    for distance in range(1, count + 1):
        raw = origin + direction * distance
        index = raw % count
        if keys[index] not in read and keys[index] != current:
            return Step(index, wrapped=not 0 <= raw < count)
    return None


def visible_quotes(analysis: Analysis, show_fragments: bool, text: str | None = None) -> list[int]:
    """Indexes of the statements the Quotes tab shows and `]` steps through, in text order:
    each the first part of its statement (see `statements`; every quote without `text`)."""
    order = sorted(range(len(analysis.quotes)), key=lambda i: analysis.quotes[i].start)
    shown = [i for i in order if show_fragments or not analysis.quotes[i].fragment]
    if text is None:
        return shown
    return [group[0] for group in statements(analysis, shown, text)]


_ATTRIBUTION_GAP = 120
"""At most this many characters of attribution stand between two halves of one statement."""


def statements(analysis: Analysis, order: Sequence[int], text: str) -> list[list[int]]:
    """The quotes `order` (in text order) grouped into statements: a quote split by its
    attribution ("First," she said, "second.") and a quote over several paragraphs are
    each one statement of one speaker."""
    groups: list[list[int]] = []
    for i in order:
        quote = analysis.quotes[i]
        if groups:
            last = analysis.quotes[groups[-1][-1]]
            between = text[last.end : quote.start]
            same = last.speaker == quote.speaker and last.fragment == quote.fragment
            if same and (_continues(between) or _interrupted(between)):
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def _continues(between: str) -> bool:
    """Only a paragraph break and the reopening mark: the next paragraph of one quote."""
    stripped = between.strip(" \t,")
    return (
        stripped.startswith("\n")
        and not any(ch in stripped for ch in CLOSING)
        and all(ch.isspace() or ch in OPENING for ch in stripped)
    )


def _interrupted(between: str) -> bool:
    """ ",” she said, “": an attribution between the halves, in the same paragraph."""
    if "\n" in between or len(between) > _ATTRIBUTION_GAP:
        return False
    inner = between.strip()
    body = inner[1:-1].strip()
    return (
        inner[:1] in CLOSING | {","}
        and inner[-1:] in OPENING
        and any(c.isalpha() for c in body)
        # "she said, “" and "she said. “" go on; "she said. Later, “" starts anew
        and not any(f"{end} " in body for end in ".!?;")
    )


def summary_order(analysis: Analysis) -> list[int]:
    """Indexes of the summary sentences in article order."""
    return sorted(range(len(analysis.summary)), key=lambda i: analysis.summary[i].start)
