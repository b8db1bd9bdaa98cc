"""Cross-promotion lead-ins inside a line: "(RELATED: …)" anywhere, or a "Read also" label after
the last sentence followed by nothing but other stories' headlines; and such a label with its colon
between two sentences of a line, whose headline (if any) cannot be told from the prose after it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, wraps
from typing import Any, NamedTuple, TypeVar

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.patterns import alternation
from cleaner.model import Block, Removal
from cleaner.text import UNFOLDED, blind_folds, count_words, lined_fold, trie_regex, word_trie

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
    if not runs:
        return {}  # (most texts once the gates chose the runs a label follows)
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


def _runs_within(text: str, blocks: Iterable[Block]) -> dict[int, int]:
    """The runs ``_fused_starts`` looks at (start -> end in the text), found in the contents of
    ``blocks`` alone, each cut at its content's end: for those blocks, it finds in them what it
    finds in all the text's runs (a run that starts before a content, or at its first character,
    it leaves out: the character before a run must be the content's), without a scan of the rest."""
    runs: dict[int, int] = {}
    for b in blocks:
        a, z = b.content_start, b.content_end
        for m in _RUN_AFTER_END.finditer(text, a, z):
            runs[m.start() + 1] = m.end()
        for m in _LONG_RUN.finditer(text, a, z):
            runs.setdefault(m.start(), m.end())
    return runs


_T = TypeVar("_T")


def _by_labels(make: Callable[[tuple[str, ...]], _T]) -> Callable[[tuple[str, ...]], _T]:
    """``make`` cached by its labels, found by the tuple's identity first: the rulebook keeps one
    tuple of the lexicon's words, which every document asks for several times, and hashing its
    hundreds of words (as ``lru_cache`` does at each call) costs more than what is looked up."""
    cached = lru_cache(maxsize=16)(make)
    last: dict[int, tuple[tuple[str, ...], _T]] = {}

    @wraps(make)
    def get(labels: tuple[str, ...]) -> _T:
        hit = last.get(id(labels))
        if hit is not None and hit[0] is labels:  # held here, so no other tuple has its id
            return hit[1]
        value = cached(labels)
        if len(last) >= 16:
            last.clear()
        last[id(labels)] = (labels, value)
        return value

    return get


@_by_labels
def _label_folds(labels: tuple[str, ...]) -> frozenset[str]:
    """The labels as a case-blind pattern can match them, in the text's fold (``blind_folds``)."""
    return frozenset(f for w in labels if w for f in blind_folds(w))


@_by_labels
def _folds_evenly(labels: tuple[str, ...]) -> bool:
    """Whether every label's folding is one character for one, and none starts or ends with a
    space: the gates below read the labels' folds against the text's (else there are none)."""
    for w in labels:
        f = w.casefold()
        if f and (len(f) != len(w) or f[0].isspace() or f[-1].isspace()):
            return False
    return True


@dataclass(frozen=True)
class _EachFirst:
    """A pattern that opens with one of a few characters, as one pattern for each: a scan for one
    skips ahead as for a literal, several times faster than a scan for a class of them. Together
    they find what the class pattern finds, in order: a match holds none of the characters past
    its first, so no match of one hides a place where another starts."""

    by_char: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def compile(cls, chars: str, rest: str) -> _EachFirst:
        return cls(tuple((c, re.compile(re.escape(c) + rest)) for c in chars))

    def finditer(self, text: str) -> list[re.Match[str]]:
        found = [m for c, p in self.by_char if c in text for m in p.finditer(text)]
        if len(found) > 1:
            found.sort(key=re.Match.start)
        return found


class _HeadScans(NamedTuple):
    """``_head_scans``: on the text's fold, forwards, the runs after a sentence end that a label
    follows (the run as group 1), the runs of two or more spaces and tabs it follows (found from
    their first two spaces or a tab, back to their start: ``_headed_runs``), the opening brackets
    it follows; on the fold read backwards, a label ending right before an offset, and the
    separators one ends before."""

    after_end: _EachFirst
    long_runs: tuple[re.Pattern[str], re.Pattern[str]]
    brackets: _EachFirst
    ending: re.Pattern[str]
    separators: _EachFirst


@_by_labels
def _head_scans(labels: tuple[str, ...]) -> _HeadScans | None:
    """Scans of the text's fold (``lined_fold``) for the few places a label can stand, each a label
    in full (case-folded, ``blind_folds``; a space in it any run of spaces, as in the patterns),
    since a label pattern compares by that folding: where none stands, none matches.

    Forwards: the runs of spaces ``_fused_starts`` looks at (after sentence-final punctuation, or
    two or more long) that a label follows, and the opening brackets a label follows (spaces
    aside). On the fold read backwards: a label that ends right before an offset (spaces and tabs
    aside), and the separators that a label ends right before (``_SEPARATOR`` but ">>"). None when
    a label's folding is not one character for one (``_folds_evenly``)."""
    if not _folds_evenly(labels):
        return None
    folds = _label_folds(labels)
    ahead = _opened_trie(folds)
    behind = _opened_trie({f[::-1] for f in folds})
    return _HeadScans(
        _EachFirst.compile(_ENDERS, rf"([ \t]+)(?={ahead})"),
        (re.compile(rf"  [ \t]*(?={ahead})"), re.compile(rf"\t[ \t]*(?={ahead})")),
        _EachFirst.compile("([", rf"\s*(?={ahead})"),
        re.compile(rf"[ \t]*(?:{behind})"),
        _EachFirst.compile(":\u0983|\u00bb", rf"(?=[ \t]*(?:{behind}))"),
    )


