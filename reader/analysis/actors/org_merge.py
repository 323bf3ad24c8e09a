"""Organisation clusters merged across their forms: acronyms, short names, legal suffixes."""

from __future__ import annotations

from collections import defaultdict

from reader.analysis.actors.gazetteer import CLUB_WORDS
from reader.analysis.actors.mentions import Mention
from reader.analysis.lexicon import ORG_HEAD_NOUNS
from reader.analysis.models import ActorKind
from reader.analysis.names import acronym_of

_LEGAL_SUFFIXES = ("inc", "ltd", "llc", "plc", "corp", "co", "ag", "sa", "nv", "gmbh", "llp")
_KIND_PRIORITY = {"person": 3, "organization": 2, "place": 1, "group": 0, "other": -1}


def merge_organisations(clusters: dict[str, list[Mention]]) -> None:
    """An acronym joins the name it abbreviates; a short name ("Foreign Ministry") joins the
    one longer name that ends with it ("<Country> Foreign Ministry")."""
    orgs = [
        k for k, ms in clusters.items() if k.startswith("n:") and cluster_kind(ms) == "organization"
    ]
    by_acronym: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in orgs:
        words = k[2:].split()
        if len(words) > 1:
            by_acronym[acronym_of(words)].append(k)
            by_first[words[0]].append(k)
            by_last[words[-1]].append(k)
    # "<Name>" (tagged a person) beside "<Name> <Trade> <Kind of firm>": the short name.
    orgs += [
        k
        for k, ms in clusters.items()
        if k.startswith("n:")
        and " " not in k
        and len(by_first[k[2:]]) == 1
        and (
            cluster_kind(ms) in {"person", "other"}
            # "<Name> said": a company the model took for a nationality
            or cluster_kind(ms) == "group"
            and k[-1] != "s"
            and (
                any(m.speaker_hint for m in ms)
                # "<Name>'s plant", "cuts at <Name>": a company named short, never used as
                # a nationality is ("<Name> workers")
                or any(m.noun_use for m in ms)
                and not any(m.modifier_use for m in ms)
            )
        )
        and not any(m.honorific for m in ms)
    ]
    # "<Long Name> (<ACRONYM>)": the text says which name the acronym stands for.
    given = {
        m.short_form: k
        for k in orgs
        for m in clusters[k]
        if m.short_form and m.kind == "organization"  # not "<CITY>, <Country> (<Agency>)"
    }
    for key in orgs:
        words = key[2:].split()
        mentions = clusters[key]
        if len(words) == 1 and all(m.surface.isupper() for m in mentions) and len(words[0]) > 1:
            targets = [given[words[0]]] if words[0] in given else by_acronym[words[0]]
        elif len(words) == 1:
            targets = by_first[words[0]]
            if not targets and words[0] in ORG_HEAD_NOUNS:
                targets = by_last[words[0]]  # "the Authority" after "<Name> Authority"
        else:
            targets = [
                k
                for k in by_last[words[-1]]
                if len(k) > len(key) and k[2:].split()[-len(words) :] == words
            ]
            # "<Name> <Trade>" and "<Name> <Trade> Inc.": the same company.
            targets += [
                f"{key} {suffix}" for suffix in _LEGAL_SUFFIXES if f"{key} {suffix}" in orgs
            ]
        if len(targets) == 1 and targets[0] in clusters and targets[0] != key:
            moved = clusters.pop(key)
            for m in moved:
                m.kind = "organization"
            clusters[targets[0]].extend(moved)


def merge_clubs(clusters: dict[str, list[Mention]]) -> None:
    """A club named after its town: "<Town> Athletic", "<Town> City" and the bare "<Town>" the
    model took for a person or a group are one club, when the bare name is never a place."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for key in clusters:
        words = key[2:].split()
        if key.startswith("n:") and len(words) == 2 and words[1] in CLUB_WORDS:
            by_first[words[0]].append(key)
    for key in [k for k in clusters if k.startswith("n:") and " " not in k]:
        mentions = clusters[key]
        targets = by_first.get(key[2:], [])
        if len(targets) != 1 or any(m.honorific for m in mentions):
            continue
        if cluster_kind(mentions) == "place":
            continue
        club = clusters[targets[0]]
        club.extend(clusters.pop(key))
        for m in club:
            m.kind, m.place_hint = "organization", 0.0


def cluster_kind(mentions: list[Mention]) -> ActorKind:
    votes: dict[str, float] = defaultdict(float)
    for m in mentions:
        votes[m.kind] += m.weight
        votes["person"] += m.person_hint
        votes["place"] += m.place_hint
        votes["organization"] += m.org_hint
    best = max(votes, key=lambda k: (votes[k], _KIND_PRIORITY.get(k, -1)))
    return best if best != "other" else "organization"  # type: ignore[return-value]
