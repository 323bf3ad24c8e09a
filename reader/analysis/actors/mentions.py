"""Candidate actor mentions from spaCy entities, cleaned and relabelled by rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.actors.gazetteer import (
    CITIES,
    CLUB_WORDS,
    COUNTRIES,
    FACILITIES,
    INSTITUTIONS,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PLACE_ALIASES,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    PLACE_PREPOSITIONS,
    PLACE_SUFFIXES,
    THOROUGHFARES,
)
from reader.analysis.lexicon import (
    FAITHS,
    ORG_HEAD_NOUNS,
    PERSON_NOUNS,
    PORTFOLIOS,
    TITLE_MODIFIERS,
    WORK_NOUNS,
    is_person_noun,
)
from reader.analysis.names import (
    bare_word,
    fold,
    is_honorific,
    is_junk_name,
    is_possessive,
    is_title_word,
    looks_like_code,
    strip_possessive,
)
from reader.text.credits import CREDIT_WORDS
from reader.text.datelines import MAX_LENGTH, find_dateline
from reader.text.quotes import OPENING_MARKS
from reader.text.speech import SPEECH_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KIND_BY_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
OTHER_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
"""Labels that are never actors by themselves but may be a mislabelled known person."""

_LEADING_SKIP = frozenset({"the", "a", "an"})
_FUNCTION_POS = frozenset({"ADV", "PART", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ"})
_CODE = re.compile(r"^[A-Z]{1,6}-?\d")
_DASHES = frozenset({"—", "–", "--"})
_OPENING = OPENING_MARKS | {"'", "("}
_NUMBERED = re.compile(r"^[A-Z][a-z]+-\d+[A-Z]?$")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_CREED_ENDINGS = ("ism", "phobia")
_BODY_NOUNS = frozenset({"corps", "society", "league", "federation", "chamber", "guild"})
"""Collective nouns that end a body's name before its "of" ("<Name> Society of <Country>")."""
_STATE_NOUNS = frozenset({"republic", "kingdom", "emirate", "principality", "commonwealth"})
"""Nouns that open a state's name before its "of" ("Republic of <Name>")."""
_PURPOSE_BODIES = (ORG_HEAD_NOUNS | INSTITUTIONS | _BODY_NOUNS | {"trust", "fund"}) - PERSON_NOUNS
"""Last words of bodies that may be named with their purpose after "for"."""
_BODY_HEADS = ORG_HEAD_NOUNS - PERSON_NOUNS - PLACE_NOUNS
"""Head nouns of an apposition that say a name is a body's ("<Name>, the agency")."""
_TITLE_PREFIXES = ("under", "vice-", "vice", "co-")


@dataclass(slots=True)
class Mention:
    """One occurrence of a name in the text."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    surface: str
    key: str
    kind: str
    """"person", "organization", "place", "group" or "other" (kept only if it is a known person)."""
    honorific: str = ""
    """"mr", "ms", "dr"... written just before the name."""
    weight: float = 1.0
    """Vote weight of `kind` when a cluster's kind is decided."""
    person_hint: float = 0.0
    """Evidence from the context that the name is a person's (subject of "said", an age...)."""
    place_hint: float = 0.0
    """Evidence that it is a place ("in X", "X and <place>")."""
    org_hint: float = 0.0
    """Evidence that it is an organisation ("X, a company based in ...")."""
    speaker_hint: float = 0.0
    """Subject of a verb of saying: something that speaks (a person or an organisation)."""
    sentence_initial: bool = False
    """First word of a sentence or of a quotation, where any word is capitalised."""
    plural_noun: bool = False
    """A single word tagged as a plural common noun (a capitalised "Campaigners", or a surname
    ending in s)."""
    common_noun: bool = False
    """A single word tagged as a common noun or an adjective ("FA Trophy" gave "Trophy" as a
    person; "<Element> deficiency" capitalised mid-sentence gave the element)."""
    noun_use: bool = False
    """Used as a noun: an owner ("<Name>'s plant") or a subject or object, not a modifier."""
    modifier_use: bool = False
    """Used as a modifier ("<Name> workers", "a <Name> bakery"), as nationalities are."""
    shop_form: bool = False
    """ "at <Owner>'s", with no noun after the possessive: the owner's shop, not the owner."""
    short_form: str = ""
    """The acronym given in parentheses right after the name ("<Long Name> (<ACRONYM>)")."""

    @property
    def words(self) -> list[str]:
        return self.key.split()


