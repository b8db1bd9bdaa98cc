"""A table of contents' label left without its list ('Table of Contents', 'In this article',
'Inhaltsverzeichnis', '目次'): the scraper dropped the list of links and kept the label."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import phrase_keys
from cleaner.model import LIST_ITEM, Block, Removal
from cleaner.text import count_words, phrase_key

# A label is a few words; with a toggle after it ('Table of Contents Show', 'Inhalt [ausblenden]').
_MAX_LABEL_WORDS = 8
# How far below the label its list would start (an intro sentence may stand between: 'This article
# is long. To make it easy to navigate …'), and how long an entry is.
_LOOK_AHEAD = 4
_MAX_ENTRY_WORDS = 15


def _label_key(text: str, toggles: frozenset[str]) -> str:
    """The block read as a label: bracketed toggles ('[hide]') and a toggle word after it set aside."""
    text = text.strip()
    for open_, close in ("[]", "()"):
        if text.endswith(close) and open_ in text:
            text = text[: text.rindex(open_)]
    key = phrase_key(text)
    head, _, last = key.rpartition(" ")
    if head and last in toggles:
        key = phrase_key(head)
    return key


def _has_list(ctx: Context, kept: tuple[Block, ...], at: int) -> bool:
    """Whether the blocks below the label hold its list: a list item of an entry's length (a
    bulleted summary's sentences are not entries) or a table row among the next three, a line ending in a colon that introduces them, two short lines without a sentence end
    among the next three (entries), or a short line among the next few that the text says again
    elsewhere (an entry and the heading it links to, or a second copy of the table in a sidebar)."""
    below = kept[at + 1 : at + 1 + _LOOK_AHEAD]
    if not below:
        return True
    texts = [ctx.surviving(b).strip() for b in below[:3]]
    if any(
        (b.kind == LIST_ITEM and count_words(t) <= _MAX_ENTRY_WORDS) or t.startswith("|")
        for b, t in zip(below[:3], texts, strict=True)
    ):
        return True
    if any(t.endswith(":") for t in texts[:2]):
        return True  # a line that introduces what follows: the list comes after it
    if (
        sum(1 for b, t in zip(below[:3], texts, strict=True) if b.n_words <= _MAX_ENTRY_WORDS and not ends_terminal(t))
        >= 2
    ):
        return True
    keys = [phrase_key(ctx.surviving(b)) for b in kept]
    seen = Counter(keys)
    return any(
        keys[j] and count_words(keys[j]) <= _MAX_ENTRY_WORDS and seen[keys[j]] >= 2
        for j in range(at + 1, at + 1 + len(below))
    )


def toc_label(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    labels = phrase_keys(ctx.words("contents.toc-labels"))
    if not labels:
        return
    toggles = phrase_keys(ctx.words("contents.toggle-words"))
    kept = ctx.kept_blocks()
    for at, b in enumerate(kept):
        if b.n_words > _MAX_LABEL_WORDS:
            continue
        if _label_key(ctx.surviving(b), toggles) not in labels:
            continue
        if _has_list(ctx, kept, at):
            continue  # the table of contents is there whole: the page printed it, and it stays
        yield h.remove_block(
            ctx,
            b,
            0.8,
            "Label of a table of contents whose list is gone: the scraper dropped the links and kept the label.",
        )
