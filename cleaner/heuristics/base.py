"""What every heuristic sees and how it answers: the same shape as a rule (id, category, reason)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from cleaner.config import Config
from cleaner.match import block_removal
from cleaner.model import Block, Removal
from cleaner.rulebook import Rulebook


@dataclass(frozen=True)
class Context:
    text: str
    blocks: tuple[Block, ...]
    lang: str | None
    rulebook: Rulebook
    config: Config
    rule_removals: tuple[Removal, ...]
    prior: tuple[Removal, ...] = ()  # rules' and earlier heuristics' removals at or above min_confidence
    site: str | None = None  # the document's site, for site-level repetition

    def words(self, lexicon: str) -> tuple[str, ...]:
        return self.rulebook.words(lexicon, self.lang)

    def _whole(self, removals: tuple[Removal, ...]) -> dict[int, Removal]:
        """The removals that take a whole block, by block index; of several on one block, the
        first (rules come in rule order, and it is the one the record keeps)."""
        out: dict[int, Removal] = {}
        for r in removals:
            if r.block is not None and r.start == self.blocks[r.block].start and r.end == self.blocks[r.block].end:
                out.setdefault(r.block, r)
        return out

    def removed_blocks(self) -> set[int]:
        """Blocks that an earlier decision removes whole."""
        return set(self._whole(self.prior))

    def surviving(self, block: Block) -> str:
        """The block's content with earlier span removals cut out."""
        cuts = sorted((r.start, r.end) for r in self.prior if r.block == block.index and r.start is not None)
        if not cuts:
            return block.content
        out, pos = [], block.content_start
        for s, e in cuts:  # type: ignore[misc]
            if s > pos:
                out.append(self.text[max(pos, block.content_start) : min(s, block.content_end)])
            pos = max(pos, e)
        out.append(self.text[pos : block.content_end] if pos < block.content_end else "")
        return "".join(out)

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

    @property
    def source(self) -> str:
        return f"heuristic:{self.id}"

    def remove_block(self, ctx: Context, block: Block, confidence: float, reason: str | None = None) -> Removal:
        return block_removal(ctx.text, block, self.id, self.category, reason or self.reason, self.source, confidence)

    def remove_span(self, ctx: Context, block: Block, start: int, end: int, confidence: float, reason: str | None = None) -> Removal:
        return Removal(self.id, self.category, reason or self.reason, self.source, ctx.text[start:end], confidence,
                       start=start, end=end, block=block.index)


def body_neighbours(blocks: Sequence[Block], i: int) -> tuple[bool, bool]:
    """Whether a body paragraph stands somewhere before and somewhere after block i."""
    before = any(b.kind == "paragraph" for b in blocks[:i])
    after = any(b.kind == "paragraph" for b in blocks[i + 1 :])
    return before, after
