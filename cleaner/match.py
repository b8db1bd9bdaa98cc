"""Stage 5a: apply text rules to blocks. Each hit is a Removal that carries its rule's why."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from cleaner.model import Block, Removal
from cleaner.plan import MAX_BLOCK_CHARS, TextPlan, Unanchored, rule_gates, top_level_alternation
from cleaner.rulebook import Rule
from cleaner.text import count_words, has_respelled, phrase_key, respelled, respelled_char, uncovered

log = logging.getLogger(__name__)

MAX_SPAN_CHARS = 200_000  # span rules skip longer blocks: this bounds a pathological 1 MB line

# Characters that do not show: soft hyphen, zero-width space/joiners, bidi marks, embeddings and
# isolates, word joiner and invisible operators, the zero-width no-break space. Inside debris
# (``Al\u00adso Read:``) they would let it through, so rules match on a view of the block without
# them; the offsets of what they cut are mapped back to the text, which keeps them.
# (``re``: a class of plain characters is the same class there, and a search for it cheaper.)
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class _View:
    """A block as rules see it (``rule_view``, ``cut_view``), and where each of the view's
    characters sits in the content (None when the view is the content). ``pieces``: for a view of
    what cuts leave of a block, the content ranges it shows (the cuts lie between them)."""

    block: Block
    index: tuple[int, ...] | None = None
    length: int = 0  # of the block's own content
    pieces: tuple[tuple[int, int], ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Content offsets of the view's ``[start, end)``, with the invisible characters that
        touch it on either side."""
        if self.index is None:
            return start, end
        lo = 0 if start == 0 else self.index[start - 1] + 1
        hi = self.length if end >= len(self.index) else self.index[end]
        return lo, hi

    def ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """Content ranges of the view's ``[start, end)``: one, or for a view of pieces one per
        piece it touches, never reaching into a cut between them (the invisible characters that
        touch it inside its pieces go with it)."""
        lo, hi = self.span(start, end)
        if self.pieces is None or self.index is None or end <= start:
            return [(lo, hi)]
        first, last = self.index[start], self.index[end - 1]
        out = []
        for a, z in self.pieces:
            if z <= first or a > last:
                continue
            out.append((max(a, lo), min(z, hi)))
        return [(a, z) for a, z in out if z > a]


@lru_cache(maxsize=1)
def _special() -> re.Pattern[str]:
    """An invisible character or one :func:`respelled` maps."""
    return re.compile(f"{INVISIBLE.pattern}|{respelled_char().pattern}")


def rule_view(block: Block) -> _View:
    """The block as rules see it: without invisible characters, and with every character that has
    another canonical spelling in that spelling (``text.respelled``: ড় U+09DC as ড + ়, the form
    rules are written in); a cut's offsets map back to the content as it is."""
    content = block.content
    if content.isascii():  # neither an invisible character nor a respelled one is ASCII
        return _View(block)
    hidden = INVISIBLE.search(content) is not None
    if not hidden and not has_respelled(content):
        return _View(block)
    index: list[int] = []
    view = _seen(content, 0, len(content), index, hidden)
    # another spelling of a character leaves the words as they are; a dropped invisible one may not
    n_words = count_words(view) if hidden else block.n_words
    return _View(replace(block, content=view, n_words=n_words), tuple(index), len(content))


def cut_view(text: str, block: Block, cuts: Sequence[tuple[int, int]]) -> _View | None:
    """The block as rules see what ``cuts`` (text offsets) leave of it: its pieces joined as the
    clean text joins them (without the whitespace at the outer edges), seen as ``rule_view``
    sees a block; None when nothing but whitespace is left. What rules find maps back to the
    pieces (``_View.ranges``), never to the cuts."""
    content = block.content
    base = block.content_start
    rel = [(max(s - base, 0), min(e - base, len(content))) for s, e in cuts if s < block.content_end and e > base]
    pieces = uncovered([(0, len(content))], rel)
    while pieces and not content[pieces[0][0] : pieces[0][1]].strip():
        pieces.pop(0)
    while pieces and not content[pieces[-1][0] : pieces[-1][1]].strip():
        pieces.pop()
    if not pieces:
        return None
    a, z = pieces[0]
    pieces[0] = (a + len(content[a:z]) - len(content[a:z].lstrip()), z)
    a, z = pieces[-1]
    pieces[-1] = (a, z - (len(content[a:z]) - len(content[a:z].rstrip())))
    hidden = INVISIBLE.search(content) is not None
    index: list[int] = []
    view = "".join(_seen(content, a, z, index, hidden) for a, z in pieces)
    seen = replace(block, content=view, n_words=count_words(view))
    return _View(seen, tuple(index), len(content), tuple(pieces))