def _opened_trie(folds: set[str]) -> str:
    """``trie_regex`` of the folds (a space any run of whitespace), behind a look at the two
    characters one opens with: a class for the first, one for the second (any whitespace for a
    space), each one test where the trie tries its first characters in turn. Most places a scan
    stops at open no label; the scan stops there the same (the classes take every fold's)."""
    trie = trie_regex(folds, space=r"\s+")
    if not folds:
        return trie
    guard = "[" + "".join(sorted({re.escape(f[0]) for f in folds})) + "]"
    if all(len(f) > 1 for f in folds):
        seconds = {f[1] for f in folds}
        guard += "[" + "".join(sorted({re.escape(c) for c in seconds if c != " "}))
        guard += (r"\s" if " " in seconds else "") + "]"
    return f"(?={guard})(?:{trie})"


@dataclass(frozen=True)
class _Fold:
    """The document's fold as the gates read it (``lined_fold``), and the blocks whose content holds
    a character it marks ``UNFOLDED``: there it says nothing, and those blocks are read as without
    the gates (every place tried), the others as the gates say."""

    text: str
    unfolded: frozenset[int]

    @cached_property
    def back(self) -> str:
        """The fold read backwards: offset i of the text is ``len - 1 - i`` here."""
        return self.text[::-1]


_UNFOLDED = re.compile(UNFOLDED)


def _fold(ctx: Context) -> _Fold:
    """The document's ``_Fold``, made once for it (``Context.once``)."""

    def make() -> _Fold:
        folded = lined_fold(ctx.text)
        if UNFOLDED not in folded:
            return _Fold(folded, frozenset())
        held = (ctx.holding(m.start()) for m in _UNFOLDED.finditer(folded))
        return _Fold(folded, frozenset(i for i in held if i is not None))

    return ctx.once(_fold, make)


def _headed_runs(text: str, folded: str, scans: _HeadScans) -> dict[int, int]:
    """The runs of ``_fused_starts`` (start -> end) that a label follows: those of all its runs at
    whose end a label can start (the folded text lines up with the text, and folding leaves spaces
    and punctuation as they are)."""
    runs: dict[int, int] = {m.start(1): m.end(1) for m in scans.after_end.finditer(folded)}
    for opening, scan in zip(("  ", "\t"), scans.long_runs, strict=True):
        if opening in text:
            for m in scan.finditer(folded):  # from two spaces or a tab in the run: back to its start
                start = m.start()
                while start > 0 and folded[start - 1] in " \t":
                    start -= 1
                if m.end() - start >= 2:
                    runs.setdefault(start, m.end())
    return runs


def _case_kin(ch: str) -> set[str]:
    """``ch`` with its lower, upper, title and folded forms, and theirs: every character that a
    case-blind compare can take for it shares one of them ("ı" and "i" share "I")."""
    forms = {ch, ch.lower(), ch.upper(), ch.title(), ch.casefold()}
    return forms | {g for f in forms for g in (f.lower(), f.upper(), f.casefold())}


def _picks_alike(words: set[str]) -> bool:
    """Whether the words as a trie (``trie_regex``, ``whole``) match at each place what their
    alternation, longest first, matches there: when no character can follow a node of the trie by
    two ways (two next characters alike but for case, a whitespace character beside the space
    that stands for any run of it, two spaces in a row), the words that match at a place are each
    the start of the next; the trie tries the longest first as the alternation does, then the next
    longest when what follows fails."""
    if any(w != w.strip() or "  " in w for w in words):
        return False
    stack = [word_trie(words)]
    while stack:
        node = stack.pop()
        seen: set[str] = set()
        for ch, after in node.items():
            if not ch:
                continue
            if ch != " " and (ch.isspace() or _WHITE.match(ch)):
                return False
            kin = _case_kin(ch)
            if kin & seen or (ch == " " and " " in after):
                return False
            seen |= kin
            stack.append(after)
    return True


_WHITE = regex.compile(r"\s")


def _alts(words: set[str], safe: bool) -> str:
    """The words as one regex that matches at a place the word their alternation (longest first,
    a space any run of whitespace) matches: as a trie when ``safe`` (``_picks_alike``: a try costs
    one path through it, not every word in turn), else the alternation."""
    if safe:
        return trie_regex(words, space=r"\s+", whole=True)
    return alternation(words)


@_by_labels
def _labels_alike(labels: tuple[str, ...]) -> bool:
    """``_picks_alike`` of the labels, once for them."""
    return _picks_alike({w for w in labels if w})


