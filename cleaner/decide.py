"""Stage 5b: run rules and heuristics, then settle overlaps and the confidence threshold."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from cleaner.config import Config, id_selected
from cleaner.heuristics import HEURISTICS, Context, Heuristic
from cleaner.heuristics.base import takes_whole
from cleaner.match import apply_rules, apply_rules_again
from cleaner.model import Block, Removal, precedence
from cleaner.plan import text_plan
from cleaner.rulebook import Rulebook
from cleaner.text import uncovered


@dataclass(frozen=True)
class Decision:
    removed: tuple[Removal, ...]  # sorted by start, non-overlapping
    candidates: tuple[Removal, ...]  # below min_confidence: reported, kept in the text
    warnings: tuple[str, ...]


def decide(
    text: str,
    blocks: Sequence[Block],
    lang: str | None,
    book: Rulebook,
    config: Config,
    site: str | None = None,
    host: str | None = None,
) -> Decision:
    """``site`` is the document's site for site-level repetition; ``host`` its URL's host, for the
    text rules of site packs."""
    plan = text_plan(book, lang, host)
    hits = apply_rules(text, blocks, plan, config.regex_timeout)
    proposed = list(hits.removals)
    strong = [r for r in proposed if r.confidence >= config.min_confidence]  # grows with proposed, in its order
    blocks = tuple(blocks)
    taken = _Taken(blocks, text)  # what ``strong`` takes, kept as it grows (each heuristic asks)
    taken.note(strong)
    known = {_key(r) for r in proposed}
    fed: dict[int, int] = {}  # heuristic -> how many strong removals it last saw (not those that read none)
    reads = [False]
    memo: dict[Hashable, Any] = {}  # what the heuristics find in the document alone (``Context.once``)
    ctx: Context
    tune = bool(config.confidence)
    # The selected heuristics, in order; one that did not read the earlier decisions leaves it: it
    # would find the same again, whatever was decided since.
    active = list(_lineup(tuple(config.select), tuple(config.ignore)))
    looked: dict[int, int] = {}  # block -> how many of its cuts the rules last looked again at
    seen = fed.get
    rules = plan.rules
    ctx_n = -1  # how many strong removals ``ctx`` holds (none made yet)
    for round_ in range(_MAX_ROUNDS):
        before = len(strong)
        looking_again = round_ > 0
        went_blind = False
        n = before  # len(strong), asked again only when a heuristic adds to it
        for i, h in active:  # in order: each sees what the rules and the earlier heuristics decided
            if looking_again and seen(i) == n:  # (the first round, none has seen anything)
                continue  # it saw all of this already
            if ctx_n != n:
                # A new view of the decisions; while none is added, the heuristics share it (and
                # what it computed once: the blocks removed whole, those kept).
                ctx = Context.of_decision(
                    text,
                    blocks,
                    lang,
                    book,
                    config,
                    hits.removals,
                    tuple(strong),
                    site,
                    rules,
                    frozenset(taken.gone),
                    reads,
                    taken.cuts,
                    memo,
                )
                ctx_n = n
            reads[0] = False
            # a generator (most heuristics) runs here, before ``reads`` is looked at; a list is
            # copied, which costs less than asking which of the two it is
            found = _tuned(h.run(ctx, h), config) if tune else list(h.run(ctx, h))
            if reads[0]:
                fed[i] = n
            else:  # what it finds does not depend on the decisions: it does not look again
                went_blind = True
                if looking_again:  # (after the first round every heuristic still running is in ``fed``)
                    del fed[i]
            if found:
                _add(found, proposed, strong, known, taken, config, looking_again)
                n = len(strong)
        if went_blind:
            active = [(i, h) for i, h in active if i in fed]
        # A cut can leave a remainder that a block rule removes on its own ("Advertisement" once
        # "Also Read: …" is cut from its line), or join pieces that a span rule matches ("Also Read: …"
        # right after a sentence end once "Advertisement" is cut from between them): the rules look
        # at each block as its cuts leave it now, or the next cleaning of the output would remove it
        # and cleaning would not be idempotent. A block whose cuts are those they looked at in an
        # earlier round is not looked at again: they would find what they found there, all known.
        gone = taken.gone
        left = {i: cuts for i, cuts in taken.cuts.items() if i not in gone and looked.get(i) != len(cuts)}
        if left:
            looked.update((i, len(cuts)) for i, cuts in left.items())
            again = apply_rules_again(text, blocks, left, plan, config.regex_timeout).removals
            if again:
                _add(again, proposed, strong, known, taken, config, looking_again)
        # A removal can change what an earlier heuristic sees (a long line gone leaves the short
        # lines around it a menu run): those whose view changed look again, to a fixed point, as
        # the next cleaning of the output would.
        if len(strong) == before or all(v == len(strong) for v in fed.values()):
            break
    removed = _settle(strong, text)
    if len(proposed) == len(strong):  # none below min_confidence: no candidates
        return Decision(tuple(removed), (), hits.warnings)
    weak = [r for r in proposed if r.confidence < config.min_confidence]
    kept = _Spans(removed)
    candidates = [c for c in _settle(weak, text) if not kept.overlaps(c)]
    return Decision(tuple(removed), tuple(candidates), hits.warnings)


@lru_cache(maxsize=16)
def _lineup(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[tuple[int, Heuristic], ...]:
    """The heuristics the configuration selects, with their places in ``HEURISTICS`` (asked once
    per configuration, not for every heuristic of every document)."""
    return tuple((i, h) for i, h in enumerate(HEURISTICS) if id_selected(h.id, select, ignore))


# Rounds of the heuristics at most (a cascade that long is hostile input; one round is the rule).
_MAX_ROUNDS = 4


def _key(r: Removal) -> tuple[str, int | None, int | None]:
    return r.rule, r.start, r.end


def _add(
    found: Sequence[Removal],
    proposed: list[Removal],
    strong: list[Removal],
    known: set[tuple[str, int | None, int | None]],
    taken: _Taken,
    config: Config,
    looking_again: bool = False,
) -> None:
    """Adds the findings (at least one) not proposed before (a heuristic looking again finds its
    own again); looking again, also not those inside a piece already removed (they change nothing)."""
    fresh = [r for r in found if _key(r) not in known]
    if looking_again:
        fresh = [r for r in fresh if not taken.covers(r)]
    known.update(_key(r) for r in fresh)
    proposed.extend(fresh)
    new = [r for r in fresh if r.confidence >= config.min_confidence]
    strong.extend(new)
    taken.note(new)


class _Taken:
    """What the strong removals take, kept as they come: the blocks they remove whole (as
    ``Context.removed_blocks`` counts them) and their cuts by block, sorted (``Context.prior_cuts``),
    so that no heuristic's context scans every removal again."""

    def __init__(self, blocks: Sequence[Block], text: str) -> None:
        self.blocks = blocks
        self._text = text
        self._gone: set[int] = set()
        self._cut: set[int] = set()  # blocks cut since ``gone`` was last asked
        self.cuts: dict[int, list[tuple[int, int]]] = {}

    def note(self, removals: Iterable[Removal]) -> None:
        for r in removals:
            if r.block is None or r.start is None or r.end is None:
                continue
            insort(self.cuts.setdefault(r.block, []), (r.start, r.end))
            if takes_whole(r, self.blocks):
                self._gone.add(r.block)
            else:
                self._cut.add(r.block)

    @property
    def gone(self) -> set[int]:
        """The blocks removed whole, or left nothing but spaces by their cuts (the next cleaning of
        the output would not see them: the heuristics that look at the blocks around them do not
        either). The cut blocks are looked at when asked, once per batch of cuts: asked after each
        cut, a line cut in thousands of places would cost the square of that."""
        for i in self._cut - self._gone:
            b = self.blocks[i]
            pieces = uncovered([(b.content_start, b.content_end)], self.cuts[i])
            if not any(self._text[a:z].strip() for a, z in pieces):
                self._gone.add(i)
        self._cut.clear()
        return self._gone

    def covers(self, r: Removal) -> bool:
        """Whether one removal noted covers ``r`` whole."""
        if r.block is None or r.start is None or r.end is None:
            return False
        return any(s <= r.start and r.end <= e for s, e in self.cuts.get(r.block, ()))


