"""Appeals for support at an article's tail: the newsroom asking its readers to fund its journalism."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from cleaner.blocks import ends_terminal
from cleaner.heuristics.base import Context, Heuristic
from cleaner.model import PARAGRAPH, Block, Removal

_TAIL = 3  # the appeal is one of the article's last blocks (what earlier decisions removed set aside)
_MAX_WORDS = 80
_LINE_MAX_WORDS = 8  # a short line after it that asks for support too ("Support Our Paper") goes with it
_BODY_MIN_WORDS = 15
_STEM_MIN = 5  # a word this long matches as the start of a word (a stem); shorter ones whole
# scripts written without spaces between words: a word matches anywhere
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """Longest words first; neighbours of one kind (unspaced, stem, whole word) share one group and
    one boundary test, which makes the search ~7x cheaper than a test per word and finds the same
    match (the order of the alternatives is kept)."""
    runs: list[tuple[str, list[str]]] = []
    for w in sorted(set(words), key=len, reverse=True):
        kind = "unspaced" if _UNSPACED.search(w) else ("stem" if len(w) >= _STEM_MIN else "word")
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(regex.escape(w))
        else:
            runs.append((kind, [regex.escape(w)]))
    alts = []
    for kind, escaped in runs:
        group = "(?:" + "|".join(escaped) + ")"
        if kind == "stem":
            group = rf"(?<![\p{{L}}\p{{M}}]){group}"
        elif kind == "word":
            group = rf"(?<![\p{{L}}\p{{M}}]){group}(?![\p{{L}}\p{{M}}])"
        alts.append(group)
    return regex.compile("|".join(alts) or r"(?!)", regex.IGNORECASE)


def _has(text: str, words: tuple[str, ...]) -> str | None:
    m = _pattern(words).search(text) if words else None
    return m.group(0) if m else None


def _body(b: Block) -> bool:
    return b.kind == PARAGRAPH and b.n_words >= _BODY_MIN_WORDS and ends_terminal(b.content)


def support_appeal(ctx: Context, h: Heuristic) -> Iterable[Removal]:
    """One of the last blocks names journalism and asks for support (lexicons appeal.journalism-words
    and appeal.support-words), and no body paragraph follows it: the site's appeal for funds, with
    the short lines after it that ask for support too."""
    journalism = ctx.rulebook.words("appeal.journalism-words", None)
    support = ctx.rulebook.words("appeal.support-words", None)
    if not journalism or not support:
        return
    kept = ctx.kept_blocks()
    if len(kept) < 3:
        return
    for k in range(max(1, len(kept) - _TAIL), len(kept)):
        b = kept[k]
        if b.n_words > _MAX_WORDS or not ends_terminal(b.content):
            continue
        j = _has(b.content, journalism)
        s = _has(b.content, support) if j else None
        if not (j and s):
            continue
        after = kept[k + 1 :]
        lines = []
        for x in after:
            if x.n_words <= _LINE_MAX_WORDS and _has(x.content, support):
                lines.append(x)
            else:
                break
        if any(_body(x) for x in after[len(lines) :]):
            continue
        reason = f"Appeal for support at the article's tail ('{j}', '{s}'): the site asking readers to fund it."
        yield h.remove_block(ctx, b, 0.8, reason)
        for x in lines:
            yield h.remove_block(ctx, x, 0.8, reason)
        return
