"""Time the block scorer adds to the text path: wild-dev articles cleaned with and without ``model.block``.

    .venv/bin/python bench/scorer_speed.py [--data ../shared/data] [--rounds 5]

Alternates the two configurations in rounds (the machine's speed swings with its load) and prints,
per round and as medians, the CPU milliseconds per article and the difference.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.datasets import DEFAULT_DATA, load_wild  # noqa: E402
from cleaner import Cleaner, Config  # noqa: E402


def run(cleaner: Cleaner, texts: list[str]) -> float:
    t = time.process_time()
    for x in texts:
        cleaner.clean(x, lang="en")  # a fixed language: time the deciders, not langdetect
    return (time.process_time() - t) * 1000 / len(texts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    texts = [a.raw for a in load_wild(args.data)]
    on, off = Cleaner(Config(block_model=True)), Cleaner(Config(block_model=False))
    run(on, texts[:20])
    run(off, texts[:20])
    diffs, ons, offs = [], [], []
    for r in range(args.rounds):
        a = run(off, texts)
        b = run(on, texts)
        ons.append(b)
        offs.append(a)
        diffs.append(b - a)
        print(f"round {r + 1}: without {a:.3f} ms, with {b:.3f} ms per article (+{b - a:.3f})")
    chars = sum(len(t) for t in texts) / len(texts)
    print(
        f"median over {len(texts)} articles (mean {chars:.0f} chars): without {statistics.median(offs):.3f} ms, "
        f"with {statistics.median(ons):.3f} ms, added {statistics.median(diffs):.3f} ms per article"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
