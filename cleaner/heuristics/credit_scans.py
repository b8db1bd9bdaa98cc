"""Where a credit label can stand, for ``inline_caption`` (inline_credits.py): the label patterns
("Photo:", "Autor ▪ Reuters", "file photo."), where their matches can start, and the scans of
the text's fold read backwards for what closes a credit, which leave the patterns a few places in
a few blocks to try."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from cleaner.heuristics.base import Context
from cleaner.heuristics.patterns import alternation, by_words
from cleaner.model import Block
from cleaner.text import UNFOLDED, blind_folds, lined_fold, trie_regex, word_trie


@by_words
@lru_cache(maxsize=16)
def _label_pattern(labels: tuple[str, ...]) -> regex.Pattern[str]:
    alts = alternation(labels)
    return regex.compile(
        r"(?<![\p{L}\p{N}])(?P<open>[(\[<\uff08]\s*)?(?P<label>"
        + alts
        + r")(?:\s*[:=\uff1a]\s*|(?<=\.)\s+|"
        + _SYMBOL_SEPARATOR
        + r")",
        regex.IGNORECASE,
    )


# A square or a bullet between a label and a name ("Autor \u25aa Reuters", "Foto \u2022 AFP"): the
# separator some sites print in credits instead of a colon.
_SYMBOL_SEPARATOR = r"[ \t]+[\u25aa\u25a0\u25cf\u2022][ \t]+"
_SYMBOL_CHARS = "\u25aa\u25a0\u25cf\u2022"
_SYMBOLS = re.compile(f"[{_SYMBOL_CHARS}]")


@by_words
@lru_cache(maxsize=16)
def _symbol_label_pattern(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """A byline word ("Autor", "By") before a square or a bullet and a name: a credit as sites
    print it under a photo. With a colon such a word opens bylines, which the body's header keeps."""
    alts = alternation(labels)
    return regex.compile(r"(?<![\p{L}\p{N}])(?P<open>)(?P<label>" + alts + r")" + _SYMBOL_SEPARATOR, regex.IGNORECASE)


@by_words
@lru_cache(maxsize=16)
def _standalone_pattern(labels: tuple[str, ...]) -> regex.Pattern[str]:
    """A "file photo" label standing as a sentence of its own: after a sentence end (or at the
    line's start) and closed by a full stop, a bracket or the line's end."""
    alts = alternation(labels)
    return regex.compile(
        r"(?:(?<=[.!?\u0964\u3002][\"'\u201d\u2019)]?[ \t]{1,3})|^)(?P<open>[(\[\uff08]\s*)?(?P<label>"
        + alts
        + r")(?(open)\s*[)\]\uff09]|)(?:\s*[.\u0964\u3002]|(?=\s*$))",
        regex.IGNORECASE,
    )


@by_words
@lru_cache(maxsize=16)
def _label_starts(labels: tuple[str, ...]) -> regex.Pattern[str] | None:
    """Where a match of ``_label_pattern(labels)`` can start: after no letter or digit, at an
    opening bracket or at a label's first word (as a trie, compared as the label pattern compares
    it: by ``regex``, ignoring case). None when a label does not start with a letter of its own."""
    words = [w for w in labels if w]
    if not words or any(w[0].isspace() for w in words):
        return None
    firsts = trie_regex({w.split()[0] for w in words})
    return regex.compile(r"(?<![\p{L}\p{N}])(?=[(\[<\uff08]|" + firsts + ")", regex.IGNORECASE)


