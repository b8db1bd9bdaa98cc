"""What every heuristic sees and how it answers: the same shape as a rule (id, category, reason)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from cleaner.blocks import MARKER_STARTS, read_again, segment, shares_topic
from cleaner.config import Config
from cleaner.match import block_removal
from cleaner.model import PARAGRAPH, Block, Removal
from cleaner.rulebook import Rule, Rulebook
from cleaner.text import count_words, uncovered

T = TypeVar("T")
V = TypeVar("V")
_MISSING: Any = object()  # what ``memo.get`` answers for a key not computed yet (a value may be None)


class cached_value(Generic[V]):  # noqa: N801  (used as a decorator, like functools.cached_property)
    """``functools.cached_property`` without its lock: the value, computed at the first read, is
    kept in the instance's ``__dict__``, where later reads find it without calling here. The
    lock (Python 3.11 takes an ``RLock`` at every first read) costs about a microsecond, and the
    heuristics' contexts are read by one thread."""

    def __init__(self, fn: Callable[[Any], V]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> cached_value[V]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> V: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> V | cached_value[V]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


def takes_whole(r: Removal, blocks: Sequence[Block]) -> bool:
    """Whether the removal takes its block whole (from the block's start to its end)."""
    return r.block is not None and r.start == blocks[r.block].start and r.end == blocks[r.block].end


@dataclass(frozen=True)
class View:
    """A block's surviving pieces ``(start, end)`` in the text, read as one string: a heuristic that
    judges the end of a block (a sign-off, link residue) judges what a second cleaning would see,
    so that a cut at the end (a copyright line) does not hide what comes before it."""

    source: str
    pieces: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, source: str, pieces: tuple[tuple[int, int], ...]) -> View:
        """``View(source, pieces)``, its two fields set in one step (``Context.view`` makes one
        for most blocks a heuristic judges the end of)."""
        view = object.__new__(cls)
        view.__dict__.update(source=source, pieces=pieces)
        return view

    @cached_value
    def text(self) -> str:
        return "".join(self.source[a:z] for a, z in self.pieces)

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The text's ranges that the view's ``[start, end)`` covers, one per surviving piece."""
        out, pos = [], 0
        for a, z in self.pieces:
            lo, hi = max(start, pos), min(end, pos + z - a)
            if lo < hi:
                out.append((a + lo - pos, a + hi - pos))
            pos += z - a
        return out


def _long_line(text: str) -> bool:
    """Whether ``text`` is one line of more than 16 whitespace tokens that no list, quote or
    heading marker opens: the text path reads it as a paragraph, never as a heading."""
    return "\n" not in text and text[:1] not in MARKER_STARTS and len(text.split(None, 16)) > 16


@dataclass(frozen=True)
class Context:
    text: str
    blocks: tuple[Block, ...]
    lang: str | None
    rulebook: Rulebook
    config: Config
    rule_removals: tuple[Removal, ...]
    # rules' and earlier heuristics' removals at or above min_confidence (read through ``decided()``)
    prior: tuple[Removal, ...] = ()
    site: str | None = None  # the document's site, for site-level repetition
    rules: tuple[Rule, ...] = ()  # the text rules that apply to the document (its language, its site)
    gone: frozenset[int] | None = None  # the blocks ``prior`` removes whole, when the caller keeps count
    # set to [True] when the heuristic reads the earlier decisions (through the methods below or
    # ``decided``): one that did not would find the same again, whatever was decided since
    reads: list[bool] | None = None
    # ``prior``'s cuts by block, each list sorted, when the caller keeps them (else computed here)
    cuts: dict[int, list[tuple[int, int]]] | None = None
    # What depends on the document alone (``once``), shared by the contexts of one decision
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of_decision(
        cls,
        text: str,
        blocks: tuple[Block, ...],
        lang: str | None,
        rulebook: Rulebook,
        config: Config,
        rule_removals: tuple[Removal, ...],
        prior: tuple[Removal, ...],
        site: str | None,
        rules: tuple[Rule, ...],
        gone: frozenset[int],
        reads: list[bool],
        cuts: dict[int, list[tuple[int, int]]],
        memo: dict[Hashable, Any],
    ) -> Context:
        """The context ``Context(...)`` makes of these fields, as ``decide`` makes one for each new
        view of the decisions: the fields set in one step (the frozen dataclass sets each through
        ``object.__setattr__``), and what ``removed_blocks`` and ``prior_cuts`` would compute at
        their first read from ``gone`` and ``cuts`` (those themselves) in place."""
        ctx = object.__new__(cls)
        ctx.__dict__.update(
            text=text,
            blocks=blocks,
            lang=lang,
            rulebook=rulebook,
            config=config,
            rule_removals=rule_removals,
            prior=prior,
            site=site,
            rules=rules,
            gone=gone,
            reads=reads,
            cuts=cuts,
            memo=memo,
            _removed=gone,
            _prior_cuts=cuts,
        )
        return ctx

    def once(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, computed once for the document: the contexts of one decision share what a
        heuristic finds in the text and the blocks alone, so that one looking again (a later
        round, after a removal elsewhere) does not scan them again. Only for what does not depend
        on the earlier decisions (``make`` reads none of them); the value is not to be changed."""
        # ``get`` with a marker, not ``memo[key]`` and ``except KeyError``: most keys are asked
        # once per document, and raising the KeyError costs three times the look-up
        memo = self.memo
        value = memo.get(key, _MISSING)
        if value is _MISSING:
            value = memo[key] = make()
        return value  # type: ignore[no-any-return]

    def judged(self, judge: Callable[[Block], T]) -> list[T]:
        """``judge`` of every block, by block index, computed once for the document (``once``): for
        a judge of the block alone (its content, kind, words), never of the earlier decisions."""
        return self.once(judge, lambda: [judge(b) for b in self.blocks])

    def _note(self) -> None:
        if self.reads is not None:
            self.reads[0] = True

    # The methods below note the read themselves (``if self.reads ...``) rather than through
    # ``_note``: the heuristics ask them some eighty times per document.

    def decided(self) -> tuple[Removal, ...]:
        """``prior``, noted as read."""
        if self.reads is not None:
            self.reads[0] = True
        return self.prior

    def words(self, lexicon: str) -> tuple[str, ...]:
        return self.rulebook.words(lexicon, self.lang)

    def _whole(self, removals: tuple[Removal, ...]) -> dict[int, Removal]:
        """The removals that take a whole block, by block index; of several on one block, the
        first (rules come in rule order, and it is the one the record keeps)."""
        out: dict[int, Removal] = {}
        for r in removals:
            if takes_whole(r, self.blocks):
                out.setdefault(r.block, r)  # type: ignore[arg-type]
        return out

    @cached_value
    def _removed(self) -> frozenset[int]:
        return self.gone if self.gone is not None else frozenset(self._whole(self.prior))

    def removed_blocks(self) -> frozenset[int]:
        """Blocks that an earlier decision removes whole (computed once: heuristics ask for every block)."""
        if self.reads is not None:
            self.reads[0] = True
        return self._removed

    @cached_value
    def _kept(self) -> tuple[Block, ...]:
        gone = self._removed
        return tuple(b for b in self.blocks if b.index not in gone and b.content.strip())

    def kept_blocks(self) -> tuple[Block, ...]:
        """The blocks that hold text and that no earlier decision removes whole, in order."""
        if self.reads is not None:
            self.reads[0] = True
        return self._kept

    def kept_at_least(self, n: int) -> tuple[Block, ...]:
        """``kept_blocks()`` when it holds at least ``n`` blocks, else none (``()``); the decisions
        read only when the document has ``n`` blocks at all. A heuristic's two checks
        ``if len(ctx.blocks) < n: return`` then ``kept = ctx.kept_blocks()`` and
        ``if len(kept) < n: return``, in one call: the same blocks, the same note of the read
        (tests/test_kept_blocks_at_least.py)."""
        if len(self.blocks) < n:
            return ()
        if self.reads is not None:
            self.reads[0] = True
        kept = self._kept
        return kept if len(kept) >= n else ()

    @cached_value
    def _prior_cuts(self) -> dict[int, list[tuple[int, int]]]:
        """The earlier removals' offsets by block, each list sorted (computed once)."""
        if self.cuts is not None:
            return self.cuts
        out: dict[int, list[tuple[int, int]]] = {}
        for r in self.prior:
            if r.block is not None and r.start is not None:
                out.setdefault(r.block, []).append((r.start, r.end))  # type: ignore[arg-type]
        for cuts in out.values():
            cuts.sort()
        return out

    def read_left(self, block: Block) -> tuple[Block, View | None]:
        """The block as a cleaning of the clean text reads it, and the view of what is left of it:
        without its markup (``read_again``), and when earlier cuts took part of it, what they left
        read as the text path reads a line ("E" once "READ MORE | Storm hits coast" is cut after
        it: a heading-like line, not a paragraph); the block read again, and None, when no cut
        took part of it or what is left is not one block."""
        cuts = self._prior_cuts.get(block.index)
        if cuts is None:
            if self.reads is not None:
                self.reads[0] = True
            return read_again(block), None
        key = ("read_left", block.index, len(cuts))  # (a block's cuts only grow within a decision)
        left = self.memo.get(key)
        if left is None:
            view = self.view(block)
            text = view.text.strip()
            if block.kind == PARAGRAPH and _long_line(text):
                # one unmarked line of more than 16 words is a paragraph (a heading-like line has 16
                # at most): the block as read, whose words (more than 16 too) are not counted again
                left = self.memo[key] = (read_again(block), view)
            else:
                read = segment(text)
                left = self.memo[key] = (read[0], view) if len(read) == 1 else (read_again(block), None)
        elif self.reads is not None:
            self.reads[0] = True
        return left

    def left_words(self, block: Block) -> tuple[str, int]:
        """The block's text as the clean text shows it (``surviving``) and its words: the block's own
        count when no cut took from it."""
        text = self.surviving(block)
        return (text, block.n_words) if text is block.content else (text, count_words(text))

    def cut_blocks(self) -> list[int]:
        """The indices of the blocks that earlier span removals cut, in order."""
        if self.reads is not None:
            self.reads[0] = True
        return sorted(self._prior_cuts)

    def prior_cuts(self, block: Block) -> list[tuple[int, int]]:
        """A fresh list of the earlier removals' (start, end) in this block, sorted."""
        if self.reads is not None:
            self.reads[0] = True
        return list(self._prior_cuts.get(block.index, ()))

    def surviving(self, block: Block) -> str:
        """The block's content with earlier span removals cut out."""
        if block.index not in self._prior_cuts:  # one piece, the whole content: its view's text
            if self.reads is not None:
                self.reads[0] = True
            return block.content  # (the same string as ``text[content_start:content_end]``, not a copy)
        return self.view(block).text

    def view(self, block: Block) -> View:
        """The block's content as the next cleaning of the output sees it (earlier span removals
        cut out), with the way back to offsets in the text."""
        if self.reads is not None:
            self.reads[0] = True
        a, z = block.content_start, block.content_end
        cuts = self._prior_cuts.get(block.index)
        if cuts is None:
            return View.of(self.text, ((a, z),))
        # kept for the decision: the heuristics and their rounds ask for the same few cut blocks
        key = ("view", block.index, len(cuts))  # (a block's cuts only grow within a decision)
        view = self.memo.get(key)
        if view is None:
            view = self.memo[key] = View.of(self.text, tuple(uncovered([(a, z)], cuts)))
        return view

    @cached_value
    def _content_starts(self) -> list[int]:
        return [b.content_start for b in self.blocks]

    def holding(self, offset: int) -> int | None:
        """The index of the block whose content holds the text's ``offset`` (None between contents):
        for heuristics that scan the whole text once and ask which block each hit falls in."""
        i = bisect_right(self._content_starts, offset) - 1
        return i if i >= 0 and offset < self.blocks[i].content_end else None

    def rule_hit_blocks(self) -> dict[int, Removal]:
        """Blocks that a rule removes whole, by block index."""
        return self._whole(self.rule_removals)


