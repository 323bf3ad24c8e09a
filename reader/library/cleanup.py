"""Strip the page debris scraped articles carry, by rules about shape, vocabulary and position.

The unit of work is a paragraph (a "unit"); a unit may hold several lines (a list).
Rules, strongest first:

1. Site chrome that is never prose, wherever it stands: "Skip to content", consent
   boilerplate ("By submitting this form ..."), cookie notices in the site's voice,
   "Advertisement", copyright lines, photo credits and captions ending in a credit,
   "Updated: ..." stamps, rows of share buttons, breadcrumb and menu rows.
2. Short lines that open with a call to action ("Sign up ...", "Share this ...",
   "Follow us ...", "Read more ..."), unless they are quoted speech.
3. A "Related" / "More from" / "Most read" header takes with it the run of short,
   headline-like lines after it, up to the next real paragraph.
4. At the edges of the text (before the first and after the last real paragraph),
   short lines without sentence punctuation are dropped when they sit next to
   other debris or carry site vocabulary.

Prose is protected: a line with a quotation mark, or one that reads as a sentence,
is removed only by the strong rules in (1).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.library import vocab
from reader.library.dates import TIME_RE, find_date
from reader.text.credits import contributor_line, credit_tail
from reader.text.quotes import has_quote_mark

_DOUBLE_QUOTES = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')
"""Speech marks; an apostrophe ("the site's") is not one."""
_END_PUNCT = '.!?"\u201d\u2019)\u00bb:;'


def word_count(line: str) -> int:
    """Whitespace-separated tokens: a cheap word count, good enough for length rules."""
    return len(line.split())


def has_quote(line: str) -> bool:
    return has_quote_mark(line)


def is_sentence(line: str) -> bool:
    """Reads as prose: enough words and ends like a sentence."""
    stripped = line.rstrip()
    return word_count(stripped) >= 4 and stripped[-1:] in _END_PUNCT


def is_prose(line: str) -> bool:
    """A real paragraph of the article: long, or a sentence with some substance."""
    n = word_count(line)
    if n >= 25:
        return not is_debris(line)
    return n >= 8 and is_sentence(line) and not is_debris(line)


def is_nav_row(line: str) -> bool:
    """A menu or breadcrumb row: several short items between separators."""
    parts = [p for p in vocab.SEPARATORS.split(line.strip()) if p.strip()]
    return len(parts) >= 3 and all(word_count(p) <= 4 for p in parts) and not is_sentence(line)


@lru_cache(maxsize=8192)
def is_debris(line: str, table_row: bool = False) -> bool:
    """True when a single line is page furniture rather than article text (no context).

    A table row (`table_row`) is never taken for a menu row.
    """
    s = line.strip()
    if not s or is_divider(s):
        return True
    if len(s) > 600:
        return False
    n = word_count(s)
    if n > 60:
        return False
    low = _lower_plain(s)
    if n <= 40 and (vocab.STRONG.match(low) or any(m in low for m in vocab.STRONG_ANYWHERE)):
        return True
    if n <= 14 and vocab.STAMP.match(low) and (find_date(low) or TIME_RE.search(low)):
        return True
    if n <= 12 and vocab.SOCIAL.match(low):
        return True
    if n <= 40 and credit_tail(s, low) and not has_quote(s):
        return True
    if (low.startswith(vocab.CONTRIBUTION_HINTS) or "contributed" in low) and contributor_line(s):
        return True
    if n <= 20 and not table_row and (vocab.NAV_MARKS.search(s) or "   " in s) and is_nav_row(s):
        return True
    if n <= 20 and vocab.OWNER_NOTICE.match(s):
        return True
    if n <= 25 and vocab.LEAD_IN.match(low.strip("[]() ")):
        return True
    if len(vocab.TEASER_TAGS.findall(s)) >= 2:
        return True
    if has_quote(s):
        return False
    if n <= 45 and vocab.SITE_VOICE.search(low) and vocab.SITE_VOCAB.search(low):
        return True
    if _site_label(s, low):
        return True
    if n <= 14:
        if vocab.CTA_START.match(low) or _is_list_header(s):
            return True
        if n <= 3 and vocab.BUTTON.match(low.rstrip(".!")):
            return True
    return False


@lru_cache(maxsize=8192)
def is_pitch(line: str) -> bool:
    """The site speaking to its reader about itself (sign-ups, subscriptions, cookies), or a
    short line of its vocabulary. Debris at the edges of the text only: in the middle of an
    article the same words are the article's own."""
    s = line.strip()
    n = word_count(s)
    if n > 45 or _DOUBLE_QUOTES.search(s):
        return False
    low = _lower_plain(s)
    if not vocab.SITE_VOCAB.search(low):
        return False
    voiced = any(v in low for v in vocab.VOICE_HINTS)
    return (voiced and bool(vocab.VOICE.search(low))) or (n <= 6 and not is_sentence(s))