def entity_mentions(doc: Doc, text: str) -> list[Mention]:
    """Clean mentions for the actor-like entities in the doc, in text order."""
    mentions: list[Mention] = []
    acronyms = _organisation_acronyms(doc)
    for ent in _joined_entities(doc):
        kind = KIND_BY_LABEL.get(ent.label_) or ("other" if ent.label_ in OTHER_LABELS else "")
        if ent.label_ == "FAC" and bare_word(ent[-1].text) in INSTITUTIONS:
            kind = "organization"  # a hospital or school speaks and acts
        if not kind or kind == "group" and _modifier(ent.root):
            continue  # "Swedish captain", "an American flag": a description, not a group
        start = ent.start
        acronym = _ends_in_acronym(ent, acronyms) if kind in {"person", "group"} else None
        if acronym is not None:
            # "<Modifier> <ACRONYM>" tagged as a person or a people: the body of that acronym
            kind, start = "organization", acronym
        for token in ent:
            if token.text in _DASHES or _comma_between_names(token, kind):
                # "<PLACE> — <Org name>": a dateline run into a name; "<Place>, <First>
                # <Last>": a name after a comma is another one (an apposition, a list)
                mentions.extend(_mentions(doc, text, start, token.i, kind))
                start = token.i + 1
        of = _of_country(doc, start, ent.end) or _of_after_person(doc, start, ent.end, kind)
        if of is not None:
            # "<Team or Person> of <Country>", "<First> <Last> of <Body>": two actors, the
            # second a place or a body (or none, when nothing tells which)
            mentions.extend(_mentions(doc, text, start, of, kind))
            kind, start = _tail_kind(doc, of + 1, ent.end), of + 1
            if kind is None:
                continue
        mentions.extend(_mentions(doc, text, start, ent.end, kind))
    return mentions


def _comma_between_names(token: Token, kind: str) -> bool:
    """A comma inside a person's or a body's name with a name of two capitalised words
    after it, neither a suffix ("<Name>, Jr.", "<Name>, Inc."): two names run together."""
    doc = token.doc
    if token.text != "," or kind not in {"person", "organization"} or token.i + 2 >= len(doc):
        return False
    after = doc[token.i + 1 : token.i + 3]
    return all(t.text[:1].isupper() and t.is_alpha for t in after) and not any(
        bare_word(t.text) in ORG_SUFFIXES or is_title_word(t.text) for t in after
    )


def _organisation_acronyms(doc: Doc) -> set[str]:
    """Acronyms the model tags as an organisation when they stand alone."""
    return {
        e[0].text for e in doc.ents if e.label_ == "ORG" and len(e) == 1 and _acronym(e[0].text)
    }


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def _ends_in_acronym(ent: Span, acronyms: set[str]) -> int | None:
    """Where a name of two words or more ends in an acronym the text elsewhere gives alone to
    an organisation ("<Modifier> <ACRONYM>'s <Name>"); not in a name shouted in capitals."""
    last = ent.end - 1
    while last > ent.start and (is_possessive(ent.doc[last]) or ent.doc[last].is_punct):
        last -= 1
    words = ent.doc[ent.start : last + 1]
    if len(words) < 2 or words[-1].text not in acronyms or all(t.is_upper for t in words):
        return None
    return last


def _of_country(doc: Doc, i: int, j: int) -> int | None:
    """Where "of" splits "<Name> of <Country>" tagged as one entity, when the name before it
    is complete by itself: two words or more, not ending in a word that needs its "of"
    ("Bank", "Ministry", "Court", a title), and the whole not a country's own name."""
    while i < j and doc[i].lower_ in _LEADING_SKIP:
        i += 1
    of = _inner_of(doc, i, j)
    if of is None:
        return None
    last = bare_word(doc[of - 1].text)
    needs_of = ORG_HEAD_NOUNS | INSTITUTIONS | PLACE_NOUNS | _BODY_NOUNS | _STATE_NOUNS
    needs_of |= ORG_SUFFIXES - CLUB_WORDS  # "<Name> Journal of <Country>", not "<Town> United"
    if last in needs_of or is_title_word(last):
        return None
    if not all(t.text[:1].isupper() for t in doc[i:of]):
        return None
    tail = fold(doc[of + 1 : j].text)
    whole = fold(doc[i:j].text)
    return of if _known_place(tail) and whole not in PLACE_ALIASES else None


