"""Can the block scorer learn what the truths leave out of trafilatura's favor_recall text? (issue 9)

    python bench/scorer_recall.py [--data ../shared/data] [--kinds wild recall] [--wild-weight 10]

The dev HTML pages' favor_recall texts (``bench/datasets.py``) are cleaned without the model, cut
into the scorer's units and labelled by alignment with the true body as ``scripts/train_scorer.py``
labels the naive texts (a unit whose 4-token shingles are mostly not in the truth is debris; units
before the first true one are not rows). The gradient-boosted model is trained on ``--kinds`` with
the training script's 5-fold CV, sites held out, and for thresholds 0.5 … 0.95 the script prints the
favor_recall text's shingle F1 per collection (mean of pages; "cleaned" = the rules' removals alone,
"+model" = with the held-out model's), beside the training script's limits (wild-dev, true bodies).
The units are cached in bench/.cache (~2 min to build). It also prints the bound a perfect unit
decision would reach (every debris unit removed, nothing else).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_scorer as T  # noqa: E402

from bench.datasets import load_pages, scraper_inputs  # noqa: E402
from bench.measure import score  # noqa: E402
from cleaner.normalize import normalize  # noqa: E402
from cleaner.scorer.dataset import prepare, without_model  # noqa: E402
from cleaner.scorer.features import LexiconMatcher  # noqa: E402

log = logging.getLogger("scorer_recall")


def recall_items(data: Path, lexicon) -> list[T.Item]:
    cache = T.docs_cache(data)
    cache = cache.with_name(cache.name.replace("scorer-docs-", "scorer-recall-"))
    if cache.exists():
        got = json.loads(gzip.decompress(cache.read_bytes()))
        items = [T._item_from(d) for d in got]
        for it, d in zip(items, got, strict=True):
            it.doc = T.with_rows(it.doc, lexicon)
            it.truth_text = d["truth_text"]
        return items
    cleaner = without_model()
    items = []
    for c in T.HTML_COLLECTIONS:
        if not (data / c).exists():
            continue
        pages = load_pages(data, c)
        inputs = scraper_inputs(pages)
        for p in pages:
            text = normalize(inputs[(p.collection, p.id)]["recall"]).text
            if not p.truth.strip() or not text.strip():
                continue
            doc = prepare(text, cleaner, lexicon)
            labels, mask = T.aligned_labels(doc, T.Truth(p.truth))
            it = T.Item("recall", T._host(p.url), doc, labels, rows_mask=mask, collection=c)
            it.truth_text = p.truth
            items.append(it)
    out = [{**T._item_to(it), "truth_text": it.truth_text} for it in items]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(gzip.compress(json.dumps(out).encode()))
    return items


def _kept(it: T.Item, probs: list[float], threshold: float) -> str:
    mask = T.removed_mask(it, probs, threshold)
    return "".join(ch for ch, m in zip(it.doc.text, mask, strict=True) if not m)


def _f1(scores) -> float:
    p = sum(s.precision for s in scores) / len(scores)
    r = sum(s.recall for s in scores) / len(scores)
    return 2 * p * r / (p + r) if p + r else 0.0


def recall_f1(items: list[T.Item], probs: dict[int, list[float]], threshold: float) -> dict[str, tuple[float, float]]:
    out = {}
    for c in T.HTML_COLLECTIONS:
        ks = [k for k, it in enumerate(items) if it.kind == "recall" and it.collection == c]
        if not ks:
            continue
        base = [score(_kept(items[k], [0.0] * len(items[k].doc.units), 2.0), items[k].truth_text) for k in ks]
        model = [score(_kept(items[k], probs.get(k) or [], threshold), items[k].truth_text) for k in ks]
        out[c] = (_f1(base), _f1(model))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=T.DEFAULT_DATA)
    ap.add_argument("--kinds", nargs="*", default=["wild", "recall"], choices=("wild", "recall", "truth"))
    ap.add_argument("--wild-weight", type=float, default=T.WILD_WEIGHT)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    warnings.filterwarnings("ignore", module="sklearn")
    if not (args.data / "wild-dev").exists():
        log.info("skipped: no shared data at %s", args.data)
        return 0
    words = T.read_lexicon()
    lexicon = LexiconMatcher.build(words)
    wild, _, truth = T.load_items(args.data, lexicon, words)
    recall = recall_items(args.data, lexicon)
    items = wild + truth + recall
    rows = sum(sum(it.rows_mask) for it in recall)
    debris = sum(y for it in recall for (y, _), m in zip(it.labels, it.rows_mask, strict=True) if m)
    log.info("favor_recall texts: %d, rows %d, debris rows %d", len(recall), rows, debris)
    perfect = {
        k: [1.0 if y and m else 0.0 for (y, _), m in zip(it.labels, it.rows_mask, strict=True)]
        for k, it in enumerate(items)
        if it.kind == "recall"
    }
    bound = recall_f1(items, perfect, 0.5)
    log.info("perfect unit decisions: %s", ", ".join(f"{c} {a:.4f} -> {b:.4f}" for c, (a, b) in bound.items()))
    probs = T.cross_val(items, "gbdt", args.wild_weight, None, tuple(args.kinds))
    for th in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        got = recall_f1(items, probs, th)
        r = T.evaluate(items, probs, th)
        log.info(
            "threshold %.2f: recall text F1 cleaned -> +model %s | %s | over: %s",
            th,
            ", ".join(f"{c} {a:.4f} -> {b:.4f}" for c, (a, b) in got.items()),
            T.fmt(r).split("\n")[0],
            ", ".join(T.over_limits(r)) or "-",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
