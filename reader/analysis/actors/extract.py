"""Named actors of an article: entities merged across aliases, with roles and salience."""

from __future__ import annotations

import bisect
from collections import defaultdict
from typing import TYPE_CHECKING

from reader.analysis.actors.gazetteer import ORG_KIND_PLACES, PLACE_ALIASES
from reader.analysis.actors.index import PersonIndex, name_genders, name_shaped
from reader.analysis.actors.mentions import Mention, entity_mentions
from reader.analysis.actors.name_scan import (
    bare_name_mentions,
    honorific_mentions,
    organisation_mentions,
)
from reader.analysis.actors.org_merge import cluster_kind, merge_clubs, merge_organisations
from reader.analysis.actors.roles import role_for_mention
from reader.analysis.actors.things import (
    named_after_people,
    named_things,
    named_works,
    things_by_class_noun,
)
from reader.analysis.models import Actor, ActorKind
from reader.analysis.names import (
    fold,
)
from reader.text.credits import credit_spans
from reader.text.speech import SPEECH_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_actors(doc: Doc, text: str) -> tuple[Actor, ...]:
    """People, organisations, places and groups in `doc`, most salient first."""
    if not doc.has_annotation("ENT_IOB"):
        return ()
    mentions = entity_mentions(doc, text) + honorific_mentions(doc, text)
    mentions += organisation_mentions(doc, text)
    mentions = named_after_people(doc, text, mentions)
    credits = credit_spans(text)
    if credits:
        mentions = [m for m in mentions if not _inside(m.start, credits)]
    lower_words = {t.text for t in doc if t.is_lower}
    _people_called_by_surname(doc, mentions, lower_words)
    people = PersonIndex(mentions, name_genders(doc, mentions))
    bare = bare_name_mentions(doc, text)
    for m in bare:
        if len(m.words) > 1 and m.words[-1] in people.surnames and name_shaped(m):
            m.kind = "person"  # "<First> <Surname>" untagged beside another tagged person of that surname
    named = [m for m in bare if m.kind == "person"]
    if named:
        mentions += named
        people = PersonIndex(mentions, name_genders(doc, mentions))
    mentions += [
        m
        for m in bare
        if m.kind == "organization"
        or m.kind != "person"
        and (m.surface.isupper() or people.resolve(m))
    ]
    if credits:
        mentions = [m for m in mentions if not _inside(m.start, credits)]
    things = named_things(doc, mentions) | named_works(doc, mentions)
    things |= things_by_class_noun(doc, mentions)
    if things:
        mentions = [m for m in mentions if m.key not in things]
    mentions = _without_overlaps(sorted(mentions, key=lambda m: (m.start, -m.end)))
    _to_shops(mentions)
    clusters = _cluster(mentions, people)
    lower = {w for w in lower_words if w.isalpha()}
    actors = [
        _build_actor(doc, cluster)
        for cluster in clusters.values()
        if not _capitalised_word(cluster, lower)
    ]
    actors = [a for a in actors if a is not None]
    length = max(len(text), 1)
    scored = [(a, _salience(a, length)) for a in actors]
    scored.sort(key=lambda pair: (-pair[1], pair[0].spans[0][0]))
    return tuple(actor for actor, _ in scored)


