"""Batch throughput: documents/s for 1 and N workers on synthetic 3 KB news articles.

    .venv/bin/python bench/batch_speed.py [--docs 4000] [--workers 2] [--rounds 3] [--size 3000] [--html]

Each run is a fresh `cleaner batch` subprocess; its rate is the summary's documents/s
(the batch loop, start-up excluded). ~10% of the articles are German, French or Spanish
(language-model path); the rest take the English stop-word path.

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
    cmd = [
        str(CLEANER),
        "batch",
        str(src),
        "-o",
        str(out),
        "--workers",
        str(workers),
        "--quiet",
        "--summary-json",
        str(summary),
    ]
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


def make_warc(path: Path, docs: int, pages_dir: Path, part: slice = slice(None)) -> None:
    """A WARC of real news pages (the benchmark's, cycled to ``docs`` records), as crawls store them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    sys.path.insert(0, str(HERE.parent))
    from bench.aeb import load_pages

    pages = load_pages(pages_dir)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(docs)[part]:
            _pid, url, _truth, data = pages[i % len(pages)]
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url or f"https://news.example.com/{i}", "response", payload=io.BytesIO(data), http_headers=headers
                )
            )


def html_records(src: Path) -> list[tuple[bytes, str | None]]:
    if src.suffix == ".gz":
        from warcio.archiveiterator import ArchiveIterator

        with src.open("rb") as fh:
            return [
                (r.content_stream().read(), r.rec_headers.get_header("WARC-Target-URI"))
                for r in ArchiveIterator(fh)
                if r.rec_type == "response"
            ]
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


def machine_speed(n: int = 3_000_000) -> float:
    """Millions of iterations per second of a plain Python loop, best of 3: how fast this
    machine runs Python right now (a busy host shows here as a lower figure)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        s = 0
        for i in range(n):
            s += i * i
        best = min(best, time.perf_counter() - t0)
    return n / best / 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--size", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2, help="the parallel run to compare with one worker")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of (1 worker, N workers, ceiling), order alternating")
    ap.add_argument("--html", action="store_true", help="small synthetic HTML records instead of text")
    ap.add_argument(
        "--pages",
        type=Path,
        nargs="?",
        const=HERE.parent.parent / "shared" / "data" / "aeb-dev",
        help="a WARC of real news pages: the benchmark's (default ../shared/data/aeb-dev), cycled",
    )
    args = ap.parse_args()
    print(
        f"cpu cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}; "
        f"machine speed: {machine_speed():.1f} M Python loop iterations/s"
    )
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
        if args.pages:
            halves = (src.with_name("half-a.warc.gz"), src.with_name("half-b.warc.gz"))
            make_warc(halves[0], args.docs, args.pages, slice(0, None, 2))
            make_warc(halves[1], args.docs, args.pages, slice(1, None, 2))
        else:
            halves = split(src)
        print(f"input: {what} ({src.stat().st_size / 1e6:.1f} MB); documents/s of the batch loop, start-up excluded")
        got: dict[str, list[float]] = {"one": [], "many": [], "ceiling": [], "trafilatura": []}
        steps = ["one", "trafilatura", "many", "ceiling"]
        for r in range(args.rounds):
            for step in steps if r % 2 == 0 else steps[::-1]:
                if step == "one":
                    got["one"].append(run(src, 1))
                elif step == "many":
                    got["many"].append(run(src, args.workers))
                elif step == "ceiling" and args.workers == 2:
                    got["ceiling"].append(ceiling(halves))
                elif step == "trafilatura" and args.html:
                    got["trafilatura"].append(trafilatura_only(src))
            one, par = got["one"][-1], got["many"][-1]
            line = f"round {r + 1}: 1 worker {one:.0f}/s; {args.workers} workers {par:.0f}/s ({par / one:.2f}x)"
            if got["ceiling"]:
                line += f"; two independent 1-worker runs at once {got['ceiling'][-1]:.0f}/s ({got['ceiling'][-1] / one:.2f}x)"
            if got["trafilatura"]:
                line += f"; trafilatura alone {got['trafilatura'][-1]:.0f}/s (time ratio {got['trafilatura'][-1] / one:.2f}x)"
            print(line)
        med = {k: statistics.median(v) for k, v in got.items() if v}
        speedups = [m / o for m, o in zip(got["many"], got["one"], strict=True)]
        target = "" if args.html else " (target >= 500 per worker)"
        print(
            f"median: 1 worker {med['one']:.0f} documents/s{target}; {args.workers} workers {med['many']:.0f}/s; "
            f"speedup {statistics.median(speedups):.2f}x (median of rounds; target >= 1.8x)"
        )
        if "ceiling" in med:
            ceil = [c / o for c, o in zip(got["ceiling"], got["one"], strict=True)]
            print(
                f"machine ceiling: two independent runs reach {statistics.median(ceil):.2f}x; {args.workers} workers "
                f"get {statistics.median([m / c for m, c in zip(got['many'], got['ceiling'], strict=True)]):.0%} of it"
            )
        print(f"machine speed at the end: {machine_speed():.1f} M Python loop iterations/s")
        if "trafilatura" in med:
            ratios = [t / o for t, o in zip(got["trafilatura"], got["one"], strict=True)]
            print(
                f"HTML path: cleaner batch (1 worker) takes {statistics.median(ratios):.2f}x the time of "
                f"trafilatura.extract alone (median of rounds; target <= 1.15x)"
            )


if __name__ == "__main__":
    main()
