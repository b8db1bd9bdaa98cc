"""Per-language check of the i18n rule files (rules/i18n/<code>.yaml) against the shared data.

For each language:

- wild-dev articles in that language, cleaned with ``Cleaner().clean(raw, lang=code)``: labelled
  spans removed by category (a span counts as removed when >= 80% of its ``\\w+`` tokens are),
  and body tokens removed (every body removal is listed with its rule);
- the HTML collections' true bodies in that language fed as text: tokens removed, each false
  removal listed (the truth is article text, so every removal there is a false one);
- with ``--stress``: the language's i18n rules alone run on every true body of every collection
  and on every wild-dev article's clean text, whatever its language; every removal is listed.

``--before`` runs the same with the i18n rules ignored (the figures without them).

    .venv/bin/python bench/lexicon_check_eu.py [--data ../shared/data] [--langs de,fr] [--before] [--stress]
"""

from __future__ import annotations

import argparse
import difflib
import logging
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datasets import DEFAULT_DATA, html_collections, load_pages, load_wild  # noqa: E402
from cleaner import Cleaner  # noqa: E402
from cleaner.blocks import segment  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.lang import detect_language  # noqa: E402
from cleaner.result import Result, restore  # noqa: E402

log = logging.getLogger("lexicon_check")
EUROPEAN = ("de", "fr", "es", "pt", "it", "nl", "sv", "da", "no", "fi", "pl", "cs", "ru", "uk", "tr", "el")
TOKEN = re.compile(r"\w+")
SPAN_REMOVED = 0.8


def i18n_ids(cleaner: Cleaner, langs: tuple[str, ...]) -> tuple[str, ...]:
    """Ids of the per-language rules (``<category>.<name>.<code>``)."""
    return tuple(r.id for r in cleaner.rulebook.rules if r.id.rsplit(".", 1)[-1] in langs and "." in r.id)


def removed_tokens(raw: str, res: Result) -> list[str | None]:
    """For each ``\\w+`` token of ``raw``: the id of the rule that removed it, or None."""
    norm = restore(res)
    spans = sorted((r.start, r.end, r.rule) for r in res.removed if r.start is not None)

    def marks(text: str) -> tuple[list[str], list[str | None]]:
        toks, who = [], []
        i = 0
        for m in TOKEN.finditer(text):
            toks.append(m.group())
            while i < len(spans) and spans[i][1] <= m.start():
                i += 1
            hit = None
            for s, e, rule in spans[i : i + 4]:
                if s < m.end() and m.start() < e:
                    hit = rule
                    break
            who.append(hit)
        return toks, who

    norm_toks, norm_who = marks(norm)
    raw_toks = TOKEN.findall(raw)
    if raw_toks == norm_toks:
        return norm_who
    out: list[str | None] = ["<normalized>"] * len(raw_toks)  # a token normalization changed counts as touched
    sm = difflib.SequenceMatcher(None, raw_toks, norm_toks, autojunk=False)
    for a, b, n in sm.get_matching_blocks():
        out[a : a + n] = norm_who[b : b + n]
    return out


def token_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in TOKEN.finditer(text)]


def check_wild(cleaner: Cleaner, data: Path, langs: tuple[str, ...]) -> None:
    arts = [a for a in load_wild(data) if a.lang in langs]
    print("\n## wild-dev")
    print("lang | articles | spans removed / labelled | by category (removed/all) | body tokens removed / body")
    for lang in langs:
        la = [a for a in arts if a.lang == lang]
        if not la:
            continue
        by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        body_removed = body_total = 0
        removed_spans = labelled = 0
        body_hits: list[str] = []
        for a in la:
            res = cleaner.clean(a.raw, lang=lang)
            who = removed_tokens(a.raw, res)
            offs = token_spans(a.raw)
            in_span = [None] * len(offs)
            for k, (s, e, _cat) in enumerate(a.spans):
                for t, (ts, te) in enumerate(offs):
                    if ts < e and s < te:
                        in_span[t] = k
            for k, (_s, _e, cat) in enumerate(a.spans):
                idx = [t for t, sp in enumerate(in_span) if sp == k]
                labelled += 1
                by_cat[cat][1] += 1
                if idx and sum(1 for t in idx if who[t]) >= SPAN_REMOVED * len(idx):
                    removed_spans += 1
                    by_cat[cat][0] += 1
            hits: dict[str, list[str]] = defaultdict(list)
            for t, sp in enumerate(in_span):
                if sp is None:
                    body_total += 1
                    if who[t]:
                        body_removed += 1
                        hits[who[t]].append(a.raw[offs[t][0] : offs[t][1]])
            for rule, ws in hits.items():
                body_hits.append(f"    {a.id} {rule}: {' '.join(ws)[:160]}")
        cats = ", ".join(f"{c} {v[0]}/{v[1]}" for c, v in sorted(by_cat.items()))
        print(f"{lang} | {len(la)} | {removed_spans}/{labelled} | {cats} | {body_removed}/{body_total}")
        for line in body_hits:
            print(line)