def _inner_of(doc: Doc, i: int, j: int) -> int | None:
    """The first "of" inside tokens [i, j) with two words or more before it and a word after."""
    return next((k for k in range(i + 2, j - 1) if doc[k].lower_ == "of"), None)


def _known_place(folded: str) -> bool:
    """Whether a folded name is a country, a city or a place alias the gazetteer knows."""
    return folded in COUNTRIES or folded in CITIES or folded in PLACE_ALIASES


def _dangling(token: Token) -> bool:
    """A small word in lower case no name ends with ("<Name> of", "<Name> and"), left at the
    end of an entity the model cut short."""
    return token.is_lower and token.pos_ in {"ADP", "DET", "CCONJ"}


def _of_after_person(doc: Doc, i: int, j: int, kind: str) -> int | None:
    """Where "of" ends a person's name run into where the person is from or works ("<First>
    "<Nickname>" <Last> of <Town>", "<First> <Last> of <Body>" tagged as one person): a
    person's name of two words or more holds no "of"."""
    if kind != "person":
        return None
    of = _inner_of(doc, i, j)
    if of is None:
        return None
    words = [t for t in doc[i:of] if not t.is_punct]
    if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
        return None
    return of if doc[of + 1].text[:1].isupper() else None


def _tail_kind(doc: Doc, i: int, j: int) -> str | None:
    """The kind of the name after "of" split off another: a known place, else a body when it
    is several words, else nothing said (a town the gazetteer does not know)."""
    if _known_place(fold(doc[i:j].text)):
        return "place"
    return "organization" if j - i > 1 else None


def _joined_entities(doc: Doc) -> list[Span]:
    """The model's entities, two of one label that touch joined into one when the first
    is a compound of the second: "<Given> <Surname>" cut in two because the surname is also
    a city's name."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if prev is not None and ent.start < prev.end:
            continue  # already joined to the entity before it
        purpose = _purpose_end(doc, ent)
        if purpose is not None:
            out.append(Span(doc, ent.start, purpose, label="ORG"))  # "<Body> for the <Arts>"
        elif _numbered_head(doc, ent):
            out.append(Span(doc, ent.start, ent.end + 1, label="FAC"))  # "<Name> Hangar-2"
        elif ent.label_ == "NORP" and _place_word(doc, ent.end):
            out.append(Span(doc, ent.start, ent.end + 1, label="LOC"))  # "<Nationality> Hill"
        elif prev is not None and _owner_and_trade(doc, prev, ent):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")  # "<Owner>'s <Trade>"
        elif (
            prev is not None
            and prev.end == ent.start
            and prev.label_ == ent.label_
            and len(prev) == 1
            and prev.root.dep_ == "compound"
            and prev.root.head.i in range(ent.start, ent.end)
        ):
            out[-1] = Span(doc, prev.start, ent.end, label=ent.label_)
        else:
            out.append(ent)
    return out


def _numbered_head(doc: Doc, ent: Span) -> bool:
    """ "<Name> <Noun>-<Number>" ("<Name> Hangar-2"): the model ends the name before its head
    noun when a number is glued to it. A numbered building or site is a place."""
    if ent.end >= len(doc) or ent.root.head.i != ent.end:
        return False
    return bool(_NUMBERED.match(doc[ent.end].text))


def _purpose_end(doc: Doc, ent: Span) -> int | None:
    """Where "<Body> for (the) <Capitalised Words>" ends: a body named with its purpose
    ("<Name> Foundation for the <Field>"), which the model cuts at "for"."""
    if ent.label_ != "ORG" or bare_word(ent[-1].text) not in _PURPOSE_BODIES:
        return None
    k = ent.end
    if k + 1 >= len(doc) or doc[k].lower_ != "for":
        return None
    k += 1 + (doc[k + 1].lower_ == "the")
    end = k
    while end < len(doc) and _capitalised(doc[end]):
        end += 1
        joined = end + 1 < len(doc) and doc[end].lower_ in {"of", "and", "&"}
        if joined and _capitalised(doc[end + 1]):
            end += 1  # "for the Study of <Field>"
    return end if end > k else None


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def _owner_and_trade(doc: Doc, owner: Span, ent: Span) -> bool:
    """ "<Owner>'s <Trade>" cut in two at the possessive: a shop or firm named after its
    owner ("<Surname>'s Bakery")."""
    if ent.label_ != "ORG" or owner.label_ not in {"ORG", "PERSON"}:
        return False
    if ent.start != owner.end + 1 or not is_possessive(doc[owner.end]):
        return False
    return all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in ent)


def _place_word(doc: Doc, i: int) -> bool:
    """A capitalised word that ends a place's name ("Hill", "Street", "Square")."""
    if i >= len(doc) or not doc[i].text[:1].isupper():
        return False
    one_word_entity = doc[i].ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")
    alone = doc[i].ent_iob_ == "O" or one_word_entity
    return alone and bare_word(doc[i].text) in PLACE_SUFFIXES