@_by_labels
def _patterns(labels: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    alts = _alts({w for w in labels if w}, _labels_alike(labels))
    bracketed = regex.compile(
        r"(?:\s+|^)[(\[]\s*(?:" + alts + r")\s*[:|\-\u2013\u2014>\u00bb]\s*[^()\[\]\n]{3,200}[)\]]", regex.IGNORECASE
    )
    fused = regex.compile(
        r"(?:(?<=[.!?\u2026\u00bb\"\u201d\u0964\u3002][ \t]{1,3})|(?<=\S[ \t]{2,}))(?:" + alts + r")(?![\p{L}\p{N}])"
        r"\s*[:|\-\u2013\u2014>\u00bb]?(?P<rest>[^\n]*)$",
        regex.IGNORECASE,
    )
    return bracketed, fused


@_by_labels
def _label_patterns(labels: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """A label with its separator and text after it, inside a line: any label after a sentence end
    (or a run of spaces), a label of several words after any word; a label that ends where the
    text ends (to find the label before a separator); a label with its separator again."""

    every = {w for w in labels if w}
    several = {w for w in every if " " in w}
    safe = _labels_alike(labels)  # then every sub-trie of theirs too (several's)
    label = regex.compile(
        r"(?:(?:(?<=[.!?\u2026\u00bb\"\u201d\u0964\u3002][ \t]{1,3})|(?<=\S[ \t]{2,}))(?:" + _alts(every, safe) + r")"
        r"|(?<=[\p{L}\p{N}\p{M}][ \t])(?:" + _alts(several, safe) + r"))(?![\p{L}\p{N}\p{M}])"
        r"[ \t]*(?:[:\u0983|]|>>|\u00bb)(?=[ \t]*\S)",
        regex.IGNORECASE,
    )
    ending = regex.compile(r"(?<![\p{L}\p{N}\p{M}])(?:" + _alts(every, safe) + r")[ \t]*\Z", regex.IGNORECASE)
    again = regex.compile(
        r"[ \t]*(?:" + _alts(every, safe) + r")(?![\p{L}\p{N}\p{M}])[ \t]*(?:[:\u0983|]|>>|\u00bb)", regex.IGNORECASE
    )
    return label, ending, again


@_by_labels
def _ending_backward(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """``_label_patterns``' ``ending`` matched backwards: it can only match at the end of where it
    is searched (``\\Z``), so one match tried there, backwards, tells whether the search finds
    anything, without trying every label at every position of the reach (``EndAnchored``'s way)."""
    ending = _label_patterns(labels)[1]
    return regex.compile(ending.pattern, ending.flags | regex.REVERSE)


@_by_labels
def _ending_trie(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """``_label_patterns``' ``ending`` with its labels as a trie: the same language, so it matches
    where ``ending`` matches, tried at a place for a fraction of the cost (one path through the
    trie, not every label in turn)."""
    trie = trie_regex({w for w in labels if w}, space=r"\s+", whole=True)
    return regex.compile(r"(?<![\p{L}\p{N}\p{M}])(?:" + trie + r")[ \t]*\Z", regex.IGNORECASE)


@_by_labels
def _ends_tree(labels: tuple[str, ...]) -> dict[str, Any]:
    """The labels' folds (``_label_folds``) read backwards, as a tree: a character to the tree
    after it, " " for a run of whitespace (the patterns' ``\\s+``: any run holds what they
    match), "" where a label starts."""
    tree: dict[str, Any] = {}
    for f in _label_folds(labels):
        node = tree
        for ch in reversed(" ".join(f.split())):  # a run of whitespace in a label: one run in the text
            node = node.setdefault(ch, {})
        node[""] = {}
    return tree


def _label_starts(back: str, at: int, tree: dict[str, Any]) -> list[int]:
    """Where in the fold read backwards (``back``) a label's fold read backwards ends, from ``at``
    on (spaces and tabs first skipped): the offsets, nearest first. In the text, each is where a
    label that ends before ``at`` (spaces and tabs aside) can start: every place ``ending`` can
    match there, and few others. The walk takes a run of whitespace whole, as ``\\s+`` must
    (a label's characters are no whitespace)."""
    n = len(back)
    i = at
    while i < n and back[i] in " \t":
        i += 1
    node, out = tree, []
    while True:
        if "" in node:
            out.append(i)
        if i >= n:
            return out
        ch = back[i]
        if ch.isspace():  # Python's whitespace, every character regex's \s takes (and a few more)
            if " " not in node:
                return out
            node, i = node[" "], i + 1
            while i < n and back[i].isspace():
                i += 1
        elif ch in node:
            node, i = node[ch], i + 1
        else:
            return out


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
    """For each block, the offsets ``_first_fused`` tries: where a fused label can start and the
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


_SPACES_BEFORE = regex.compile(r"\s*", regex.REVERSE)
_BRACKET = re.compile(r"[(\[]")


def _bracketed_at(bracketed: regex.Pattern[str], content: str, places: list[int]) -> list[regex.Match[str]]:
    """``list(bracketed.finditer(content))``, tried only at the brackets in ``places`` (those a
    label's first word follows, or every one: no other can open a match): a match starts at the
    spaces before its bracket (or at the content's start), so it is tried where they start, bracket
    by bracket (a scan of the content would try at every space)."""
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
