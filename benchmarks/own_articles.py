"""Quotes, speakers, people and roles against the hand-made gold of the project's own articles.

These are a development set (the rules were developed on them); quality is measured on real
news by benchmarks/realdata.

Run: python benchmarks/own_articles.py [--set samples|extra|dev|all] [--samples DIR] [--gold DIR]
       [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.analysis.actors import extract_actors  # noqa: E402
from reader.analysis.models import Actor, Quote  # noqa: E402
from reader.analysis.names import fold  # noqa: E402
from reader.analysis.nlp import parse  # noqa: E402
from reader.analysis.quotes import extract_quotes  # noqa: E402
from reader.library import load_article  # noqa: E402

SAMPLES = ROOT / "sample_articles"
GOLD = ROOT / "tests" / "gold"
EXTRA = ROOT / "tests" / "fixtures" / "extra_articles"
"""Articles in other styles (wire copy, an interview feature, a scraped page), not tuned on."""
DEV = ROOT / "tests" / "fixtures" / "dev_articles"
"""Development articles (wire, British, US politics, court, earnings, Q&A, live blog, science
feature), each with its gold file beside it: the check that the rules generalise."""
SETS = {
    "samples": ("Bundled samples (the rules were developed on these)", SAMPLES, GOLD),
    "extra": ("Extra articles in other styles", EXTRA, EXTRA / "gold"),
    "dev": ("Development articles (written here; rules were developed on them)", DEV, DEV),
}
_WORD = re.compile(r"\w+")
_ROLE_STOP = frozenset(["a", "an", "the", "of", "at", "for", "and", "in", "on", "with", "to", "s"])


@dataclass
class Score:
    """Counts over one or more articles; the ratios are computed from them."""

    gold_quotes: int = 0
    pred_quotes: int = 0
    matched: int = 0
    required: int = 0
    required_found: int = 0
    nested_skipped: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    fragment_right: int = 0
    gold_people: int = 0
    people_found: int = 0
    pred_people: int = 0
    pred_people_right: int = 0
    roles: int = 0
    roles_found: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if name == "errors":
                self.errors.extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def ratios(self) -> dict[str, float]:
        def div(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "quote_recall": div(self.matched, self.gold_quotes),
            "required_quote_recall": div(self.required_found, self.required),
            "quote_precision": div(self.matched, self.pred_quotes),
            "speaker_accuracy": div(self.speaker_right, self.speaker_total),
            "fragment_accuracy": div(self.fragment_right, self.matched),
            "people_recall": div(self.people_found, self.gold_people),
            "people_precision": div(self.pred_people_right, self.pred_people),
            "role_recall": div(self.roles_found, self.roles),
        }


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def overlap(a: str, b: str) -> float:
    """Shared words over the longer of the two: > 0.5 means the same quotation."""
    wa, wb = Counter(words(a)), Counter(words(b))
    longest = max(sum(wa.values()), sum(wb.values()), 1)
    return sum((wa & wb).values()) / longest


def role_matches(gold: str, predicted: str | None) -> bool:
    """At least half of the gold role's content words appear in the predicted role."""
    if not predicted:
        return False
    wanted = [w for w in words(gold) if w not in _ROLE_STOP]
    have = set(words(predicted))
    return bool(wanted) and sum(w in have for w in wanted) / len(wanted) >= 0.5