def _source_with_article(doc: Doc, i: int) -> bool:
    """ "according to the <Name>": a source named with an article is a body, not a person."""
    return (
        i >= 3 and doc[i - 1].lower_ == "the" and doc[i - 3 : i - 1].text.lower() == "according to"
    )


def _modifier(root: Token) -> bool:
    """A nationality or creed used as an adjective."""
    return root.tag_ == "JJ" or root.dep_ == "amod"


def _mentions(doc: Doc, text: str, i: int, j: int, kind: str) -> list[Mention]:
    mention = make_mention(doc, text, i, j, kind) if i < j else None
    return [mention] if mention is not None else []


def make_mention(doc: Doc, text: str, i: int, j: int, kind: str) -> Mention | None:
    """The name inside tokens [i, j): determiners, titles and possessives trimmed."""
    while i < j and (doc[i].lower_ in _LEADING_SKIP or doc[i].is_punct):
        i += 1
    if kind != "person":
        named = _name_after_title(doc, i, j)
        if named is not None:
            i, kind = named, "person"
    elif i > 0 and _first_name_before(doc, i, j) and not (j - i > 1 and doc[i - 1].is_sent_start):
        i -= 1  # not "Candidate <First> <Surname>": a word capitalised as it opens the sentence
    titled = False
    while i < j - 1 and (is_honorific(doc[i].text) or _is_title(doc, i, kind)):
        titled = True
        i += 1
    if kind == "person":
        last_title = max((k for k in range(i, j - 1) if _is_title(doc, k, kind)), default=None)
        if last_title is not None and all(t.text[:1].isupper() for t in doc[i:last_title]):
            i, titled = last_title + 1, True  # "<Body> <Title> <Name>"
    while j > i and (doc[j - 1].is_punct or _dangling(doc[j - 1])):
        j -= 1
    if j - i > 1 and j < len(doc) and doc[j].text == ":" and doc[j - 1].lower_ in CREDIT_WORDS:
        j -= 1  # "<caption words> Image: <Name>": the caption ends before its credit label
    if j - 1 > i and is_possessive(doc[j - 1]):
        j -= 1
    if i >= j or _function_words(doc, i, j):
        return None
    if kind == "person" and j - i == 1 and _hyphened_to_a_name(doc, j):
        return None  # "<Name>-<Name> Act": the first half of a hyphened name is no one
    start = doc[i].idx
    surface = strip_possessive(text[start : doc[j - 1].idx + len(doc[j - 1].text)])
    titles_only = all(is_title_word(w) or is_honorific(w) for w in surface.split())  # "Sgt."
    if titles_only and kind == "person" and i > 0 and is_honorific(doc[i - 1].text):
        titles_only = False  # "Mr. King": a surname that is also a title word
    if titles_only or is_junk_name(surface) or (kind == "person" and looks_like_code(surface)):
        return None
    if kind in {"organization", "other", "place"} and _CODE.match(surface):
        return None  # product, model and mission codes ("XR6", "STS-12") name no body or place
    words = fold(surface).split()
    if len(words) == 1 and words[0] in ORG_HEAD_NOUNS and not _body_by_its_noun(doc, i, kind):
        return None  # "Authority", "Ministry": a fragment of a longer name
    if len(words) == 1 and kind == "organization" and is_person_noun(words[0]):
        return None  # "a former Scientologist": a word for a member, not the body
    if kind != "person" and (_names_no_body(doc, i, j, words, surface) or _post_nominal(doc, i, j)):
        return None
    if kind == "person":
        kind = _person_or_not(words)
    key = fold(surface)
    if not key:
        return None
    mention = Mention(start, start + len(surface), i, j, surface, key, kind)
    mention.sentence_initial = doc[i].is_sent_start or (i > 0 and doc[i - 1].text in _OPENING)
    mention.common_noun = j - i == 1 and doc[i].tag_ in {"NN", "NNS", "JJ"}
    mention.plural_noun = j - i == 1 and doc[i].tag_ == "NNS"
    before = doc[i - 1] if i > 0 else None
    if before is not None and is_honorific(before.text):
        mention.honorific = before.text.casefold().rstrip(".")
        titled = True
    if titled and key not in PLACE_ALIASES:
        mention.kind, mention.weight = "person", 2.0
    if mention.kind == "other" and _source_with_article(doc, i):
        mention.kind = "organization"  # "according to the <Name> Herald": a body
    mention.short_form = _short_form_after(doc, j)
    mention.shop_form = _shop_form(doc, j)
    _fix_kind(doc, mention)
    _add_hints(doc, mention)
    if mention.kind in {"person", "other"} and _affiliation_of_person(doc, mention):
        mention.org_hint += 2.0  # "<Person> of <Name>": the body the person belongs to
        if mention.kind == "other":
            mention.kind = "organization"
    return mention