def _tuned(removals: Iterable[Removal], config: Config) -> list[Removal]:
    """A heuristic's findings with the confidence the configuration gives it (rules get theirs at load)."""
    out = []
    for r in removals:
        c = config.confidence_of(r.rule, r.confidence)
        out.append(r if c == r.confidence else replace(r, confidence=c))
    return out


def _overlap(a: Removal, b: Removal) -> bool:
    return a.start is not None and b.start is not None and a.start < b.end and b.start < a.end  # type: ignore[operator]


def _settle(removals: list[Removal], text: str | None = None) -> list[Removal]:
    """Keep non-overlapping removals: wider first, then more confident, then earlier decided.
    A cut that overlaps kept ones only in whitespace gives that whitespace up and stays."""
    if len(removals) < 2:  # nothing to overlap (most documents)
        return list(removals)
    order = sorted(
        enumerate(removals),
        key=lambda ir: (-(ir[1].end - ir[1].start), *precedence(ir[1].confidence, ir[0])),  # type: ignore[operator]
    )
    kept = _Spans(())
    for _, r in order:
        clash = kept.overlapping(r)
        if clash and text is not None:
            trimmed = _trim_space_overlap(r, clash, text)
            if trimmed is not None and kept.overlaps(trimmed):  # the spaces it took instead are another cut's
                trimmed = _trim_space_overlap(r, clash, text, widen=False)
            r = trimmed  # type: ignore[assignment]
        if r is not None and not kept.overlaps(r):
            kept.add(r)
    return kept.removals


