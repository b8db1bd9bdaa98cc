"""The rest of a debris section below the article: once earlier decisions have removed two blocks
after the article's last body paragraph (a "Related" header and its items, a share row, a
newsletter prompt, a footer menu), the short blocks that follow them belong to the same section."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.navigation import is_body
from cleaner.model import Block, Removal

# Two removed blocks below the article say a debris section has begun; one could be a stray
# credit line or sign-off under a last paragraph that the body still continues after.
_MIN_REMOVED_BEFORE = 2
# A block longer than this is prose again (a last paragraph, an editor's note): it stays, and
# so does everything before the second removal.
_MAX_WORDS = 40
# One stray line right under the last paragraph, with only removed blocks (two or more) after it to
# the end, is the section's first line (a widget's code, a label: "BPO" above "Mirá también"):
# a word or three without sentence punctuation, digits, '@' or a link (a price, a byline with its
# e-mail, a URL the article gives stay).
_STRAY_MAX_WORDS = 3
_STRAY_NOT = regex.compile(r"[\p{N}@/]|\.\w")


def _stray(b: Block) -> bool:
    c = b.content.strip()
    return bool(c) and b.n_words <= _STRAY_MAX_WORDS and not ends_terminal(c) and not _STRAY_NOT.search(c)


# Off: no gate before reading the decisions (to check that it changes nothing).
_GATED = True


def after_debris(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if _GATED and len(ctx.blocks) < _MIN_REMOVED_BEFORE + 2:
        return  # a body paragraph, the blocks removed below it and one more: before reading the decisions
    gone = ctx.removed_blocks()
    alive = ctx.kept_blocks()
    last = next((b.index for b in reversed(alive) if is_body(b)), None)
    if last is None:
        return
    rest = [b for b in ctx.blocks[last + 1 :] if b.content.strip()]
    if (
        len(rest) > _MIN_REMOVED_BEFORE
        and rest[0].index not in gone
        and all(b.index in gone for b in rest[1:])
        and _stray(rest[0])
        and not ctx.prior_cuts(rest[0])
    ):
        yield h.remove_block(
            ctx,
            rest[0],
            0.7,
            f"Short line between the article's last paragraph and the {len(rest) - 1} blocks removed below it "
            "to the end: the first line of the same debris section, not article text.",
        )
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
