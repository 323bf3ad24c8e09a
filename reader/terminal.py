"""One line for a terminal: control, bidi-override and undecodable characters shown as escapes."""

from __future__ import annotations

import re

_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(message: str) -> str:
    """`message` safe to print as one line: a file name like "a\\x1b]0;x\\x07.txt" cannot
    move the cursor, set the title or split the line, and still shows which file it is."""
    return _HIDDEN.sub(_escape, message)
