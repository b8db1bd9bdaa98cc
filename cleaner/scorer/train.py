"""Fitting the block model (needs the ``[train]`` extra: scikit-learn). Not imported at run time.

``fit`` turns feature rows, debris labels and categories into the JSON document that
``cleaner.scorer.model`` loads; ``dumps`` writes it byte-stably (sorted keys, rounded floats),
so the same data gives the same file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from cleaner.scorer.features import FEATURES
from cleaner.scorer.model import FORMAT

DIGITS = 6
C_DEBRIS = 1.0
C_CATEGORY = 0.5
# small gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, exported node by node)
TREES = {"max_iter": 30, "max_depth": 3, "learning_rate": 0.15, "min_samples_leaf": 40, "l2_regularization": 1.0}


def _standardized_lr(x, y, c: float, weight=None):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std < 1e-9] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000, tol=1e-7)
    lr.fit((x - mean) / std, y, sample_weight=weight)
    coef = np.atleast_2d(lr.coef_) / std  # back to raw feature units
    intercept = lr.intercept_ - coef @ mean
    return lr.classes_, coef, intercept, mean


def fit_debris(x, y, weight=None) -> tuple[list[float], float, list[float]]:
    _, coef, intercept, mean = _standardized_lr(x, y, C_DEBRIS, weight)
    return coef[0].tolist(), float(intercept[0]), mean.tolist()


def fit_trees(x, y, weight=None, params: Mapping[str, object] | None = None) -> tuple[float, list[dict]]:
    """Gradient-boosted trees for P(debris): (base logit, trees as nested JSON nodes).

    Every node carries ``v``, its mean score over the training rows that reach it (weighted by
    their counts), which the run time uses to explain a decision; thresholds are rounded to
    ``DIGITS`` when the file is written, and the exported ensemble is checked against
    scikit-learn's own predictions."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    m = HistGradientBoostingClassifier(random_state=0, early_stopping=False, **{**TREES, **(params or {})})
    m.fit(x, y, sample_weight=weight)
    base = float(np.ravel(m._baseline_prediction)[0])
    trees = [_export(p[0].nodes, 0)[0] for p in m._predictors]
    sample = x[:: max(1, len(x) // 2000)]
    got = np.array([base + sum(_leaf(t, r) for t in trees) for r in sample])
    want = m.decision_function(sample)
    if np.max(np.abs(got - want)) > 1e-6:
        raise ValueError(f"exported trees differ from scikit-learn's by {np.max(np.abs(got - want)):.4f}")
    return base, trees


def _export(nodes, i: int) -> tuple[dict, float]:
    """(the node as JSON, its row count)."""
    from cleaner.scorer.features import FEATURES

    n = nodes[i]
    if n["is_leaf"]:
        return {"v": float(n["value"])}, float(n["count"])
    yes, cy = _export(nodes, int(n["left"]))
    no, cn = _export(nodes, int(n["right"]))
    v = (yes["v"] * cy + no["v"] * cn) / max(cy + cn, 1.0)
    le = float(n["num_threshold"])
    return {"feature": FEATURES[int(n["feature_idx"])], "le": le, "yes": yes, "no": no, "v": v}, cy + cn


def _leaf(t: dict, row) -> float:
    from cleaner.scorer.features import INDEX

    while "feature" in t:
        t = t["yes"] if row[INDEX[t["feature"]]] <= t["le"] else t["no"]
    return t["v"]


def fit_category(x, cats: Sequence[str]) -> tuple[list[str], list[list[float]], list[float]]:
    import numpy as np

    classes, coef, intercept, _ = _standardized_lr(x, np.asarray(cats), C_CATEGORY)
    if len(classes) == 2:  # binary: sklearn gives one row; make it a softmax pair
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return [str(c) for c in classes], coef.tolist(), intercept.tolist()


def fit(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    categories: Sequence[str | None],
    *,
    threshold: float,
    candidate_floor: float,
    lexicon: Mapping[str, Sequence[str]],
    training: Mapping[str, object],
    weight: Sequence[float] | None = None,
    pairs: Sequence[tuple[str, str]] = (),
    method: str = "lr",
    tree_params: Mapping[str, object] | None = None,
) -> dict:
    """The model document. ``categories[i]`` is the debris category of row i (None: unknown);
    ``weight`` weighs rows in the debris fit (None: all 1); ``method``: "lr" (logistic
    regression over the features and ``pairs``) or "trees" (gradient-boosted trees, no pairs)."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=int)
    w = None if weight is None else np.asarray(weight, dtype=float)
    debris: dict[str, object]
    if method == "trees":
        base, trees = fit_trees(x, y, w, tree_params)
        debris, pairs = {"base": base, "trees": trees, "means": x.mean(axis=0).tolist()}, ()
    else:
        weights, intercept, means = fit_debris(expand(x, pairs), y, w)
        debris = {"intercept": intercept, "weights": weights, "means": means}
    known = [i for i, c in enumerate(categories) if c is not None and y[i]]
    classes, cw, cb = fit_category(x[known], [categories[i] for i in known])
    return {
        "format": FORMAT,
        "features": list(FEATURES),
        "pairs": [list(p) for p in pairs],
        "debris": debris,
        "category": {"classes": classes, "intercepts": cb, "weights": cw},
        "threshold": threshold,
        "candidate_floor": candidate_floor,
        "lexicon": {k: list(v) for k, v in lexicon.items()},
        "training": dict(training),
    }


def expand(x, pairs: Sequence[tuple[str, str]]):
    """The feature matrix with the pairs' products appended (as ``BlockModel.expand`` does per row)."""
    import numpy as np

    if not pairs:
        return x
    idx = {f: i for i, f in enumerate(FEATURES)}
    return np.hstack([x, np.column_stack([x[:, idx[a]] * x[:, idx[b]] for a, b in pairs])])


def _round(obj: object) -> object:
    if isinstance(obj, float):
        r = round(obj, DIGITS)
        return 0.0 if r == 0 else r
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_round(v) for v in obj]
    return obj


def dumps(doc: Mapping[str, object]) -> str:
    return json.dumps(_round(dict(doc)), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def fit_texts(
    articles: Sequence[tuple[str, Sequence[tuple[int, int, str]]]],
    lexicon: Mapping[str, Sequence[str]],
    *,
    threshold: float,
    candidate_floor: float,
    training: Mapping[str, object],
    method: str = "lr",
    tree_params: Mapping[str, object] | None = None,
) -> dict:
    """The model document from normalized texts with debris spans (start, end, wild-dev category)."""
    from cleaner.scorer.dataset import prepare, unit_labels, without_model
    from cleaner.scorer.features import LexiconMatcher

    matcher = LexiconMatcher.build(lexicon)
    cleaner = without_model()
    rows: list[Sequence[float]] = []
    labels: list[int] = []
    cats: list[str | None] = []
    for text, spans in articles:
        doc = prepare(text, cleaner, matcher)
        for row, (y, c) in zip(doc.rows, unit_labels(doc, spans), strict=True):
            rows.append(row)
            labels.append(y)
            cats.append(c)
    return fit(
        rows,
        labels,
        cats,
        threshold=threshold,
        candidate_floor=candidate_floor,
        lexicon=lexicon,
        training=training,
        method=method,
        tree_params=tree_params,
    )
