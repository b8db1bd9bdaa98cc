"""Units the scorer judges: sentence-level segments within the blocks, with exact offsets.

A block is cut after sentence-final punctuation followed by space, and at line breaks inside
it; a credit fused to a caption's end or a cut-off last sentence becomes a unit of its own, so the
scorer can remove it without the rest of its paragraph. Units that overlap an earlier decision
(a rule or heuristic, or an earlier pass of the scorer) are not live: they are neither scored nor
seen as context.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from cleaner.model import Block

# A cut: whitespace after . ! ? … (CJK too), optionally closed by quotes or brackets; or a line break.
_CUT = regex.compile(
    r"(?<=[.!?\u2026\u3002\uff01\uff1f\u0964][\"'\u201d\u2019\u00bb)\]]*)[ \t\u00a0]+(?=\S)|[ \t]*\n\s*"
)
# Scripts written without spaces between words.
_NOSPACE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_TOKEN = regex.compile(r"\w+")
MAX_UNITS_PER_BLOCK = 64  # a longer block's middle is one unit: debris sits at the edges


@dataclass(frozen=True)
class Unit:
    start: int  # offsets into the normalized text
    end: int
    block: int  # block index
    first: bool  # first unit of its block
    last: bool  # last unit of its block
    gap_before: int  # start of the whitespace before the unit inside its block (== start if none)
    gap_after: int  # end of the whitespace after the unit inside its block (== end if none)


def count_words(text: str) -> int:
    """Words of any script: \\w+ runs, and for scripts without spaces (Han, kana, Thai…) one word
    per two characters. A local helper; a shared ``count_words`` may replace it."""
    toks = _TOKEN.findall(text)
    if not _NOSPACE.search(text):
        return len(toks)
    n = 0
    for tok in toks:
        k = len(_NOSPACE.findall(tok)) if len(tok) > 2 else 0
        n += 1 + (k - 1) // 2 if k > 2 else 1
    return n


def split_block(block: Block) -> list[tuple[int, int]]:
    """(start, end) of the block's units, in the normalized text."""
    base, content = block.content_start, block.content
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _CUT.finditer(content):
        if m.start() > pos:
            out.append((base + pos, base + m.start()))
        pos = m.end()
    if pos < len(content):
        out.append((base + pos, base + len(content)))
    if len(out) > MAX_UNITS_PER_BLOCK:
        keep = MAX_UNITS_PER_BLOCK // 2
        out = out[:keep] + [(out[keep][0], out[-keep - 1][1])] + out[-keep + 1 :]
    return out


def live_units(blocks: Sequence[Block], dead: Iterable[tuple[int, int]]) -> list[Unit]:
    """The units of every block that overlap none of the ``dead`` (start, end) spans."""
    cuts = sorted(dead)
    units: list[Unit] = []
    for b in blocks:
        spans = split_block(b)
        for k, (s, e) in enumerate(spans):
            if _overlaps(cuts, s, e):
                continue
            gb = spans[k - 1][1] if k else s
            ga = spans[k + 1][0] if k + 1 < len(spans) else e
            units.append(Unit(s, e, b.index, k == 0, k == len(spans) - 1, gb, ga))
    return units


def _overlaps(cuts: list[tuple[int, int]], s: int, e: int) -> bool:
    for cs, ce in cuts:
        if cs >= e:
            return False
        if ce > s:
            return True
    return False
