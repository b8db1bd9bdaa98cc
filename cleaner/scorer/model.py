"""The shipped block model: a readable JSON file, loaded without any training dependency.

``block-model.json`` holds a logistic regression over ``FEATURES`` and a few products of two of
them (``pairs``: a short line *and* near the end), with its weights and the training
means, which explain a decision: a feature drives it by ``weight * (value - mean)``), a
multinomial logistic regression for the debris category, the operating threshold chosen by
``scripts/train_scorer.py`` and the lexicon the features were computed with. Inference is a few
dot products in plain Python: deterministic, no numpy.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import mul
from pathlib import Path

from cleaner.scorer.features import FEATURES, LexiconMatcher

MODEL_PATH = Path(__file__).resolve().parent / "block-model.json"
FORMAT = "cleaner.block-model/1"


class ModelError(ValueError):
    """The model file is missing or malformed (one line, names the file)."""


@dataclass(frozen=True)
class Linear:
    intercept: float
    weights: tuple[float, ...]

    def score(self, row: Sequence[float]) -> float:
        if len(row) != len(self.weights):
            raise ValueError(f"{len(row)} values for {len(self.weights)} weights")
        return self.intercept + sum(map(mul, self.weights, row))


@dataclass(frozen=True)
class BlockModel:
    features: tuple[str, ...]
    pairs: tuple[tuple[int, int], ...]  # products of two features the debris model also weighs
    debris: Linear  # logit of P(debris), over the features and then the pairs
    means: tuple[float, ...]  # training means of the features, for explanations
    classes: tuple[str, ...]  # debris categories, as the record names them
    category: tuple[Linear, ...]  # one per class (softmax)
    threshold: float  # a unit is proposed when P(debris) >= threshold
    candidate_floor: float  # below threshold and above this: reported as a candidate
    lexicon: LexiconMatcher
    words: dict[str, tuple[str, ...]]

    def expand(self, row: Sequence[float]) -> list[float]:
        return [*row, *(row[i] * row[j] for i, j in self.pairs)]

    @property
    def names(self) -> tuple[str, ...]:
        return self.features + tuple(f"{self.features[i]}*{self.features[j]}" for i, j in self.pairs)

    def probability(self, row: Sequence[float]) -> float:
        z = self.debris.score(self.expand(row))
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0

    def category_of(self, row: Sequence[float]) -> str:
        scores = [c.score(row) for c in self.category]
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]

    def drivers(self, row: Sequence[float], top: int = 3) -> list[tuple[str, bool]]:
        """The features that pushed this unit most toward debris: (name, value above the mean)."""
        contrib = [
            (w * (x - m), name, x > m)
            for name, w, x, m in zip(self.names, self.debris.weights, self.expand(row), self.means, strict=True)
        ]
        contrib.sort(key=lambda c: (-c[0], c[1]))
        return [(name, above) for c, name, above in contrib[:top] if c > 0]


def parse(doc: dict, where: str = "model") -> BlockModel:
    try:
        if doc.get("format") != FORMAT:
            raise ModelError(f"{where}: format is {doc.get('format')!r}, expected {FORMAT!r}")
        features = tuple(doc["features"])
        if features != FEATURES:
            raise ModelError(
                f"{where}: its features differ from this version's (retrain: python scripts/train_scorer.py)"
            )
        d = doc["debris"]
        index = {f: i for i, f in enumerate(features)}
        pairs = tuple((index[a], index[b]) for a, b in doc.get("pairs", []))
        cat = doc["category"]
        words = {k: tuple(v) for k, v in doc["lexicon"].items()}
        if not len(d["weights"]) == len(d["means"]) == len(features) + len(pairs):
            raise ModelError(f"{where}: the debris weights do not match its features and pairs")
        return BlockModel(
            features=features,
            pairs=pairs,
            debris=Linear(float(d["intercept"]), tuple(float(w) for w in d["weights"])),
            means=tuple(float(m) for m in d["means"]),
            classes=tuple(cat["classes"]),
            category=tuple(
                Linear(float(b), tuple(float(w) for w in ws))
                for b, ws in zip(cat["intercepts"], cat["weights"], strict=True)
            ),
            threshold=float(doc["threshold"]),
            candidate_floor=float(doc["candidate_floor"]),
            lexicon=LexiconMatcher.build(words),
            words=words,
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ModelError):
            raise
        raise ModelError(f"{where}: malformed block model ({type(exc).__name__}: {exc})") from None


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> BlockModel:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: cannot read the block model: {exc}") from None
    return parse(doc, str(path))
