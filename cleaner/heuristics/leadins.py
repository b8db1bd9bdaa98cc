"""Cross-promotion lead-ins inside a line: "(RELATED: …)" anywhere, or a "Read also" label after
the last sentence followed by nothing but other stories' headlines; and such a label with its colon
between two sentences of a line, whose headline (if any) cannot be told from the prose after it.
The scans for where a label can stand are in leadin_scans.py, the label patterns in
leadin_patterns.py."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.leadin_patterns import _ending_backward, _ending_trie, _label_patterns, _patterns
from cleaner.heuristics.leadin_scans import (
    _bracketed_at,
    _ends_tree,
    _Fold,
    _fold,
    _fused_matches,
    _fused_starts,
    _head_scans,
    _headed_runs,
    _label_starts,
    _runs_within,
)
from cleaner.model import Block, Removal
from cleaner.text import count_words

# What follows a label fused after the text may be headlines (no sentence ends) of at most this
# many words.
_TAIL_MAX_WORDS = 60
_SENTENCE_END = regex.compile(r"[.!?\u3002\uff01\uff1f\u0964](?![\p{L}\p{N}])")


# The separators a label stands before, and how far before one a label can start.
_SEPARATOR = regex.compile(r"[:\u0983|\u00bb]|>>")
_LABEL_REACH = 80
# A headline the scraper kept more than once in a row after a label ("Read also: A B C A B C D E
# D E …"): units of this many words, repeated back to back, are the box's links.
_REPEATED_UNIT = (3, 24)
_WORD = regex.compile(r"\S+")


def _repeated_run(text: str) -> int:
    """The length of the run of back-to-back repeated word groups at the start of ``text`` (0 when
    there is none): each group is one unit of words said two or more times in a row, and ends
    no sentence (scrapers repeat body sentences too; those stay)."""
    words = _WORD.finditer(text, 0, min(len(text), 4000))
    toks: list[str] = []
    ends: list[int] = []

    def reach(n: int) -> bool:
        """Whether the text holds ``n`` words or more: its words are read as far as asked (most
        runs stop within the first few dozen)."""
        while len(toks) < n:
            w = next(words, None)
            if w is None:
                return False
            toks.append(w.group())
            ends.append(w.end())
        return True

    i, end = 0, 0
    clear = 0  # the words from ``i`` up to this one end no sentence (each word is asked once)
    while True:
        clear = max(clear, i)
        for k in range(_REPEATED_UNIT[0], _REPEATED_UNIT[1] + 1):
            if not reach(i + 2 * k):
                return end
            while clear < i + k:  # whether one of toks[i : i + k] ends a sentence, asked of the new ones
                if _SENTENCE_END.search(toks[clear]):
                    return end  # a headline ends no sentence: this is prose (kept twice or not)
                clear += 1
            if toks[i : i + k] == toks[i + k : i + 2 * k]:
                j = i + 2 * k
                while reach(j + k) and toks[j : j + k] == toks[i : i + k]:
                    j += k
                i, end = j, ends[j - 1]
                break
        else:
            return end


def _opening(ctx: Context, labels: tuple[str, ...]) -> dict[int, list[int]]:
    """For each block, the offsets ``_fused_matches`` tries: where a fused label can start and the
    text's fold holds a label (all such places in a block where the fold says nothing, and in every
    block when a label's folding is not one character for one)."""
    scans = _head_scans(labels)
    if scans is None:
        return _fused_starts(ctx.text, ctx.blocks)
    fold = _fold(ctx)
    out = _fused_starts(ctx.text, ctx.blocks, runs=_headed_runs(ctx.text, fold.text, scans))
    if fold.unfolded:
        within = _runs_within(ctx.text, [ctx.blocks[i] for i in sorted(fold.unfolded)])
        every = _fused_starts(ctx.text, ctx.blocks, runs=within)
        for i in fold.unfolded:
            out.pop(i, None)
            if i in every:
                out[i] = every[i]
    return out


def _bracketing(ctx: Context, places: dict[int, list[int] | None] | None) -> set[int]:
    """The blocks whose content holds a "(" or "[" that a label follows (spaces aside): the only
    ones a bracketed lead-in can stand in (all that hold one, when a label's folding is not one
    character for one). ``places``: ``_bracket_places``."""
    if places is None:
        return {b.index for b in ctx.blocks if "(" in b.content or "[" in b.content}
    return set(places)


