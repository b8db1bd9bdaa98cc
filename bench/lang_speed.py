"""The language stage alone (issue 13): CPU ms per wild-dev article, and where it goes.

    .venv/bin/python bench/lang_speed.py [--data ../shared/data] [--rounds 5]

One pass of ``Cleaner.clean`` over wild-dev records what the pipeline hands the language stage
(``detect_language`` on the blocks, ``detect_again`` on the blocks and the removals); the stage is
then replayed on those inputs ``--rounds`` times, and the replayed decisions are checked against
the pass's. Prints the stage's ms per article (median, best), the calls, and the split between the
script scan, py3langid and the rest. Nothing is written.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.datasets import DEFAULT_DATA, load_wild  # noqa: E402


def _recorded(data: Path) -> tuple[int, list[tuple[Callable[..., Any], tuple, dict, Any]]]:
    import cleaner.pipeline as pipeline
    from cleaner import Cleaner

    calls: list[tuple[Callable[..., Any], tuple, dict, Any]] = []

    def recording(fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            out = fn(*args, **kwargs)
            calls.append((fn, args, kwargs, out))
            return out

        return call

    articles = load_wild(data)
    cleaner = Cleaner()
    detect, again = pipeline.detect_language, pipeline.detect_again
    pipeline.detect_language, pipeline.detect_again = recording(detect), recording(again)
    try:
        for a in articles:
            cleaner.clean(a.raw)
    finally:
        pipeline.detect_language, pipeline.detect_again = detect, again
    return len(articles), calls


def _timed(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - t

    return call


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    if not (args.data / "wild-dev").is_dir():
        print(f"skipped: wild-dev not found under {args.data}")
        return 0
    import cleaner.lang as lang

    n, calls = _recorded(args.data)
    rounds: list[float] = []
    for _ in range(args.rounds):
        t = time.process_time()
        wrong = sum(fn(*a, **kw) != out for fn, a, kw, out in calls)
        rounds.append((time.process_time() - t) * 1000 / n)
        if wrong:
            print(f"{wrong} replayed decisions differ from the pipeline's")
            return 1
    # the split, in one more round (the timers cost ~1 µs a call)
    scan, model = [0.0], [0.0]
    counts = {"scan": 0, "model": 0}
    plain_scan, plain_model = lang._scan, lang._model
    lang._model.cache_clear()

    def counted(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            counts[name] += 1
            return fn(*args)

        return call

    lang._scan = _timed(counted("scan", plain_scan), scan)  # type: ignore[assignment]
    lang._model = _timed(counted("model", plain_model), model)  # type: ignore[assignment]
    try:
        t = time.process_time()
        for fn, a, kw, _ in calls:
            fn(*a, **kw)
        total = time.process_time() - t
    finally:
        lang._scan, lang._model = plain_scan, plain_model  # type: ignore[assignment]
    detects = sum(fn.__name__ == "detect_language" for fn, *_ in calls)
    print(f"language stage on wild-dev ({n} articles): {statistics.median(rounds):.3f} ms per article")
    print(f"  (median of {args.rounds} rounds; best {min(rounds):.3f}; rounds {', '.join(f'{r:.3f}' for r in rounds)})")
    print(f"  calls: detect_language {detects}, detect_again {len(calls) - detects}")
    print(f"  script scan: {counts['scan']} calls, {scan[0] * 1000 / n:.3f} ms per article")
    misses = plain_model.cache_info().misses
    print(
        f"  py3langid: {counts['model']} calls ({misses} scored, the others cached), {model[0] * 1000 / n:.3f} ms per article"
    )
    print(f"  rest (samples, stop words, survivors): {(total - scan[0] - model[0]) * 1000 / n:.3f} ms per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