def _seen(content: str, a: int, z: int, index: list[int], hidden: bool) -> str:
    """``content[a:z]`` as rules see it (``rule_view``), the content offset of each of its
    characters appended to ``index``."""
    table = respelled()
    special = _special() if hidden else respelled_char()
    parts: list[str] = []
    pos = a
    for m in special.finditer(content, a, z):  # few: copy the runs between them whole
        i = m.start()
        parts.append(content[pos:i])
        index.extend(range(pos, i))
        seen = table.get(content[i], "")  # "" for an invisible character
        parts.append(seen)
        index.extend([i] * len(seen))
        pos = i + 1
    parts.append(content[pos:z])
    index.extend(range(pos, z))
    return "".join(parts)


@dataclass(frozen=True)
class RuleHits:
    removals: tuple[Removal, ...]
    warnings: tuple[str, ...]


def apply_rules(text: str, blocks: Sequence[Block], plan: TextPlan | Sequence[Rule], timeout: float) -> RuleHits:
    """Each block's best block-scope rule (see cleaner.plan) and every span-rule cut, in rule order."""
    if not isinstance(plan, TextPlan):
        plan = TextPlan.build(tuple(plan))
    removals: list[Removal] = []
    warnings: list[str] = []
    for original in blocks:
        removals.extend(_on_view(text, original, rule_view(original), plan, timeout, warnings))
    return RuleHits(tuple(removals), tuple(warnings))


def apply_rules_again(
    text: str,
    blocks: Sequence[Block],
    cuts: Mapping[int, Sequence[tuple[int, int]]],
    plan: TextPlan,
    timeout: float,
) -> RuleHits:
    """The rules on what ``cuts`` (text offsets, by block index) leave of each block, seen as the
    clean text shows it (``cut_view``): what a second cleaning of the clean text would find there.
    A block rule takes every piece left; a span rule's cut takes the pieces it touches and none
    of the cuts between them, so the offsets stay exact."""
    removals: list[Removal] = []
    warnings: list[str] = []
    for i in sorted(cuts):
        view = cut_view(text, blocks[i], cuts[i])
        if view is not None:
            removals.extend(_on_view(text, blocks[i], view, plan, timeout, warnings))
    return RuleHits(tuple(removals), tuple(warnings))


def _on_view(
    text: str, original: Block, view: _View, plan: TextPlan, timeout: float, warnings: list[str]
) -> list[Removal]:
    """The block's best block-scope rule and every span-rule cut on ``view``, in rule order."""
    block = view.block
    folded = block.content.casefold()
    found: list[tuple[int, list[Removal]]] = []
    gated = plan.candidates(block, folded)
    rank = _best_block_rule(plan, block, folded, timeout, warnings, gated.unanchored)
    if rank is not None:
        best = plan.ranked[rank]
        whole = [_whole(text, original, best.rule)] if view.pieces is None else _pieces(text, view, best.rule)
        found.append((best.order, whole))
    if len(block.content) <= MAX_SPAN_CHARS:
        for i, rule in gated.spans:
            cuts = _span_removals(text, view, rule, timeout, warnings)
            if cuts:
                found.append((i, cuts))
    if len(found) > 1:
        found.sort(key=lambda f: f[0])
    return [r for _, cuts in found for r in cuts]


