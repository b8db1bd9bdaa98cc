"""The shipped block model: a readable JSON file, loaded without any training dependency.

``block-model.json`` holds the debris model, either small gradient-boosted trees over
``FEATURES`` (``debris.trees``: nested ``{"feature", "le", "yes", "no", "v"}`` nodes and ``{"v"}``
leaves, summed with ``debris.base`` into a logit; every node's ``v`` is its mean score, so a
decision is explained by what each split on its path added) or a logistic regression over
``FEATURES`` and a few products of two of them (``pairs``: a short line *and* near the end; a
feature drives a decision by ``weight * (value - mean)``); beside it the training means, a
multinomial logistic regression for the debris category, the operating threshold chosen by
``scripts/train_scorer.py`` and the lexicon the features were computed with. Inference is plain
Python (the trees are compiled once into nested comparisons): deterministic, no numpy.
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


Node = tuple[int, float, "Node", "Node", float] | tuple[float]  # (feature, le, yes, no, v) or (v,)


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted regression trees: logit = base + the sum of one leaf value per tree."""

    base: float
    trees: tuple[Node, ...]
    n_features: int

    def __post_init__(self) -> None:
        # one Python expression of nested comparisons, from numbers only (indices and floats)
        src = " + ".join(_expr(t) for t in self.trees) or "0.0"
        object.__setattr__(self, "_sum", eval(compile(f"lambda r: {src}", "<block-model trees>", "eval"), {}))  # noqa: S307

    def score(self, row: Sequence[float]) -> float:
        if len(row) != self.n_features:
            raise ValueError(f"{len(row)} values for {self.n_features} features")
        return self.base + self._sum(row)  # type: ignore[attr-defined]

    def contributions(self, row: Sequence[float]) -> list[float]:
        """Per feature, what its splits on the row's paths added to the logit (Saabas)."""
        out = [0.0] * self.n_features
        for node in self.trees:
            while len(node) == 5:
                f, le, yes, no, v = node  # type: ignore[misc]
                node = yes if row[f] <= le else no
                out[f] += node[-1] - v
        return out


def _expr(node: Node) -> str:
    if len(node) == 1:
        return repr(float(node[0]))
    f, le, yes, no, _ = node  # type: ignore[misc]
    return f"({_expr(yes)} if r[{int(f)}] <= {float(le)!r} else {_expr(no)})"


def _node(d: dict, index: dict[str, int], depth: int = 0) -> Node:
    if depth > 16:
        raise ModelError("a tree deeper than 16")
    if "feature" not in d:
        return (float(d["v"]),)
    return (
        index[d["feature"]],
        float(d["le"]),
        _node(d["yes"], index, depth + 1),
        _node(d["no"], index, depth + 1),
        float(d["v"]),
    )


@dataclass(frozen=True)
class BlockModel:
    features: tuple[str, ...]
    pairs: tuple[tuple[int, int], ...]  # products of two features the linear debris model also weighs
    debris: Linear | Trees  # logit of P(debris): trees over the features, or linear over features and pairs
    means: tuple[float, ...]  # training means of the features, for explanations
    classes: tuple[str, ...]  # debris categories, as the record names them
    category: tuple[Linear, ...]  # one per class (softmax)
    threshold: float  # a unit is proposed when P(debris) >= threshold
    candidate_floor: float  # below threshold and above this: reported as a candidate
    lexicon: LexiconMatcher
    words: dict[str, tuple[str, ...]]

    def expand(self, row: Sequence[float]) -> Sequence[float]:
        return [*row, *(row[i] * row[j] for i, j in self.pairs)] if self.pairs else row

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
        x = self.expand(row)
        if isinstance(self.debris, Trees):
            push = self.debris.contributions(x)
        else:
            push = [w * (v - m) for w, v, m in zip(self.debris.weights, x, self.means, strict=True)]
        contrib = [(c, name, v > m) for c, name, v, m in zip(push, self.names, x, self.means, strict=True)]
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
        debris: Linear | Trees
        if "trees" in d:
            if pairs or len(d["means"]) != len(features):
                raise ModelError(f"{where}: tree models take the features alone (no pairs), one mean each")
            debris = Trees(float(d["base"]), tuple(_node(t, index) for t in d["trees"]), len(features))
        else:
            if not len(d["weights"]) == len(d["means"]) == len(features) + len(pairs):
                raise ModelError(f"{where}: the debris weights do not match its features and pairs")
            debris = Linear(float(d["intercept"]), tuple(float(w) for w in d["weights"]))
        return BlockModel(
            features=features,
            pairs=pairs,
            debris=debris,
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
