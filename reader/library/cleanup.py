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

from reader.library.credits import contributor_line, credit_tail
from reader.library.dates import TIME_RE, find_date

_QUOTE_CHARS = '"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e'
_END_PUNCT = '.!?"\u201d\u2019)\u00bb:;'

# (1) Strong patterns, matched at the start of the lower-cased line.
_STRONG = re.compile(
    r"""^(?:
        skip\ (?:to|ad|advertisement|navigation)\b
      | (?:skip\ |hide\ |close\ )?(?:advertisement|advert|\bad)$
      | advertisement\s*[-–—:|·(].{0,40}$
      | (?:story|article)\ continues\ (?:below|after)
      | by\ (?:submitting|signing\ up|clicking|subscribing|registering|continuing|entering
            |creating\ an\ account|providing\ your|tapping)\b
      | ©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}
      | (?:photo|photograph|photography|image|picture|illustration|graphic|video|credit|caption)s?
            (?:\ credit)?\s*(?:by\s*)?[:/|]
      | listen\ to\ (?:this\ )?(?:article|story)
      | (?:photo|image|picture|video)\ (?:caption|source|credit)s?\b\s*[:,]
      | this\ (?:article|story|page|content)\ is\ (?:more\ than|over)\ \w+\ (?:years?|months?)\ old
      | \d+\ (?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\ ago$
      | (?:reuse|republish)\ this\ (?:content|article|story)
      | reprints?\ (?:&|and)\ permissions
      | (?:accessibility\ help|your\ account|my\ account)$
      | \d+(?:\ ?[–-]\ ?\d+)?\ (?:min|minute)s?(?:\ (?:read|listen))?$
      | (?:this|the)\ (?:material|article|story|content)\ may\ not\ be\ (?:re)?(?:published
            |produced|broadcast|distributed|written|copied)
      | (?:loading|please\ wait)\.{0,3}$
      | this\ (?:site|website|page)\ uses\ cookies
      | we\ (?:use|value|care\ about)\ (?:cookies|your\ privacy)
      | (?:accept|reject|decline|allow)\ (?:all\ )?(?:cookies|all)\b
      | (?:manage|cookie)\ (?:preferences|settings|choices|consent)
      | (?:privacy|cookie)\ (?:policy|notice|settings)\s*(?:[|·•/]|$)
      | terms\ (?:of|and)\ (?:use|service|conditions)\s*(?:[|·•/]|$)
      | (?:click|tap)\ here\b
      | (?:download|get)\ (?:our|the)\ (?:free\ )?app\b
      | enter\ (?:your\ )?email(?:\ address)?\b.{0,30}$
      | (?:your\ )?email\ address\s*\*?$
    )""",
    re.X,
)
_STRONG_ANYWHERE = ("all rights reserved", "©")

_CONTRIBUTION_HINTS = ("reporting", "additional", "writing", "editing", "compiled", "written",
                       "reported", "edited", "produced", "research", "further", "(")  # fmt: skip

_STAMP = re.compile(r"^(?:(?:last\ )?updated|(?:first\ )?published|posted|modified)\b", re.X)

# The site speaking to its reader, and the vocabulary it uses when it does.
_VOICE = re.compile(
    r"\b(?:our|your)\b|\byou(?:\ (?:agree|accept|consent|can|have|get|receive)|'ll)\b"
    r"|\bby\ continuing\b|\bwe\ use\b"
    r"|\bunsubscribe\b|\bthis\ (?:site|website)\b|\byou(?:'re|\ are)\ receiving\b",
    re.X,
)
_VOICE_HINTS = ("our", "you", "by continuing", "we use", "unsubscribe", "this site", "this web")
_EMAIL_ADDRESS = r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
_SITE_VOCAB = re.compile(
    r"\bnewsletters?\b|\bsubscri(?:be|bers?|bing|ption)\b|\bsign(?:ing)?\ ?up\b|\bcookies?\b"
    r"|\bprivacy\b|\bterms\ of\ (?:use|service)\b|\bsponsored\b|\badverti[sz]\w*\b|\binbox\b"
    r"|\be-?mail\b|\bpaywall\b|\bsign\ in\b|\blog\ in\b|\bfree\ trial\b|\bpodcast\b"
    r"|\bunsubscribe\b" + _EMAIL_ADDRESS,
    re.X,
)

