"""Roles of people from the parse: titles before a name and appositions around it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.actors.gazetteer import PLACE_SUFFIXES
from reader.analysis.lexicon import TITLE_EXPANSIONS, is_person_noun, words
from reader.analysis.names import bare_word, is_honorific, is_possessive, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MAX_ROLE_TOKENS = 18
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
_TITLE_HEAD_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_KEEP_CASE_ENTS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON"})
_NOT_TITLE_ENTS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})
_AGENTS = dict(
    pair.split(":")
    for pair in words(
        """
    found:founder co-found:co-founder lead:leader direct:director chair:chair
    co-chair:co-chair own:owner manage:manager teach:teacher coach:coach edit:editor
    organize:organizer organise:organiser head:head run:head represent:representative
    coordinate:coordinator supervise:supervisor advise:adviser
    """
    )
)
"""Verbs of a "who ..." clause that name a role ("who founded X" -> "founder of X")."""
_FIGURES = frozenset({"DATE", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
"""An age, a year, a score or a sum beside a name ("<Name>, 27.6 percent to 24.3 percent"):
no role, though a role may follow it."""
_WORDY = re.compile(r"[a-z]{3}")
_PARTY_CODE = re.compile(r"^[A-Z]{1,2}\s?[-–]\s?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?$")
_TRAILING_DROP = frozenset({"ADP", "PART", "DET", "CCONJ", "SCONJ", "PUNCT"})
_LEADING_DROP = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def role_for_mention(doc: Doc, start: int, end: int) -> str | None:
    """The role stated next to the name in tokens [start, end), if any."""
    root = _name_root(doc, start, end)
    title = _title_before(doc, start, end, root)
    if is_possessive(doc[end - 1]) or end < len(doc) and is_possessive(doc[end]):
        return title  # "<Name>’s, a narrow storefront": the apposition is about the shop
    described = _apposition(doc, start, end, root) or _copula(doc, root)
    if not described:
        clause = _relative_clause(doc, root)
        if title and clause and " " not in title:
            return f"{title}, {clause}"  # "councilor, representative of the <Name> ward"
        if not title:
            return clause or _main_clause(doc, root)
    if title and not described:
        where = _affiliation(doc, end, root)
        return f"{title} {where}" if where else title  # "captain of the <Service> department"
    if title and " " in title:
        if described and not _content_words(described) & _content_words(title):
            return f"{title}, {described}"  # "Major General <Name>, spokesman for the army"
        return title
    return described or title


def _content_words(role: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", role.casefold()) if w not in _LEADING_DROP}


def _affiliation(doc: Doc, end: int, root: Token) -> str | None:
    """ "of the <City> <Service> department" right after a titled name."""
    prep = doc[end] if end < len(doc) else None
    if prep is None or prep.lower_ not in {"of", "at"} or prep.head.i != root.i:
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ not in {"ORG", "GPE", "FAC"}:
        return None
    return _phrase(doc, prep.i, prep, keep_det=True)


def _name_root(doc: Doc, start: int, end: int) -> Token:
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return doc[end - 1]


def _title_before(doc: Doc, start: int, end: int, root: Token) -> str | None:
    """ "<Rank> <Portfolio> <Title> <Name>" -> "<rank> <portfolio> <title>"."""
    left = root.left_edge.i
    entity_start = start
    while entity_start > 0 and doc[entity_start].ent_iob_ == "I":
        entity_start -= 1  # titles the model put inside the name ("<Body> <Title> <Name>")
    first = start
    if left >= start and start > 0 and is_title_word(doc[start - 1].text):
        # The parse left the title out of the name's phrase ("<Body> <Rank> <Title> <Name>"
        # read as a conjunct): take the capitalised run before the name.
        left = start
        while left > 0 and start - left < 6 and _capitalised(doc[left - 1]):
            left -= 1
    while first > left:
        token = doc[first - 1]
        if token.is_punct and token.text not in {"-", "–"} or token.dep_ in {"det", "case"}:
            break
        # A name or number ends the title, but not "<Name> County" taken for a person.
        county = token.ent_type_ == "PERSON" and _place_shaped(doc, token.i)
        if token.i < entity_start and token.ent_type_ in _NOT_TITLE_ENTS and not county:
            break
        first -= 1
    tokens = list(doc[first:start])
    while tokens and is_honorific(tokens[-1].text):
        tokens.pop()
    while tokens and tokens[0].lower_ in _LEADING_DROP:
        tokens.pop(0)
    if not tokens or tokens[-1].tag_ not in _TITLE_HEAD_TAGS or tokens[-1].ent_type_ == "GPE":
        return None
    if len(tokens) > _MAX_ROLE_TOKENS or any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod" for t in tokens
    ):
        return None
    if not any(
        (t.is_alpha or t.lower_ in TITLE_EXPANSIONS) and not is_honorific(t.text) for t in tokens
    ):
        return None
    return _render(tokens, lower_titles=True)


def _place_shaped(doc: Doc, i: int) -> bool:
    """Whether the entity at token i ends in a place word ("<Name> County")."""
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return bare_word(doc[i].text) in PLACE_SUFFIXES


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and (token.is_alpha or token.text.endswith("."))


def _apposition(doc: Doc, start: int, end: int, root: Token) -> str | None:
    """ "<Name>, the department's spokesman" / "the city's finance director, <Name>"."""
    for child in root.rights:
        if child.dep_ != "appos" or child.i < end:
            continue
        if any(t.text == ":" for t in doc[end : child.left_edge.i]):
            continue  # "<Name>: Two things." - an interview answer, not a role
        if child.like_num or child.ent_type_ in _FIGURES or _party_code(doc, child):
            nested = [c for c in child.rights if c.dep_ == "appos"]
            if not nested:
                continue
            child = nested[0]
        nominal = child.pos_ in {"NOUN", "PROPN"} or any(c.dep_ == "det" for c in child.lefts)
        if nominal and child.ent_type_ != "PERSON" and not _bare_thing(child):
            role = _phrase(doc, child.left_edge.i, child)
            if role:
                return role
    head = root.head
    if root.dep_ == "appos" and head.i < start and head.pos_ == "NOUN":
        return _phrase(doc, head.left_edge.i, head, stop=root.left_edge.i)
    if head.lemma_ == "name" and head.dep_ == "acl" and head.head.pos_ == "NOUN":
        noun = head.head  # "a mill worker named <Name>"
        return _phrase(doc, noun.left_edge.i, noun, stop=head.i)
    return None


def _bare_thing(noun: Token) -> bool:
    """ "<Name>, bread and two goats": a noun with no article, no owner and no "of" or "at"
    after it, that is no word for a person, is a thing listed beside the name, no role
    ("<Name>, spokesman", "<Name>, head of the agency" are)."""
    lemma = noun.lemma_.casefold()
    return (
        noun.pos_ == "NOUN"
        and not any(c.dep_ in {"det", "poss", "nummod", "prep"} for c in noun.children)
        and not is_person_noun(lemma)
        and not is_title_word(lemma)
    )


def _party_code(doc: Doc, token: Token) -> bool:
    """ "D-<State>", "R-<State>": a politician's party and state, not a role."""
    return bool(_PARTY_CODE.match(doc[token.left_edge.i : token.i + 1].text))


