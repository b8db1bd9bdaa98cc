"""Photo credits inside lines (``inline_caption``): a credit label and a name fused into the text
("… Ảnh: Đức Hùng.", "(사진=연합뉴스)", "Photos: Getty Images"), with the caption sentence before it, or
a credit line of its own; how a credit's name is read after its label, where its caption starts,
and the places of a document where a credit can stand (the label scans: credit_scans.py). The
other credit modules read a caption's start, a name's and a caption's sizes, a block's earlier
cuts and a letter without case from here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

import regex

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.credit_scans import (
    _SYMBOL_CHARS,
    _SYMBOLS,
    _blocks_with_label_words,
    _bullet_near,
    _Ends,
    _label_ends,
    _label_matches,
    _label_pattern,
    _label_prefilter,
    _label_starts,
    _label_tail,
    _near,
    _standalone_pattern,
    _symbol_label_pattern,
    _Tail,
    _unfolded,
    _Windows,
)
from cleaner.heuristics.patterns import by_words
from cleaner.model import Block, Removal
from cleaner.text import UNFOLDED, lined_fold, phrase_key, words_at_most

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


def _prior_spans(ctx: Context, b: Block) -> list[tuple[int, int]]:
    return ctx.prior_cuts(b)


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
