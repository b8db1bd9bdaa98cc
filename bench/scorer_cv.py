"""The block scorer judged in the whole pipeline, site held out: what ``block_model`` adds on sites it never saw.

    python bench/scorer_cv.py [--data ../shared/data] [--method lr|gbdt] [--kinds wild naive truth]
                              [--workers 2] [--json out.json]

The sites of wild-dev and of the dev HTML collections (wild-dev's ``site``, a page's host) are cut
into the five folds of ``scripts/train_scorer.py`` (GroupKFold by site). For each fold a model is
trained exactly as the shipped one is (its threshold calibrated by an inner site-held-out CV on the
other sites, then fitted on them) and the full pipeline (rules + heuristics + that fold's model)
cleans the held-out sites' documents: wild-dev articles, measured as ``bench/quality.py`` does
(``bench/quality_runs._wild``: spans removed per category, body tokens kept, debris-free articles
touched, exact articles), and the HTML pages' two scraper-style texts (text-path shingle F1) and
true bodies fed as text (tokens lost, documents touched). The rules alone are run on the same
documents. Every figure printed is out of sample for the model: no document's site was in the
training or calibration data of the model that cleaned it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import zlib
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.datasets import DEFAULT_DATA, HTML_COLLECTIONS, load_pages, load_wild, scraper_inputs  # noqa: E402
from bench.quality import summarize  # noqa: E402
from bench.quality_runs import page_item, run_item, wild_item  # noqa: E402

TEXT_PARTS = ("recall", "naive", "truth")


def _train_scorer():
    spec = importlib.util.spec_from_file_location("train_scorer", ROOT / "scripts" / "train_scorer.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def harness_items(data: Path, host, parts: tuple[str, ...] = TEXT_PARTS) -> list[dict]:
    """bench/quality.py's items (HTML pages: text parts only; wild-dev articles), each with its site."""
    pages = [p for c in HTML_COLLECTIONS if (data / c).is_dir() for p in load_pages(data, c)]
    inputs = scraper_inputs(pages)
    items = [page_item(p, inputs[(p.collection, p.id)], parts, site=host(p.url)) for p in pages]
    items += [wild_item(a, site=a.site or a.id) for a in load_wild(data)]
    return items


_CLEANER = None


def _init(block_model: bool) -> None:
    global _CLEANER
    from cleaner import Cleaner, Config

    _CLEANER = Cleaner(Config(block_model=block_model, time_limit=0))


def _work(item: dict) -> dict:
    return run_item(_CLEANER, item)


def run(items: list[dict], block_model: bool, workers: int) -> list[dict]:
    if workers > 1:
        with get_context("fork").Pool(workers, initializer=_init, initargs=(block_model,)) as pool:
            return pool.map(_work, items, chunksize=4)
    _init(block_model)
    return [_work(it) for it in items]


def rules_only(items: list[dict], workers: int, docs_cache: Path) -> list[dict]:
    """The pipeline without the scorer on every document, cached beside the training documents
    (the same code and rules decide both)."""
    import gzip

    parts = "-".join(sorted({p for it in items for p in it.get("parts", ())}))
    cache = docs_cache.with_name(docs_cache.name.replace("scorer-docs-", f"scorer-cv-rules-{parts}-"))
    if cache.exists():
        return json.loads(gzip.decompress(cache.read_bytes()))
    out = run(items, False, workers)
    cache.write_bytes(gzip.compress(json.dumps(out).encode()))
    return out


def use_model(model) -> None:
    """Make the pipeline's scorer use ``model`` (this process and the workers it forks)."""
    import cleaner.scorer.decider as decider

    decider.load = lambda: model


