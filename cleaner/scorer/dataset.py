"""Training rows from labelled text: the units the scorer would see, their features and labels.

The scorer judges what the rules and the other heuristics leave, so a document is first cleaned
without the model; the units those decisions overlap are not rows (nor context), exactly as at
run time. A unit is debris when at least half of its characters lie in labelled debris spans; its
category is the category covering most of it. Offsets are code points of the normalized text.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.config import Config
from cleaner.normalize import normalize
from cleaner.pipeline import Cleaner
from cleaner.scorer.features import LexiconMatcher, matrix
from cleaner.scorer.units import Unit, live_units

# wild-dev's categories as the record names them
CATEGORY = {
    "promo": "promo",
    "injected-headline": "headline",
    "credit-caption": "credit",
    "share-follow": "share",
    "newsletter-app": "newsletter",
    "ad": "ads",
    "comments": "comments",
    "navigation": "navigation",
    "truncated": "truncation",
    "other": "other",
}


@dataclass(frozen=True)
class Doc:
    """One document's units and rows; ``prior`` are the spans decided without the model."""

    text: str
    units: tuple[Unit, ...]
    rows: tuple[tuple[float, ...], ...]
    prior: tuple[tuple[int, int], ...]


def without_model() -> Cleaner:
    return Cleaner(Config(ignore=("model",)))


def prepare(text: str, cleaner: Cleaner, lexicon: LexiconMatcher, lang: str | None = None) -> Doc:
    """``text`` must be normalized already (see ``map_spans``)."""
    result = cleaner.clean(text, lang=lang)
    prior = tuple(sorted((r.start, r.end) for r in result.removed if r.start is not None))
    units = live_units(result.blocks, prior)
    rows = matrix(text, result.blocks, units, lexicon)
    return Doc(text, tuple(units), tuple(tuple(r) for r in rows), prior)  # type: ignore[arg-type]


def unit_labels(doc: Doc, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, str | None]]:
    """(label, category) per unit from debris spans (start, end, wild-dev category)."""
    out: list[tuple[int, str | None]] = []
    for u in doc.units:
        cover: dict[str, int] = {}
        for s, e, c in spans:
            k = min(e, u.end) - max(s, u.start)
            if k > 0:
                cover[c] = cover.get(c, 0) + k
        total = sum(cover.values())
        if total * 2 >= u.end - u.start and total:
            cat = max(sorted(cover), key=cover.__getitem__)
            out.append((1, CATEGORY.get(cat, "other")))
        else:
            out.append((0, None))
    return out


def map_spans(raw: str, spans: Sequence[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Normalize ``raw`` and carry the spans' offsets over to the normalized text."""
    norm = normalize(raw).text
    if norm == raw:
        return norm, list(spans)
    pos = [0] * (len(raw) + 1)
    sm = difflib.SequenceMatcher(None, raw, norm, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for k in range(i1, i2 + 1):
            pos[k] = j1 + (k - i1 if tag == "equal" else round((k - i1) * (j2 - j1) / max(i2 - i1, 1)))
    pos[len(raw)] = len(norm)
    return norm, [(pos[s], pos[e], c) for s, e, c in spans]
