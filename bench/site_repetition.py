"""Site-level repetition (rule ``repeat.site``) measured on the shared collections, grouped by site.

wild-dev (scraped text with labelled debris spans): for the plain cleaner and with site-level
repetition on, the labelled spans removed (half or more of a span's characters removed), the body
characters removed (outside every span) and the debris-free articles touched, plus what
``repeat.site`` alone removed. The HTML collections' scraper-style text (trafilatura favor_recall
``recall`` and a naive BeautifulSoup join ``naive``, see bench/datasets.py): the blocks
``repeat.site`` removed, their tokens, how many of those tokens are in the page's true body, and
the shingle F1 against the truth with and without it. Site: wild-dev's ``site`` field; for the
HTML pages the URL's host.

    .venv/bin/python bench/site_repetition.py [../shared/data] [--min-site-docs 10]
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datasets import DEFAULT_DATA, html_collections, load_pages, load_wild, scraper_inputs  # noqa: E402
from bench.measure import aggregate, score, tokens  # noqa: E402
from cleaner import Config  # noqa: E402
from cleaner.normalize import normalize  # noqa: E402
from cleaner.repetition import Doc, RepeatSettings, site_from_url, two_pass  # noqa: E402
from cleaner.result import Result, restore  # noqa: E402

RULE = "repeat.site"


@dataclass
class WildTally:
    spans: int = 0
    spans_removed: int = 0
    body_chars: int = 0
    body_removed: int = 0
    clean_articles: int = 0
    clean_touched: int = 0
    rule_blocks: int = 0
    rule_in_debris: int = 0  # repeat.site removals mostly inside labelled spans
    rule_body_chars: int = 0


def _intervals(result: Result, norm: str, raw: str, rule: str | None = None) -> list[tuple[int, int]]:
    """Removed text-stage intervals, in raw offsets (raw == normalized for most articles; else the
    removed pieces are found in raw in order)."""
    out = []
    pos = 0
    for r in result.removed:
        if r.start is None or (rule and r.rule != rule):
            continue
        if norm == raw:
            out.append((r.start, r.end))
            continue
        at = raw.find(r.text, pos)
        if at >= 0:
            out.append((at, at + len(r.text)))
            pos = at + len(r.text)
    return out


def _covered(a: int, b: int, cuts: list[tuple[int, int]]) -> int:
    return sum(max(0, min(b, e) - max(a, s)) for s, e in cuts)


def _nonspace(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def wild(data: Path, settings: RepeatSettings) -> None:
    arts = load_wild(data)
    docs = [Doc(a.raw, id=a.id, site=a.site, lang=a.lang if a.lang != "und" else None) for a in arts]
    sites = Counter(a.site for a in arts)
    print(
        f"\n## wild-dev: {len(arts)} articles, {len(sites)} sites; sites with >= {settings.min_site_docs} "
        f"articles: {sum(n >= settings.min_site_docs for n in sites.values())} "
        f"({sum(n for n in sites.values() if n >= settings.min_site_docs)} articles)"
    )
    base = Config(repetition=settings)
    from cleaner.pipeline import Cleaner

    plain = Cleaner(base)
    rows = []
    for label, results in (
        ("cleaner", [plain.clean(d.data, lang=d.lang) for d in docs]),
        ("cleaner + site repetition", list(two_pass(docs, base))),
    ):
        t = WildTally()
        for a, res in zip(arts, results, strict=True):
            norm = restore(res)
            cuts = _intervals(res, norm, a.raw)
            rule_cuts = _intervals(res, norm, a.raw, RULE)
            inside = [False] * len(a.raw)
            for s, e, _ in a.spans:
                t.spans += 1
                n = _nonspace(a.raw[s:e]) or 1
                got = sum(1 for i in range(s, e) if not a.raw[i].isspace() and _covered(i, i + 1, cuts))
                t.spans_removed += got * 2 >= n
                for i in range(s, e):
                    inside[i] = True
            body_removed = sum(
                1 for i, ch in enumerate(a.raw) if not inside[i] and not ch.isspace() and _covered(i, i + 1, cuts)
            )
            t.body_chars += sum(1 for i, ch in enumerate(a.raw) if not inside[i] and not ch.isspace())
            t.body_removed += body_removed
            if not a.spans:
                t.clean_articles += 1
                t.clean_touched += bool(cuts)
            for s, e in rule_cuts:
                t.rule_blocks += 1
                in_debris = sum(1 for i in range(s, e) if inside[i] and not a.raw[i].isspace())
                t.rule_in_debris += in_debris * 2 >= (_nonspace(a.raw[s:e]) or 1)
                t.rule_body_chars += sum(1 for i in range(s, e) if not inside[i] and not a.raw[i].isspace())
        rows.append((label, t))
    print("| run | spans removed | body chars removed | debris-free articles touched |")
    print("| --- | --- | --- | --- |")
    for label, t in rows:
        print(
            f"| {label} | {t.spans_removed} of {t.spans} ({t.spans_removed / t.spans:.1%}) | "
            f"{t.body_removed} of {t.body_chars} ({t.body_removed / t.body_chars:.3%}) | "
            f"{t.clean_touched} of {t.clean_articles} |"
        )
    t = rows[1][1]
    print(
        f"\n`{RULE}` alone: {t.rule_blocks} blocks removed, {t.rule_in_debris} of them inside labelled debris, "
        f"{t.rule_body_chars} body characters; spans gained: {t.spans_removed - rows[0][1].spans_removed}"
    )


def html(data: Path, settings: RepeatSettings) -> None:
    cfg = Config(repetition=settings)
    for coll in html_collections(data):
        pages = load_pages(data, coll)
        inputs = scraper_inputs(pages)
        sites = Counter(site_from_url(p.url) or "" for p in pages)
        big = sum(n >= settings.min_site_docs for s, n in sites.items() if s)
        print(f"\n## {coll}: {len(pages)} pages, {len(sites)} sites, {big} with >= {settings.min_site_docs} pages")
        print("| input | repeat.site blocks | tokens removed | of them in the true body | F1 without | F1 with |")
        print("| --- | --- | --- | --- | --- | --- |")
        for kind in ("recall", "naive"):
            docs = [
                Doc(
                    inputs[(coll, p.id)][kind] or " ",
                    url=p.url or None,
                    html=False,
                    lang=inputs[(coll, p.id)]["lang"] if inputs[(coll, p.id)]["lang"] != "und" else None,
                )
                for p in pages
            ]
            from cleaner.pipeline import Cleaner

            plain = Cleaner(cfg)
            without = [plain.clean(d.data, lang=d.lang, html=False) for d in docs]
            with_ = list(two_pass(docs, cfg))
            blocks = removed_tokens = body_tokens = 0
            for p, res in zip(pages, with_, strict=True):
                truth = Counter(tokens(normalize(p.truth).text))
                for r in res.removed:
                    if r.rule != RULE:
                        continue
                    blocks += 1
                    toks = Counter(tokens(r.text))
                    removed_tokens += sum(toks.values())
                    body_tokens += sum((toks & truth).values())
            f_without = aggregate(score(r.text, p.truth) for p, r in zip(pages, without, strict=True)).f1
            f_with = aggregate(score(r.text, p.truth) for p, r in zip(pages, with_, strict=True)).f1
            print(f"| {kind} | {blocks} | {removed_tokens} | {body_tokens} | {f_without:.4f} | {f_with:.4f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-site-docs", type=int, default=RepeatSettings().min_site_docs)
    ap.add_argument("--min-docs", type=int, default=RepeatSettings().min_docs)
    ap.add_argument("--skip-html", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if not (args.data / "wild-dev").is_dir():
        sys.exit(f"no shared data at {args.data}")
    settings = replace(RepeatSettings(), min_site_docs=args.min_site_docs, min_docs=args.min_docs)
    print(f"settings: {settings}")
    wild(args.data, settings)
    if not args.skip_html:
        html(args.data, settings)


if __name__ == "__main__":
    main()
