"""The HTML pre-scan's figures over every page of the dev collections: the deepest nesting and
the most attributes on one tag it counts, per collection, beside the defaults of
``Config.html_max_depth`` / ``Config.html_max_attributes`` (which no page may trip), and the
scan's CPU time per page."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datasets import DEFAULT_DATA, html_collections, load_pages  # noqa: E402
from cleaner import Config  # noqa: E402
from cleaner.html.encoding import decode_html  # noqa: E402
from cleaner.html.limits import scan  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} is absent: nothing to measure", file=sys.stderr)
        return 0
    config = Config()
    print("| collection | pages | deepest (p99) | most attributes (p99) | over a default | scan ms/page |")
    print("| --- | --- | --- | --- | --- | --- |")
    tripped = 0
    for collection in html_collections(args.data):
        depths, attrs = [], []
        cpu = 0.0
        for page in load_pages(args.data, collection):
            text = decode_html(page.html()).text
            t = time.process_time()
            stats = scan(text)
            cpu += time.process_time() - t
            depths.append(stats.max_depth)
            attrs.append(stats.max_attributes)
        over = sum(
            d > config.html_max_depth or a > config.html_max_attributes for d, a in zip(depths, attrs, strict=True)
        )
        tripped += over
        n = len(depths)
        p99 = max(0, int(0.99 * n) - 1)
        print(
            f"| {collection} | {n} | {max(depths)} ({sorted(depths)[p99]}) | {max(attrs)} ({sorted(attrs)[p99]}) "
            f"| {over} | {1000 * cpu / n:.2f} |"
        )
    print(f"\ndefaults: html_max_depth={config.html_max_depth}, html_max_attributes={config.html_max_attributes}")
    return 1 if tripped else 0


if __name__ == "__main__":
    raise SystemExit(main())