_PUTTING_OUT = frozenset({"share", "publish"})
"""Verbs of putting words out that are no verbs of saying ("shared on <Name>")."""


def _medium_of_saying(prep: Token) -> bool:
    """ "said on <Name>", "posted on <Name>": the "on" of a verb of saying or posting."""
    if prep.lower_ != "on" or prep.dep_ != "prep":
        return False
    lemma = prep.head.lemma_.casefold()
    return prep.head.pos_ == "VERB" and (lemma in SPEECH_LEMMAS or lemma in _PUTTING_OUT)


def _function_words(doc: Doc, i: int, j: int) -> bool:
    """ "JUST TOO SLOW" in a heading shouted in capitals: function words name nothing. In
    running text a word in capitals among lower-case ones is an acronym ("the WHO said")."""
    if not all(t.is_stop and t.pos_ in _FUNCTION_POS for t in doc[i:j]):
        return False
    near = [doc[k] for k in (i - 1, j) if 0 <= k < len(doc) and doc[k].is_alpha]
    return any(t.text.isupper() and len(t.text) > 1 for t in near)


def _hyphened_to_a_name(doc: Doc, j: int) -> bool:
    """Whether token `j` is a hyphen written tight between the name before it and another
    capitalised word: "<Name>-<Name>", a law, a company or a place, not a person's surname."""
    return (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].text[:1].isupper()
    )


def _body_by_its_noun(doc: Doc, i: int, kind: str) -> bool:
    """ "Congress", "the Senate", "Parliament": a body named by its capitalised head noun
    alone, tagged as an organisation, with no capitalised word before it that would make
    it the tail of a longer name."""
    token = doc[i]
    if kind != "organization" or not token.text[:1].isupper():
        return False
    if is_person_noun(token.lemma_.casefold()) or token.lower_ == "statement":
        return False
    if i > 0 and doc[i - 1].text in _OPENING:
        return False
    before = doc[i - 1] if i > 0 else None
    return before is None or not before.text[:1].isupper() or before.lower_ == "the"


def _shop_form(doc: Doc, j: int) -> bool:
    """A possessive with no noun after it ("customers at <Owner>'s say"): a place of trade."""
    if j >= len(doc) or not is_possessive(doc[j]):
        return False
    after = doc[j + 1] if j + 1 < len(doc) else None
    return after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM", "ADV"}


def _short_form_after(doc: Doc, j: int) -> str:
    """ "<Long Name> (<ACRONYM>)": the folded acronym a name is given, whatever its letters."""
    if j + 2 >= len(doc) or doc[j].text != "(" or doc[j + 2].text != ")":
        return ""
    word = doc[j + 1].text
    if not (1 < len(word) <= 8 and word.isupper() and word.isalnum()):
        return ""
    return fold(word)


