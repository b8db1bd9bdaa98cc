"""`cleaner batch -j1` against `-j2`: throughput, CPU and peak memory at 10k, 50k and 100k records (issue 13).

    .venv/bin/python bench/batch.py [--data ../shared/data] [--records 10000 50000 100000] [--workers 1 2]

The records are wild-dev's raw articles (345 scraped texts in 22 languages, 3.3 KB on average),
cycled, one JSONL line each with an id and the text (no language given: every record is
detected); without the shared data, the synthetic 3 KB articles of ``cleaner.corpus.synthetic``.
The input is written to a temporary folder, never into the repository.

Each run is a fresh ``cleaner batch`` process (the real CLI, output to ``/dev/null``) that reports
its own ``getrusage``: CPU of the batch process itself (reader, writer, the pool's plumbing) and
of its workers (``RUSAGE_CHILDREN``), the peak resident set of each (``ru_maxrss``), and wall time.

On a shared machine wall time says little, so the bench also gives the CPU-bound estimate of the
``-j2`` speedup on two idle cores: ``-j1``'s CPU over ``max(-j2's CPU / 2, the -j2 parent's CPU)``
(the parent is one process: it cannot go faster than its own CPU time). Runs alternate in rounds.
Every worker count runs at the smallest and the largest record count; the counts between run with
the most workers only (the memory series), which keeps the default run to 270k records cleaned.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.datasets import DEFAULT_DATA, load_wild  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "batch.md"


@dataclass(frozen=True)
class Run:
    workers: int
    records: int
    wall: float  # seconds, start-up included
    parent_cpu: float  # the batch process itself
    workers_cpu: float  # its worker processes, summed
    parent_mb: float  # peak resident set of the batch process
    workers_mb: float  # the largest peak resident set among its workers
    loop_rate: float  # the summary's documents/s (the batch loop, start-up excluded)

    @property
    def cpu(self) -> float:
        return self.parent_cpu + self.workers_cpu


def texts(data: Path) -> tuple[list[str], str]:
    """The record texts, and what they are."""
    if (data / "wild-dev").is_dir():
        wild = [a.raw for a in load_wild(data)]
        kb = sum(len(t.encode()) for t in wild) / len(wild) / 1024
        return wild, f"wild-dev's {len(wild)} raw articles ({kb:.1f} KB on average), cycled"
    from cleaner.corpus.synthetic import jsonl_lines

    synth = [json.loads(line)["text"] for line in jsonl_lines(500, size=3000)]
    return synth, "synthetic 3 KB articles (no shared data found), cycled"


def make_input(path: Path, pool: list[str], records: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(records):
            fh.write(json.dumps({"id": f"r{i}", "text": pool[i % len(pool)]}, ensure_ascii=False) + "\n")


def run(src: Path, workers: int, records: int, tmp: Path) -> Run:
    report, summary = tmp / "usage.json", tmp / "summary.json"
    argv = ["batch", str(src), "-o", "/dev/null", "-j", str(workers), "--quiet", "--summary-json", str(summary)]
    t0 = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--child", str(report), "--", *argv], check=True)
    wall = time.perf_counter() - t0
    u = json.loads(report.read_text())
    s = json.loads(summary.read_text())
    if s["documents"] != records or s.get("errors"):
        raise SystemExit(f"batch cleaned {s['documents']} of {records} records with {s.get('errors')} errors")
    return Run(workers, records, wall, u["self_cpu"], u["children_cpu"], u["self_mb"], u["children_mb"],
               s["documents_per_second"])  # fmt: skip


def child(report: Path, argv: list[str]) -> None:
    """Run ``cleaner batch`` in this process, then write this process's and its workers' usage."""
    from cleaner.cli import run as cli

    sys.argv = ["cleaner", *argv]
    code = 0
    try:
        cli()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    report.write_text(
        json.dumps(
            {
                "self_cpu": me.ru_utime + me.ru_stime,
                "children_cpu": kids.ru_utime + kids.ru_stime,
                "self_mb": me.ru_maxrss / 1024,  # kB on Linux
                "children_mb": kids.ru_maxrss / 1024,
            }
        )
    )
    raise SystemExit(code)


def two_core_estimate(one: Run, two: Run) -> float:
    """The -j2 speedup on two idle cores if CPU were the only limit."""
    return one.cpu / max(two.cpu / 2, two.parent_cpu)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--records", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rounds", type=int, default=1, help="rounds over every (records, workers), order alternating")
    ap.add_argument("--no-write", action="store_true", help="print only")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.rest)
    pool, what = texts(args.data)
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.records:
            src = Path(tmp) / f"in-{n}.jsonl"
            make_input(src, pool, n)
            ends = n in (min(args.records), max(args.records))
            chosen = [w for w in args.workers if ends or w == max(args.workers)]
            for r in range(args.rounds):
                for w in chosen if r % 2 == 0 else chosen[::-1]:
                    runs.append(run(src, w, n, Path(tmp)))
                    x = runs[-1]
                    print(
                        f"{n:>7,} records -j{w}: wall {x.wall:7.1f} s, CPU {x.cpu:7.1f} s "
                        f"(batch process {x.parent_cpu:5.1f}, workers {x.workers_cpu:7.1f}), "
                        f"peak RSS {x.parent_mb:.0f} / {x.workers_mb:.0f} MB",
                        flush=True,
                    )
            src.unlink()
    lines = report(runs, what, args.rounds)
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text + "\n", encoding="utf-8")
    return 0


def report(runs: list[Run], what: str, rounds: int) -> list[str]:
    def med(n: int, w: int, attr: str) -> float:
        return statistics.median(
            getattr(x, attr) if attr != "cpu" else x.cpu for x in runs if (x.records, x.workers) == (n, w)
        )

    lines = [
        "# Batch: `-j1` against `-j2` (`python bench/batch.py`)\n",
        f"{time.strftime('%Y-%m-%d')}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; "
        f"records: {what}; output to /dev/null; medians of {rounds} round(s).\n",
        "| records | workers | wall s | CPU s (batch process + workers) | CPU ms per record | "
        "records/s (loop, wall) | peak RSS MB (batch process / largest worker) |",
        "| ---: | ---: | ---: | --- | ---: | ---: | --- |",
    ]
    keys = sorted({(x.records, x.workers) for x in runs})
    for n, w in keys:
        cpu, pc, wc = med(n, w, "cpu"), med(n, w, "parent_cpu"), med(n, w, "workers_cpu")
        lines.append(
            f"| {n:,} | {w} | {med(n, w, 'wall'):,.1f} | {cpu:,.1f} ({pc:,.1f} + {wc:,.1f}) | {cpu / n * 1000:.2f} | "
            f"{med(n, w, 'loop_rate'):,.0f} | {med(n, w, 'parent_mb'):.0f} / {med(n, w, 'workers_mb'):.0f} |"
        )
    lines.append("")
    for n in sorted({x.records for x in runs}):
        ones = [x for x in runs if x.records == n and x.workers == 1]
        twos = [x for x in runs if x.records == n and x.workers == 2]
        if ones and twos:
            est = statistics.median(two_core_estimate(a, b) for a, b in zip(ones, twos, strict=False))
            wall = statistics.median(a.wall / b.wall for a, b in zip(ones, twos, strict=False))
            lines.append(
                f"- {n:,} records: `-j2` CPU-bound estimate on two idle cores **{est:.2f}×** `-j1` "
                f"(target ≥ 1.8×); measured wall ratio here {wall:.2f}× (a shared machine's, indicative only)"
            )
    for w in sorted({x.workers for x in runs}):
        mem = [(x.records, max(x.parent_mb, x.workers_mb)) for x in runs if x.workers == w]
        if len({n for n, _ in mem}) > 1:
            lo, hi = min(mem), max(mem)
            lines.append(
                f"- `-j{w}` peak RSS from {lo[0]:,} to {hi[0]:,} records: {lo[1]:.0f} → {hi[1]:.0f} MB "
                f"(×{hi[1] / lo[1]:.2f}; flat = streaming)"
            )
    lines.append("")
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
