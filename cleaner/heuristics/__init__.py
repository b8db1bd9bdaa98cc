"""Heuristics: small named functions that decide in the same shape as rules.

The registry ``HEURISTICS`` lists every heuristic with its id, category, reason, doc and confidence
range; its entries live in ``registry_*.py``, one module per stretch of the run order.
"""

from __future__ import annotations

from cleaner.heuristics.base import Context, Heuristic
from cleaner.heuristics.registry_credits import CREDITS
from cleaner.heuristics.registry_headlines import HEADLINES
from cleaner.heuristics.registry_navigation import NAVIGATION
from cleaner.heuristics.registry_repeats import REPEATS
from cleaner.heuristics.registry_tails import TAILS

# Order matters: each heuristic sees the removals decided before it (repeated-block runs on what
# the others leave; the block scorer last, on what everything else leaves).
HEURISTICS: tuple[Heuristic, ...] = HEADLINES + CREDITS + NAVIGATION + TAILS + REPEATS


__all__ = ["HEURISTICS", "Context", "Heuristic"]
