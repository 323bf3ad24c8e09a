"""Things named like people: "<Class noun> <Name>" where the text also calls it by the class
noun in lower case ("Hurricane <Name> ... the hurricane", "<Class> <Noun> <Name> ... the
<class> <noun>"). Storms, ships, vehicles and missions are not actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.actors.gazetteer import (
    INSTITUTIONS,
    ORG_SUFFIXES,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
)
from reader.analysis.actors.mentions import Mention, make_mention
from reader.analysis.lexicon import (
    CREATIVE_WORKS,
    ORG_HEAD_NOUNS,
    SPEAKING_ORG_NOUNS,
    WORKS_AFTER_A_NAME,
    is_person_noun,
)
from reader.analysis.names import is_honorific, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NAME_KINDS = frozenset({"person", "other"})
_THING_TAGS = frozenset({"NN", "NNS", "NNPS"})
"""A name's word written as a common noun or a plural: the word for a thing."""


def named_things(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Folded names (the full one, the name after the class noun, the class noun) of things named
    "<Class noun> <Name>" whose class noun the text also uses as a common noun. The model
    must not have called it a person, unless the class noun has two words ("<Class> <Noun>")."""
    common = {t.lemma_.casefold() for t in doc if t.tag_ in {"NN", "NNS"} and t.text.islower()}
    # Someone who speaks or is described as a person is one ("Bill <Surname> said", beside
    # "the bill"): a first name can be a common noun too.
    people = {
        key for m in mentions if m.speaker_hint or m.person_hint for key in (m.key, m.words[-1])
    }
    things: set[str] = set()
    for m in mentions:
        words = m.words
        if m.kind not in _NAME_KINDS or not 2 <= len(words) <= 3 or m.honorific:
            continue
        if m.kind == "person" and len(words) < 3:
            continue  # "Bill <Surname>" beside "the bill": a lone first word may be a first name
        if all(w in common and _class_noun(w) for w in words[:-1]) and not (
            {m.key, words[-1]} & people
        ):
            # the name, the name after the class noun, and the class noun written alone
            things.update((m.key, words[-1], " ".join(words[:-1]), *words[:-1]))
    return things


def named_works(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Folded names seen only right before a lower-case noun for a piece of work or a scheme
    ("the <ACRONYM> system", "results of <ACRONYM> studies", "the <Name> database"), or
    given as the name of one ("the database was launched as <Name>"): the name of that
    work, not of a body. A name also used otherwise (a subject, an owner) is kept."""
    works: dict[str, bool] = {}
    for m in mentions:
        if m.kind == "person":
            continue
        after = doc[m.tok_end] if m.tok_end < len(doc) else None
        work = after is not None and _work_noun(after)
        work = work or _named_as_work(doc[m.tok_end - 1])
        works[m.key] = works.get(m.key, True) and work
    return {key for key, work in works.items() if work}


def things_by_class_noun(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Folded names of things introduced by a lower-case noun for their class and written
    elsewhere with "the" ("the cruise ship, <Name>" ... "on board the <Name>"): a ship, a
    vehicle or a building, not a body or a person. Words for people, bodies and places do
    not count as a class ("the rapper <Name>", "the broadcaster <Name>"), and a name that
    speaks or is described as a person or a body is kept."""
    classed: set[str] = set()
    with_the: set[str] = set()
    kept: set[str] = set()
    works: set[str] = set()
    for m in mentions:
        if m.speaker_hint or m.person_hint or m.org_hint or m.honorific or _body_shaped(m):
            kept.add(m.key)
        root = doc[m.tok_end - 1]
        noun = _class_noun_before(doc, m, root)
        if noun is not None:
            classed.add(m.key)
            if noun.lemma_ in CREATIVE_WORKS:
                works.add(m.key)  # "his second novel <Name>", "the 2004 documentary <Name>"
        head_use = root.dep_ not in {"compound", "amod", "nmod", "poss"}
        if head_use and m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "the":
            with_the.add(m.key)
    return ((classed & with_the) | works) - kept


def _body_shaped(m: Mention) -> bool:
    """A name with a body's word in it ("<Name> Council", "<Name> Museum", "<Name> Airlines")."""
    return any(w in ORG_HEAD_NOUNS or w in INSTITUTIONS or w in ORG_SUFFIXES for w in m.words)


def _class_noun_before(doc: Doc, m: Mention, root: Token) -> Token | None:
    """The class noun of "the <class noun>, <Name>" or "the <class noun> <Name>"."""
    if root.dep_ == "appos" and root.head.i < m.tok_start:
        noun = root.head
    elif m.tok_start > 0 and doc[m.tok_start - 1].head.i == root.i:
        noun = doc[m.tok_start - 1]
    else:
        return None
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    lemma = noun.lemma_
    if (
        is_person_noun(lemma)
        or is_title_word(lemma)
        or lemma in SPEAKING_ORG_NOUNS
        or lemma in PLACE_NOUNS
    ):
        return None
    return noun


def _named_as_work(root: Token) -> bool:
    """ "<work noun> ... as <Name> (and <Name>)": "the database was unveiled as <Name>",
    "it referred to the database as <Name>"."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ != "as":
        return False
    named = root.head.head
    nouns = [named]
    for child in named.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            nouns.append(child)
        elif child.dep_ == "prep":
            nouns += [c for c in child.children if c.dep_ == "pobj"]
    return any(_work_noun(n) for n in nouns)


def _work_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.is_lower and token.lemma_ in WORKS_AFTER_A_NAME


def named_after_people(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """ "<Surname> <Thing>" tagged as a person ("<Surname> <Camera-brand> shows" beside
    "<First> <Surname>"): a thing named after someone in the text. It is a mention of that
    person by surname, not a second person, when the text uses <Thing> elsewhere as a thing
    (the model tags it a product or a body, or writes it as a plural or a common noun) and
    never in a person's name."""
    surnames = {m.words[-1]: m.key for m in mentions if m.kind == "person" and len(m.words) > 1}
    out: list[Mention] = []
    for m in mentions:
        trimmed = None
        if _eponym(doc, m, surnames):
            trimmed = make_mention(doc, text, m.tok_start, m.tok_start + 1, "person")
        out.append(trimmed or m)
    return out


def _eponym(doc: Doc, m: Mention, surnames: dict[str, str]) -> bool:
    if m.kind != "person" or m.honorific or len(m.words) != 2 or m.tok_end - m.tok_start != 2:
        return False
    first, thing = m.words
    if surnames.get(first, m.key) == m.key or surnames.get(thing, m.key) != m.key:
        return False  # the first word is no one else's surname, or the second word is one
    elsewhere = [
        t for t in doc if not m.tok_start <= t.i < m.tok_end and t.lower_ in {thing, thing + "s"}
    ]
    if any(t.ent_type_ == "PERSON" for t in elsewhere):
        return False
    return any(t.ent_type_ or t.tag_ in _THING_TAGS or t.is_lower for t in elsewhere)


def _class_noun(word: str) -> bool:
    """A noun that can lead a thing's name: not a title, a word for a person, or a word that
    leads or ends the names of places and bodies ("Lake", "Street", "Council")."""
    return not (
        is_title_word(word)
        or is_honorific(word)
        or is_person_noun(word)
        or word in PLACE_PREFIXES
        or word in PLACE_SUFFIXES
        or word in ORG_HEAD_NOUNS
        or word in ORG_SUFFIXES
        or word in INSTITUTIONS
    )
