"""Related-content tails: once a section header rule with ``tail`` fires, its items go too."""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import HEADING, LIST_ITEM, Block, Removal

_ITEM_MAX_WORDS = 25


def _item_like(b: Block) -> bool:
    return b.kind in (HEADING, LIST_ITEM) or b.n_words <= _ITEM_MAX_WORDS or not ends_terminal(b.content)


def section_tail(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    hits = ctx.rule_hit_blocks()
    i = 0
    while i < len(ctx.blocks):
        hit = hits.get(i)
        rule = ctx.rulebook.get(hit.rule) if hit else None
        if not hit or rule is None or rule.tail is None:
            i += 1
            continue
        header = ctx.blocks[i].content.strip()[:60]
        j = i + 1
        while j < len(ctx.blocks):
            b = ctx.blocks[j]
            if rule.tail == "items" and not _item_like(b) and j not in hits:
                break
            if j not in hits:
                yield h.remove_block(
                    ctx, b, rule.confidence * 0.95,
                    f"Item of the '{header}' section that starts at block {i} ({rule.id}).",
                )
            j += 1
        i = j
