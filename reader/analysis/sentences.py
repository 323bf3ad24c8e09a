"""News-aware sentence boundaries: a rule component that runs before spaCy's parser."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.text.datelines import MAX_LENGTH, dateline_end
from reader.text.quotes import CLOSING_MARKS, OPENING_MARKS
from reader.text.speech import SPEECH_FORMS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "reader_news_sentences"
TERMINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
CLOSING = CLOSING_MARKS | {"''"}
OPENING = OPENING_MARKS | {"''", "``"}
"""With the doubled apostrophe some papers write for a quotation mark (one token)."""
QUESTION = frozenset({"?", "!", "?!", "!?", "??", "!!"})
"""After a quoted question ("Who pays?" <Name> asked.) the parser decides."""
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


class _Tokens:
    """Plain lists of the token attributes the rules read (Token objects are slow to make)."""

    def __init__(self, doc: Doc) -> None:
        self.text = [t.text for t in doc]
        self.ws = [t.whitespace_ for t in doc]
        self.tag = [t.tag_ for t in doc]
        self.n = len(self.text)

    def space(self, i: int) -> bool:
        return self.text[i].isspace()


def _starts_line(t: _Tokens, i: int) -> bool:
    """Whether token i is the first non-space token after a line break."""
    j = i - 1
    while j >= 0 and t.space(j):
        if "\n" in t.text[j]:
            return True
        j -= 1
    return j >= 0 and "\n" in t.ws[j]


def _paragraph_break_before(t: _Tokens, i: int) -> bool:
    """A line break before token i that is a real break, not a wrapped line."""
    if not _starts_line(t, i):
        return False
    j = i - 1
    gap = ""
    while j >= 0 and t.space(j):
        gap = t.text[j] + gap
        j -= 1
    if j < 0:
        return True
    gap += t.ws[j]
    if gap.count("\n") >= 2:
        return True
    # One newline: a wrapped line continues lower-case text after a word or comma.
    prev = t.text[j]
    return not (t.text[i][:1].islower() and (prev.isalpha() or prev == ","))


def _is_closing_quote(t: _Tokens, i: int) -> bool:
    if i == 0 or t.text[i] not in CLOSING or t.ws[i - 1]:
        return False
    prev = t.text[i - 1]
    return prev in TERMINAL or prev in CLOSING or prev.endswith(".")


def _attribution_follows(t: _Tokens, i: int) -> bool:
    """Whether tokens from i read "Mayor <Name> asked" (a name, then a speech verb)."""
    for k in range(i, min(i + 6, t.n)):
        if t.text[k].lower() in SPEECH_FORMS:
            return k > i
        if t.tag[k] not in ("NNP", "NNPS") and not t.text[k].endswith("."):
            return False
    return False


def _opened_a_sentence(t: _Tokens, close: int) -> bool:
    """Whether the quotation that closes at token `close` opened a sentence: after a
    sentence end, a colon, a paragraph break or at the very start."""
    k = close - 1
    while k >= 0 and not (t.text[k] in OPENING and t.text[k] != "'"):
        if "\n" in t.text[k] or close - k > 200:
            return True
        k -= 1
    k -= 1
    while k >= 0 and t.space(k):
        k -= 1
    return k < 0 or t.text[k] in TERMINAL or t.text[k] == ":" or "\n" in t.ws[k]


def _may_end(t: _Tokens, j: int) -> bool:
    """Whether a sentence can end at token j: terminal punctuation, maybe inside closers.

    Within a paragraph, news sentences end in . ! ? or an ellipsis; without one the
    parser's split (often before a capitalised word in a quoted title) is wrong.
    """
    while j > 0 and t.text[j] in CLOSERS and not t.ws[j - 1]:
        j -= 1
    return t.text[j].endswith(END_CHARS)


def _after_abbreviation(t: _Tokens, j: int, i: int) -> bool | None:
    """False when token i cannot start a sentence after the abbreviation at j; else None."""
    prev, first = t.text[j], t.text[i][:1]
    if prev.lower() in TITLES:
        return False
    if INITIAL.match(prev) and first.isupper():
        return False
    if INITIALISM.match(prev) and (first.islower() or t.tag[i] in PROPER_OR_NOUN):
        return False
    return None


def _decide(t: _Tokens, i: int, j: int) -> bool | None:
    """Sentence start verdict for token i inside a paragraph (j: previous non-space token)."""
    prev = t.text[j]
    if _is_closing_quote(t, i):
        return False
    opens = prev in OPENING and not t.ws[j] and not _is_closing_quote(t, j)
    if prev in DASHES or opens:
        return False
    if prev.endswith(".") and len(prev) > 1:
        verdict = _after_abbreviation(t, j, i)
        if verdict is not None:
            return verdict
    ended = prev in TERMINAL or _is_closing_quote(t, j)
    if ended and (t.ws[j] or j < i - 1):
        first = t.text[i][:1]
        if prev in CLOSING and t.text[j - 1] in QUESTION and first.isupper():
            # ""Who pays?" <Name> asked." goes on; a quote that opened mid-sentence
            # ("... wrote that lawmakers "should act now!" <Name> said ...") has ended it.
            return not (_attribution_follows(t, i) and _opened_a_sentence(t, j))
        if t.text[i] in OPENING or first.isupper() or first.isdigit():
            return True
        return False if first.islower() else None
    if not ended and not _may_end(t, j):
        return False
    return None


def _dateline_end(doc: Doc, i: int) -> int:
    """Where the dateline opening the paragraph at token i ends (a character offset; the
    word there may not start a sentence either), or -1 when there is none."""
    start = doc[i].idx
    end = dateline_end(doc.text[start : start + MAX_LENGTH])
    return start + end if end else -1


def set_boundaries(doc: Doc) -> Doc:
    """Mark sentence starts the statistical parser gets wrong in news text."""
    from spacy.attrs import SENT_START

    t = _Tokens(doc)
    starts = doc.to_array(SENT_START).astype("int64")
    skip_to = _dateline_end(doc, 0) if t.n else -1
    for i in range(1, t.n):
        verdict: bool | None
        if t.space(i):
            verdict = False
        elif _paragraph_break_before(t, i):
            verdict = True
            skip_to = _dateline_end(doc, i)
        elif doc[i].idx <= skip_to:
            verdict = False
        else:
            j = i - 1
            while j > 0 and t.space(j):
                j -= 1
            verdict = _decide(t, i, j)
        if verdict is not None:
            starts[i] = 1 if verdict else -1
    if t.n:
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
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
