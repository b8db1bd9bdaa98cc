"""Train the block scorer and rewrite cleaner/scorer/block-model.json (deterministic).

    python scripts/train_scorer.py                 # site-held-out CV, threshold, fit on all, write the model
    python scripts/train_scorer.py --compare       # also cross-validate both methods, with the limits each threshold breaks
    python scripts/train_scorer.py --method lr     # the logistic regression instead of the trees (--kinds: training data)
    python scripts/train_scorer.py --check         # fail if the written model would differ from the shipped one
    python scripts/train_scorer.py --pipeline      # the shipped model in the real pipeline (in-sample figures)

Needs the ``[train]`` extra (scikit-learn) and the shared data (``../shared/data``):
``wild-dev`` (labelled debris spans of real scraped text) and the dev HTML collections, made into
scraper-style text by ``bench/datasets.py`` (a naive BeautifulSoup join of the page's paragraphs,
headings, list items, captions and quotes; cached in bench/.cache). HTML text is cropped to the
article's region (3 lines before its first true line, 8 after its last) and labelled by alignment
with the true body: a unit whose 4-token shingles are mostly not in the truth is debris; units
before the first true line (title, header) are not rows. The true bodies themselves, fed as text,
can be rows too (all body: tables, lists, subheads and sign-offs that the truths keep). The model
learns from wild-dev's rows alone by default (``--kinds wild naive truth`` adds the others: measured
with sites held out they add nothing and touch more true bodies); every kind is still cleaned and
measured against the limits below.

Validation is by site: GroupKFold over sites (wild-dev's ``site``, the HTML pages' host), never a
random split. The threshold is the lowest at which the site-held-out predictions keep >= 99.98% of
wild-dev's body tokens (the rules' losses counted), touch none of its debris-free articles, and
touch <= 1% of each collection's true bodies (one document at least) and lose <= 0.02% of their
tokens by the model's own removals (``LIMITS``).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.datasets import DEFAULT_DATA, HTML_COLLECTIONS, load_pages, load_wild, scraper_inputs  # noqa: E402
from cleaner.normalize import normalize  # noqa: E402
from cleaner.rulebook import load_file  # noqa: E402
from cleaner.scorer.dataset import Doc, map_spans, prepare, unit_labels, without_model  # noqa: E402
from cleaner.scorer.features import LEXICON_KINDS, LexiconMatcher  # noqa: E402
from cleaner.scorer.model import MODEL_PATH  # noqa: E402
from cleaner.scorer.train import dumps, fit  # noqa: E402

log = logging.getLogger("train_scorer")
LEXICON_FILE = ROOT / "rules" / "lexicons" / "scorer.yaml"
TOKEN = re.compile(r"\w+")
FOLDS = 5
THRESHOLDS = [round(0.30 + 0.025 * k, 3) for k in range(28)] + [0.985, 0.99, 0.995]  # 0.300 … 0.995
# The logistic model also weighs the products of these features, two by two (a short line *near the end*).
CORE = (
    "words_log",
    "terminal",
    "pos_abs_end",
    "pos_abs_start",
    "after_body",
    "before_body",
    "alone_in_block",
    "neighbour_overlap",
    "title_case",
    "lex_at_start",
)
PAIRS = tuple((a, b) for i, a in enumerate(CORE) for b in CORE[i + 1 :])
METHOD = "gbdt"
# The rows it learns from: wild-dev alone. Measured with sites held out (2026-12-02, rules of that day):
# wild only 72.1% -> 73.4% of the spans, 6 true bodies of 1,042 touched by the model; with the true
# bodies as rows too, the same spans and 9 touched; with the naive HTML texts as well, 72.3% and 23.
# Again with the limits below (2026-12-02, afternoon): wild only 74.4% -> 75.0-75.4% (the folds' luck moves
# it by 2-3 spans); with the true bodies as rows (weighted 0.3, 1 or 3 against wild-dev's 10) the
# threshold that keeps the truths untouched rises to 0.985-0.995 and the gain is 0-4 spans: the true
# bodies' headings and short lines pull wild-dev's body toward debris (body kept 99.96-99.98% at 0.9).
# The other kinds stay available to --kinds (and every kind is still measured against the limits).
KINDS = ("wild",)
WILD_WEIGHT = 10.0  # wild-dev rows weigh this much more than HTML-derived rows (20x fewer, and the target)
# The threshold is calibrated on site-held-out predictions so that the model stays within what it
# needs to be on by default: wild-dev's body tokens kept >= 99.98% and none of its debris-free articles
# touched (with the rules' own removals counted), and of the true bodies of aeb/wcxb/naeb fed as text,
# the model itself touching at most 1% of each collection's documents (one document where 1% is less
# than one: aeb-dev's 88) and losing at most 0.02% of their tokens. (The rules alone touch ~5% of the
# true bodies: WCXB and NAEB truths keep some "Also read" and credit lines.)
LIMITS = {
    "body_kept": 0.9998,
    "clean_touched": 0.0,
    "model_truth_lost": 0.0002,
    "model_truth_touched": 0.01,
    "collection_touched": 0.01,
}


def read_lexicon(path: Path = LEXICON_FILE) -> dict[str, list[str]]:
    _, lexicons = load_file(path)
    words: dict[str, list[str]] = {}
    for lex in lexicons:
        kind = lex.id.removeprefix("scorer.")
        if kind not in LEXICON_KINDS:
            raise SystemExit(f"{path}: lexicon {lex.id} is not one of scorer.{{{','.join(LEXICON_KINDS)}}}")
        words.setdefault(kind, []).extend(lex.words)
    return words


# -- documents -------------------------------------------------------------------------------


class Item:
    """A document with its rows, labels and what it is for."""

    def __init__(
        self,
        kind: str,
        site: str,
        doc: Doc,
        labels: list[tuple[int, str | None]] | None,
        spans: list[tuple[int, int, str]] | None = None,
        rows_mask: list[bool] | None = None,
        collection: str = "",
    ) -> None:
        self.kind, self.site, self.doc, self.labels, self.spans = kind, site, doc, labels, spans
        self.collection = collection
        self.rows_mask = rows_mask or [True] * len(doc.units)


def wild_items(data: Path, cleaner, lexicon) -> list[Item]:
    out = []
    for a in load_wild(data):
        norm, spans = map_spans(a.raw, list(a.spans))
        doc = prepare(norm, cleaner, lexicon)
        out.append(Item("wild", a.site or a.id, doc, unit_labels(doc, spans), spans))
    return out


def _host(url: str) -> str:
    h = (urlparse(url).hostname or "").lower()
    return h.removeprefix("www.") or "?"


class Truth:
    def __init__(self, truth: str) -> None:
        toks = [t.casefold() for t in TOKEN.findall(truth)]
        self.grams = {tuple(toks[i : i + 4]) for i in range(len(toks) - 3)}
        self.joined = " " + " ".join(toks) + " "

    def contains(self, text: str) -> bool | None:
        toks = [t.casefold() for t in TOKEN.findall(text)]
        if not toks:
            return None
        if len(toks) < 4:
            return (" " + " ".join(toks) + " ") in self.joined
        grams = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
        return sum(g in self.grams for g in grams) * 2 >= len(grams)


def aligned_labels(doc: Doc, truth: Truth) -> tuple[list[tuple[int, str | None]], list[bool]]:
    """Labels of a text's units by alignment with the true body (debris: mostly not in it), and
    which units are rows: those from the first true one on (the title and header above it are not)."""
    labels: list[tuple[int, str | None]] = []
    mask: list[bool] = []
    seen_body = False
    for u in doc.units:
        hit = truth.contains(doc.text[u.start : u.end])
        seen_body = seen_body or bool(hit)
        labels.append((0 if hit or hit is None else 1, None))
        mask.append(seen_body and hit is not None)
    return labels, mask


def html_items(data: Path, cleaner, lexicon) -> tuple[list[Item], list[Item]]:
    pages = [p for c in HTML_COLLECTIONS if (data / c).exists() for p in load_pages(data, c)]
    inputs = scraper_inputs(pages)
    naive_items, truth_items = [], []
    for p in pages:
        if not p.truth.strip():
            continue
        site = _host(p.url)
        truth_text = normalize(p.truth).text
        tdoc = prepare(truth_text, cleaner, lexicon)
        truth_items.append(Item("truth", site, tdoc, [(0, None)] * len(tdoc.units), collection=p.collection))
        naive = inputs[(p.collection, p.id)]["naive"]
        truth = Truth(p.truth)
        lines = [ln for ln in naive.split("\n") if ln.strip()]
        inside = [i for i, ln in enumerate(lines) if truth.contains(ln)]
        if len(inside) < 3:
            continue
        text = normalize("\n".join(lines[max(0, inside[0] - 3) : inside[-1] + 9])).text
        doc = prepare(text, cleaner, lexicon)
        labels, mask = aligned_labels(doc, truth)
        naive_items.append(Item("naive", site, doc, labels, rows_mask=mask))
    return naive_items, truth_items


def docs_cache(data: Path) -> Path:
    """Where the documents are cached: keyed on the code and rules that decide what the scorer sees
    (not on the model's side, the features or the scorer's lexicon: rows are recomputed on loading)."""
    import hashlib

    h = hashlib.sha256(b"scorer-docs/2")
    model_side = {
        "cleaner/scorer/model.py",
        "cleaner/scorer/decider.py",
        "cleaner/scorer/train.py",
        "cleaner/scorer/features.py",
        "rules/lexicons/scorer.yaml",
    }
    files = [*ROOT.glob("cleaner/**/*.py"), *ROOT.glob("rules/**/*.yaml")]
    for f in sorted(f for f in files if f.relative_to(ROOT).as_posix() not in model_side):
        h.update(f.relative_to(ROOT).as_posix().encode() + f.read_bytes())
    for f in sorted(ROOT.glob("bench/.cache/inputs-*")):
        h.update(f.name.encode())
    for f in sorted(data.glob("*/*.json*")):
        h.update(f"{f.relative_to(data)}:{f.stat().st_size}".encode())
    return ROOT / "bench" / ".cache" / f"scorer-docs-{h.hexdigest()[:16]}.json.gz"


def load_items(data: Path, lexicon, words) -> tuple[list[Item], list[Item], list[Item]]:
    """The documents, cached in bench/.cache (see ``docs_cache``); their rows computed now."""
    import gzip
    import json

    cache = docs_cache(data)
    if cache.exists():
        got = json.loads(gzip.decompress(cache.read_bytes()))
        groups = [[_item_from(d) for d in got[k]] for k in ("wild", "naive", "truth")]
        for it in groups[2]:
            it.rows_mask = [True] * len(it.doc.units)  # true bodies: every unit is a row
        for group in groups:
            for it in group:
                it.doc = with_rows(it.doc, lexicon)
        return groups[0], groups[1], groups[2]
    cleaner = without_model()
    wild = wild_items(data, cleaner, lexicon)
    naive, truth = html_items(data, cleaner, lexicon)
    out = {k: [_item_to(it) for it in v] for k, v in (("wild", wild), ("naive", naive), ("truth", truth))}
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(gzip.compress(json.dumps(out).encode()))
    return wild, naive, truth


def with_rows(doc: Doc, lexicon) -> Doc:
    """``doc`` with its rows computed by this version's features (the text path's blocks of its text)."""
    from cleaner.blocks import segment
    from cleaner.scorer.features import matrix

    rows = matrix(doc.text, segment(doc.text), doc.units, lexicon)
    return Doc(doc.text, doc.units, tuple(tuple(r) for r in rows), doc.prior)


def _item_to(it: Item) -> dict:
    d = it.doc
    return {
        "kind": it.kind,
        "site": it.site,
        "text": d.text,
        "units": [list(u.__dict__.values()) for u in d.units],
        "rows": d.rows,
        "prior": d.prior,
        "labels": it.labels,
        "spans": it.spans,
        "mask": it.rows_mask,
        "collection": it.collection,
    }


def _item_from(x: dict) -> Item:
    from cleaner.scorer.units import Unit

    doc = Doc(
        x["text"],
        tuple(Unit(*u) for u in x["units"]),
        tuple(tuple(r) for r in x["rows"]),
        tuple(tuple(p) for p in x["prior"]),
    )
    spans = [tuple(s) for s in x["spans"]] if x["spans"] is not None else None
    return Item(x["kind"], x["site"], doc, [tuple(v) for v in x["labels"]], spans, x["mask"], x.get("collection", ""))  # type: ignore[arg-type]


# -- evaluation ------------------------------------------------------------------------------


def removed_mask(item: Item, probs: list[float], threshold: float) -> bytearray:
    mask = bytearray(len(item.doc.text))
    for s, e in item.doc.prior:
        mask[s:e] = b"\x01" * (e - s)
    for u, p in zip(item.doc.units, probs, strict=True):
        if p >= threshold:
            mask[u.start : u.end] = b"\x01" * (u.end - u.start)
    return mask


def evaluate(items: list[Item], probs: dict[int, list[float]], threshold: float | None) -> dict:
    """wild-dev span figures and the true bodies' loss; threshold None = without the model."""
    spans_by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    body = [0, 0]
    clean_docs = [0, 0]
    truth_tok = [0, 0]
    truth_docs = [0, 0]
    model_truth = [0, 0]
    by_coll: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k, it in enumerate(items):
        ps = probs.get(k) or [0.0] * len(it.doc.units)
        mask = removed_mask(it, ps, 2.0 if threshold is None else threshold)
        toks = [(m.start(), m.end()) for m in TOKEN.finditer(it.doc.text)]
        gone = [mask[(s + e - 1) // 2] == 1 for s, e in toks]
        if it.kind == "wild":
            in_span = [False] * len(toks)
            starts = [s for s, _ in toks]
            for s, e, cat in it.spans or []:
                idx = [i for i, (a, b) in enumerate(toks) if a < e and b > s]
                for i in idx:
                    in_span[i] = True
                if idx:
                    ok = sum(gone[i] for i in idx) >= 0.8 * len(idx)
                else:
                    ok = sum(mask[s:e]) >= 0.8 * max(e - s, 1)
                spans_by_cat[cat][0] += ok
                spans_by_cat[cat][1] += 1
            del starts
            for g, sp in zip(gone, in_span, strict=True):
                if not sp:
                    body[0] += not g
                    body[1] += 1
            if not it.spans:
                clean_docs[0] += any(mask)
                clean_docs[1] += 1
        elif it.kind == "truth":
            truth_tok[0] += sum(gone)
            truth_tok[1] += len(toks)
            truth_docs[0] += any(mask)
            truth_docs[1] += 1
            by_coll[it.collection][0] += threshold is not None and any(p >= threshold for p in ps)
            by_coll[it.collection][1] += 1
            base = removed_mask(it, ps, 2.0)
            model_gone = sum(g and base[(s + e - 1) // 2] == 0 for g, (s, e) in zip(gone, toks, strict=True))
            model_truth[0] += model_gone
            model_truth[1] += threshold is not None and any(p >= threshold for p in ps)
    n_spans = sum(v[1] for v in spans_by_cat.values())
    return {
        "spans_removed": sum(v[0] for v in spans_by_cat.values()) / max(n_spans, 1),
        "by_category": {c: f"{v[0]}/{v[1]}" for c, v in sorted(spans_by_cat.items())},
        "body_kept": body[0] / max(body[1], 1),
        "clean_touched": clean_docs[0] / max(clean_docs[1], 1),
        "clean_touched_n": f"{clean_docs[0]}/{clean_docs[1]}",
        "truth_lost": truth_tok[0] / max(truth_tok[1], 1),
        "truth_touched": truth_docs[0] / max(truth_docs[1], 1),
        "truth_touched_n": f"{truth_docs[0]}/{truth_docs[1]}",
        "model_truth_lost": model_truth[0] / max(truth_tok[1], 1),
        "model_truth_touched": model_truth[1] / max(truth_docs[1], 1),
        "model_truth_touched_n": f"{model_truth[1]}/{truth_docs[1]}",
        "model_touched_by_collection": {c: v[0] / max(v[1], 1) for c, v in sorted(by_coll.items())},
        "model_touched_by_collection_n": {c: (v[0], v[1]) for c, v in sorted(by_coll.items())},
    }


def over_limits(r: dict) -> list[str]:
    """The limits a result breaks (empty: within them all)."""
    out = []
    if r["body_kept"] < LIMITS["body_kept"]:
        out.append("body_kept")
    if r["clean_touched"] > LIMITS["clean_touched"]:
        out.append("clean_touched")
    if r["model_truth_lost"] > LIMITS["model_truth_lost"]:
        out.append("model_truth_lost")
    if r["model_truth_touched"] > LIMITS["model_truth_touched"]:
        out.append("model_truth_touched")
    out.extend(
        f"touched {c}"
        for c, (k, n) in r["model_touched_by_collection_n"].items()
        if k > max(1, int(LIMITS["collection_touched"] * n))
    )
    return out


def within_limits(r: dict) -> bool:
    return not over_limits(r)


def training_rows(items: list[Item], which: list[int], wild_weight: float):
    xs, ys, cs, ws = [], [], [], []
    for k in which:
        it = items[k]
        w = wild_weight if it.kind == "wild" else 1.0
        for row, (y, c), keep in zip(it.doc.rows, it.labels, it.rows_mask, strict=True):
            if keep:
                xs.append(row)
                ys.append(y)
                cs.append(c)
                ws.append(w)
    return xs, ys, cs, ws


def cross_val(
    items: list[Item],
    method: str,
    wild_weight: float,
    which: list[int] | None = None,
    kinds: tuple[str, ...] = KINDS,
) -> dict[int, list[float]]:
    """Site-held-out probabilities for the units of every item in ``which`` (default: all),
    from models trained on the rows of the other sites' items of ``kinds``."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    which = list(range(len(items))) if which is None else which
    sites = sorted({items[k].site for k in which})
    site_idx = {s: i for i, s in enumerate(sites)}
    groups = np.array([site_idx[items[k].site] for k in which])
    probs: dict[int, list[float]] = {}
    for train, test in GroupKFold(n_splits=FOLDS).split(np.zeros(len(which)), groups=groups):
        xs, ys, _, ws = training_rows(items, [which[k] for k in train if items[which[k]].kind in kinds], wild_weight)
        predict = _fitter(method)(np.asarray(xs), np.asarray(ys), np.asarray(ws))
        for k in test:
            rows = items[which[k]].doc.rows
            probs[which[k]] = predict(np.asarray(rows)).tolist() if rows else []
    return probs


def site_folds(items: list[Item], n: int = FOLDS) -> list[set[str]]:
    """The held-out sites of each of ``n`` site folds (GroupKFold over the items' sites)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    sites = sorted({it.site for it in items})
    site_idx = {s: i for i, s in enumerate(sites)}
    groups = np.array([site_idx[it.site] for it in items])
    return [
        {items[int(k)].site for k in test}
        for _, test in GroupKFold(n_splits=n).split(np.zeros(len(items)), groups=groups)
    ]


def fit_fixed(
    items: list[Item],
    which: list[int],
    method: str,
    wild_weight: float,
    words: dict[str, list[str]],
    kinds: tuple[str, ...],
    threshold: float,
) -> tuple[dict, float]:
    """The model fitted on ``which``'s items of ``kinds`` at a given threshold (no calibration)."""
    xs, ys, cs, ws = training_rows(items, [k for k in which if items[k].kind in kinds], wild_weight)
    doc = _fit(xs, ys, cs, ws, method, words, threshold, {"threshold": "fixed"})
    return doc, threshold


def _fit(xs, ys, cs, ws, method: str, words: dict[str, list[str]], threshold: float, training: dict) -> dict:
    """The shipped model's document: ``method`` "lr" (with the feature pairs) or "gbdt" (trees)."""
    return fit(
        xs,
        ys,
        cs,
        threshold=threshold,
        candidate_floor=threshold,
        lexicon=words,
        training=training,
        weight=ws,
        pairs=PAIRS if method == "lr" else (),
        method="trees" if method == "gbdt" else "lr",
    )


def build_model(
    items: list[Item],
    which: list[int],
    method: str,
    wild_weight: float,
    words: dict[str, list[str]],
    kinds: tuple[str, ...] = KINDS,
) -> tuple[dict, float, dict]:
    """Threshold from site-held-out CV over ``which``, then the model fitted on the rows of all
    of ``which``'s items of ``kinds``: (model document, threshold, the CV figures at it)."""
    probs = cross_val(items, method, wild_weight, which, kinds)
    threshold, cv = pick_threshold([items[k] for k in which], {i: probs[k] for i, k in enumerate(which)})
    xs, ys, cs, ws = training_rows(items, [k for k in which if items[k].kind in kinds], wild_weight)
    kinds_n = Counter(items[k].kind for k in which if items[k].kind in kinds)
    training = {
        "command": "python scripts/train_scorer.py" + ("" if method == METHOD else f" --method {method}"),
        **({"method": method} if method != "lr" else {}),
        "data": {
            "wild-dev articles": kinds_n["wild"],
            "naive HTML texts": kinds_n["naive"],
            "true bodies": kinds_n["truth"],
            "rows": len(xs),
            "debris rows": int(sum(ys)),
        },
        "cv": {
            "folds": FOLDS,
            "by": "site",
            "threshold": threshold,
            **{k: (round(v, 5) if isinstance(v, float) else v) for k, v in cv.items()},
        },
    }
    doc = _fit(xs, ys, cs, ws, method, words, threshold, training)
    return doc, threshold, cv


def _fitter(method: str):
    def lr(x, y, weight):
        import numpy as np

        from cleaner.scorer.train import expand, fit_debris

        w, b, _ = fit_debris(expand(x, PAIRS), y, weight)
        w = np.asarray(w)
        return lambda rows: 1.0 / (1.0 + np.exp(-(expand(rows, PAIRS) @ w + b)))

    def gbdt(x, y, weight):
        from sklearn.ensemble import HistGradientBoostingClassifier

        from cleaner.scorer.train import TREES

        m = HistGradientBoostingClassifier(random_state=0, early_stopping=False, **TREES)
        m.fit(x, y, sample_weight=weight)
        return lambda rows: m.predict_proba(rows)[:, 1]

    return {"lr": lr, "gbdt": gbdt}[method]


def pick_threshold(items: list[Item], probs: dict[int, list[float]]) -> tuple[float, dict]:
    """The lowest threshold of the grid within the limits (they only loosen as it rises: bisection),
    then raised while it removes as many of wild-dev's spans (fewer true bodies touched for nothing)."""
    lo, hi = 0, len(THRESHOLDS) - 1
    best = evaluate(items, probs, THRESHOLDS[hi])
    while lo < hi:
        mid = (lo + hi) // 2
        r = evaluate(items, probs, THRESHOLDS[mid])
        if within_limits(r):
            hi, best = mid, r
        else:
            lo = mid + 1
    while hi + 1 < len(THRESHOLDS):
        r = evaluate(items, probs, THRESHOLDS[hi + 1])
        if r["spans_removed"] < best["spans_removed"]:
            break
        hi, best = hi + 1, r
    return THRESHOLDS[hi], best


def fmt(r: dict) -> str:
    return (
        f"spans removed {r['spans_removed']:.1%} | body kept {r['body_kept']:.3%} | clean touched "
        f"{r['clean_touched_n']} | truth lost {r['truth_lost']:.3%}, touched {r['truth_touched_n']} "
        f"(model alone: {r['model_truth_lost']:.4%}, {r['model_truth_touched_n']}: "
        + ", ".join(f"{c} {k}/{n}" for c, (k, n) in r["model_touched_by_collection_n"].items())
        + ")\n"
        f"    by category: {r['by_category']}"
    )


def pipeline_figures(data: Path) -> int:
    """Wild-dev and the true bodies through the whole pipeline with the shipped model (in-sample)."""
    from cleaner.config import Config
    from cleaner.pipeline import Cleaner

    full = Cleaner(Config(block_model=True))
    items: list[Item] = []
    for a in load_wild(data):
        norm, spans = map_spans(a.raw, list(a.spans))
        items.append(Item("wild", a.site, _removed_doc(full, norm), None, spans))
    for c in HTML_COLLECTIONS:
        for p in load_pages(data, c) if (data / c).exists() else []:
            if p.truth.strip():
                items.append(Item("truth", _host(p.url), _removed_doc(full, normalize(p.truth).text), None))
    r = evaluate(items, {}, None)
    model = sum(1 for it in items for _ in it.doc.units)
    log.info("shipped model in the pipeline (IN-SAMPLE on wild-dev): %s", fmt(r))
    log.info("model.block removals: %d", model)
    return 0


def _removed_doc(cleaner, text: str) -> Doc:
    """A Doc whose ``prior`` is everything the pipeline removed (units: the model's removals)."""
    from cleaner.scorer.units import Unit

    res = cleaner.clean(text)
    spans = tuple(sorted((r.start, r.end) for r in res.removed if r.start is not None))
    units = tuple(
        Unit(r.start, r.end, r.block or 0, True, True, r.start, r.end) for r in res.removed if r.rule == "model.block"
    )
    return Doc(text, units, tuple(() for _ in units), spans)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--compare", action="store_true", help="also cross-validate gradient-boosted trees")
    ap.add_argument("--check", action="store_true", help="exit 1 if the model would change")
    ap.add_argument("--wild-weight", type=float, default=WILD_WEIGHT, help="weight of wild-dev rows (experiments)")
    ap.add_argument("--pipeline", action="store_true", help="measure the shipped model in the real pipeline")
    ap.add_argument("--method", choices=("lr", "gbdt"), default=METHOD, help="the debris model (default: %(default)s)")
    ap.add_argument("--kinds", nargs="*", default=list(KINDS), choices=("wild", "naive", "truth"), help="training data")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    warnings.filterwarnings("ignore", module="sklearn")
    if args.pipeline:
        return pipeline_figures(args.data)
    t0 = time.time()
    words = read_lexicon()
    lexicon = LexiconMatcher.build(words)
    wild, naive, truth = load_items(args.data, lexicon, words)
    items = wild + naive + truth
    n_rows = Counter()
    for it in items:
        n_rows[(it.kind, "debris")] += sum(y for (y, _), m in zip(it.labels, it.rows_mask, strict=True) if m)
        n_rows[(it.kind, "rows")] += sum(it.rows_mask)
    log.info(
        "documents: wild %d, naive html %d, true bodies %d (%.0f s)",
        len(wild),
        len(naive),
        len(truth),
        time.time() - t0,
    )
    log.info("rows: %s", dict(sorted(n_rows.items())))
    log.info("without the model: %s", fmt(evaluate(items, {}, None)))
    kinds = tuple(args.kinds)
    for method in ["lr", "gbdt"] if args.compare else []:
        probs = cross_val(items, method, args.wild_weight, None, kinds)
        t, r = pick_threshold(items, probs)
        log.info("%s, site-held-out %d-fold CV, threshold %.3f: %s", method, FOLDS, t, fmt(r))
        for t2 in THRESHOLDS[::4]:
            r2 = evaluate(items, probs, t2)
            log.info("    at %.3f: %s; over: %s", t2, fmt(r2).split("\n")[0], ", ".join(over_limits(r2)) or "-")
    doc, t, r = build_model(items, list(range(len(items))), args.method, args.wild_weight, words, kinds)
    log.info("shipped: %s, site-held-out %d-fold CV, threshold %.3f: %s", args.method, FOLDS, t, fmt(r))
    text = dumps(doc)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        log.info("model %s", "unchanged" if same else "would change")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    log.info("wrote %s (%d bytes) in %.0f s", args.out, len(text), time.time() - t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
