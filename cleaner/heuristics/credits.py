"""Credits inside lines and at the end: photo captions fused into the text ("… Ảnh: Đức Hùng.",
"(사진=연합뉴스)", "Photos: Getty Images") and a sign-off name after the last sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any, ParamSpec, TypeVar

import regex

from cleaner.blocks import ends_terminal, is_title_case
from cleaner.heuristics.base import Context, Heuristic, View
from cleaner.heuristics.patterns import EndAnchored, alternation, by_words
from cleaner.model import Block, Removal
from cleaner.text import (
    UNFOLDED,
    blind_folds,
    lined_fold,
    phrase_key,
    trie_regex,
    uncovered,
    word_trie,
    words_at_most,
)

P = ParamSpec("P")
T = TypeVar("T")


# A sentence ends at a terminator and space, a line break, or a closing quote fused to the next
# word ('"… 요청"강경화 …': a subtitle and a caption joined by the scraper).
_SENTENCE_END = regex.compile(
    r"[.!?\u2026\u3002\uff01\uff1f\u0964][\"'\u201d\u2019\u00bb)\]]*(?:\s+|$)|\n|(?<=\S[\"\u201d\u00bb])(?=\p{L})"
)
_TOKEN = regex.compile(r"\S+")
_OPENERS = "\"'\u201c\u2018\u201e\u00ab(["
# What may stand before a credit label that is not at the start of its line: a sentence end or a
# separator.
_LABEL_AFTER = '.!?\u2026\u3002"\u201d\u00bb)]|\u2022\u00b7'
# A slash after a space (or opening the line) set before a credit label: "… 설명했다. /사진=연합뉴스".
_SLASH_BEFORE = regex.compile(r"(?:^|\s)/\s*$")
_CONNECTORS = frozenset("/ & | - \u2013 + và and y e und et i of de del van von der da do dos la le di du".split())
_CLOSE = {"(": ")", "[": "]", "<": ">", "\uff08": "\uff09"}

# A caption sentence in front of its credit is at most this long; longer, it is prose and only the
# credit goes.
_CAPTION_MAX_WORDS = 50
# A block that opens with a credit label and is at most this long is a credit line ("Credit: NASA
# View full size image", "Photos: Courtesy of the vendors.").
_CREDIT_LINE_MAX_WORDS = 20
_NAME_MAX_TOKENS = 6
_NAME_MAX_CHARS = 60
_INITIAL = regex.compile(r"\p{Lu}\.")
_DOMAIN_TOKEN = regex.compile(r"[\w\-/]+\.[\w\-./]*\w")


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


def _uncased(ch: str) -> bool:
    return ch.isalpha() and ch.lower() == ch.upper()


def _name_like(tok: str) -> bool:
    """A token of a name or an agency: a capital, a digit, an uncased script (Hangul, Thai, CJK),
    or a connector ("/", "&", "de", "van")."""
    if tok.casefold() in _CONNECTORS:
        return True
    core = tok.lstrip("(\"'\u201c")
    if not core:
        return False
    c = core[0]
    return c.isupper() or c.isdigit() or _uncased(c) or c in "@"


@dataclass(frozen=True)
class _Credit:
    start: int  # offset in the block content where the label (or its bracket) starts
    end: int  # offset just past the name (and a closing bracket or full stop)


def _credit_at(content: str, m: regex.Match[str]) -> _Credit | None:
    """The credit whose label the match found, with the name after it, or None when what follows
    the label is a sentence rather than a name."""
    pos = m.end()
    if m.group("open"):
        closer = _CLOSE[m.group("open").strip()]
        j = content.find(closer, pos, pos + _NAME_MAX_CHARS)
        if j < 0 or "\n" in content[pos:j] or j == pos:
            return None
        end = j + 1
        if content[end : end + 1] == ".":
            end += 1
        return _Credit(m.start(), end)
    toks = list(islice(_TOKEN.finditer(content, pos), _NAME_MAX_TOKENS + 1))  # all that is read
    run: list[regex.Match[str]] = []
    stopped = False
    for t in toks[:_NAME_MAX_TOKENS]:
        tok = t.group()
        if tok == ".":
            run.append(t)
            stopped = True
            break
        if not _name_like(tok):
            break
        run.append(t)
        if tok.endswith((".", "!", "?")) and not _INITIAL.fullmatch(tok) and not _looks_domain(tok):
            stopped = True
            break
        if tok.endswith((";", ":")):
            stopped = True
            break
    if not [t for t in run if t.group() != "."]:
        return None
    after = toks[len(run)] if len(toks) > len(run) else None
    if not stopped and after is not None:
        nxt = after.group()
        if nxt[:1].islower() and len(run) < 2:
            return None  # "Photo: The mayor speaks ...": the label opens a sentence
        if nxt[:1].islower():
            run = run[:-1]  # "Ảnh: TTXVN Các danh lam …": the last capital opens the next sentence
        if nxt[:1] not in _OPENERS:
            run = run[:2]  # the credit's name, not the capitalised start of the next sentence
    elif not stopped and len(run) >= _NAME_MAX_TOKENS:
        return None
    end = run[-1].end()
    if end - m.end() > _NAME_MAX_CHARS:
        return None
    if content[end : end + 2] == " .":
        end += 2
    return _Credit(m.start(), end)


def _looks_domain(tok: str) -> bool:
    return bool(_DOMAIN_TOKEN.fullmatch(tok.rstrip(".")) and not tok.endswith(".."))


_SPACE = regex.compile(r"\s")
_SPACES = regex.compile(r"\s*")


def _slash_before(text: str) -> bool:
    r"""``_SLASH_BEFORE.search(text) is not None``, asked at the end alone (a search tries every
    position): the slash is the last character but spaces (as ``\s`` reads them, which
    ``str.rstrip`` strips all of), after a space or opening the text."""
    body = text.rstrip()
    if not body.endswith("/") or _SPACES.fullmatch(text, len(body)) is None:
        return False
    return len(body) == 1 or _SPACE.match(body, len(body) - 2) is not None


def _caption_start(pre: str) -> int:
    """Where the last sentence of ``pre`` (the text before a credit label) starts: a terminator
    ending ``pre`` itself closes the caption, it does not start it, and so does a slash set before
    the label ("… 설명했다. /사진=연합뉴스")."""
    body = pre.rstrip()
    if _slash_before(body):
        body = body[:-1].rstrip()
    body = body[:-1] if body and body[-1] in ".!?\u2026\u3002" else body
    n = len(body)
    # First from a letter or digit near the end (``_RESTART_WITHIN``): no match spans one (a match
    # is a terminator, closing quotes and spaces, a line break, or empty), so the matches from
    # there on are those of the whole scan (its lookbehind reads the text before), and one ending
    # before the end is the last such; with none there, the whole text is scanned.
    r = max(1, n - _RESTART_WITHIN)
    while r < n and not body[r - 1].isalnum():
        r += 1
    for at in (r, 0) if r < n else (0,):
        start = 0
        for mm in _SENTENCE_END.finditer(body, at):
            if mm.end() < n:
                start = mm.end()
        if start:
            return start
    return 0


# How far before the end of the text before a credit label ``_caption_start`` looks first.
_RESTART_WITHIN = 300


def _credits(
    content: str,
    pats: tuple[tuple[regex.Pattern[str], regex.Pattern[str] | None], ...],
    alone: regex.Pattern[str] | None,
    near: _Windows | None = None,
) -> list[tuple[regex.Match[str], _Credit]]:
    """The credits of a block in order: a label with ":" or "=" and a name, or a "file photo"
    label standing as its own sentence. ``pats``: the label patterns, each with where its
    matches can start (``_label_matches``); ``near``: the windows of the content where the first
    pattern's and ``alone``'s matches can start (``_near``), when known."""
    found: list[tuple[regex.Match[str], _Credit]] = []
    windows = (near.label, near.symbol) if near is not None else ()
    for m in (
        m
        for k, (pat, starts) in enumerate(pats)
        for m in _label_matches(pat, content, starts, windows[k] if k < len(windows) else None)
    ):
        pre = content[: m.start()]
        if not m.group("open") and pre.strip() and pre.rstrip()[-1] not in _LABEL_AFTER and not _slash_before(pre):
            continue  # "Main image credit:", "WORDS & IMAGES:": the label inside a phrase
        credit = _credit_at(content, m)
        if credit is not None:
            found.append((m, credit))
    if alone is not None:
        if near is not None and near.alone_starts is not None:
            alones: Iterable[regex.Match[str]] = _label_matches(alone, content, near.alone_starts, near.alone)
        else:
            alones = alone.finditer(content)
        for m in alones:
            if not any(c.start <= m.start() < c.end for _, c in found):
                found.append((m, _Credit(m.start(), m.end())))
    return sorted(found, key=lambda mc: mc[1].start)


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


def _prior_spans(ctx: Context, b: Block) -> list[tuple[int, int]]:
    return ctx.prior_cuts(b)


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


_REPEATED_CAPTION_MAX_WORDS = 30


def _caption_above(ctx: Context, b: Block, after_credit: str) -> Block | None:
    """The line just above a credit line when the credit line repeats it after the credit
    ("Artist's concept of the rocket." above "Credit: NASA View full size image Artist's
    concept of the rocket."): scrapers keep a figure's caption twice, once on its own line."""
    prev = b.index - 1
    while prev >= 0 and not ctx.blocks[prev].content.strip():
        prev -= 1
    if prev < 0 or prev in ctx.removed_blocks():
        return None
    above = ctx.blocks[prev]
    text = above.content.strip()
    if not 3 <= above.n_words <= _REPEATED_CAPTION_MAX_WORDS or phrase_key(text) not in phrase_key(after_credit):
        return None
    return above


def _needed(
    pats: tuple[tuple[regex.Pattern[str], regex.Pattern[str] | None], ...], content: str
) -> tuple[tuple[regex.Pattern[str], regex.Pattern[str] | None], ...]:
    """``inline_caption``'s label patterns that can match in ``content``: the symbol label pattern
    (the second) needs a square or a bullet (four substring tests: a class of characters is asked
    at every character)."""
    return pats if len(pats) < 2 or any(c in content for c in _SYMBOL_CHARS) else pats[:1]


def inline_caption(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    file_labels = ctx.rulebook.words("credit.file-photo-labels", None)
    labels = _joined(ctx.rulebook.words("credit.photo-labels", None), file_labels)
    if not labels:
        return
    bywords = ctx.rulebook.words("credit.byline-words", None)
    # (the memo is the decision's: one rulebook, the same words whatever the key says of them)
    places = ctx.once("credit.inline-caption", lambda: _some_credit_places(ctx, labels, file_labels, bywords))
    if places is None:
        return
    pats, alone = places.pats, places.alone

    def found(content: str, pieces: Iterable[tuple[int, int]]) -> _Found:
        """The credits of ``content``, made of the text's ``pieces``."""
        fold = places.folded
        near = _near(content, labels, file_labels, "".join([fold[a:z] for a, z in pieces]))
        return _credits(content, _needed(pats, content), alone, _bullet_near(content, near, bywords))

    gone = ctx.removed_blocks()
    for b in ctx.blocks:
        if b.index in gone or len(b.content) > 20000:
            continue
        prior = _prior_spans(ctx, b) if b.index in places.with_words or b.index in places.unfolded else []
        if b.index not in places.with_words and not (prior and places.asked(b)):
            continue
        credits = places.held.get(b.index)
        if credits is None:  # each block's own once for the document, asked as the heuristic first reads it
            credits = places.held[b.index] = found(b.content, ((b.content_start, b.content_end),))
        at = b.content_start
        taken = [(x - at, y - at) for x, y in prior]
        short = b.n_words <= _CREDIT_LINE_MAX_WORDS
        cuts = list(_credit_cuts(ctx, b, b.content, short, taken, credits))
        view = None
        if not cuts and prior:
            # none in the block as written: judged on what earlier cuts leave of it, as a second
            # cleaning of the output sees it (a label cut from the middle of the line no longer
            # hides the credit's name); its credits found once for each view of it
            view = ctx.view(b)
            key = (b.index, view.pieces)
            if key not in places.viewed:
                places.viewed[key] = found(view.text, view.pieces)
            short = words_at_most(view.text, _CREDIT_LINE_MAX_WORDS)
            cuts = list(_credit_cuts(ctx, b, view.text, short, [], places.viewed[key]))
        for start, end, reason, above in cuts:
            if above is not None:
                yield h.remove_block(
                    ctx, above, 0.8, "Photo caption above its credit line, which repeats it after the credit."
                )
            if view is None:
                yield h.remove_span(ctx, b, at + start, at + end, 0.8, reason)
            else:
                yield from h.remove_view(ctx, b, view, start, end, 0.8, reason)


@by_words
def _joined(words: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    """``words + more``, the same tuple for the same lexicons (``by_words`` keys on it)."""
    return words + more


def _credit_cuts(
    ctx: Context,
    b: Block,
    content: str,
    short: bool,
    taken: list[tuple[int, int]],
    credits: _Found,
) -> Iterable[tuple[int, int, str, Block | None]]:
    """The pieces that ``credits`` (those of ``content``: block ``b``'s, or what earlier cuts leave
    of it) take, in ``content``'s offsets: (start, end, reason, the caption line above that the
    credit line repeats). ``short``: ``content`` has at most the words of a credit line;
    ``taken``: the cuts already made in it, which a piece must not clash with."""
    last_end = 0
    for m, credit in credits:
        if m.start() < last_end:
            continue
        pre = content[: m.start()]
        rest = content[credit.end :]
        at_end = not rest.strip(" \t.")
        above = None
        if not pre.strip() and short:
            s, e = 0, len(content)
            reason = "Photo credit line: a credit label and a name, not article text."
            above = _caption_above(ctx, b, content[credit.end :])
            if above is not None and _prior_spans(ctx, above):
                above = None
        else:
            # At the end of a line only the credit goes: the sentence before it may be the
            # paragraph's own (in the HTML collections' captions and paragraphs alike). A caption
            # of no words is one without a token; of more than the most, one whose count stops
            # past it (``words_at_most``: a long paragraph is not counted to its end). Where the
            # caption starts is asked only when it matters (not at the line's end).
            cap = 0 if at_end and pre.strip() else _caption_start(pre)
            caption = pre[cap:]
            if pre.strip() and (at_end or not caption.split() or not words_at_most(caption, _CAPTION_MAX_WORDS)):
                s = len(pre.rstrip())  # the credit alone, after the paragraph's last sentence
                s = s if s < credit.start else credit.start
                reason = "Photo credit fused after the paragraph's last sentence."
            else:
                s = cap
                reason = "Photo caption fused into the text, ending in its credit label and a name."
            e = credit.end
            if at_end:
                e = len(content)
            elif s == 0:
                e = credit.end + (len(rest) - len(rest.lstrip()))
            if s > 0:
                s = len(content[:s].rstrip())  # the space before goes with it
        if any(x < e and s < y and not (s <= x and y <= e) for x, y in taken):
            continue  # a clash with an earlier cut that this one does not contain
        last_end = e
        taken.append((s, e))
        yield s, e, reason, above


_Pats = tuple[tuple[regex.Pattern[str], regex.Pattern[str] | None], ...]
_Found = list[tuple[regex.Match[str], _Credit]]


@dataclass(frozen=True)
class _Places:
    """What ``inline_caption`` finds in the text alone, once for the document: the blocks where a
    credit can stand (``with_words``: a label's words and a place a credit can end, or a byline
    symbol); the blocks holding a character that folds to several and no such place
    (``unfolded``), where only what earlier cuts leave of the block can hold a credit the places
    do not see (a label joined across a cut), with a label's first word or not (``worded``, as
    first asked); the patterns ``_credits`` takes; and each block's credits (``held``) and its
    views' (``viewed``: by block and the pieces left), as first asked."""

    with_words: set[int]
    unfolded: set[int]
    pats: _Pats
    alone: regex.Pattern[str] | None
    seen: re.Pattern[str]
    folded: str  # the text's ``lined_fold``
    worded: dict[int, bool] = field(default_factory=dict)
    held: dict[int, _Found] = field(default_factory=dict)
    viewed: dict[tuple[int, tuple[tuple[int, int], ...]], _Found] = field(default_factory=dict)

    def asked(self, b: Block) -> bool:
        """Whether a block outside ``with_words`` with earlier cuts in it is looked at."""
        if b.index not in self.unfolded:
            return False
        if b.index not in self.worded:
            self.worded[b.index] = self.seen.search(b.content.casefold()) is not None
        return self.worded[b.index]


@dataclass(frozen=True)
class _Lexicon:
    """What ``inline_caption`` reads its lexicons by: the label words' prefilter, the scans for
    where a credit can end, the label patterns ``_credits`` takes (``_inline_lexicon``)."""

    seen: re.Pattern[str]
    ends: _Ends
    tail: _Tail | None
    pats: _Pats
    alone: regex.Pattern[str] | None


@by_words
def _inline_lexicon(labels: tuple[str, ...], file_labels: tuple[str, ...], bywords: tuple[str, ...]) -> _Lexicon:
    """``inline_caption``'s patterns, asked once for a document (one lookup, not one for each)."""
    pats = ((_label_pattern(labels), _label_starts(labels)),) + (
        ((_symbol_label_pattern(bywords), _label_starts(bywords)),) if bywords else ()
    )
    return _Lexicon(
        _label_prefilter(labels),
        _label_ends(labels, file_labels),
        _label_tail(file_labels) if file_labels else None,
        pats,
        _standalone_pattern(file_labels) if file_labels else None,
    )


def _credit_places(
    ctx: Context,
    labels: tuple[str, ...],
    file_labels: tuple[str, ...],
    bywords: tuple[str, ...],
    blocks: tuple[set[int], set[int]] | None = None,
) -> _Places:
    """Where a credit can stand, from the whole text (``_Places``). ``blocks``: its ``with_words``
    and ``unfolded`` (``_credit_blocks``), when known."""
    lex = _inline_lexicon(labels, file_labels, bywords)
    with_words, unfolded = _credit_blocks(ctx, lex, bywords) if blocks is None else blocks
    return _Places(with_words, unfolded, lex.pats, lex.alone, lex.seen, lined_fold(ctx.text))


def _some_credit_places(
    ctx: Context, labels: tuple[str, ...], file_labels: tuple[str, ...], bywords: tuple[str, ...]
) -> _Places | None:
    """``_credit_places``, or None where no block can hold a credit (``with_words`` and
    ``unfolded`` empty: most documents, which ``inline_caption`` leaves before the rest is read;
    the record of the places, ~3 us, is not made for them)."""
    blocks = _credit_blocks(ctx, _inline_lexicon(labels, file_labels, bywords), bywords)
    if not blocks[0] and not blocks[1]:
        return None
    return _credit_places(ctx, labels, file_labels, bywords, blocks)


def _credit_blocks(ctx: Context, lex: _Lexicon, bywords: tuple[str, ...]) -> tuple[set[int], set[int]]:
    """The places' ``with_words`` and ``unfolded`` (``_Places``)."""
    with_words = _blocks_with_label_words(ctx, lex.seen, lex.ends, lex.tail)
    # four substring tests before a scan (none in ASCII)
    if bywords and not ctx.text.isascii() and any(c in ctx.text for c in _SYMBOL_CHARS):
        with_words |= {i for m in _SYMBOLS.finditer(ctx.text) if (i := ctx.holding(m.start())) is not None}
    folded = lined_fold(ctx.text)
    unfolded = _unfolded(ctx, folded) - with_words if UNFOLDED in folded else set()
    return with_words, unfolded


# ---------------------------------------------------------------------------------------------
# Sign-offs at the end: a short name after the last full sentence.

_NAME_TOKEN = r"(?:\p{Lu}[\p{L}\p{M}.'\u2019\-]*|\p{Lu}\.)"
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|la|le|di|del|bin|al|el|y|e|and|&)"
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_TOKEN}){{1,3}}"
_DASH = r"(?:--?|\u2013|\u2014)"
_NOTE = r"(?:[ \t]*\([^()\n]{1,40}\))?"


