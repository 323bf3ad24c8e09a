"""Things named like people: "<Class noun> <Name>" where the text also calls it by the class
noun in lower case ("Hurricane <Name> ... the hurricane", "<Class> <Noun> <Name> ... the
<class> <noun>"). Storms, ships, vehicles and missions are not actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.actors.gazetteer import (
    INSTITUTIONS,
    ORG_SUFFIXES,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
)
from reader.analysis.actors.mentions import Mention
from reader.analysis.lexicon import ORG_HEAD_NOUNS, is_person_noun
from reader.analysis.names import is_honorific, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NAME_KINDS = frozenset({"person", "other"})


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