def _bracket_places(ctx: Context, labels: tuple[str, ...]) -> dict[int, list[int] | None] | None:
    """For each block, the offsets in its content of the "(" and "[" that a label follows (spaces
    aside), in order; None for a block that holds a bracket where the text's fold says nothing
    (any bracket there), and None for all when a label's folding is not one character for one."""
    text = ctx.text
    if "(" not in text and "[" not in text:
        return {}
    scans = _head_scans(labels)
    if scans is None:
        return None
    fold = _fold(ctx)
    out: dict[int, list[int] | None] = {}
    for m in scans.brackets.finditer(fold.text):
        i = ctx.holding(m.start())
        if i is not None:
            out.setdefault(i, []).append(m.start() - ctx.blocks[i].content_start)  # type: ignore[union-attr]
    for i in fold.unfolded:
        content = ctx.blocks[i].content
        if "(" in content or "[" in content:
            out[i] = None
    return out


_BRACKET = re.compile(r"[(\[]")


def _labelled_lines(
    ctx: Context, only: Iterable[int] | None = None
) -> Iterator[tuple[Block, str, list[tuple[int, int]]]]:
    """The blocks the lead-in label heuristics read: not removed whole, not huge; each with its
    content and the cuts earlier decisions made in it. ``only``: the indexes of the blocks that
    can hold what the heuristic looks for, in order (else all)."""
    gone = ctx.removed_blocks()
    for b in ctx.blocks if only is None else (ctx.blocks[i] for i in only):
        if b.index not in gone and len(b.content) <= 20000:
            yield b, b.content, ctx.prior_cuts(b)


