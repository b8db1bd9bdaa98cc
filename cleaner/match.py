"""Stage 5a: apply text rules to blocks. Each hit is a Removal that carries its rule's why."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.model import Block, Removal
from cleaner.rulebook import Rule, TextPlan, phrase_key

log = logging.getLogger(__name__)

# Block-scope rules look at short blocks only: debris lines are short, and this bounds the
# cost of every pattern on a pathological 1 MB line.
MAX_BLOCK_CHARS = 2_000
MAX_SPAN_CHARS = 200_000


@dataclass(frozen=True)
class RuleHits:
    removals: tuple[Removal, ...]
    warnings: tuple[str, ...]


def apply_rules(text: str, blocks: Sequence[Block], plan: TextPlan | Sequence[Rule], timeout: float) -> RuleHits:
    if not isinstance(plan, TextPlan):
        plan = TextPlan.build(tuple(plan))
    removals: list[Removal] = []
    warnings: list[str] = []
    for block in blocks:
        may_match = _prefilter_hit(plan, block, timeout)
        key = phrase_key(block.content) if block.n_words <= plan.phrase_max_words else None
        if not may_match and key is None:
            continue
        folded = block.content.casefold() if may_match else ""
        for rule in plan.rules:
            if rule.kinds and block.kind not in rule.kinds:
                continue
            if rule.requires and not any(w in folded for w in rule.requires) and key not in rule.phrases:
                continue
            if rule.scope == "block":
                if len(block.content) > MAX_BLOCK_CHARS:
                    continue
                if rule.max_words is not None and block.n_words > rule.max_words:
                    continue
                hit = (key is not None and key in rule.phrases) or (may_match and _any_search(rule, block, timeout, warnings))
                if hit:
                    removals.append(block_removal(text, block, rule.id, rule.category, rule.reason, rule.source, rule.confidence))
            elif may_match and len(block.content) <= MAX_SPAN_CHARS:
                removals.extend(_span_removals(text, block, rule, timeout, warnings))
    return RuleHits(tuple(removals), tuple(warnings))


def _prefilter_hit(plan: TextPlan, block: Block, timeout: float) -> bool:
    if len(block.content) > MAX_SPAN_CHARS:
        return True
    try:
        if plan.anchored is not None and plan.anchored.match(block.content, timeout=timeout):
            return True
        folded: str | None = None
        for pattern, max_words, requires in plan.unanchored:
            if block.n_words > max_words:
                continue
            if requires:
                if folded is None:
                    folded = block.content.casefold()
                if not any(w in folded for w in requires):
                    continue
            if pattern.search(block.content, timeout=timeout):
                return True
        return False
    except TimeoutError:
        return True  # undecided: let each rule decide with its own bound


def _any_search(rule: Rule, block: Block, timeout: float, warnings: list[str]) -> bool:
    for pat in rule.patterns:
        try:
            if pat.search(block.content, timeout=timeout):
                return True
        except TimeoutError:
            warnings.append(f"rule {rule.id} timed out on block {block.index}; skipped there")
            log.warning("rule %s timed out on block %d", rule.id, block.index)
    return False


def _span_removals(text: str, block: Block, rule: Rule, timeout: float, warnings: list[str]) -> list[Removal]:
    out: list[Removal] = []
    for pat in rule.patterns:
        try:
            matches = list(pat.finditer(block.content, timeout=timeout))
        except TimeoutError:
            warnings.append(f"rule {rule.id} timed out on block {block.index}; skipped there")
            continue
        for m in matches:
            if m.end() <= m.start():
                continue
            start, end = block.content_start + m.start(), block.content_start + m.end()
            if not text[block.content_start : start].strip() and not text[end : block.content_end].strip():
                out.append(block_removal(text, block, rule.id, rule.category, rule.reason, rule.source, rule.confidence))
                continue
            start, end = absorb_space(text, block, start, end)
            out.append(
                Removal(rule.id, rule.category, rule.reason, rule.source, text[start:end], rule.confidence,
                        start=start, end=end, block=block.index)
            )
    return out


def absorb_space(text: str, block: Block, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that what is left of the block reads well: take the spaces after it,
    or, at the end of the block, the spaces before it."""
    e = end
    while e < block.content_end and text[e] in " \t":
        e += 1
    if e == block.content_end or e == end:
        s = start
        while s > block.content_start and text[s - 1] in " \t\n":
            s -= 1
        if e == block.content_end:
            return s, e
        return start, e
    return start, e


def block_removal(
    text: str, block: Block, rule: str, category: str, reason: str, source: str, confidence: float
) -> Removal:
    return Removal(rule, category, reason, source, text[block.start : block.end], confidence,
                   start=block.start, end=block.end, block=block.index)
