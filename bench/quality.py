"""Quality harness: every collection in ../shared/data, the HTML path and the text path, per
collection and per language, beside the peers; a per-rule audit from the same run.

    python bench/quality.py [--data DIR] [--workers 2] [--out bench/results] [--label NAME]
                            [--ignore ID ...] [--select ID ...] [--limit N]

For every HTML collection (``html/<id>.html.gz`` + ``ground-truth.json``):
- HTML path (``cleaner.clean`` on the page) beside ``trafilatura.extract`` (defaults and
  favor_recall);
- text path on two scraper-style texts of each page (trafilatura favor_recall; a naive
  BeautifulSoup join of paragraph, heading, list, caption and quote texts) beside that text
  uncleaned;
- the true bodies fed in as text: tokens lost, documents touched.
For ``wild-dev``: labelled spans removed per category (a span counts when >= 80% of its word
tokens are removed; spans without word tokens: 80% of their non-space characters), body tokens
kept, debris-free articles touched, exact articles, shingle F1 against the clean text.

Scores: shingle F1 / precision / recall / accuracy (bench/measure.py) and WCXB's word F1.
Writes ``quality.md``, ``audit.md`` and ``quality.json`` under ``--out`` (with ``--label``,
``quality-LABEL.md`` …). Inputs that do not depend on cleaner are cached in ``bench/.cache``.
Without the shared data it prints "skipped" and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import audit  # noqa: E402
from bench.datasets import DEFAULT_DATA, html_collections, load_pages, load_wild, scraper_inputs  # noqa: E402
from bench.measure import PageScore, aggregate  # noqa: E402
from bench.quality_runs import PARTS, page_item, run_item, wild_item  # noqa: E402
from bench.quality_tables import update_readme, write_reports  # noqa: E402

_CLEANER = None


def _init(config_kwargs: dict) -> None:
    global _CLEANER
    from cleaner import Cleaner
    from cleaner.config import Config

    _CLEANER = Cleaner(Config(**config_kwargs))
    _CLEANER.prepare_html()


def _work(item: dict) -> dict:
    return run_item(_CLEANER, item)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder (default: %(default)s)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--label", default="", help="suffix for the output files (a design alternative)")
    ap.add_argument("--ignore", nargs="*", default=[], help="rule ids or prefixes to switch off")
    ap.add_argument("--select", nargs="*", default=[], help="only these rule ids or prefixes")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="Config fields (int/float/bool/str)")
    ap.add_argument("--limit", type=int, default=None, help="at most N pages per collection (a quick look)")
    ap.add_argument("--collections", nargs="*", default=None, help="only these collections")
    ap.add_argument("--parts", nargs="*", default=list(PARTS), choices=PARTS, help="which runs (default: all)")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: shared data not found at {args.data}")
        return 0
    t0 = time.time()
    colls = [c for c in html_collections(args.data) if args.collections is None or c in args.collections]
    all_pages = [p for c in colls for p in load_pages(args.data, c)]
    inputs = scraper_inputs(all_pages, args.workers)  # cached per whole collection
    pages = [p for c in colls for p in load_pages(args.data, c, args.limit)]
    wild = (
        load_wild(args.data, args.limit)
        if "wild" in args.parts
        and (args.data / "wild-dev").is_dir()
        and (args.collections is None or "wild-dev" in args.collections)
        else []
    )
    t_inputs = time.time() - t0

    parts = tuple(args.parts)
    items = [page_item(p, inputs[(p.collection, p.id)], parts) for p in pages] + [wild_item(a) for a in wild]
    # no per-document time limit: on a loaded machine a large page could pass through uncleaned
    config_kwargs = {"ignore": tuple(args.ignore), "select": tuple(args.select), "time_limit": 0}
    config_kwargs.update(_parse_sets(args.set))
    t1 = time.time()
    if args.workers > 1:
        with get_context("fork").Pool(args.workers, initializer=_init, initargs=(config_kwargs,)) as pool:
            results = pool.map(_work, items, chunksize=4)
    else:
        _init(config_kwargs)
        results = [_work(it) for it in items]
    t_runs = time.time() - t1

    report = summarize(results)
    report["meta"] = {
        "pages": len(pages),
        "wild": len(wild),
        "config": {k: list(v) if isinstance(v, tuple) else v for k, v in config_kwargs.items()},
        "seconds_inputs": round(t_inputs, 1),
        "seconds_runs": round(t_runs, 1),
        "workers": args.workers,
        "label": args.label,
    }
    stats = audit.aggregate(
        (r["run"], r.get("site"), tuple(e)) for res in results for r in res["audit"] for e in r["entries"]
    )
    text = write_reports(report, stats, args.out, args.label)
    full = not (args.label or args.limit or args.collections or args.ignore or args.select or args.set)
    if full and set(args.parts) == set(PARTS) and update_readme(ROOT / "README.md", report):
        print("README.md: quality section regenerated")
    print(text)
    print(f"({len(items)} items; inputs {t_inputs:.0f} s, runs {t_runs:.0f} s on {args.workers} workers)")
    return 0


def _parse_sets(pairs: list[str]) -> dict:
    out: dict = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        v: object = value
        if value.lower() in ("true", "false"):
            v = value.lower() == "true"
        else:
            for cast in (int, float):
                try:
                    v = cast(value)
                    break
                except ValueError:
                    pass
        out[key] = v
    return out


# -- summaries ---------------------------------------------------------------------------------

HTML_SYSTEMS = ("traf", "traf_recall", "html")
TEXT_SYSTEMS = ("recall_raw", "recall_clean", "naive_raw", "naive_clean")


def _agg(scores: list[tuple[float, float, float, bool, float]]) -> dict:
    a = aggregate(PageScore(tp, fp, fn, exact) for tp, fp, fn, exact, _ in scores)
    wf = sum(s[4] for s in scores) / len(scores) if scores else 0.0
    return {"f1": a.f1, "p": a.precision, "r": a.recall, "acc": a.accuracy, "wf1": wf, "n": a.pages}


def summarize(results: list[dict]) -> dict:
    pages = [r for r in results if r["kind"] == "page"]
    wild = [r for r in results if r["kind"] == "wild"]
    out: dict = {"collections": {}, "languages": {}, "truth_as_text": {}, "wild": {}, "errors": []}
    by_coll: dict[str, list[dict]] = defaultdict(list)
    for r in pages:
        by_coll[r["collection"]].append(r)
        if r.get("error"):
            out["errors"].append(f"{r['collection']}/{r['id']}: {r['error']}")
    for coll, rs in by_coll.items():
        systems = [s for s in HTML_SYSTEMS + TEXT_SYSTEMS if s in rs[0]["scores"]]
        out["collections"][coll] = {s: _agg([r["scores"][s] for r in rs]) for s in systems}
        langs: dict[str, list[dict]] = defaultdict(list)
        for r in rs:
            langs[r["lang"]].append(r)
        out["languages"][coll] = {
            lang: {s: _agg([r["scores"][s] for r in lrs]) for s in systems}
            for lang, lrs in sorted(langs.items())
            if len(lrs) >= 10
        }
        if rs[0]["truth_text"] is None:
            continue
        tot = sum(r["truth_text"]["tokens"] for r in rs)
        lost = sum(r["truth_text"]["lost"] for r in rs)
        touched = sum(1 for r in rs if r["truth_text"]["lost"])
        repaired = sum(1 for r in rs if r["truth_text"].get("repaired"))
        out["truth_as_text"][coll] = {
            "tokens": tot,
            "lost": lost,
            "docs": len(rs),
            "touched": touched,
            "repaired": repaired,
        }
    if wild:
        out["wild"] = summarize_wild(wild)
    return out


def summarize_wild(rs: list[dict]) -> dict:
    cats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    langs: dict[str, dict] = defaultdict(
        lambda: {"articles": 0, "spans": 0, "removed": 0, "body": 0, "body_lost": 0, "clean": 0, "touched": 0}
    )
    body = body_lost = 0
    clean_n = touched = exact = changed_clean = 0
    pairs_raw, pairs_out = [], []
    for r in rs:
        w = r["wild"]
        for cat, got in w["spans"]:
            cats[cat][0] += 1
            cats[cat][1] += got
        body += w["body"]
        body_lost += w["body_lost"]
        lg = langs[r["lang"]]
        lg["articles"] += 1
        lg["spans"] += len(w["spans"])
        lg["removed"] += sum(g for _, g in w["spans"])
        lg["body"] += w["body"]
        lg["body_lost"] += w["body_lost"]
        if not w["spans"]:
            clean_n += 1
            lg["clean"] += 1
            if w["touched"]:
                touched += 1
                lg["touched"] += 1
            if not r["exact"]:
                changed_clean += 1
        exact += r["exact"]
        pairs_raw.append(r["scores"]["raw"])
        pairs_out.append(r["scores"]["clean"])
    total = sum(c[0] for c in cats.values())
    got = sum(c[1] for c in cats.values())
    return {
        "articles": len(rs),
        "spans": total,
        "removed": got,
        "categories": {k: {"spans": v[0], "removed": v[1]} for k, v in sorted(cats.items(), key=lambda kv: -kv[1][0])},
        "body_tokens": body,
        "body_lost": body_lost,
        "clean_articles": clean_n,
        "clean_touched": touched,
        "clean_changed": changed_clean,
        "exact": exact,
        "f1_raw": _agg(pairs_raw),
        "f1_clean": _agg(pairs_out),
        "languages": dict(sorted(langs.items(), key=lambda kv: -kv[1]["articles"])),
    }


if __name__ == "__main__":
    raise SystemExit(main())