def _label_matches(
    pat: regex.Pattern[str],
    content: str,
    starts: regex.Pattern[str] | None,
    windows: Sequence[tuple[int, int]] | None = None,
) -> Iterable[regex.Match[str]]:
    """``pat.finditer(content)``, tried only where ``starts`` finds a match of ``pat`` can start
    (``_label_starts`` for ``_label_pattern``): a scan for a label's first word costs less than
    trying every label at every word (tested equal). Without ``starts``, everywhere.
    ``windows``: the ranges ``[lo, hi]`` of the content, in order and apart, that hold every
    offset where a match can start (``_near``): ``starts`` is asked only there."""
    if starts is None:
        return pat.finditer(content)
    out: list[regex.Match[str]] = []
    end = 0
    for lo, hi in ((0, len(content)),) if windows is None else windows:
        # a label and its first word end before the character closing it (``hi``)
        for s in starts.finditer(content, max(lo, end), hi + 1):
            at = s.start()
            if at < end:
                continue
            m = pat.match(content, at)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


@dataclass(frozen=True)
class _Windows:
    """The ranges ``[lo, hi]`` of one content where the matches of ``_label_pattern`` and of
    ``_standalone_pattern`` can start (``_near``), with where the latter's can start at all."""

    label: tuple[tuple[int, int], ...]
    alone: tuple[tuple[int, int], ...]
    alone_starts: regex.Pattern[str] | None
    # where the matches of ``_symbol_label_pattern`` can start (``_bullet_near``), when known
    symbol: tuple[tuple[int, int], ...] | None = None


# A scan for the places where something can stand: the character it opens with, and the pattern
# (which opens with it). A scan for one character skips ahead to it (and a text without it is not
# scanned), where a class of characters is asked at every character (~6x the cost on wild-dev).
_Scan = tuple[str, re.Pattern[str]]


def _scan(char: str, after: str = "") -> _Scan:
    return char, re.compile(re.escape(char) + after)


def _scanned(text: str, scans: Iterable[_Scan]) -> list[int]:
    """The offsets in ``text`` where one of the scans finds a match."""
    return [m.start() for char, pat in scans if char in text for m in pat.finditer(text)]


@by_words
@lru_cache(maxsize=16)
def _closer_scans(
    labels: tuple[str, ...], file_labels: tuple[str, ...], loose: bool = False
) -> tuple[tuple[_Scan, ...], tuple[_Scan, ...]] | None:
    """Two sets of scans of a content case-folded and read backwards, for the characters that close
    a credit: of ``_label_pattern(labels)``, a ":", "=" or "\uff1a" (after the label and spaces), a
    symbol separator's square or bullet, or the full stop that ends a label ending in one (found
    where such a label's last word stands before it); of ``_standalone_pattern(file_labels)``, a
    sentence end that a "file photo" label's last word stands before, spaces and a closing bracket
    aside. The words compare as folded (``blind_folds``: a label pattern compares by that folding).
    ``loose``: for a fold where ``UNFOLDED`` stands for each character that folds to several
    (``_lined``), where the fold says nothing: it counts as any character of a word
    (``_loose_trie``). None when a label's folding is not one character for one."""
    words = [w for w in labels + file_labels if w.strip()]
    if any(len(w.casefold()) != len(w) for w in words):
        return None

    def backwards(last_words: list[str]) -> str:
        folds = {f[::-1] for w in last_words for f in blind_folds(w)}
        return _loose_trie(folds) if loose else trie_regex(folds)

    label = [_scan(c) for c in ":=\uff1a" + _SYMBOL_CHARS]
    dotted = [w.split()[-1][:-1] for w in labels if w.strip() and w.endswith(".")]
    if dotted:
        label.append(_scan(".", f"(?={backwards(dotted)})"))
    files = [w.split()[-1] for w in file_labels if w.strip()]
    ends = f"(?=\\s*(?:[)\\]\uff09]\\s*)?(?:{backwards(files)}))"
    return tuple(label), tuple(_scan(c, ends) for c in ".\u0964\u3002") if files else ()


def _lined(content: str) -> str:
    """``content.casefold()`` lined up with ``content``: each character that folds to several
    stands as one ``UNFOLDED`` (as ``lined_fold`` has it for the text)."""
    for c in {c for c in set(content) if len(c.casefold()) != 1}:
        content = content.replace(c, UNFOLDED)
    return content.casefold()


