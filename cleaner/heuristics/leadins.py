"""Cross-promotion lead-ins inside a line: "(RELATED: …)" anywhere, or a "Read also" label after
the last sentence followed by nothing but other stories' headlines; and such a label with its colon
between two sentences of a line, whose headline (if any) cannot be told from the prose after it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import alternation
from cleaner.model import Block, Removal
from cleaner.text import aligned_fold, blind_folds, count_words, trie_regex

# What follows a label fused after the text may be headlines (no sentence ends) of at most this
# many words.
_TAIL_MAX_WORDS = 60
_SENTENCE_END = regex.compile(r"[.!?\u3002\uff01\uff1f\u0964](?![\p{L}\p{N}])")
# Where a fused label can start: its pattern's lookbehinds end in spaces and a label does not
# start with one, so only at the end of a run of spaces after sentence-final punctuation, or of a
# run of 2 or more. Trying the pattern only there finds the same first match as a search, faster.
# The runs are found in the whole text at once (``_fused_starts``), each kind by a scan that stops
# only where one starts: after one of these characters, or at two spaces.
_ENDERS = '.!?\u2026\u00bb"\u201d\u0964\u3002'
_RUN_AFTER_END = re.compile(rf"[{re.escape(_ENDERS)}][ \t]+")
_LONG_RUN = re.compile(r"[ \t]{2,}")
_NONSPACE = regex.compile(r"\S")
# The same positions in one content (what _fused_starts answers for every content at once).
_FUSED_AT = regex.compile(r"(?<=[.!?\u2026\u00bb\"\u201d\u0964\u3002])[ \t]+|(?<=\S)[ \t]{2,}")


def _fused_starts(
    text: str,
    blocks: Sequence[Block],
    keep: Callable[[int], bool] | None = None,
    runs: dict[int, int] | None = None,
) -> dict[int, list[int]]:
    """For each block, the offsets in its content where a fused label can start: the ends of the
    runs of spaces and tabs inside the content that follow sentence-final punctuation, or
    another character than a space (the content's own, not one before it) when two or more
    long: what ``_FUSED_AT`` finds in each content alone. ``keep``: asked first of the offset in
    the text where a run ends, the runs it refuses are left out (a run that a content's end cuts
    leaves no room for a label there). ``runs``: the runs to look at (start -> end in the text),
    when the caller found them (``_headed_runs``), else all."""
    if runs is None:
        runs = {m.start() + 1: m.end() for m in _RUN_AFTER_END.finditer(text)}
        if "  " in text or "\t" in text:  # else no run of two (a scan for one stops at every space)
            for m in _LONG_RUN.finditer(text):
                runs.setdefault(m.start(), m.end())
    starts = [b.content_start for b in blocks]
    out: dict[int, list[int]] = {}
    for s in sorted(runs):
        if keep is not None and not keep(runs[s]):
            continue
        i = bisect_right(starts, s - 1) - 1  # the block whose content holds the character before
        if i < 0:
            continue
        b = blocks[i]
        if not b.content_start < s < b.content_end:
            continue
        e = min(runs[s], b.content_end)
        before = text[s - 1]
        if before in _ENDERS or (e - s >= 2 and _NONSPACE.match(before)):
            out.setdefault(i, []).append(e - b.content_start)
    return out


@lru_cache(maxsize=16)
def _label_edges(
    labels: tuple[str, ...],
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]] | None:
    """The labels' first two characters case-folded (the first alone when the second is a space,
    which a label pattern lets be any run of spaces), and their last two (or the last alone)
    likewise: where the folded text holds none of them, no label starts (or ends). None when a
    label's folding is not one character for one (no such answer then)."""
    head2: set[str] = set()
    head1: set[str] = set()
    tail2: set[str] = set()
    tail1: set[str] = set()
    for w in labels:
        f = w.casefold()
        if not f:
            continue
        if len(f) != len(w) or f[0].isspace() or f[-1].isspace():
            return None
        if len(f) >= 2 and not f[1].isspace():
            head2.add(f[:2])
        else:
            head1.add(f[:1])
        if len(f) >= 2 and not f[-2].isspace():
            tail2.add(f[-2:])
        else:
            tail1.add(f[-1:])
    return frozenset(head2), frozenset(head1), frozenset(tail2), frozenset(tail1)


