"""Decoding a file's raw bytes: binaries refused, BOMs and legacy encodings handled."""

from __future__ import annotations

import codecs
import re

MAX_BYTES = 5 * 1024 * 1024
"""Read at most this much of a file; the rest is left out with a notice."""

# Formats whose bytes give them away; a text reader should refuse them, not show garbage.
_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"MZ",
    b"OggS",
    b"ID3",
    b"fLaC",
    b"RIFF",
    b"SQLite format 3",
)


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text in any encoding we read."""
    head = raw[:8192]
    if head.startswith(_MAGIC):
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return _utf16_without_bom(head) is None
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(head) // 20)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in ASCII-range UTF-16."""
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = max(1, len(head) // 2)
    name = None
    if odd > 0.4 * half and even < 0.02 * half:
        name = "utf-16-le"
    elif even > 0.4 * half and odd < 0.02 * half:
        name = "utf-16-be"
    if name is None:
        return None
    sample = head[: len(head) - len(head) % 2].decode(name, errors="replace")
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return name if printable >= 0.95 * len(sample) else None


def decode(raw: bytes, truncated: bool = False) -> tuple[str, str]:
    """Decode file bytes; return (text, encoding name).

    A BOM decides first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then cp1252 with
    latin-1 for the five bytes cp1252 leaves undefined. When the bytes were cut at a
    size cap, a partial character at the end is dropped rather than spoiling the guess.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return _utf8(raw[3:], truncated, errors="replace"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            body = raw[2:]
            if len(body) % 2:
                body = body[:-1]
            return body.decode(name, errors="replace"), name
    if b"\x00" in raw[:8192]:
        name = _utf16_without_bom(raw[:8192])
        if name:
            body = raw[: len(raw) - len(raw) % 2]
            return body.decode(name, errors="replace"), name
    try:
        return _utf8(raw, truncated, errors="strict"), "utf-8"
    except UnicodeDecodeError:
        pass
    return raw.decode("cp1252", errors="latin1_fallback"), "cp1252"


def _utf8(raw: bytes, truncated: bool, errors: str) -> str:
    try:
        return raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        # A cut in the middle of a multi-byte character at the size cap is not an error.
        if truncated and exc.start >= len(raw) - 3 and exc.reason == "unexpected end of data":
            return raw[: exc.start].decode("utf-8", errors=errors)
        if errors == "strict":
            raise
        return raw.decode("utf-8", errors=errors)


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    return chunk.decode("latin-1"), exc.end


codecs.register_error("latin1_fallback", _latin1_fallback)


def collapse_spaces(s: str) -> str:
    """Runs of spaces to one space, trimmed (does not touch newlines)."""
    return _SPACES.sub(" ", s).strip(" ")


_SPACES = re.compile(r" {2,}")
