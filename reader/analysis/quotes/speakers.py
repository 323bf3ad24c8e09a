"""Who is speaking: map a parsed noun phrase or pronoun to an actor, using the actors' spans."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

from reader.analysis.lexicon import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    PERSON_PRONOUNS,
    PRESS_NAME_WORDS,
    PRESS_NOUNS,
    SPEAKING_ORG_NOUNS,
    honorific_gender,
    is_person_noun,
)
from reader.analysis.models import Actor
from reader.analysis.names import fold, is_possessive, is_title_word
from reader.text.speech import SPEECH_LEMMAS, STATEMENT_NOUNS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Span, Token

_HONORIFIC_BEFORE = re.compile(r"(\w+)\.?\s*$")
_SUBTREE_LIMIT = 24
_ORG_LOOKBACK = 400
"""How many earlier mentions "the ministry said" may look through for its organisation."""
_OBJECT_PATH = frozenset({"appos", "conj", "dobj", "pobj", "prep", "dative", "compound", "poss"})
"""Dependencies that lead from a name in an object up to its verb."""
_PRONOUN_REACH = 3_000
"""How far back (in characters) a pronoun may look for its person."""


class SpeakerResolver:
    """Actor look-ups by character offset, pronoun resolution and common-noun matching."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        actors: tuple[Actor, ...],
        quoted: list[tuple[int, int]],
        author: str | None = None,
    ):
        self.doc = doc
        self.author = next((a for a in actors if author and fold(a.name) == fold(author)), author)
        """Who "I" is outside quotation marks: the byline's one person (as an actor if named)."""
        self.text = text
        self.actors = actors
        mentions = sorted(
            ((s, e, a) for a in actors for s, e in a.spans if not _inside(s, quoted)),
            key=_by_position,
        )
        self.starts = [m[0] for m in mentions]
        self.mentions = mentions
        all_spans = sorted(((s, e, a) for a in actors for s, e in a.spans), key=_by_position)
        self.all_starts = [m[0] for m in all_spans]
        self.all_spans = all_spans
        from spacy.attrs import IDX

        self.tok_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.quoted_spans = quoted
        self.gender = {a.name: self._gender(a) for a in actors if a.kind == "person"}
        self._memo: dict[tuple[int, str | None], Actor | None] = {}
        self.last_speaker: tuple[int, Actor] | None = None
        """Where the latest attributed quote ends and the person who said it."""

    def token_at(self, char: int) -> int:
        """Index of the token that contains (or precedes) character `char`."""
        return max(bisect.bisect_right(self.tok_starts, char) - 1, 0)

    def actor_at(self, char: int) -> Actor | None:
        """The actor whose mention covers character `char`."""
        i = bisect.bisect_right(self.all_starts, char) - 1
        if i >= 0 and self.all_spans[i][0] <= char < self.all_spans[i][1]:
            return self.all_spans[i][2]
        return None

    def actors_in(self, first: int, last: int) -> list[tuple[int, Actor]]:
        """(char start, actor) of mentions starting inside characters [first, last)."""
        i = bisect.bisect_left(self.all_starts, first)
        found = []
        while i < len(self.all_spans) and self.all_spans[i][0] < last:
            found.append((self.all_spans[i][0], self.all_spans[i][2]))
            i += 1
        return found

    def from_token(self, token: Token, before: int) -> Actor | str | None:
        """The speaker a subject token stands for; `before` is where the quote starts."""
        actor = self.actor_at(token.idx)
        if actor is not None:
            return actor
        lower = token.lower_
        if lower in PERSON_PRONOUNS and token.pos_ == "PRON":
            return self.pronoun(PERSON_PRONOUNS[lower], before)
        noun = antecedent(token)
        if noun.i != token.i:
            # "Smith, who said ...", "<Name> released an ad that urges ..."
            return self._maker(noun) or self.from_token(noun, before)
        if token.pos_ == "PRON" and lower in {"it", "they"}:
            return self._body_before(token, lower == "they")
        if token.pos_ == "PRON":
            return self.author if lower == "i" else None  # a column's "I said": its author
        for child in token.children:
            named = self.actor_at(child.idx) if child.dep_ == "appos" else None
            if named is not None and (named.kind == "person" or not _personal_noun(token)):
                return named  # "a spokesman for the ministry, <Name>,"
        if token.dep_ == "appos":
            named = self.actor_at(token.head.idx)
            if named is not None and named.kind == "person":
                return named  # "<Name>, a native of <State> who writes ...": <Name>
        named = self._named_after(token)
        if named is not None:
            return named
        sender = self._sent_by(token)
        if sender is not None:
            return sender
        return self._description(token, before)

    def _body_before(self, pronoun: Token, plural: bool) -> Actor | None:
        """ "<Body> opposed the rise. "...," it said": an "it" (or "they") that speaks is
        the organisation that is the main subject of the nearest sentence before it that
        has one (up to two back); a document or an unnamed group otherwise: no one named."""
        sentence = pronoun.sent
        tokens = self.doc[sentence.start : pronoun.i]
        kinds = {"organization", "group"} if plural else {"organization"}
        for _ in range(3):
            for subject in _subjects_by_salience(tokens):
                if self.quoted(subject.idx) or subject.lower_ in {"it", "they"}:
                    continue  # "it" again: the one before says who
                found = self.actor_at(subject.idx) or self._description(subject, subject.idx)
                # the main subject of the nearest sentence that has one, or no one
                return found if isinstance(found, Actor) and found.kind in kinds else None
            if sentence.start == 0:
                break
            sentence = self.doc[sentence.start - 1].sent
            tokens = sentence
        return None

    def _named_after(self, token: Token) -> Actor | None:
        """ "said his best friend at <Place>, <Name>, who ...": a person named after a comma
        at the end of a description of one person is who it describes, wherever the parse
        hung the name (often on the last noun of the description)."""
        if not _personal_noun(token) or token.tag_ != "NN":
            return None
        last = token.right_edge
        for t in token.doc[token.i + 1 : last.i + 1]:
            if t.dep_ not in {"appos", "conj"} or t.head.i == token.i:
                continue
            before = t.left_edge.i - 1
            if (
                before < 0
                or t.doc[before].text != ","
                or any(c.dep_ == "cc" for c in t.head.children)
            ):
                continue
            named = self.actor_at(t.idx)
            if named is not None and named.kind == "person":
                return named
        return None

    def _sent_by(self, thing: Token) -> Actor | None:
        """Who sent a thing that speaks: "a letter mailed by <Name> says ...", the agent
        of the participle on it (a person or a body)."""
        if thing.pos_ != "NOUN" or _personal_noun(thing):
            return None
        for verb in thing.children:
            if verb.dep_ != "acl" or verb.tag_ != "VBN":
                continue
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for name in (c for c in agent.children if c.dep_ == "pobj"):
                    actor = self.actor_at(name.idx)
                    if actor is not None and actor.kind in {"person", "organization", "group"}:
                        return actor
        return None

    def _description(self, token: Token, before: int) -> Actor | str | None:
        """The speaker a description stands for: "the senator" is the person just spoken
        of (or the one introduced with that role), "the newspaper" the paper named before;
        "a senior official", "critics" or "his friend" name nobody: the phrase itself."""
        lemma = token.lemma_.casefold()
        det = next((c for c in token.children if c.dep_ in {"det", "poss"}), None)
        # "the senator", and "<Name>'s spokesman": one particular person
        definite = det is not None and (det.lower_ in DEFINITE or det.pos_ == "PROPN")
        # a capitalised title word ends a name the model missed ("The <Town> Leader"), no role
        person = _personal_noun(token) and token.pos_ != "PROPN"
        organisation = lemma in SPEAKING_ORG_NOUNS or lemma in STATEMENT_NOUNS
        if lemma in _PEOPLE_AROUND:
            owner = self._owner(token, before)
            if owner is not None:
                return owner  # "the <Name> campaign said", "his office said": <Name>
        if definite and person and token.tag_ != "NNS":
            by_role = self._by_role(lemma, before)
            if by_role is not None:
                return by_role  # "the spokesman" introduced earlier by name
            if lemma in _ANYONE or self._introduced_unnamed(token):
                return _phrase(token)  # "the man shouted": someone not named
            owner = self.actor_at(det.idx) if det.pos_ == "PROPN" else None
            if owner is not None and owner.kind == "person":
                return _phrase(token)  # "<Name>'s son", not named by a role before: not <Name>
            return self._resolve(token.i, _noun_gender(lemma), 0) or _phrase(token)
        if _press(token) and (definite or _definite_owner(det)):
            # "the editorial board", "the paper's editors": the newspaper named before
            return self._recent_outlet(before) or _phrase(token)
        if definite and organisation and token.tag_ != "NNS":
            # "the ministry said" (but "the groups say" are several bodies, none named)
            return self._recent_org(lemma, before) or _phrase(token)
        for child in token.children if definite and not person else ():
            # "the hospital system said": the organisation word is the modifier.
            if child.dep_ == "compound" and child.lemma_.casefold() in SPEAKING_ORG_NOUNS:
                return self._recent_org(child.lemma_.casefold(), before)
        return _phrase(token)

    def _owner(self, body: Token, before: int) -> Actor | None:
        """The person whose campaign, office or team `body` is: "the <Name> campaign",
        "<Name>'s campaign", "his office"."""
        for child in body.children:
            if child.dep_ in {"poss", "compound"} and child.pos_ in {"PRON", "PROPN"}:
                found = self.from_token(child, child.idx)
                if isinstance(found, Actor) and found.kind == "person":
                    return found
        return None

    def _maker(self, thing: Token) -> Actor | None:
        """Who put out a thing that speaks: "<Name> released an ad that urges ...", the
        subject of the verb the thing is the object of (a person or a body)."""
        lemma = thing.lemma_.casefold()
        if thing.pos_ != "NOUN" or thing.dep_ != "dobj" or _personal_noun(thing):
            return None
        if lemma in SPEAKING_ORG_NOUNS:
            return None
        for child in thing.head.children:
            if child.dep_ == "nsubj":
                actor = self.actor_at(child.idx)
                if actor is not None and actor.kind in {"person", "organization", "group"}:
                    return actor
        return None

    def _introduced_unnamed(self, token: Token) -> bool:
        """Whether "the official" goes back to "a senior official" or "the minister's
        spokesman" shortly before: someone the text never names, not the person nearby."""
        lemma = token.lemma_
        floor = self.token_at(max(0, token.idx - _PRONOUN_REACH))
        for earlier in reversed(self.doc[floor : token.i]):
            if earlier.lemma_ != lemma or earlier.pos_ != "NOUN" or self.quoted(earlier.idx):
                continue
            if any(self.actor_at(c.idx) for c in earlier.children if c.dep_ == "appos"):
                return False  # "a spokesman, <Name>,": named after all
            det = next((c for c in earlier.children if c.dep_ in {"det", "poss"}), None)
            return det is not None and (det.lower_ in {"a", "an"} or det.dep_ == "poss")
        return False

    def from_document(self, token: Token, before: int) -> Actor | None:
        """ "according to a memo <Name> sent": the author of a document, never a bystander."""
        actor = self.actor_at(token.idx)
        if actor is not None:
            return actor
        if token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
            return self.pronoun(PERSON_PRONOUNS[token.lower_], before)
        for child in token.children:
            if child.dep_ == "poss":
                found = self.from_token(child, before)
            elif child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                found = self.actor_at(obj.idx) if obj is not None else None
            elif child.dep_ in {"relcl", "acl"}:
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                found = self.from_token(subject, before) if subject is not None else None
            else:
                continue
            if isinstance(found, Actor):
                return found
        return self._by_role(token.lemma_.casefold(), before)

    def pronoun(self, gender: str | None, before: int) -> Actor | None:
        """The person a "he" or "she" just before character `before` stands for.

        Sentence by sentence backwards (the pronoun's own sentence first): the subject of
        a sentence comes before the other people in it; a subject that is itself a "he" or
        "she" of the same gender is followed to its own person; a person of the other
        gender, or one the pronoun acted on, never qualifies."""
        token = self.doc[self.token_at(max(before - 1, 0))]
        return self._resolve(token.i + 1, gender, 0)

    def _resolve(self, limit: int, gender: str | None, depth: int) -> Actor | None:
        """The referent of a pronoun of `gender` standing before token `limit`."""
        key = (limit, gender)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = None  # no loops through a chain of pronouns
        doc = self.doc
        sentence = doc[min(limit, len(doc) - 1)].sent
        floor = doc[self.token_at(max(0, doc[sentence.start].idx - _PRONOUN_REACH))].i
        found = None
        first = _after_opener(doc[min(limit, len(doc) - 1)], sentence.start)
        while found is None and sentence.start >= floor:
            whole = limit >= sentence.end  # a sentence the pronoun comes after
            found = self._in_sentence(first, min(limit, sentence.end), gender, depth, whole)
            if sentence.start == 0:
                break
            sentence = doc[sentence.start - 1].sent
            first = sentence.start
        self._memo[key] = found
        return found

    def _in_sentence(
        self, first: int, last: int, gender: str | None, depth: int, whole: bool = False
    ) -> Actor | None:
        """The subject person of tokens [first, last) if compatible, else the latest other;
        after a whole sentence "<A> asked <B> whether ...", the one asked, who answers."""
        doc = self.doc
        for token in _subjects_by_salience(doc[first:last]):
            if self.quoted(token.idx):
                continue
            asked = self._asked(token, gender) if whole else None
            if asked is not None:
                return asked
            pronoun = PERSON_PRONOUNS.get(token.lower_)
            if pronoun is not None and token.pos_ == "PRON":
                if gender in (None, pronoun) and depth < 6:
                    return self._resolve(token.i, pronoun, depth + 1)
                continue
            actor = self._person_at(token, gender)
            if actor is not None:
                return actor
            if depth < 6 and self._described_person(token, gender):
                # "The senator left early. ... he said": the senator is the one spoken of
                found = self._subject_before(token, gender) or self._resolve(
                    token.sent.start, gender, depth + 1
                )
                if found is not None:
                    return found
        start, stop = doc[first].idx, doc[last - 1].idx + 1 if last > first else doc[first].idx
        i = bisect.bisect_left(self.starts, stop) - 1
        while i >= 0 and self.mentions[i][0] >= start:
            _, end, actor = self.mentions[i]
            i -= 1
            if actor.kind != "person" or not self._fits(actor, gender):
                continue
            if _names_a_thing(doc[self.token_at(end - 1)]):
                continue
            if gender is not None and self._beside_pronoun(end, gender):
                continue
            last = self.last_speaker
            if (
                last is not None
                and last[1] is not actor
                and last[0] <= start
                and self.text.count("\n\n", last[0], stop) <= 1
                and last[1].kind == "person"
                and self._fits(last[1], gender)
            ):
                # "“...,” <A> said. Critics doubt it will help <B>. “...,” he said": a name
                # in passing (no subject) is no match for the person quoted last, in this
                # paragraph or the one before
                return last[1]
            return actor
        return None

    def _subject_before(self, description: Token, gender: str | None) -> Actor | None:
        """A person who is a subject earlier in the description's own sentence ("When the
        host said <A> had not answered, the candidate replied"); a name in a phrase before
        it ("In a talk with <A> about his film, the actor said") is someone else."""
        sentence = self.doc[description.sent.start : description.i]
        for token in _subjects_by_salience(sentence):
            actor = self._person_at(token, gender)
            if actor is not None and not self.quoted(token.idx):
                return actor
        return None

    def _asked(self, subject: Token, gender: str | None) -> Actor | None:
        """The person a main-clause "<A> asked <B> ..." puts a question to."""
        verb = subject.head
        if verb.lemma_.casefold() not in _ASKING or _subordinate(subject):
            return None
        for child in verb.children:
            if child.dep_ in {"dobj", "dative"} and child.i > subject.i:
                actor = self._person_at(child, gender)
                if actor is not None:
                    return actor
        return None

    def _described_person(self, token: Token, gender: str | None) -> bool:
        """Whether a main-clause subject is "the senator", "the 43-year-old": a definite
        description of one person the text spoke of before (not "the man", whom it may
        never name, nor "the official" after "a senior official")."""
        lemma = token.lemma_.casefold()
        det = next((c for c in token.children if c.dep_ == "det"), None)
        return (
            det is not None
            and det.lower_ == "the"
            and token.pos_ == "NOUN"
            and token.tag_ == "NN"
            and _personal_noun(token)
            and lemma not in _ANYONE
            and _noun_gender(lemma) in (None, gender)
            and not _subordinate(token)
            and not self._introduced_unnamed(token)
        )

    def _person_at(self, token: Token, gender: str | None) -> Actor | None:
        """The person named by a subject token (or its title phrase), if compatible."""
        # "<Name>'s accusation" is not <Name>: a possessive only qualifies the subject;
        # "The driver, her neighbour <Name>, ...": a name in apposition to an apposition
        nested = (g for c in token.children if c.dep_ == "appos" for g in c.children)
        for t in (
            token,
            *(c for c in token.children if c.dep_ != "poss"),
            *(g for g in nested if g.dep_ == "appos"),
        ):
            if t is not token and _names_a_thing(t):
                continue
            actor = self.actor_at(t.idx)
            if actor is not None and actor.kind == "person":
                return actor if self._fits(actor, gender) else None
        if (
            token.pos_ in {"PROPN", "NOUN"}
            and token.text[:1].isupper()
            and gender is not None
            and self.actor_at(token.idx) is None
        ):
            return self._by_surname(token.text, gender)
        return None

    def _by_surname(self, word: str, gender: str) -> Actor | None:
        """ "<Surname> continued ...": a surname two people share (a couple, a family) goes
        to no one on its own; the one of the two whose gender the pronoun gives is meant."""
        key = fold(word)
        matches = [
            a
            for a in self.actors
            if a.kind == "person"
            and fold(a.name).split()[-1:] == [key]
            and self.gender.get(a.name) == gender
        ]
        return matches[0] if len(matches) == 1 else None

    def _fits(self, actor: Actor, gender: str | None) -> bool:
        """Whether a person can be the referent of a word of `gender` (None: any person)."""
        return gender is None or self.gender.get(actor.name) in (None, gender)

    def quoted(self, char: int) -> bool:
        """Whether character `char` is inside a quotation (marks included)."""
        return _inside(char, self.quoted_spans)

    def _sentences_between(self, first: int, last: int) -> int:
        """Sentence starts between two sentence-start tokens (0: the same sentence)."""
        if first >= last:
            return 0
        return sum(1 for t in self.doc[first + 1 : last + 1] if t.is_sent_start)

    def _beside_pronoun(self, end: int, gender: str) -> bool:
        """Whether the name ending at `end` is an object of a verb whose subject is a pronoun
        of this gender: in "She praised <A> and <B>." neither man is the "she"
        of the next quote."""
        token = self.doc[self.token_at(end - 1)]
        steps = 0
        while token.dep_ in _OBJECT_PATH and token.head.i != token.i and steps < 8:
            token, steps = token.head, steps + 1  # up to the verb the name is an object of
        if steps == 0 or token.pos_ not in {"VERB", "AUX"}:
            return False
        return any(
            c.dep_ in {"nsubj", "nsubjpass"} and PERSON_PRONOUNS.get(c.lower_) == gender
            for c in token.children
        )

    def _actor_in_phrase(self, token: Token) -> Actor | None:
        """A named actor inside the subject phrase ("a spokesman for the ministry, <Name>")."""
        first, last = token.left_edge.i, token.right_edge.i
        if last - first > _SUBTREE_LIMIT:
            first, last = max(first, token.i - 8), min(last, token.i + _SUBTREE_LIMIT)
        doc = self.doc
        found = self.actors_in(doc[first].idx, doc[last].idx + len(doc[last].text))
        people = [a for _, a in found if a.kind == "person"]
        if people:
            return people[0]
        orgs = [a for _, a in found if a.kind in {"organization", "group"}]
        # A place in the phrase only locates the speaker ("a farmer near <Town>").
        return orgs[0] if orgs else None

    def _by_role(self, lemma: str, before: int) -> Actor | None:
        """ "the spokesman said" -> the person introduced as a spokesman (of several, the
        one mentioned last)."""
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            if actor.kind != "person" or not actor.role:
                continue
            words = fold(actor.role).split()
            if lemma in words[-3:]:
                # the one of them mentioned last, not the one introduced last
                last = max((s for s, _ in actor.spans if s < before), default=None)
                if last is not None and (best is None or last > best[0]):
                    best = (last, actor)
        return best[1] if best else None

    def _recent_org(self, lemma: str, before: int) -> Actor | None:
        """ "the ministry said": the latest organisation named with that word, else the
        organisation named most often among those mentioned shortly before."""
        nearby: list[Actor] = []
        for start, actor in self._orgs_before(before):
            if lemma in fold(actor.name).split():
                return actor
            if before - start <= _PRONOUN_REACH and actor not in nearby:
                nearby.append(actor)  # latest first
        if not nearby or lemma in STATEMENT_NOUNS:
            return None
        return max(nearby, key=lambda a: (a.mentions, -nearby.index(a)))

    def _recent_outlet(self, before: int) -> Actor | None:
        """The latest newspaper or magazine named before `before` ("The <Town> Herald")."""
        return next(
            (
                a
                for _, a in self._orgs_before(before)
                if PRESS_NAME_WORDS & set(fold(a.name).split())
            ),
            None,
        )

    def _orgs_before(self, before: int) -> Iterator[tuple[int, Actor]]:
        """(start, actor) of the organisations among the mentions shortly before `before`,
        latest first."""
        i = bisect.bisect_left(self.starts, before) - 1
        for start, _, actor in reversed(self.mentions[max(i - _ORG_LOOKBACK + 1, 0) : i + 1]):
            if actor.kind == "organization":
                yield start, actor

    def _pronouns_after(self, i: int) -> list[str]:
        """The gender of the first he/she after a name, in its sentence or opening the next."""
        sentence_ended = False
        for token in self.doc[i : i + 16]:
            gender = PERSON_PRONOUNS.get(token.lower_)
            if gender and token.pos_ == "PRON" and self.quoted(token.idx):
                continue  # "<Name> said that "he will win"": someone the speaker speaks of
            if gender and token.pos_ == "PRON":
                parenthetical = token.i > 0 and self.doc[token.i - 1].text == ","
                if (
                    parenthetical
                    and token.dep_ == "nsubj"
                    and token.head.lemma_.casefold() in SPEECH_LEMMAS
                ):
                    return []  # "<Name>, he says, was ...": the pronoun is someone else
                if token.dep_ in {"dobj", "dative", "pobj"}:
                    continue  # "<Name> confronted him": an object is someone other than the subject
                return [gender]
            stop = token.ent_type_ == "PERSON" or "\n" in token.text or sentence_ended
            if stop and not (sentence_ended and (token.is_punct or token.is_space)):
                return []
            if token.text in {".", "!", "?"}:
                sentence_ended = True
        return []

    def _gender(self, actor: Actor) -> str | None:
        """ "m" or "f" from honorifics before the name, else from the pronouns that follow it
        where it is a subject. Honorifics of both kinds ("Mr." and "Ms." <Surname>) mean two
        people share the name: neither tells. A name elsewhere in its sentence ("With <A> by
        her side, <B> spoke") is usually followed by the subject's he or she, not its own."""
        honorifics = set()
        for start, _ in actor.spans:
            m = _HONORIFIC_BEFORE.search(self.text, max(0, start - 12), start)
            gender = honorific_gender(m.group(1).casefold()) if m else None
            if gender is not None:
                honorifics.add(gender)
        if honorifics:
            return honorifics.pop() if len(honorifics) == 1 else None
        votes: Counter[str] = Counter()
        doc = self.doc
        for _, end in actor.spans:
            root = doc[self.token_at(end - 1)]
            related = [root.head] if root.dep_ == "appos" else []
            related += [c for c in root.children if c.dep_ in {"appos", "compound"}]
            for token in related if not _possessive(root) else ():
                if any(c.lower_ == "whose" for c in token.children):
                    continue  # "<Name>, whose husband, ...": the husband is someone else
                lemma = token.lemma_.casefold()
                if lemma in MALE_NOUNS or lemma in FEMALE_NOUNS:
                    return "m" if lemma in MALE_NOUNS else "f"
            if _is_subject(root):
                votes.update(self._pronouns_after(root.i + 1))
        if votes:
            gender, count = votes.most_common(1)[0]
            if count > sum(votes.values()) / 2:
                return gender
        return None


DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_ANYONE = frozenset({"man", "woman", "person", "boy", "girl", "guy", "lady", "gentleman"})
"""Words for a person that say nothing of who: "the man" is not the salient person unless
the text introduced him with that word."""
_PHRASE_STOP = frozenset({",", ";", ":", "(", "—", "–", "-", '"', "“", "”"})
_OPENER_END = frozenset({",", ";", ":", "(", "—", "–"})
"""Marks that end a phrase opening the sentence (not the hyphen of "front-runner")."""
_AGE_NOUN = re.compile(r"\d+-year-olds?$")


def antecedent(token: Token) -> Token:
    """ "<Name>, who called ...": a relative pronoun stands for the noun its clause is on."""
    if token.tag_ in {"WP", "WDT"} and token.head.dep_ == "relcl":
        return token.head.head
    return token


_PEOPLE_AROUND = frozenset({"campaign", "camp", "office", "team", "staff", "aides"})
"""Words for the people who speak for someone: "the <Name> campaign said"."""


def _personal_noun(token: Token) -> bool:
    """ "candidate", "spokeswoman", "senator": a word for a person (whose apposition is a
    person too, never the place before it: "in <City>, the candidate said")."""
    lemma = token.lemma_.casefold()
    if token.i >= 2 and token.doc[token.i - 1].text == "-":
        left = token.doc[token.i - 2]
        if left.head.i == token.i and left.is_alpha:
            lemma = f"{left.lower_}-{lemma}"  # "front-runner", cut in three by the tokenizer
    return is_person_noun(lemma) or is_title_word(lemma) or _age_noun(token)