def _people_called_by_surname(doc: Doc, mentions: list[Mention], lower: set[str]) -> None:
    """ "<First> <Last> said ..." tagged as an organisation, then "<Last> told ...": a body is
    not called by the last word of its name alone, a person is; when that last word speaks
    on its own, the name and the word are a person's, whatever the model's label."""
    speaking = {
        m.key
        for m in mentions
        if len(m.words) == 1
        and (m.speaker_hint or m.person_hint)
        and not m.plural_noun
        and m.kind in {"organization", "other", "person"}
    }
    speaking |= {
        fold(t.text)
        for t in doc
        if t.ent_iob_ == "O"
        and t.dep_ == "nsubj"
        and t.text[:1].isupper()
        and t.is_alpha
        and t.head.lemma_.casefold() in SPEECH_LEMMAS
    }  # "“...,” <Last> told reporters", a name the model left untagged
    speaking -= lower  # "Police said": a word, not a name
    if not speaking:
        return
    named = {
        m.key
        for m in mentions
        if m.kind in {"organization", "other"}
        and len(m.words) in {2, 3}
        and m.words[-1] in speaking
        and name_shaped(m)
    }
    surnames = {key.split()[-1] for key in named}
    for m in mentions:
        if m.key in named or m.key in surnames and m.kind in {"organization", "other"}:
            m.kind = "person"


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _cluster(mentions: list[Mention], people: PersonIndex) -> dict[str, list[Mention]]:
    clusters: dict[str, list[Mention]] = defaultdict(list)
    leftovers: list[Mention] = []
    for m in mentions:
        root = people.resolve(m)
        if root is not None:
            m.kind = "person"
            clusters["p:" + root].append(m)
        elif m.kind == "person" and len(m.words) > 1 and m.key not in people.bodies:
            clusters["p:" + m.key].append(m)
        elif _family(m, people):
            m.kind, m.weight = "group", 3.0
            clusters["n:" + m.key].append(m)
        elif m.kind != "other":
            clusters["n:" + _group_key(m)].append(m)
        else:
            leftovers.append(m)
    for m in leftovers:
        # An acronym the model missed once: it joins the same acronym found elsewhere.
        key = "n:" + _group_key(m)
        if m.surface.isupper() and key in clusters:
            m.weight = 0.0
            clusters[key].append(m)
    merge_organisations(clusters)
    merge_clubs(clusters)
    return clusters


def _to_shops(mentions: list[Mention]) -> None:
    """ "at <Owner>'s" beside "<Owner>'s <Trade>": the shop, not its owner."""
    shops = {
        m.key.split("'s ", 1)[0]: m.key
        for m in mentions
        if m.kind == "organization" and "'s " in m.key
    }
    for m in mentions:
        if m.shop_form and m.key in shops:
            m.key, m.kind = shops[m.key], "organization"


def _family(m: Mention, people: PersonIndex) -> bool:
    """ "the <Surname>s" beside people of that surname: the family, a group of people."""
    word = m.key
    return " " not in word and len(word) > 3 and word.endswith("s") and word[:-1] in people.surnames


def _group_key(m: Mention) -> str:
    alias = PLACE_ALIASES.get(m.key)
    if alias is not None:
        return fold(alias)
    if m.kind == "group" and m.key.endswith("s"):
        return m.key[:-1]
    return m.key


def _capitalised_word(mentions: list[Mention], lower: set[str]) -> bool:
    """A word capitalised only where a sentence or a quotation opens, and written in lower
    case elsewhere in the text: an ordinary word ("<Noun> fell ... the <noun> figures"),
    not a name."""
    return all(
        len(m.words) == 1
        and m.sentence_initial
        and not m.honorific
        and not m.surface.isupper()
        and m.surface.casefold() in lower
        for m in mentions
    )


def _bare_name_kind(doc: Doc, mentions: list[Mention], kind: ActorKind) -> ActorKind | None:
    """A one-word "person" with no first name, title or "Mr.": the context decides, or drop it."""
    if kind != "person" or any(len(m.words) > 1 or m.honorific for m in mentions):
        return kind
    if all(m.surface.isupper() for m in mentions):
        return "organization"  # an acronym the model took for a person
    if all(m.plural_noun and m.sentence_initial for m in mentions):
        return None  # a plural noun capitalised as the first word of a sentence
    person = sum(m.person_hint + m.speaker_hint + (m.weight > 1) for m in mentions)
    if person == 0 and all(m.common_noun for m in mentions):
        return None  # a lone common noun the model took for a name
    if person == 0 and any(_own_article(doc, m) for m in mentions):
        return None  # "during the <Festival>", "the 1990 <Festival>": a person takes no article
    place = sum(m.place_hint for m in mentions)
    if place > person:
        return "place"
    if sum(m.org_hint for m in mentions) > person:
        return "organization"
    if person == 0 and len(mentions) == 1 and not name_shaped(mentions[0]):
        return None
    return kind


