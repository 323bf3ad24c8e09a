"""Analysis results: plain dataclasses with offsets into the article's cleaned text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol

ActorKind = Literal["person", "organization", "place", "group"]
ANALYSIS_VERSION = 24
"""Bump when the output for the same text would change; it keys the cache."""


class Source(Protocol):
    """What the analysis reads of an article (the library's Article has these and more)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    start: int
    end: int
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    """Canonical name: the longest proper form seen (first name and surname)."""
    kind: ActorKind
    aliases: tuple[str, ...]
    mentions: int
    role: str | None = None
    spans: tuple[tuple[int, int], ...] = ()
    """(start, end) of every mention in text order, for highlighting and jumping."""


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    """The quoted words without the quotation marks."""
    speaker: str | None
    cue: str | None
    """The attribution verb or phrase (\"said\", \"according to\")."""
    start: int
    end: int
    fragment: bool = False
    """Short quoted phrases that are not a statement: scare quotes, titles."""


@dataclass(frozen=True, slots=True)
class Analysis:
    article_id: str
    summary: tuple[SummarySentence, ...]
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    algorithm: str = "lexrank"
    model: str = ""
    """Name of the spaCy pipeline used (\"blank\" when none could be loaded)."""
    notices: tuple[str, ...] = field(default_factory=tuple)

    def to_json_fields(self) -> dict[str, Any]:
        """The analysis part of the DESIGN.md JSON contract."""
        return {
            "summary": [{"text": s.text, "start": s.start, "end": s.end} for s in self.summary],
            "actors": [
                {
                    "name": a.name,
                    "kind": a.kind,
                    "aliases": list(a.aliases),
                    "mentions": a.mentions,
                    "role": a.role,
                }
                for a in self.actors
            ],
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "cue": q.cue,
                    "start": q.start,
                    "end": q.end,
                    "fragment": q.fragment,
                }
                for q in self.quotes
            ],
        }

    def to_dict(self) -> dict[str, Any]:
        """Lossless form for the cache."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article_id=data["article_id"],
            summary=tuple(SummarySentence(**s) for s in data["summary"]),
            actors=tuple(
                Actor(
                    **{
                        **a,
                        "aliases": tuple(a["aliases"]),
                        "spans": tuple(tuple(s) for s in a["spans"]),
                    }
                )
                for a in data["actors"]
            ),
            quotes=tuple(Quote(**q) for q in data["quotes"]),
            algorithm=data.get("algorithm", "lexrank"),
            model=data.get("model", ""),
            notices=tuple(data.get("notices", ())),
        )


def _ints(*values: object) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values)


def _texts(*values: object, optional: bool = False) -> bool:
    return all(isinstance(v, str) or (optional and v is None) for v in values)


def well_formed(analysis: Analysis) -> bool:
    """Whether every field has the type the reader relies on (a cache file can hold anything)."""
    summary = all(
        _texts(s.text) and _ints(s.start, s.end) and s.start <= s.end
        and isinstance(s.score, (int, float))
        for s in analysis.summary
    )  # fmt: skip
    actors = all(
        _texts(a.name, a.kind) and _texts(*a.aliases) and _ints(a.mentions)
        and _texts(a.role, optional=True)
        and all(len(span) == 2 and _ints(*span) for span in a.spans)
        for a in analysis.actors
    )  # fmt: skip
    quotes = all(
        _texts(q.text) and _texts(q.speaker, q.cue, optional=True) and _ints(q.start, q.end)
        and q.start <= q.end and isinstance(q.fragment, bool)
        for q in analysis.quotes
    )  # fmt: skip
    header = _texts(analysis.article_id, analysis.algorithm, analysis.model, *analysis.notices)
    return summary and actors and quotes and header
