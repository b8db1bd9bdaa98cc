"""Stage 5b: run rules and heuristics, then settle overlaps and the confidence threshold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.config import Config, id_selected
from cleaner.heuristics import HEURISTICS, Context
from cleaner.match import apply_rules
from cleaner.model import Block, Removal
from cleaner.rulebook import Rulebook


@dataclass(frozen=True)
class Decision:
    removed: tuple[Removal, ...]  # sorted by start, non-overlapping
    candidates: tuple[Removal, ...]  # below min_confidence: reported, kept in the text
    warnings: tuple[str, ...]


def decide(
    text: str, blocks: Sequence[Block], lang: str | None, book: Rulebook, config: Config, site: str | None = None
) -> Decision:
    hits = apply_rules(text, blocks, book.text_plan(lang), config.regex_timeout)
    proposed = list(hits.removals)
    blocks = tuple(blocks)
    for h in HEURISTICS:  # in order: each sees what the rules and the earlier heuristics decided
        if id_selected(h.id, config.select, config.ignore):
            prior = tuple(r for r in proposed if r.confidence >= config.min_confidence)
            proposed.extend(h.run(Context(text, blocks, lang, book, config, hits.removals, prior, site), h))
    strong = [r for r in proposed if r.confidence >= config.min_confidence]
    weak = [r for r in proposed if r.confidence < config.min_confidence]
    removed = _settle(strong)
    candidates = [c for c in _settle(weak) if not any(_overlap(c, r) for r in removed)]
    return Decision(tuple(removed), tuple(candidates), hits.warnings)


def _overlap(a: Removal, b: Removal) -> bool:
    return a.start is not None and b.start is not None and a.start < b.end and b.start < a.end  # type: ignore[operator]


def _settle(removals: list[Removal]) -> list[Removal]:
    """Keep non-overlapping removals: wider first, then more confident, then earlier decided."""
    order = sorted(
        enumerate(removals),
        key=lambda ir: (-(ir[1].end - ir[1].start), -ir[1].confidence, ir[0]),  # type: ignore[operator]
    )
    kept: list[Removal] = []
    for _, r in order:
        if not any(_overlap(r, k) for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: r.start)  # type: ignore[arg-type,return-value]
