"""Where a lead-in label can stand, for the lead-in heuristics (leadins.py): the runs of spaces a
fused label can follow, the text's fold and the scans of it (forwards, and read backwards) for
the few places a label stands, the labels' folds as a tree read backwards, and the patterns
tried only at those places."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, wraps
from typing import Any, NamedTuple, TypeVar

import regex

from cleaner.heuristics.base import Context
from cleaner.model import Block
from cleaner.text import UNFOLDED, blind_folds, lined_fold, trie_regex

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


def _fused_matches(
    fused: regex.Pattern[str], content: str, starts: Iterable[int] | None = None
) -> Iterator[regex.Match[str]]:
    """The matches of ``fused`` in ``content``, in order, each tried only where its lookbehinds
    allow a match to start (``starts``, from ``_fused_starts``; else found here)."""
    for at in (m.end() for m in _FUSED_AT.finditer(content)) if starts is None else starts:
        m = fused.match(content, at)
        if m:
            yield m


_SPACES_BEFORE = regex.compile(r"\s*", regex.REVERSE)


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
