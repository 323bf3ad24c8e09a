"""Direct quotations with their speakers and cue verbs, found from quote marks and the parse."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.analysis.models import Actor, Quote
from reader.analysis.quotes.attribution import (
    Attribution,
    Context,
    attribution_before,
    find_attribution,
    named_in_passing,
    speech_subject,
    subject_of_sentence,
)
from reader.analysis.quotes.speakers import SpeakerResolver
from reader.text.quotes import (
    OPENING_MARKS,
    QuoteSpan,
    find_quote_spans,
    mark_width,
    paragraph_spans,
)
from reader.text.speech import SPEECH_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TERMINAL = (".", "!", "?", "…", ",", ";", "—", "–", ":")
_PARTIAL_WORDS = 8
"""A quote woven into a sentence up to this many words long is a fragment, not a statement."""
_PARTIAL_PHRASE_WORDS = 15
"""...and a woven noun phrase up to this long."""
_INNER_WORDS = 4
"""A phrase this short after a quote, with no closing punctuation, is part of that quote's
attribution ("“...,” <Name>, holding a “<Slogan>” placard, said")."""
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "de",
        "la",
    ]
)


def extract_quotes(
    doc: Doc, text: str, actors: tuple[Actor, ...], author: str | None = None
) -> tuple[Quote, ...]:
    """Quotations in text order, with speakers named as in `actors` when known; `author`,
    the one person the byline names, is the "I" who says something in the text.

    A quote interrupted by its attribution ("First," she said, "second.") is reported as
    two items with the same speaker and cue.
    """
    spans = find_quote_spans(text)
    if not spans:
        return ()
    quoted = [
        (
            s.open_mark,
            s.close_mark + mark_width(text, s.close_mark)
            if s.close_mark is not None
            else s.end + 1,
        )
        for s in spans
    ]
    resolver = SpeakerResolver(doc, text, actors, quoted, author)
    paragraphs = paragraph_spans(text)
    para_starts = [p[0] for p in paragraphs]
    results: list[Quote] = []
    previous: tuple[Attribution, int] | None = None  # attribution and paragraph of the last quote
    same_sentence: tuple[Attribution, int] | None = None  # the last quote's cue and sentence

    titles: dict[int, bool] = {}
    # resumes[k]: quote k + 1 is the second half of quote k ("...," she said, "...")
    resumes = [_split_after(doc, resolver, a, b) for a, b in itertools.pairwise(spans)]

    def inner_title(k: int, short_too: bool) -> bool:
        # "“...,” <Name>, holding a “<Slogan>” placard, said": a quoted title (after the
        # quote, any short phrase) inside the attribution does not end its reach
        span = spans[k]
        if span.paragraphs > 1:
            return False
        if short_too:
            content = text[span.start : span.end].rstrip()
            if len(content.split()) <= _INNER_WORDS and not content.endswith(_TERMINAL):
                return True
        return quoted_title(k)

    def quoted_title(k: int) -> bool:
        if k not in titles:
            titles[k] = _is_title(doc, spans[k], resolver)
        return titles[k]

    def context_of(k: int) -> Context:
        span = spans[k]
        para = max(bisect.bisect_right(para_starts, span.open_mark) - 1, 0)
        last_para = max(bisect.bisect_right(para_starts, quoted[k][1] - 1) - 1, 0)
        back = k - 1
        while back >= 0 and quoted[back][1] > paragraphs[para][0] and inner_title(back, False):
            back -= 1
        ahead = k + 1
        while (
            ahead < len(spans)
            and spans[ahead].open_mark < paragraphs[last_para][1]
            and inner_title(ahead, True)
        ):
            ahead += 1
        return Context(
            doc=doc,
            resolver=resolver,
            open_tok=resolver.token_at(span.open_mark),
            close_tok=resolver.token_at(quoted[k][1] - 1),
            floor=max(quoted[back][1] if back >= 0 else 0, paragraphs[para][0]),
            ceiling=min(
                spans[ahead].open_mark if ahead < len(spans) else len(text),
                paragraphs[last_para][1],
            ),
            quote_start=span.open_mark,
        )

    for k, span in enumerate(spans):
        para = max(bisect.bisect_right(para_starts, span.open_mark) - 1, 0)
        context = context_of(k)
        found = find_attribution(context)
        if found is None and k + 1 < len(spans) and _joined(text, quoted[k][1], spans[k + 1]):
            # "Guns are "a crisis" and "a drain," <Name> said": the cue after the last of
            # quotes joined by "and" covers them all
            found = find_attribution(context_of(k + 1))
        sentence = doc[context.open_tok].sent.start
        if found is None and same_sentence is not None and same_sentence[1] == sentence:
            # "X said the plan 'remains a priority' and that 'the money will come'": the
            # cue before the first quote of the sentence covers the second one too.
            found = same_sentence[0]
        if found is None and not named_in_passing(context):
            found = _continuation(context, span, paragraphs, para, previous, text)
        attribution = found or Attribution(None, None)
        if k and results and resumes[k - 1]:
            # The second half of "First," she said, "second.": as much a statement as the first.
            fragment = results[-1].fragment
        else:
            # A partial quote with its own attribution is a quote; only unattributed short
            # phrases (scare quotes, titles) are fragments.
            # "“In <Case>,” <Name> said, “...”": words that the attribution splits off a
            # longer quote are no title, however capitalised
            resumed = k + 1 < len(spans) and resumes[k]
            title = (
                not resumed
                and quoted_title(k)
                and not _said_aloud(doc, context.open_tok)
                and not _name_given(doc, span, resolver)
            )
            fragment = title or (
                attribution.cue is None
                and not _signed_by_someone(attribution)
                and _is_fragment(doc, text, span, resolver)
            )
        # a phrase hidden as a fragment keeps the speaker its sentence gives: a word or a
        # title quoted in what someone says or does is shown (when asked for) with their name
        speaker = attribution.speaker
        name = speaker.name if isinstance(speaker, Actor) else speaker
        for start, end in _parts(text, span):
            results.append(
                Quote(
                    text=text[start:end],
                    speaker=name,
                    cue=attribution.cue,
                    start=start,
                    end=end,
                    fragment=fragment,
                )
            )
        if not fragment:
            previous = (attribution, para)
            if isinstance(speaker, Actor) and attribution.cue is not None:
                resolver.last_speaker = (quoted[k][1], speaker)
        same_sentence = (attribution, sentence) if attribution.cue is not None else None
    return tuple(results)


def _joined(text: str, end: int, following: QuoteSpan) -> bool:
    """Whether only "and", "or" or a comma stand between a quote ending at `end` and the next."""
    raw = text[end : following.open_mark]
    between = raw.strip(" ,")
    return (between in {"and", "or"} or raw.strip() == ",") and "\n" not in raw


def _signed_by_someone(attribution: Attribution) -> bool:
    """A quote signed or labelled with a person's name is a statement, however short (a
    headline signed with its outlet's name stays a title)."""
    speaker = attribution.speaker
    return (
        attribution.rule in {"signature", "label"}
        and isinstance(speaker, Actor)
        and speaker.kind == "person"
    )