def _best_block_rule(
    plan: TextPlan,
    block: Block,
    folded: str,
    timeout: float,
    warnings: list[str],
    unanchored: Sequence[Unanchored],
) -> int | None:
    """The rank of the best block-scope rule that matches the block, or None. ``unanchored``:
    the plan's unanchored patterns whose rules' gates the block passes (``plan.candidates``)."""
    if not plan.ranked or len(block.content) > MAX_BLOCK_CHARS:
        return None
    best = len(plan.ranked)
    tier = plan.tier_for(block.n_words)
    if tier is not None:
        try:
            m = tier.pattern.match(block.content, timeout=timeout)
        except TimeoutError:
            return _best_by_rule(plan, block, folded, timeout, warnings)
        if m is not None:
            best, own = tier.member(m)
            # The hit must hold for the rule itself (its gates, its own pattern alone); when
            # it does not, which is rare, the block is checked rule by rule.
            if not rule_gates(plan.ranked[best].rule, block, folded) or not _matches(own, block, timeout):
                return _best_by_rule(plan, block, folded, timeout, warnings)
    if block.n_words <= plan.phrase_max_words:
        for rank in plan.phrases.get(phrase_key(block.content), ()):
            if rank >= best:
                break
            if _phrase_gates(plan.ranked[rank].rule, block):
                best = rank
                break
    for u in unanchored:
        if u.rank >= best:
            break
        if _search(plan.ranked[u.rank].rule, u.pattern, block, timeout, warnings):
            best = u.rank
    return best if best < len(plan.ranked) else None


def _matches(pattern: regex.Pattern[str], block: Block, timeout: float) -> bool:
    try:
        return pattern.match(block.content, timeout=timeout) is not None
    except TimeoutError:
        return False  # _best_by_rule then tries it again and records the warning


def _best_by_rule(plan: TextPlan, block: Block, folded: str, timeout: float, warnings: list[str]) -> int | None:
    """The same answer as _best_block_rule, one rule and one pattern at a time."""
    key = phrase_key(block.content) if block.n_words <= plan.phrase_max_words else None
    for rank, rule in ((r.rank, r.rule) for r in plan.ranked):
        if key is not None and key in rule.phrases and _phrase_gates(rule, block):
            return rank
        if rule_gates(rule, block, folded) and any(_search(rule, p, block, timeout, warnings) for p in rule.patterns):
            return rank
    return None


def _phrase_gates(rule: Rule, block: Block) -> bool:
    """A phrase is a rule's exact words: the required literals do not gate it."""
    return rule_gates(rule, block, None)


def _search(rule: Rule, pattern: regex.Pattern[str], block: Block, timeout: float, warnings: list[str]) -> bool:
    if not _may_match(pattern, block.content, timeout):
        return False
    try:
        return pattern.search(block.content, timeout=timeout) is not None
    except TimeoutError:
        warnings.append(f"rule {rule.id} timed out on block {block.index}; skipped there")
        log.warning("rule %s timed out on block %d", rule.id, block.index)
        return False


def _whole(text: str, block: Block, rule: Rule) -> Removal:
    return block_removal(text, block, rule.id, rule.category, rule.reason, rule.source, rule.confidence)


def _span_removals(text: str, view: _View | Block, rule: Rule, timeout: float, warnings: list[str]) -> list[Removal]:
    out: list[Removal] = []
    if isinstance(view, Block):
        view = rule_view(view)
    block = view.block
    for pat in rule.patterns:
        if not _may_match(pat, block.content, timeout):
            continue
        try:
            matches = list(pat.finditer(block.content, timeout=timeout))
        except TimeoutError:
            warnings.append(f"rule {rule.id} timed out on block {block.index}; skipped there")
            continue
        for m in matches:
            if m.end() <= m.start():
                continue
            if view.pieces is not None:
                out.extend(_pieces(text, view, rule, *_absorb_seen(block.content, m.start(), m.end())))
                continue
            lo, hi = view.span(m.start(), m.end())
            start, end = block.content_start + lo, block.content_start + hi
            if not text[block.content_start : start].strip() and not text[end : block.content_end].strip():
                out.append(
                    block_removal(text, block, rule.id, rule.category, rule.reason, rule.source, rule.confidence)
                )
                continue
            start, end = absorb_space(text, block, start, end)
            out.append(_rule_cut(text, rule, block.index, start, end))
    return out


_MULTILINE_FLAG = regex.compile(r"\(\?[a-zA-Z]*m")
# What a match backwards may not answer as forwards does: atomic groups and possessive quantifiers
# (they commit in the direction of matching), conditionals, references to groups (matched later
# backwards), \G and \K.
_DIRECTED = regex.compile(r"\(\?>|[*+?}]\+|\(\?\(|\\[1-9gGK]|\(\?P=")


