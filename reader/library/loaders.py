"""Load one article file (.txt, .md, .html) into an Article, or say in one line why not."""

from __future__ import annotations

import contextlib
import errno
import re
from pathlib import Path

from reader.files import NotRegularFile, read_limited
from reader.library.models import Article, ArticleLoadError, content_id, paragraph_kinds
from reader.library.text import MAX_BYTES, decode, looks_binary
from reader.text.unsafe import sanitize

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}
"""Extensions the folder scan lists, and the loader each one gets."""

NOT_ARTICLES = frozenset({
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".mobi", ".xls", ".xlsx", ".ods", ".ppt",
    ".pptx", ".csv", ".tsv", ".json", ".xml", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".py",
    ".js", ".ts", ".css", ".sh", ".c", ".h", ".cpp", ".rs", ".go", ".java", ".rb", ".php",
    ".sql", ".db", ".sqlite", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".ico",
    ".tif", ".tiff", ".heic", ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".flac", ".mov", ".avi",
    ".mkv", ".webm", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".exe",
    ".dll", ".so", ".dylib", ".bin", ".iso", ".dmg", ".apk", ".jar", ".class", ".pyc", ".o",
    ".a", ".woff", ".woff2", ".ttf", ".otf",
})  # fmt: skip
"""Extensions that are never articles: refused without sniffing."""

_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]", re.I)
_MD_SNIFF = re.compile(
    r"\A---\s*\n|^#{1,6}\s+\S|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]+\)|^\s*[-*+]\s+\S", re.M
)


def format_for(path: Path) -> str | None:
    """The loader an extension asks for: 'txt', 'md', 'html', or None if unknown."""
    return FORMATS.get(path.suffix.lower())


def sniff_format(head: str) -> str:
    """Guess the format of text whose extension says nothing."""
    sample = head[:4096]
    if _HTML_SNIFF.search(sample) or len(re.findall(r"</?(?:p|div|span|a)\b", sample)) >= 5:
        return "html"
    if _MD_SNIFF.search(sample):
        return "md"
    return "txt"


def os_reason(exc: OSError, path: Path | None = None) -> str:
    """One-line reason for an OSError; with `path`, a dangling link is named as such."""
    if isinstance(exc, FileNotFoundError):
        if path is None:
            return "no such file or directory"
        return "broken symbolic link" if path.is_symlink() else "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not an article file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read ({(exc.strerror or str(exc)).lower()})"


def read_bytes(path: Path, limit: int = MAX_BYTES) -> tuple[bytes, bool]:
    """Up to `limit` bytes of the file and whether there was more; ArticleLoadError if unreadable."""
    try:
        # Never blocks: a FIFO or a device (even one swapped in after the listing) is refused.
        return read_limited(path, limit)
    except NotRegularFile:
        raise ArticleLoadError(path, "not a regular file") from None
    except OSError as exc:
        raise ArticleLoadError(path, os_reason(exc, path)) from None


def decode_article_bytes(
    path: Path, raw: bytes, truncated: bool, fmt: str | None, clean: bool = True
) -> str:
    """Bytes to sanitised text, refusing binaries; HTML honours a declared charset.

    `clean=False` skips `sanitize` for callers that sanitise only the part they use.
    """
    if not raw.strip():
        raise ArticleLoadError(path, "empty file")
    if looks_binary(raw):
        raise ArticleLoadError(path, "binary file, not text")
    text, encoding = decode(raw, truncated)
    if encoding == "cp1252" and fmt in (None, "html"):
        from reader.library.htmlmeta import declared_charset

        declared = declared_charset(raw)
        if declared and declared not in ("utf-8", "utf8"):
            with contextlib.suppress(LookupError):
                text = raw.decode(declared, errors="replace")
    if clean:
        text = sanitize(text)
    if not text.strip():
        raise ArticleLoadError(path, "empty file")
    return text


def load_article(path: Path) -> Article:
    """Read, decode, parse and clean one article file.

    Raises ArticleLoadError with a one-line reason ("not a supported article format",
    "empty file", "binary file, not text", "permission denied", "no article text found").
    """
    path = Path(path)
    suffix = path.suffix.lower()
    fmt = format_for(path)
    if fmt is None and suffix in NOT_ARTICLES:
        raise ArticleLoadError(path, f"not a supported article format ({suffix})")
    raw, truncated = read_bytes(path)
    text = decode_article_bytes(path, raw, truncated, fmt)
    if fmt is None:
        fmt = sniff_format(text)
    header, body = parse_text(text, fmt)
    if not body:
        raise ArticleLoadError(path, "no article text found")
    from reader.library.plain import fallback_title

    notices: tuple[str, ...] = ()
    if truncated:
        notices = (f"too large, showing the first {MAX_BYTES // 1024:,} KB",)
    # Entities and Markdown escapes can smuggle control characters past the first pass.
    clean = re.sub(r"\n{3,}", "\n\n", sanitize("\n\n".join(body))).strip("\n")
    kinds = paragraph_kinds(body, clean)
    return Article(
        id=content_id(clean),
        path=path,
        format=fmt,
        title=_one_line(header.title) or fallback_title(path),
        byline=_one_line(header.byline),
        published=header.published,
        source=_one_line(header.source),
        text=clean,
        notices=notices,
        kinds=kinds,
    )


def parse_text(text: str, fmt: str):
    """(Header, body paragraphs) for sanitised text in the given format."""
    if fmt == "html":
        from reader.library.htmlpage import parse_html

        return parse_html(text)
    from reader.library.plain import parse_markdown, parse_plain

    return parse_markdown(text) if fmt == "md" else parse_plain(text)


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(sanitize(value).split()) or None
