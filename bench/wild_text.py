"""The text path on wild-dev: CPU ms per article, and what it does to debris-free articles.

    .venv/bin/python bench/wild_text.py [--data ../shared/data] [--rounds 3] [--dump out.jsonl]

Prints the median over rounds of CPU ms per article (``Cleaner.clean`` on each raw text, after a
warm-up pass), and for the debris-free articles (``debris == []``): how many come out with a text
different from the raw one ("touched"), how many were changed by normalization (the normalized
text differs from the raw one), and how many body tokens (``\\w+`` runs) differ from the raw
text's, per language. ``--dump`` writes each article's id, language, clean text and removed rule
ids, to compare two versions of the code.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
TOKEN = re.compile(r"\w+")


def lost_tokens(raw: str, out: str) -> int:
    """Tokens of ``raw`` not matched, in order, in ``out``."""
    a, b = TOKEN.findall(raw), TOKEN.findall(out)
    matched = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return len(a) - matched


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dump", type=Path)
    args = ap.parse_args()
    path = args.data / "wild-dev" / "articles.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} is absent")
    from cleaner import Cleaner
    from cleaner.normalize import normalize

    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    cleaner = Cleaner()
    results = [cleaner.clean(r["raw"], html=False) for r in rows]  # warm-up, and the results
    times = []
    for _ in range(args.rounds):
        t0 = time.process_time()
        for r in rows:
            cleaner.clean(r["raw"], html=False)
        times.append((time.process_time() - t0) * 1000 / len(rows))
    print(
        f"wild-dev text path: {len(rows)} articles, CPU ms/article median {sorted(times)[len(times) // 2]:.3f} "
        f"(rounds: {', '.join(f'{t:.3f}' for t in times)})"
    )
    free = [(r, res) for r, res in zip(rows, results, strict=True) if not r["debris"]]
    by_lang: dict[str, Counter] = {}
    for r, res in free:
        c = by_lang.setdefault(r["lang"], Counter())
        c["articles"] += 1
        c["touched"] += res.text != r["raw"]
        c["normalized"] += normalize(r["raw"]).text != r["raw"]
        c["tokens"] += len(TOKEN.findall(r["raw"]))
        c["tokens_lost"] += lost_tokens(r["raw"], res.text)
    total = sum(by_lang.values(), Counter())
    print(
        f"debris-free articles: {total['articles']}; text differs from raw: {total['touched']}; "
        f"changed by normalization: {total['normalized']}; body tokens not kept: {total['tokens_lost']} of {total['tokens']}"
    )
    print("lang  articles  touched  normalized  tokens_lost/tokens")
    for lang, c in sorted(by_lang.items()):
        print(f"{lang:<5} {c['articles']:>8} {c['touched']:>8} {c['normalized']:>11}  {c['tokens_lost']}/{c['tokens']}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for r, res in zip(rows, results, strict=True):
                rec = {"id": r["id"], "lang": res.lang.code, "text": res.text, "removed": [x.rule for x in res.removed]}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
