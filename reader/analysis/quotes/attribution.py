"""Attribution of one quotation: the cue next to it and the speaker that cue points to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.lexicon import is_person_noun
from reader.analysis.models import Actor
from reader.analysis.names import is_honorific, is_title_word
from reader.analysis.quotes.speakers import SpeakerResolver, antecedent
from reader.text.speech import (
    CHARACTERIZING_LEMMAS,
    CLAIM_NOUNS,
    PHRASE_NOUNS,
    SPEECH_FORMS,
    SPEECH_LEMMAS,
    STANCE_NOUNS,
    STATEMENT_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_AFTER_LIMIT = 30
_BEFORE_LIMIT = 40
_WOVEN_WORDS = 4
"""A phrase this long woven under any verb is its subject's words, not a scare quote."""
_TIGHT = 6
"""A cue this close after the closing mark beats one before the quote."""
_SENTENCE_END = frozenset({".", "!", "?"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Actor | str | None
    cue: str | None
    rule: str = ""
    """Which rule found it ("governing", "window", "colon", "signature", ...): for study."""


@dataclass(frozen=True, slots=True)
class Context:
    """Where a quote sits: its mark tokens and the character bounds its attribution may use."""

    doc: Doc
    resolver: SpeakerResolver
    open_tok: int
    close_tok: int
    floor: int
    """Attribution text starts at or after this character (previous quote, paragraph start)."""
    ceiling: int
    """...and ends before this one (next quote, paragraph end)."""
    quote_start: int


def after_tokens(ctx: Context) -> list[Token]:
    """The clause after the closing mark, up to its sentence end."""
    found: list[Token] = []
    for token in ctx.doc[ctx.close_tok + 1 : ctx.close_tok + 1 + _AFTER_LIMIT]:
        if token.idx >= ctx.ceiling or "\n" in token.text:
            break
        if ctx.resolver.quoted(token.idx):
            continue  # a quoted title inside the attribution: not words of the attribution
        found.append(token)
        if token.text in _SENTENCE_END:
            break
    return found


def before_tokens(ctx: Context) -> list[Token]:
    """The clause before the opening mark back to its sentence start, nearest first."""
    found: list[Token] = []
    i = ctx.open_tok - 1
    while i >= 0 and len(found) < _BEFORE_LIMIT:
        token = ctx.doc[i]
        if token.idx < ctx.floor or "\n" in token.text or token.text in _SENTENCE_END:
            break
        i -= 1
        if ctx.resolver.quoted(token.idx):
            continue  # a quoted title inside the attribution
        found.append(token)
    return found


def _manner_cue(after: list[Token]) -> tuple[int, Token, str] | None:
    """ "“...,” beamed <Name>" / "“...!” <Name> barked": any past-tense verb next to a name
    or he/she right after the closing mark says how the quote was said."""
    words = [t for t in after[:4] if not t.is_punct]
    # the verb and the name come first ("“...” because he did not ..." is no cue)
    for a, b in zip(words[:2], words[1:2], strict=False):
        verb, name = (a, b) if a.tag_ == "VBD" else (b, a)
        if (
            verb.tag_ == "VBD"
            and verb.pos_ == "VERB"
            and (name.pos_ == "PROPN" or name.lower_ in {"he", "she"})
        ):
            return after.index(verb), verb, verb.lower_
    return None


def _manner_cue_before(before: list[Token]) -> tuple[int, Token, str] | None:
    """ "<Name> shot back, "..."": a past-tense verb after a name, just before the quote."""
    words = [t for t in before[:5] if not t.is_punct and t.lower_ not in {"back", "out", "in"}]
    if len(words) >= 2 and words[0].tag_ == "VBD":
        name = words[1]
        if name.pos_ == "PROPN" or name.lower_ in {"he", "she"}:
            return before.index(words[0]), words[0], words[0].lower_
    return None


def _cue_in(tokens: list[Token]) -> tuple[int, Token, str] | None:
    """(distance, token, cue text) of the first cue in `tokens`."""
    for n, token in enumerate(tokens):
        lower = token.lower_
        if lower == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            return n, token, "according to"
        if _is_speech_verb(token):
            return n, token, lower
        if token.lemma_ == "put" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "it":
            return n, token, "put it"  # "as <Name> put it: "...""
        if _whose_words(token) is not None:
            return n, token, "words"  # "in her words, "...""
    for n, token in enumerate(tokens):
        if token.lemma_.casefold() in STATEMENT_NOUNS and token.pos_ == "NOUN":
            return n, token, "statement"
    return None


def _is_speech_verb(token: Token) -> bool:
    if token.tag_:
        return (
            token.tag_.startswith("VB")
            and token.lemma_.casefold() in SPEECH_LEMMAS
            and not _noun_in_verb_tag(token)
            and not _wished(token)
            and not _going_on_doing(token)
        )
    return token.lower_ in SPEECH_FORMS


_ASPECT_LEMMAS = frozenset({"continue", "begin"})


def _going_on_doing(token: Token) -> bool:
    """ "for going on to repeat it", "began to shout", "the sale was to begin": going on with
    (or starting) something is no saying; "“...,” he continued" is."""
    return token.lemma_.casefold() in _ASPECT_LEMMAS and (
        token.dep_ == "xcomp" or any(c.dep_ == "xcomp" for c in token.children)
    )


def _wished(token: Token) -> bool:
    """ "<A> expects <B> to announce an “intensification”": saying in an infinitive with a
    subject of its own, under a verb that is not one of saying, is what <A> wants said; the
    words are <A>'s, not <B>'s."""
    return (
        token.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and any(c.dep_ == "nsubj" for c in token.children)
        and token.head.pos_ == "VERB"
        and token.head.lemma_.casefold() not in SPEECH_LEMMAS
    )


def _noun_in_verb_tag(token: Token) -> bool:
    """ "condemning <Name>'s remarks": a word tagged as a verb that the parse uses as an
    object with a possessive or article is the noun ("remarks", "claims"), no cue."""
    return token.dep_ in {"dobj", "pobj"} and any(
        c.dep_ in {"poss", "det"} and c.i < token.i for c in token.children
    )


def find_attribution(ctx: Context) -> Attribution | None:
    """The cue of the quote and its speaker, or None when no cue is in reach.

    In order: a verb of saying that governs the quote in the parse; a verb of saying next
    to it in the same clause (the parse of quotes is often wrong); a label before a colon
    ("<Name>: "...""); the verb that carries a phrase woven into the sentence."""
    signed = _signature(ctx) or _label(ctx)
    if signed is not None:
        return signed
    governing = governing_attribution(ctx, speech_only=True) or _possessed_words(ctx)
    if governing is not None:
        return governing
    after = after_tokens(ctx)
    before = before_tokens(ctx)
    after_cue = _cue_in(after) or _manner_cue(after)
    if after_cue is not None and (
        _next_sentence_cue(ctx, after, after_cue, before) or _describes_quote(ctx, after_cue[1])
    ):
        after_cue = None
    before_cue = _cue_in(before) or _manner_cue_before(before)
    options = []
    if after_cue and (after_cue[0] <= _TIGHT or before_cue is None):
        options = [(after_cue, after), (before_cue, before)]
    else:
        options = [(before_cue, before), (after_cue, after)]
    for chosen, window in options:
        if chosen is None:
            continue
        _, cue_token, cue = chosen
        if window is before and _side_clause_before_colon(ctx, before, cue_token):
            continue  # "When <A> suggested ..., <B> fired back: "..."": <B>'s
        if window is after and _in_a_later_clause(ctx, cue_token):
            continue  # "<A> accuses <C> of "..." and <B> says ...": not <B>'s
        if window is after and cue != "according to" and _subject(cue_token) is None:
            woven = governing_attribution(ctx)
            if woven is not None and woven.cue is not None and _below(cue_token, woven.cue):
                # "<A> called it a "..." while continuing to push ...": the verb that
                # weaves the phrase in says who; the subjectless verb below it does not
                return woven
        if window is before and _nearer_characterising_verb(ctx, cue_token):
            woven = governing_attribution(ctx)
            if woven is not None:
                return woven  # "... agree ..., with <Name> calling it a "..."": <Name>'s
        if cue == "statement":  # "<Name> called it "X" in a statement": the verb says who
            woven = governing_attribution(ctx)
            if woven is not None:
                return woven
        subject = _subject(cue_token)
        if subject is not None and ctx.open_tok <= subject.i <= ctx.close_tok:
            if window is after:
                named = _name_before(ctx, cue_token)
                if named is not None:
                    return Attribution(_speaker_from(ctx, named, cue_token), cue, "name-before")
            continue  # the verb's subject is inside the quote: not this quote's cue
        speaker = _speaker_of(ctx, cue_token, cue, window)
        if speaker is None and window is before:
            # "<Name> gestured ..., then leaned in and boomed: "..."": a cue whose subject
            # the parse lost leaves the clause before the colon, or the verb above the
            # quote, to say who
            other = _colon_speaker(ctx, before) or governing_attribution(ctx)
            if other is not None and other.speaker is not None:
                return Attribution(other.speaker, cue, other.rule)
        return Attribution(speaker, cue, "window")
    return _colon_speaker(ctx, before) or governing_attribution(ctx) or _misparsed_verb(ctx, before)


def _side_clause_before_colon(ctx: Context, before: list[Token], cue: Token) -> bool:
    """ "When <A> suggested ..., <B> fired back: "..."": before a colon, a verb of saying in
    a clause that only hangs from the main one (when, after, which ...) is not the cue; the
    main clause, whose subject is a person, leads into the quote."""
    if not before or before[0].text != ":":
        return False
    node, steps = cue, 0
    while node.dep_ not in {"advcl", "relcl", "acl"} and steps < 12:
        if node.head.i == node.i:
            return False
        node, steps = node.head, steps + 1
    main = node.head
    return (
        node.dep_ in {"advcl", "relcl", "acl"}
        and main.i < before[0].i
        and _personal(ctx, _subject(main))
    )


def _in_a_later_clause(ctx: Context, cue: Token) -> bool:
    """ "<A> accuses <C> of "..." and <B> says ...": a verb of saying whose subject comes
    after a conjunction that follows the quote belongs to the next clause."""
    subject = _subject(cue)
    if subject is None or subject.i <= ctx.close_tok or cue.i < subject.i:
        return False
    if _ends_sentence(ctx):
        return False  # "But <B> said" opens the next one
    between = ctx.doc[ctx.close_tok + 1 : subject.left_edge.i]
    return any(t.lower_ in _CLAUSE_JOINS or t.text == ";" for t in between)


_CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas", "yet"})


def _below(token: Token, verb_text: str) -> bool:
    """Whether one of the token's ancestors in its sentence is the verb written `verb_text`."""
    return any(a.lower_ == verb_text and a.pos_ in {"VERB", "AUX"} for a in token.ancestors)


def _nearer_characterising_verb(ctx: Context, cue: Token) -> bool:
    """ "Republicans who agree ... were irritated, with <Name> calling it a "..."": a verb
    that characterises the quoted words, governs them and stands between an earlier verb
    of saying and the quote is the one that carries them."""
    token, _ = _climb_out(ctx, ctx.doc[min(ctx.open_tok + 1, ctx.close_tok)])
    for _ in range(3):
        if (
            token.pos_ == "VERB"
            and cue.i < token.i < ctx.open_tok
            and token.lemma_.casefold() in CHARACTERIZING_LEMMAS
        ):
            # "<Outlet>, <Name> said, called it "...": a verb of saying that governs the
            # other, or stands in its clause as an aside, reports all of it
            return not (cue.is_ancestor(token) or cue.head.i == token.i)
        if token.head.i == token.i:
            break
        token = token.head
    return False


def _describes_quote(ctx: Context, cue: Token) -> bool:
    """ "... calling it a “paperwork error” that was reported by ...": a verb after the quote
    in a relative clause on a word of the quote tells about the quoted thing, not who said
    it (a subject of its own, "“...,” the senator said", is an attribution the parse hung
    on the quote)."""
    return (
        cue.dep_ == "relcl"
        and ctx.open_tok < cue.head.i < ctx.close_tok
        and not any(c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"} for c in cue.children)
    )


def _misparsed_verb(ctx: Context, before: list[Token]) -> Attribution | None:
    """ "<Name> blasted <Firm> for its "..."": the parse may read "<Name> blasted <Firm>" as
    one noun phrase, the verb a modifier and the quote under the noun; a verb of saying or
    characterising read as a modifier right after its subject is still the cue."""
    for token in before:
        if _modifier_subject(token) is None:
            continue
        speaker = _speaker_of(ctx, token, token.lower_, [])
        if speaker is not None and _animate(ctx, _modifier_subject(token)):
            return Attribution(speaker, token.lower_, "misparsed")
    return None


def _modifier_subject(verb: Token) -> Token | None:
    """ "a man yelled "..."", "<Name> blasted <Firm>": a past-tense verb of saying or
    characterising that the parse hangs as a modifier (a reduced relative, an adjective)
    has the word right before it as its subject."""
    if verb.i == 0 or verb.dep_ not in {"acl", "amod"}:
        return None
    lemma = verb.lemma_.casefold()
    if lemma not in SPEECH_LEMMAS and lemma not in CHARACTERIZING_LEMMAS:
        return None
    left = verb.doc[verb.i - 1]
    if verb.tag_ == "VBD" and left.pos_ in {"NOUN", "PROPN"} and verb.head.i == left.i:
        return left  # "a man yelled": a finite verb is no reduced relative
    head = verb.head
    if (
        verb.tag_ in {"VBD", "VBN"}
        and not any(c.dep_ == "agent" for c in verb.children)
        and left.text == ","
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i < verb.i
        and any(c.dep_ == "appos" for c in head.children)
        and left.head.i == head.i
    ):
        return head  # "the nominee, <Name>, tweeted": the same, past an apposition
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "amod"
        and left.pos_ == "PROPN"
        and left.dep_ == "compound"
    ):
        return left  # "<Name> blasted <Firm>" read as one name
    return None


def _ends_sentence(ctx: Context) -> bool:
    """Whether the quoted words end their sentence ("... “We will win.”")."""
    return ctx.close_tok > ctx.open_tok and ctx.doc[ctx.close_tok - 1].text in _SENTENCE_END


def _next_sentence_cue(
    ctx: Context, after: list[Token], cue: tuple[int, Token, str], before: list[Token]
) -> bool:
    """ "... found that “most said X.” But since then, the share saying “Y” rose": a quote
    that closes its sentence is not attributed by a verb deep in the next sentence (only
    "“...” <Name> said." keeps a cue right after the mark, and not for a phrase a verb
    like "called" wove into its sentence), nor by one that leads with a colon into the
    next quote."""
    if not _ends_sentence(ctx):
        return False
    if after and after[-1].text == ":":
        return True  # "“...” <Name> said: “...”": the cue leads into the next quote
    inner = ctx.doc[min(ctx.open_tok + 1, ctx.close_tok)]
    if any(_weaves(t, inner) for t in before):
        return True  # "<A> called it “arbitrary.” <B> said ...": the quote ended <A>'s sentence
    if before and before[0].pos_ in {"DET", "ADP"}:
        return True  # "... the dangers of a “rigged economy.” <B> struggled to answer ..."
    distance, verb, _ = cue
    if distance <= _TIGHT or _only_subject_between(after[:distance], verb):
        return False
    first = next((t for t in after if not t.is_punct), None)
    return first is not None and first.pos_ not in {"PROPN", "PRON"}


def _only_subject_between(between: list[Token], verb: Token) -> bool:
    """ "“...!” the party's nominee, <Name>, tweeted": however long, the words between the
    mark and the verb are all its subject."""
    subject = _subject(verb)
    if subject is None or not between:
        return False
    inside = {t.i for t in subject.subtree}
    return all(t.i in inside or t.is_punct for t in between)


_OWNED_WORDS_NOUNS = CLAIM_NOUNS | PHRASE_NOUNS
"""What "<Name>'s <noun> is/was ..." gives as <Name>'s words: a claim or a slogan."""


def _possessed_words(ctx: Context) -> Attribution | None:
    """ "<Name>'s "..." remark", "<Name>'s claim that the plan is "a failure"": words quoted
    as the modifier of a noun for something said, or inside what such a noun says, are
    the words of the name that owns the noun (a verb of saying on the way up has its own
    speaker and ends the search)."""
    doc = ctx.doc
    inside = range(ctx.open_tok, ctx.close_tok + 1)
    token = doc[min(ctx.open_tok + 1, ctx.close_tok)]
    steps = 0
    while token.head.i in inside and token.head.i != token.i and steps < 20:
        token, steps = token.head, steps + 1
    noun = token.head
    if token.dep_ in {"nmod", "compound", "amod", "poss"} and ctx.close_tok < noun.i:
        lemma = noun.lemma_.casefold()
        if noun.pos_ == "NOUN" and (lemma in SPEECH_LEMMAS or lemma in STATEMENT_NOUNS):
            return _owned(ctx, noun)
    while steps < 20 and token.head.i != token.i:
        below, token, steps = token, token.head, steps + 1
        if token.pos_ in {"VERB", "AUX"} and _is_speech_verb(token):
            return None
        if token.pos_ == "NOUN" and token.lemma_.casefold() in CLAIM_NOUNS:
            # what the claim says: "claim that ...", "pledge to ...", "call for ..."
            says = below.dep_ in {"acl", "ccomp"} or (
                below.dep_ == "prep" and below.lower_ in {"of", "for"}
            )
            return _owned(ctx, token) if says else None
        if token.pos_ == "NOUN" and token.lemma_.casefold() in STANCE_NOUNS:
            # what the words are against or for: "rejection of ...", "attack on ..."
            aimed = below.dep_ == "prep" and below.lower_ in {"of", "against", "on"}
            return _owned(ctx, token) if aimed else None
        if token.lemma_ == "be":  # "<Name>'s suggestion was that ...", "<Name>'s motto is ..."
            claim = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
            if claim and claim[0].lemma_.casefold() in _OWNED_WORDS_NOUNS:
                return _owned(ctx, claim[0])
    return None


def _possessor(noun: Token) -> Token | None:
    """The name that owns a noun: "<Name>'s letter"."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def _owned(ctx: Context, noun: Token) -> Attribution | None:
    owner = _possessor(noun)
    if owner is None:
        return None
    speaker = _speaker_from(ctx, owner, noun)
    return Attribution(speaker, noun.lower_, "possessive") if speaker is not None else None


def _weaves(verb: Token, inner: Token) -> bool:
    """Whether `verb` is a characterising verb ("called", "blamed") the quote hangs from."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.casefold() in CHARACTERIZING_LEMMAS
        and verb.is_ancestor(inner)
    )


def _animate(ctx: Context, subject: Token | None) -> bool:
    """Whether a subject can be someone who speaks: a person or organisation, a he or she."""
    if subject is None:
        return False
    subject = antecedent(subject)
    if _someone(subject):
        return True  # a name, a he or she, "two analysts found that ..."
    actor = ctx.resolver.actor_at(subject.idx)
    return actor is not None and actor.kind in {"person", "organization", "group"}


_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?:\n[ \t\u00a0]*){0,2}[―—–-]{1,2}[ \t\u00a0]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,4})"
    r"(?:[ \t\u00a0]*\(@\w+\)(?:[ \t\u00a0]*[A-Z][a-z]+\.?[ \t\u00a0]+\d{1,2},[ \t\u00a0]*\d{4})?)?"
    r"[ \t\u00a0]*(?:[.]|,[^\n]{0,80})?[ \t\u00a0]*(?:\n|$)"
)
"""A dash and a name closing the quote's line, or on a line of its own; the name may carry
a social-media handle and a date, as an embedded post is signed ("― <Name> (@<handle>)
<Month> <day>, <year>")."""