def _continuation(
    context: Context,
    span: QuoteSpan,
    paragraphs: list[tuple[int, int]],
    para: int,
    previous: tuple[Attribution, int] | None,
    text: str,
) -> Attribution | None:
    """No cue of its own: the sentence before names the speaker, or the previous quote's does."""
    para_start = paragraphs[para][0]
    if span.open_mark == para_start and para > 0:
        before = text[paragraphs[para - 1][0] : paragraphs[para - 1][1]].rstrip()
        if before.endswith(":"):
            # "... said the trash itself has changed:" then the quote as its own paragraph.
            colon = context.resolver.token_at(paragraphs[para - 1][0] + len(before) - 1)
            lead = replace(context, open_tok=colon + 1, floor=paragraphs[para - 1][0])
            found = attribution_before(lead)
            if found is not None:
                return found
    if span.open_mark == para_start and para > 0 and (previous is None or previous[1] < para - 1):
        # A quote paragraph after a paragraph of indirect speech continues that speaker.
        last = context.resolver.token_at(paragraphs[para - 1][1] - 1)
        speaker = speech_subject(context, last, paragraphs[para - 1][0])
        if speaker is not None:
            return Attribution(speaker, None, "cont-indirect")
    if previous is not None and previous[0].speaker is not None:
        attribution, previous_para = previous
        if previous_para == para:
            return attribution
        if previous_para == para - 1 and span.open_mark == para_start:
            return Attribution(attribution.speaker, None, "cont-prev-para")
    subject = subject_of_sentence(context, context.open_tok - 1, context.floor)
    if subject is not None and subject.kind == "person":
        return Attribution(subject, None, "cont-subject")
    return None