@by_words
@lru_cache(maxsize=16)
def _longest(words: tuple[str, ...]) -> int:
    return max((len(w) for w in words), default=0)


@lru_cache(maxsize=64)
def _reach(chars: int) -> regex.Pattern[str]:
    r"""Matched backwards from an offset: the stretch before it that holds ``chars`` characters
    other than spaces (``\s`` as the label patterns read it), with the spaces among them."""
    return regex.compile(rf"(?:\S\s*){{0,{chars}}}", regex.REVERSE)


def _spans_before(content: str, closers: Iterable[int], chars: int) -> tuple[tuple[int, int], ...]:
    """For each offset in ``closers``, the range from where ``chars`` characters other than spaces
    stand before it to the offset itself; overlapping ranges merged, in order."""
    out: list[tuple[int, int]] = []
    reach = _reach(chars)
    for c in sorted(set(closers)):
        lo = reach.match(content, 0, c).start()  # type: ignore[union-attr]
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], c)
        else:
            out.append((lo, c))
    return tuple(out)


def _near(
    content: str, labels: tuple[str, ...], file_labels: tuple[str, ...], lined: str | None = None
) -> _Windows | None:
    """Where in ``content`` the matches of ``_label_pattern(labels)`` and of
    ``_standalone_pattern(file_labels)`` can start: a match holds, before the character that
    closes it (``_closer_scans``; for a "file photo" label, the content's end too), at most an
    opening bracket, its label and a closing bracket besides spaces, so it starts within that many
    characters other than spaces before it. None when a label's folding is not one character for
    one (no windows: everywhere). ``lined``: ``_lined(content)`` when known (the stretches of the
    text's ``lined_fold`` that ``content`` is made of: a fold of one character at a time), which
    spares folding the content again (~50 ns a character outside ASCII); where it holds an
    ``UNFOLDED`` the fold says nothing there, and the content is folded here."""
    if lined is None or UNFOLDED in lined:
        folded = content.casefold()
        loose = len(folded) != len(content)
        lined = _lined(content) if loose else folded
    else:  # every character folds to one: the fold is the content's
        loose = False
    scans = _closer_scans(labels, file_labels, loose)
    if scans is None:
        return None
    back = lined[::-1]
    last = len(content) - 1
    longest = max(_longest(labels), _longest(file_labels))
    return _Windows(
        _spans_before(content, (last - at for at in _scanned(back, scans[0])), longest + 2),
        _spans_before(content, [*(last - at for at in _scanned(back, scans[1])), len(content)], longest + 3),
        _label_starts(file_labels) if file_labels else None,
    )


def _bullet_near(content: str, near: _Windows | None, bywords: tuple[str, ...]) -> _Windows | None:
    """``near`` with where in ``content`` the matches of ``_symbol_label_pattern(bywords)`` can
    start: a match is a byword, spaces and its square or bullet, so it starts within as many
    characters other than spaces before the square or bullet as the longest byword has."""
    if near is None or not bywords:
        return near
    symbol = _spans_before(content, _scanned(content, _BULLET_SCANS), _longest(bywords))
    return _Windows(near.label, near.alone, near.alone_starts, symbol)  # (``replace`` asks the fields first)


_BULLET_SCANS = tuple(_scan(c) for c in _SYMBOL_CHARS)


@by_words
@lru_cache(maxsize=16)
def _label_prefilter(labels: tuple[str, ...]) -> re.Pattern[str]:
    """One literal scan for the first word of every label, on case-folded text: a block without
    any skips the label patterns (which try a lookbehind and every label at each position)."""
    return re.compile(trie_regex({w.casefold().split()[0] for w in labels if w.strip()}))


