"""A teaser cut off by an ellipsis standing above the article: another story's (or the article's
own) teaser, which the scraper took from a box at the top of the page."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import PARAGRAPH, Removal

# A cut: an ellipsis glued to a word or to a question or exclamation mark ("… destino del...",
# "… Vejmelky?..."), at the end of what earlier decisions left of the block.
_CUT = regex.compile(r"[\p{L}\p{N}?!](?:\.{3}|\u2026)\s*$")
# A teaser is a sentence or two; the true bodies' short openers that end in an ellipsis ("I bet
# you didn't know this, but…", 7 words; "Plus! A look at the bag that stole my heart...", 10) are
# the article's own voice.
_MIN_WORDS, _MAX_WORDS = 15, 60
_BODY_MIN_WORDS = 15


# Off: no gate before reading the decisions (to check that it changes nothing).
_GATED = True


def opening_teaser(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if _GATED and len(ctx.blocks) < 3:
        return  # fewer than 3 kept blocks (below), whatever the decisions: before reading them
    kept = ctx.kept_blocks()
    if len(kept) < 3:
        return
    first = kept[0]
    if first.kind != PARAGRAPH or not _MIN_WORDS <= first.n_words <= _MAX_WORDS:
        return
    if not _CUT.search(ctx.surviving(first)):
        return
    if not any(b.kind == PARAGRAPH and b.n_words >= _BODY_MIN_WORDS and ends_terminal(b.content) for b in kept[1:]):
        return
    yield h.remove_block(
        ctx,
        first,
        0.8,
        "Teaser cut off by an ellipsis above the article: a teaser the scraper took from a box at the top of the page.",
    )
