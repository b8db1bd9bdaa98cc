"""Headlines of other stories set in another style than the article's own subheads.

A site sets its own subheads in one style. When an article's subheads are in capitals ('EL
PLAN', 'ES JURAMENTADO', 'LEMUS DICE QUE DESCONOCÍA ACCIÓN'), a line shaped like a news
headline in sentence case (7-20 words, no sentence end: 'La CC da amparo para colar a Porras y
filtra resolución a netcenter') between its paragraphs does not belong to that set: it is a
related story's headline the scraper kept from a link box inside the article. Language-
independent: the styles are read from capitals, the shape from word counts and punctuation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cleaner.blocks import ends_terminal, is_all_caps, read_again
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.offtopic import _plain, _unfinished, headline_shaped, not_headline
from cleaner.model import LIST_ITEM, PARAGRAPH, Block, Removal

# An own subhead: a short line without a sentence end between body text and a paragraph.
_SUBHEAD_MAX_WORDS = 12
_PARAGRAPH_MIN_WORDS = 8  # the paragraph a subhead introduces
_BODY_MIN_WORDS = 12  # the finished paragraph a headline follows
# Lines of at most this many words say nothing of the article's style ('Consumado es'), nor do
# lines with the marks of a credit, a link or a list ('— Name (@handle) April 14, 2025').
_STYLELESS_WORDS = 3
_MIN_CAPS_SUBHEADS = 2


def _subhead_slot(kept: Sequence[Block], i: int) -> bool:
    """A short line without a sentence end after body text, introducing a paragraph."""
    b = kept[i]
    if not (0 < i < len(kept) - 1 and _plain(b) and 1 <= b.n_words <= _SUBHEAD_MAX_WORDS):
        return False
    c = b.content.strip()
    prev, nxt = kept[i - 1], kept[i + 1]
    return (
        bool(c)
        and (_unfinished(c) or c.endswith("?"))
        and prev.kind in (PARAGRAPH, LIST_ITEM)
        and nxt.kind == PARAGRAPH
        and nxt.n_words >= _PARAGRAPH_MIN_WORDS
    )


def _after_body(b: Block) -> bool:
    c = b.content.rstrip()
    return (b.kind == PARAGRAPH and b.n_words >= _BODY_MIN_WORDS and ends_terminal(c)) or b.kind == LIST_ITEM


def _headline_slot(kept: Sequence[Block], i: int) -> bool:
    """Between the body's text and a paragraph, or the last line after it."""
    if not (0 < i and _after_body(kept[i - 1])):
        return False
    if i == len(kept) - 1:
        return True
    nxt = kept[i + 1]
    return nxt.kind == PARAGRAPH and nxt.n_words >= _BODY_MIN_WORDS


def _shaped_as_read(b: Block) -> bool:
    """``headline_shaped`` of the block as a cleaning of the clean text reads it (``read_again``)."""
    return headline_shaped(read_again(b))


def _caps_as_read(b: Block) -> bool:
    """Whether the block, as a cleaning of the clean text reads it (``read_again``), has the words
    of an own subhead (``_subhead_slot``) and is in capitals: the lines ``off_style_headline``
    counts are among these. (The word count first: ``is_all_caps`` walks a text without an ASCII
    lowercase letter, a paragraph in Cyrillic or Greek, character by character.)"""
    r = read_again(b)
    return 1 <= r.n_words <= _SUBHEAD_MAX_WORDS and is_all_caps(r.content)


def off_style_headline(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """Sentence-case headline-shaped lines in an article whose own subheads are all in capitals."""
    # A document without as many lines in capitals with a subhead's words as it takes own subheads
    # (of all its blocks, each as read again) has not enough of them: it returns before reading the decisions (the count is
    # the text's, so a later round is not asked again).
    if len(ctx.blocks) < 5 or sum(ctx.judged(_caps_as_read)) < _MIN_CAPS_SUBHEADS:
        return  # fewer than 5 blocks: fewer than 5 kept ones, whatever the decisions (below)
    # Each block as a cleaning of the clean text reads it: the HTML path's clean text drops the
    # markup (a list item's, a heading's kind), and the second cleaning must judge as the first did.
    kept = tuple(read_again(b) for b in ctx.kept_blocks())
    if len(kept) < 5:
        return
    shaped = ctx.judged(_shaped_as_read)
    heads = [i for i in range(len(kept)) if shaped[kept[i].index] and _headline_slot(kept, i)]
    if not heads:
        return
    caps = 0
    among = set(heads)
    for i in range(len(kept)):
        if i in among or not _subhead_slot(kept, i):
            continue
        b = kept[i]
        if is_all_caps(b.content):
            caps += 1
        elif b.n_words > _STYLELESS_WORDS and not shaped[b.index] and not not_headline(b.content):
            return  # an own subhead in another style: the article mixes styles
    if caps < _MIN_CAPS_SUBHEADS:
        return
    for i in heads:
        yield h.remove_block(
            ctx,
            ctx.blocks[kept[i].index],
            0.8,
            f"Headline-shaped line in sentence case among {caps} own subheads set in capitals: another "
            "story's headline kept from a link box.",
        )
