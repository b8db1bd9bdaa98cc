"""Spark against `cleaner batch`: records/s on the same synthetic records, written to bench/results/spark.md.

    .venv/bin/python bench/spark_bench.py [--docs 20000] [--size 3000] [--rounds 1]

Four runs on one JSONL file of synthetic 3 KB articles (cleaner/corpus/synthetic.py, ~10% not
English): `cleaner batch -j1` and `-j2` (each a fresh process; the figure is wall time from
start to the last line written, so start-up is in it) and `cleaner.spark` on `local[1]` and
`local[2]` (one SparkSession each, in a subprocess: wall time of reading, cleaning and writing
JSONL, given schema, no inference; the session's start-up is printed apart). The machine is
shared and its speed swings: the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CLEANER = Path(sys.executable).with_name("cleaner")

SPARK_RUN = r"""
import json, os, sys, time
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
t0 = time.perf_counter()
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master(sys.argv[1]).config("spark.ui.enabled", "false")
         .config("spark.sql.files.maxPartitionBytes", sys.argv[4]).getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
from cleaner.spark import clean_dataframe
t1 = time.perf_counter()
df = spark.read.json(sys.argv[2], schema="id string, url string, text string, source string")
clean_dataframe(df).write.json(sys.argv[3])
t2 = time.perf_counter()
spark.stop()
print(json.dumps({"startup": t1 - t0, "run": t2 - t1}))
"""


def make_input(path: Path, docs: int, size: int) -> None:
    sys.path.insert(0, str(ROOT))
    from cleaner.corpus.synthetic import jsonl_lines

    with path.open("w", encoding="utf-8") as fh:
        for line in jsonl_lines(docs, size=size):
            fh.write(line + "\n")


def batch(src: Path, workers: int, out: Path) -> float:
    t = time.perf_counter()
    subprocess.run([str(CLEANER), "batch", str(src), "-o", str(out), "-j", str(workers), "-q"], check=True)
    return time.perf_counter() - t


def spark(src: Path, cores: int, out: Path) -> dict[str, float]:
    # split the input into 2 x cores partitions so every core has work
    part = max(1 << 20, src.stat().st_size // (2 * cores) + 1)
    proc = subprocess.run(
        [sys.executable, "-c", SPARK_RUN, f"local[{cores}]", str(src), str(out), str(part)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--size", type=int, default=3000)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "spark.md")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cleaner-spark-bench-"))
    try:
        src = tmp / "in.jsonl"
        make_input(src, args.docs, args.size)
        load_before = os.getloadavg()[0]
        rows = []
        for j in (1, 2):
            secs = batch(src, j, tmp / f"batch{j}.jsonl")
            rows.append((f"`cleaner batch -j{j}`", secs, None))
            print(f"batch -j{j}: {secs:.1f} s, {args.docs / secs:.0f} records/s", flush=True)
        for cores in (1, 2):
            got = spark(src, cores, tmp / f"spark{cores}")
            rows.append((f"`cleaner.spark` local[{cores}]", got["run"], got["startup"]))
            print(
                f"spark local[{cores}]: {got['run']:.1f} s (+{got['startup']:.1f} s start-up), "
                f"{args.docs / got['run']:.0f} records/s",
                flush=True,
            )
        load_after = os.getloadavg()[0]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines = [
        "# Spark against `cleaner batch`",
        "",
        f"{args.docs:,} synthetic records of ~{args.size:,} characters (cleaner/corpus/synthetic.py, ~10% not English), "
        f"one JSONL file; `python bench/spark_bench.py --docs {args.docs}`. Machine: {os.cpu_count()} vCPUs, shared; "
        f"1-minute load average {load_before:.1f} before and {load_after:.1f} after the runs.",
        "",
        "| run | wall time (s) | records/s | Spark session start-up (s), not included |",
        "| --- | --- | --- | --- |",
    ]
    for name, secs, startup in rows:
        lines.append(
            f"| {name} | {secs:.1f} | {args.docs / secs:.0f} | {'' if startup is None else f'{startup:.1f}'} |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
