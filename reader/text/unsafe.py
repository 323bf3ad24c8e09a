"""Characters that must never reach a terminal: escape sequences, controls, bidi overrides."""

from __future__ import annotations

import re

# ESC [ ... final (CSI), ESC ] ... BEL|ST (OSC), ESC P/X/^/_ ... ST (DCS, SOS, PM, APC),
# two-byte escapes, and the single-character C1 forms of CSI and OSC. Every branch is
# built from negated classes, so a match attempt stops at the next ESC: linear time.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
)


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
        table[code] = None
    table[ord("\n")] = "\n"
    table[ord("\t")] = " "
    for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        table[code] = None  # bidi embeddings, overrides and isolates
    table[0xFEFF] = None  # stray byte-order marks
    table[0x00AD] = None  # soft hyphen: invisible in a browser, noise in a terminal
    table[0x200B] = None  # zero-width space
    table[0x2060] = None  # word joiner
    table[0x00A0] = " "
    for code in range(0xD800, 0xE000):
        table[code] = "\ufffd"  # lone surrogates (undecodable file names) cannot be printed
    table[0x2028] = "\n"
    table[0x2029] = "\n\n"
    return table


_TABLE = _build_table()

_UNSAFE = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in _TABLE if chr(c) != "\n" and not 0xD800 <= c < 0xE000)
    + "\ud800-\udfff]"
)


def sanitize(s: str) -> str:
    """Make text safe and tidy for a terminal.

    Normalises line ends, removes terminal escape sequences, C0/C1 control characters
    (tabs become spaces) and bidi override characters. Quote characters are untouched.
    """
    if not _UNSAFE.search(s):
        return s  # the common case, found at C speed
    s = s.replace("\r\n", "\n")
    if "\x1b" in s or "\x9b" in s or "\x9d" in s:
        s = _ESCAPES.sub("", s)
    return s.replace("\r", "\n").translate(_TABLE)


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


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """`text` without control characters (tab and newline kept) or bidi overrides, and with
    lone surrogates (from undecodable file names) shown as the replacement character."""
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", text))