@lru_cache(maxsize=16)
def _head_scans(labels: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """On the folded text: the runs of spaces ``_fused_starts`` looks at (after sentence-final
    punctuation, or two or more long) that a label's first word follows, and the opening brackets a
    label's first word follows (spaces aside). One scan each finds the few places where a label can
    start: where none of the labels' first words (case-folded, ``blind_folds``) stands, none starts,
    since a label pattern compares by that folding and a label's spaces come after its first word.
    None when a label's folding is not one character for one (``_label_edges``)."""
    if _label_edges(labels) is None:
        return None
    trie = trie_regex({f for w in labels if w for f in blind_folds(w.split(" ")[0])})
    return (
        re.compile(rf"[{re.escape(_ENDERS)}]([ \t]+)(?={trie})"),
        re.compile(rf"[ \t][ \t]+(?={trie})"),  # as [ \t]{{2,}}: a class first makes the scan skip ahead
        re.compile(rf"[(\[]\s*(?={trie})"),
    )


def _headed_runs(text: str, folded: str, scans: tuple[re.Pattern[str], ...]) -> dict[int, int]:
    """The runs of ``_fused_starts`` (start -> end) that a label's first word follows: those of all
    its runs at whose end a label can start (the folded text lines up with the text, and folding
    leaves spaces and punctuation as they are)."""
    after_end, long_run = scans[0], scans[1]
    runs: dict[int, int] = {m.start(1): m.end(1) for m in after_end.finditer(folded)}
    if "  " in text or "\t" in text:
        for m in long_run.finditer(folded):
            runs.setdefault(m.start(), m.end())
    return runs


@lru_cache(maxsize=16)
def _patterns(labels: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    alts = alternation(labels)
    bracketed = regex.compile(
        r"(?:\s+|^)[(\[]\s*(?:" + alts + r")\s*[:|\-\u2013\u2014>\u00bb]\s*[^()\[\]\n]{3,200}[)\]]", regex.IGNORECASE
    )
    fused = regex.compile(
        r"(?:(?<=[.!?\u2026\u00bb\"\u201d\u0964\u3002][ \t]{1,3})|(?<=\S[ \t]{2,}))(?:" + alts + r")(?![\p{L}\p{N}])"
        r"\s*[:|\-\u2013\u2014>\u00bb]?(?P<rest>[^\n]*)$",
        regex.IGNORECASE,
    )
    return bracketed, fused


@lru_cache(maxsize=16)
def _label_patterns(labels: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """A label with its separator and text after it, inside a line: any label after a sentence end
    (or a run of spaces), a label of several words after any word; a label that ends where the
    text ends (to find the label before a separator); a label with its separator again."""

    def alts(words: set[str]) -> str:
        return "|".join(sorted((regex.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))

    every = {w for w in labels if w}
    several = {w for w in every if " " in w}
    label = regex.compile(
        r"(?:(?:(?<=[.!?\u2026\u00bb\"\u201d\u0964\u3002][ \t]{1,3})|(?<=\S[ \t]{2,}))(?:" + alts(every) + r")"
        r"|(?<=[\p{L}\p{N}\p{M}][ \t])(?:" + alts(several) + r"))(?![\p{L}\p{N}\p{M}])"
        r"[ \t]*(?:[:\u0983|]|>>|\u00bb)(?=[ \t]*\S)",
        regex.IGNORECASE,
    )
    ending = regex.compile(r"(?<![\p{L}\p{N}\p{M}])(?:" + alts(every) + r")[ \t]*\Z", regex.IGNORECASE)
    again = regex.compile(
        r"[ \t]*(?:" + alts(every) + r")(?![\p{L}\p{N}\p{M}])[ \t]*(?:[:\u0983|]|>>|\u00bb)", regex.IGNORECASE
    )
    return label, ending, again


@lru_cache(maxsize=16)
def _ending_backward(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """``_label_patterns``' ``ending`` matched backwards: it can only match at the end of where it
    is searched (``\\Z``), so one match tried there, backwards, tells whether the search finds
    anything, without trying every label at every position of the reach (``EndAnchored``'s way)."""
    ending = _label_patterns(labels)[1]
    return regex.compile(ending.pattern, ending.flags | regex.REVERSE)


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
    words = [(w.group(), w.end()) for w in _WORD.finditer(text, 0, min(len(text), 4000))]
    toks = [w for w, _ in words]
    i, end = 0, 0
    while True:
        for k in range(_REPEATED_UNIT[0], _REPEATED_UNIT[1] + 1):
            if i + 2 * k > len(toks):
                return end
            if any(_SENTENCE_END.search(w) for w in toks[i : i + k]):
                return end  # a headline ends no sentence: this is prose (kept twice or not)
            if toks[i : i + k] == toks[i + k : i + 2 * k]:
                j = i + 2 * k
                while j + k <= len(toks) and toks[j : j + k] == toks[i : i + k]:
                    j += k
                i, end = j, words[j - 1][1]
                break
        else:
            return end


def _first_fused(
    fused: regex.Pattern[str], content: str, starts: Iterable[int] | None = None
) -> regex.Match[str] | None:
    """``fused.search(content)``, tried only where its lookbehinds allow a match to start
    (``starts``, from ``_fused_starts``; else found here)."""
    for at in (m.end() for m in _FUSED_AT.finditer(content)) if starts is None else starts:
        m = fused.match(content, at)
        if m:
            return m
    return None


def _opening(ctx: Context, labels: tuple[str, ...]) -> dict[int, list[int]]:
    """For each block, the offsets ``_first_fused`` tries: where a fused label can start, and a
    label's first characters stand (any would do when the text's or a label's folding is not one
    character for one)."""
    folded = aligned_fold(ctx.text)
    scans = _head_scans(labels)
    if folded is None or scans is None:
        return _fused_starts(ctx.text, ctx.blocks)
    return _fused_starts(ctx.text, ctx.blocks, runs=_headed_runs(ctx.text, folded, scans))


def _bracketing(ctx: Context, places: dict[int, list[int]] | None) -> set[int]:
    """The blocks whose content holds a "(" or "[" that a label's first word follows (spaces
    aside): the only ones a bracketed lead-in can stand in (all that hold one, when the text's or
    a label's folding is not one character for one). ``places``: ``_bracket_places``."""
    if places is None:
        return {b.index for b in ctx.blocks if "(" in b.content or "[" in b.content}
    return set(places)


def _bracket_places(ctx: Context, labels: tuple[str, ...]) -> dict[int, list[int]] | None:
    """For each block, the offsets in its content of the "(" and "[" that a label's first word
    follows (spaces aside), in order; None when the text's or a label's folding is not one
    character for one (any bracket then)."""
    text = ctx.text
    if "(" not in text and "[" not in text:
        return {}
    folded = aligned_fold(text)
    scans = _head_scans(labels)
    if folded is None or scans is None:
        return None
    out: dict[int, list[int]] = {}
    for m in scans[2].finditer(folded):
        i = ctx.holding(m.start())
        if i is not None:
            out.setdefault(i, []).append(m.start() - ctx.blocks[i].content_start)
    return out


_SPACES_BEFORE = regex.compile(r"\s*", regex.REVERSE)


def _bracketed_at(bracketed: regex.Pattern[str], content: str, places: list[int]) -> list[regex.Match[str]]:
    """``list(bracketed.finditer(content))``, tried only at the brackets in ``places`` (those a
    label's first word follows: no other can open a match): a match starts at the spaces before its
    bracket (or at the content's start), so it is tried where they start, bracket by bracket."""
    out: list[regex.Match[str]] = []
    end = 0
    for k in places:
        if k < end:
            continue
        start = _SPACES_BEFORE.match(content, 0, k).start()  # type: ignore[union-attr]
        if start == k and k > 0:
            continue  # no space before it, not the content's start
        m = bracketed.match(content, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


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
    order, where, held = ctx.once(("promo.inline-lead-in", labels), lambda: _lead_in_places(ctx, labels))
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


_Where = tuple[dict[int, list[int]], dict[int, list[int]] | None, set[int]]


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
    if index not in inside:
        brackets: Iterable[regex.Match[str]] = ()
    elif places is None:
        brackets = bracketed.finditer(content)
    else:
        brackets = _bracketed_at(bracketed, content, places[index])
    for m in brackets:
        if m.start() > 0 or m.end() < len(content.rstrip()):  # inside a line, not the whole line
            found.append((m.start(), m.end(), "Cross-promotion link in brackets inside the text ('(Related: …)')."))
    m = _first_fused(fused, content, at or ())
    if m and m.start() > 0:
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
    return found


# ---------------------------------------------------------------------------------------------
# What a removed lead-in announced: a sentence that points at a link or a video and ends in a
# colon ("We also reported on the fire in the old town:"), removed as cross-promotion, and then
# the item itself as the text's last line, a short title or caption without a full stop.

_TARGET_MAX_WORDS = 15
_TERMINAL = ".!?\u2026\u3002\u0964\"'\u201d\u00bb"


def lead_in_target(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    gone = ctx.removed_blocks()
    filled = [b for b in ctx.blocks if b.content.strip()]
    if len(filled) < 3:
        return
    last, before = filled[-1], filled[-2]
    text = last.content.strip()
    if (
        last.index in gone
        or before.index not in gone
        or not before.content.rstrip().endswith((":", "\uff1a"))
        or not 1 <= last.n_words <= _TARGET_MAX_WORDS
        or text[-1] in _TERMINAL
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


def _separated(ctx: Context) -> list[int] | None:
    """The blocks whose content holds a separator (``_SEPARATOR``), from one scan of the text;
    None (every block) when the text holds a ">>", which a block's edge could split."""
    if ">>" in ctx.text:
        return None
    out: list[int] = []
    for m in _ONE_CHAR_SEPARATOR.finditer(ctx.text):
        i = ctx.holding(m.start())
        if i is not None and (not out or out[-1] != i):
            out.append(i)
    return out


def _may_end(folded: str, offset: int, content: str, at: int, edges: tuple[frozenset[str], ...]) -> bool:
    """Whether a label's last characters stand right before ``at`` in the content, spaces and tabs
    aside (what ``ending`` needs to match there): ``folded`` is the whole text folded, the content
    starting at ``offset`` in it."""
    k = at
    while k > 0 and content[k - 1] in " \t":
        k -= 1
    if k == 0:
        return False
    k += offset
    return folded[max(0, k - 2) : k] in edges[2] or folded[k - 1 : k] in edges[3]


def _label_at(
    content: str,
    sep: regex.Match[str],
    pattern: regex.Pattern[str],
    ending: regex.Pattern[str],
    backward: regex.Pattern[str] | None = None,
) -> regex.Match[str] | None:
    """The label that ends at separator ``sep``, with the separator, if one does (``backward``:
    ``ending`` matched backwards, asked first whether there is one)."""
    lo, hi = max(0, sep.start() - _LABEL_REACH), sep.start()
    if backward is not None and backward.match(content, lo, hi) is None:
        return None
    before = ending.search(content, lo, hi)
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
    separated, folded, held = ctx.once(
        ("promo.inline-label", labels), lambda: (_separated(ctx), aligned_fold(ctx.text), {})
    )
    for b, content, taken in _labelled_lines(ctx, separated):
        found = held.get(b.index)
        if found is None:  # each block's own once for the document, asked as the heuristic first reads it
            found = held[b.index] = _labels_between(b, content, labels, folded)
        for s, e, reason in found:
            a, z = b.content_start + s, b.content_start + e
            if any(x < z and a < y for x, y in taken):
                continue
            taken.append((a, z))
            yield h.remove_span(ctx, b, a, z, 0.8, reason)


def _labels_between(b: Block, content: str, labels: tuple[str, ...], folded: str | None) -> list[tuple[int, int, str]]:
    """What ``inline_label`` takes from block ``b`` (its ``content``; ``folded``: the document's
    ``aligned_fold``), whatever the decisions: (start, end, reason) in the content's offsets."""
    pattern, ending, again = _label_patterns(labels)
    backward = _ending_backward(labels)
    edges = _label_edges(labels)
    found = [
        m
        for sep in _SEPARATOR.finditer(content)  # few per block: look for a label ending at each
        if (folded is None or edges is None or _may_end(folded, b.content_start, content, sep.start(), edges))
        and (m := _label_at(content, sep, pattern, ending, backward))
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
