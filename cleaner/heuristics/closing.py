"""A closing section below the article: a header that names what a page puts after its article (the
readers' comments, the tags, the story's sources, the photo credits, the site's 'About us' and
'Contact', a cookie banner's settings), or that ends in the name of a newsletter box ('Pick Six
Newsletter'), standing after most of the text. Everything from it to the
text's end is that section, its long blocks too (a reader's comment, a list of sources), which the
item-length bound of ``tail.section-items`` leaves."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import phrase_keys
from cleaner.model import Block, Removal
from cleaner.text import phrase_key

# A header is a few words ('Leave a Reply', 'Cite This Page:', '12 Comments').
_HEADER_MAX_WORDS = 6
# It stands below the article: at least this many words of kept text before it, and at least this
# share of the text's kept words (a 'Comments' link or 'Tags' row under the headline stays).
_BEFORE_MIN_WORDS = 100
_BEFORE_MIN_SHARE = 0.5
# A header that names a newsletter box ('Pick Six Newsletter', 'THR Newsletters'): a few words, the
# last one a word of the lexicon tail.closing-header-ends. What follows it is the box and the page's
# furniture: no block past this many words (a site menu's 'Newsletters' entry above the article has
# the article's paragraphs after it).
_NAMED_MAX_WORDS = 4
_NAMED_AFTER_MAX_WORDS = 40
# A count before or after the header's words ('12 Comments', 'Comments (12)') is the widget's.
_COUNT = regex.compile(r"^\d+\s+|\s*[(\[]\s*\d+\s*[)\]]\s*:?$|\s+\d+\s*:?$")


def _header_key(text: str) -> str:
    """The block read as a header: its phrase key without a count; empty for a question ('Comments?'
    heads what the article asks its readers, in the article)."""
    text = text.strip()
    if text.endswith("?"):
        return ""
    return phrase_key(_COUNT.sub("", text))


def _is_header(text: str, n_words: int, labels: frozenset[str], ends: frozenset[str]) -> str | None:
    """Whether a block is a closing section's header: ``'label'`` for a lexicon header, ``'named'`` for
    a name of a few words set as a title (no word before the last opens in lower case: 'Pick Six
    Newsletter', not 'Subscribe to our newsletter') whose last word names a newsletter box; else None."""
    key = _header_key(text)
    if key in labels:
        return "label"
    if not ends or n_words > _NAMED_MAX_WORDS or key.rpartition(" ")[2] not in ends:
        return None
    return None if any(w[0].islower() for w in text.split()[:-1]) else "named"


def _header(
    ctx: Context, gone: frozenset[int], labels: frozenset[str], ends: frozenset[str] = frozenset()
) -> tuple[Block, int] | None:
    """The first block that is a closing section's header and stands below most of the kept text, with
    its index in ``ctx.blocks``; a header a rule removed opens the section as well as one left. A
    newsletter's name opens it only when no kept block after it is longer than a box's lines."""
    kept = ctx.kept_blocks()
    total = sum(b.n_words for b in kept)
    before = 0
    for b in ctx.blocks:
        if b.n_words <= _HEADER_MAX_WORDS and before >= _BEFORE_MIN_WORDS and before >= _BEFORE_MIN_SHARE * total:
            kind = _is_header(b.content if b.index in gone else ctx.surviving(b), b.n_words, labels, ends)
            if kind == "label" or (
                kind == "named" and all(k.n_words <= _NAMED_AFTER_MAX_WORDS for k in kept if k.index > b.index)
            ):
                return b, b.index
        if b.index not in gone and b.content.strip():
            before += b.n_words
    return None


def _may_close(blocks: Sequence[Block]) -> bool:
    """Whether a block short enough for a header stands after ``_BEFORE_MIN_WORDS`` words of the
    blocks before it, all of them counted (``_header`` counts the kept ones: some of these): where
    none does, no header stands below the article, whatever the decisions keep."""
    before = 0
    for b in blocks:
        if b.n_words <= _HEADER_MAX_WORDS and before >= _BEFORE_MIN_WORDS:
            return True
        before += b.n_words
    return False


def closing_section(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if not _may_close(ctx.blocks):
        return  # before reading the decisions: a later round does not ask again
    labels = phrase_keys(ctx.words("tail.closing-headers"))
    if not labels:
        return
    ends = phrase_keys(ctx.words("tail.closing-header-ends"))
    gone = ctx.removed_blocks()
    found = _header(ctx, gone, labels, ends)
    if found is None:
        return
    header, at = found
    name = " ".join(header.content.split())[:40]
    for b in ctx.blocks[at:]:
        if b.index in gone or not b.content.strip():
            continue
        yield h.remove_block(
            ctx,
            b,
            0.8,
            f"Closing section under '{name}' (block {at}), after most of the text, to the text's end: "
            "what the page puts below its article, not the article.",
        )
