"""Article-extraction benchmark: trafilatura defaults vs cleaner's HTML path.

    python bench/aeb.py [DATA_DIR] [--show-extra] [--only ID ...] [--no-rules]

DATA_DIR defaults to ../shared/data/aeb-dev relative to the repository root; it holds
html/<id>.html.gz and ground-truth.json ({id: {url, articleBody}}). The data is read in
place, never copied. See bench/measure.py for the measure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.measure import aggregate, extra_lines, score  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "aeb-dev"


def load_pages(data: Path, only: list[str] | None = None) -> list[tuple[str, str, str, bytes]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(truth):
        if only and pid not in only:
            continue
        path = data / "html" / f"{pid}.html.gz"
        if not path.exists():
            continue
        pages.append(
            (pid, truth[pid].get("url") or "", truth[pid].get("articleBody") or "", gzip.decompress(path.read_bytes()))
        )
    return pages


def cleaner_runner(no_rules: bool = False, html_only: bool = False):
    """(label, fn(html_bytes, url) -> text); the full pipeline when it exists, else the HTML stage."""
    if not (no_rules or html_only):
        try:
            from cleaner import Cleaner  # type: ignore[attr-defined]

            c = Cleaner()
            if hasattr(c, "clean"):

                def run_full(data: bytes, url: str) -> str:
                    return c.clean(data, url=url or None).text

                return "cleaner (full pipeline)", run_full
        except Exception:  # the pipeline may not exist yet
            pass
    from cleaner.config import Config
    from cleaner.html import default_rule_paths, extract, load_html_rules

    rules = [] if no_rules else load_html_rules(default_rule_paths())
    config = Config()

    def run_html(data: bytes, url: str) -> str:
        ex = extract(data, url=url or None, html_rules=rules, config=config)
        return "\n\n".join(text for _, text, _ in ex.blocks)

    return ("cleaner html-stage only" + (" (no rules)" if no_rules else f" ({len(rules)} rules)")), run_html


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="benchmark folder (default: %(default)s)")
    ap.add_argument(
        "--show-extra", action="store_true", help="per page, print kept lines whose shingles the truth lacks"
    )
    ap.add_argument("--show-missing", action="store_true", help="per page, print truth lines cleaner lost")
    ap.add_argument("--only", nargs="*", help="page ids to run")
    ap.add_argument("--no-rules", action="store_true", help="HTML stage only, without HTML rules")
    ap.add_argument("--html-only", action="store_true", help="HTML stage only, even when the full pipeline exists")
    ap.add_argument("--repeat", type=int, default=1, help="time each extractor this many times, keep the best")
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"skipped: benchmark data not found at {args.data}")
        return 0
    pages = load_pages(args.data, args.only)
    import trafilatura

    label, run = cleaner_runner(args.no_rules, args.html_only)
    # warm up imports and caches so neither side pays one-off costs (lazily loaded models such
    # as langdetect's profiles load on the first page that needs them, not on the first page)
    for _pid, url, _truth, data in pages:
        trafilatura.extract(data, url=url or None)
        run(data, url)

    def timed(fn):
        best = None
        outs: list[str] = []
        for _ in range(max(1, args.repeat)):
            outs = []
            t0 = time.perf_counter()
            for _pid, url, _truth, data in pages:
                outs.append(fn(data, url) or "")
            t = time.perf_counter() - t0
            best = t if best is None else min(best, t)
        return outs, best or 0.0

    traf_out, traf_t = timed(lambda d, u: trafilatura.extract(d, url=u or None))
    ours_out, ours_t = timed(run)
    traf_scores = [score(o, p[2]) for o, p in zip(traf_out, pages, strict=True)]
    ours_scores = [score(o, p[2]) for o, p in zip(ours_out, pages, strict=True)]
    a, b = aggregate(traf_scores), aggregate(ours_scores)
    print(f"{len(pages)} pages from {args.data}")
    print(f"{'':28s} {'F1':>7s} {'prec':>7s} {'recall':>7s} {'acc':>7s} {'time s':>8s}")
    print(f"{'trafilatura.extract':28s} {a.f1:7.4f} {a.precision:7.4f} {a.recall:7.4f} {a.accuracy:7.3f} {traf_t:8.2f}")
    print(f"{label[:28]:28s} {b.f1:7.4f} {b.precision:7.4f} {b.recall:7.4f} {b.accuracy:7.3f} {ours_t:8.2f}")
    if label.startswith("cleaner") and len(label) > 28:
        print(f"  ({label})")
    print(f"time ratio {ours_t / traf_t if traf_t else float('nan'):.3f}x")
    if args.show_extra or args.show_missing:
        for (pid, url, truth, _), o, st, so in zip(pages, ours_out, traf_scores, ours_scores, strict=True):
            extra = extra_lines(o, truth) if args.show_extra else []
            missing = extra_lines(truth, o) if args.show_missing else []
            if not extra and not missing:
                continue
            print(f"\n== {pid} {url}  P {st.precision:.3f}->{so.precision:.3f} R {st.recall:.3f}->{so.recall:.3f}")
            for line in extra:
                print(f"  + {line[:200]}")
            for line in missing:
                print(f"  - {line[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
