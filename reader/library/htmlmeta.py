"""What an HTML page says about itself: <meta> tags, JSON-LD, <title>, <h1>, <time>, and
the byline and date lines shown under its headline when no tag carries them."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from datetime import date

from reader.library.dates import find_date, parse_date
from reader.library.jsonld import linked_data
from reader.library.meta import described, extract_header, names_only, parse_byline
from reader.library.stamps import parse_date_line
from reader.library.text import collapse_spaces
from reader.text.credits import AUTHOR_LABEL_LOOSE
from reader.text.unsafe import sanitize

_META = re.compile(r"<meta\b[^<>]{0,2000}>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE = re.compile(r"<title\b[^<>]{0,500}>([^<]{0,1000})</title>", re.I)
_H1 = re.compile(r"<h1\b[^<>]{0,500}>((?:[^<]|<(?!/?h1\b)){0,2000}?)</h1>", re.I)
_TIME = re.compile(r"<time\b[^<>]{0,500}\bdatetime\s*=\s*[\"']([^\"']{4,40})[\"']", re.I)
_TAGS = re.compile(r"<[^<>]{0,2000}>")
_CHARSET = re.compile(rb"""<meta[^<>]{0,200}charset\s*=\s*["']?([\w-]{2,30})""", re.I)
_URL_HOST = re.compile(r"^(?:https?:)?//(?:www\d?\.)?([^/\s:?#]+)", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—]\s+|\s+-\s+|\s+::\s+|\s+·\s+")
_LINK = re.compile(r"<link\b[^<>]{0,1000}>", re.I)
_PATH_DATE = re.compile(r"/((?:19|20)\d\d)/([01]\d)/([0-3]\d)(?:/|$)")
_MARKED_AUTHOR = re.compile(
    r"<(?:a|span|div|p|address|strong)\b[^<>]{0,500}?\b(?:class\s*=\s*[\"'][^\"']{0,200}?"
    r"(?<![\w-])author(?![\w-])[^\"']{0,200}[\"']|(?:rel|itemprop)\s*=\s*[\"']author[\"'])"
    r"[^<>]{0,500}>((?:[^<]|</?(?:a|span|strong|b|em|i)\b[^<>]{0,500}>){1,400}?)"
    r"</(?:a|span|div|p|address|strong)>",
    re.I,
)
"""An element the page marks as the author (hCard 'author vcard', rel or itemprop author)."""
_UTC_STAMP = re.compile(r"\d[T ](\d\d):\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|UTC|GMT)?$", re.I)
"""A stamp with a time of day in UTC, or with no zone at all; group 1 is the hour."""

META_WINDOW = 262_144
"""Page metadata sits at the top; tags past this many characters are not looked for."""
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
)
_DATE_KEYS = (
    "article:published_time", "datepublished", "pubdate", "publishdate", "date",
    "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "og:published_time",
    "article:modified_time",
)  # fmt: skip
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher")


@dataclass
class PageMeta:
    """Metadata read straight from the page's markup, without parsing the whole document."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    source: str | None = None
    publishers: tuple[str, ...] = ()
    """The site's own names, squashed (see `is_publisher`)."""


def declared_charset(raw: bytes) -> str | None:
    m = _CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else None


def clean_text(value: str | None) -> str | None:
    if not value:
        return None
    value = collapse_spaces(sanitize(htmllib.unescape(_TAGS.sub(" ", value))).replace("\n", " "))
    return value or None


def _meta_tags(head: str) -> dict[str, str]:
    metas: dict[str, str] = {}
    for tag in _META.finditer(head):
        if "content" not in tag.group(0):
            continue
        attrs = {k.lower(): (a or b or c) for k, a, b, c in _ATTR.findall(tag.group(0))}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in metas:
            metas[key] = attrs["content"]
    return metas