@dataclass(frozen=True)
class Heuristic:
    id: str
    category: str
    reason: str
    doc: str
    run: Callable[[Context, Heuristic], Iterable[Removal]]
    # the lowest and highest confidence it decides with (below min_confidence: a candidate), before
    # the configuration's [tool.cleaner.confidence] replaces them; tests/test_heuristic_confidence.py
    # holds every heuristic to its range
    confidence: tuple[float, float] = (0.0, 1.0)

    def __post_init__(self) -> None:
        lo, hi = self.confidence
        if not 0.0 <= lo <= hi <= 1.0:
            raise ValueError(f"heuristic {self.id}: confidence range {self.confidence} is not within 0..1")

    @property
    def source(self) -> str:
        return f"heuristic:{self.id}"

    def remove_block(self, ctx: Context, block: Block, confidence: float, reason: str | None = None) -> Removal:
        return block_removal(ctx.text, block, self.id, self.category, reason or self.reason, self.source, confidence)

    def remove_span(
        self, ctx: Context, block: Block, start: int, end: int, confidence: float, reason: str | None = None
    ) -> Removal:
        return Removal(
            self.id,
            self.category,
            reason or self.reason,
            self.source,
            ctx.text[start:end],
            confidence,
            start=start,
            end=end,
            block=block.index,
        )

    def remove_view(
        self, ctx: Context, block: Block, view: View, start: int, end: int, confidence: float, reason: str | None = None
    ) -> list[Removal]:
        """The removals of a view's ``[start, end)``: one per surviving piece of the block it covers."""
        return [self.remove_span(ctx, block, a, z, confidence, reason) for a, z in view.spans(start, end)]

    def remove_left(self, ctx: Context, block: Block, confidence: float, reason: str | None = None) -> list[Removal]:
        """The block whole, or when earlier cuts took part of it, each piece they left: what a second
        cleaning, which reads the clean text, would find and take."""
        if block.index not in ctx._prior_cuts:  # (``prior_cuts`` without its copy of the list)
            ctx._note()
            return [self.remove_block(ctx, block, confidence, reason)]
        view = ctx.view(block)
        return self.remove_view(ctx, block, view, 0, len(view.text), confidence, reason)


