"""List the wild-dev debris spans the text path misses, with their context and what fired nearby.

    .venv/bin/python bench/wild_misses.py [--data ../shared/data] [--category credit-caption ...]
                                          [--lang en ...] [--context 80] [--json out.jsonl]

A span counts as removed by the same test as bench/quality.py (80% of its tokens inside removals).
For each missed span it prints the article id, language, category, the span (``[[…]]``) inside its
line context, and the removals (rule id and offsets) that overlap the context window, so the
misses can be grouped by shape. Ends with the counts of misses per category and per language.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import audit  # noqa: E402
from bench.datasets import load_wild  # noqa: E402
from bench.quality_runs import _normalized, offset_map  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _removed_mask(raw: str, res) -> tuple[bytearray, list[tuple[str, int, int]]]:
    norm = _normalized(res)
    omap = offset_map(raw, norm) if norm else list(range(len(raw) + 1))
    mask = bytearray(len(raw) + 1)
    cuts = []
    for r in res.removed:
        if r.start is None:
            continue
        s, e = omap[min(r.start, len(omap) - 1)], omap[min(r.end, len(omap) - 1)]
        mask[s:e] = b"\x01" * (e - s)
        cuts.append((r.rule, s, e))
    for r in res.candidates:
        if r.start is None:
            continue
        s, e = omap[min(r.start, len(omap) - 1)], omap[min(r.end, len(omap) - 1)]
        cuts.append((f"candidate:{r.rule}", s, e))
    return mask, cuts


def _hit(raw: str, mask: bytearray, s: int, e: int) -> bool:
    toks = [(a, b) for a, b, _ in audit.token_spans(raw) if s <= a < e]
    if toks:
        return sum(1 for a, b in toks if mask[a] and mask[b - 1]) >= 0.8 * len(toks)
    chars = [k for k in range(s, e) if not raw[k].isspace()]
    return bool(chars) and sum(mask[k] for k in chars) >= 0.8 * len(chars)


def _context(raw: str, s: int, e: int, width: int) -> str:
    a = max(raw.rfind("\n", 0, s) + 1, s - width)
    z = raw.find("\n", e)
    z = len(raw) if z < 0 else z
    z = min(z, e + width)
    return (raw[a:s] + "[[" + raw[s:e] + "]]" + raw[e:z]).replace("\n", "⏎")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--category", nargs="*", default=None, help="only these categories")
    ap.add_argument("--lang", nargs="*", default=None, help="only these languages")
    ap.add_argument("--context", type=int, default=80, help="characters of context each side")
    ap.add_argument("--json", type=Path, help="also write the misses as JSON lines")
    args = ap.parse_args(argv)
    if not (args.data / "wild-dev" / "articles.jsonl").exists():
        print(f"{args.data}/wild-dev is absent: nothing to list", file=sys.stderr)
        return 0
    from cleaner import Cleaner

    cleaner = Cleaner()
    misses = []
    totals: Counter = Counter()
    for art in load_wild(args.data):
        if args.lang and art.lang not in args.lang:
            continue
        spans = [sp for sp in art.spans if not args.category or sp[2] in args.category]
        if not spans:
            continue
        res = cleaner.clean(art.raw, html=False)
        mask, cuts = _removed_mask(art.raw, res)
        for s, e, cat in spans:
            totals[cat] += 1
            if _hit(art.raw, mask, s, e):
                continue
            lo, hi = s - args.context, e + args.context
            near = [f"{rule}@{a}-{z}" for rule, a, z in cuts if a < hi and lo < z]
            misses.append(
                {
                    "id": art.id,
                    "lang": art.lang,
                    "category": cat,
                    "span": art.raw[s:e],
                    "start": s,
                    "position": round(s / max(1, len(art.raw)), 2),
                    "context": _context(art.raw, s, e, args.context),
                    "near": near,
                }
            )
    for m in misses:
        print(f"{m['id']} {m['lang']} {m['category']} pos={m['position']} near={m['near'] or '-'}")
        print(f"    {m['context']}")
    by_cat = Counter(m["category"] for m in misses)
    by_lang = Counter(m["lang"] for m in misses)
    print()
    print("missed per category: " + ", ".join(f"{c} {n}/{totals[c]}" for c, n in by_cat.most_common()))
    print("missed per language: " + ", ".join(f"{lg} {n}" for lg, n in by_lang.most_common()))
    if args.json:
        with args.json.open("w", encoding="utf-8") as fh:
            for m in misses:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
