"""Names the model did not tag: after "Mr."/"Councilor", or untagged proper nouns in context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.actors.gazetteer import ORG_SUFFIXES
from reader.analysis.actors.index import name_shaped
from reader.analysis.actors.mentions import Mention, make_mention
from reader.analysis.lexicon import TITLE_MODIFIERS, is_person_noun
from reader.analysis.names import bare_word, is_honorific, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def honorific_mentions(doc: Doc, text: str) -> list[Mention]:
    """ "Mr. <Surname>", "Councilor <Name>" where the model found no entity: people."""
    found: list[Mention] = []
    for token in doc:
        if token.i + 1 >= len(doc) or not _introduces_name(token):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and _bare_proper(doc[end]):
            end += 1
        if end > token.i + 1:
            mention = make_mention(doc, text, token.i + 1, end, "person")
            if mention is not None:
                found.append(mention)
    return found


def _introduces_name(token: Token) -> bool:
    if is_honorific(token.text):
        return True
    word = token.text
    return word[:1].isupper() and is_title_word(word) and bare_word(word) not in TITLE_MODIFIERS


def bare_name_mentions(doc: Doc, text: str) -> list[Mention]:
    """Proper nouns the model left untagged: kept if they name a known person, or if the
    context says person ("<Name>, executive director of ..., said")."""
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        if not _bare_proper(doc[i]) or (i > 0 and _introduces_name(doc[i - 1])):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j - i < 3 and _bare_proper(doc[j]):
            j += 1
        for a, b in ([(i, j)] if j - i > 1 else []) + [(k, k + 1) for k in range(i, j)]:
            mention = make_mention(doc, text, a, b, "other")
            if mention is not None:
                if _named_person(mention, b - a):
                    mention.kind = "person"
                elif _named_body(mention, b - a):
                    mention.kind = "organization"
                found.append(mention)
        i = j
    return found


def _named_person(m: Mention, length: int) -> bool:
    """An untagged name the context marks as a person's: two or three words with a cue,
    or one word with a person-only cue ("<Surname>, who ...", "<Surname>, 54,")."""
    if not name_shaped(m) or m.surface.isupper():
        return False
    if length > 1:
        return bool(m.person_hint or m.speaker_hint)
    return m.person_hint > 0


def _named_body(m: Mention, length: int) -> bool:
    """An untagged name that ends as a body's does ("<Town> News") and speaks."""
    return length > 1 and m.words[-1] in ORG_SUFFIXES and m.speaker_hint > 0


def _bare_proper(token: Token) -> bool:
    if token.ent_iob_ != "O":
        return False
    if token.is_upper and token.is_alpha and len(token.text) > 1:
        return True  # "WHO" read as a pronoun
    return token.tag_ in {"NNP", "NNPS"} and token.text[:1].isupper()


def organisation_mentions(doc: Doc, text: str) -> list[Mention]:
    """Names the model left untagged that the sentence marks as organisations:
    "<Name> spokesman <Person>" (the employer before a role and a name) and
    "according to the <Name>" (a source with an article is a body, not a person)."""
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            end = _employer_end(doc, ent.start)
            if end is not None:
                found += _untagged_run_before(doc, text, end)
    for token in doc[:-3]:
        if token.lower_ == "according" and doc[token.i + 1].lower_ == "to":
            det = doc[token.i + 2]
            if det.lower_ == "the":
                found += _untagged_run_after(doc, text, det.i + 1)
    return found


def _employer_end(doc: Doc, person_start: int) -> int | None:
    """Where the employer's name ends before "<role noun> <Person>", if a role noun is there."""
    k = person_start - 1
    role = False
    while (
        k >= 0
        and doc[k].tag_ in {"NN", "HYPH"}
        and doc[k].text[:1].islower()
        or (k >= 0 and doc[k].text == "-")
    ):
        lemma = doc[k].lemma_.casefold()
        role = role or is_person_noun(lemma) or is_title_word(lemma)
        k -= 1
    return k + 1 if role and k < person_start - 1 else None


def _untagged_run_before(doc: Doc, text: str, end: int) -> list[Mention]:
    start = end
    while start > 0 and end - start < 3 and _bare_capitalised(doc[start - 1]):
        start -= 1
    return _organisation(doc, text, start, end)


def _untagged_run_after(doc: Doc, text: str, start: int) -> list[Mention]:
    end = start
    while end < len(doc) and end - start < 4 and _bare_capitalised(doc[end]):
        end += 1
    return _organisation(doc, text, start, end)


def _organisation(doc: Doc, text: str, start: int, end: int) -> list[Mention]:
    if start >= end or any(
        doc[k].ent_iob_ != "O" and doc[k].ent_type_ not in _RELABEL for k in range(start, end)
    ):
        return []
    mention = make_mention(doc, text, start, end, "organization")
    return [mention] if mention is not None and mention.kind == "organization" else []


_RELABEL = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "FAC"})
"""Labels the model gives publications and bodies it does not know ("the <Name> Herald")."""


def _bare_capitalised(token: Token) -> bool:
    """A capitalised word outside any entity (or in one of the labels a body is mistaken
    for), not a title: the first word of a sentence may be tagged a common noun."""
    if token.ent_iob_ != "O" and token.ent_type_ not in _RELABEL:
        return False
    if not token.text[:1].isupper() or not token.is_alpha or is_title_word(token.text):
        return False
    return token.tag_ in {"NNP", "NNPS"} or token.is_sent_start and token.tag_ == "NN"
