"""Actors on real news: GUM news (Wikinews) named people, organisations and places.

Run: python -m benchmarks.realdata.score_actors [--limit N] [--verbose]

Rules (../shared/data/entities/SOURCE.md):
- Gold: entities with `named: true` and type person, organization or place.
- A predicted actor matches a gold entity when its name or an alias equals one of the
  entity's names (case ignored, a leading "the" and a trailing "'s" dropped), or when one of
  its mentions covers the head word of one of the entity's proper-noun mentions.
  A person actor whose mention closes a gold person mention headed by a title or
  description ("<Nationality> goalkeeper <First> <Last>") matches that person as well.
- Kinds: person=person, organization=organization, place=place; `group` counts as person;
  organization and place are accepted for each other (GUM types countries and cities by
  their role in the sentence).
- Recall of a kind: gold entities of that type matched by an actor of a compatible kind.
  Precision of a kind: actors of that kind that match a gold entity of a compatible type.
- Duplicate people: extra person actors beyond the first that match one gold person.
- Alias merging: B-cubed precision/recall over the gold proper-noun mentions of matched
  entities; a mention's predicted cluster is the actor whose mention covers its head word
  (a mention no actor covers is a cluster of its own).
  The same over the mentions in the body only ("body only"): the reader does not analyse
  the headline, so a headline mention is always a cluster of its own in the first figure.
- Roles: a gold person with an apposition or predicate pair (link `appos`/`pred`) has a role:
  the member of the pair that is not one of its names. The reader's role is right when it
  shares a content word with it.
With 24 documents, differences of one or two points are noise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.realdata.align import Alignment
from benchmarks.realdata.common import (
    parallel_map,
    reader_actors,
    require_data,
    stamp,
    subset,
    table,
)

KINDS = ("person", "organization", "place")
COMPATIBLE = {
    "person": {"person", "group"},
    "organization": {"organization", "place"},
    "place": {"place", "organization"},
}
STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "in",
        "at",
        "on",
        "and",
        "to",
        "by",
        "with",
        "from",
        "its",
        "his",
        "her",
        "their",
    ]
)


def _key(name: str) -> str:
    s = name.casefold().replace("’", "'").strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s?$", "", s)
    return " ".join(s.split())


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if w not in STOP}


def _titled(entity: dict) -> list[tuple[int, int]]:
    """Mentions of a person that a title or description heads ("<Nationality> goalkeeper
    <First> <Last>", "Deputy Minister for <Portfolio> Mr. <Last>"): the name closing one is the
    person's name too, though GUM heads the mention on the title."""
    return [
        (m["start"], m["end"])
        for m in entity["mentions"]
        if (m["head_upos"] != "PROPN" or m["head"][:1].isupper())
        and not re.search(r",| and ", m["text"])  # not a list of people
    ]


def _matches(pred: dict, names: set[str], heads: list[int], titled: list[tuple[int, int]]) -> bool:
    keys = {_key(pred["name"])} | {_key(x) for x in pred["aliases"]}
    covers = any(s <= h < t for h in heads for s, t in pred["spans"])
    closes = pred["kind"] == "person" and any(
        a < s and abs(t - b) <= 1 for s, t in pred["spans"] for a, b in titled
    )
    return bool(keys & names) or covers or closes


def _one(path: Path) -> dict:
    gold = json.loads(path.read_text(encoding="utf-8"))
    txt = path.parent.parent / "txt" / (gold["doc"] + ".txt")
    raw = txt.read_text(encoding="utf-8")
    out = reader_actors(txt)
    result = {"doc": gold["doc"], "error": out.get("error"), "gold": [], "pred": []}
    if "error" in out:
        return result
    align = Alignment(out["text"], raw)
    pred = []
    for a in out["actors"]:
        spans = [align.span(s, e) for s, e in a["spans"]]
        pred.append(
            {
                "name": a["name"],
                "kind": a["kind"],
                "aliases": a["aliases"],
                "role": a["role"],
                "spans": spans,
            }
        )
    ents = [e for e in gold["entities"] if e["named"] and e["type"] in KINDS]
    for e in ents:
        names = {_key(n) for n in e["names"]}
        heads = []
        for m in e["mentions"]:
            if m["head_upos"] == "PROPN":
                h = m["text"].rfind(m["head"])
                heads.append(m["start"] + max(h, 0))
        role = None
        ms = e["mentions"]
        for k, m in enumerate(ms):
            if m["link"] in ("appos", "pred") and k > 0:
                pair = (ms[k - 1], m)
                other = [
                    x for x in pair if _key(x["text"]) not in names or x["head_upos"] != "PROPN"
                ]
                if other and other[0]["head_upos"] != "PRON":
                    role = other[0]["text"]
                    break
        titled = _titled(e) if e["type"] == "person" else []
        matched = [i for i, p in enumerate(pred) if _matches(p, names, heads, titled)]
        result["gold"].append(
            {
                "type": e["type"],
                "names": sorted(names),
                "heads": heads,
                "body_heads": [h for h in heads if h >= gold["body_start"]],
                "role": role,
                "matched": matched,
            }
        )
    # GUM marks an entity named only when a mention's syntactic head is a proper noun, so
    # "Facebook creator Mark Zuckerberg" (head "creator") is unnamed. An actor found inside
    # such a mention is neither right nor wrong: it is left out of precision.
    unnamed = [
        (m["start"], m["end"])
        for e in gold["entities"]
        if not e["named"] and e["type"] in KINDS
        for m in e["mentions"]
        if re.search(r"\s[A-Z]", m["text"])
    ]
    hit = {i for g in result["gold"] for i in g["matched"]}
    for i, p in enumerate(pred):
        p["ignored"] = i not in hit and any(
            a <= s and t <= b for s, t in p["spans"] for a, b in unnamed
        )
    result["pred"] = pred
    return result


def _b_cubed(results: list[dict], heads: str = "heads") -> tuple[float, float]:
    precisions, recalls = [], []
    for r in results:
        owner: dict[int, int] = {}
        for p_i, p in enumerate(r["pred"]):
            for g in r["gold"]:
                for h in g[heads]:
                    if any(s <= h < t for s, t in p["spans"]):
                        owner.setdefault(h, p_i)
        mentions = [(g_i, h) for g_i, g in enumerate(r["gold"]) if g["matched"] for h in g[heads]]
        for g_i, h in mentions:
            gold_set = {m for m in mentions if m[0] == g_i}
            pred_set = {m for m in mentions if h in owner and owner.get(m[1]) == owner[h]} or {
                (g_i, h)
            }
            both = len(gold_set & pred_set)
            precisions.append(both / len(pred_set))
            recalls.append(both / len(gold_set))
    mean = lambda v: sum(v) / len(v) if v else float("nan")  # noqa: E731
    return mean(precisions), mean(recalls)


def figures(results: list[dict]) -> dict[str, float]:
    fig: dict[str, float] = {}
    confusion: Counter = Counter()
    for kind in KINDS:
        gold_n = found = pred_n = right = 0
        for r in results:
            for g in r["gold"]:
                if g["type"] != kind:
                    continue
                gold_n += 1
                found += any(r["pred"][i]["kind"] in COMPATIBLE[kind] for i in g["matched"])
            pk = {"person": {"person", "group"}}.get(kind, {kind})
            for i, p in enumerate(r["pred"]):
                if p["kind"] not in pk or p["ignored"]:
                    continue
                pred_n += 1
                right += any(
                    i in g["matched"] and p["kind"] in COMPATIBLE[g["type"]] for g in r["gold"]
                )
        fig[f"{kind} recall"] = found / gold_n if gold_n else float("nan")
        fig[f"{kind} precision"] = right / pred_n if pred_n else float("nan")
        fig[f"{kind} gold"] = gold_n
    dup = 0
    roles_total = roles_right = 0
    for r in results:
        for g in r["gold"]:
            for i in g["matched"]:
                confusion[(g["type"], r["pred"][i]["kind"])] += 1
            if g["type"] == "person":
                people = [i for i in g["matched"] if r["pred"][i]["kind"] == "person"]
                dup += max(0, len(people) - 1)
                if g["role"] and people:
                    roles_total += 1
                    predicted = r["pred"][people[0]]["role"] or ""
                    roles_right += bool(_content(predicted) & _content(g["role"]))
    fig["duplicate people"] = dup
    p, rc = _b_cubed(results)
    fig["alias B3 precision"] = p
    fig["alias B3 recall"] = rc
    p, rc = _b_cubed(results, "body_heads")
    fig["alias B3 precision, body only"] = p
    fig["alias B3 recall, body only"] = rc
    fig["role found"] = roles_right / roles_total if roles_total else float("nan")
    fig["roles in gold"] = roles_total
    fig["failures"] = sum(bool(r["error"]) for r in results)
    fig["_confusion"] = confusion  # type: ignore[assignment]
    return fig


def run(limit: int | None = None) -> list[dict]:
    root = require_data()
    files = subset(sorted((root / "entities" / "gold").glob("*.json")), limit)
    return parallel_map(_one, files)


def render(fig: dict) -> str:
    rows = []
    for k, v in fig.items():
        if k.startswith("_"):
            continue
        rows.append((k, f"{v:.3f}" if isinstance(v, float) else v))
    conf = fig["_confusion"]
    kinds = ["person", "group", "organization", "place"]
    conf_rows = [[g] + [conf.get((g, k), 0) for k in kinds] for g in KINDS]
    return (
        "### Actors (GUM news, 24 Wikinews articles)\n\n"
        + table(("measure", "value"), rows)
        + "\n\nKinds of matched actors (rows: gold type, columns: reader kind)\n\n"
        + table(["gold \\ reader", *kinds], conf_rows)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--verbose", action="store_true", help="list misses and false actors")
    args = parser.parse_args(argv)
    print(stamp())
    results = run(args.limit)
    if args.verbose:
        for r in results:
            for g in r["gold"]:
                if not g["matched"]:
                    print(f"{r['doc']}\tmissed\t{g['type']}\t{g['names']}")
            hit = {i for g in r["gold"] for i in g["matched"]}
            for i, p in enumerate(r["pred"]):
                if i not in hit and not p["ignored"]:
                    print(f"{r['doc']}\tfalse\t{p['kind']}\t{p['name']}")
    print(render(figures(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
