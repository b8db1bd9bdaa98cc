"""A synthetic two-site corpus for the site-repetition tests (deterministic, no shared data)."""

from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = (
    "council budget bridge river school market police minister report village harbour election "
    "court hospital farmers teachers station museum festival storm railway factory union mayor "
    "county airport tourists workers prices energy housing water garden library students"
).split()

FOOTER_A = "This story was produced in partnership with the Example Foundation."
LONG_A = (
    "The regional council said in a statement that the long-delayed reconstruction of the old harbour "
    "bridge, which has been closed to heavy traffic since the floods of last spring, would finally begin "
    "in the autumn and was expected to take at least three years to complete in full."
)  # 50 words: repeated in every document of site A, and must stay (it is too long to be boilerplate)
BOX_B = "Opinions expressed by contributors are their own"  # in 6 of 15 documents of site B: removed
RARE_B = "Corrections and clarifications are listed weekly"  # in 4 of 15 documents of site B: below min_docs, kept


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 20))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))


def corpus(n_per_site: int = 15, seed: int = 7) -> list[dict[str, str]]:
    """Records with id, url, text: site A (a.example.com) and site B (www.b.example.org)."""
    rng = random.Random(seed)
    out = []
    for i in range(n_per_site):
        parts = [f"Story {i} about the {rng.choice(WORDS)}", paragraph(rng), LONG_A, paragraph(rng), FOOTER_A]
        out.append({"id": f"a{i}", "url": f"https://a.example.com/news/{i}", "text": "\n\n".join(parts) + "\n"})
    for i in range(n_per_site):
        parts = [f"Report {i} on the {rng.choice(WORDS)}", paragraph(rng)]
        if i < 6:
            parts.append(BOX_B)
        parts.append(paragraph(rng))
        if i >= n_per_site - 4:
            parts.append(RARE_B)
        out.append({"id": f"b{i}", "url": f"https://www.b.example.org/{i}", "text": "\n\n".join(parts) + "\n"})
    return out


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_folders(root: Path, records: list[dict[str, str]]) -> Path:
    """One folder per site (named after the URL's host), one .txt file per record."""
    for r in records:
        site = "a.example.com" if r["id"].startswith("a") else "b.example.org"
        (root / site).mkdir(parents=True, exist_ok=True)
        (root / site / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    return root