def _site_label(s: str, low: str) -> bool:
    """A box label of a word or three ("Newsletter"): debris wherever it stands."""
    return word_count(s) <= 3 and bool(vocab.SITE_VOCAB.search(low)) and not is_sentence(s)


def _site_chrome(unit: str) -> bool:
    low = _lower_plain(unit)
    return bool(vocab.SITE_VOCAB.search(low) or vocab.STRONG.match(low) or vocab.SOCIAL.match(low))


def _lower_plain(s: str) -> str:
    return s.lower().replace("\u2019", "'").strip(" *_#>-–—•·|")


def clean_units(units: list[str], tables: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """Drop debris units (and debris lines inside multi-line units); keep order.

    Units whose index is in `tables` are table rows: cells between separators are their
    shape, so the menu-row rule does not apply to them.
    """
    return [text for _, text in clean_indexed(units, tables)]


def clean_indexed(
    units: list[str], tables: set[int] | frozenset[int] = frozenset()
) -> list[tuple[int, str]]:
    """`clean_units`, each kept unit with its index in `units`."""
    keep = [True] * len(units)
    lines_kept: list[str] = list(units)
    for i, unit in enumerate(units):
        if "\n" in unit or i in tables:
            rest = [ln for ln in unit.split("\n") if ln.strip() and not is_debris(ln, i in tables)]
            lines_kept[i] = "\n".join(rest)
            keep[i] = bool(rest) and not _is_list_header_unit(unit)
        else:
            keep[i] = not is_debris(unit)
    _drop_headline_lists(lines_kept, keep, tables)
    _drop_after_divider(units, keep)
    _drop_link_runs(units, keep)
    _drop_boxes(units, keep)
    _drop_edges(units, keep)
    return [(i, lines_kept[i]) for i in range(len(units)) if keep[i]]


def is_divider(line: str) -> bool:
    """A rule drawn with characters ('-----', '=====', '* * *'): no letters or digits."""
    return not any(ch.isalnum() for ch in line)


def _drop_after_divider(units: list[str], keep: list[bool]) -> None:
    """Below the last rule of a text, a block of short lines that is mostly debris is the
    footer (an e-mail's forwarding, unsubscribe and address lines), all of it."""
    dividers = [i for i, u in enumerate(units) if is_divider(u.strip())]
    if not dividers or not any(is_prose(u) for u in units[: dividers[-1]]):
        return
    tail = range(dividers[-1] + 1, len(units))
    if any(word_count(units[i]) >= (20 if keep[i] else 30) for i in tail):
        return
    debris = sum(1 for i in tail if not keep[i])
    if debris >= 2 and 2 * debris >= len(tail):
        for i in tail:
            keep[i] = False


def _is_list_header(line: str) -> bool:
    """'Related articles', 'More from Business', 'Most read': not a sentence about them."""
    line = re.sub(r"(?:\.{3}|\u2026)$", "", line.strip()).strip()
    return (
        word_count(line) <= 8
        and line[-1:] not in ".!?"
        and bool(vocab.LIST_HEADER.match(_lower_plain(line)))
    )


def _is_list_header_unit(unit: str) -> bool:
    return _is_list_header(unit.split("\n", 1)[0])


def _headline_like(unit: str) -> bool:
    first = unit.strip().split("\n", 1)[0]
    if has_quote(first) and is_sentence(first):
        return False
    n = word_count(first)
    end = first.rstrip()[-1:]
    ends_open = end not in ".!?" or n <= 3 or (end == "?" and n <= 12)
    return n <= 20 and ends_open and not is_prose(unit)


def _drop_link_runs(units: list[str], keep: list[bool]) -> None:
    i = 0
    while i < len(units):
        if _is_list_header_unit(units[i].strip()):
            keep[i] = False
            j = i + 1
            while j < len(units) and (_headline_like(units[j]) or not keep[j]):
                keep[j] = False
                j += 1
            i = j
        else:
            i += 1


_SIGNUP = re.compile(
    r"\bnewsletters?\b|\bsubscri|\bsign(?:ing)?\ ?up\b|\binbox\b|\be-?mail\b", re.I
)


def _drop_boxes(units: list[str], keep: list[bool]) -> None:
    """A short title line right before a sign-up box belongs to the box (an advert does not
    take the subheading above it)."""
    for i in range(len(units) - 1):
        nxt = units[i + 1]
        if keep[i] and not keep[i + 1] and _SIGNUP.search(nxt) and _edge_fragment(units[i]):
            keep[i] = False


def _drop_edges(units: list[str], keep: list[bool]) -> None:
    """Before the first and after the last real paragraph, short fragments and the site's
    pitches to its reader are furniture."""
    prose = [i for i, u in enumerate(units) if keep[i] and is_prose(u) and not _aside(u)]
    if not prose:
        return
    for i in range(prose[0]):
        if keep[i] and (_edge_fragment(units[i]) or is_pitch(units[i])):
            keep[i] = False
    after_debris = False
    for i in range(prose[-1] + 1, len(units)):
        if not keep[i]:
            after_debris = True
            continue
        unit = units[i]
        if _aside(unit) or _edge_fragment(unit) and (after_debris or _site_chrome(unit)):
            keep[i] = False
            after_debris = True


def _aside(unit: str) -> bool:
    """The site or the writer turning to the reader (a pitch, an address to write to, an
    invitation to follow or share) or naming the source: furniture where the text ends."""
    if is_pitch(unit):
        return True
    n = word_count(unit)
    low = _lower_plain(unit)
    return (n <= 60 and bool(vocab.CLOSING.search(low))) or (
        n <= 8 and bool(vocab.SOURCE_LABEL.match(low))
    )


_SMALL_WORD = re.compile(r"^(?:a|an|the|and|or|of|in|on|at|to|for|by|with|from|as|vs?\.?|is|are)$")


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line) if not _SMALL_WORD.match(w)]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _drop_headline_lists(units: list[str], keep: list[bool], tables) -> None:
    """A list of other stories' headlines where the article ends: nothing after it but
    short lines and the site's own asides."""
    for i in range(len(units)):
        if keep[i] and i not in tables and _headline_list(units[i]):
            rest = [u for j, u in enumerate(units[i + 1 :], i + 1) if keep[j]]
            if all(word_count(u) < 12 or _aside(u) for u in rest):
                keep[i] = False


def _headline_list(unit: str) -> bool:
    """A list of other stories' headlines: every item in title case, four words or more,
    without closing punctuation."""
    lines = [ln.strip() for ln in unit.split("\n") if ln.strip()]
    return len(lines) >= 2 and all(
        4 <= word_count(ln) <= 20 and ln[-1] not in ".!?:;," and _title_case(ln) for ln in lines
    )


def _edge_fragment(unit: str) -> bool:
    s = unit.strip()
    if "\n" in s:  # a menu: every item a word or two
        return all(_edge_fragment(ln) and word_count(ln) <= 3 for ln in s.split("\n"))
    return word_count(s) <= 8 and not has_quote(s) and s[-1:] not in ".!?"