def _signature(ctx: Context) -> Attribution | None:
    """ "“...” ― <Name>" at the end of a line, or a line of its own after the quote's
    paragraph ("― <Name>, <who they are>."): a quote signed by its speaker (round-ups,
    epigraphs, letters)."""
    doc = ctx.doc
    close = doc[ctx.close_tok]
    end = close.idx + len(close.text)
    # the text after the mark from its tokens: doc.text would rebuild the whole article
    window = (close.whitespace_ + doc[ctx.close_tok + 1 : ctx.close_tok + 40].text_with_ws)[:160]
    m = _SIGNATURE.match(window)
    if m is None:
        return None
    if "\n" in window[: m.start("name")] and not _opens_paragraph(doc, ctx.open_tok):
        return None  # a line of its own signs only a quote that is its own paragraph
    start, stop = end + m.start("name"), end + m.end("name")
    actor = next((a for _, a in ctx.resolver.actors_in(start, stop)), None)
    return Attribution(actor if actor is not None else m.group("name"), None, "signature")


def _opens_paragraph(doc: Doc, i: int) -> bool:
    """Whether token `i` starts its paragraph (line breaks are tokens of their own)."""
    return i == 0 or "\n" in doc[i - 1].text


_DASHES = frozenset({"-", "–", "—", "―", "--"})