def _names_no_body(doc: Doc, i: int, j: int, words: list[str], surface: str) -> bool:
    """Names the model tags as bodies or groups that name none: a belief, the office inside a
    title, a study or a campaign, a time zone after a clock time."""
    if len(words) == 1 and (
        words[0] in FAITHS or len(words[0]) > 5 and words[0].endswith(_CREED_ENDINGS)
    ):
        return True  # "<Faith>", "<Creed>ism", "<Creed>phobia": a belief, not a body
    if (
        words[-1] in PORTFOLIOS
        and not any(w in ORG_HEAD_NOUNS for w in words)
        and _inside_title(doc, i, j)
    ):
        return True  # "<Rank> <Portfolio> Secretary", "<Title> for <Portfolio>"
    if len(words) > 1 and (words[-1] in WORK_NOUNS or words[0] == "operation"):
        return True  # "<Name> Study", "Operation <Name>": a piece of work
    return surface.isupper() and len(surface) <= 4 and i > 0 and _clock_time(doc[i - 1])


def _post_nominal(doc: Doc, i: int, j: int) -> bool:
    """ "<First> <Surname>, <ACRONYM>,": letters after a person's name between commas (a
    rank, an honour, a degree), not a body or a place."""
    if j - i != 1 or not 1 < len(doc[i].text) <= 4 or not doc[i].text.isupper():
        return False
    if i < 2 or doc[i - 1].text != "," or doc[i - 2].ent_type_ != "PERSON":
        return False
    return j == len(doc) or doc[j].text in {",", ";", ".", ")"}


def _inside_title(doc: Doc, i: int, j: int) -> bool:
    """Tokens [i, j) sit in a title: a title word follows them, or "<Title> for|of" precedes."""
    if j < len(doc) and _title_token(doc[j]):
        return True
    return i > 1 and doc[i - 1].lower_ in {"for", "of"} and _title_token(doc[i - 2])


def _title_token(token: Token) -> bool:
    """A capitalised title word, also with a rank prefix ("Under<title>", "Vice-<Title>")."""
    if not token.text[:1].isupper():
        return False
    word = bare_word(token.text)
    return is_title_word(word) or any(
        word.startswith(p) and is_title_word(word[len(p) :]) for p in _TITLE_PREFIXES
    )


def _clock_time(token: Token) -> bool:
    """ "14:00", "9 a.m.": a clock time, after which an acronym is a time zone."""
    return bool(_CLOCK.match(token.text)) or token.lower_ in {"a.m.", "p.m.", "am", "pm"}


def _affiliation_of_person(doc: Doc, m: Mention) -> bool:
    """ "<First> <Surname> of <Name>": a name right after "of" that follows a person's name,
    and is not a known place ("<Name> of <Country>" is where the person is from)."""
    i = m.tok_start
    if i < 2 or doc[i - 1].lower_ != "of" or doc[i - 2].ent_type_ != "PERSON":
        return False
    if doc[i].ent_type_ in {"GPE", "LOC"} or m.key in PLACE_ALIASES:
        return False
    return not any(w in COUNTRIES or w in CITIES for w in m.words)


def _person_or_not(words: list[str]) -> str:
    """Names the small model often takes for people: companies, countries, towns."""
    if any(w in ORG_SUFFIXES for w in words[1:]) or len(words) > 1 and words[0] in ORG_PREFIXES:
        return "organization"  # "<Name> BV", "<Name> Co Inc", "PT <Name>"
    if len(words) == 1 and (words[0] in COUNTRIES or words[0] in CITIES):
        return "place"
    if len(words) > 1 and (words[-1] in PLACE_SUFFIXES or words[0] in PLACE_PREFIXES):
        return "place"
    if len(words) > 1 and words[-1] in INSTITUTIONS:
        return "organization"  # "<First> <Last> Center": named after someone, not them
    if len(words) > 1 and words[-1] in FACILITIES:
        return "place"  # "<Name> Gallery", "<Name> Cave"
    return "person"


