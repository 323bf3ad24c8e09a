"""Plain-string formatting shared by widgets: dates, meta lines, trimmed quotes."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len, set_cell_size

from reader.library.models import Article, ArticleRef

# C0, DEL and C1 controls, bidi embeddings/overrides/isolates (they reorder the rest of the
# line on screen) and lone surrogates (from file names that are not UTF-8: unencodable).
_CONTROLS = {
    c: "\ufffd"
    for c in [*range(0, 32), *range(127, 160), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    + [*range(0xD800, 0xE000)]
}
_CONTROLS[ord("\t")] = " "
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def clean(text: str) -> str:
    """Control, bidi-override and undecodable characters made visible as one replacement
    character each (same length)."""
    return text.translate(_CONTROLS)


def format_date(iso: str | None) -> str | None:
    """ "2026-03-03" -> "3 Mar 2026"; anything else is shown as it is."""
    if not iso:
        return None
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def ref_meta(ref: ArticleRef) -> str:
    """The list's second line: date · source, else the file name."""
    parts = [p for p in (format_date(ref.published), ref.source) if p]
    return " · ".join(parts) if parts else ref.path.name


def article_meta(article: Article) -> str:
    """The line under the title: By byline · date · source."""
    parts = []
    if article.byline:
        byline = article.byline
        parts.append(byline if byline.lower().startswith("by ") else f"By {byline}")
    parts.extend(p for p in (format_date(article.published), article.source) if p)
    return " · ".join(parts) if parts else article.path.name


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when something was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"


def one_line(text: str) -> str:
    """Collapse all whitespace (newlines included) to single spaces; controls made visible."""
    return clean(" ".join(text.split()))


def trim_words(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary, with an ellipsis when cut."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
