"""Peak memory of `cleaner batch` for 1x and 10x the input: it should stay flat (streaming).

    .venv/bin/python bench/batch_memory.py [--docs 2000] [--workers 1 2]

Each run is a subprocess; the peak resident set (ru_maxrss of the finished children, via
os.wait4) is reported: the largest of the batch process and its workers (waited-for
descendants are folded into it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEANER = Path(sys.executable).with_name("cleaner")


def make_input(path: Path, docs: int) -> None:
    sys.path.insert(0, str(HERE.parent))
    from cleaner.corpus.synthetic import jsonl_lines

    with path.open("w", encoding="utf-8") as fh:
        for line in jsonl_lines(docs, size=3000):
            fh.write(line + "\n")


def peak_mb(src: Path, workers: int) -> float:
    out = src.with_suffix(".out.jsonl")
    proc = subprocess.Popen([str(CLEANER), "batch", str(src), "-o", str(out), "--workers", str(workers), "--quiet"])
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"cleaner batch failed with {proc.returncode}")
    return usage.ru_maxrss / 1024  # kB on Linux


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for w in args.workers:
            rows = []
            for factor in (1, 10):
                src = Path(tmp) / f"in{factor}.jsonl"
                if not src.exists():
                    make_input(src, args.docs * factor)
                rows.append((factor, src.stat().st_size / 1e6, peak_mb(src, w)))
            for factor, size, mb in rows:
                print(
                    f"workers={w} input {factor:>2}x ({args.docs * factor} docs, {size:.0f} MB): peak RSS {mb:.0f} MB"
                )
            print(f"workers={w}: 10x input / 1x input peak memory = {rows[1][2] / rows[0][2]:.2f}")


if __name__ == "__main__":
    main()
