"""A share bar's buttons, one name a line: "Facebook", "Twitter", "WhatsApp", "Email"."""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import phrase_keys
from cleaner.model import LIST_ITEM, Block, Removal
from cleaner.text import phrase_key

# A run this long is a share bar on its own; a shorter one only right after a share prompt that a
# rule removed ("Share this:"). One name alone is a heading or a word of the article's.
_RUN_ALONE = 3
_RUN_AFTER_PROMPT = 2


# Off: the text's blocks are not counted for names first (to check that the gate changes nothing).
_GATED = True


def network_row(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    names = phrase_keys(ctx.rulebook.words("share.network-names", None))
    if not names:
        return
    previous, named = ctx.once(network_row, lambda: _blocks_named(ctx.blocks, names))
    if _GATED and sum(named) < _RUN_AFTER_PROMPT:
        return  # no row of names among the text's blocks, none among those kept: before reading the decisions
    hits = ctx.rule_hit_blocks()
    # blocks an earlier decision removed whole do not break a row: a share bar's "Email" button goes
    # by a rule, and its neighbours must go in the same pass (cleaning the output again would join them)
    alive = ctx.kept_blocks()
    run: list[Block] = []
    for b in [*alive, None]:
        if b is not None and named[b.index]:
            run.append(b)
            continue
        if run:
            before = previous.get(run[0].index)
            after_prompt = (
                before is not None and (hit := hits.get(before.index)) is not None and hit.category == "share"
            )
            if len(run) >= _RUN_ALONE or (after_prompt and len(run) >= _RUN_AFTER_PROMPT):
                for r in run:
                    yield h.remove_block(ctx, r, 0.85, f"Share button '{r.content.strip()}' in a row of them.")
            run = []


def _blocks_named(blocks: tuple[Block, ...], names: frozenset[str]) -> tuple[dict[int, Block | None], list[bool]]:
    """Of the text's blocks (once for the document: the blocks alone decide), the block with text
    before each one with text (None for the first), and whether each is a network's name alone."""
    previous: dict[int, Block | None] = {}
    last = None
    for b in blocks:
        if b.content.strip():
            previous[b.index] = last
            last = b
    named = [len(b.content) <= 40 and b.kind != LIST_ITEM and phrase_key(b.content) in names for b in blocks]
    return previous, named
