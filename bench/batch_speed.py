"""Batch throughput: documents/s for 1 and N workers on synthetic 3 KB news articles.

    .venv/bin/python bench/batch_speed.py [--docs 4000] [--workers 2] [--rounds 3] [--size 3000] [--html]

Each run is a fresh `cleaner batch` subprocess; its rate is the summary's documents/s
(the batch loop, start-up excluded). ~10% of the articles are German, French or Spanish
(langdetect path); the rest take the English stop-word path.

Timings on a shared 2-vCPU machine swing between runs, so the bench alternates the runs
in rounds and prints medians. It also measures the machine's own ceiling: two independent
one-worker runs at once, each on half the input, with nothing shared. Even a pure Python
loop does not always run twice as fast on two of these vCPUs as on one.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
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


def start(src: Path, workers: int, tag: str) -> tuple[subprocess.Popen[bytes], Path]:
    out, summary = src.with_suffix(f".out{tag}.jsonl"), src.with_suffix(f".summary{tag}.json")
    cmd = [str(CLEANER), "batch", str(src), "-o", str(out), "--workers", str(workers), "--quiet", "--summary-json", str(summary)]
    return subprocess.Popen(cmd), summary


def finish(proc: subprocess.Popen[bytes], summary: Path) -> dict[str, float]:
    if proc.wait():
        raise SystemExit(f"cleaner batch failed with {proc.returncode}")
    return json.loads(summary.read_text())


def run(src: Path, workers: int) -> float:
    """Documents/s of the batch loop (the summary's figure: start-up excluded)."""
    return finish(*start(src, workers, f"w{workers}"))["documents_per_second"]


def ceiling(halves: tuple[Path, Path]) -> float:
    """Two independent one-worker batches at once, each on half the input: what two cores
    give this work with no coordination at all (documents/s over both)."""
    runs = [start(h, 1, "half") for h in halves]
    done = [finish(*r) for r in runs]
    return sum(d["documents"] for d in done) / max(d["seconds"] for d in done)


def split(src: Path) -> tuple[Path, Path]:
    lines = src.read_bytes().splitlines(keepends=True)
    a, b = src.with_name("half-a.jsonl"), src.with_name("half-b.jsonl")
    a.write_bytes(b"".join(lines[0::2]))
    b.write_bytes(b"".join(lines[1::2]))
    return a, b


def make_warc(path: Path, docs: int, pages_dir: Path) -> None:
    """A WARC of real news pages (the benchmark's, cycled to ``docs`` records), as crawls store them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    sys.path.insert(0, str(HERE.parent))
    from bench.aeb import load_pages

    pages = load_pages(pages_dir)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(docs):
            _pid, url, _truth, data = pages[i % len(pages)]
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url or f"https://news.example.com/{i}", "response",
                                                          payload=io.BytesIO(data), http_headers=headers))


def html_records(src: Path) -> list[tuple[bytes, str | None]]:
    if src.suffix == ".gz":
        from warcio.archiveiterator import ArchiveIterator

        with src.open("rb") as fh:
            return [(r.content_stream().read(), r.rec_headers.get_header("WARC-Target-URI"))
                    for r in ArchiveIterator(fh) if r.rec_type == "response"]
    return [(json.loads(line)["html"].encode("utf-8"), None) for line in src.read_text(encoding="utf-8").splitlines()]


def trafilatura_only(src: Path) -> float:
    """Documents/s of trafilatura.extract alone on the same HTML records, in-process, by the
    same clock as the batch loop's rate (wall time of the loop, start-up excluded)."""
    import trafilatura

    pages = html_records(src)
    trafilatura.extract(pages[0][0])
    t0 = time.perf_counter()
    for data, url in pages:
        trafilatura.extract(data, url=url)
    return len(pages) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--size", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2, help="the parallel run to compare with one worker")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of (1 worker, N workers, ceiling), order alternating")
    ap.add_argument("--html", action="store_true", help="small synthetic HTML records instead of text")
    ap.add_argument("--pages", type=Path, nargs="?", const=HERE.parent.parent / "shared" / "data" / "aeb-dev",
                    help="a WARC of real news pages: the benchmark's (default ../shared/data/aeb-dev), cycled")
    args = ap.parse_args()
    print(f"cpu cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.pages:
            src = Path(tmp) / "in.warc.gz"
            make_warc(src, args.docs, args.pages)
            args.html = True
            what = f"{args.docs} WARC records of real news pages (the {args.pages.name} pages, cycled)"
        else:
            src = Path(tmp) / "in.jsonl"
            make_input(src, args.docs, args.size, args.html)
            what = f"{args.docs} {'HTML' if args.html else 'text'} records of ~{args.size} chars"
        halves = split(src) if not args.pages else None
        print(f"input: {what} ({src.stat().st_size / 1e6:.1f} MB); documents/s of the batch loop, start-up excluded")
        ones, many, ceils = [], [], []
        for r in range(args.rounds):
            order = ["one", "many", "ceiling"] if r % 2 == 0 else ["ceiling", "many", "one"]
            for what in order:
                if what == "one":
                    ones.append(run(src, 1))
                elif what == "many":
                    many.append(run(src, args.workers))
                elif args.workers == 2 and halves:
                    ceils.append(ceiling(halves))
            line = f"round {r + 1}: 1 worker {ones[-1]:.0f}/s; {args.workers} workers {many[-1]:.0f}/s ({many[-1] / ones[-1]:.2f}x)"
            if ceils:
                line += f"; two independent 1-worker runs at once {ceils[-1]:.0f}/s ({ceils[-1] / ones[-1]:.2f}x)"
            print(line)
        one, par = statistics.median(ones), statistics.median(many)
        print(f"median: 1 worker {one:.0f} documents/s (target >= 500 per worker); {args.workers} workers "
              f"{par:.0f}/s, speedup {par / one:.2f}x (target >= 1.8x)")
        if ceils:
            ceil = statistics.median(ceils)
            print(f"machine ceiling: two independent runs reach {ceil / one:.2f}x; {args.workers} workers get "
                  f"{par / ceil:.0%} of it")
        if args.html:
            t = trafilatura_only(src)
            print(f"trafilatura.extract alone, in-process: {t:.0f} documents/s; time ratio cleaner batch (1 worker) "
                  f"/ trafilatura = {t / one:.2f}x (target <= 1.15x)")


if __name__ == "__main__":
    main()
