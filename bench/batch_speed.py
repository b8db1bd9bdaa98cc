"""Batch throughput: documents/s for 1 and N workers on synthetic 3 KB news articles.

    .venv/bin/python bench/batch_speed.py [--docs 3000] [--workers 1 2] [--size 3000] [--html]

Each run is a fresh `cleaner batch` subprocess (start-up included in "wall", excluded in
"steady", which is measured from the first to the last output line). ~10% of the
articles are German, French or Spanish (langdetect path); the rest take the English
stop-word path. Prints one line per run and the speedup of each run over the first.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEANER = Path(sys.executable).with_name("cleaner")


def make_input(path: Path, docs: int, size: int, html: bool) -> None:
    sys.path.insert(0, str(HERE.parent))
    from cleaner.corpus.synthetic import jsonl_lines

    with path.open("w", encoding="utf-8") as fh:
        for line in jsonl_lines(docs, size=size):
            if html:
                rec = json.loads(line)
                paras = "".join(f"<p>{p}</p>" for p in rec.pop("text").split("\n\n"))
                rec["html"] = f"<html><body><nav>Home | News</nav><article>{paras}</article></body></html>"
                line = json.dumps(rec)
            fh.write(line + "\n")


def run(src: Path, workers: int) -> dict[str, float]:
    out = src.with_suffix(f".out{workers}.jsonl")
    summary = src.with_suffix(f".summary{workers}.json")
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(CLEANER), "batch", str(src), "-o", str(out), "--workers", str(workers), "--quiet",
                             "--summary-json", str(summary)])
    first = None
    while proc.poll() is None:
        if first is None and out.exists() and out.stat().st_size > 0:
            first = time.perf_counter()
        time.sleep(0.01)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"cleaner batch failed with {proc.returncode}")
    s = json.loads(summary.read_text())
    docs = s["documents"]
    steady = (time.perf_counter() - first) if first else wall
    return {"workers": workers, "docs": docs, "wall": wall, "wall_rate": docs / wall, "steady_rate": docs / steady,
            "batch_rate": s["documents_per_second"]}


def trafilatura_only(src: Path) -> float:
    """Documents/s (CPU) of trafilatura.extract alone on the same HTML records, in-process."""
    import trafilatura

    pages = [json.loads(line)["html"] for line in src.read_text(encoding="utf-8").splitlines()]
    trafilatura.extract(pages[0])
    t0 = time.process_time()
    for page in pages:
        trafilatura.extract(page)
    return len(pages) / (time.process_time() - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--size", type=int, default=3000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--html", action="store_true", help="HTML records instead of text")
    args = ap.parse_args()
    print(f"cpu cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        make_input(src, args.docs, args.size, args.html)
        print(f"input: {args.docs} {'HTML' if args.html else 'text'} records of ~{args.size} chars "
              f"({src.stat().st_size / 1e6:.1f} MB)")
        base = None
        for w in args.workers:
            r = run(src, w)
            base = base or r["batch_rate"]
            print(f"workers={w}: {r['batch_rate']:.0f} documents/s (batch loop), {r['wall_rate']:.0f}/s wall incl. "
                  f"start-up ({r['wall']:.1f} s); {r['batch_rate'] / w:.0f}/s per worker; "
                  f"speedup {r['batch_rate'] / base:.2f}x")
        if args.html:
            t = trafilatura_only(src)
            print(f"trafilatura.extract alone: {t:.0f} documents/s per core; cleaner/trafilatura time ratio "
                  f"(1 worker) = {t / base:.2f}x (target <= 1.15x)")


if __name__ == "__main__":
    main()