# (2) Calls to action that open a short line, and one-word buttons.
_CTA_START = re.compile(
    r"""^(?:
        share\ (?:this|on|via|the\ (?:article|story|page)|article|story)\b
      | sign\ ?(?:up|in)\b | log\ ?(?:in|out)\b | subscribe\b | join\ (?:us|our)\b
      | follow\ (?:us|@)\b | follow\ \S+\ on\b | like\ us\b
      | read\ (?:more|next|also|the\ full)\b | see\ (?:also|more)\b
      | more\ (?:stories|news)\b
      | continue\ reading\b | forward\ (?:this|to\ a\ friend)\b | unsubscribe\b
      | view\ (?:this\ |it\ )?(?:\w+\ )?(?:online|in\ (?:a|your)\ (?:web\ )?browser)\b | view\ (?:comments|gallery|all)\b | show\ (?:comments|more)\b
      | watch\ (?:now|live|video)\b | listen\ (?:now|live)\b
      | save\ (?:article|story|for\ later)\b | gift\ (?:this\ )?article\b | copy\ link\b
      | leave\ a\ comment\b | (?:\d+\ )?comments?(?:\s*\(\d+\))?$
      | get\ (?:the|our)\ \w+(?:\ \w+)?\ (?:newsletter|briefing|digest|edition|update)s?\b
      | get\ (?:the|our)\ (?:latest|best|top)\b
      | (?:topics?|tags?|filed\ under|categories|section)\s*:
      | back\ to\ (?:top|home)\b
    )""",
    re.X,
)
_BUTTON = re.compile(
    r"^(?:menu|main\ menu|search|home|close|print|register|share|save|more|next|previous|open"
    r"|toggle\ navigation|navigation|trending|live|video|audio)$",
    re.X,
)

# (3) Headers of link lists.
_LIST_HEADER = re.compile(
    r"""^(?:
        related(?:\ (?:articles?|stories|story|coverage|content|reading|topics|links|news))?
      | more\ (?:from|on|in|stories|news|coverage|like\ this|to\ read)\b.{0,40}
      | most\ (?:read|popular|viewed|shared|watched|commented)(?:\ (?:stories|articles|today|now))?
      | (?:recommended|suggested)(?:\ (?:for\ you|stories|articles|reading))?
      | you\ (?:may|might)\ (?:also\ )?(?:like|be\ interested\ in|have\ missed)
      | (?:read|up)\ next | what\ to\ read\ next | further\ reading | also\ read | don't\ miss
      | (?:trending|popular)(?:\ (?:now|today|stories|articles))?
      | (?:latest|top)\ (?:news|stories|headlines)
      | in\ other\ news | elsewhere\b.{0,30}
      | explore\ (?:more|these|the|related)\b.{0,30}
      | more\ (?:on|about)\ this\ (?:story|topic)
    )\s*:?$""",
    re.X,
)

_SOCIAL = re.compile(
    r"^(?:(?:share|facebook|twitter|x|email|e-mail|whatsapp|linkedin|reddit|pinterest|telegram"
    r"|threads|bluesky|mastodon|instagram|tiktok|youtube|flipboard|print|copy\ link|link|save"
    r"|gift|comments?|messenger|sms)\b[\s,|·•/]*){2,}$",
    re.X,
)

_NAV_MARKS = re.compile(r"[|·•›»>/]")
_SEPARATORS = re.compile(r"\s+[|·•›»>/]\s+|\s{3,}")


def word_count(line: str) -> int:
    """Whitespace-separated tokens: a cheap word count, good enough for length rules."""
    return len(line.split())


_QUOTE_RE = re.compile(f"[{_QUOTE_CHARS}]")


def has_quote(line: str) -> bool:
    return _QUOTE_RE.search(line) is not None


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
    parts = [p for p in _SEPARATORS.split(line.strip()) if p.strip()]
    return len(parts) >= 3 and all(word_count(p) <= 4 for p in parts) and not is_sentence(line)


