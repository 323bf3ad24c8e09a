"""What site furniture says: the vocabulary and shapes the debris rules in cleanup.py look for.

Matched against a line lower-cased and stripped of list and heading marks.
"""

from __future__ import annotations

import re

# (1) Strong patterns, matched at the start of the lower-cased line.
STRONG = re.compile(
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
STRONG_ANYWHERE = ("all rights reserved", "©")

CONTRIBUTION_HINTS = ("reporting", "additional", "writing", "editing", "compiled", "written",
                       "reported", "edited", "produced", "research", "further", "(")  # fmt: skip

STAMP = re.compile(r"^(?:(?:last\ )?updated|(?:first\ )?published|posted|modified)\b", re.X)

# The site speaking to its reader, and the vocabulary it uses when it does.
VOICE = re.compile(
    r"\b(?:our|your)\b|\byou(?:\ (?:agree|accept|consent|can|have|get|receive)|'ll)\b"
    r"|\bby\ continuing\b|\bwe\ use\b"
    r"|\bunsubscribe\b|\bthis\ (?:site|website)\b|\byou(?:'re|\ are)\ receiving\b",
    re.X,
)
SITE_VOICE = re.compile(
    r"\bour\b|\byou\ (?:agree|accept|consent)\b|\bby\ continuing\b|\bwe\ use\b"
    r"|\bunsubscribe\b|\bthis\ (?:site|website)\b|\byou(?:'re|\ are)\ receiving\b"
    r"|\bas\ an?\ (?:subscriber|member)\b",
    re.X,
)
"""The site itself speaking (debris wherever it stands); a plain "you" may be the article's."""
VOICE_HINTS = ("our", "you", "by continuing", "we use", "unsubscribe", "this site", "this web")
EMAIL_ADDRESS = r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
SITE_VOCAB = re.compile(
    r"\bnewsletters?\b|\bsubscri(?:be|bers?|bing|ption)\b|\bsign(?:ing)?\ ?up\b|\bcookies?\b"
    r"|\bprivacy\b|\bterms\ of\ (?:use|service)\b|\bsponsored\b|\badverti[sz]\w*\b|\binbox\b"
    r"|\be-?mail\b|\bpaywall\b|\bsign\ in\b|\blog\ in\b|\bfree\ trial\b|\bpodcast\b"
    r"|\bunsubscribe\b" + EMAIL_ADDRESS,
    re.X,
)

# (2) Calls to action that open a short line, and one-word buttons.
CTA_START = re.compile(
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
BUTTON = re.compile(
    r"^(?:menu|main\ menu|search|home|close|print|register|share|save|more|next|previous|open"
    r"|toggle\ navigation|navigation|trending|live|video|audio)$",
    re.X,
)

# (3) Headers of link lists.
LIST_HEADER = re.compile(
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
      | more | also | see\ also
    )\s*:?$""",
    re.X,
)

SOCIAL = re.compile(
    r"^(?:(?:share|facebook|twitter|x|email|e-mail|whatsapp|linkedin|reddit|pinterest|telegram"
    r"|threads|bluesky|mastodon|instagram|tiktok|youtube|flipboard|print|copy\ link|link|save"
    r"|gift|comments?|messenger|sms)\b[\s,|·•/]*){2,}$",
    re.X,
)

NAV_MARKS = re.compile(r"[|·•›»>/]")
SEPARATORS = re.compile(r"\s+[|·•›»>/]\s+|\s{3,}")

# A label that opens a teaser for another story ("Related: <headline>", "Also on <site>
# <headline>"), matched on the line with brackets removed.
LEAD_IN = re.compile(
    r"""^(?:
        (?:related|more|also|see\ also|read\ (?:also|more)|also\ read|don't\ miss|must\ read
          |recommended|suggested|popular|trending|watch|listen|previously|further\ reading)
          (?:\ (?:post|posts|story|stories|article|articles|reading|video|coverage|content))?
          \s*[:|]
      | also\ on\ [\w-]+(?:\.[\w-]+)+\b
    )""",
    re.X,
)

# Closing lines where the site or the writer asks the reader to follow, write, share,
# listen or subscribe, or gives an address to reach them.
CLOSING = re.compile(
    r"""(?:
        \bfollow\ (?:us|him|her|them|me|the\ \w+(?:\ \w+){0,5}|[\w.]+(?:\ \w+){0,6})
          \ on\ (?:twitter|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|x)\b
      | (?:^|\s)@\w{2,}
      | \b(?:can|may)\ be\ reached\ (?:at|on|by)\b | \breach\ (?:us|him|her|them)\ at\b
      | \b(?:click|tap)\ here\b
      | \bshare\ (?:it|this)\ with\b
      | \btell\ us\ what\ you\ think\b
      | \bsend\ (?:us|in)\ your\b | \bletters?\ to\ the\ editor\b
      | \blisten\ (?:live|back|again)\b
      | \bhave\ a\ (?:news\ )?tip\b
    )"""
    + EMAIL_ADDRESS,
    re.X,
)

TEASER_TAGS = re.compile(r"\[[A-Z]{3,}\]")
"""A tag a teaser row carries after each headline ("[VIDEO]"); two or more mark the row."""

SOURCE_LABEL = re.compile(r"^(?:source|sources|via)\s*:\s*\S")

OWNER_NOTICE = re.compile(
    r"^[Cc]opyright\s+(?:\u00a9\s*)?(?:[A-Z0-9][\w.&'-]*\s+){1,4}(?:19|20)\d\d\b"
)
"""'Copyright Some Name 2024 ...': the owner's name in capitals, then the year."""