def _label(ctx: Context) -> Attribution | None:
    """ "<Headline> – <Name>: "..."" (round-ups) and "<NAME>: "..."" at the start of a
    paragraph (transcripts): a name alone before the colon labels the quote as theirs."""
    before = before_tokens(ctx)
    if len(before) < 2 or before[0].text not in {":", "):"}:
        return None
    rest = before[1:]
    closed = before[0].text == "):" or rest[0].text.endswith(")")  # "(R-S.C.)" is one token
    if closed and any(t.text == "(" for t in rest[:8]):
        # "<Name> (<party>-<state>): "..."": the bracket after the name is no part of it
        rest = rest[next(k for k, t in enumerate(rest) if t.text == "(") + 1 :]
    words = []
    for token in rest:
        if token.text in _DASHES:
            break
        words.append(token)
    else:
        if not _opens_paragraph(ctx.doc, before[-1].i):
            return None  # no dash, and not the start of its paragraph
    while len(words) > 1 and (is_title_word(words[-1].text) or is_honorific(words[-1].text)):
        words.pop()  # "Rep. <Name> (<party>-<state>): "..."": the title opens the label
    named = [t for t in words if t.text[:1].isupper() or t.lower_ in {"and", "&", "."}]
    if not words or len(words) > 6 or len(named) < len(words) or not words[-1].is_alpha:
        return None
    first = words[-1]
    actor = ctx.resolver.actor_at(first.idx)
    if actor is None:
        end = next((t.i for t in reversed(words) if t.lower_ in {"and", "&"}), words[0].i + 1)
        speaker: Actor | str | None = ctx.doc[first.i : end].text
    else:
        speaker = actor
    return Attribution(speaker, None, "label")


