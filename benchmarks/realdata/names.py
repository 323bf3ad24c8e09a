"""Comparing a predicted speaker or actor name with a gold name: surname first, first names
must not conflict ("Bill Clinton" is not "Hillary Clinton", "Mrs. Clinton" may be either)."""

from __future__ import annotations

import re
import unicodedata

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "president",
        "vice",
        "former",
        "gen",
        "general",
        "col",
        "lt",
        "sgt",
        "capt",
        "adm",
        "judge",
        "justice",
        "mayor",
        "secretary",
        "minister",
        "prime",
        "chairman",
        "chairwoman",
        "chief",
        "the",
        "a",
        "an",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def words(name: str) -> list[str]:
    """Folded words of a name without titles, articles and possessive endings."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    out = []
    for w in _WORD.findall(plain.replace("’", "'")):
        w = re.sub(r"'s$", "", w)
        if w and w not in TITLES:
            out.append(w)
    return out


def same_name(gold: str, predicted: str) -> bool:
    """Whether `predicted` names the entity `gold` names."""
    g, p = words(gold), words(predicted)
    if not g or not p:
        return False
    if g[-1] not in p:
        return False
    if len(g) >= 2 and len(p) >= 2 and g[-1] == p[-1]:
        # Given names (and initials) must agree somewhere, whatever titles stand before them.
        return any(_same_given(a, b) for a in g[:-1] for b in p[:-1])
    return True


def _same_given(a: str, b: str) -> bool:
    return a == b or (a[0] == b[0] and (len(a) == 1 or len(b) == 1))


def matches_any(gold: str, names: list[str]) -> bool:
    return any(same_name(gold, n) for n in names if n)