def truth_pages(data: Path) -> list[tuple[str, str, str]]:
    """(collection/id, language, true body) for every page of every HTML collection."""
    out = []
    cfg = Config()
    for coll in html_collections(data):
        for p in load_pages(data, coll):
            if p.truth.strip():
                lang = detect_language(segment(p.truth), cfg).code
                out.append((f"{coll}/{p.id}", lang, p.truth))
    return out


def check_truths(cleaner: Cleaner, pages: list[tuple[str, str, str]], langs: tuple[str, ...]) -> None:
    print("\n## HTML collections' true bodies fed as text")
    print("lang | pages | tokens removed / total")
    for lang in langs:
        lp = [p for p in pages if p[1] == lang]
        if not lp:
            continue
        removed = total = 0
        hits = []
        for pid, _lang, truth in lp:
            res = cleaner.clean(truth, lang=lang)
            who = removed_tokens(truth, res)
            total += len(who)
            removed += sum(1 for w in who if w)
            for r in res.removed:
                hits.append(f"    {pid} {r.rule}: {r.text[:140]!r}")
        print(f"{lang} | {len(lp)} | {removed}/{total} ({100 * removed / max(total, 1):.2f}%)")
        for line in hits:
            print(line)


def check_stress(cleaner: Cleaner, data: Path, pages: list[tuple[str, str, str]], langs: tuple[str, ...]) -> None:
    """Each language's rules alone on every true body and every wild-dev clean text."""
    texts = [(pid, truth) for pid, _l, truth in pages]
    texts += [(f"wild/{a.id}/{a.lang}", a.clean) for a in load_wild(data)]
    print(f"\n## stress: each language's rules alone on {len(texts)} clean texts of every language")
    for lang in langs:
        ids = i18n_ids(cleaner, (lang,))
        if not ids:
            continue
        alone = Cleaner(Config(select=ids))
        hits = Counter()
        lines = []
        for pid, text in texts:
            res = alone.clean(text, lang=lang)
            for r in res.removed:
                hits[r.rule] += 1
                lines.append(f"    {pid} {r.rule}: {r.text[:140]!r}")
        print(f"{lang} | {len(ids)} rules | {sum(hits.values())} removals")
        for line in lines:
            print(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--langs", default=",".join(EUROPEAN))
    ap.add_argument("--before", action="store_true", help="ignore the i18n rules (the figures without them)")
    ap.add_argument("--stress", action="store_true", help="also run each language's rules on every clean text")
    args = ap.parse_args(argv)
    if not (args.data / "wild-dev" / "articles.jsonl").exists():
        log.warning("shared data not found at %s; nothing to check", args.data)
        return 0
    langs = tuple(x.strip() for x in args.langs.split(",") if x.strip())
    base = Cleaner()
    cleaner = Cleaner(Config(ignore=i18n_ids(base, EUROPEAN))) if args.before else base
    print(f"# lexicon check ({'without' if args.before else 'with'} the i18n rules), languages {','.join(langs)}")
    check_wild(cleaner, args.data, langs)
    pages = truth_pages(args.data)
    check_truths(cleaner, pages, langs)
    if args.stress and not args.before:
        check_stress(cleaner, args.data, pages, langs)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    raise SystemExit(main())