def _personal(ctx: Context, subject: Token | None) -> bool:
    """Whether a subject is a person: a named one, or a he or she."""
    if subject is None:
        return False
    subject = antecedent(subject)
    if subject.lower_ in {"he", "she"}:
        return True
    actor = ctx.resolver.actor_at(subject.idx)
    return actor is not None and actor.kind == "person"


def _so_called(ctx: Context) -> bool:
    """ "the so-called "X"", "what critics call "X"": the reporter's own scare quotes."""
    before = ctx.doc[max(ctx.open_tok - 3, 0) : ctx.open_tok].text.lower()
    return "so-called" in before or "so called" in before


def _climb_out(ctx: Context, token: Token) -> tuple[Token, int]:
    """From a word of the quote up the parse to the first word above it outside the marks
    (or the root), with the number of steps taken."""
    inside = range(ctx.open_tok, ctx.close_tok + 1)
    steps = 0
    while token.i in inside and token.head.i != token.i and steps < 40:
        token, steps = token.head, steps + 1
    return token, steps


def governing_attribution(ctx: Context, *, speech_only: bool = False) -> Attribution | None:
    """A quote belongs to the subject of the verb above it in the parse: a verb of saying
    ("“...,” <Name> said"; "<Name> said the plan was “a betrayal”"), else, for a phrase
    woven into the sentence, a verb that characterises ("<Name> called the plan “a
    betrayal”") or, for a longer phrase, the nearest verb with a subject."""
    doc = ctx.doc
    inside = range(ctx.open_tok, ctx.close_tok + 1)
    if ctx.open_tok + 1 >= len(doc):
        return None
    if not speech_only and named_in_passing(ctx):
        return None  # "a culture called “<Name>”", "a spot titled “<Title>”": no one speaks
    token, steps = _climb_out(ctx, doc[ctx.open_tok + 1])
    verbs: list[Token] = []
    sentence_start = doc[ctx.open_tok].sent.start
    while steps < 40 and token.i >= sentence_start:
        if (
            token.pos_ in {"VERB", "AUX"}
            and token.i not in inside
            and not ctx.resolver.quoted(token.idx)  # a verb in another quotation says nothing
            and _subject(token) is not None
        ):
            verbs.append(token)
            if token.dep_ == "conj" and _own_subject(token):
                break  # "<A> warned ..., and <B> said the "...": <B>'s clause ends the climb
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    speech = [v for v in verbs if _is_speech_verb(v) and not _says_something_else(ctx, v)]
    # "“...,” said <Name>" right after the closing mark is the quote's own cue, whatever
    # the parse hangs it from; otherwise the outermost verb of saying
    # ("<Name> said he expected others would say "no"": <Name>'s words)
    inverted = [
        v
        for v in speech
        if ctx.close_tok < v.i <= ctx.close_tok + 4 and (_subject(v) or v).i > ctx.close_tok
    ]
    if speech:
        reported = [v for v in speech if _reports(v, speech[0], doc[ctx.open_tok + 1])]
        inverted = [v for v in inverted if v in reported]
        verb = inverted[0] if inverted else reported[-1]
    elif speech_only or not verbs:
        return None
    else:
        words = sum(1 for t in doc[ctx.open_tok : ctx.close_tok + 1] if t.is_alpha)
        animate = [v for v in verbs if _animate(ctx, _subject(v))]
        characterizing = [v for v in animate if v.lemma_.casefold() in CHARACTERIZING_LEMMAS]
        people = [v for v in animate if _personal(ctx, _subject(v))]
        if characterizing:
            verb = characterizing[0]
        elif words >= _WOVEN_WORDS and animate:
            verb = animate[-1]
        elif people and words > 1 and not _so_called(ctx):
            verb = people[-1]  # "<Name> believes in journalism that "takes sides""
        else:
            return None  # a scare quote, or words no one in the sentence could have said
    subject = _subject(verb)
    if subject is None or subject.i in inside:
        return None
    speaker = _speaker_of(ctx, verb, verb.lower_, [])
    return (
        Attribution(speaker, verb.lower_, "governing" if speech_only else "woven")
        if speaker is not None
        else None
    )


