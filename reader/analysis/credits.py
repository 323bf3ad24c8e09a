"""Credit lines (bylines, photo credits, "contributed to this report") whose names are no actors."""

from __future__ import annotations

import re

_CREDIT_PARAGRAPH = re.compile(
    r"^[(\[]?\s*(?:by\s+[A-Z]|(?:additional\s+)?reporting\s+by\b|editing\s+by\b|writing\s+by\b"
    r"|compiled\s+by\b|photos?\s+by\b)"
    r"|contributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)"
    r"|\b(?:is|are)\s+(?:a|an|the)\s+[\w\s-]{0,40}(?:reporter|correspondent|editor|writer)\b"
    r"|\bcovers\s+[\w\s,-]{0,60}\bfor\s+(?:the\s+)?[A-Z]"
    r"|\b(?:reach|contact|email)\s+(?:him|her|them)\s+at\b",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"(?:\((?:photo|photograph|image|picture|credit)[^)\n]{0,80}\)"
    r"|\b(?:AP|AFP|Reuters|Getty)\s+(?:Photo|Images)\s*/\s*[^\n,;)]{0,60}"
    r"|\b(?:photo|photograph|image|credit)\s*(?::|by)\s*[^\n.;)]{0,60})",
    re.IGNORECASE,
)
_MAX_CREDIT_PARAGRAPH = 320


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Sorted (start, end) spans of credit lines and photo credits in `text`."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for block in text.split("\n\n"):
        stripped = block.strip()
        if (
            stripped
            and len(stripped) <= _MAX_CREDIT_PARAGRAPH
            and _CREDIT_PARAGRAPH.search(stripped)
        ):
            spans.append((pos, pos + len(block)))
        else:
            spans.extend((pos + m.start(), pos + m.end()) for m in _PHOTO_CREDIT.finditer(block))
        pos += len(block) + 2
    return spans
