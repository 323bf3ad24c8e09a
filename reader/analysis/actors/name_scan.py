"""Names the model did not tag: after "Mr."/"Councilor", or untagged proper nouns in context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.actors.index import name_shaped
from reader.analysis.actors.mentions import Mention, make_mention
from reader.analysis.lexicon import TITLE_MODIFIERS
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


def _bare_proper(token: Token) -> bool:
    if token.ent_iob_ != "O":
        return False
    if token.is_upper and token.is_alpha and len(token.text) > 1:
        return True  # "WHO" read as a pronoun
    return token.tag_ in {"NNP", "NNPS"} and token.text[:1].isupper()