def figures(results: list[dict]) -> dict:
    s = summarize(results)
    w = s["wild"]
    out = {
        "wild spans removed": f"{w['removed']}/{w['spans']} ({w['removed'] / max(w['spans'], 1):.1%})",
        "wild body kept": f"{1 - w['body_lost'] / max(w['body_tokens'], 1):.3%}",
        "wild clean touched": f"{w['clean_touched']}/{w['clean_articles']}",
        "wild exact": f"{w['exact']}/{w['articles']}",
        "wild F1 (raw → clean)": f"{w['f1_raw']['f1']:.4f} → {w['f1_clean']['f1']:.4f}",
    }
    for cat, v in w["categories"].items():
        out[f"  {cat}"] = f"{v['removed']}/{v['spans']}"
    for coll, c in s["collections"].items():
        for part in [p for p in ("recall", "naive") if f"{p}_clean" in c]:
            out[f"{coll} {part} F1 (raw → clean)"] = f"{c[f'{part}_raw']['f1']:.4f} → {c[f'{part}_clean']['f1']:.4f}"
    for coll, t in s["truth_as_text"].items():
        out[f"{coll} true bodies lost / touched"] = (
            f"{t['lost'] / max(t['tokens'], 1):.3%} / {t['touched']}/{t['docs']}"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ts = _train_scorer()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--method", choices=("lr", "gbdt"), default=ts.METHOD)
    ap.add_argument("--kinds", nargs="*", default=list(ts.KINDS), choices=("wild", "naive", "truth"))
    ap.add_argument("--wild-weight", type=float, default=ts.WILD_WEIGHT)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument(
        "--threshold", type=float, default=None, help="a fixed threshold (default: calibrated per fold, nested CV)"
    )
    ap.add_argument("--parts", nargs="*", default=list(TEXT_PARTS), choices=TEXT_PARTS, help="the HTML pages' runs")
    args = ap.parse_args(argv)
    if not (args.data / "wild-dev").is_dir():
        print(f"skipped: shared data not found at {args.data}")
        return 0
    import logging
    import warnings

    from cleaner.scorer.features import LexiconMatcher
    from cleaner.scorer.model import parse

    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore", module="sklearn")
    t0 = time.time()
    words = ts.read_lexicon()
    wild, naive, truth = ts.load_items(args.data, LexiconMatcher.build(words), words)
    train_items = wild + naive + truth
    folds = ts.site_folds(train_items)
    fold_of = {site: f for f, sites in enumerate(folds) for site in sites}
    items = harness_items(args.data, ts._host, tuple(args.parts))
    for it in items:  # a site with no training item (an empty truth): a fixed fold by its name
        it["fold"] = fold_of.get(it["site"], zlib.crc32(it["site"].encode()) % len(folds))
    print(f"{len(items)} documents, {len(fold_of)} sites in {len(folds)} folds ({time.time() - t0:.0f} s)")
    base = rules_only(items, args.workers, ts.docs_cache(args.data))
    with_model: list[dict] = []
    thresholds = []
    for f, sites in enumerate(folds):
        train = [k for k, it in enumerate(train_items) if it.site not in sites]
        kinds = tuple(args.kinds)
        if args.threshold is None:
            doc, threshold, _ = ts.build_model(train_items, train, args.method, args.wild_weight, words, kinds)
        else:
            doc, threshold = ts.fit_fixed(
                train_items, train, args.method, args.wild_weight, words, kinds, args.threshold
            )
        thresholds.append(threshold)
        use_model(parse(doc))
        held = [it for it in items if it["fold"] == f]
        with_model += run(held, True, args.workers)
        print(
            f"fold {f + 1}: {len(held)} held-out documents, threshold {threshold:.3f} ({time.time() - t0:.0f} s)",
            flush=True,
        )
    order = {(r["kind"], r["id"], r.get("collection", "")): k for k, r in enumerate(base)}
    with_model.sort(key=lambda r: order[(r["kind"], r["id"], r.get("collection", ""))])
    a, b = figures(base), figures(with_model)
    label = f"rules + scorer ({args.method}, site-held-out)"
    print(f"\n| measure | rules only | {label} |\n| --- | --- | --- |")
    for k in a:
        print(f"| {k} | {a[k]} | {b.get(k, '')} |")
    print(f"\nthresholds by fold: {thresholds}; {time.time() - t0:.0f} s")
    if args.json:
        args.json.write_text(
            json.dumps({"rules": a, "scorer": b, "method": args.method, "thresholds": thresholds}, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