def page_meta(markup: str, byline: bool = True) -> PageMeta:
    """Title, author, date and site name from the page's tags, its JSON-LD, and the lines
    around its visible headline.

    `byline=False` skips the author, which a folder listing does not show.
    """
    whole, markup = markup, markup[:META_WINDOW]
    body_at = markup.find("<body")
    metas = _meta_tags(markup if body_at < 0 else markup[:body_at])
    ld = linked_data(markup)
    meta = PageMeta()
    meta.source = clean_text(
        next((metas[k] for k in _SITE_KEYS if metas.get(k) and not _URL_HOST.match(metas[k])), None)
    )
    if meta.source is None and ld:
        meta.source = clean_text(ld.publisher)
    title = clean_text(next((metas[k] for k in _TITLE_KEYS if metas.get(k)), None))
    title = title or (clean_text(ld.headline) if ld else None)
    if not title and (h1 := _H1.search(markup)):
        title = clean_text(h1.group(1))
        if title and meta.source and same_words(title, meta.source):
            title = None  # the site's logo in an <h1>, not the story's headline
    from_title_tag = not title
    if from_title_tag and (t := _TITLE.search(markup)):
        title = clean_text(t.group(1))
    meta.title = strip_site_suffix(title, meta.source)
    if meta.title and not from_title_tag:
        meta.title = _visible_headline(whole, meta.title) or meta.title
    meta.publishers = _publisher_keys(meta.source, ld.publisher if ld else None, metas)
    if byline:
        meta.byline = next(
            (
                name
                for author in _tagged_authors(markup, metas, ld)
                if (name := clean_author(clean_text(author)))
                and not is_publisher(name, meta.publishers)
            ),
            None,
        )
    stamp = next((metas[k] for k in _DATE_KEYS if metas.get(k) and parse_date(metas[k])), None)
    if stamp is None and ld and ld.published and parse_date(ld.published):
        stamp = ld.published
    if stamp is None and (t := _TIME.search(markup)):
        stamp = t.group(1)
    meta.published = parse_date(stamp) if stamp else None
    utc = stamp and _UTC_STAMP.search(stamp.strip())
    utc_hour = int(utc.group(1)) if utc else None
    title_tag = title if from_title_tag and title else None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title_tag)] if title_tag else []
    stripped = len(parts) > 1 and meta.title != title_tag
    if meta.source is None and stripped and _site_name(parts[-1], [], metas):
        meta.source = parts[-1]  # 'Headline - The Paper'
    if meta.source is None and not from_title_tag and meta.title:
        meta.source = _title_tag_site(markup, meta.title, metas)
    # The visible lines cost a pass over the markup: only when a tag left a gap that they
    # can fill. A folder listing (byline=False) does without the copyright line's source.
    if (
        meta.published is None
        or utc_hour is not None
        or (len(parts) > 1 and not stripped)
        or (byline and (meta.byline is None or meta.source is None))
    ):
        _read_visible(
            (markup, whole),
            meta,
            parts if len(parts) > 1 else [],
            (byline, utc_hour, stripped),
            metas,
        )
    if meta.published is None:
        meta.published = _address_date(markup, metas)
    return meta


def _tagged_authors(markup: str, metas: dict, ld):
    """Author names the markup gives, most trusted first: the article's structured data,
    the author <meta> tags, an element marked as the author under the headline."""
    if ld and ld.authors:
        yield "; ".join(ld.authors)
    yield from (metas[k] for k in _AUTHOR_KEYS if metas.get(k))
    if h1 := _H1.search(markup):
        marked = _MARKED_AUTHOR.search(markup, h1.end(), h1.end() + 4000)
        if marked:
            yield marked.group(1)


_DESKS = frozenset({
    "editorial", "editorialboard", "theeditorialboard", "editors", "theeditors", "staff",
    "newsdesk", "webdesk", "newsroom", "editor",
})  # fmt: skip


def _publisher_keys(source: str | None, publisher: str | None, metas: dict) -> tuple[str, ...]:
    """The site's own names, squashed: its name, its publisher's, its address's."""
    keys = [_words_key(x) for x in (source, publisher) if x and "//" not in x]
    for url in (metas.get("og:url", ""), source or ""):
        if host := _URL_HOST.match(url):
            keys.append(_words_key(host.group(1).rsplit(".", 1)[0]))
    return tuple(k for k in keys if k)