_PART_END = " \t\n,"


def _parts(text: str, span: QuoteSpan) -> list[tuple[int, int]]:
    """The quoted words of a passage, one part per paragraph: a quote over several
    paragraphs reopens each one with a mark, which belongs to no part. A comma that ends a
    part before the attribution ("We will," she said) is left out too."""
    if span.paragraphs > 1:
        pieces = []
        for start, end in paragraph_spans(text[: span.end]):
            start, end = max(start, span.start), min(end, span.end)
            if start < end:
                pieces.append((start, end))
    else:
        pieces = [(span.start, span.end)]
    opening = OPENING_MARKS | {text[span.open_mark]}  # a straight apostrophe reopens too
    parts = []
    for start, end in pieces:
        while start < end and (text[start].isspace() or text[start] in opening):
            start += 1
        while end > start and text[end - 1] in _PART_END:
            end -= 1
        if start < end and any(ch.isalnum() for ch in text[start:end]):
            parts.append((start, end))
    return parts or [(span.start, span.end)]


def _split_after(doc: Doc, resolver: SpeakerResolver, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether `span` resumes `previous` after an attribution ("...," he said, "..."). Words
    quoted after a preposition or an article are a name in the sentence, not the first half
    of a statement ("As the author of "<Title>," put it, "..."")."""
    text = doc.text
    lead = resolver.token_at(previous.open_mark) - 1
    if lead >= 0 and doc[lead].pos_ in {"ADP", "DET"}:
        return False
    inner = text[previous.start : previous.end].rstrip("'’\"”")  # "“‘<Show>,’” she said"
    if previous.close_mark is None or not inner.endswith(","):
        return False
    between = text[previous.close_mark + mark_width(text, previous.close_mark) : span.open_mark]
    # a speaker and a verb ("he said", "said <Name>"): "“<Show>,” adding, “...”" is no split
    return (
        len(between) <= 80
        and between.rstrip().endswith(",")
        and "\n" not in between
        and len(between.split()) >= 2
    )


def _said_aloud(doc: Doc, open_tok: int) -> bool:
    """ "He declared "What A Night!"": words in capitals right after a verb of saying are
    what was said, not a title (but "she wrote "The Long Road"" may be one)."""
    i = open_tok - 1
    if i >= 0 and doc[i].text in {",", ":"}:
        i -= 1
    if i < 0:
        return False
    verb = doc[i]
    return (
        verb.tag_ in {"VBD", "VBZ", "VBP"}
        and verb.lemma_.casefold() in SPEECH_LEMMAS
        and verb.lemma_.casefold() not in _WRITING_LEMMAS
    )


_WRITING_LEMMAS = frozenset({"write", "post", "tweet", "report", "publish"})
_NAMING_LEMMAS = frozenset({"call", "dub", "brand", "label", "nickname"})


def _name_given(doc: Doc, span: QuoteSpan, resolver: SpeakerResolver) -> bool:
    """ "<Name> called her rival "The Queen of Delay"": a name someone gives in capitals is
    their words, not a title (but "a show called "The Long Road"" is one: no subject)."""
    first, last = resolver.token_at(span.start), resolver.token_at(span.end - 1)
    token, steps = doc[first], 0
    while first <= token.i <= last and token.head.i != token.i and steps < 20:
        token, steps = token.head, steps + 1
    for _ in range(2):
        if token.pos_ == "VERB" and token.lemma_.casefold() in _NAMING_LEMMAS:
            return token.dep_ != "acl" and any(
                c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"} for c in token.children
            )
        token = token.head
    return False


def _is_title(doc: Doc, span: QuoteSpan, resolver: SpeakerResolver) -> bool:
    """A quoted title ("Tides of the Sea"): every significant word capitalised, ten at most;
    or a word quoted as a word: "the term "X"", ""X" refers to ..."."""
    first = resolver.token_at(span.start)
    last = resolver.token_at(span.end - 1)
    words = [t for t in doc[first : last + 1] if t.is_alpha or t.like_num]
    if not words or len(words) > 10:
        return False
    return _title_like(words) or _mentioned(doc, first, last)


_MENTION_VERBS = frozenset(["mean", "refer", "stand", "denote"])


def _mentioned(doc: Doc, first: int, last: int) -> bool:
    """A word quoted as a word and defined (use and mention): the subject of "means",
    "refers to", "stands for". (A phrase after "the words" is still someone's words.)"""
    after = [t for t in doc[last + 1 : last + 8] if not t.is_punct]
    for token in after[:4]:
        if token.lemma_ in _MENTION_VERBS and token.tag_ in {"VBZ", "VBP", "VBD"}:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            break
    return False


def _is_fragment(doc: Doc, text: str, span: QuoteSpan, resolver: SpeakerResolver) -> bool:
    """Scare quotes, quoted titles and partial quotes woven into the reporter's sentence."""
    first = resolver.token_at(span.start)
    last = resolver.token_at(span.end - 1)
    words = [t for t in doc[first : last + 1] if t.is_alpha or t.like_num]
    if not words:
        return True
    if _title_like(words) and len(words) <= 10:
        return True
    content = text[span.start : span.end].rstrip()
    if content.endswith(_TERMINAL) and _starts_sentence(text, span.open_mark, content):
        return False  # "Somebody has to." standing as a sentence of its own
    if span.paragraphs > 1:
        return False
    heads = [t for t in doc[first : last + 1] if not first <= t.head.i <= last or t.head.i == t.i]
    if len(words) > _PARTIAL_WORDS:
        # A longer woven quote is a statement, unless it is only a noun phrase the
        # reporter's sentence uses ("called it "a dispute between an employer and staff"").
        return len(words) <= _PARTIAL_PHRASE_WORDS and all(
            t.pos_ in {"NOUN", "PROPN", "PRON", "DET", "ADJ", "PUNCT"} for t in heads
        )
    # A short quote woven into the sentence is partial unless it is a clause of its own
    # ("..., "the plan failed because nobody paid."" has its subject inside the marks).
    return not (content.endswith(_TERMINAL) and _has_own_subject(heads, first))


def _has_own_subject(heads: list[Token], first: int) -> bool:
    """Whether a top verb of the quoted words has its subject inside the marks:
    "the public has stepped up." but not "should get it done, fast!" (subject outside)."""
    return any(
        _is_verb(h)
        and any(c.dep_ in {"nsubj", "nsubjpass"} and first <= c.i < h.i for c in h.children)
        for h in heads
    )


def _starts_sentence(text: str, mark: int, content: str) -> bool:
    """Whether the quote opens a sentence: after a sentence end, a paragraph break or a colon,
    or after a comma when it starts with a capital (<Name> said, "We will host ...")."""
    i = mark - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n.!?:—–":
        return True
    return text[i] == "," and content[:1].isupper()


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def _title_like(words: list[Token]) -> bool:
    """ "<Noun> of the <Noun>", "<Verb> Us <Particle>": every significant word capitalised."""
    if any(t.nbor(1).text in {".", "?", "!"} for t in words[:-1] if t.i + 1 < len(t.doc)):
        return False  # "Failed? No. Paused," is speech, not a title
    significant = [
        t
        for t in words
        if (t.lower_ not in _MINOR_WORDS or t.i == words[0].i) and not t.like_num  # "Day 2"
    ]
    if len(significant) < 2:
        return False
    return all(t.text[:1].isupper() for t in significant) and not all(
        t.ent_type_ == "PERSON" for t in significant
    )
