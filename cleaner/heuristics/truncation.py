"""Truncated pieces: a dangling fragment after the last sentence, cut-off teasers, repeats."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import regex

from cleaner.blocks import ends_terminal, is_heading_like, read_again
from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import EndAnchored
from cleaner.model import HEADING, PARAGRAPH, Block, Removal
from cleaner.text import _edge, phrase_head, phrase_key

# "...official accounts. E": a sentence end, then one or two short words that end nothing.
_DANGLING = EndAnchored.compile(
    r"(?<=(?P<prev>\p{L}{3,})[.!?][\"'\u201d\u2019)]?)(?P<gap>[ \t]+)(?P<frag>\p{Lu}[\p{L}'\u2019\-]*(?:[ \t]+\p{L}[\p{L}'\u2019\-]*)?)[ \t]*$"
)
_ELLIPSIS = ("\u2026", "...")


def _read_as_paragraph(b: Block) -> bool:
    """A paragraph, or a block a second cleaning of the clean text reads as one: a Markdown
    heading (the clean text drops its '#') and an HTML block of any kind whose line is not
    heading-like (a list item, a caption, a sentence set as a heading: the clean text drops the
    markup). Its fragment is cut now: the cut must not wait for a second pass."""
    if b.kind == PARAGRAPH or (b.kind == HEADING and b.source_hint == "markdown"):
        return True
    return b.source_hint == "html" and read_again(b).kind == PARAGRAPH


# Characters no fragment of ``_DANGLING`` ends with (it ends in a letter, an apostrophe or a hyphen).
_NO_FRAGMENT_END = frozenset('.!?"\u201d)\u2026:;,]\u00bb0123456789')


_CLOSERS = ('"', "'", "\u201d", "\u2019", ")")  # what ``_DANGLING`` lets stand between the stop and the gap


def _may_dangle(tail: str) -> bool:
    """False when ``_DANGLING`` surely finds nothing in ``tail`` (a few string tests, where its
    backward match costs a regex call): a match ends, spaces and tabs and a last line break aside,
    in a fragment's character, and its fragment holds no sentence stop, so the stop it follows is
    the last one in ``tail``, with three characters before it, a closing quote or bracket perhaps
    after it, then a space or a tab; and what follows is one or two words (the fragment's)."""
    t = tail[:-1] if tail.endswith("\n") else tail
    t = t.rstrip(" \t")
    if not t or t[-1] in _NO_FRAGMENT_END:
        return False
    k = max(t.rfind("."), t.rfind("!"), t.rfind("?"))
    if k < 3:
        return False
    rest = t[k + 1 :]
    if rest[:1] in _CLOSERS:
        rest = rest[1:]
    return rest[:1] in (" ", "\t") and len(rest.split(None, 2)) <= 2


def _fragment(b: Block, content: str) -> tuple[int, float, str] | None:
    """The dangling fragment at the end of ``content`` (the block's, or what earlier cuts left of
    it): where its gap starts in ``content``, the confidence and the reason; None when there is none."""
    if _GATED and content[-1:] in _NO_FRAGMENT_END:
        return None  # ``_may_dangle``'s first answer, without its slices (most paragraphs end so)
    tail = content[-80:]
    if _GATED and not _may_dangle(tail):
        return None
    m = _DANGLING.search(tail)
    if not m or not _read_as_paragraph(b):
        return None
    frag, prev = m.group("frag"), m.group("prev")
    if len(frag) > 12 or not any(c.islower() for c in prev) or b.n_words < 6:
        return None
    confidence = 0.9 if len(frag) <= 3 else 0.7
    why = f"Dangling fragment '{frag}' after the paragraph's last complete sentence: the scraper cut it off."
    return len(content) - len(tail) + m.start("gap"), confidence, why


def _uncut_fragments(ctx: Context) -> list[tuple[Block, tuple[int, float, str] | None]]:
    """The blocks the heuristic judges, each with its fragment as it stands uncut (its content):
    made once for the document (a block alone decides), so that a later round judges again only
    the blocks cut since."""
    return [
        (b, _fragment(b, b.content))
        for b in ctx.blocks
        if len(b.content) <= 20_000 and (b.kind == PARAGRAPH or b.source_hint in ("html", "markdown"))
    ]


def dangling_fragment(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """It judges the end of each paragraph as the next cleaning of the output sees it: a fragment
    left bare by an earlier cut ("… accounts. Advertisement E" once the marker is cut) goes now,
    or a second cleaning would take it and cleaning would not be idempotent."""
    for b, uncut in ctx.once(_uncut_fragments, lambda: _uncut_fragments(ctx)):
        if not ctx.prior_cuts(b):  # most blocks have no cut: their content, judged once
            if uncut is not None:
                start, confidence, why = uncut
                yield h.remove_span(ctx, b, b.content_start + start, b.content_end, confidence, why)
            continue
        view = ctx.view(b)
        found = _fragment(b, view.text)
        if found is not None:  # one removal per surviving piece: the cuts between them stay their rules'
            start, confidence, why = found
            yield from h.remove_view(ctx, b, view, start, len(view.text), confidence, why)
    yield from _fragments_left_in_headings(ctx, h)


def _fragments_left_in_headings(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """A heading-like line of the text that a cut leaves a paragraph ("The … the. E  Also Read: …"
    once the lead-in is cut): the next cleaning of the output reads what is left as a paragraph
    and judges its end, so it is judged now, as read then (its words, its kind)."""
    for i in ctx.cut_blocks():
        b = ctx.blocks[i]
        if b.kind != HEADING or b.source_hint or len(b.content) > 20_000:
            continue  # judged above, or read again as what it is (a bullet or a quote keeps its marker)
        seen, view = ctx.read_left(b)
        if view is None or seen.kind != PARAGRAPH:
            continue
        found = _fragment(seen, view.text)
        if found is not None:
            start, confidence, why = found
            yield from h.remove_view(ctx, b, view, start, len(view.text), confidence, why)


# A news API's length limit: "… [+3777 chars]" (NewsAPI), "... [1506 chars]" (GNews); the
# marker itself may be cut ("… [+240 c"). Language-neutral: it is the API's text, not the site's.
_SNIPPET_MARK = regex.compile(
    r"(?:\u2026|\.\.\.)[ \t]*\[\+?\d+(?:[ \t]*c(?:h(?:a(?:r(?:s)?)?)?)?)?\]?[ \t]*$|\[\+\d+[ \t]*chars?\][ \t]*$"
)
# The end of the last complete sentence before it, in any script's punctuation.
_SENTENCE_END = regex.compile(r"[.!?\u0964\u3002\uff01\uff1f:;][\"'\u201d\u2019\u00bb)]*(?=\s)")


def snippet_limit(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """The incomplete last sentence of a snippet cut at an API's length limit, with its marker."""
    if not ctx.blocks or (_GATED and "[" not in ctx.text):
        return  # the marker's bracket is in the text or nowhere
    b = ctx.blocks[-1]
    m = _SNIPPET_MARK.search(b.content[-300:])
    if not m:
        return
    offset = b.content_end - len(b.content[-300:])
    mark = offset + m.start()
    ends = [e.end() for e in _SENTENCE_END.finditer(ctx.text, b.content_start, mark)]
    if ends:
        start = ends[-1]  # the gap after the last complete sentence goes with the fragment
        why = "Sentence cut at a news API's length limit, with its marker; the complete sentences stay."
    elif len(ctx.blocks) > 1:
        yield h.remove_block(ctx, b, 0.9, "Last line cut at a news API's length limit, with its marker.")
        return
    else:
        start = mark  # nothing complete to keep: only the marker goes
        why = "Marker of a news API's length limit."
    yield h.remove_span(ctx, b, start, b.content_end, 0.9, why)


# A whole text this short, in one block, is a snippet (a feed's description, a search result).
_SNIPPET_MAX_WORDS = 80
_LETTER_ELLIPSIS = regex.compile(r"\p{L}(?:\.\.\.|\u2026)$")


def _ellipsis_snippet(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """A snippet cut at a length limit without a marker: the text is one short block that ends in
    an ellipsis glued to a word ("… brought the situation..."). The incomplete last sentence goes;
    the complete ones before it stay. A longer text, or one of several blocks, ending in an
    ellipsis is an article that may end that way (the true bodies of the dev collections do)."""
    blocks = [b for b in ctx.blocks if b.content.strip()]
    if len(blocks) != 1 or blocks[0].n_words > _SNIPPET_MAX_WORDS:
        return
    b = blocks[0]
    text = b.content.rstrip()
    if not _LETTER_ELLIPSIS.search(text):
        return
    end = b.content_start + len(text) - (1 if text.endswith("\u2026") else 3)
    ends = [e.end() for e in _SENTENCE_END.finditer(ctx.text, b.content_start, end)]
    if not ends:
        return
    yield h.remove_span(
        ctx,
        b,
        ends[-1],
        b.content_end,
        0.8,
        "Snippet cut off mid-sentence, ending in an ellipsis; the complete sentences stay.",
    )


_LIST_LINES = 3


def cut_teaser(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    hits = ctx.rule_hit_blocks()
    for i, b in enumerate(ctx.blocks):
        if b.kind != PARAGRAPH or b.n_words < 8:
            continue
        text = b.content.rstrip()
        nxt = hits.get(i + 1)
        before_promo = nxt is not None and nxt.category == "promo"
        if text.endswith(_ELLIPSIS) and not text.endswith(("\u2026\u201d", '..."')):
            if before_promo:
                yield h.remove_block(
                    ctx, b, 0.9, f"Cut-off teaser ending in an ellipsis, followed by '{nxt.text.strip()[:40]}'."
                )
            elif i == len(ctx.blocks) - 1:
                cut = list(_ellipsis_snippet(ctx, h))
                yield from cut or [
                    h.remove_block(ctx, b, 0.45, "Last block ends in an ellipsis: likely a cut-off teaser.")
                ]
        elif (
            before_promo
            and not ends_terminal(text)
            and not is_heading_like(text)
            and text.count("\n") < _LIST_LINES - 1
        ):
            # A block of three lines or more is a list (a table of contents' entries), not one
            # sentence cut off: the per-rule audit found such lists in the true bodies.
            yield h.remove_block(ctx, b, 0.75, f"Teaser cut off mid-sentence before '{nxt.text.strip()[:40]}'.")


# Candidates only: the per-rule audit found 40-46% of what this heuristic removed in the true
# bodies of the dev collections (they keep repeats: pull quotes, doubled paragraphs, teasers).
_EXACT_REPEAT_CONFIDENCE = 0.45
# A teaser that repeats another block's start and ends in an ellipsis glued to a word is cut off:
# on the union of the dev collections' inputs, 11 such teasers, none in a true body.
_CUT_TEASER_CONFIDENCE = 0.8
_TEASER_CUT = regex.compile(r"[\p{L}\p{N}?!](?:\.{3}|\u2026)\s*$")


_HEAD_WORDS = 8  # the words a teaser and the block it repeats start with alike


def _key(text: str) -> str:
    key = phrase_key(text)
    for e in _ELLIPSIS:
        key = key.removesuffix(e).rstrip()
    return key


_SPACES = re.compile(r"\s+")  # what str.split() splits at (both ask Py_UNICODE_ISSPACE)


def _opening(text: str) -> tuple[str, str] | None:
    """The first two words of ``phrase_key(text)`` when its key has three words or more (case-folded:
    the first two whitespace tokens after the edge punctuation, symbols and spaces, which the key's
    third word follows inside its core); None for a text of fewer than three such tokens (its key
    has fewer than three words). Of a key of one or two words, which counts for nothing below, it
    may say anything."""
    i, n = 0, len(text)
    while i < n and _edge(text[i]):
        i += 1
    parts = text[i : i + 64].split(None, 2)
    if len(parts) == 3:
        return parts[0].casefold(), parts[1].casefold()
    if n - i <= 64:
        return None
    # the words go on past the 64 characters: the spaces after the first two (a text of an unspaced
    # script is not split into a copy of itself to learn that it is one token)
    one = _SPACES.search(text, i)  # text[i] is no space: spaces are edges
    two = _SPACES.search(text, one.end()) if one is not None else None
    if two is None or two.end() == n:
        return None
    return text[i : one.start()].casefold(), text[one.end() : two.start()].casefold()  # type: ignore[union-attr]


def _alike(ctx: Context, debris: frozenset[int]) -> dict[int, str]:
    """The texts of the blocks that are not debris and share the first two words of their key with
    another such block (``_opening``). Two keys alike on their first 8 words, or equal with three
    words or more, share them: a block whose opening is its own repeats nothing, and nothing repeats
    it (a key of fewer than three words counts for nothing below: no repeat of fewer than 12 words
    goes, nor a teaser of fewer than 8, nor does it count as a template)."""
    texts = {b.index: ctx.surviving(b) for b in ctx.blocks if b.index not in debris}
    if not _GATED:
        return texts
    openings = {i: _opening(t) for i, t in texts.items()}
    made = [o for o in openings.values() if o is not None]
    if len(set(made)) == len(made):
        return {}  # no two blocks open alike (most texts): nothing to count
    seen = Counter(made)
    return {i: t for i, t in texts.items() if openings[i] is not None and seen[openings[i]] > 1}


_UNMADE: tuple[str, ...] = ("",)  # a head no text has (``phrase_head`` gives words, never "")


# Off: every block is keyed (``_alike``), to check that the opening gate changes nothing.
_GATED = True


def _keyed(ctx: Context, debris: frozenset[int]) -> dict[int, str]:
    """The keys of the blocks that are not debris and whose opening another shares (``_alike``),
    but for a block of more than 8 words whose first 8 no other block's key starts with: its key is no other block's (equal keys start alike) and
    no teaser's group holds it (a group's keys share their first 8 words), so it repeats nothing
    and nothing repeats it, and a long paragraph's key is not made (``phrase_head`` reads its start)."""
    texts = _alike(ctx, debris)
    if not texts:
        return texts
    # A block's head and key depend on its text alone: kept for the document by text, so that a
    # later round (after removals elsewhere, many in a long document that repeats itself) keys
    # only the texts it has not keyed before. Only ever added to, each entry a function of its text.
    made_heads: dict[str, tuple[str, ...] | None] = ctx.once("truncation.repeated-block.heads", dict)
    made_keys: dict[str, str] = ctx.once("truncation.repeated-block.keys", dict)

    def head_of(t: str) -> tuple[str, ...] | None:
        head = made_heads.get(t, _UNMADE)  # not try/except: the first round makes every head
        if head is _UNMADE:
            head = made_heads[t] = phrase_head(t, _HEAD_WORDS)
        return head  # type: ignore[return-value]

    def key_of(t: str) -> str:
        key = made_keys.get(t)
        if key is None:
            key = made_keys[t] = _key(t)
        return key

    heads = {i: head_of(t) for i, t in texts.items()}
    keys = {i: key_of(t) for i, t in texts.items() if heads[i] is None}
    seen = Counter(
        head if head is not None else tuple(keys[i].split(" ", _HEAD_WORDS)[:_HEAD_WORDS]) for i, head in heads.items()
    )
    for i, head in heads.items():
        if head is not None and seen[head] > 1:
            keys[i] = key_of(texts[i])
    return keys


def repeated_block(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """A long block that appears exactly twice, or a cut-off teaser repeating another block's start.

    A block that appears three or more times, or an article with many repeated blocks, is the
    article's own structure (an interview's recurring question, a meal plan), not debris.
    """
    if len(ctx.blocks) < 2:
        return  # nothing to repeat: before reading the decisions (a later round does not ask again)
    keys: list[str | None] = []  # None: debris, or a key no other block can have (``_keyed``)
    sizes: list[int] = []  # words in each key
    counts: dict[str, int] = {}
    # It runs last and judges what survives the other decisions: what they remove whole is
    # not the article's structure, and what they cut from a block is not part of its words.
    keyed = _keyed(ctx, ctx.removed_blocks())
    if not keyed:
        return  # no block repeats another, nor starts as another does
    for b in ctx.blocks:
        key = keyed.get(b.index)
        keys.append(key)
        sizes.append(key.count(" ") + 1 if key else 0)  # phrase_key joins words with one space
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    # Many different repeated blocks mean a templated article (recipes, interviews), not debris.
    templated = sum(1 for k, c in counts.items() if c >= 2 and k.count(" ") >= 2) >= 3
    first: dict[str, int] = {}
    by_head: dict[tuple[str, ...], list[int]] = {}
    for b, key, n in zip(ctx.blocks, keys, sizes, strict=True):
        if key is None:
            continue
        if key in first:
            if n >= 12 and counts.get(key, 0) == 2 and not templated:
                # A candidate only: the true bodies of the dev collections keep such repeats
                # (a pull quote, a scraper that doubles a paragraph), so the text stays.
                yield h.remove_block(ctx, b, _EXACT_REPEAT_CONFIDENCE, f"Repeats block {first[key]} word for word.")
            continue
        first[key] = b.index
        if n >= 8:
            by_head.setdefault(tuple(key.split(" ", 8)[:8]), []).append(b.index)
    for group in by_head.values():
        for i in group:
            content = ctx.blocks[i].content.rstrip()
            if ends_terminal(content) and not content.endswith(_ELLIPSIS):
                continue  # a complete block is not a teaser
            for j in group:
                ki, kj = keys[i], keys[j]
                if i != j and ki is not None and kj is not None and len(kj) > len(ki) and kj.startswith(ki):
                    # cut off by an ellipsis glued to a word ("… employment during..."), with what
                    # earlier decisions removed set aside (a fused "Read More"): a teaser for sure
                    cut = _TEASER_CUT.search(ctx.surviving(ctx.blocks[i]))
                    yield h.remove_block(
                        ctx,
                        ctx.blocks[i],
                        _CUT_TEASER_CONFIDENCE if cut else _EXACT_REPEAT_CONFIDENCE,
                        f"Teaser that repeats the start of block {j}" + (", cut off by an ellipsis." if cut else "."),
                    )
                    break