def _trim_space_overlap(r: Removal, clash: list[Removal], text: str, widen: bool = True) -> Removal | None:
    """``r`` without the whitespace it shares with the kept cuts, or None when more is shared.
    A cut that gives up its trailing spaces takes the spaces before it instead (``widen``)."""
    start, end = r.start, r.end
    if start is None or end is None or r.block is None:
        return None
    for k in clash:
        if k.start is None or k.end is None or k.block != r.block:
            return None
        if k.start <= start < k.end and not text[start : k.end].strip():
            start = k.end
        elif k.start < end <= k.end and not text[k.start : end].strip():
            end = k.start
            while widen and start > 0 and text[start - 1] in " \t":  # the spaces before it go instead
                start -= 1
        else:
            return None
    if start >= end or not text[start:end].strip():
        return None
    return replace(r, start=start, end=end, text=text[start:end])


class _Spans:
    """Non-overlapping removals sorted by start: whether a new one overlaps any is a binary
    search (they do not overlap, so their ends rise with their starts), which keeps settling
    n removals at n log n rather than n squared."""

    def __init__(self, removals: Sequence[Removal]) -> None:
        self.removals: list[Removal] = sorted(removals, key=lambda r: r.start)  # type: ignore[arg-type,return-value]
        self._starts: list[int] = [r.start for r in self.removals]  # type: ignore[misc]

    def overlaps(self, r: Removal) -> bool:
        j = bisect_left(self._starts, r.end) - 1  # the last one starting before r ends
        while j >= 0:
            k = self.removals[j]
            if _overlap(r, k):
                return True
            if k.start < k.end:  # type: ignore[operator]  # an empty one says nothing about those before it
                return False
            j -= 1
        return False

    def overlapping(self, r: Removal) -> list[Removal]:
        """The kept removals that overlap ``r`` (few: they do not overlap each other)."""
        out = []
        j = bisect_left(self._starts, r.end) - 1
        while j >= 0:
            k = self.removals[j]
            if _overlap(r, k):
                out.append(k)
            elif k.start < k.end:  # type: ignore[operator]
                break
            j -= 1
        return out

    def add(self, r: Removal) -> None:
        i = bisect_left(self._starts, r.start)  # type: ignore[arg-type]
        self._starts.insert(i, r.start)  # type: ignore[arg-type]
        self.removals.insert(i, r)