def _name_after_title(doc: Doc, i: int, j: int) -> int | None:
    """ "<Body> <Title> <Name>" tagged as an organisation: the name after the title."""
    for p in range(j - 2, i - 1, -1):
        token = doc[p]
        if token.text[:1].isupper() and (is_title_word(token.text) or is_honorific(token.text)):
            rest = doc[p + 1 : j]
            if bare_word(token.text) in TITLE_MODIFIERS or not 2 <= len(rest) <= 3:
                return None
            if bare_word(rest[-1].text) in ORG_HEAD_NOUNS | ORG_SUFFIXES:
                return None
            if all(t.text[:1].isupper() and t.tag_ in {"NNP", "NNPS"} for t in rest):
                return p + 1
            return None
    return None


def _first_name_before(doc: Doc, i: int, j: int) -> bool:
    """A first name left out of the entity that holds the surname."""
    token = doc[i - 1]
    return (
        token.ent_iob_ == "O"
        and token.tag_ == "NNP"
        and token.is_alpha
        and token.text[:1].isupper()
        and token.dep_ == "compound"
        and i <= token.head.i < j
        and not is_title_word(token.text)
        and not is_honorific(token.text)
    )


def _add_hints(doc: Doc, m: Mention) -> None:
    """Context evidence used when the model's label for a bare name is in doubt."""
    root = doc[m.tok_end - 1]
    single = m.tok_end - m.tok_start == 1
    if not single and any(w in ORG_SUFFIXES for w in m.words[1:]):
        m.org_hint += 1  # "<Name> Rovers", "<Name> Biologics"
    if m.tok_start > 0:
        prev = doc[m.tok_start - 1]
        before_prev = doc[m.tok_start - 2].lower_ if m.tok_start > 1 else ""
        owner = m.tok_end < len(doc) and is_possessive(doc[m.tok_end])
        if single and before_prev != "according" and not owner:  # not "from <Name>'s kick"
            m.place_hint += PLACE_PREPOSITIONS.get(prev.lower_, 0.0)
        elif prev.lower_ == "at" and m.kind == "person" and not owner:
            m.org_hint += 1.5  # "an economist at <Name> Analytics", not "from <Name>'s pass"
        if single and not owner and _medium_of_saying(prev):
            m.org_hint += 1  # "wrote on <Name>": where words are put out, not a person
    k = m.tok_start - 1
    while k >= max(m.tok_start - 3, 0) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k -= 1  # the first word of "the advocacy group <Several Word Name>"
    # "<noun> <Title> <Name>": a capitalised title between the noun and the name
    titled = any(_title_token(doc[x]) for x in range(k + 1, m.tok_start))
    if titled and m.kind in {"person", "organization"}:
        m.person_hint += 1  # "<Company> CEO <Name>", "<Body> <Title> <Name>"
    elif k >= 0 and doc[k].pos_ == "NOUN":
        lemma = doc[k].lemma_.casefold()
        title = is_person_noun(lemma) or (is_title_word(lemma) and lemma not in TITLE_MODIFIERS)
        if title and doc[k].tag_ == "NN":
            m.person_hint += 1  # "board president <Name>"
        elif lemma in ORG_HEAD_NOUNS:
            m.org_hint += 1.5  # "the advocacy group <Name>"
    if root.dep_ == "nsubj" and root.head.lemma_.casefold() in SPEECH_LEMMAS:
        m.speaker_hint += 1
    if single:
        owner = m.tok_end < len(doc) and is_possessive(doc[m.tok_end])
        m.noun_use = owner or root.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
        m.modifier_use = root.dep_ in {"amod", "compound", "nmod"} and not owner
    appositions = [c for c in root.children if c.dep_ == "appos"]
    related = ([root.head] if root.dep_ == "appos" else []) + appositions
    lemmas = {t.lemma_.casefold() for t in related}
    m.person_hint += any(is_person_noun(lemma) for lemma in lemmas)
    m.org_hint += bool(lemmas & _BODY_HEADS)
    if any(
        c.i > root.i and c.pos_ == "NOUN" and c.lemma_.casefold() in _BODY_HEADS
        for c in appositions
    ):
        m.org_hint += 1  # "<Name>, the state news agency, said": what it is outweighs its speaking
    m.place_hint += bool(lemmas & PLACE_NOUNS)
    org_shaped = not single and any(
        w in ORG_HEAD_NOUNS or w in INSTITUTIONS or w in ORG_SUFFIXES for w in m.words
    )
    after = doc[m.tok_end : m.tok_end + 3]
    if len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
        m.person_hint += 1  # an age: "<Name>, 67,"
    owner = doc[m.tok_start - 1] if m.tok_start > 1 else None
    if not single and not org_shaped and owner is not None and _possessive_body(owner):
        m.person_hint += 1  # "<Network>'s <First> <Surname>": someone who works there
    whose_place = m.kind == "place" and m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "of"
    who = len(after) >= 2 and after[0].text == "," and after[1].lower_ == "who"
    if who and not org_shaped and not whose_place:
        # not "Judge <Name> of the <Court>, who ...", "<Name> of <State>, who ...": the
        # person before "of" is the one who
        m.person_hint += 1
    places = {"GPE", "LOC"}
    if not single and not org_shaped and m.kind != "place" and _coordinated_with(root, {"PERSON"}):
        m.person_hint += 1  # "<Name>, <Name>, <Name> and <Name>": a list of people
    if root.dep_ == "conj" and root.head.ent_type_ in places:
        m.place_hint += 1
    if single and _region_after_town(doc, root, places):
        m.place_hint += 1.5  # "<Town>, <Region>": the region the town is in
    if any(c.dep_ == "conj" and c.ent_type_ in places for c in root.children):
        m.place_hint += 1
    if single and (
        root.dep_ == "conj"
        and root.head.ent_type_ == "ORG"
        or any(c.dep_ == "conj" and c.ent_type_ == "ORG" for c in root.children)
    ):
        m.org_hint += 1  # "its <Brand> and <Brand> bars": one kind of thing
    if (
        len(after) >= 2
        and single
        and after[0].lower_ == "in"
        and (after[1].ent_type_ in places or fold(after[1].text) in COUNTRIES)
    ):
        m.place_hint += 1.5


