"""Full names of people seen in a text, so that surnames and first names can find them."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from reader.analysis.actors.gazetteer import ORG_SUFFIXES
from reader.analysis.actors.mentions import Mention
from reader.analysis.lexicon import ORG_HEAD_NOUNS, honorific_gender

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NAME_KINDS = frozenset({"organization", "other", "group", "place"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes: "<First> <Surname> Jr." is still "<Surname>" when named again."""
_MIN_VARIANT_LENGTH = 5
_MIN_LONG_VARIANT = 8
_MIN_FIRST_NAME_VARIANT = 6
_VOWELS = frozenset("aeiouy")
_MOVED_ON = 3000
"""Characters after which a person not named again has left the story for another."""


def name_words(key: str) -> list[str]:
    """The words of a folded full name without a generational suffix at its end."""
    words = key.split()
    while len(words) > 2 and words[-1] in _GENERATIONS:
        words.pop()
    return words


def _one_letter_apart(a: str, b: str) -> bool:
    """A letter dropped, doubled or swapped: "Mauer" for "Maurer" (a misspelt surname)."""
    if len(a) > len(b):
        a, b = b, a
    if min(len(a), len(b)) < _MIN_VARIANT_LENGTH or a == b or a[0] != b[0]:
        return False
    if len(b) == len(a) + 1:
        return any(b[:k] + b[k + 1 :] == a for k in range(len(b)))
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def _two_edits_apart(a: str, b: str) -> bool:
    """At most two letters dropped, added or changed (edit distance), for long names only:
    a surname misspelt twice in a hurry, two letters off."""
    if min(len(a), len(b)) < _MIN_LONG_VARIANT or a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return 0 < row[-1] <= 2


def _vowel_variant(a: list[str], b: list[str]) -> bool:
    """ "<First> <Surname>" and the first name again with one vowel for another: one person
    whose long first name is misspelt (not "Mark" and "Mary", who may be two people)."""
    if len(a) != len(b) or a[1:] != b[1:] or len(a) < 2:
        return False
    x, y = a[0], b[0]
    if len(x) != len(y) or len(x) < _MIN_FIRST_NAME_VARIANT:
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    return len(diff) == 1 and x[diff[0]] in _VOWELS and y[diff[0]] in _VOWELS


def name_shaped(m: Mention) -> bool:
    """Two or three capitalised words with no company or institution word, or a lone name
    that does not open a sentence (where any word is capitalised)."""
    words = m.surface.split()
    if len(words) == 1:
        return not m.sentence_initial
    if len(words) > 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    return not any(w in ORG_SUFFIXES or w in ORG_HEAD_NOUNS for w in m.words)


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """ "sergei ryabkov" extends "ryabkov"; "john f kennedy" extends "john kennedy"."""
    if len(longer) <= len(shorter):
        return False
    if longer[-len(shorter) :] == shorter:
        return True
    return longer[0] == shorter[0] and longer[-1] == shorter[-1]


def _bodies(mentions: list[Mention]) -> set[str]:
    """Full names the text treats as a body more than as a person, in two mentions or more:
    "<Person> of <Name>", "the group <Name>" outweigh the model's person label."""
    org: dict[str, float] = defaultdict(float)
    person: dict[str, float] = defaultdict(float)
    marked: dict[str, int] = defaultdict(int)
    for m in mentions:
        org[m.key] += m.org_hint
        marked[m.key] += m.org_hint > 0
        person[m.key] += m.person_hint + m.speaker_hint + (m.weight if m.kind == "person" else 0)
    # twice at least: one cue alone may be misread
    return {key for key, value in org.items() if value > person[key] and marked[key] > 1}


