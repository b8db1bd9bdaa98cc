"""The Spark job: ``python -m cleaner.spark IN OUT`` (also under ``spark-submit``, unchanged).

Reads JSONL (plain or gzip; Spark's JSON reader, one object per line) or Parquet, cleans the
text (or HTML) column, writes JSONL (gzip by default) or Parquet: the input columns plus
``clean_text`` and ``record``. A line that is not JSON becomes an error row.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from cleaner.errors import CleanerError

log = logging.getLogger("cleaner.spark")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m cleaner.spark", description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSONL (.gz too) or Parquet: a file, a folder or a glob Spark can read")
    ap.add_argument("output", help="output folder (Spark writes part files into it); must not exist")
    ap.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="output format (default jsonl)")
    ap.add_argument(
        "--input-format",
        choices=("auto", "jsonl", "parquet"),
        default="auto",
        help="default: parquet when the input's name ends in .parquet, else jsonl",
    )
    ap.add_argument("--compression", choices=("gzip", "none"), default="gzip", help="JSONL output (default gzip)")
    ap.add_argument("--text-column", default="text")
    ap.add_argument("--html-column", default="html", help="used for rows without text (default html)")
    ap.add_argument("--id-column", default="id")
    ap.add_argument("--url-column", default="url")
    ap.add_argument("--lang-column", default="lang")
    ap.add_argument("--site-column", default="site")
    ap.add_argument(
        "--site-repetition",
        action="store_true",
        help="count short blocks per site first, then remove those recurring across a site (repeat.site)",
    )
    ap.add_argument("--config", type=Path, default=None, help="cleaner.toml / pyproject.toml [tool.cleaner]")
    ap.add_argument("--rules", type=Path, action="append", default=[], help="extra rule folder (repeatable)")
    ap.add_argument("--select", action="append", default=[])
    ap.add_argument("--ignore", action="append", default=[])
    ap.add_argument("--lang", default=None, help="language for rows without one (skips detection)")
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--partitions", type=int, default=0, help="repartition the input into N partitions first")
    ap.add_argument("--master", default=None, help="Spark master when not run by spark-submit (e.g. local[2])")
    ap.add_argument(
        "--shuffle-partitions",
        type=int,
        default=0,
        help="partitions of the site-repetition groupBy (default: 2 x the default parallelism)",
    )
    return ap.parse_args(argv)


def run(args: argparse.Namespace) -> None:
    from pyspark.sql import SparkSession

    from cleaner.cli.common import settings
    from cleaner.spark.frame import clean_dataframe

    _, config = settings(args.config, args.rules, args.select, args.ignore, args.lang, args.min_confidence)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local mode: the workers use this Python
    builder = SparkSession.builder.appName("cleaner")
    if args.master:
        builder = builder.master(args.master)
    own = SparkSession.getActiveSession() is None  # a caller's session (tests, notebooks) stays up
    spark = builder.getOrCreate()
    if args.shuffle_partitions or not spark.sparkContext.getConf().contains("spark.sql.shuffle.partitions"):
        shuffle = args.shuffle_partitions or 2 * spark.sparkContext.defaultParallelism
        spark.conf.set("spark.sql.shuffle.partitions", str(shuffle))
    try:
        fmt = args.input_format
        if fmt == "auto":
            fmt = "parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl"
        df = spark.read.parquet(args.input) if fmt == "parquet" else spark.read.json(args.input)
        if args.partitions:
            df = df.repartition(args.partitions)
        text_col = args.text_column if args.text_column in df.columns else None
        html_col = args.html_column if args.html_column in df.columns else None
        out = clean_dataframe(
            df,
            config,
            text_column=text_col,
            html_column=html_col,
            id_column=args.id_column,
            url_column=args.url_column,
            lang_column=args.lang_column,
            site_column=args.site_column,
            site_repetition=args.site_repetition,
        )
        if args.format == "parquet":
            out.write.parquet(args.output)
        else:
            writer = out.write.option("ignoreNullFields", "false")
            if args.compression == "gzip":
                writer = writer.option("compression", "gzip")
            writer.json(args.output)
        log.warning("wrote %s (%s)", args.output, args.format)
    finally:
        if own:
            spark.stop()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="cleaner: %(message)s")
    args = parse_args(argv)
    if Path(args.output).exists():
        sys.stderr.write(f"cleaner: error: {args.output}: already exists (Spark writes a new folder)\n")
        return 2
    try:
        run(args)
    except CleanerError as exc:
        sys.stderr.write(f"cleaner: error: {' '.join(str(exc).split())}\n")
        return 2
    except ImportError as exc:
        sys.stderr.write(f"cleaner: error: {exc}\n")
        return 2
    return 0
