"""News-aware sentence boundaries: a rule component that runs before spaCy's parser."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

COMPONENT = "reader_news_sentences"
TERMINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
CLOSING = frozenset({'"', "”", "’", "'", "»"})
OPENING = frozenset({'"', "“", "‘", "«"})
QUESTION = frozenset({"?", "!", "?!", "!?", "??", "!!"})
"""After a quoted question ("Who pays?" Alvarado asked.) the parser decides."""
SPEECH_VERBS = frozenset(
    (
        "said",
        "says",
        "asked",
        "asks",
        "added",
        "adds",
        "told",
        "tells",
        "wrote",
        "writes",
        "replied",
        "wondered",
        "shouted",
        "yelled",
        "cried",
        "recalled",
        "recalls",
        "insisted",
        "demanded",
        "joked",
        "laughed",
        "explained",
        "continued",
        "noted",
        "argued",
        "countered",
    )
)
"""Inflected speech verbs of an attribution after a quoted question."""
CLOSERS = CLOSING | {")", "]"}
END_CHARS = (".", "!", "?", "…")
DASHES = frozenset({"—", "–", "--", "―"})
# fmt: off
TITLES = frozenset((
    "mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "sens.", "rep.", "reps.", "gov.", "lt.",
    "col.", "sgt.", "capt.", "cmdr.", "adm.", "maj.", "brig.", "cpl.", "pvt.", "prof.", "rev.",
    "pres.", "supt.", "insp.", "det.", "amb.", "atty.", "gens.", "hon.", "fr.", "sr.", "mt.",
    "ft.", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "no.", "nos.",
    "vs.", "v.", "messrs.", "st.",
))
"""Abbreviations after which a sentence does not end in news text."""
SPECIAL_CASES = (
    "Lt.", "Col.", "Sgt.", "Capt.", "Maj.", "Cmdr.", "Brig.", "Cpl.", "Pvt.", "Supt.", "Insp.",
    "Det.", "Amb.", "Atty.", "Gens.", "Sens.", "Reps.", "Hon.", "Pres.", "Messrs.", "Sr.", "Ft.",
    "Mt.", "No.", "Nos.", "Gen.", "Adm.", "Sept.",
)
"""Abbreviations the English tokenizer would otherwise split into word + period."""
# fmt: on
INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
INITIAL = re.compile(r"^[A-Z]\.$")
PROPER_OR_NOUN = frozenset({"NNP", "NNPS", "NN", "NNS", "CD", "JJ"})


def _starts_line(doc: Doc, i: int) -> bool:
    """Whether token i is the first non-space token after a line break."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j >= 0 and "\n" in doc[j].whitespace_


def _paragraph_break_before(doc: Doc, i: int) -> bool:
    """A line break before token i that is a real break, not a wrapped line."""
    if not _starts_line(doc, i):
        return False
    j = i - 1
    gap = ""
    while j >= 0 and doc[j].is_space:
        gap = doc[j].text + gap
        j -= 1
    if j < 0:
        return True
    gap += doc[j].whitespace_
    if gap.count("\n") >= 2:
        return True
    # One newline: a wrapped line continues lower-case text after a word or comma.
    prev, tok = doc[j], doc[i]
    return not (tok.text[:1].islower() and (prev.is_alpha or prev.text == ","))


def _is_closing_quote(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.text not in CLOSING or i == 0:
        return False
    prev = doc[i - 1]
    return not prev.whitespace_ and (
        prev.text in TERMINAL or prev.text in CLOSING or prev.text.endswith(".")
    )


def _attribution_follows(doc: Doc, i: int) -> bool:
    """Whether tokens from i read "Mayor Delia Harkness asked" (a name, then a speech verb)."""
    for k in range(i, min(i + 6, len(doc))):
        tok = doc[k]
        if tok.lower_ in SPEECH_VERBS:
            return k > i
        if tok.tag_ not in ("NNP", "NNPS") and not tok.text.endswith("."):
            return False
    return False


def _may_end(doc: Doc, j: int) -> bool:
    """Whether a sentence can end at token j: terminal punctuation, maybe inside closers.

    Within a paragraph, news sentences end in . ! ? or an ellipsis; without one the
    parser's split (often before a capitalised word in a quoted title) is wrong.
    """
    while j > 0 and doc[j].text in CLOSERS and not doc[j - 1].whitespace_:
        j -= 1
    return doc[j].text.endswith(END_CHARS)


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash ending a dateline ("MOSCOW (AP) —") at paragraph start, if any."""
    for k in range(start, min(start + 12, len(doc))):
        tok = doc[k]
        if tok.text in DASHES:
            return k if k > start else None
        if "\n" in tok.text or "\n" in tok.whitespace_:
            return None
        if tok.is_punct or tok.text in {"(", ")"}:
            continue
        if tok.is_upper or tok.text[:1].isupper() and tok.tag_ in ("", "NNP", "NNPS"):
            continue
        return None
    return None


def _after_abbreviation(prev: Token, tok: Token) -> bool | None:
    """False when `tok` cannot start a sentence after the abbreviation `prev`; else None."""
    low = prev.lower_
    if low in TITLES:
        return False
    if INITIAL.match(prev.text) and tok.text[:1].isupper():
        return False
    if INITIALISM.match(prev.text) and (tok.text[:1].islower() or tok.tag_ in PROPER_OR_NOUN):
        return False
    return None


def set_boundaries(doc: Doc) -> Doc:
    """Mark sentence starts the statistical parser gets wrong in news text."""
    n = len(doc)
    skip_to = -1
    for i in range(n):
        tok = doc[i]
        if i == 0:
            end = _dateline_end(doc, 0)
            skip_to = end + 1 if end is not None else -1
            continue
        if tok.is_space:
            tok.is_sent_start = False
            continue
        if _paragraph_break_before(doc, i):
            tok.is_sent_start = True
            end = _dateline_end(doc, i)
            skip_to = end + 1 if end is not None else -1
            continue
        if i <= skip_to:
            tok.is_sent_start = False
            continue
        j = i - 1
        while j > 0 and doc[j].is_space:
            j -= 1
        prev = doc[j]
        if _is_closing_quote(doc, i):
            tok.is_sent_start = False
            continue
        opens = prev.text in OPENING and not prev.whitespace_ and not _is_closing_quote(doc, j)
        if prev.text in DASHES or opens:
            tok.is_sent_start = False
            continue
        if prev.text.endswith(".") and len(prev.text) > 1:
            verdict = _after_abbreviation(prev, tok)
            if verdict is not None:
                tok.is_sent_start = verdict
                continue
        ended = prev.text in TERMINAL or _is_closing_quote(doc, j)
        if ended and (prev.whitespace_ or j < i - 1):
            first = tok.text[:1]
            asked = prev.text in CLOSING and doc[j - 1].text in QUESTION
            if asked and first.isupper():
                tok.is_sent_start = not _attribution_follows(doc, i)
            elif tok.text in OPENING or first.isupper() or first.isdigit():
                tok.is_sent_start = True
            elif first.islower():
                tok.is_sent_start = False
        elif not ended and not _may_end(doc, j):
            tok.is_sent_start = False
    return doc


def configure(nlp: Language) -> None:
    """Add the tokenizer exceptions and the boundary component to `nlp`."""
    from spacy.attrs import ORTH
    from spacy.language import Language

    for abbr in SPECIAL_CASES:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=set_boundaries)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="senter")
    else:
        nlp.add_pipe(COMPONENT)
        nlp.add_pipe("sentencizer")
