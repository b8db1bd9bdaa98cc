"""Language identification: py3langid, lingua and langdetect on wild-dev, for accuracy and time.

Three kinds of input, all from ``wild-dev/articles.jsonl`` (gold ``lang`` per article):

- ``whole``: each article's raw text;
- ``short``: single lines of 30-200 characters of each article's clean text (at most 5 per
  article, the first ones, so that no long article dominates);
- ``mixed``: an article's first 75% (by characters, cut at a space) followed by 25% of an
  article in another language; the right answer is the first article's language.

Time is CPU ms per 3 KB article: each wild-dev article repeated or cut to 3 KB of UTF-8, the
median of several rounds that alternate the detectors. The libraries read the whole text;
"cleaner" is ``cleaner.lang.detect_language`` as the pipeline calls it (on its bounded paragraph
sample, with its fast paths; segmentation, another stage, is not timed); "langdetect@300" is the
previous pipeline's call (langdetect, seed 0, 3 trials, on the first 300 characters).

    .venv/bin/python bench/langid.py [--data ../shared/data] [--rounds 3] [--skip lingua-high]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
Detector = Callable[[str], str]


def base(code: str) -> str:
    from cleaner.langcodes import base_language

    return base_language(code) or "und"


def make_detectors(skip: set[str]) -> dict[str, Detector]:
    out: dict[str, Detector] = {}
    if "langdetect" not in skip:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.lang_detect_exception import LangDetectException

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)

        def langdetect(text: str) -> str:
            d = factory.create()
            d.seed = 0
            d.append(text)
            try:
                return base(d.detect())
            except LangDetectException:
                return "und"

        out["langdetect"] = langdetect

        def langdetect_300(text: str) -> str:  # how cleaner called it before py3langid
            d = factory.create()
            d.seed = 0
            d.n_trial = 3
            d.append(text[:300])
            try:
                return base(d.get_probabilities()[0].lang)
            except (LangDetectException, IndexError):
                return "und"

        out["langdetect@300"] = langdetect_300
    if "py3langid" not in skip:
        import py3langid

        ident = py3langid.langid.LanguageIdentifier.from_model_file(py3langid.langid.MODEL_FILE, norm_probs=False)

        def py3(text: str) -> str:
            return base(ident.classify(text)[0])

        out["py3langid"] = py3
    for mode in ("lingua-low", "lingua-high"):
        if mode in skip:
            continue
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages()
        if mode == "lingua-low":
            builder = builder.with_low_accuracy_mode()
        det = builder.with_preloaded_language_models().build()

        def lingua(text: str, det=det) -> str:
            lang = det.detect_language_of(text)
            return base(lang.iso_code_639_1.name.lower()) if lang is not None else "und"

        out[mode] = lingua
    if "cleaner" not in skip:
        from cleaner import blocks as blocks_mod
        from cleaner.config import Config
        from cleaner.lang import detect_language

        config = Config()
        segmented: dict[str, tuple] = {}  # segmentation is another stage: not timed here

        def cleaner_lang(text: str) -> str:
            blocks = segmented.get(text)
            if blocks is None:
                blocks = segmented[text] = blocks_mod.segment(text)
            return detect_language(blocks, config).code

        out["cleaner"] = cleaner_lang
    return out


def load(data: Path) -> list[dict]:
    path = data / "wild-dev" / "articles.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_SENTENCE_END = re.compile(r"(?<=[.!?\u0964\u3002])\s+")


def short_blocks(rows: list[dict]) -> list[tuple[str, str]]:
    """Lines of 30-200 characters; for an article without any (one flat line), its sentences of that length."""
    out = []
    for r in rows:
        lines = [ln.strip() for ln in r["clean"].splitlines()]
        picked = [ln for ln in lines if 30 <= len(ln) <= 200][:5]
        if not picked:
            picked = [s.strip() for s in _SENTENCE_END.split(r["clean"]) if 30 <= len(s.strip()) <= 200][:5]
        out.extend((ln, r["lang"]) for ln in picked)
    return out


def mixed(rows: list[dict]) -> list[tuple[str, str]]:
    """Each article (of 400+ characters) with a quarter of the next article in another language appended."""
    long_rows = [r for r in rows if len(r["clean"]) >= 400]
    out = []
    for i, r in enumerate(long_rows):
        other = next((o for o in long_rows[i + 1 :] + long_rows[:i] if o["lang"] != r["lang"]), None)
        if other is None:
            continue
        a = r["clean"]
        cut = a.rfind(" ", 0, int(len(a) * 0.75)) if " " in a else int(len(a) * 0.75)
        head = a[: cut if cut > 0 else int(len(a) * 0.75)]
        tail = other["clean"][: max(1, len(head) // 3)]
        out.append((head + "\n" + tail, r["lang"]))
    return out


def accuracy(det: Detector, items: list[tuple[str, str]]) -> float:
    return sum(det(t) == gold for t, gold in items) / len(items)


def per_language(det: Detector, items: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = {}
    for t, gold in items:
        ok = det(t) == gold
        c = out.setdefault(gold, [0, 0])
        c[0] += ok
        c[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def three_kb(text: str) -> str:
    """The article repeated or cut to 3 KB of UTF-8 (at a character boundary)."""
    data = (text + "\n") * (3072 // max(1, len(text.encode("utf-8"))) + 1)
    return data.encode("utf-8")[:3072].decode("utf-8", errors="ignore")


def timing(dets: dict[str, Detector], texts: list[str], rounds: int) -> dict[str, float]:
    """Median over rounds of CPU ms per text; detectors alternate within each round."""
    samples: dict[str, list[float]] = {k: [] for k in dets}
    for _ in range(rounds):
        for name, det in dets.items():
            t0 = time.process_time()
            for t in texts:
                det(t)
            samples[name].append((time.process_time() - t0) * 1000 / len(texts))
    return {k: sorted(v)[len(v) // 2] for k, v in samples.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--skip", action="append", default=[], help="detector to leave out (repeatable)")
    ap.add_argument("--by-lang", action="store_true", help="also print accuracy per gold language")
    args = ap.parse_args()
    if not (args.data / "wild-dev" / "articles.jsonl").exists():
        raise SystemExit(f"{args.data}/wild-dev/articles.jsonl is absent")
    rows = load(args.data)
    whole = [(r["raw"], r["lang"]) for r in rows]
    short = short_blocks(rows)
    mix = mixed(rows)
    dets = make_detectors(set(args.skip))
    texts3k = [three_kb(t) for t, _ in whole]
    for name, det in dets.items():  # warm-up: lazy model loading (and cleaner's segmentation) is not timed
        for t in texts3k if name == "cleaner" else texts3k[:1]:
            det(t)
    times = timing(dets, texts3k, args.rounds)
    print(f"wild-dev: {len(whole)} articles, {len(short)} short blocks, {len(mix)} mixed texts; {args.rounds} rounds")
    print(f"{'detector':<15} {'whole':>7} {'short':>7} {'mixed':>7} {'ms/3KB':>8}")
    for name, det in dets.items():
        print(
            f"{name:<15} {accuracy(det, whole):7.3f} {accuracy(det, short):7.3f} {accuracy(det, mix):7.3f} {times[name]:8.3f}"
        )
    if args.by_lang:
        langs = sorted({g for _, g in whole})
        print("\nper language, whole / short (correct of total)")
        print("lang  " + "  ".join(f"{n:>20}" for n in dets))  # noqa: E501
        tables = {n: (per_language(d, whole), per_language(d, short)) for n, d in dets.items()}
        for lang in langs:
            cells = []
            for n in dets:
                w, s = tables[n][0].get(lang, (0, 0)), tables[n][1].get(lang, (0, 0))
                cells.append(f"{w[0]:>3}/{w[1]:<3} {s[0]:>4}/{s[1]:<4}")
            print(f"{lang:<5} " + "  ".join(f"{c:>20}" for c in cells))


if __name__ == "__main__":
    main()
