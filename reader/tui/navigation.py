"""Stepping rules for quotes, summary sentences, search matches and unread articles."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.models import Analysis
from reader.text.statements import group_statements


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


def statements(analysis: Analysis, order: Sequence[int], text: str) -> list[list[int]]:
    """The quotes `order` (in text order) grouped into statements (see `group_statements`)."""
    return group_statements(analysis.quotes, order, text)


def summary_order(analysis: Analysis) -> list[int]:
    """Indexes of the summary sentences in article order."""
    return sorted(range(len(analysis.summary)), key=lambda i: analysis.summary[i].start)
