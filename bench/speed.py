"""Speed in one run (issue 13): text path by stage, HTML path against trafilatura, cost against size.

    .venv/bin/python bench/speed.py [--data ../shared/data] [--rounds 3] [--pages 150] [--skip sizes]

Prints, and writes to ``bench/results/speed.md``:

1. **Text path** on wild-dev's raw articles and on scraper-style text of the dev collections (the
   naive paragraph join cached by ``bench/datasets.py``): articles/s on one core and ms per
   article, with the time split by stage (decode, normalize, blocks, language, rules, each
   heuristic and the scorer, settling + the record), beside ``ftfy.fix_text`` alone on the same
   texts as the in-run reference.
2. **HTML path** page by page against ``trafilatura.extract`` (defaults) on the same pages, in
   alternating order: via ``clean()`` and via a reused ``Cleaner``, as ratios of CPU time; and
   beside ``trafilatura.extract`` with the extraction settings the HTML path uses (favor_recall,
   no comments), which is cheaper than its defaults (no comment extraction, no balanced-mode retry).
3. **Cost against size**: ms per MB of text for documents of 10 KB to 10 MB (flat = linear), and a
   document of 40,000 short lines; each document cleaned once untimed (start-up, caches), then the
   median of as many cleanings as fill ``SIZE_SECONDS`` of CPU time (``--rounds`` at least): the
   steady state of a process cleaning such documents one after another. The first ``--rounds``
   of them still run code the interpreter has not yet specialised (CPython 3.11 adapts a function
   after it ran a few times), which a 10 KB document feels most; their median is shown beside.

All times are CPU times of this process (``time.process_time``), medians over ``--rounds`` rounds
that alternate the contenders, so the load of other processes on a shared machine matters less.
Batch throughput (``-j1`` vs ``-j2``, CPU and wall) and peak memory at 10k to 100k records have their
own bench, ``bench/batch.py`` (``bench/batch_speed.py``: the HTML/WARC path against trafilatura and the
machine's two-core ceiling).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.datasets import DEFAULT_DATA, HTML_COLLECTIONS, load_pages, load_wild, scraper_inputs  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "speed.md"
SIZES_KB = (10, 100, 1_000, 10_000)
SIZE_SECONDS = 1.0  # CPU time each document of the size table is cleaned for, at least
MAX_SIZE_ROUNDS = 300


def _cpu(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def _forget_findings() -> None:
    """Empties what was kept of earlier cleanings: the rule plans' findings by a line's text
    (``TextPlan.seen``) and the answers cached by a line or a block (``reactions._marked``,
    ``blocks._read_line``). A bench cleans the same documents round after round, and a round is
    not to be served what the one before found (lines recurring within one round still are)."""
    import gc

    from cleaner.plan import TextPlan

    for o in gc.get_objects():
        if isinstance(o, TextPlan):
            o.seen.clear()
    # The caches of answers keyed on a line's text or a block (not on a pattern or a lexicon).
    from cleaner.blocks import _read_line
    from cleaner.heuristics.reactions import _marked

    _marked.cache_clear()
    _read_line.cache_clear()


def stage_times(texts: Sequence[str], config) -> dict[str, float]:
    """CPU seconds per stage over ``texts``, each stage called as the pipeline calls it."""
    from cleaner import Cleaner
    from cleaner.blocks import segment
    from cleaner.config import id_selected
    from cleaner.decide import _settle
    from cleaner.decode import decode_text
    from cleaner.heuristics import HEURISTICS, Context
    from cleaner.lang import detect_language
    from cleaner.match import apply_rules
    from cleaner.normalize import normalize
    from cleaner.plan import text_plan
    from cleaner.result import assemble

    book = Cleaner(config).rulebook
    out: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for raw in texts:
        data = raw.encode("utf-8")
        t = clock()
        text, _ = decode_text(data, max_chars=config.max_input_chars)
        out["decode"] += clock() - t
        t = clock()
        norm = normalize(text)
        out["normalize"] += clock() - t
        t = clock()
        blocks = segment(norm.text)
        out["blocks"] += clock() - t
        t = clock()
        language = detect_language(blocks, config)
        out["language"] += clock() - t
        code = None if language.code == "und" else language.code
        t = clock()
        plan = text_plan(book, code)
        hits = apply_rules(norm.text, blocks, plan, config.regex_timeout)
        out["rules"] += clock() - t
        strong = [r for r in hits.removals if r.confidence >= config.min_confidence]
        for h in HEURISTICS:
            if not id_selected(h.id, config.select, config.ignore):
                continue
            t = clock()
            prior = tuple(strong)
            found = list(
                h.run(Context(norm.text, blocks, code, book, config, hits.removals, prior, None, plan.rules), h)
            )
            strong.extend(r for r in found if r.confidence >= config.min_confidence)
            out["scorer" if h.id.startswith("model.") else "heuristics"] += clock() - t
        t = clock()
        assemble(norm.text, blocks, tuple(_settle(strong, norm.text)))
        out["settle + record"] += clock() - t
    return dict(out)


# Size bands of the by-size table (KB of UTF-8): the target names a 2.3 KB article.
SIZE_BANDS = ((0.0, 2.0), (2.0, 2.6), (2.6, 4.0), (4.0, float("inf")))


def text_path(name: str, texts: Sequence[str], rounds: int, lines: list[str]) -> None:
    import ftfy

    from cleaner import Cleaner, Config

    config = Config(time_limit=0)
    cleaner = Cleaner(config)
    datas = [t.encode("utf-8") for t in texts]
    for d in datas:
        cleaner.clean(d).to_dict()  # warm caches: each language's rule plan is compiled once (~0.1-0.5 s)
    full, ref, stages = [], [], []
    banded = [[(d, t) for d, t in zip(datas, texts, strict=True) if lo <= len(d) / 1024 < hi] for lo, hi in SIZE_BANDS]
    by_size: list[list[tuple[float, float]]] = [[] for _ in SIZE_BANDS]
    for _ in range(rounds):
        _forget_findings()
        full.append(_cpu(lambda: [cleaner.clean(d).to_dict() for d in datas]))
        ref.append(_cpu(lambda: [ftfy.fix_text(t) for t in texts]))
        _forget_findings()
        stages.append(stage_times(texts, config))
        for band, times in zip(banded, by_size, strict=True):
            if band:
                _forget_findings()
                times.append(
                    (
                        _cpu(lambda band=band: [cleaner.clean(d).to_dict() for d, _ in band]),
                        _cpu(lambda band=band: [ftfy.fix_text(t) for _, t in band]),
                    )
                )
    n = len(texts)
    kb = sum(len(d) for d in datas) / n / 1024
    total = statistics.median(full)
    lines.append(f"### Text path: {name} ({n} articles, {kb:.1f} KB on average)\n")
    lines.append(
        f"- cleaner (`Cleaner.clean` + `to_dict()`): **{n / total:,.0f} articles/s per core**, "
        f"{total / n * 1000:.2f} ms per article"
    )
    fr = statistics.median(ref)
    lines.append(
        f"- `ftfy.fix_text` alone on the same texts: {n / fr:,.0f} articles/s, {fr / n * 1000:.2f} ms per article"
    )
    lines.append(f"- cleaner / ftfy: {total / fr:.2f}×\n")
    lines.append("| stage | ms per article | share |")
    lines.append("| --- | ---: | ---: |")
    med = {k: statistics.median(s.get(k, 0.0) for s in stages) for k in stages[0]}
    summed = sum(med.values()) or 1.0
    for k, v in med.items():
        lines.append(f"| {k} | {v / n * 1000:.3f} | {v / summed:.0%} |")
    lines.append(f"| (sum of stages) | {summed / n * 1000:.3f} | |\n")
    lines.append("| size (UTF-8) | articles | mean KB | cleaner ms per article | ftfy ms per article | ratio |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    for (lo, hi), band, times in zip(SIZE_BANDS, banded, by_size, strict=True):
        if band:
            c = statistics.median(t[0] for t in times) / len(band) * 1000
            f = statistics.median(t[1] for t in times) / len(band) * 1000
            mean_kb = sum(len(d) for d, _ in band) / len(band) / 1024
            label = f"{lo:g}–{hi:g} KB" if hi < float("inf") else f"{lo:g} KB and more"
            lines.append(f"| {label} | {len(band)} | {mean_kb:.2f} | {c:.3f} | {f:.3f} | {c / f:.2f}× |")
    lines.append("")


def html_path(pages, rounds: int, lines: list[str]) -> None:
    import trafilatura

    from cleaner import Cleaner, clean

    htmls = [(p.html(), p.url or None) for p in pages]
    reused = Cleaner()
    for h, u in htmls[:5]:
        trafilatura.extract(h)
        trafilatura.extract(h, url=u, **SAME_SETTINGS)
        reused.clean(h, url=u, html=True)
        clean(h, url=u, html=True)
    times: dict[str, list[float]] = {"traf": [], "same": [], "api": [], "reused": []}
    for r in range(rounds):
        spent = dict.fromkeys(times, 0.0)
        for i, (h, u) in enumerate(htmls):
            calls = [
                ("traf", lambda h=h: trafilatura.extract(h)),
                ("same", lambda h=h, u=u: trafilatura.extract(h, url=u, **SAME_SETTINGS)),
                ("api", lambda h=h, u=u: clean(h, url=u, html=True)),
                ("reused", lambda h=h, u=u: reused.clean(h, url=u, html=True)),
            ]
            if (i + r) % 2:
                calls.reverse()
            for label, fn in calls:
                if label in ("api", "reused"):
                    _forget_findings()  # the other of the two cleaned this page just before
                spent[label] += _cpu(fn)
        for label, total in spent.items():
            times[label].append(total)
    n = len(htmls)
    t_traf, t_same = times["traf"], times["same"]
    traf = statistics.median(t_traf)
    lines.append(f"### HTML path against `trafilatura.extract` ({n} pages of the dev collections)\n")
    lines.append("| | ms per page | ratio to trafilatura (median of rounds; rounds) |")
    lines.append("| --- | ---: | --- |")
    lines.append(f"| `trafilatura.extract` (defaults) | {traf / n * 1000:.2f} | 1× |")
    for label, ts in (("`clean()`", times["api"]), ("reused `Cleaner`", times["reused"])):
        median, spread = _ratios(ts, t_traf)
        lines.append(f"| {label} | {statistics.median(ts) / n * 1000:.2f} | **{median}** {spread} |")
    lines.append("")
    lines.append(
        f"With the extraction settings the HTML path gives trafilatura (`favor_recall=True, include_comments=False`; "
        f"the defaults above also extract comments and, in balanced mode, retry short pages): `trafilatura.extract` "
        f"{statistics.median(t_same) / n * 1000:.2f} ms per page; `clean()` {' '.join(_ratios(times['api'], t_same))}, "
        f"reused `Cleaner` {' '.join(_ratios(times['reused'], t_same))} of it.\n"
    )


# trafilatura.extract with the extraction settings cleaner's HTML path uses (cleaner/html/bare.py)
SAME_SETTINGS = {"favor_recall": True, "include_comments": False}


def _ratios(ts: Sequence[float], ref: Sequence[float]) -> tuple[str, str]:
    """The median ratio of rounds and the rounds' ratios: ``("1.08×", "(1.07, 1.08, 1.09)")``."""
    ratios = sorted(x / y for x, y in zip(ts, ref, strict=True))
    return f"{statistics.median(ratios):.2f}×", f"({', '.join(f'{x:.2f}' for x in ratios)})"