_PASSING_NAME_LEMMAS = frozenset({"call", "title", "entitle", "name", "dub", "know", "nickname"})


def named_in_passing(ctx: Context) -> bool:
    """Whether the word above the quote is a participle that names a thing in passing ("a
    chummy culture called "...""): not a verb anyone in the sentence says the name with."""
    if ctx.open_tok + 1 >= len(ctx.doc):
        return False
    token, _ = _climb_out(ctx, ctx.doc[ctx.open_tok + 1])
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    if token.dep_ == "prep" and token.lower_ == "as":
        verb = token.head  # "known online as "...""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.lemma_.casefold() in _PASSING_NAME_LEMMAS
        and not any(c.dep_ in {"nsubj", "nsubjpass", "agent"} for c in verb.children)
    )


def _reports(outer: Token, inner: Token, quoted: Token) -> bool:
    """Whether verb `outer` reports what verb `inner` says of the `quoted` words ("<A> said
    he expected <B> would say ..."): not across an adverbial or relative clause ("<A> said
    ... after <B> argued that "..."", "while <B> said that "..."": <B> speaks)."""
    if not _has_own_subject(inner):
        return True  # "..., remarking that ...": whoever the parse makes its doer
    below = next((t for t in (quoted, *quoted.ancestors) if t.head.i == inner.i), None)
    if below is not None and below.dep_ == "xcomp":
        return True  # "until <B> agreed to pay "..."": a deed, not words
    node, steps = inner, 0
    while node.i != outer.i and node.head.i != node.i and steps < 40:
        if node.dep_ in {"advcl", "relcl"} and _own_clause(node):
            return False
        node, steps = node.head, steps + 1
    return node.i == outer.i


