"""Idempotence over the dev collections: cleaning the clean text again changes nothing.

Text inputs (wild-dev's raw texts, the scraper-style texts of every HTML page): ``clean(clean(x).text).text
== clean(x).text``. HTML pages: the HTML path's output, cleaned as text, is stable (``strict``: cleaning it as
text removes nothing, whatever Markdown markers its clean text drops; ``stable``: the text path's own output
is a fixed point). Text inputs also as the pre-commit use meets them (``--parts fix``): a file that ``fix``
rewrote (cutting the removals from the file as written, Markdown markers and line breaks kept), on which
``check`` must then find nothing. Prints the failures, the counts per collection and what the second
cleanings removed, by rule."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datasets import DEFAULT_DATA, html_collections, load_pages, load_wild, scraper_inputs  # noqa: E402
from cleaner import Cleaner  # noqa: E402
from cleaner.corpus.lint import Fields, inspect_file  # noqa: E402


def _diff(a: str, b: str) -> str:
    import difflib

    out = [d for d in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0) if d[:1] in "+-"]
    return "\n".join(out[2:8])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--parts", nargs="*", default=["wild", "html", "recall", "naive", "fix"])
    ap.add_argument("--show", type=int, default=5)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} is absent: nothing to measure", file=sys.stderr)
        return 0
    cleaner = Cleaner()
    counts: Counter[tuple[str, str]] = Counter()
    shown: Counter[str] = Counter()
    rules: Counter[str] = Counter()  # what the second cleaning removed, by part and rule

    scratch_dir = tempfile.TemporaryDirectory(prefix="cleaner-idem-")
    scratch = Path(scratch_dir.name) / "article.txt"

    def fix_then_check(label: str, key: str, x: str) -> None:
        """``fix`` on a file holding ``x``, then ``check`` on what it wrote: nothing to find."""
        scratch.write_text(x, encoding="utf-8")
        fixed = inspect_file(scratch, cleaner, Fields()).fixed
        if fixed is None:
            return
        counts[(label, "fixed")] += 1
        scratch.write_bytes(fixed)
        found = inspect_file(scratch, cleaner, Fields()).findings
        if found:
            counts[(label, "found after fix")] += 1
            rules.update(f"{label} (check after fix): {f.rule}" for f in found)
            if shown[label] < args.show:
                shown[label] += 1
                print(f"--- {label} {key} (check after fix)\n" + "\n".join(str(f) for f in found[:3]))

    def check(label: str, key: str, x: str | bytes, html: bool, url: str | None = None) -> None:
        if not html and "fix" in args.parts:
            fix_then_check(label, key, x if isinstance(x, str) else x.decode("utf-8", "replace"))
        first = cleaner.clean(x, html=html, url=url).text
        again = cleaner.clean(first, html=False)
        second = again.text
        counts[(label, "n")] += 1
        if html:
            third = cleaner.clean(second, html=False).text
            if third != second:
                counts[(label, "unstable")] += 1
            # strict: cleaning the HTML output as text removes nothing; the text path's clean text
            # drops Markdown markers ('## ' of a heading), which is layout, not a removal
            if not again.removed:
                if second != first:
                    counts[(label, "markers only")] += 1
                return
            counts[(label, "changed")] += 1
            rules.update(f"{label}: {r.rule}" for r in again.removed)
            if "".join(second.split()) == "".join(first.split()):
                counts[(label, "whitespace only")] += 1
            if shown[label] < args.show:
                shown[label] += 1
                print(f"--- {label} {key}\n{_diff(first, second)}")
        elif second != first:
            counts[(label, "changed")] += 1
            rules.update(f"{label}: {r.rule}" for r in again.removed)
            if shown[label] < args.show:
                shown[label] += 1
                print(f"--- {label} {key}\n{_diff(first, second)}")

    with scratch_dir:
        _run(args, check)
    print(
        "\n| part | n | changed by a second clean (HTML: it removed something) | of them in whitespace only "
        "| HTML: only Markdown markers dropped | unstable after two (HTML) | text files `fix` rewrote "
        "| of them, `check` then found something |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for label in dict.fromkeys(k[0] for k in counts):
        html = label.endswith("/html")
        unstable = counts[(label, "unstable")] if html else ""
        markers = counts[(label, "markers only")] if html else ""
        fixed = "" if html or "fix" not in args.parts else counts[(label, "fixed")]
        after = "" if html or "fix" not in args.parts else counts[(label, "found after fix")]
        print(
            f"| {label} | {counts[(label, 'n')]} | {counts[(label, 'changed')]} | {counts[(label, 'whitespace only')]} "
            f"| {markers} | {unstable} | {fixed} | {after} |"
        )
    if rules:
        print("\nRemoved by the second cleaning (part: rule, removals):")
        for k, v in rules.most_common():
            print(f"- {k}: {v}")
    return 0


def _run(args: argparse.Namespace, check: Callable[..., None]) -> None:
    """Every input of the parts asked for, through ``check``."""
    if "wild" in args.parts:
        for art in load_wild(args.data, args.limit):
            check("wild-dev", art.id, art.raw, False)
    for coll in html_collections(args.data):
        pages = load_pages(args.data, coll, args.limit)
        if "html" in args.parts:
            for p in pages:
                check(f"{coll}/html", p.id, p.html(), True, p.url or None)
        if {"recall", "naive"} & set(args.parts):
            inputs = scraper_inputs(pages)
            for p in pages:
                for kind in ("recall", "naive"):
                    if kind in args.parts:
                        check(f"{coll}/{kind}", p.id, inputs[(p.collection, p.id)][kind], False)


if __name__ == "__main__":
    raise SystemExit(main())