def _relative_clause(doc: Doc, root: Token) -> str | None:
    """ "<Name>, who teaches food history at <University>" ->
    "food history teacher at <University>"; "who founded the group" -> "founder of ...";
    "who works as a line cook at a hotel" -> "line cook at a hotel"."""
    verb = next((c for c in root.rights if c.dep_ == "relcl"), None)
    if verb is None or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return None
    for candidate in (verb, *(c for c in verb.rights if c.dep_ == "conj")):
        role = _agent_role(doc, candidate)
        if role:
            return role
    return None


def _main_clause(doc: Doc, root: Token) -> str | None:
    """ "<Name>, 47, runs a fish-smoking business" -> "head of a fish-smoking business";
    "<Name> founded the group in 2010" -> "founder of the group"."""
    verb = root.head
    if root.dep_ != "nsubj" or verb.i == root.i or not verb.tag_.startswith("VB"):
        return None
    lemma = verb.lemma_.casefold()
    if verb.tag_ not in {"VBZ", "VBP"} and lemma not in {"found", "co-found"}:
        return None  # "Smith ran a marathon" says nothing of a role
    return _agent_role(doc, verb)


def _agent_role(doc: Doc, verb: Token) -> str | None:
    if verb.lemma_.casefold() == "help":  # "who helped organize the group"
        verb = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}), verb)
    lemma = verb.lemma_.casefold()
    where = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "for", "with"}), None
    )
    place = _phrase(doc, where.i, where) if where is not None and where.i > verb.i else None
    if lemma in {"work", "serve"}:  # "who works as a line cook at a downtown hotel"
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        role = _phrase(doc, obj.left_edge.i, obj) if obj is not None else None
        return f"{role} {place}" if role and place else role
    agent = _AGENTS.get(lemma)
    if agent is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    teach = agent == "teacher"
    words = _phrase(doc, obj.left_edge.i, obj, keep_det=not teach) if obj is not None else None
    if obj is not None and words is None:
        return None
    if teach:
        role = f"{words} teacher" if words else "teacher"
    else:
        role = f"{agent} of {words}" if words else agent
    return f"{role} {place}" if place else role