def is_publisher(name: str, publishers: tuple[str, ...]) -> bool:
    """A byline naming the site itself (or its desk) rather than a writer or an agency."""
    key = _words_key(name)
    if key in _DESKS:
        return True
    return any(
        key == k or (len(k) >= 5 and k in key) or (len(key) >= 5 and key in k) for k in publishers
    )


def _visible_headline(markup: str, tagged: str) -> str | None:
    """The headline as the page shows it, when it tells the same story as the tagged
    (social) title: an <h1> sharing at least half its words with that title, and half of
    the title's. The shown one carries no section prefix ("Opinion | ") and is not a
    shortened variant made for sharing."""
    want = set(re.findall(r"\w+", tagged.casefold()))
    for m in _H1.finditer(markup):
        shown = clean_text(m.group(1))
        words = set(re.findall(r"\w+", (shown or "").casefold()))
        if not shown or len(words) < 2:
            continue
        common = len(words & want)
        if 2 * common >= len(words) and 2 * common >= len(want):
            return shown
    return None


def _address_date(markup: str, metas: dict) -> str | None:
    """'/2026/03/04/slug/' in the page's own address: blogs date their permalinks."""
    urls = [metas.get("og:url")]
    for tag in _LINK.finditer(markup, 0, min(len(markup), 65536)):
        if "canonical" in tag.group(0).lower():
            attrs = {k.lower(): (a or b or c) for k, a, b, c in _ATTR.findall(tag.group(0))}
            if attrs.get("rel", "").lower() == "canonical":
                urls.append(attrs.get("href"))
    for url in urls:
        if url and (m := _PATH_DATE.search(url)):
            return parse_date("-".join(m.groups()))
    return None


def _read_visible(
    pages: tuple[str, str],
    meta: PageMeta,
    parts: list[str],
    flags: tuple[bool, bool, bool],
    metas: dict,
) -> None:
    """Fill gaps from the page's visible lines: which part of a '<title>' is the headline,
    the byline and date lines under it, and the copyright holder at the foot.

    `pages` are the page's head window and the whole page (the headline may sit past the
    window). `parts` are the pieces of a '<title>' with separators; `flags` say whether a byline is
    wanted, the hour of the tagged stamp when it was in UTC (or had no zone), and whether
    a site suffix was taken off.
    """
    from reader.library.htmlfallback import plain_units
    from reader.library.plain import copyright_holder

    byline, utc_hour, stripped = flags
    markup, whole = pages
    # Only the lines under the headline, unless a '<title>' part must be found among them
    # or the copyright line at the foot must name the source.
    if not parts and (not byline or meta.source) and (h1 := _headline_h1(whole, meta.title)):
        markup = whole[h1.start() : h1.start() + 8000]
    units, _ = plain_units(markup)
    options = [meta.title, *parts] if meta.title else parts
    at = _headline_at(units, [o for o in options if o])
    site_part = parts[-1] if stripped else None
    if at is not None and parts:
        headline = units[at]
        if any(same_words(headline, p) for p in parts):
            meta.title = next(p for p in parts if same_words(headline, p))
            rest = [p for p in parts if not same_words(p, headline)]
            site_part = rest[-1] if len(rest) == 1 else None
    shown = None
    if at is not None:
        top = extract_header(units[at + 1 : at + 12])
        if byline and (meta.byline is None or _names_more(top.byline, meta.byline)):
            meta.byline = top.byline
        shown = top.published
        if meta.published is None:
            meta.published = shown
    if utc_hour is not None and meta.published:
        near = units[at + 1 : at + 15] if at is not None else units[:30]
        shown = shown or next((found[0] for u in near if (found := find_date(u))), None)
        if shown and _local_day(shown, meta.published, utc_hour):
            meta.published = shown  # the page's own clock, not UTC, decides the day
    if meta.source is None and site_part and _site_name(site_part, units, metas):
        meta.source = site_part
    if meta.source is None:
        meta.source = next((h for u in reversed(units[-40:]) if (h := copyright_holder(u))), None)


def _headline_h1(markup: str, title: str | None) -> re.Match[str] | None:
    """The <h1> that holds the headline (a masthead may come first), else the first one."""
    first = None
    for m in _H1.finditer(markup):
        first = first or m
        if title and same_words(clean_text(m.group(1)) or "", title):
            return m
    return first