def _has_own_subject(verb: Token) -> bool:
    """Whether the verb has a subject of its own that names someone new (not a participle's
    borrowed subject, a relative "who" or an empty "there")."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS or c.dep_ == "expl"]
    return bool(subjects) and not any(
        c.tag_ in {"WDT", "WP", "EX"} or c.lower_ in _GENERIC for c in subjects
    )


_GENERIC = frozenset({"you", "one"})
"""Subjects of what anyone might say ("you can't yell "fire"")."""


def _own_clause(verb: Token) -> bool:
    """A clause with a subject of its own, led by "after", "while", "which" and the like."""
    if not _has_own_subject(verb):
        return False
    return verb.dep_ == "relcl" or any(c.dep_ == "mark" for c in verb.children)


def _says_something_else(ctx: Context, verb: Token) -> bool:
    """ "“We want it now.” <Name> said the campaign has yet to reply": a verb of saying after
    a quote that ends its sentence, with a clause of its own for what was said, is about
    that clause; the parse hung the quote on it across the sentence break."""
    if verb.i < ctx.close_tok or not _ends_sentence(ctx):
        return False
    return any(
        c.dep_ == "ccomp" and c.i > ctx.close_tok and c.left_edge.i > ctx.close_tok
        for c in verb.children
    )


def attribution_before(ctx: Context) -> Attribution | None:
    """The cue and speaker in the clause that leads into the quote (ending at `open_tok`)."""
    before = before_tokens(ctx)
    cue = _cue_in(before)
    if cue is None:
        return _colon_speaker(ctx, before)
    return Attribution(_speaker_of(ctx, cue[1], cue[2], before), cue[2], "before")


def _speaker_of(
    ctx: Context, cue_token: Token, cue: str, window: list[Token]
) -> Actor | str | None:
    resolver = ctx.resolver
    before = min(ctx.quote_start, cue_token.idx)
    if cue == "according to":
        obj = next((c for c in cue_token.nbor().children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next(
                (t for t in window if t.i > cue_token.i + 1 and t.pos_ in {"PROPN", "NOUN"}), None
            )
        if obj is None:
            return None
        found = _actor(resolver.from_document(obj, before))
        if found is None and obj.pos_ == "PROPN":
            return _proper_name(obj)  # "according to <Outlet>"
        if found is None and obj.pos_ == "NOUN":
            return resolver.from_token(obj, before)  # "according to the newspaper"
        return found
    if cue == "statement":
        return _statement_maker(ctx, cue_token) or _nearest_actor(ctx, window, cue_token)
    owner = _whose_words(cue_token)
    if owner is not None:
        return _speaker_from(ctx, owner, cue_token)
    subject = _subject(cue_token)
    if (
        subject is not None
        and resolver.quoted(subject.idx)
        and (not _someone(subject) or subject.head.i != cue_token.i)
    ):
        # "<Name> opposes "pay freezes" and recalled ...": quoted words are no subject; the
        # person named last before the verb in its sentence, outside quotes, is. Nor is a
        # subject the parse lent the verb from the quote it leads into ("As <Name> put it,
        # "voters will ...""): whoever they are, they are someone the quote speaks of
        sentence = cue_token.sent
        named = [
            actor
            for start, actor in resolver.actors_in(sentence.start_char, cue_token.idx)
            if actor.kind == "person" and not resolver.quoted(start)
        ]
        return named[-1] if named else None
    if subject is None:
        return _nearest_actor(ctx, window, cue_token)
    if cue_token.tag_ == "VBG" and subject.lower_ in {"it", "this", "that", "there"}:
        # "It was a blow, as <Name> echoed the charge, saying ...": the parse hung the
        # participle on the empty "it"; the person of the nearest clause before it says it
        subject = _person_doing_before(ctx, cue_token) or subject
    found = resolver.from_token(subject, before)
    if found is not None and not (isinstance(found, str) and subject.pos_ == "PROPN"):
        return found  # an actor, or a description ("a senior official")
    if subject.tag_ in _PROPER_TAGS and subject.text[:1].isupper():
        return _proper_name(subject)  # a name the model did not tag ("<Surname> wrote ...")
    if subject.pos_ == "NOUN":
        # "the <Bank> analysts wrote": an untagged name qualifying the speaking noun.
        named = [c for c in subject.lefts if c.dep_ == "compound" and c.tag_ in _PROPER_TAGS]
        if named and named[-1].text[:1].isupper():
            return _proper_name(named[-1])
    return None


def _statement_maker(ctx: Context, noun: Token) -> Actor | str | None:
    """Whose the statement is: the subject of the verb it is the object of ("<A> delivered a
    plain warning to <B>: "..."", "<A> called <B>'s remarks "..."") , else its owner ("<A>'s
    letter makes the case: "..."")."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB":
        subject = _subject(verb)
        if subject is not None and not ctx.resolver.quoted(subject.idx):
            found = _speaker_from(ctx, subject, verb)
            if found is not None:
                return found
    owner = _possessor(noun)
    return _speaker_from(ctx, owner, noun) if owner is not None else None


def _person_doing_before(ctx: Context, verb: Token) -> Token | None:
    """The subject of the nearest verb before `verb` in its sentence, when that is a person."""
    for token in reversed(ctx.doc[verb.sent.start : verb.i]):
        if token.pos_ == "VERB":
            subject = _subject(token)
            if subject is not None and _personal(ctx, subject):
                return subject
    return None


def _whose_words(token: Token) -> Token | None:
    """ "in her words", "in <Name>'s words", "in the words of <Name>": whose they are."""
    if token.lower_ != "words" or token.head.lower_ != "in":
        return None
    for child in token.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _proper_name(token: Token) -> str | None:
    """The proper-noun run ending at `token` (first name and surname), as written."""
    first = token.i
    while first > 0 and token.doc[first - 1].tag_ in _PROPER_TAGS and token.i - first < 3:
        first -= 1
    name = token.doc[first : token.i + 1].text
    return name if "\n" not in name and name[:1].isupper() else None


def _actor(speaker: Actor | str | None) -> Actor | None:
    return speaker if isinstance(speaker, Actor) else None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _subject(verb: Token) -> Token | None:
    """Who does the verb: its subject, the agent of a passive ("was said by <Name>"), or the
    subject of the verb it hangs from ("<Name> stood up, saying ...")."""
    modified = _modifier_subject(verb)
    if modified is not None:
        return modified
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    left = verb.doc[verb.i - 1] if verb.i > 0 else None
    compound = left is not None and left.dep_ in {"compound", "npadvmod", "nmod"}
    if compound and left.head.i == verb.i and left.pos_ == "PROPN" and not _when(left):
        return left  # "<Name> joked" parsed as a compound of the verb
    if _orphan_root(verb, left):
        return left  # "..., President <Name> said ..." with the name hung elsewhere
    candidate = verb
    for _ in range(4):
        for child in candidate.children:
            if child.dep_ == "agent":
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
                if agent is not None:
                    return agent
        if candidate.i == verb.i:
            agent = _agent_on_the_object(verb)
            if agent is not None:
                return agent
        subjects = [
            child
            for child in candidate.children
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and candidate.i != verb.i)
        ]
        if subjects:
            # two subjects on one verb is a misparse ("<The plan> appeals to voters, said
            # <Name>"): the one nearest the verb is its own
            return _named_subject(min(subjects, key=lambda c: abs(c.i - candidate.i)))
        controller = _object_of_control(candidate)
        if controller is not None:
            return controller
        carrier = _carrying_verb(candidate)
        if carrier is not None:
            candidate = carrier
            continue
        if _after_preposition(candidate):
            candidate = candidate.head.head  # "<Name> left before saying ...": <Name> says it
            continue
        if candidate.dep_ not in {"conj", "xcomp", "advcl", "acomp"}:
            return None  # "acomp": "<Name> was quick to add that ..."
        if candidate.head.i == candidate.i:
            return None
        candidate = candidate.head
    return None