def _next_subject_pronoun(doc: Doc, name: Token) -> str | None:
    """The gender of the "he" or "she" that is the subject of the sentence after the one
    whose main verb has `name` as its subject: the person a text is about stays the
    subject from one sentence to the next. (Within its sentence, after a name that is the
    subject of a side clause, with another person named outside the subject, or in a
    sentence with quotation marks, a he or she is as often someone else.)"""
    sentence = name.sent
    head = name
    for _ in range(4):
        if head.dep_ not in {"compound", "flat"} or head.head.i == head.i:
            break
        head = head.head
    if head.dep_ not in {"nsubj", "nsubjpass"} or head.head != sentence.root:
        return None
    inside = {t.i for t in head.subtree}
    if any(t.ent_type_ == "PERSON" and t.i not in inside for t in sentence):
        return None  # "<A> defeated <B>. She conceded": she may be <B>
    if any(t.is_quote for t in sentence):
        return None  # a name inside someone's words; the next "he added" is the speaker
    if sentence.end >= len(doc):
        return None
    following = doc[sentence.end].sent
    subject = next((t for t in following.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ not in {"he", "she"}:
        return None
    return "m" if subject.lower_ == "he" else "f"


def name_genders(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """ "m" or "f" for full names, by what the text calls their person: an honorific before
    the name ("Mrs. <First> <Surname>"), or the he or she that is the subject of the next
    sentence after the name was the subject of one ("<First> <Surname> opened the shop.
    She said ...").
    Names with evidence both ways are left out."""
    seen: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if len(m.words) < 2 or m.kind != "person":
            continue
        gender = honorific_gender(m.honorific)
        if gender is None:
            gender = _next_subject_pronoun(doc, doc[m.tok_end - 1])
        if gender is not None:
            seen[m.key].add(gender)
    return {key: genders.pop() for key, genders in seen.items() if len(genders) == 1}


class PersonIndex:
    """Full names (two words or more) and the surnames and first names that point to them."""

    def __init__(self, mentions: list[Mention], genders: dict[str, str] | None = None) -> None:
        votes: dict[str, int] = defaultdict(int)
        for m in mentions:
            if len(m.words) == 1:
                votes[m.key] += 1 if m.kind == "person" else -1
        bare = {key for key, vote in votes.items() if vote > 0}
        full: set[str] = set()
        for m in mentions:
            if len(m.words) < 2:
                continue
            if m.kind == "person" or (
                m.kind in _NAME_KINDS
                and name_shaped(m)
                and (m.words[-1] in bare or m.person_hint > 0)
            ):
                full.add(m.key)
        self.bodies = _bodies(mentions)
        """Names the model called a person's that the text treats as a body's."""
        full -= self.bodies
        self.parent: dict[str, str] = {}
        by_edge: dict[str, list[str]] = defaultdict(list)
        for key in sorted(full, key=lambda k: (-len(name_words(k)), k)):
            words = name_words(key)
            candidates = by_edge[words[0]] + by_edge[words[-1]]
            matches = {
                self.root(k)
                for k in candidates
                if _extends(name_words(k), words) or _vowel_variant(name_words(k), words)
            }
            self.parent[key] = matches.pop() if len(matches) == 1 else key
            by_edge[words[0]].append(key)
            by_edge[words[-1]].append(key)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.first_names: dict[str, set[str]] = defaultdict(set)
        self.middle_names: dict[str, set[str]] = defaultdict(set)
        """The middle word of a three-word name, which may be the surname the text goes on
        with ("<First> <Father's> <Mother's surname>", then "Ms. <Father's surname>")."""
        self.first_seen: dict[str, int] = {}
        self.named_at: dict[str, list[int]] = defaultdict(list)
        """Where each person is named in full (to choose between two of one surname)."""
        self.by_last: dict[str, list[str]] = defaultdict(list)
        for key in self.parent:
            words = name_words(key)
            self.by_last[words[-1]].append(key)
            self.surnames[words[-1]].add(self.root(key))
            self.first_names[words[0]].add(self.root(key))
            if len(words) == 3 and len(words[1]) > 1:
                self.middle_names[words[1]].add(self.root(key))
        for m in sorted(mentions, key=lambda m: m.start):
            if m.key in self.parent:
                root = self.root(m.key)
                self.first_seen.setdefault(root, m.start)
                self.named_at[root].append(m.start)
        by_root: dict[str, set[str]] = defaultdict(set)
        for key, gender in (genders or {}).items():
            if key in self.parent:
                by_root[self.root(key)].add(gender)
        self.gender = {root: found.pop() for root, found in by_root.items() if len(found) == 1}
        """ "m" or "f" for a person whose name the text gives it for (see name_genders)."""

    def root(self, key: str) -> str:
        while self.parent.get(key, key) != key:
            key = self.parent[key]
        return key

    def resolve(self, m: Mention) -> str | None:
        """The full name a mention refers to, or None."""
        if m.key in self.parent:
            return self.root(m.key)
        words = m.words
        if m.kind == "place" and (m.place_hint > 0 or m.weight > 1):
            return None
        if len(words) > 1:
            roots = {
                self.root(k)
                for k in self.by_last.get(words[-1], ())
                if k.endswith(" " + m.key) and m.kind in {"person", "other"}
            }
        else:
            roots = self.surnames.get(words[0]) or set()
            if not roots and words[0] not in self.surnames:
                roots = (
                    self.first_names.get(words[0])
                    or self._one(self.middle_names.get(words[0]))
                    or self._misspelt(words[0])
                )
        if not roots:
            return None
        wanted = honorific_gender(m.honorific)
        if wanted is not None:  # "Mr. <Surname>" is not the "<First> <Surname>" called she
            roots = {root for root in roots if self.gender.get(root) in (None, wanted)}
            if not roots:
                return None
        return self._nearest(roots, m.start)

    @staticmethod
    def _one(roots: set[str] | None) -> set[str]:
        return roots if roots is not None and len(roots) == 1 else set()

    def _misspelt(self, word: str) -> set[str]:
        """The one person whose surname is a letter away from `word` (two for a long one),
        if only one is."""
        close = {
            root
            for s, roots in self.surnames.items()
            if _one_letter_apart(word, s) or _two_edits_apart(word, s)
            for root in roots
        }
        return close if len(close) == 1 else set()

    def _nearest(self, roots: set[str], position: int) -> str:
        """Two people with one surname: a bare surname is the one introduced first, unless
        that one was named once in passing and the story has moved on to the other (named
        in full since, the first one not named for a long stretch)."""
        first = min(roots, key=lambda r: self.first_seen.get(r, 0))
        last = {r: max((p for p in self.named_at[r] if p <= position), default=-1) for r in roots}
        latest = max(roots, key=lambda r: last[r])
        passing = len(self.named_at[first]) == 1  # named once, in passing
        moved_on = last[first] >= 0 and position - last[first] > _MOVED_ON
        if passing and moved_on and last[latest] > last[first]:
            return latest
        return first