def _age_noun(token: Token) -> bool:
    """ "the 43-year-old": a person, by age (however the tokenizer cut it)."""
    start = max(token.i - 4, 0)
    return bool(_AGE_NOUN.search(token.doc[start : token.i + 1].text.lower()))


def _phrase(token: Token) -> str | None:
    """The description as written, up to its first comma or clause ("a senior official")."""
    doc = token.doc
    first = token.left_edge.i
    for t in doc[first : token.i]:
        if t.text in _OPENER_END:
            first = t.i + 1  # "During the show, a fan" parsed as one phrase: "a fan"
    while first < token.i and doc[first].is_quote and doc[first].tag_ != "POS":
        first += 1  # a closing mark the parse hung on the phrase ("“...,” one resident said")
    last = token.i
    for t in doc[token.i + 1 : token.right_edge.i + 1]:
        relative = t.tag_ in {"WDT", "WP", "WP$"}  # "a new law that"
        if t.text in _PHRASE_STOP or t.dep_ in {"relcl", "acl", "appos"} or relative:
            break
        if t.i - first >= 10:
            break
        last = t.i
    words = doc[first : last + 1]
    text = words.text.strip()
    if not text or "\n" in text or not any(t.is_alpha for t in words):
        return None
    return text


def _press(token: Token) -> bool:
    """ "the newspaper", "the editorial board", "the paper's editors": a paper's voice (a
    common noun: "the <Adjective> Beast" is a name of its own)."""
    if token.pos_ != "NOUN":
        return False
    if token.lemma_.casefold() in PRESS_NOUNS:
        return True
    return any(
        c.dep_ in {"amod", "compound", "poss"} and c.lemma_.casefold() in PRESS_NOUNS
        for c in token.children
    )


