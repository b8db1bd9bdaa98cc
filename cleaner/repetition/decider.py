"""The decider ``repeat.site``: remove a document's blocks that are boilerplate for its site."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import Removal
from cleaner.repetition.table import block_key, eligible_words


def confidence(share: float, sentence_like: bool) -> float:
    """0.65 at a share of 20% of the site's documents, 0.95 from 80% on; a block that reads as
    a sentence (ends in . ! ? and has 12 words or more) gets 0.1 less."""
    conf = min(0.95, 0.55 + 0.5 * share)
    return round(conf - (0.1 if sentence_like else 0.0), 4)


def site_repeat(ctx: Context, h: Heuristic) -> Iterator[Removal]:
    table = ctx.config.boilerplate
    if table is None or not ctx.site:
        return
    site = table.sites.get(ctx.site)
    if site is None:
        return
    settings = table.settings
    gone = ctx.removed_blocks()
    hits = []
    for b in ctx.blocks:
        if b.index in gone or not eligible_words(b.n_words, b.content, settings):
            continue
        n = site.counts.get(block_key(b.content))
        if n:
            hits.append((b, n))
    if not hits:
        return
    total = sum(b.n_words for b in ctx.blocks) or 1
    if sum(b.n_words for b, _ in hits) > settings.max_doc_share * total:
        return  # a near-copy of other documents of the site, not a page with a footer
    for b, n in hits:
        sentence_like = b.n_words >= 12 and b.content.rstrip().endswith((".", "!", "?"))
        reason = f"appears in {n:,} of {site.docs:,} documents from {ctx.site}"
        yield h.remove_block(ctx, b, confidence(n / site.docs, sentence_like), reason)
