"""The rest of a debris section below the article: once earlier decisions have removed two blocks
after the article's last body paragraph (a "Related" header and its items, a share row, a
newsletter prompt, a footer menu), the short blocks that follow them belong to the same section."""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.navigation import is_body
from cleaner.model import Removal

# Two removed blocks below the article say a debris section has begun; one could be a stray
# credit line or sign-off under a last paragraph that the body still continues after.
_MIN_REMOVED_BEFORE = 2
# A block longer than this is prose again (a last paragraph, an editor's note): it stays, and
# so does everything before the second removal.
_MAX_WORDS = 40


def after_debris(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    gone = ctx.removed_blocks()
    alive = ctx.kept_blocks()
    last = next((b.index for b in reversed(alive) if is_body(b)), None)
    if last is None:
        return
    seen = 0
    for b in ctx.blocks[last + 1 :]:
        if b.index in gone:
            seen += 1
            continue
        if seen < _MIN_REMOVED_BEFORE or not b.content.strip() or b.n_words > _MAX_WORDS or ctx.prior_cuts(b):
            continue
        yield h.remove_block(
            ctx,
            b,
            0.7,
            f"Short block below the article's last paragraph, after {seen} blocks removed there: part of the "
            "same debris section (related links, prompts, footer), not article text.",
        )