def body_neighbours(blocks: Sequence[Block], i: int) -> tuple[bool, bool]:
    """Whether a body paragraph stands somewhere before and somewhere after block i (a paragraph
    as a cleaning of the clean text reads it: ``read_again``)."""
    first, last = _paragraph_bounds(blocks)
    return first < i, last > i


_BOUNDS: list[tuple[Sequence[Block], tuple[int, int]]] = []  # a one-entry cache: the document being cleaned


def _paragraph_bounds(blocks: Sequence[Block]) -> tuple[int, int]:
    """The indexes of the first and last paragraphs (len, -1 when none): computed once per
    document, so that asking for every block stays linear."""
    last = _BOUNDS[0] if _BOUNDS else None
    if last is not None and last[0] is blocks:
        return last[1]
    paras = [b.index for b in blocks if read_again(b).kind == "paragraph"]
    bounds = (paras[0], paras[-1]) if paras else (len(blocks), -1)
    _BOUNDS[:] = [(blocks, bounds)]
    return bounds


def introduces_next(ctx: Context, b: Block, look: int = 60) -> bool:
    """Topic coherence: whether a heading-like block shares a content word with the body
    paragraph after it (its first ``look`` words). An article's own subhead introduces what
    follows; another story's headline dropped between paragraphs shares nothing with it. The
    paragraph is the next one a cleaning of the clean text finds (``read_again``: an HTML list
    item or heading that reads as a paragraph line is one), so that it judges as this one did."""
    gone = ctx.removed_blocks()
    blocks = ctx.blocks
    nxt = next(
        (
            blocks[i]
            for i in range(b.index + 1, len(blocks))
            if blocks[i].index not in gone and read_again(blocks[i]).kind == "paragraph"
        ),
        None,
    )
    return nxt is not None and shares_topic(b.content, ctx.surviving(nxt), look)