def _copula(doc: Doc, root: Token) -> str | None:
    """ "The bakery’s oldest employee is <Name>" / "<Name> is the oldest employee"."""
    verb = root.head
    if verb.lemma_ != "be" or root.dep_ not in {"attr", "nsubj"}:
        return None
    other_dep = "nsubj" if root.dep_ == "attr" else "attr"
    other = next((c for c in verb.children if c.dep_ == other_dep), None)
    if other is None or other.pos_ != "NOUN":
        return None
    return _phrase(doc, other.left_edge.i, other, stop=verb.i if other.i < verb.i else None)


def _phrase(
    doc: Doc, first: int, head: Token, stop: int | None = None, *, keep_det: bool = False
) -> str | None:
    """Words of a noun phrase, cut before commas, relative clauses and the stop index."""
    limit = head.right_edge.i + 1 if stop is None else stop
    cut = limit
    for token in doc[head.i + 1 : limit]:
        if token.text in {",", ";", ":", "(", "—", "–"} or token.dep_ in _CUT_DEPS:
            cut = token.i
            break
        if token.tag_ == "WDT" or token.tag_ == "WP" or token.is_sent_start:
            cut = token.i
            break
    tokens = list(doc[first:cut])
    while tokens and (
        tokens[0].lower_ in _LEADING_DROP
        and not keep_det
        or tokens[0].is_punct
        or _counted(tokens[0], head)
    ):
        tokens.pop(0)
    while tokens and (tokens[-1].pos_ in _TRAILING_DROP or tokens[-1].lower_ in {"who"}):
        tokens.pop()  # a phrase cut before its verb or object ("head of")
    if len(tokens) > _MAX_ROLE_TOKENS:
        tokens = _shorten(tokens)
    if not tokens or len(tokens) > _MAX_ROLE_TOKENS or "\n" in "".join(t.text for t in tokens):
        return None
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in tokens):
        return None
    return _render(tokens, lower_titles=False)


def _counted(token: Token, head: Token) -> bool:
    """ "one driver", "another resident": the count picks a person out, it is no role."""
    return token.lower_ in {"one", "another"} and token.head.i == head.i and token.i < head.i


def _shorten(tokens: list[Token]) -> list[Token]:
    """A long description cut at its first "and", else before its last preposition in reach."""
    for k, token in enumerate(tokens):
        if token.dep_ == "cc" and k > 1:
            return tokens[:k]
    preps = [k for k, t in enumerate(tokens[:_MAX_ROLE_TOKENS]) if t.dep_ == "prep" and k > 1]
    return tokens[: preps[-1]] if preps else tokens


def _keeps_case(token: Token) -> bool:
    """A name inside a role keeps its capitals; a title word the model took into a person's
    name, or tagged alone as an entity, does not ("Assistant Prosecutor <Name>" gives
    "assistant prosecutor")."""
    if is_title_word(token.text) and (token.ent_type_ == "PERSON" or _alone_in_entity(token)):
        return False
    return token.ent_type_ in _KEEP_CASE_ENTS


def _alone_in_entity(token: Token) -> bool:
    doc = token.doc
    return token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")


def _render(tokens: list[Token], *, lower_titles: bool) -> str | None:
    parts: list[str] = []
    for i, token in enumerate(tokens):
        word = token.text
        expanded = TITLE_EXPANSIONS.get(word.casefold())
        if expanded:
            word = expanded
        elif lower_titles and not word.isupper() and not _keeps_case(token):
            word = word.lower()
        parts.append(word + (token.whitespace_ if i < len(tokens) - 1 else ""))
    role = "".join(parts).strip()
    # A role has a word in it: not "R-Ky." or "D-N.Y." (party and state) or a bare number.
    return role if _WORDY.search(role) else None