def _object_of_control(verb: Token) -> Token | None:
    """ "The ruling led <Name> to say ...", "asked him to explain ...": a person who is the
    object of the verb above an infinitive does the infinitive, not that verb's subject."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    if not objects or not (_someone(objects[-1]) or objects[-1].lower_ in _OBJECT_PRONOUNS):
        return None  # "<Name> took the stage to say", "used the question to demand": <Name>
    return objects[-1]


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})


def _agent_on_the_object(verb: Token) -> Token | None:
    """ "The plan was called "a disgrace" by <Name>", "often labeled as a "..." by <Name>":
    the parse may hang a passive verb's "by <Name>" on the name it gives instead of on the
    verb; the doer is still <Name>."""
    if verb.tag_ != "VBN" and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None
    named: list[Token] = []  # the name given: the object, or the object of "as"
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in {"oprd", "dobj", "attr", "xcomp", "acomp"}:
            named.append(child)
        elif child.dep_ == "prep" and child.lower_ == "as":
            named.extend(c for c in child.children if c.dep_ == "pobj")
    for child in named:
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ == "by":
                agent = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if agent is not None:
                    return agent
    return None


def _after_preposition(verb: Token) -> bool:
    """ "before saying", "upon telling", "after adding": a participle that a preposition
    ties to a verb does what that verb's subject does."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and prep.lower_ in _TIME_PREPOSITIONS
        and prep.head.pos_ in {"VERB", "AUX"}
        and _is_speech_verb(verb)
    )


_TIME_PREPOSITIONS = frozenset({"before", "after", "upon", "on", "by", "while", "when"})


_HEARER_LEMMAS = frozenset({"tell", "ask", "warn", "inform", "remind", "urge", "assure"})


def _inverted_subject(verb: Token) -> Token | None:
    """ "<Claim>, said <Name>, <role>, would ...": a finite verb of saying set off by a
    comma, with a name right after it that a comma or the sentence's end closes, is
    inverted; the name speaks, whatever the parse makes the subject ("..., said <Name>'s
    aide" or "said <Name> had ..." are not, nor "told <Name>": its object is the hearer)."""
    doc = verb.doc
    if verb.i < 2 or verb.tag_ not in {"VBD", "VBZ"}:
        return None
    mark = doc[verb.i - 1]
    if mark.text != "," and not (mark.is_quote and doc[verb.i - 2].text in {",", "?", "!"}):
        return None  # set off by a comma, or right after a quote's closing mark
    if verb.lemma_.casefold() in _HEARER_LEMMAS or not _is_speech_verb(verb):
        return None
    for child in verb.lefts:
        if child.dep_ == "nsubj" and child.right_edge.i >= verb.i - 2 and _someone(child):
            return None  # "<Name>, who ..., said <Other> should ...": the comma closes <Name>'s
    name = None
    i = verb.i + 1
    while i < len(doc) and i - verb.i <= 6:
        token = doc[i]
        if token.pos_ == "PROPN" and not _when(token):
            name = token
        elif not (token.pos_ == "NOUN" and token.dep_ == "compound") and token.text != ".":
            break
        i += 1
    if name is None or i >= len(doc) or name.i != i - 1 and doc[name.i + 1].text != ".":
        return None
    return name if doc[i].text in {",", ".", ";"} or doc[i].is_quote else None


def _when(token: Token) -> bool:
    """ "later Thursday", "in May": a name of a day or month is a time, never a speaker."""
    return token.ent_type_ in {"DATE", "TIME"}


def _someone(token: Token) -> bool:
    """A name, a personal pronoun or a word for a person: someone who can speak."""
    return (
        token.pos_ == "PROPN"
        or token.lower_ in {"he", "she", "they", "i", "we"}
        or (token.pos_ == "NOUN" and is_person_noun(token.lemma_.casefold()))
    )


def _orphan_root(verb: Token, left: Token | None) -> bool:
    """Whether a sentence's main verb of saying has no subject in the parse while a name
    stands right before it: the parse hung the name on a phrase before ("when asked about
    <A>, President <B> said ..." with <B> in apposition to <A>)."""
    return (
        left is not None
        and verb.dep_ == "ROOT"
        and left.pos_ == "PROPN"
        and left.head.i != verb.i
        and _is_speech_verb(verb)
        and not any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)
    )


