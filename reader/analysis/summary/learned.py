"""The default summary: the article's lede, then the sentences a linear scorer ranks highest.

The coefficients in weights.json were fitted on real news summaries
(benchmarks/realdata/train_summary.py); they hold numbers only.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from reader.analysis.summary.candidates import Candidate
from reader.analysis.summary.features import FEATURES, features

if TYPE_CHECKING:
    from spacy.tokens import Doc


@cache
def weights() -> tuple[list[float], float]:
    """The scorer's coefficients, in the order of FEATURES, and its bias."""
    data = json.loads(
        resources.files("reader.analysis.summary").joinpath("weights.json").read_text("utf-8")
    )
    if list(data["features"]) != list(FEATURES):
        raise ValueError("weights.json does not match the summary features; retrain it")
    return [float(w) for w in data["weights"]], float(data["bias"])


def scores(doc: Doc, cands: list[Candidate]) -> dict[int, float]:
    """Every candidate's score (higher is better) by candidate index."""
    w, bias = weights()
    return {
        c.index: bias + sum(a * b for a, b in zip(w, row, strict=True))
        for c, row in zip(cands, features(doc, cands), strict=True)
    }
