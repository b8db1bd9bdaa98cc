"""Stage 5a: apply text rules to blocks. Each hit is a Removal that carries its rule's why."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import regex

from cleaner.blocks import segment
from cleaner.model import Block, Removal
from cleaner.plan import MAX_BLOCK_CHARS, SpanPattern, TextPlan, Unanchored, rule_gates, span_patterns
from cleaner.plan import backward as _backward
from cleaner.rulebook import Rule
from cleaner.text import code_point_runs, count_words, phrase_key, respelled, respelled_char, runs_class, uncovered

log = logging.getLogger(__name__)

MAX_SPAN_CHARS = 200_000  # span rules skip longer blocks: this bounds a pathological 1 MB line

# Characters that do not show: soft hyphen, zero-width space/joiners, bidi marks, embeddings and
# isolates, word joiner and invisible operators, the zero-width no-break space. Inside debris
# (``Al\u00adso Read:``) they would let it through, so rules match on a view of the block without
# them; the offsets of what they cut are mapped back to the text, which keeps them.
# (``re``: a class of plain characters is the same class there, and a search for it cheaper.)
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


# ``regex`` reads keyword arguments slowly (about 1 µs a call, as much as a short match takes), so
# the calls below pass theirs by position: ``match`` and ``search`` take (string, pos, endpos,
# concurrent, partial, timeout), ``finditer`` (string, pos, endpos, overlapped, concurrent,
# partial, timeout); tests/test_rules_stage_speed.py holds that order.


@dataclass(frozen=True)
class _View:
    """A block as rules see it (``rule_view``, ``cut_view``), and where each of the view's
    characters sits in the content (``index``; None when the view is the content). ``pieces``: for
    a view of what cuts leave of a block, the content ranges it shows (the cuts lie between them).
    ``source``: the content the view was made of, when it is not the content itself; ``index`` is
    worked out from it only when a rule hits (most views are asked and hit nothing)."""

    block: Block
    length: int = 0  # of the block's own content
    pieces: tuple[tuple[int, int], ...] | None = None
    source: str | None = None
    shown: tuple[tuple[int, int], ...] = ()  # the content ranges the view is made of, in order
    hidden: bool = False  # whether the content holds an invisible character

    def __init__(
        self,
        block: Block,
        length: int = 0,
        pieces: tuple[tuple[int, int], ...] | None = None,
        source: str | None = None,
        shown: tuple[tuple[int, int], ...] = (),
        hidden: bool = False,
    ) -> None:
        """The generated frozen ``__init__``'s fields in one step (it sets each one by
        ``object.__setattr__``; a view is made for every block the rules look at)."""
        self.__dict__.update(block=block, length=length, pieces=pieces, source=source, shown=shown, hidden=hidden)

    @cached_property
    def index(self) -> tuple[int, ...] | None:
        """The content offset of each character of the view (None when the view is the content)."""
        if self.source is None:
            return None
        index: list[int] = []
        for a, z in self.shown:
            _seen(self.source, a, z, index, self.hidden)
        return tuple(index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Content offsets of the view's ``[start, end)``, with the invisible characters that
        touch it on either side."""
        index = self.index
        if index is None:
            return start, end
        lo = 0 if start == 0 else index[start - 1] + 1
        hi = self.length if end >= len(index) else index[end]
        return lo, hi

    def ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """Content ranges of the view's ``[start, end)``: one, or for a view of pieces one per
        piece it touches, never reaching into a cut between them (the invisible characters that
        touch it inside its pieces go with it)."""
        lo, hi = self.span(start, end)
        index = self.index
        if self.pieces is None or index is None or end <= start:
            return [(lo, hi)]
        first, last = index[start], index[end - 1]
        out = []
        for a, z in self.pieces:
            if z <= first or a > last:
                continue
            out.append((max(a, lo), min(z, hi)))
        return [(a, z) for a, z in out if z > a]


