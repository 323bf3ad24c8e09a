"""Verbs and nouns of attribution: one lexicon of lemmas, every inflected form derived from it."""

from __future__ import annotations

from functools import cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_LEMMAS = _words(
    """
    say tell add ask explain note warn argue insist write recall reply acknowledge continue
    declare state claim contend maintain observe remark comment answer respond announce admit
    concede confirm deny emphasize emphasise stress suggest tweet post caution predict
    complain lament joke quip shout yell scream cry whisper mutter murmur exclaim testify
    report reiterate repeat urge plead pledge promise vow boast concur agree disagree object
    protest retort counter assert allege affirm charge describe recount remember reflect
    wonder muse sigh laugh groan conclude begin open summarize summarise estimate underline
    underscore highlight point mention interject chime assure reassure advise recommend elaborate
    propose demand proclaim boom thunder roar bellow snap bark scoff marvel gush chuckle
    """
)
"""Lemmas of verbs that attribute a quotation ("said", "told reporters", "added")."""

CHARACTERIZING_LEMMAS = _words(
    """
    call dub label brand term deem name hail praise criticize criticise accuse slam blast
    thank decry denounce condemn mock ridicule tout dismiss characterize characterise refer
    question challenge welcome applaud lambast chide scold urge ask demand identify depict
    portray paint frame cast liken compare laud celebrate blame attack knock lampoon deride
    insult advocate propose reject defend promise vow pledge predict warn promote dismiss
    endorse champion herald embrace invoke cite quote
    """
)
"""Verbs that carry someone's own words into the reporter's sentence: "<Name> called the
plan "a betrayal"", "thanked him for "stepping up""."""

_IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written", "writing"),
    "begin": ("began", "begun", "beginning"),
    "plead": ("pled",),
    "admit": ("admitted", "admitting"),
    "quip": ("quipped", "quipping"),
    "concur": ("concurred", "concurring"),
    "snap": ("snapped", "snapping"),
}


def _regular(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return (plural, lemma + "ed", lemma + "ing")


@cache
def forms(lemma: str) -> frozenset[str]:
    """Every form of a verb: "say" -> say, says, said, saying."""
    irregular = _IRREGULAR.get(lemma, ())
    derived = {lemma, *_regular(lemma)}
    if irregular:
        derived -= {lemma + "ed", lemma + "d"}
    if any(f.endswith("ing") for f in irregular):
        derived -= {lemma + "ing", lemma[:-1] + "ing"}
    return frozenset(derived | set(irregular))


SPEECH_FORMS = frozenset(f for lemma in SPEECH_LEMMAS for f in forms(lemma))
"""Inflected speech verbs, for text without a lemmatizer."""

STATEMENT_NOUNS = _words(
    """
    statement release communique communiqué memo letter post tweet email e-mail note message
    notice filing report readout transcript interview
    """
)
"""Nouns of written statements ("the ministry said in a statement")."""

CLAIM_NOUNS = _words(
    """
    accusation assertion claim suggestion pledge promise remark comment charge argument
    warning vow insistence contention declaration denial admission complaint call demand
    prediction boast retort reply answer response description conclusion finding assessment
    verdict judgment judgement
    """
)
"""Nouns for something said whose content a "that" clause or an "of" phrase gives:
"<Name>'s claim that the plan "will fail""."""

STANCE_NOUNS = _words(
    """
    rejection criticism critique attack broadside tirade diatribe defence defense praise
    condemnation denunciation dismissal mockery rebuke
    """
)
"""Nouns for words spoken against or for something, named after "of", "against" or "on":
"<Name>'s rejection of "..."" quotes <Name>."""

PHRASE_NOUNS = _words(
    """
    slogan motto mantra catchphrase phrase refrain tagline watchword
    """
)
"""Nouns for words someone says again and again: "<Name>'s slogan is "..."", "<Name>'s
"..." mantra"."""