@lru_cache(maxsize=4096)
def _backward(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """``pattern`` matching backwards, when it can only match at the end of a text (it ends in
    ``$``, outside any alternation, without the multi-line flag) and a search forwards is not
    anchored at the start (``^``); None otherwise. A search forwards tries the pattern,
    lookbehinds first, at every position of the text; backwards it is tried only where a match
    can end (``_may_match``)."""
    src = pattern.pattern
    backslashes = len(src) - 1 - len(src[:-1].rstrip("\\"))
    if (
        src.startswith("^")
        or not src.endswith("$")
        or backslashes % 2
        or top_level_alternation(src)
        or pattern.flags & (regex.MULTILINE | regex.REVERSE)
        or _MULTILINE_FLAG.search(src)
        or _DIRECTED.search(src)
    ):
        return None
    try:
        return regex.compile(src, pattern.flags | regex.REVERSE)
    except regex.error:
        return None


def _may_match(pattern: regex.Pattern[str], content: str, timeout: float) -> bool:
    """False when ``pattern`` matches nowhere in ``content`` for sure: it can only match at the
    end (``_backward``), where ``$`` holds (the end, or before a line break ending the text), and
    it does not match there. True otherwise (the search then decides, and reports a timeout)."""
    back = _backward(pattern)
    if back is None:
        return True
    try:
        if back.match(content, timeout=timeout) is not None:
            return True
        return content.endswith("\n") and back.match(content, 0, len(content) - 1, timeout=timeout) is not None
    except TimeoutError:
        return True


def _absorb_seen(seen: str, start: int, end: int) -> tuple[int, int]:
    """``absorb_space`` on a view of pieces (``cut_view``), in its own offsets, as a second
    cleaning would widen the cut in the clean text; all of the view when only spaces are left."""
    if not seen[:start].strip() and not seen[end:].strip():
        return 0, len(seen)
    return _widen(seen, 0, len(seen), start, end)


def _pieces(text: str, view: _View, rule: Rule, start: int = 0, end: int | None = None) -> list[Removal]:
    """A rule's removals of the view's ``[start, end)`` (all of it by default) on a view of
    pieces: one per piece it touches, in text offsets. Only spaces of a piece before it, when
    it runs to the end of what is left (after it, when it starts there), are left alone: the
    clean text drops a block's outer whitespace anyway."""
    base = view.block.content_start
    length = len(view.block.content)
    end = length if end is None else end
    ranges = view.ranges(start, end)
    if end == length:
        while len(ranges) > 1 and not text[base + ranges[0][0] : base + ranges[0][1]].strip():
            ranges.pop(0)
    if start == 0:
        while len(ranges) > 1 and not text[base + ranges[-1][0] : base + ranges[-1][1]].strip():
            ranges.pop()
    return [_rule_cut(text, rule, view.block.index, base + lo, base + hi) for lo, hi in ranges]


def _rule_cut(text: str, rule: Rule, block: int, start: int, end: int) -> Removal:
    """A rule's removal of ``text[start:end]`` inside a block."""
    return Removal(
        rule.id,
        rule.category,
        rule.reason,
        rule.source,
        text[start:end],
        rule.confidence,
        start=start,
        end=end,
        block=block,
    )


def absorb_space(text: str, block: Block, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that what is left of the block reads well: take the spaces after it,
    or, at the end of the block, the spaces before it."""
    return _widen(text, block.content_start, block.content_end, start, end)


def _widen(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` with the spaces after it up to ``hi``, or, when those reach ``hi``, also
    the spaces and line breaks before it down to ``lo``."""
    e = end
    while e < hi and text[e] in " \t":
        e += 1
    if e < hi:
        return start, e
    s = start
    while s > lo and text[s - 1] in " \t\n":
        s -= 1
    return s, e


def block_removal(
    text: str, block: Block, rule: str, category: str, reason: str, source: str, confidence: float
) -> Removal:
    return Removal(
        rule,
        category,
        reason,
        source,
        text[block.start : block.end],
        confidence,
        start=block.start,
        end=block.end,
        block=block.index,
    )