@lru_cache(maxsize=1)
def _special() -> re.Pattern[str]:
    """An invisible character or one :func:`respelled` maps: one class (one scan answers both)."""
    return re.compile(f"[{INVISIBLE.pattern[1:-1]}{respelled_char().pattern[1:-1]}]")


def _invisible_chars() -> list[int]:
    """The code points of ``INVISIBLE``'s class (single characters and ranges, none of them "-")."""
    body = INVISIBLE.pattern[1:-1]
    out: list[int] = []
    i = 0
    while i < len(body):
        if body[i + 1 : i + 2] == "-":
            out.extend(range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            out.append(ord(body[i]))
            i += 1
    return out


@lru_cache(maxsize=1)
def _special_parts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``_special``'s characters as two classes: those in the BMP, and those past it. ``re`` looks
    a character up in one table for a class of BMP characters, but tries a class holding any
    character past U+FFFF range by range (~80 of them): the two scans cost about half as much,
    and the second is asked only of a text holding a character past U+FFFF (``_astral``)."""
    runs = code_point_runs([*_invisible_chars(), *(ord(c) for c in respelled())])

    def one_class(part: list[tuple[int, int]]) -> re.Pattern[str]:
        return re.compile(runs_class(part) if part else "(?!)")

    return one_class([r for r in runs if r[1] <= 0xFFFF]), one_class([r for r in runs if r[1] > 0xFFFF])


# CPython keeps a text holding a character past U+FFFF at 4 bytes a character, after a header as
# long as that of a one-character such text (made here, so no cached UTF-8 copy adds to it).
_WIDE = sys.getsizeof(chr(0x10000)) - 8 if sys.implementation.name == "cpython" else None


def _astral(text: str) -> bool:
    """Whether ``text`` may hold a character past U+FFFF: never False for one that does. On
    CPython, from its size (no scan): 4 bytes a character and the header, at least, for a text
    that does; True also for a text of fewer bytes a character with a cached UTF-8 copy (rare:
    the search after it then answers). Elsewhere from its UTF-16 length."""
    if _WIDE is not None:
        return sys.getsizeof(text) >= _WIDE + 4 * (len(text) + 1)
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _has_special(content: str) -> bool:
    """``_special().search(content) is not None``, in two cheaper scans (``_special_parts``)."""
    bmp, astral = _special_parts()
    if bmp.search(content) is not None:
        return True
    return _astral(content) and astral.search(content) is not None


def rule_view(block: Block) -> _View:
    """The block as rules see it: without invisible characters, and with every character that has
    another canonical spelling in that spelling (``text.respelled``: ড় U+09DC as ড + ়, the form
    rules are written in); a cut's offsets map back to the content as it is."""
    content = block.content
    if content.isascii() or not _has_special(content):  # neither kind is ASCII
        return _View(block)
    hidden = INVISIBLE.search(content) is not None
    view = _seen(content, 0, len(content), None, hidden)
    # another spelling of a character leaves the words as they are; a dropped invisible one may not
    n_words = count_words(view) if hidden else block.n_words
    seen = _as_seen(block, view, n_words)
    return _View(seen, len(content), None, content, ((0, len(content)),), hidden)


def cut_view(text: str, block: Block, cuts: Sequence[tuple[int, int]], cap: int | None = None) -> _View | None:
    """The block as rules see what ``cuts`` (text offsets) leave of it: its pieces joined as the
    clean text joins them (without the whitespace at the outer edges), seen as ``rule_view``
    sees a block; None when nothing but whitespace is left. What rules find maps back to the
    pieces (``_View.ranges``), never to the cuts. ``cap``: no rule tells word counts above it
    apart (``TextPlan.word_cap``), so a view with more words counts ``cap + 1``."""
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
    if content.isascii() or not _has_special(content):  # as ``rule_view`` (one scan, not one a piece)
        hidden = False
        view = "".join([content[a:z] for a, z in pieces])
    else:
        hidden = INVISIBLE.search(content) is not None
        view = "".join([_seen(content, a, z, None, hidden) for a, z in pieces])
    seen = _as_seen(block, view, count_words(view) if cap is None else words_capped(view, cap))
    shown = tuple(pieces)
    return _View(seen, len(content), shown, content, shown, hidden)


def _as_seen(block: Block, content: str, n_words: int) -> Block:
    """``dataclasses.replace(block, content=content, n_words=n_words)`` without its reading of
    the fields one by one (``Block.__init__`` only sets them: the copy's are the block's, two
    of them changed)."""
    seen = object.__new__(Block)
    seen.__dict__.update(block.__dict__, content=content, n_words=n_words)
    return seen


def words_capped(text: str, cap: int) -> int:
    """``min(count_words(text), cap + 1)``: a text of more than ``cap`` whitespace tokens has
    more than ``cap`` words (every token counts one at least), and is not counted."""
    if len(text.split(None, cap)) > cap:
        return cap + 1
    return min(count_words(text), cap + 1)


@lru_cache(maxsize=1)
def _spelled_alone() -> bool:
    """Whether no character a view puts for another (``respelled``'s spellings) is itself one
    that a view replaces or drops: then replacing each such character everywhere at once gives
    what replacing them one at a time does (true of Unicode's NFC; asked once)."""
    special = _special()
    return not any(special.search(seen) for seen in respelled().values())


def _seen(content: str, a: int, z: int, index: list[int] | None, hidden: bool) -> str:
    """``content[a:z]`` as rules see it (``rule_view``), the content offset of each of its
    characters appended to ``index`` (unless None)."""
    if index is None and _spelled_alone():
        # The text alone: each character found replaced everywhere at once, not one occurrence
        # at a time (a Bengali paragraph holds য় U+09DF, which NFC spells য + ়, by the hundred).
        view = content[a:z]
        table = respelled()
        bmp, astral = _special_parts()  # ``_special`` in two (an invisible one only where hidden)
        found = set(bmp.findall(content, a, z))
        if _astral(view):
            found.update(astral.findall(content, a, z))
        for ch in found:
            view = view.replace(ch, table.get(ch, ""))  # "" for an invisible character
        return view
    special = _special() if hidden else respelled_char()
    found = list(special.finditer(content, a, z))
    if not found:
        if index is not None:
            index.extend(range(a, z))
        return content[a:z]
    table = respelled()
    parts: list[str] = []
    pos = a
    for m in found:  # few: copy the runs between them whole
        i = m.start()
        parts.append(content[pos:i])
        seen = table.get(content[i], "")  # "" for an invisible character
        parts.append(seen)
        if index is not None:
            index.extend(range(pos, i))
            index.extend([i] * len(seen))
        pos = i + 1
    parts.append(content[pos:z])
    if index is not None:
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
    # One scan of the document instead of one per block: a text with no character that a view
    # drops or respells has none in a block whose content is a piece of it.
    plain = text.isascii() or not _has_special(text)
    for original in blocks:
        if plain and text.startswith(original.content, original.content_start):
            removals.extend(_on_view(text, original, None, plan, timeout, warnings))
        else:
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
        view = cut_view(text, blocks[i], cuts[i], plan.word_cap)
        if view is not None:
            removals.extend(_on_view(text, blocks[i], view, plan, timeout, warnings))
            content = view.block.content
            if "\n" in content and len(content) <= MAX_PARTS_CHARS:  # lines a cut can leave apart
                for part in _parts(text, blocks[i], cuts[i], view, plan.word_cap):
                    removals.extend(_on_view(text, blocks[i], part, plan, timeout, warnings))
    return RuleHits(tuple(removals), tuple(warnings))


# Longer blocks are not segmented again (``_parts``): each part's view reads the block, so a block
# of n lines that a cut split into n parts would cost n times its length (a long hard-wrapped
# paragraph whose cut made it read as not hard-wrapped); what block rules judge is 2,000
# characters at most (``MAX_BLOCK_CHARS``).
MAX_PARTS_CHARS = 20_000


def _parts(text: str, block: Block, cuts: Sequence[tuple[int, int]], view: _View, cap: int | None) -> list[_View]:
    """The blocks that segmenting what ``cuts`` leave of a block of several lines makes, as
    views of their pieces (none when it stays one block): a cut can take what held its lines
    together as one paragraph (the end of a line that did not end a sentence), and the next
    cleaning of the output segments them apart."""
    content = block.content
    joined: list[str] = []
    at: list[tuple[int, int]] = []  # each piece: where it starts in ``joined``, in the content
    n = 0
    for a, z in view.shown:
        at.append((n, a))
        joined.append(content[a:z])
        n += z - a
    parts = segment("".join(joined))
    if len(parts) < 2:
        return []
    base = block.content_start
    out = []
    for part in parts:
        keep = []  # the part's content ranges, in text offsets
        for (j, a), (x, z) in zip(at, view.shown, strict=True):
            lo, hi = max(part.content_start, j), min(part.content_end, j + z - x)
            if lo < hi:
                keep.append((base + a + lo - j, base + a + hi - j))
        others = uncovered([(base, block.content_end)], keep)
        seen = cut_view(text, block, [*cuts, *others], cap)
        if seen is not None:  # the part's view, of the kind the segmenting gave it
            read = replace(seen.block, kind=part.kind, level=part.level, heading_like=part.heading_like)
            out.append(_View(read, seen.length, seen.pieces, seen.source, seen.shown, seen.hidden))
    return out


# What the rules find on a view, in the view's own offsets (the same for every view with that
# content, kind and word count): (rule order, rule, None for the whole block or the spans cut).
_Found = tuple[tuple[int, Rule, tuple[tuple[int, int], ...] | None], ...]


def _on_view(
    text: str, original: Block, view: _View | None, plan: TextPlan, timeout: float, warnings: list[str]
) -> list[Removal]:
    """The block's best block-scope rule and every span-rule cut on ``view`` (None: the block as
    it is, ``rule_view``'s answer for a block with no character it drops or respells; a view is
    made of it only when a rule hits), in rule order. What the rules find on a view is kept per
    plan by its content, kind and word count (the same boilerplate line recurs across documents,
    the same view across rounds of ``decide``), unless a pattern timed out there."""
    block = original if view is None else view.block
    key = (block.content, block.kind, block.n_words)
    found = plan.seen.get(key)
    if found is None:
        told = len(warnings)
        found = _find(block, plan, timeout, warnings)
        if len(warnings) == told and len(block.content) <= MAX_SEEN_CHARS:
            if len(plan.seen) >= MAX_SEEN:
                plan.seen.clear()
            plan.seen[key] = found
    if not found:
        return []
    if view is None:
        view = _View(original)
    out: list[Removal] = []
    for _, rule, spans in found:
        if spans is None:
            out.extend([_whole(text, original, rule)] if view.pieces is None else _pieces(text, view, rule))
        else:
            out.extend(_cuts(text, view, rule, spans))
    return out


MAX_SEEN = 2048  # views whose findings a plan keeps, each of MAX_SEEN_CHARS characters at most
MAX_SEEN_CHARS = 1_000  # longer views seldom recur


def _find(block: Block, plan: TextPlan, timeout: float, warnings: list[str]) -> _Found:
    """What the rules find on a view's block (``_Found``), in rule order."""
    content = block.content
    folded = content.casefold()
    found: list[tuple[int, Rule, tuple[tuple[int, int], ...] | None]] = []
    gated = plan.candidates(block, folded)
    rank = _best_block_rule(plan, block, folded, timeout, warnings, gated.unanchored)
    if rank is not None:
        best = plan.ranked[rank]
        found.append((best.order, best.rule, None))
    if len(content) <= MAX_SPAN_CHARS:
        for i, rule in gated.spans:
            spans = _span_matches(block, rule, timeout, warnings, plan.span_checks[i])
            if spans:
                found.append((i, rule, spans))
    if len(found) > 1:
        found.sort(key=lambda f: f[0])
    return tuple(found)


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
            m = tier.pattern.match(block.content, None, None, None, False, timeout)
        except TimeoutError:
            return _best_by_rule(plan, block, folded, timeout, warnings)
        if m is not None:
            best, own = tier.member(m)
            # The hit must hold for the rule itself (its gates, its own pattern alone); when
            # it does not, which is rare, the block is checked rule by rule.
            if not rule_gates(plan.ranked[best].rule, block, folded) or not _matches(own, block, timeout):
                return _best_by_rule(plan, block, folded, timeout, warnings)
    if block.n_words <= plan.phrase_max_words:
        for rank in plan.phrase_ranks(block.content):
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
        return pattern.match(block.content, None, None, None, False, timeout) is not None
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
        return pattern.search(block.content, None, None, None, False, timeout) is not None
    except TimeoutError:
        warnings.append(f"rule {rule.id} timed out on block {block.index}; skipped there")
        log.warning("rule %s timed out on block %d", rule.id, block.index)
        return False


def _whole(text: str, block: Block, rule: Rule) -> Removal:
    return block_removal(text, block, rule.id, rule.category, rule.reason, rule.source, rule.confidence)


def _span_removals(
    text: str,
    view: _View | Block,
    rule: Rule,
    timeout: float,
    warnings: list[str],
) -> list[Removal]:
    """A span rule's cuts on the view (or on the block as rules see it)."""
    if isinstance(view, Block):
        view = rule_view(view)
    block = view.block
    spans = _span_matches(block, rule, timeout, warnings, span_patterns(rule))
    return _cuts(text, view, rule, spans)


def _span_matches(
    block: Block,
    rule: Rule,
    timeout: float,
    warnings: list[str],
    patterns: tuple[SpanPattern, ...],
) -> tuple[tuple[int, int], ...]:
    """Where a span rule's patterns match the block (of a view), pattern by pattern
    (``patterns``: the rule's patterns, each with it matching backwards, from the plan)."""
    content = block.content
    out: list[tuple[int, int]] = []
    for pat, back in patterns:
        if not _may_end(back, content, timeout):
            continue
        try:
            matches = list(pat.finditer(content, None, None, False, None, False, timeout))
        except TimeoutError:
            warnings.append(f"rule {rule.id} timed out on block {block.index}; skipped there")
            continue
        out.extend(m.span() for m in matches if m.end() > m.start())
    return tuple(out)


def _cuts(text: str, view: _View, rule: Rule, spans: Sequence[tuple[int, int]]) -> list[Removal]:
    """A span rule's removals of ``spans`` (view offsets): the whole block when only spaces are
    left of it, else each span with the spaces that ``absorb_space`` takes."""
    out: list[Removal] = []
    block = view.block
    for s, e in spans:
        if view.pieces is not None:
            out.extend(_pieces(text, view, rule, *_absorb_seen(block.content, s, e)))
            continue
        lo, hi = view.span(s, e)
        start, end = block.content_start + lo, block.content_start + hi
        if not text[block.content_start : start].strip() and not text[end : block.content_end].strip():
            out.append(block_removal(text, block, rule.id, rule.category, rule.reason, rule.source, rule.confidence))
            continue
        start, end = absorb_space(text, block, start, end)
        out.append(_rule_cut(text, rule, block.index, start, end))
    return out


def _may_match(pattern: regex.Pattern[str], content: str, timeout: float) -> bool:
    """False when ``pattern`` matches nowhere in ``content`` for sure: it can only match at the
    end (``_backward``), where ``$`` holds (the end, or before a line break ending the text), and
    it does not match there. True otherwise (the search then decides, and reports a timeout)."""
    return _may_end(_backward(pattern), content, timeout)


def _may_end(back: regex.Pattern[str] | None, content: str, timeout: float) -> bool:
    """``_may_match`` with the pattern matching backwards given (None: it may match)."""
    if back is None:
        return True
    try:
        if back.match(content, None, None, None, False, timeout) is not None:
            return True
        return content.endswith("\n") and back.match(content, 0, len(content) - 1, None, False, timeout) is not None
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