def _names_more(shown: str | None, tagged: str) -> bool:
    """The byline under the headline names the tagged author and others besides (the tags
    often carry only the first of several writers)."""
    if not shown:
        return False
    split = re.compile(r"\s*(?:,|\band\b|&)\s*")
    have = {_words_key(n) for n in split.split(tagged) if n.strip()}
    seen = {_words_key(n) for n in split.split(shown) if n.strip()}
    return have < seen


def _title_tag_site(markup: str, headline: str, metas: dict) -> str | None:
    """The site a '<title>' adds after the headline other tags gave ('Headline | The Paper')."""
    t = _TITLE.search(markup)
    tag = clean_text(t.group(1)) if t else None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(tag)] if tag else []
    if len(parts) > 1 and same_words(parts[0], headline) and _site_name(parts[-1], [], metas):
        return parts[-1]
    return None


def _headline_at(units: list[str], options: list[str]) -> int | None:
    """Where the visible headline is: the first unit that is one of the title's forms. Of
    several (a masthead is a part of the <title> too), the one a byline or date line
    follows most closely, else the longest."""
    if not options:
        return None
    wanted = {_words_key(o): rank for rank, o in reversed(list(enumerate(options)))}
    longest = max(len(o) for o in options) * 2 + 20
    hits: dict[int, int] = {}
    for i, unit in enumerate(units[:400]):
        if len(unit) <= longest and (rank := wanted.get(_words_key(unit))) is not None:
            hits.setdefault(rank, i)
    if not hits:
        return None

    def score(i: int) -> tuple[int, int]:
        for j in range(i + 1, min(i + 6, len(units))):
            if parse_byline(units[j])[0] or parse_date_line(units[j])[0]:
                return -(j - i), len(units[i].split())
        return -99, len(units[i].split())

    return max(hits.values(), key=score)


def _local_day(shown: str, stamped: str, hour: int) -> bool:
    """The day the page shows is the stamp's day in the writer's zone: the day before for
    an early UTC hour (the Americas), the day after for a late one (Asia, Oceania)."""
    days = (date.fromisoformat(shown) - date.fromisoformat(stamped)).days
    return (days == -1 and hour < 12) or (days == 1 and hour >= 12)


def _site_name(part: str, units: list[str], metas: dict) -> bool:
    """A '<title>' part names the site when it reads like a masthead and, if it is a single
    word, the page's address or copyright line says so too."""
    words = part.split()
    if not 1 <= len(words) <= 6 or part[-1:] in ".?!":
        return False
    if any(w[:1].islower() and w not in ("of", "and", "the", "&", "for", "on") for w in words):
        return False
    if len(words) > 1:
        return True
    key = part.casefold()
    host = _URL_HOST.match(metas.get("og:url", ""))
    return (host is not None and key in host.group(1).casefold()) or any(
        key in u.casefold() for u in units[-40:] if "©" in u or "opyright" in u
    )


def strip_site_suffix(title: str | None, site: str | None) -> str | None:
    """'Headline | The Paper' -> 'Headline'."""
    if not title:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        tail = parts[-1]
        if (site and tail.casefold() == site.casefold()) or len(tail.split()) <= 4:
            return title[: len(title) - len(tail)].rstrip(" |–—-:·")
    return title


def clean_author(author: str | None) -> str | None:
    """Trafilatura or <meta> author text to the names only ('A; B' -> 'A and B')."""
    if not author or described(author):
        return None
    parts = [AUTHOR_LABEL_LOOSE.sub("", p.strip(" |·•-–—")) for p in re.split(r"\s*;\s*", author)]
    names: list[str] = []
    for part in filter(None, parts):
        name = parse_byline(part)[0] if re.match(r"(?i)by\b", part) else names_only(part)
        if name and name not in names:
            names.append(name)
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def same_words(a: str, b: str) -> bool:
    return _words_key(a) == _words_key(b)


def _words_key(s: str) -> str:
    return _NON_WORD.sub("", s).casefold()


_NON_WORD = re.compile(r"[\W_]+")