@lru_cache(maxsize=8192)
def is_debris(line: str) -> bool:
    """True when a single line is page furniture rather than article text (no context)."""
    s = line.strip()
    if not s or is_divider(s):
        return True
    if len(s) > 600:
        return False
    n = word_count(s)
    if n > 60:
        return False
    low = _lower_plain(s)
    if n <= 40 and (_STRONG.match(low) or any(m in low for m in _STRONG_ANYWHERE)):
        return True
    if n <= 14 and _STAMP.match(low) and (find_date(low) or TIME_RE.search(low)):
        return True
    if n <= 12 and _SOCIAL.match(low):
        return True
    if n <= 40 and credit_tail(s, low) and not has_quote(s):
        return True
    if (low.startswith(_CONTRIBUTION_HINTS) or "contributed" in low) and contributor_line(s):
        return True
    if n <= 20 and (_NAV_MARKS.search(s) or "   " in s) and is_nav_row(s):
        return True
    if has_quote(s):
        return False
    if n <= 14:
        if _CTA_START.match(low) or _is_list_header(s):
            return True
        if n <= 3 and _BUTTON.match(low.rstrip(".!")):
            return True
    voiced = any(v in low for v in _VOICE_HINTS)
    if n <= 45 and voiced and _VOICE.search(low) and _SITE_VOCAB.search(low):
        return True
    return n <= 6 and bool(_SITE_VOCAB.search(low)) and not is_sentence(s)


def _site_chrome(unit: str) -> bool:
    low = _lower_plain(unit)
    return bool(_SITE_VOCAB.search(low) or _STRONG.match(low) or _SOCIAL.match(low))


def _lower_plain(s: str) -> str:
    return s.lower().replace("\u2019", "'").strip(" *_#>-–—•·|")


def clean_units(units: list[str]) -> list[str]:
    """Drop debris units (and debris lines inside multi-line units); keep order."""
    keep = [True] * len(units)
    lines_kept: list[str] = list(units)
    for i, unit in enumerate(units):
        if "\n" in unit:
            rest = [ln for ln in unit.split("\n") if ln.strip() and not is_debris(ln)]
            lines_kept[i] = "\n".join(rest)
            keep[i] = bool(rest) and not _is_list_header_unit(unit)
        else:
            keep[i] = not is_debris(unit)
    _drop_after_divider(units, keep)
    _drop_link_runs(units, keep)
    _drop_boxes(units, keep)
    _drop_edges(units, keep)
    return [lines_kept[i] for i in range(len(units)) if keep[i]]


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
    if not tail or any(word_count(units[i]) >= 30 for i in tail):
        return
    if 2 * sum(1 for i in tail if not keep[i]) >= len(tail):
        for i in tail:
            keep[i] = False


def _is_list_header(line: str) -> bool:
    """'Related articles', 'More from Business', 'Most read': not a sentence about them."""
    line = line.strip()
    return (
        word_count(line) <= 8
        and line[-1:] not in ".!?"
        and bool(_LIST_HEADER.match(_lower_plain(line)))
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
    """Before the first and after the last real paragraph, short fragments are furniture."""
    prose = [i for i, u in enumerate(units) if keep[i] and is_prose(u)]
    if not prose:
        return
    for i in range(prose[0]):
        if keep[i] and _edge_fragment(units[i]):
            keep[i] = False
    after_debris = False
    for i in range(prose[-1] + 1, len(units)):
        if not keep[i]:
            after_debris = True
            continue
        unit = units[i]
        if _edge_fragment(unit) and (after_debris or _site_chrome(unit)):
            keep[i] = False
            after_debris = True


def _edge_fragment(unit: str) -> bool:
    s = unit.strip()
    if "\n" in s:  # a menu: every item a word or two
        return all(_edge_fragment(ln) and word_count(ln) <= 3 for ln in s.split("\n"))
    return word_count(s) <= 8 and not has_quote(s) and s[-1:] not in ".!?"