def sizes(texts: Sequence[str], rounds: int, lines: list[str]) -> None:
    from cleaner import Cleaner, Config

    cleaner = Cleaner(Config(time_limit=0, max_input_chars=50_000_000))
    lines.append("### Cost against size (text path; one document made of the wild-dev articles, repeated past 1 MB)\n")
    lines.append("| document | ms | ms per MB | rounds | ms per MB, first rounds |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    pool = "\n\n".join(texts)
    debris = ("Also Read: Council votes on budget", "Share on Facebook", "READ MORE | City news today", "Advertisement")
    short = "\n".join(
        line
        for i in range(20_000)
        for line in (debris[i % 4], f"The council met on Tuesday to vote on the new budget for roads, item {i}.")
    )

    def timed(doc: str, lang: str | None = None) -> tuple[float, float, int]:
        """The median of the rounds, that of the first ``rounds`` of them, and their number. As a
        process cleaning such documents finds itself: the first cleaning of a document loads the
        models and compiles its language's rules, and a small one cleaned after a large one finds
        the processor's caches cold (~2x for 10 KB); so one untimed cleaning first."""
        cleaner.clean(doc, lang=lang)

        def once() -> float:
            _forget_findings()
            return _cpu(lambda: cleaner.clean(doc, lang=lang))

        times = [once() for _ in range(rounds)]
        while sum(times) < SIZE_SECONDS and len(times) < MAX_SIZE_ROUNDS:
            times.append(once())
        return statistics.median(times), statistics.median(times[:rounds]), len(times)

    for kb in SIZES_KB:
        target = kb * 1024
        doc = (pool * (target // max(1, len(pool.encode())) + 1)).encode("utf-8")[:target].decode("utf-8", "ignore")
        spent, first, n = timed(doc)
        mb = len(doc.encode()) / 2**20
        lines.append(f"| {kb:,} KB | {spent * 1000:,.1f} | {spent * 1000 / mb:,.0f} | {n} | {first * 1000 / mb:,.0f} |")
    spent, first, n = timed(short, "en")
    lines.append(
        f"| 40,000 short lines, half of them debris ({len(short.encode()) / 1024:,.0f} KB) | {spent * 1000:,.0f} "
        f"| | {n} | |\n"
    )


def _sizes_alone(data: Path, rounds: int) -> list[str]:
    lines: list[str] = []
    sizes([a.raw for a in load_wild(data)], rounds, lines)
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pages", type=int, default=150, help="HTML pages (aeb-dev first, then the others)")
    ap.add_argument("--skip", nargs="*", default=[], choices=["text", "html", "sizes"])
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args(argv)
    if not (args.data / "wild-dev").is_dir():
        print(f"skipped: no shared data at {args.data}")
        return 0
    wild = [a.raw for a in load_wild(args.data)]
    lines = [
        "# Speed (`python bench/speed.py`)\n",
        f"CPU time of one process, medians of {args.rounds} rounds; {time.strftime('%Y-%m-%d')}.\n",
    ]
    if "text" not in args.skip:
        text_path("wild-dev raw text", wild, args.rounds, lines)
        pages = [p for c in HTML_COLLECTIONS for p in load_pages(args.data, c)]
        inputs = scraper_inputs(pages)
        naive = [inputs[(p.collection, p.id)]["naive"] for p in pages][: len(wild)]
        text_path(f"naive paragraph join of the dev pages (first {len(naive)})", naive, args.rounds, lines)
    if "html" not in args.skip:
        pages = [p for c in HTML_COLLECTIONS for p in load_pages(args.data, c)][: args.pages]
        html_path(pages, args.rounds, lines)
    if "sizes" not in args.skip:
        # in a process of its own, as a batch worker cleans: not in one whose heap holds what the
        # sections above loaded and made (the HTML pages, their trees), which slows a 10 KB
        # document's cleaning by a fifth and a 1 MB one's by a twentieth
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            lines.extend(pool.submit(_sizes_alone, args.data, args.rounds).result())
    report = "\n".join(lines)
    print(report)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
