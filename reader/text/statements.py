"""Statements: the parts of one quotation the text splits, taken back together.

A quote split by its attribution ("First," she said, "second.") and a quote running over
several paragraphs (each reopened with a mark) are each one statement of one speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.text.quotes import CLOSING_MARKS, OPENING_MARKS

OPENING = OPENING_MARKS | {"'"}
CLOSING = CLOSING_MARKS

_ATTRIBUTION_GAP = 120
"""At most this many characters of attribution stand between two halves of one statement."""


def group_statements(quotes: Sequence[Any], order: Sequence[int], text: str) -> list[list[int]]:
    """The quotes `order` (indexes into `quotes`, in text order; each with start, end,
    speaker and fragment) grouped into statements of one speaker."""
    groups: list[list[int]] = []
    for i in order:
        quote = quotes[i]
        if groups:
            last = quotes[groups[-1][-1]]
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