def score_quotes(gold: list[dict], quotes: tuple[Quote, ...], name: str, text: str) -> Score:
    score = Score()
    folded = fold(text)
    gold_texts = [fold(g["text"]) for g in gold]
    # A quote inside another gold quote (a single-quoted quote within a quote) cannot be
    # reported on its own: quote spans never overlap.
    kept = [
        g
        for g, t in zip(gold, gold_texts, strict=True)
        if not any(t != o and t in o and folded.count(t) <= folded.count(o) for o in gold_texts)
    ]
    score.nested_skipped = len(gold) - len(kept)
    score.gold_quotes, score.pred_quotes = len(kept), len(quotes)
    pairs = sorted(
        (
            (overlap(g["text"], q.text), gi, qi)
            for gi, g in enumerate(kept)
            for qi, q in enumerate(quotes)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_q: set[int] = set()
    for value, gi, qi in pairs:
        if value <= 0.5 or gi in used_g or qi in used_q:
            continue
        used_g.add(gi)
        used_q.add(qi)
        g, q = kept[gi], quotes[qi]
        score.matched += 1
        score.fragment_right += g["fragment"] == q.fragment
        if not g["fragment"]:
            score.speaker_total += 1
            if fold(g["speaker"] or "") == fold(q.speaker or ""):
                score.speaker_right += 1
            else:
                score.errors.append(
                    f"{name}: speaker {q.speaker!r} for {g['speaker']!r}: {q.text[:50]!r}"
                )
        if g["fragment"] != q.fragment:
            score.errors.append(f"{name}: fragment={q.fragment} for {q.text[:50]!r}")
    for gi, g in enumerate(kept):
        if not g["fragment"]:
            score.required += 1
            score.required_found += gi in used_g
        if gi not in used_g:
            score.errors.append(f"{name}: missed quote {g['text'][:60]!r}")
    for qi, q in enumerate(quotes):
        if qi not in used_q:
            score.errors.append(f"{name}: extra quote {q.text[:60]!r}")
    return score


def score_actors(gold: dict, actors: tuple[Actor, ...], name: str) -> Score:
    score = Score()
    people = [a for a in actors if a.kind == "person"]
    by_name = {fold(a.name): a for a in people}
    gold_people = {fold(p) for p in gold.get("people", [])}
    score.gold_people = len(gold_people)
    score.people_found = len(gold_people & by_name.keys())
    score.pred_people = len(people)
    score.pred_people_right = sum(fold(a.name) in gold_people for a in people)
    for missing in sorted(gold_people - by_name.keys()):
        score.errors.append(f"{name}: missed person {missing!r}")
    for extra in sorted(by_name.keys() - gold_people):
        score.errors.append(f"{name}: extra person {by_name[extra].name!r}")
    for person, role in gold.get("roles", {}).items():
        actor = by_name.get(fold(person))
        if actor is None:
            continue
        score.roles += 1
        if role_matches(role, actor.role):
            score.roles_found += 1
        else:
            score.errors.append(f"{name}: role {actor.role!r} for {person!r} ({role!r})")
    return score


@cache
def analysed(path: Path) -> tuple[str, tuple[Actor, ...], tuple[Quote, ...], float, float]:
    """(text, actors, quotes, parse seconds, extraction seconds) for one article."""
    text = load_article(path).text
    started = time.perf_counter()
    doc = parse(text)
    parsed = time.perf_counter()
    actors = extract_actors(doc, text)
    quotes = extract_quotes(doc, text, actors)
    return text, actors, quotes, parsed - started, time.perf_counter() - parsed


def evaluate(samples: Path = SAMPLES, gold_dir: Path = GOLD) -> tuple[Score, dict[str, Score]]:
    """Overall and per-article scores for every sample that has a gold file."""
    total, per_file = Score(), {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = samples / gold["file"]
        if not path.exists():
            continue
        text, actors, quotes, _, _ = analysed(path)
        score = score_quotes(gold.get("quotes", []), quotes, path.name, text)
        score.add(score_actors(gold, actors, path.name))
        per_file[path.name] = score
        total.add(score)
    return total, per_file


def report(samples: Path, gold: Path, verbose: bool) -> None:
    """Print the score table for one set of articles."""
    total, per_file = evaluate(samples, gold)
    keys = list(total.ratios())
    print(f"{'article':34}" + "".join(f"{k.replace('_', ' ')[:10]:>11}" for k in keys))
    for name, score in [*per_file.items(), ("ALL", total)]:
        print(f"{name[:34]:34}" + "".join(f"{v:11.2f}" for v in score.ratios().values()))
    print(
        f"{total.gold_quotes} gold quotes ({total.nested_skipped} nested ones skipped), "
        f"{total.pred_quotes} predicted; {total.gold_people} gold people, {total.roles} roles"
    )
    if verbose:
        print("\n".join(total.errors))


def timing(samples: Path) -> None:
    """Extraction time against the spaCy pass on the longest article (model already loaded)."""
    paths = [p for p in samples.iterdir() if p.is_file()]
    if not paths:
        return
    longest = max(paths, key=lambda p: len(load_article(p).text))
    text = load_article(longest).text
    parse(text)  # load the model and warm up
    parse_s = min(_timed(lambda: parse(text)) for _ in range(3))
    doc = parse(text)
    extract_s = min(
        _timed(lambda: extract_quotes(doc, text, extract_actors(doc, text))) for _ in range(3)
    )
    print(
        f"longest article {longest.name} ({len(text)} chars): spaCy {parse_s * 1000:.0f} ms, "
        f"actors+quotes {extract_s * 1000:.1f} ms ({extract_s / parse_s:.1%} of the parse)"
    )


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        choices=[*SETS, "all"],
        action="append",
        help="which article set to score (repeatable; default: samples and extra)",
    )
    parser.add_argument("--samples", type=Path, help="articles (default: the bundled samples)")
    parser.add_argument("--gold", type=Path, help="gold files for --samples")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    parser.add_argument("--no-timing", action="store_true", help="skip the timing line")
    args = parser.parse_args(argv)
    if args.samples:
        report(args.samples, args.gold or args.samples / "gold", args.verbose)
        if not args.no_timing:
            timing(args.samples)
        return 0
    chosen = args.set or ["samples", "extra"]
    names = list(SETS) if "all" in chosen else list(dict.fromkeys(chosen))
    for n, name in enumerate(names):
        title, samples, gold = SETS[name]
        print(("\n" if n else "") + title + ":")
        report(samples, gold, args.verbose)
    if not args.no_timing:
        print()
        timing(SAMPLES)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
