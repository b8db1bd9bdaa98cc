"""Per-language check of the text rules: what they remove on wild-dev and on the HTML truths.

For each language asked for (``--langs bn,ko,id``):

- wild-dev articles in that language, cleaned as text with the language given: labelled debris
  spans removed, by category (a span counts as removed when at least 80% of its ``\\w+`` tokens
  are removed), and body tokens removed, each body removal listed with its rule;
- the HTML collections' true bodies whose detected language is that language, fed as text with
  the language given: tokens removed (the truth is all body, so every removal is false), each
  listed with its rule.

``--rules-only PREFIXES`` limits the figures to removals whose rule id ends in one of the given
language suffixes (``.bn``) or starts with a prefix, to see what the language's own rules do.

Run: ``.venv/bin/python bench/lexicon_check.py --langs bn,ko,id,vi,th,hi,zh,ja,ar,hy,ml``
"""

from __future__ import annotations

import argparse
import difflib
import logging
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.datasets import DEFAULT_DATA, html_collections, load_pages, load_wild  # noqa: E402
from cleaner import Cleaner  # noqa: E402
from cleaner.blocks import segment  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.decode import decode_text  # noqa: E402
from cleaner.lang import detect_language  # noqa: E402
from cleaner.model import Removal  # noqa: E402
from cleaner.normalize import normalize  # noqa: E402

log = logging.getLogger("lexicon_check")
TOKEN = regex.compile(r"\w+")
SPAN_REMOVED = 0.8


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    key: str  # NFC form, to align raw and normalized text


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), unicodedata.normalize("NFC", m.group())) for m in TOKEN.finditer(text)]


def removed_tokens(raw: str, removals: tuple[Removal, ...]) -> tuple[list[Token], list[str | None]]:
    """The raw text's tokens and, for each, the rule that removed it (None: kept)."""
    norm = normalize(decode_text(raw, max_chars=Config().max_input_chars)[0]).text
    cut: list[str | None] = [None] * len(norm)
    for r in removals:
        if r.start is not None and r.end is not None:
            for i in range(r.start, r.end):
                cut[i] = r.rule
    ntoks = tokens(norm)
    # a token counts as removed when most of its characters are (a cut inside a fused token,
    # "…ครับFacebook:", removes the token only if it takes most of it)
    nflag = [_majority(cut[t.start : t.end]) for t in ntoks]
    rtoks = tokens(raw)
    if [t.key for t in rtoks] == [t.key for t in ntoks]:
        return rtoks, nflag
    flags: list[str | None] = [None] * len(rtoks)
    sm = difflib.SequenceMatcher(None, [t.key for t in rtoks], [t.key for t in ntoks], autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            flags[a + k] = nflag[b + k]
    return rtoks, flags


def _majority(marks: list[str | None]) -> str | None:
    hits = [m for m in marks if m]
    return hits[0] if len(hits) * 2 > len(marks) else None


def owned(rule: str | None, suffixes: tuple[str, ...]) -> bool:
    return rule is not None and (not suffixes or any(rule.endswith("." + s) or rule.startswith(s) for s in suffixes))


def check_wild(cleaner: Cleaner, data: Path, lang: str, only: tuple[str, ...]) -> None:
    arts = [a for a in load_wild(data) if a.lang == lang]
    if not arts:
        print(f"  wild-dev: no articles in {lang}")
        return
    spans_by_cat: Counter[str] = Counter()
    hit_by_cat: Counter[str] = Counter()
    body_total = body_removed = 0
    body_hits: list[str] = []
    missed: list[str] = []
    for a in arts:
        res = cleaner.clean(a.raw, lang=lang)
        rtoks, flags = removed_tokens(a.raw, res.removed)
        in_span: list[int | None] = [None] * len(rtoks)
        for si, (s, e, _cat) in enumerate(a.spans):
            for ti, t in enumerate(rtoks):
                if t.start >= s and t.end <= e:
                    in_span[ti] = si
        per_span: defaultdict[int, list[bool]] = defaultdict(list)
        for ti, t in enumerate(rtoks):
            hit = owned(flags[ti], only)
            if in_span[ti] is None:
                body_total += 1
                if hit:
                    body_removed += 1
                    body_hits.append(f"{a.id} {flags[ti]}: {a.raw[max(0, t.start - 40) : t.end + 40]!r}")
            else:
                per_span[in_span[ti]].append(hit)
        for si, (s, e, cat) in enumerate(a.spans):
            spans_by_cat[cat] += 1
            marks = per_span.get(si, [])
            if marks and sum(marks) >= SPAN_REMOVED * len(marks):
                hit_by_cat[cat] += 1
            else:
                missed.append(f"{a.id} {cat}: {a.raw[s:e][:90]!r}")
    total = sum(spans_by_cat.values())
    got = sum(hit_by_cat.values())
    cats = ", ".join(f"{c} {hit_by_cat[c]}/{n}" for c, n in sorted(spans_by_cat.items()))
    print(f"  wild-dev: {len(arts)} articles, spans removed {got}/{total} ({cats})")
    print(f"  wild-dev: body tokens removed {body_removed}/{body_total}")
    for line in body_hits:
        print(f"    BODY {line}")
    for line in missed:
        print(f"    missed {line}")


def truth_pages(data: Path) -> list[tuple[str, str]]:
    """(language, truth) of every HTML page with a non-empty truth."""
    out = []
    for coll in html_collections(data):
        for p in load_pages(data, coll):
            if p.truth.strip():
                out.append((detect_language(segment(p.truth), Config()).code, f"{coll}/{p.id}", p.truth))
    return out


def check_truths(cleaner: Cleaner, pages: list, lang: str, only: tuple[str, ...]) -> None:
    mine = [(pid, t) for lg, pid, t in pages if lg.split("-")[0] == lang]
    total = removed = 0
    lines = []
    for pid, truth in mine:
        res = cleaner.clean(truth, lang=lang)
        rtoks, flags = removed_tokens(truth, res.removed)
        total += len(rtoks)
        for t, f in zip(rtoks, flags, strict=True):
            if owned(f, only):
                removed += 1
                lines.append(f"{pid} {f}: {truth[max(0, t.start - 40) : t.end + 40]!r}")
    share = removed / total if total else 0.0
    print(f"  truths as text: {len(mine)} pages, tokens removed {removed}/{total} ({share:.2%})")
    for line in lines:
        print(f"    FALSE {line}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--langs", required=True, help="comma-separated language codes")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rules-only", default="", help="comma-separated rule-id suffixes/prefixes to count")
    args = ap.parse_args(argv)
    if not (args.data / "wild-dev" / "articles.jsonl").exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    only = tuple(s for s in args.rules_only.split(",") if s)
    cleaner = Cleaner()
    pages = truth_pages(args.data)
    for lang in [s.strip() for s in args.langs.split(",") if s.strip()]:
        print(f"[{lang}]")
        check_wild(cleaner, args.data, lang, only)
        check_truths(cleaner, pages, lang, only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