_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")


@by_words
@lru_cache(maxsize=16)
def _signoff_patterns(bywords: tuple[str, ...]) -> tuple[regex.Pattern[str], EndAnchored]:
    by = "|".join(sorted((regex.escape(w) for w in bywords), key=len, reverse=True)) or "by"
    dashed = rf"{_DASH}[ \t]*(?:(?i:{by})[ \t]+)?{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}"
    # A whole last line must open with a dash or a byline word: a bare title-case line there is as
    # often a call to action or an item ("Learn More", "Buy Tickets") as a name.
    whole = regex.compile(rf"^(?:{dashed}|(?i:{by})[ \t]+{_NAME}){_NOTE}[ \t]*\.?$")
    # Fused after the last sentence: a name after a full stop or a closing quote; a dash and a
    # name only after a full stop (after a quote or a question it attributes the quote or the
    # title: '"… Winc!" - Rebecca W.', 'Why Isn't X the Norm? – Richard Feldman').
    # What a match spans, read back from the end: spaces, a note in brackets, then at most a dash,
    # a byword's words, four name tokens and three particles, each a run of letters, marks, dots,
    # apostrophes, dashes and "&" (and a byword's other characters) between spaces.
    extra = "".join(
        f"|{regex.escape(c, special_only=False)}"
        for c in sorted({c for w in bywords for c in w if c not in " \t" and not _LETTER_OR_MARK.match(c)})
    )
    runs = 8 + max((len(w.split()) for w in bywords), default=1)
    reach = (
        rf"(?:[ \t]*(?:[\p{{L}}\p{{M}}.'\u2019\-\u2013\u2014&]{extra})+){{0,{runs}}}"
        rf"(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]*\n?"
    )
    fused = EndAnchored.compile(
        rf"(?:(?<=[.!\u2026\u201d\"\u00bb][ \t]{{1,3}})(?:(?i:{by})[ \t]+)?{_NAME}|(?<=[^\s.]\.[ \t]{{1,3}}){dashed}){_NOTE}[ \t]*$",
        reach=reach,
    )
    return whole, fused