def _own_article(doc: Doc, m: Mention) -> bool:
    """ "the <Name>" with the article on the name itself, not on a noun the name modifies
    ("the <Name> campaign"). A plural is left alone: "the <Party>s" are a group of people."""
    token = doc[m.tok_end - 1]
    if token.tag_ == "NNPS" or m.key.endswith("s"):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _a_people(doc: Doc, mentions: list[Mention]) -> bool:
    """A people, a nationality or a creed the model tags as such in a one-word noun in the
    plural or as "the <People>" ("aid for <Creed>s in <Country>", "<People>s and the
    <People>"): its place or company cues ("in <Country>", a company beside it in a list)
    do not make it a place or a company. A plural proper noun the model does not tag as a
    people is not enough: towns, companies and products end in "s" too."""
    if any(len(m.words) > 1 or m.honorific for m in mentions):
        return False
    if mentions[0].key[-1:] != "s" and any(m.speaker_hint for m in mentions):
        return False  # "<Name> said": a company the model took for a nationality
    for m in mentions:
        if m.modifier_use or m.sentence_initial:
            continue
        token = doc[m.tok_start]
        plural = token.tag_ == "NNPS" or m.key.endswith("s")
        article = m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "the"
        if token.ent_type_ == "NORP" and (plural or article):
            return True
    return False


def _build_actor(doc: Doc, mentions: list[Mention]) -> Actor | None:
    mentions = _without_overlaps(sorted(mentions, key=lambda m: m.start))
    kind = _bare_name_kind(doc, mentions, cluster_kind(mentions))
    if kind is None:
        return None
    if kind in {"organization", "place"} and _a_people(doc, mentions):
        kind = "group"
    name = _canonical(doc, mentions, kind)
    if fold(name) in PLACE_ALIASES:
        display = PLACE_ALIASES[fold(name)]
        kind = "organization" if display in ORG_KIND_PLACES else "place"
    aliases: list[str] = []
    for m in mentions:
        forms = [m.surface]
        if m.honorific:
            forms.append(f"{doc[m.tok_start - 1].text} {m.surface}")
        for form in forms:
            if form != name and form not in aliases:
                aliases.append(form)
    role = None
    if kind == "person":
        role = next(
            (r for m in mentions if (r := role_for_mention(doc, m.tok_start, m.tok_end))), None
        )
    return Actor(
        name=name,
        kind=kind,
        aliases=tuple(aliases),
        mentions=len(mentions),
        role=role,
        spans=tuple((m.start, m.end) for m in mentions),
    )


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in mentions:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _canonical(doc: Doc, mentions: list[Mention], kind: str) -> str:
    """The longest proper form, without a verb or an adverb run into it; mixed case
    preferred over a shouted dateline form."""
    same_kind = [m for m in mentions if m.kind == kind] or mentions
    best = max(
        same_kind,
        key=lambda m: (
            len(m.words),
            not m.surface.isupper() or len(m.surface) <= 5,
            len(m.surface),
        ),
    )
    # "Telling <First> <Last> ...", "<A> Slams <First> <Last>" in a headline: a word the
    # tagger reads as no name (a verb, an adverb) run into the name; the same name
    # elsewhere without it is the name
    inner = [
        m
        for m in same_kind
        if 1 < len(m.words) < len(best.words)
        and best.words[-len(m.words) :] == m.words
        and any(
            t.pos_ in {"VERB", "AUX", "ADV"} or t.tag_.startswith("VB")
            for t in doc[best.tok_start : best.tok_end - (m.tok_end - m.tok_start)]
        )
    ]
    if inner:
        best = max(inner, key=lambda m: (len(m.words), len(m.surface)))
    if best.surface.isupper():
        # "RIVERSIDE, <State> —" in a dateline and "Riverside" in the text: the text's form
        quiet = [m for m in mentions if m.key == best.key and not m.surface.isupper()]
        if quiet:
            return quiet[0].surface
    return best.surface


def _salience(actor: Actor, length: int) -> float:
    """Mentions count, earlier ones more: a name in the lead outweighs one in the tail."""
    return sum(2.0 - start / length for start, _ in actor.spans)
