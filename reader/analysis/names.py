"""Name normalisation: folding accents and case, possessives, honorifics, junk detection."""

from __future__ import annotations

import re
import unicodedata

from reader.analysis.lexicon import GENERIC_WORDS, HONORIFICS, MONTHS_AND_DAYS, TITLE_WORDS

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NON_WORD = re.compile(r"[^\w' -]+")
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """Matching key: accents and case folded, dots and possessives dropped, leading "the" gone."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = strip_possessive(plain.strip()).casefold().replace(".", "")
    plain = _SPACES.sub(" ", _NON_WORD.sub(" ", plain)).strip(" -")
    if plain.startswith("the "):
        plain = plain[4:]
    return plain


def strip_possessive(name: str) -> str:
    """ "<Name>’s" -> "<Name>"; "protesters'" -> "protesters"."""
    return _POSSESSIVE.sub("", name).rstrip()


def is_possessive(token) -> bool:
    """The "'s" of "<Name>'s", however the tagger read it."""
    return token.tag_ == "POS" or token.text in {"'s", "’s", "'", "’"}


def bare_word(word: str) -> str:
    """A token folded for lexicon look-ups: lower case, no trailing dot."""
    return word.casefold().rstrip(".")


def is_honorific(word: str) -> bool:
    return bare_word(word) in HONORIFICS


def is_title_word(word: str) -> bool:
    return bare_word(word) in TITLE_WORDS


_STANCE_PREFIX = re.compile(r"^(?i:pro|anti|non|post|pre)-[A-Z]")


def is_junk_name(surface: str) -> bool:
    """True for entity text that cannot be an actor: numbers, dates, lowercase, debris."""
    if len(surface) < 2 or "\n" in surface or len(surface) > 80:
        return True
    if not any(ch.isalpha() for ch in surface):
        return True
    if not any(ch.isupper() for ch in surface):
        return True
    if surface.startswith(("http", "www.", "@", "#")) or "/" in surface or "@" in surface:
        return True
    if _STANCE_PREFIX.match(surface) and (surface[0].islower() or " " not in surface):
        # "a pro-<Name> group", "anti-<Name> voters": a stance, no one named (but the
        # "Anti-<Word> League" is a name of its own)
        return True
    words = fold(surface).split()
    if not words:
        return True
    if all(w in MONTHS_AND_DAYS or w.isdigit() for w in words):
        return True
    return all(w in GENERIC_WORDS or w in HONORIFICS for w in words)


def looks_like_code(surface: str) -> bool:
    """Product, aircraft or model codes ("F-16", "XR-211", "<Maker> 737") are not people."""
    return any(ch.isdigit() for ch in surface)


def acronym_of(words: list[str]) -> str:
    """Initials of the significant words: "World Health Organization" -> "who"."""
    skip = {"of", "the", "for", "and", "on", "in", "de", "la", "del", "&"}
    return "".join(w[0] for w in words if w and w not in skip)