_EMAIL_LINE = regex.compile(r"^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$")
# Uncased scripts (Thai, Khmer, ...): a name fused straight after the final full stop, no space.
_FUSED_UNCASED = EndAnchored.compile(
    r"(?<=[^\s.]\.)(?P<name>[^\s.!?\"\u201d\d]{2,25}(?:[ \t][^\s.!?\"\u201d\d]{2,25}){0,2})[ \t]*$",
    reach=r"(?:[ \t]*[^\s.!?\"\u201d\d]+){0,3}[ \t]*\n?",  # at most three words, then spaces
)
_BODY_MIN_WORDS = 8


_LETTER_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'\u2019\-]*")
_PARTICLE_WORD = regex.compile(_PARTICLE, regex.IGNORECASE)


def _all_titlecase_words(text: str) -> bool:
    ws = _LETTER_WORD.findall(text)
    significant = [w for w in ws if not _PARTICLE_WORD.fullmatch(w)]
    return bool(significant) and not all(w.isupper() and len(w) > 1 for w in significant)


def sign_off(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    alive = ctx.kept_blocks()
    if len(alive) < 2 and not (alive and alive[0].n_words >= _BODY_MIN_WORDS * 2):
        return
    last = alive[-1]
    whole, fused = _signoff_patterns(ctx.rulebook.words("credit.byline-words", None))
    taken = _prior_spans(ctx, last)
    content = last.content
    prev = alive[-2] if len(alive) >= 2 else None
    view = ctx.view(last) if taken else None  # what survives the earlier cuts (``ctx.surviving``)
    if view is not None:
        # With earlier cuts in the block, a whole-block name is judged on what survives.
        text = view.text.strip()
        if prev is not None and whole.match(text) and _all_titlecase_words(text):
            for a, z in uncovered([(last.content_start, last.content_end)], taken):
                if ctx.text[a:z].strip():
                    yield h.remove_span(
                        ctx, last, a, z, 0.75, "Sign-off: the author's name after the article's last sentence."
                    )
            return
    text = content.strip()
    if prev is not None and prev.n_words >= _BODY_MIN_WORDS and not taken:
        if "@" in text and _EMAIL_LINE.match(text):
            yield h.remove_block(
                ctx, last, 0.8, "E-mail address alone after the article's last sentence: the author's sign-off."
            )
            return
        if words_at_most(text, 8) and whole.match(text) and _all_titlecase_words(text):
            yield h.remove_block(
                ctx, last, 0.75, "Sign-off: the author's name alone after the article's last sentence."
            )
            return
    if last.n_words < _BODY_MIN_WORDS:
        return
    # The name after the last sentence: on the block as it stands (a cut of the same name by an
    # earlier heuristic is taken over, as the more specific reading), else on what survives the
    # earlier cuts, as a second cleaning sees it (a copyright line cut after it does not hide it).
    found = _fused_sign_off(fused, content, None, taken, last)
    if not found and view is not None:
        found = _fused_sign_off(fused, view.text, view, taken, last)
    for x, y, confidence, reason in found:
        yield h.remove_span(ctx, last, x, y, confidence, reason)


def _fused_sign_off(
    fused: EndAnchored, content: str, view: View | None, taken: list[tuple[int, int]], last: Block
) -> list[tuple[int, int, float, str]]:
    """The pieces of a name fused after the last sentence of ``content`` (the block's, or its view's
    when ``view`` is given), with their confidence and reason."""
    m = fused.search(content) if _may_end_in_name(content) else None
    if (
        m
        and not words_at_most(content[: m.start()], _BODY_MIN_WORDS - 1)
        and _all_titlecase_words(m.group())
        and not m.group().rstrip().endswith(".")  # "… U.S. Attorney Nealy Cox.": a sentence
        and not _abbreviation_before(content, m.start())
    ):
        a = len(content[: m.start()].rstrip())
        at = last.content_start + a
        if view is not None or not any(x < last.content_end and at < y and x < at for x, y in taken):
            reason = "Sign-off: the author's name fused after the article's last full stop."
            return [(x, y, 0.75, reason) for x, y in _back(last, view, a, len(content))]
    m = _FUSED_UNCASED.search(content) if _may_end_uncased(content) else None
    if (
        m
        and (view is not None or not taken)
        and all(_uncased(c) or not c.isalpha() for c in m.group("name"))
        and any(c.isalpha() for c in m.group("name"))
    ):
        reason = "Sign-off: a name fused straight after the article's final full stop."
        return [(x, y, 0.7, reason) for x, y in _back(last, view, m.start(), len(content))]
    return []


def _may_end_in_name(content: str) -> bool:
    """False when no match of a fused sign-off pattern (``_signoff_patterns``) can end ``content``:
    a match ends in a name token that opens with a capital (``\\p{Lu}``) after a space or a tab, or
    after a dash opening the last run of characters other than spaces and tabs, and then at most
    a note in brackets and spaces or tabs (a closing line break aside, where ``$`` also holds).
    A last run that is not such a token ends no name: a backward match spared on most texts,
    whose last word is in lower case, or ends in a digit, or is in a script without case."""
    end = len(content) - 1 if content.endswith("\n") else len(content)
    while end and content[end - 1] in " \t":
        end -= 1
    if content.endswith(")", 0, end):
        return True  # a note in brackets: the name stands before it
    start = max(content.rfind(" ", 0, end), content.rfind("\t", 0, end)) + 1
    # The last run is the name's last token, after a dash where it is the only one: a capital,
    # then letters, marks, dots, apostrophes and dashes (a run opening with a digit or a quote, or
    # in a script without case, is refused too). The text is not copied to read it.
    return not content[start : start + 1].islower() and _LAST_RUN.fullmatch(content, start, end) is not None


# What the last run of characters of a text that a fused sign-off ends is: a name token, after a
# dash opening the run (``_DASH``, then ``_NAME_TOKEN``, whose forms the class holds).
_LAST_RUN = regex.compile(r"(?:--?|\u2013|\u2014)?\p{Lu}[\p{L}\p{M}.'\u2019\-]*")


def _may_end_uncased(content: str) -> bool:
    """False when ``_FUSED_UNCASED`` cannot match ``content`` with a name of uncased letters (as
    ``_fused_sign_off`` takes it): the name's last character, the last before spaces or tabs (and
    a closing line break, where ``$`` also holds), is a full stop, a mark that ends a sentence, a
    quote or an ASCII digit (none a name holds), or a letter with case (a name it takes has
    none). A backward match spared on most texts, which end in a full stop."""
    tail = (content[:-1] if content.endswith("\n") else content).rstrip(" \t")
    last = tail[-1:]
    if not last or last in '.!?"\u201d' or "0" <= last <= "9":
        return False
    return not last.isalpha() or _uncased(last)


def _back(b: Block, view: View | None, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets in the text of ``[start, end)`` of the block's content (or of its view)."""
    if view is None:
        return [(b.content_start + start, b.content_start + end)]
    return view.spans(start, end)


_ABBREVIATION = regex.compile(r"(?:\p{L}\.){2,}|\p{Lu}\.|\p{Lu}\p{Ll}{0,2}\.")


def _abbreviation_before(content: str, i: int) -> bool:
    """Whether the full stop before offset i ends an abbreviation or an initial ("U.S.", "St.",
    "J."), which does not end a sentence."""
    head = content[:i].rstrip()
    tok = head.rsplit(None, 1)[-1] if head else ""  # (stripped: a token ends it when it holds one)
    return bool(_ABBREVIATION.fullmatch(tok))


# ---------------------------------------------------------------------------------------------
# A caption line with its credit glued on: the scraper joined the caption element and the credit
# element without a space ("… w Twierdzy PrzemyślPAP/Darek Delmanowicz", "Okręty NATO w
# SzczecinieTVN24", "Strumień zimna nad Polskątvnmeteo.pl").

# An acronym glued to a lower-case word, then a digit run ("TVN24"), or a slash or space and a
# capitalised name ("PAP/Darek Delmanowicz", "KWP Lublin"). A bare acronym is as often a brand
# glued in the writing itself ("PostgreSQL", "ExpressVPN"), and a glued domain name cannot be told
# from a domain (both were measured on the true bodies of the HTML collections).
# (The four patterns of a credit closing a line are end-anchored: asked backwards first.)
_GLUED_CREDIT = EndAnchored.compile(
    r"(?<=\p{Ll}{4})\p{Lu}{2,}(?:\p{N}+|(?:[ \t]*/[ \t]*|[ \t]+)\p{Lu}[\p{L}\-]*(?:,?[ \t]+\p{Lu}[\p{L}\-]*){0,3})$"
)
# A name in square brackets ending a line of text: the credit of the photo the line captions
# ("The couple have been dating for a year [Splash]"). Square brackets only: a title's
# parenthesised part ("(Part Two)") is not a credit, and a bracket alone on its line is a
# placeholder or code ("[Name]", "[Fact]"), not a credit after a caption.
_BRACKET_CREDIT = EndAnchored.compile(r"(?<=\S)[ \t]+\[\p{Lu}[\p{L}\-]+(?:[ \t]+\p{Lu}[\p{L}\-]+){0,2}\]$")
# An acronym and its digits glued on ("SzczecinieTVN24") is a credit whatever the case of the
# caption: a brand and a version are not glued to a lower-case word.
_DIGIT_GLUE = regex.compile(r"\p{Lu}{2,}\p{N}+$")
# A bare acronym of three capitals or more glued to a word that opens in lower case ("… w trakcie
# burzyRCB"): a brand or a product that carries an acronym opens with a capital ("PostgreSQL",
# "ExpressVPN"), and a two-letter tail is as often a brand's ("macOS", "nodeJS").
_LOWER_GLUE = EndAnchored.compile(r"(?<=(?:^|[ \t])\p{Ll}{4,})\p{Lu}{3,}$")
_ACRONYM = regex.compile(r"\p{Lu}{2,}\p{N}*")
# A domain name in ASCII glued to a word that ends in a letter outside ASCII ("… nad
# Polskątvnmeteo.pl"): the seam shows where the caption's word ends, as case shows it for an
# acronym; a domain name after plain ASCII letters cannot be told from a domain and stays.
_DOMAIN_GLUE = EndAnchored.compile(r"(?<=[^\x00-\x7f\W\d_])[a-z0-9][a-z0-9\-]{2,}(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}$")
_CAPTION_LINE_MAX_WORDS = 25


@dataclass(frozen=True)
class _Glued:
    start: int  # where the credit starts in the line
    text: str  # the credit


def _doubled_acronym(text: str) -> _Glued | None:
    """An acronym glued to itself as the line's last word ("… meteorologiczne IMGWIMGW"): the
    caption ends in the agency's name and the credit is that name again."""
    head, _, tok = text.rpartition(" ")
    n = len(tok)
    if not head.strip() or n < 4 or n % 2 or tok[: n // 2] != tok[n // 2 :]:
        return None
    half = tok[: n // 2]
    if not _ACRONYM.fullmatch(half) or len(set(half)) < 3:  # "ISIS", "CSCS": words of their own
        return None
    return _Glued(len(text) - n // 2, half)


_CAPITAL = regex.compile(r"\p{Lu}")  # as the pattern reads it (str.isupper lags regex's Unicode)


def _could_end(pat: EndAnchored, ends: str) -> bool:
    """Whether ``pat`` can match with one of ``ends`` (the characters a match can end in: the last,
    and before a closing line break the one before it) last: a bracketed name ends in "]", a bare
    acronym in a capital, a glued domain name in a letter from a to z (three searches spared on
    most caption lines); a glued credit in anything."""
    if pat is _BRACKET_CREDIT:
        return "]" in ends
    if pat is _LOWER_GLUE:
        return any(_CAPITAL.match(c) for c in ends)
    if pat is _DOMAIN_GLUE:
        return any("a" <= c <= "z" for c in ends)
    return True


def _caption_credit(text: str) -> _Glued | None:
    """The credit ending a caption line (glued on, or a bracketed name), when the caption before it
    is in sentence case: a title-case line ending in a brand with an acronym ("… in PostgreSQL
    Query Performance") is a subhead. Case is judged on the caption alone: the credit's name is
    capitalised. The last of a row of bracketed labels is not a credit: cutting it would leave the
    one before it last, for a second cleaning to take."""
    ends = text[-1:] + (text[-2:-1] if text.endswith("\n") else "")  # where "$" can stand after
    for pat in (_GLUED_CREDIT, _BRACKET_CREDIT, _LOWER_GLUE, _DOMAIN_GLUE):
        if not _could_end(pat, ends):
            continue
        m = pat.search(text)
        if not m:
            continue
        caption = text[: m.start()]
        if words_at_most(
            caption[_caption_start(caption) :] if pat is _LOWER_GLUE else caption, 2 if pat is _LOWER_GLUE else 1
        ):
            continue  # a bare acronym glued on needs a caption phrase before it, not a list item
        if pat is _BRACKET_CREDIT and caption.rstrip().endswith("]"):
            continue  # one of a row of bracketed labels ("[CrossRef] [Medline]"): links, not a credit
        if is_title_case(caption) and not (pat is _GLUED_CREDIT and _DIGIT_GLUE.search(m.group())):
            continue
        return _Glued(m.start(), m.group())
    doubled = _doubled_acronym(text)
    if doubled and not words_at_most(text[: doubled.start], 1):
        return doubled
    return None


# A credit glued on the same way to several caption lines of one article ("… KsiążZamek Książ w
# Wałbrzychu", "… wiekuZamek Książ w Wałbrzychu"): the repetition tells where the credit starts
# even when case does not ("… Forcie IXPAP/Name" beside "… PrzemyślPAP/Name").
_GLUE_POINT = regex.compile(r"(?<=[\p{L}\p{N}])(?=\p{Lu})")
_SUFFIX_MAX_CHARS = 60
_SUFFIX_WORD = regex.compile(r"[\p{L}\p{N}.\-]+")
_TRAILING_WORD = regex.compile(r"[\p{L}\p{N}]*$")
_LOWER_UPPER = regex.compile(r"\p{Ll}\p{Lu}")
_SUFFIX_SPLIT = regex.compile(r"[ \t]*/[ \t]*|[ \t]+")


def _credit_shaped(suffix: str) -> bool:
    """A name of a few words ("Zamek Książ w Wałbrzychu", "PAP/Jan Kowalski") or an acronym with
    digits: capitalised words, with short lower-case particles only between them."""
    if _DIGIT_GLUE.fullmatch(suffix):
        return True
    text = suffix.strip()
    # The last part (after the last space, tab or slash) opens in a capital or a digit, asked
    # before the split: a seam before a word or two of the caption itself fails it (most seams).
    last = text[max(text.rfind(" "), text.rfind("\t"), text.rfind("/")) + 1 :]
    if not last or not (last[0].isupper() or last[0].isdigit()):
        return False
    parts = _SUFFIX_SPLIT.split(text)
    if len(parts) < 2 or len(parts) > _NAME_MAX_TOKENS:
        return False
    for i, w in enumerate(parts):
        if not _SUFFIX_WORD.fullmatch(w) or _LOWER_UPPER.search(w):
            return False  # a credit's words are whole words ("CompatibilityAlexa": table cells)
        edge = i in (0, len(parts) - 1)
        if not (w[0].isupper() or w[0].isdigit()) and (edge or len(w) > 3 or not w.isalpha()):
            return False
    return True


def _glue_points(text: str) -> tuple[tuple[str, str], ...]:
    """The credits a caption line may end in, glued on (``_repeated_glued`` compares them across
    lines): each credit-shaped suffix after a seam, with the word it is glued to."""
    out: list[tuple[str, str]] = []
    low = max(1, len(text) - _SUFFIX_MAX_CHARS)
    for m in _GLUE_POINT.finditer(text, low):
        at = m.start()
        suffix = text[at:]
        if not _credit_shaped(suffix):
            continue
        head = text[:at]
        glued_to = _TRAILING_WORD.search(head).group()  # type: ignore[union-attr]
        if sum(c.isalpha() for c in glued_to) < 2 or words_at_most(head, 1):
            continue  # "165Hz IPS", "iOS Yes": units and brands, not a caption's last word
        if _LOWER_UPPER.search(head):
            break  # more seams in the line: cells of a table row glued together, not a caption
        out.append((suffix, glued_to))
    return tuple(out)


def _repeated_glued(lines: dict[int, str], points: Mapping[int, tuple[tuple[str, str], ...]]) -> dict[int, _Glued]:
    """For each candidate caption line (by block index), the longest credit glued to it that is
    glued to another candidate line too, after a different word. ``points``: each line's
    ``_glue_points``."""
    where: dict[str, list[tuple[int, str]]] = {}
    for i in lines:
        for suffix, glued_to in points[i]:
            where.setdefault(suffix, []).append((i, glued_to))
    out: dict[int, _Glued] = {}
    for suffix, hits in where.items():
        if len({i for i, _ in hits}) < 2 or len({w for _, w in hits}) < 2:
            continue
        for i, _ in hits:
            if i not in out or len(suffix) > len(out[i].text):
                out[i] = _Glued(len(lines[i]) - len(suffix), suffix)
    return out


def _caption_line(b: Block) -> str | None:
    """The block's text when it is shaped as a caption line."""
    if not 2 <= b.n_words <= _CAPTION_LINE_MAX_WORDS:
        return None  # before stripping: a long paragraph is not copied to be refused
    text = b.content.strip()
    if text and (text[-1] not in _LINE_END or text[-1] == "]"):
        return text
    return None


def glued_caption(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    gone = ctx.removed_blocks()
    shaped = ctx.judged(_caption_line)
    seen_body = False
    lines: dict[int, str] = {}
    for b in ctx.blocks:
        if b.index in gone:
            continue
        if seen_body and (text := shaped[b.index]) is not None:
            lines[b.index] = text
        if b.n_words >= _BODY_MIN_WORDS:
            seen_body = True
    if not lines:
        return
    # each line's glue points and credit once for the document, asked as the heuristic first reads it
    points, credits = ctx.once("credit.glued-caption", lambda: ({}, {}))
    for i in lines.keys() - points.keys():
        points[i] = _glue_points(lines[i])
    repeated = _repeated_glued(lines, points)
    for i, text in lines.items():
        b = ctx.blocks[i]
        if _prior_spans(ctx, b):
            continue
        if i not in credits:
            credits[i] = _caption_credit(text)
        m = credits[i]
        if m is None:
            m = repeated.get(i)
            if m is not None and is_title_case(text[: m.start]):
                m = None
        if m is None:
            continue
        if ends_terminal(text[: m.start]):
            # A complete sentence before a bracketed credit may be the article's own line
            # (a subhead that captions the photo under it): only the credit goes.
            lead = len(b.content) - len(b.content.lstrip())
            yield h.remove_span(
                ctx,
                b,
                b.content_start + lead + m.start,
                b.content_start + lead + len(text),
                0.8,
                f"Photo credit in brackets ('{m.text.strip()[:40]}') after the line's last sentence.",
            )
            continue
        how = "glued on to other caption lines too" if i in repeated and m is repeated[i] else "glued on or in brackets"
        yield h.remove_block(
            ctx,
            b,
            0.8,
            f"Caption line with its credit {how} ('{m.text.strip()[:40]}'): a photo caption.",
        )


_LINE_END = ".!?:;\u2026\"'\u201d\u2019\u00bb)]"


# ---------------------------------------------------------------------------------------------
# A source note at the end of the article: "Πηγή: tovima.gr", "Fuente: example.com".

_DOMAIN = r"(?:https?://)?(?:www\.)?[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,6}/?"


@by_words
@lru_cache(maxsize=16)
def _source_pattern(labels: tuple[str, ...]) -> EndAnchored:
    alts = alternation(labels)
    return EndAnchored.compile(
        r"(?:^|(?<=\s))[(\[]?\s*(?:" + alts + r")\s*:\s*" + _DOMAIN + r"[)\]]?\s*$", regex.IGNORECASE
    )


def source_note(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """The last line ends in a source label and a site's domain name: the site the story was
    taken from. Only at the end: under a chart or a table inside the text, "Source: site.com"
    cites the data (the true bodies of the HTML collections keep it)."""
    labels = ctx.rulebook.words("credit.source-labels", None)
    alive = ctx.kept_blocks()
    if not labels or not alive:
        return
    last = alive[-1]
    # the pattern's colon is one character, case-blind itself: a content without one is not searched
    m = _source_pattern(labels).search(last.content) if ":" in last.content else None
    if not m or (len(alive) < 2 and words_at_most(last.content[: m.start()], _BODY_MIN_WORDS * 3 - 1)):
        return  # the note needs an article before it
    a = last.content_start + len(last.content[: m.start()].rstrip())
    if any(x < last.content_end and a < y and x < a for x, y in _prior_spans(ctx, last)):
        return
    yield h.remove_span(
        ctx,
        last,
        a,
        last.content_end,
        0.8,
        "Source note naming the site the story was taken from, at the end of the text.",
    )


# ---------------------------------------------------------------------------------------------
# A sign-off inside the text: a roundup of items by different writers, joined into one line by the
# scraper, puts each writer's name between the item's last sentence and the bullet that opens the
# next part ("… the jury is still out. Dominic Booth • Match report: …").

_ITEM_SIGN_OFF = regex.compile(
    rf"(?<=(?:[^\s.]\.|[!?])[\"'\u201d\u2019]?)[ \t]{{1,3}}(?P<name>{_NAME})(?=[ \t]+[\u2022\u00b7\u25aa\u25cf][ \t])"
)


def item_sign_off(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if "\u2022" not in ctx.text and "\u00b7" not in ctx.text and "\u25aa" not in ctx.text:
        return  # no bullet in the text, none in a block
    gone = ctx.removed_blocks()
    held: dict[int, tuple[tuple[int, int, str], ...]] = ctx.once("credit.item-sign-off", dict)
    for b in ctx.blocks:
        if b.index in gone or "\u2022" not in b.content and "\u00b7" not in b.content and "\u25aa" not in b.content:
            continue
        found = held.get(b.index)
        if found is None:  # each block's own once for the document, asked as the heuristic first reads it
            found = held[b.index] = _item_sign_offs(b)
        taken = _prior_spans(ctx, b)
        for a, z, name in found:
            if any(x < z and a < y for x, y in taken):
                continue
            yield h.remove_span(
                ctx, b, a, z, 0.75, f"Sign-off '{name}' between an item's last sentence and the bullet of the next."
            )


def _item_sign_offs(b: Block) -> tuple[tuple[int, int, str], ...]:
    """The sign-offs before an item's bullet the block holds, (start, end, name) in the text."""
    found = []
    for m in _ITEM_SIGN_OFF.finditer(b.content):
        name = m.group("name")
        if words_at_most(b.content[: m.start()], _BODY_MIN_WORDS - 1) or not _all_titlecase_words(name):
            continue
        if _abbreviation_before(b.content, m.start()):
            continue  # "… the U.S. Army • …": the full stop ends an abbreviation
        found.append((b.content_start + m.start(), b.content_start + m.end(), name))
    return tuple(found)


# ---------------------------------------------------------------------------------------------
# A byline line at the start: "By Jane Doe", "por María López", "von Max Muster" above the body.

_LEAD_LINES = 3
_NOT_NAMES = frozenset("the a an any all our my your his her its their this that these those no one".split())


def byline_line(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    alive = ctx.kept_blocks()
    whole, _ = _signoff_patterns(ctx.rulebook.words("credit.byline-words", None))
    for i, b in enumerate(alive[:_LEAD_LINES]):
        # the line as the clean text shows it (what earlier cuts leave): a second cleaning judges that
        text = ctx.surviving(b).strip()
        if text[:1] in "-\u2013\u2014" or not words_at_most(text, 8) or not whole.match(text):
            continue
        words = text.split()[1:]
        if not _all_titlecase_words(text) or any(w.casefold().strip(".,") in _NOT_NAMES for w in words):
            continue  # "By The Numbers", "By Any Means": a title
        body = alive[i + 1 :]
        if not body or body[0].n_words < _BODY_MIN_WORDS:
            continue
        yield from h.remove_left(ctx, b, 0.8, "Byline: the author's name alone on a line above the article.")
        return


# ---------------------------------------------------------------------------------------------
# A credit repeated over an article's captions: scrapers keep each figure's credit element in
# front of its caption ("Boston Herald / Polaris The husky clings to …", "Name Surname/for Outlet
# Name Caption …"), so the same short name line with a slash between two names opens several
# lines. Its repetition tells where the credit ends: the captions after it differ.

_CREDIT_TOKEN = r"(?:\p{Lu}[\p{L}\p{M}\p{N}.'\u2019&\-]*|\p{Lu}\.|&)"
_SLASH_OPEN = regex.compile(
    rf"^{_CREDIT_TOKEN}(?:[ \t]+{_CREDIT_TOKEN}){{0,3}}[ \t]*/[ \t]*(?:\p{{Ll}}{{2,4}}[ \t]+)?{_CREDIT_TOKEN}"
    rf"(?:[ \t]+{_CREDIT_TOKEN})*"
)
_REPEATS_MIN = 2
_NOT_LETTER = regex.compile(r"[\W\d]")
_NAME_SPLIT = regex.compile(r"[\s/]+")
_CREDIT_MIN_NAMES = 3


def _credit_match(content: str, credit: list[str]) -> regex.Match[str] | None:
    """The credit's tokens opening ``content``, with the space after them."""
    return regex.match(r"\s*" + r"\s+".join(regex.escape(t) for t in credit) + r"(?:\s+|$)", content)


def _credit_run(text: str) -> list[str] | None:
    """The tokens of a slash credit opening ``text`` with the capitalised words after it (which
    may be the caption's first words), or None."""
    m = _SLASH_OPEN.match(text)
    if not m or "/" not in m.group():
        return None
    left = m.group().split("/", 1)[0]
    if len(_NOT_LETTER.sub("", left)) < 2:
        return None  # "N/A", "Q/A": an abbreviation, not a name
    return m.group().split()


def _common_prefix(runs: list[list[str]]) -> list[str]:
    out: list[str] = []
    for toks in zip(*runs, strict=False):
        if any(t != toks[0] for t in toks):
            break
        out.append(toks[0])
    return out


def repeated_credit(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    if "/" not in ctx.text:
        return  # a slash credit has its slash: none in the text, none in a block
    alive = ctx.kept_blocks()
    runs: dict[int, list[str]] = {}
    # each line as the clean text shows it (what earlier cuts leave), with the way back to the
    # text's offsets for a line with cuts: a second cleaning finds the credits there
    lines: dict[int, tuple[str, View | None]] = {}
    for b in alive:
        if "/" not in b.content:
            continue
        if not ctx.prior_cuts(b):
            if b.n_words > _CAPTION_MAX_WORDS:
                continue
            text, view = b.content, None
        else:
            view = ctx.view(b)
            text = view.text
            if "/" not in text or not words_at_most(text, _CAPTION_MAX_WORDS):
                continue
        run = _credit_run(text.strip())
        if run is not None:
            runs[b.index] = run
            lines[b.index] = text, view
    if len(runs) < _REPEATS_MIN:
        return
    groups: dict[str, list[int]] = {}
    for i, run in runs.items():
        slash = next(k for k, t in enumerate(run) if "/" in t)
        after = run[slash].split("/", 1)[1]
        key = " ".join(run[: slash + (1 if after[:1].isupper() else 2)])
        groups.setdefault(key, []).append(i)
    for members in groups.values():
        if len(members) < _REPEATS_MIN:
            continue
        credit = _common_prefix([runs[i] for i in members])
        names = [t for t in _NAME_SPLIT.split(" ".join(credit)) if t[:1].isupper()]
        if len(names) < _CREDIT_MIN_NAMES or len(credit) > _NAME_MAX_TOKENS + 2:
            continue  # "Pub/Sub", "AI/ML": a pair of terms, not a credit's names
        # After the credit each line is empty or opens a caption with a capital (the run goes on);
        # a lower-case word after it continues a sentence ("Attention-Deficit/Hyperactivity
        # Disorder affects …"). Two captions at least: a repeated line alone is a menu's entry.
        captioned = [i for i in members if len(runs[i]) > len(credit)]
        found = {i: _credit_match(lines[i][0], credit) for i in members}
        alone = [i for i, m in found.items() if m is not None and not lines[i][0][m.end() :].strip()]
        if len(captioned) < _REPEATS_MIN or len(captioned) + len(alone) < len(members):
            continue
        named = f"Photo credit '{' '.join(credit)[:40]}'"
        for i in members:
            b = ctx.blocks[i]
            content, view = lines[i]
            lead = len(content) - len(content.lstrip())
            m = found[i]
            if m is None:
                continue
            alone_line = not content[m.end() :].strip()
            why = f"{named} repeated over the article's captions."
            if not alone_line:
                why = f"{named} opening a caption, repeated over the article's captions."
            if view is not None:  # what cuts left of the line: the credit's pieces, or all of them
                a, z = (0, len(content)) if alone_line else (lead, m.end())
                yield from h.remove_view(ctx, b, view, a, z, 0.8, why)
            elif alone_line:
                yield h.remove_block(ctx, b, 0.8, why)
            else:
                yield h.remove_span(ctx, b, b.content_start + lead, b.content_start + m.end(), 0.8, why)


# ---------------------------------------------------------------------------------------------
# A photo's caption above the dateline: wire copy opens with "CITY (Agency) - …", and a scraper
# that keeps the lead photo puts its caption before it ("People walk past the stock exchange in
# Mumbai May 13, 2014."). A caption there is one short line that ends in the date the photo was
# taken, which a lead's first sentence does not: the lead comes after the dateline.

_DATELINE = regex.compile(r"^\p{Lu}[\p{Lu}\p{M} .,'\-]{1,40}[ \t]*\([\p{L} .\-/]{2,30}\)[ \t]*[-\u2013\u2014]+[ \t]")
# A date closing the line: "May 13, 2014.", "13 May 2014.", "29. prosince 2014.", "2014-05-13."
_DATE_END = regex.compile(
    r"(?:\p{L}{3,}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}\.?[ \t]+\p{L}{3,}\.?[ \t]+\d{4}|\d{4}-\d{2}-\d{2})\.$"
)
_LEAD_CAPTION_MAX_WORDS = 40
_DATELINE_WITHIN = 3


def dateline_head(ctx: Context) -> tuple[tuple[Block, ...], int] | None:
    """The kept blocks and the index of the wire dateline's paragraph ("CITY (Agency) - …") among
    the first three, when lines stand above it; None otherwise."""
    if "(" not in ctx.text:
        return None  # a dateline names its agency in brackets: none in the text, none in a block
    alive = ctx.kept_blocks()
    # the lines as the clean text shows them: a cut at a paragraph's start can leave a dateline
    lines = (ctx.surviving(b) for b in alive[:_DATELINE_WITHIN])
    at = next((k for k, t in enumerate(lines) if "(" in t and _DATELINE.match(t.strip())), None)
    return (alive, at) if at else None


def dateline_caption(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    found = dateline_head(ctx)
    if found is None:
        return
    alive, at = found
    why = "Photo caption above the dateline: a short line ending in the date the photo was taken."
    for b in alive[:at]:
        if not ctx.prior_cuts(b):
            if b.n_words <= _LEAD_CAPTION_MAX_WORDS and _DATE_END.search(b.content.strip()):
                yield h.remove_block(ctx, b, 0.8, why)
            continue
        # judged as the clean text shows it: a cut inside the line leaves the caption to a second cleaning
        text = ctx.surviving(b).strip()
        if text and words_at_most(text, _LEAD_CAPTION_MAX_WORDS) and _DATE_END.search(text):
            yield from h.remove_left(ctx, b, 0.8, why)