def _region_after_town(doc: Doc, root: Token, places: set[str]) -> bool:
    """ "in <Town>, <Region>": a name in apposition to a place before it, not the subject of
    a clause the parse hung there ("in <Country>, <Name>, aided by ..., held on")."""
    if root.dep_ != "appos" or root.head.ent_type_ not in places or root.head.i > root.i:
        return False
    after = doc[root.i + 1 : root.i + 3]
    return not (len(after) == 2 and after[0].text == "," and after[1].pos_ in {"VERB", "AUX"})


def _possessive_body(token: Token) -> bool:
    """A possessive ending on an organisation's name ("<Network>'s", "<News>'")."""
    return is_possessive(token) and token.ent_type_ == "ORG"


def _coordinated_with(root: Token, labels: set[str]) -> bool:
    """Whether a conjunct of the name (or the name it is a conjunct of) has one of `labels`:
    the members of a list are of one kind."""
    near = [root.head] if root.dep_ == "conj" else []
    near += [c for c in root.children if c.dep_ == "conj"]
    return any(t.ent_type_ in labels and t.ent_iob_ != "O" for t in near)


def _is_title(doc: Doc, i: int, kind: str) -> bool:
    token = doc[i]
    return kind == "person" and token.text[:1].isupper() and is_title_word(token.text)


def _fix_kind(doc: Doc, mention: Mention) -> None:
    """Rule fixes for the small model's usual label errors."""
    if mention.kind == "person" and mention.key in PLACE_ALIASES:
        mention.kind = "place"
    words = mention.words
    if mention.kind in {"organization", "group"} and len(words) > 1 and words[-1] in THOROUGHFARES:
        mention.kind = "place"  # "<Name> Street", "<Name> Square": where things happen
    if mention.kind in {"place", "other"} and len(words) > 1 and words[0] in ORG_PREFIXES:
        mention.kind = "organization"  # "Colegio <Name>": a school, not a place
    kind = _dateline_kind(doc.text, mention.start)
    if kind is not None:
        mention.kind, mention.weight = kind, 3.0  # outweighs a tie of other labels


def _dateline_kind(text: str, start: int) -> str | None:
    """In a dateline, "<CITY>, <Region> (<Agency>) —": the city and the region are places
    and the agency in parentheses is an organisation, whatever the model said."""
    block = text.rfind("\n", 0, start) + 1
    if start - block >= MAX_LENGTH:
        return None
    dateline = find_dateline(text[block : block + MAX_LENGTH])
    if dateline is None or start - block >= dateline.end:
        return None
    before = text[block:start]
    return "organization" if before.count("(") > before.count(")") else "place"