def _definite_owner(det: Token | None) -> bool:
    """ "the paper's" before a noun: an owner that is itself one particular thing."""
    return (
        det is not None
        and det.dep_ == "poss"
        and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in det.children)
    )


def _names_a_thing(name: Token) -> bool:
    """ "the <Name> campaign", "the <Name> outlets": a name that only qualifies a noun for a
    thing or a body, which is no person the next "he" or "she" can stand for."""
    head = name.head
    return (
        name.dep_ == "compound"
        and head.i != name.i
        and head.pos_ == "NOUN"
        and not _personal_noun(head)
    )


def _possessive(name: Token) -> bool:
    """ "<Name>’ son": a possessive mark right after the name, which the parse may miss (the
    noun after it then looks like an apposition, though it is someone else)."""
    after = name.nbor() if name.i + 1 < len(name.doc) else None
    return after is not None and not name.whitespace_ and is_possessive(after)


def _noun_gender(lemma: str) -> str | None:
    """ "m" for "the businessman", "f" for "the chairwoman", None for "the senator"."""
    if lemma in MALE_NOUNS:
        return "m"
    return "f" if lemma in FEMALE_NOUNS else None


def _after_opener(pronoun: Token, start: int) -> int:
    """Where a pronoun's own sentence may offer it a referent: after a participle clause
    that opens the sentence ("Asked whether <Name> would win, she replied ..."), whose
    understood subject is the pronoun itself, so the people in it are others."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.pos_ != "PRON":
        return start
    for clause in pronoun.head.children:
        participle = clause.dep_ == "advcl" and clause.tag_ in {"VBN", "VBG"}
        if (
            participle
            and clause.left_edge.i <= start + 1
            and clause.i < pronoun.i
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        ):
            return clause.right_edge.i + 1
    return start


def _subjects_by_salience(tokens: Span) -> list[Token]:
    """The subjects among `tokens`, those of the main clause first ("When <A> tried to
    explain, <B> objected." goes on with <B>), and of those a verb of saying's first: in
    "<A> has failed, <B> said." the one who speaks is the person the next "he said" goes
    on with."""
    subjects = [t for t in tokens if t.dep_ in {"nsubj", "nsubjpass"}]
    return sorted(subjects, key=lambda t: (_subordinate(t), not _speaks(t.head)))


def _speaks(verb: Token) -> bool:
    """A verb of saying whose subject the story goes on with: not "report" ("<A> slammed
    the plan, <Outlet> reported. He then ..." goes on with <A>, the one reported on)."""
    lemma = verb.lemma_.casefold()
    return lemma in SPEECH_LEMMAS and lemma != "report"


_SUBORDINATE = frozenset({"advcl", "relcl", "acl"})
_ASKING = frozenset({"ask", "question", "press"})
"""Verbs that put a question to someone, whose answer the next "he said" gives."""


def _subordinate(subject: Token) -> bool:
    """Whether a subject belongs to an adverbial or relative clause, not the main one."""
    token, steps = subject.head, 0
    while token.head.i != token.i and steps < 12:
        if token.dep_ in _SUBORDINATE:
            return True
        token, steps = token.head, steps + 1
    return token.dep_ in _SUBORDINATE


def _is_subject(token: Token) -> bool:
    """Whether the name ending at `token` is a subject (directly, or through its title)."""
    steps = 0
    while token.dep_ in {"compound", "flat", "appos"} and token.head.i != token.i and steps < 4:
        token, steps = token.head, steps + 1
    return token.dep_ in {"nsubj", "nsubjpass"}


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _by_position(mention: tuple[int, int, Actor]) -> tuple[int, int]:
    return mention[0], mention[1]
