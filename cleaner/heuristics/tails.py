"""Related-content tails: once a section header rule with ``tail`` fires, its items go too."""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import Block, Removal

# An item of a related-links or comments section is a headline or a short line: at most this
# many words, fewer when it reads as a finished sentence. A longer block is body prose again
# (the per-rule audit found whole paragraphs of research articles under a "Discussion" or
# "Comments" heading taken by an unbounded tail), and the tail stops there.
_ITEM_MAX_WORDS = 30
_SENTENCE_ITEM_MAX_WORDS = 20


def _item_like(b: Block) -> bool:
    n = b.n_words
    if ends_terminal(b.content) and not b.content.rstrip().endswith(("?", "\u2026", "...")):
        return n <= _SENTENCE_ITEM_MAX_WORDS
    return n <= _ITEM_MAX_WORDS


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
            if not _item_like(b) and j not in hits:
                break  # "items" and "rest" alike: a body paragraph ends the section
            if j not in hits:
                yield h.remove_block(
                    ctx, b, rule.confidence * 0.95,
                    f"Item of the '{header}' section that starts at block {i} ({rule.id}).",
                )
            j += 1
        i = j