@dataclass(frozen=True)
class _Ends:
    """The scans for where a credit can end (``_label_ends``): ``strict`` for the whole text;
    ``loose`` for a block holding a character that folds to several, where the fold says nothing
    (``UNFOLDED``): it may stand for any character of a label's word, and each label counts in
    every spelling a case-blind pattern matches (``blind_folds``). (The closers are the text's own:
    ``_loose_back``; a square or a bullet closing a credit is asked in the text.)"""

    strict: tuple[_Scan, ...]
    loose: tuple[_Scan, ...]


def _backwards(words: Iterable[str], loose: bool) -> str:
    """The words (each a label's last word, as folded) as one pattern of the fold read backwards;
    ``loose``, in every spelling a case-blind pattern matches, each character or ``UNFOLDED``."""
    if not loose:
        return trie_regex({w[::-1] for w in words})
    return _loose_trie({f[::-1] for w in words for f in blind_folds(w)})


def _loose_trie(words: set[str]) -> str:
    """``trie_regex(words)`` with ``UNFOLDED`` matching each character too (a prefilter: a word
    a shorter one starts with is left to it)."""
    trie = word_trie(words)

    def build(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        alts = [f"[{re.escape(ch)}{UNFOLDED}]" + build(node[ch]) for ch in sorted(node)]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


@by_words
@lru_cache(maxsize=16)
def _label_ends(labels: tuple[str, ...], file_labels: tuple[str, ...]) -> _Ends:
    """Where a credit can stand, found in the case-folded text read backwards: each label pattern
    needs its label's last word right before what closes it, a ":" or "=" (or after a label ending
    in a full stop, a space), and a standalone "file photo" label a sentence end (or the line's
    end, asked apart: ``_label_tail``). One hit is one character (the closer), so no hit hides
    another; the hits are few, where a scan for the labels' words stops at most letters. One scan
    for each closing character (``_Scan``)."""

    def lasts(words: tuple[str, ...], drop: str = "") -> list[str]:
        return [w.casefold().split()[-1].removesuffix(drop) for w in words if w.strip()]

    dotted = tuple(w for w in labels if w.strip() and w.casefold().split()[-1].endswith("."))

    def scans(loose: bool) -> tuple[_Scan, ...]:
        colon = rf"(?=\s*(?:{_backwards(lasts(labels), loose)}))"
        out = [_scan(c, colon) for c in ":=\uff1a"]
        stops = [rf"(?={_backwards(lasts(dotted, '.'), loose)})"] if dotted else []
        if file_labels:
            ends = rf"(?=\s*(?:[)\]\uff09]\s*)?(?:{_backwards(lasts(file_labels), loose)}))"
            stops.append(ends)
            out += [_scan(c, ends) for c in "\u0964\u3002"]
        if stops:
            out.append(_scan(".", "(?:" + "|".join(stops) + ")"))
        return tuple(out)

    return _Ends(scans(False), scans(True))


@dataclass(frozen=True)
class _Tail:
    """A "file photo" label closing its line, read backwards from the line's end (``pattern``),
    with the characters it can open with besides spaces: a closing bracket, a last word's last
    letter (a line ending in another is not asked); ``loose``, as ``_Ends.loose`` has it."""

    pattern: re.Pattern[str]
    opens: frozenset[str]
    loose: re.Pattern[str]

    def match(self, back: str, at: int) -> bool:
        c = back[at : at + 1]
        return (c in self.opens or c.isspace()) and self.pattern.match(back, at) is not None


@by_words
@lru_cache(maxsize=16)
def _label_tail(file_labels: tuple[str, ...]) -> _Tail:
    """A "file photo" label closing its line, read backwards from the line's end."""
    words = [w.casefold().split()[-1] for w in file_labels if w.strip()]
    opens = frozenset(")]\uff09" + "".join(w[-1] for w in words if w))

    def tail(loose: bool) -> re.Pattern[str]:
        return re.compile(rf"\s*(?:[)\]\uff09]\s*)?(?:{_backwards(words, loose)})")

    return _Tail(tail(False), opens, tail(True))


def _blocks_with_label_words(
    ctx: Context, seen: re.Pattern[str], ends: _Ends | None = None, tail: _Tail | None = None
) -> set[int]:
    """The blocks for which ``seen.search(block.content.casefold())`` holds (a label's first word
    in the block), asked only of the blocks where ``ends`` (``_label_ends``) or ``tail`` finds a
    place a credit could end: a block with none holds no credit, whatever words it has.

    The places come from one scan of the folded text read backwards (``lined_fold``: it lines up
    with the text; a credit lies inside one block's content, so its closer does). A block holding
    a character that folds to several (where the fold says nothing) is asked by the loose scans."""
    if ends is None:
        return {b.index for b in ctx.blocks if seen.search(b.content.casefold())}
    folded = lined_fold(ctx.text)
    n = len(folded)
    back = folded[::-1]
    near = {i for at in _scanned(back, ends.strict) if (i := ctx.holding(n - 1 - at)) is not None}
    unfolded = _unfolded(ctx, folded) - near if UNFOLDED in folded else set()
    if unfolded:  # asked by the loose scans, and for a square or a bullet in their text
        loose = _loose_back(ctx.text, folded)
        near.update(i for at in _scanned(loose, ends.loose) if (i := ctx.holding(n - 1 - at)) in unfolded)
        near.update(i for i in unfolded if any(c in ctx.blocks[i].content for c in _SYMBOL_CHARS))
    else:
        loose = back
    if tail is not None:
        # ``tail.match(back, n - z)`` written out: its first test, of the content's last character
        # (``back[n - z]``), read in ``folded`` itself (a call and a slice for each block spared)
        opens, pattern = tail.opens, tail.pattern
        for b in ctx.blocks:
            z = b.content_end
            if z <= b.content_start or b.index in near:
                continue
            c = folded[z - 1]
            if (c in opens or c.isspace()) and pattern.match(back, n - z) is not None:
                near.add(b.index)
            elif b.index in unfolded and tail.loose.match(loose, n - z) is not None:
                near.add(b.index)
    return {i for i in near if _worded(seen, ctx.blocks[i], folded)}


def _worded(seen: re.Pattern[str], b: Block, folded: str) -> bool:
    """``seen.search(b.content.casefold())``, asked of the block's stretch of ``folded`` (the text's
    ``lined_fold``) where every character folds to one (there it is the content's fold: a literal
    pattern reads nothing around its match), sparing the fold (~50 ns a character outside ASCII)."""
    a, z = b.content_start, b.content_end
    if folded.find(UNFOLDED, a, z) < 0:
        return seen.search(folded, a, z) is not None
    return seen.search(b.content.casefold()) is not None


# What closes a credit (besides the line's end): a case-blind pattern matches each with itself alone.
_CLOSERS = frozenset(":=\uff1a.\u0964\u3002)]\uff09" + _SYMBOL_CHARS)


def _loose_back(text: str, folded: str) -> str:
    """``folded`` (a fold of ``text`` lined up with it) read backwards, for the loose scans, with
    each closer of a credit and each space the text holds where ``UNFOLDED`` stands: ``lined_fold``
    marks only the characters that fold to several, none of them a closer or a space; a fold that
    says nothing (a test's) may hide one."""
    hidden = [i for i in _positions(folded, UNFOLDED) if text[i] in _CLOSERS or text[i].isspace()]
    if hidden:
        chars = list(folded)
        for i in hidden:
            chars[i] = text[i]
        folded = "".join(chars)
    return folded[::-1]


def _positions(text: str, char: str) -> Iterable[int]:
    at = text.find(char)
    while at >= 0:
        yield at
        at = text.find(char, at + 1)


def _unfolded(ctx: Context, folded: str) -> set[int]:
    """The blocks holding a character that folds to several (``UNFOLDED`` in ``folded``)."""
    return {b.index for b in ctx.blocks if folded.find(UNFOLDED, b.content_start, b.content_end) >= 0}