def _carrying_verb(verb: Token) -> Token | None:
    """ "<Name> issued a statement saying ...", "emailed supporters saying": a participle of
    saying that the parse hangs on the object is the doing of the verb's subject."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or not _is_speech_verb(verb):
        return None
    head = verb.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head  # "in a statement saying"
    if head.dep_ in {"dobj", "prep"} and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    return None


def _name_before(ctx: Context, cue: Token) -> Token | None:
    """ "“...,” <Name>, 58, told ...": the parse hangs the verb on the quote; the name
    between the closing mark and the verb is its subject."""
    names = [
        t
        for t in reversed(ctx.doc[ctx.close_tok + 1 : cue.i])
        if t.pos_ == "PROPN" or t.lower_ in {"he", "she"}
    ]
    for token in names:
        actor = ctx.resolver.actor_at(token.idx)
        if actor is not None and actor.kind == "person":
            return token  # "<Name>, Democrat of <State>, told ...": the person, not the state
    return names[0] if names else None


def _speaker_from(ctx: Context, subject: Token, cue: Token) -> Actor | str | None:
    found = ctx.resolver.from_token(subject, min(ctx.quote_start, cue.idx))
    if isinstance(found, Actor):
        return found
    return _proper_name(subject) if subject.pos_ == "PROPN" else found


def _named_subject(subject: Token) -> Token:
    """ "<Name>, 58, told ...": the parse may make the age the subject; the name is."""
    doc = subject.doc
    if subject.like_num and subject.i >= 2 and doc[subject.i - 1].text == ",":
        before = doc[subject.i - 2]
        if before.pos_ == "PROPN":
            return before
    if subject.pos_ == "ADP":  # "Of <A>, <B> said": the preposition itself read as subject
        subject = next((c for c in subject.children if c.dep_ == "pobj"), subject)
    edge = subject.left_edge
    lead = doc[edge.i - 1] if edge.i > 0 else None
    if (lead is not None and lead.pos_ == "ADP" and lead.head.i != subject.i) or (
        edge.i < subject.i and edge.lower_ in _FRONTED_PREPOSITIONS  # "Of" read as a name
    ):
        # "Of <A>, <B> said ...": the parse may take the object of a fronted preposition
        # for the subject and the name after it for an apposition; the name speaks
        named = [c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:
            return named[0]
    return subject


_FRONTED_PREPOSITIONS = frozenset({"of", "on", "about", "for", "as", "to", "with", "from"})


def _nearest_actor(ctx: Context, window: list[Token], cue: Token) -> Actor | None:
    """A person (else an organisation) named in the window, the closest to the cue."""
    if not window:
        return None
    first = min(t.idx for t in window)
    last = max(t.idx + len(t.text) for t in window)
    found = [(s, a) for s, a in ctx.resolver.actors_in(first, last) if not ctx.resolver.quoted(s)]
    for kinds in ({"person"}, {"organization", "group"}):
        # a subject before a name in a phrase, a name in a phrase on the verb before one
        # in a phrase on a noun ("after <A>, asked about the deaths of reporters under
        # <B>, had said, "..."": <A>); then the nearest
        candidates = [
            (_nesting(ctx, start), abs(start - cue.idx), a) for start, a in found if a.kind in kinds
        ]
        if candidates:
            return min(candidates, key=lambda triple: triple[:2])[2]
    return None


def _nesting(ctx: Context, start: int) -> int:
    """How deep the name starting at character `start` sits: -1 for the subject of a verb,
    else the number of nouns between it and the verb it hangs from."""
    token = ctx.doc[ctx.resolver.token_at(start)]
    steps = 0
    while token.dep_ in {"compound", "flat"} and steps < 4:
        token, steps = token.head, steps + 1
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return -1
    nouns = 0
    while token.head.i != token.i and steps < 12:
        token, steps = token.head, steps + 1
        if token.pos_ in {"VERB", "AUX"}:
            break
        nouns += token.pos_ in {"NOUN", "PROPN"}
    return nouns


def _colon_speaker(ctx: Context, before: list[Token]) -> Attribution | None:
    """A clause that ends in a colon before the quote: its subject when that is someone
    ("The mayor put it plainly: "...""), else the last name in it ("The timing does not
    surprise <Name>: "..."", "<Headline> - <Name>: "..."", "Here is <Name> in 1992: "..."")."""
    if len(before) > 1 and before[0].text in _DASHES:
        # "<Name> also backed the plan -- "...": a dash after a whole clause leads into
        # the quote as a colon does; only the clause's own subject speaks
        return _dash_speaker(ctx, before)
    if not before or before[0].text != ":":
        return None
    speaker = subject_of_sentence(ctx, before[0].i, ctx.floor) or _across_quotes(ctx, before[0])
    if speaker is None:
        for token in before[1:]:
            if token.pos_ == "PROPN" and token.ent_type_ in {"PERSON", "ORG", ""}:
                found = ctx.resolver.actor_at(token.idx)
                if found is not None and found.kind in {"person", "organization"}:
                    speaker = found
                elif token.ent_type_ == "PERSON":
                    speaker = _proper_name(token)
                break
    return Attribution(speaker, None, "colon") if speaker is not None else None


def _dash_speaker(ctx: Context, before: list[Token]) -> Attribution | None:
    """The subject of the main verb of the clause before a dash, when it names someone."""
    span = range(before[-1].i, before[0].i)
    verb = next(
        (
            t
            for t in reversed(before)
            if t.pos_ in {"VERB", "AUX"} and (t.head.i not in span or t.head.i == t.i)
        ),
        None,
    )
    subject = _subject(verb) if verb is not None else None
    if subject is None or subject.i not in span:
        return None
    speaker = _actor(ctx.resolver.from_token(subject, subject.idx))
    return Attribution(speaker, None, "dash") if speaker is not None else None


def _across_quotes(ctx: Context, colon: Token) -> Actor | None:
    """ "<Name> called him "X" and compared him, whom she called "Y", with <Other>: "..."":
    a clause before a colon that began before earlier quotes of its sentence has the
    sentence's subject, when that is a person."""
    subject = _subject(colon.sent.root)
    if subject is None or subject.i > colon.i or ctx.resolver.quoted(subject.idx):
        return None
    actor = _actor(ctx.resolver.from_token(subject, subject.idx))
    return actor if actor is not None and actor.kind == "person" else None


def subject_of_sentence(ctx: Context, last: int, floor: int) -> Actor | None:
    """The actor that is the main subject of the sentence ending at token `last`."""
    doc = ctx.doc
    if last < 0 or doc[last].idx < floor:
        return None
    first = last
    while first > 0 and not doc[first].is_sent_start and last - first < 60:
        if doc[first - 1].idx < floor or "\n" in doc[first - 1].text:
            break
        first -= 1
    root = next((t for t in doc[first : last + 1] if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = _subject(root)
    if subject is None:
        return None
    return _actor(ctx.resolver.from_token(subject, subject.idx))


def speech_subject(ctx: Context, last: int, floor: int) -> Actor | None:
    """The person who says something (indirectly) in the sentence ending at token `last`:
    "<Name> said the project was late." before a quote paragraph of his own."""
    doc = ctx.doc
    i = last
    while i >= 0 and last - i < 60 and doc[i].idx >= floor:
        token = doc[i]
        if i < last and (token.text in _SENTENCE_END or "\n" in token.text):
            break
        if _is_speech_verb(token) or _voices_a_view(token):
            subject = _subject(token)
            if subject is not None:
                speaker = _actor(ctx.resolver.from_token(subject, subject.idx))
                if speaker is not None and speaker.kind == "person":
                    return speaker
        i -= 1
    return None


_VIEW_LEMMAS = CHARACTERIZING_LEMMAS | {"speak", "talk"}
"""Verbs that give someone's view, and verbs of speaking that quote nobody in their own
sentence ("<Name> spoke about the case") but announce the words of a quote paragraph
after it."""


def _voices_a_view(token: Token) -> bool:
    """ "<Name> praised the plan", "<Name> issued a statement": a verb that gives someone's
    view, which a quote paragraph right after it goes on to give in their own words."""
    if token.pos_ != "VERB":
        return False
    if token.lemma_.casefold() in _VIEW_LEMMAS:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.casefold() in STATEMENT_NOUNS for c in token.children)