def inline_lead_in(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    labels = ctx.rulebook.words("promo.lead-in-labels", None)
    if not labels:
        return
    # keyed by the labels' identity (the rulebook keeps the tuple): hashing its words costs more
    order, where, held = ctx.once(("promo.inline-lead-in", id(labels)), lambda: _lead_in_places(ctx, labels))
    if not order:  # no block can hold one, whatever the decisions: it does not read them (nor look again)
        return
    for b, content, taken in _labelled_lines(ctx, order):  # where a label can start
        found = held.get(b.index)
        if found is None:  # each block's own once for the document, asked as the heuristic first reads it
            found = held[b.index] = _lead_ins(content, b.index, labels, where)
        for s, e, reason in found:
            a, z = b.content_start + s, b.content_start + e
            if any(x < z and a < y and not (a <= x and y <= z) for x, y in taken):
                continue
            taken.append((a, z))
            yield h.remove_span(ctx, b, a, z, 0.8, reason)


_Where = tuple[dict[int, list[int]], dict[int, list[int] | None] | None, set[int]]


def _lead_in_places(
    ctx: Context, labels: tuple[str, ...]
) -> tuple[list[int], _Where, dict[int, list[tuple[int, int, str]]]]:
    """What ``inline_lead_in`` finds in the text alone, once for the document: the blocks a label
    can start in, in order; where in them (the fused labels' openings, the brackets a label
    follows, the blocks holding such a bracket); and room for each block's findings."""
    opening = _opening(ctx, labels)
    places = _bracket_places(ctx, labels)
    inside = _bracketing(ctx, places)
    return sorted(inside.union(opening)), (opening, places, inside), {}


def _lead_ins(content: str, index: int, labels: tuple[str, ...], where: _Where) -> list[tuple[int, int, str]]:
    """The lead-ins of block ``index`` (its ``content``), whatever the decisions: (start, end,
    reason) in the content's offsets."""
    opening, places, inside = where
    bracketed, fused = _patterns(labels)
    at = opening.get(index)
    found: list[tuple[int, int, str]] = []
    brackets: Iterable[regex.Match[str]] = ()
    if index in inside:
        here = None if places is None else places[index]
        if here is None:  # the fold says nothing here: every bracket of the block
            here = [m.start() for m in _BRACKET.finditer(content)]
        brackets = _bracketed_at(bracketed, content, here)
    for m in brackets:
        if m.start() > 0 or m.end() < len(content.rstrip()):  # inside a line, not the whole line
            found.append((m.start(), m.end(), "Cross-promotion link in brackets inside the text ('(Related: …)')."))
    # the first label followed only by headlines: an earlier one followed by text is no lead-in
    # here, and once a cut takes it ("|  Also Read: … The council met. 0000  Related Stories"),
    # the next cleaning finds the later one first
    for m in _fused_matches(fused, content, at or ()):
        if m.start() == 0:
            continue
        rest = m.group("rest")
        # Headlines start with a capital (or a script without capitals); "Read more here: …",
        # "Read more about our methods" are prose.
        head = rest.lstrip(" \t:|-\u2013\u2014>\u00bb")
        headline = (
            not head
            or head[0].isupper()
            or head[0].isdigit()
            or (head[0].isalpha() and head[0].lower() == head[0].upper())
        )
        if headline and not _SENTENCE_END.search(rest) and count_words(rest) <= _TAIL_MAX_WORDS:
            s = len(content[: m.start()].rstrip())
            found.append(
                (
                    s,
                    len(content),
                    "Cross-promotion label fused after the text, followed only by other stories' headlines.",
                )
            )
            break
    return found


# ---------------------------------------------------------------------------------------------
# What a removed lead-in announced: a sentence that points at a link or a video and ends in a
# colon ("We also reported on the fire in the old town:"), removed as cross-promotion, and then
# the item itself as the text's last line, a short title or caption without a full stop.

_TARGET_MAX_WORDS = 15
_TERMINAL = ".!?\u2026\u3002\u0964\"'\u201d\u00bb"


def lead_in_target(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    filled = [b for b in ctx.blocks if b.content.strip()]
    if len(filled) < 3:
        return
    last, before = filled[-1], filled[-2]
    text = last.content.strip()
    if (
        not before.content.rstrip().endswith((":", "\uff1a"))
        or not 1 <= last.n_words <= _TARGET_MAX_WORDS
        or text[-1] in _TERMINAL
    ):
        return  # the text alone rules it out, whatever the decisions: before reading them
    gone = ctx.removed_blocks()
    if (
        last.index in gone
        or before.index not in gone
        or ctx.prior_cuts(last)
        or not any(b.index not in gone for b in filled[:-2])
    ):
        return
    yield h.remove_block(
        ctx,
        last,
        0.75,
        "The item a removed lead-in announced ('…:' on the line before), as the text's last line: its title or caption.",
    )


_ONE_CHAR_SEPARATOR = re.compile(r"[:\u0983|\u00bb]")


# A separator's offset in its block's content, and the offsets there at which a label that ends
# before it can start (``_label_starts``), nearest the content's start first; None: anywhere.
_Seps = list[tuple[int, list[int] | None]]


def _separated(ctx: Context, labels: tuple[str, ...]) -> dict[int, _Seps] | None:
    """For each block, its separators (``_SEPARATOR``) a label can end before (spaces and tabs
    aside), with where such a label can start, from one scan of the text's fold read backwards:
    every separator of a block where the fold says nothing, and every one when a label's folding
    is not one character for one. None (every block, asked separator by separator:
    ``_gated_separators``) when the text holds a ">>", which a block's edge could split."""
    text = ctx.text
    if ">" in text and ">>" in text:  # a scan for one character first: most texts hold no ">"
        return None
    scans = _head_scans(labels)
    if scans is None:
        hits = [m.start() for m in _ONE_CHAR_SEPARATOR.finditer(text)]
        fold = None
    else:
        fold, last = _fold(ctx), len(text) - 1
        hits = []
        if any(c in fold.text for c, _ in scans.separators.by_char):  # else no need to read it backwards
            hits = [last - m.start() for m in scans.separators.finditer(fold.back)]
            hits.reverse()
        if fold.unfolded:  # every separator of those blocks: a scan of their contents alone
            spans = (ctx.blocks[i] for i in fold.unfolded)
            every = (
                m.start() for b in spans for m in _ONE_CHAR_SEPARATOR.finditer(text, b.content_start, b.content_end)
            )
            hits = sorted({*hits, *every})
    out: dict[int, _Seps] = {}
    for k in hits:
        i = ctx.holding(k)
        if i is not None:
            b = ctx.blocks[i]
            starts = None if fold is None else _starts_before(b, k - b.content_start, labels, fold)
            if starts != []:
                out.setdefault(i, []).append((k - b.content_start, starts))
    return out


def _gated_separators(b: Block, content: str, labels: tuple[str, ...], fold: _Fold) -> _Seps:
    """Block ``b``'s separators (``_SEPARATOR``, in its ``content``) a label can end before, spaces
    and tabs aside, with where such a label can start (every separator, starting anywhere, where
    the fold says nothing or the gates are off)."""
    seps = [m.start() for m in _SEPARATOR.finditer(content)]
    if _head_scans(labels) is None:
        return [(k, None) for k in seps]
    out: _Seps = []
    for k in seps:
        starts = _starts_before(b, k, labels, fold)
        if starts != []:
            out.append((k, starts))
    return out


def _starts_before(b: Block, at: int, labels: tuple[str, ...], fold: _Fold) -> list[int] | None:
    """The offsets in block ``b``'s content where a label that ends before offset ``at`` (spaces
    and tabs aside) can start, in order (``_label_starts``); None (anywhere) where the fold says
    nothing."""
    if b.index in fold.unfolded:
        return None
    n = len(fold.text)
    back = _label_starts(fold.back, n - b.content_start - at, _ends_tree(labels))
    return [n - i - b.content_start for i in reversed(back)]


def _label_at(
    content: str,
    sep: int,
    pattern: regex.Pattern[str],
    ending: regex.Pattern[str],
    backward: regex.Pattern[str] | None = None,
    starts: tuple[list[int], regex.Pattern[str]] | None = None,
) -> regex.Match[str] | None:
    """The label that ends at the separator at offset ``sep``, with the separator, if one does
    (``backward``: ``ending`` matched backwards, asked first whether there is one). ``starts``: the
    offsets where such a label can start, in order, and ``_ending_trie``: tried there alone, the
    first where it matches is where ``ending`` finds one (the leftmost), without a search."""
    lo = max(0, sep - _LABEL_REACH)
    if starts is not None:
        places, trie = starts
        at = next((k for k in places if k >= lo and trie.match(content, k, sep)), None)
        return None if at is None else pattern.match(content, at)
    if backward is not None and backward.match(content, lo, sep) is None:
        return None
    before = ending.search(content, lo, sep)
    return pattern.match(content, before.start()) if before else None


def _next_label(content: str, at: int, later: list[regex.Match[str]]) -> int | None:
    """Where the headlines after a label end when another label follows them on the line: the
    text up to it ends no sentence and is short (a box's links, not prose). None otherwise."""
    nxt = next((m for m in later if m.start() >= at), None)
    if nxt is None:
        return None
    stop = len(content[: nxt.start()].rstrip())
    between = content[at:stop]
    if stop <= at or _SENTENCE_END.search(between) or count_words(between) > _TAIL_MAX_WORDS:
        return None
    return stop


def inline_label(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """A lead-in label with its separator between sentences of a line ("… rain. Read also: Storm
    Hits Coast The mayor said …"): the label goes. What follows it is a headline or the next
    sentence, and where one ends and the other starts is not in the text, so that stays; unless
    the headlines are kept twice in a row, or another label follows with no sentence end between
    (that bounds them: they go with the label)."""
    labels = ctx.rulebook.words("promo.lead-in-labels", None)
    if not labels:
        return
    # keyed by the labels' identity (the rulebook keeps the tuple): hashing its words costs more
    separated, held = ctx.once(("promo.inline-label", id(labels)), lambda: (_separated(ctx, labels), {}))
    if separated == {}:  # no block can hold one, whatever the decisions: it does not read them (nor look again)
        return
    for b, content, taken in _labelled_lines(ctx, separated):
        found = held.get(b.index)
        if found is None:  # each block's own once for the document, asked as the heuristic first reads it
            seps = _gated_separators(b, content, labels, _fold(ctx)) if separated is None else separated[b.index]
            found = held[b.index] = _labels_between(b, content, labels, seps)
        for s, e, reason in found:
            a, z = b.content_start + s, b.content_start + e
            if any(x < z and a < y for x, y in taken):
                continue
            taken.append((a, z))
            yield h.remove_span(ctx, b, a, z, 0.8, reason)


def _labels_between(b: Block, content: str, labels: tuple[str, ...], seps: _Seps) -> list[tuple[int, int, str]]:
    """What ``inline_label`` takes from block ``b`` (its ``content``; ``seps``: its separators a
    label can end before), whatever the decisions: (start, end, reason) in the content's offsets."""
    pattern, ending, again = _label_patterns(labels)
    backward, trie = _ending_backward(labels), _ending_trie(labels)
    found = [
        m
        for sep, starts in seps
        if (m := _label_at(content, sep, pattern, ending, backward, None if starts is None else (starts, trie)))
    ]
    out: list[tuple[int, int, str]] = []
    for k, m in enumerate(found):
        s, e = len(content[: m.start()].rstrip()), m.end()
        while more := again.match(content, e):
            e = more.end()
        reason = "Cross-promotion label ('Read also:') between the sentences of a line."
        if run := _repeated_run(content[e:]):
            e += run
            reason = "Cross-promotion label between the sentences of a line, with its headlines kept twice or more."
        elif (bound := _next_label(content, e, found[k + 1 :])) is not None:
            e = bound
            reason = "Cross-promotion label between the sentences of a line, with its headlines up to the next label."
        out.append((s, e, reason))
    return out
