"""Stage 2: normalize with ftfy and keep its explanation, so the steps can be replayed.

A cheap check skips ftfy when it provably has nothing to do: pure ASCII text with no
HTML entity, carriage return or control character. The path taken is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

import ftfy
import regex

_NEEDS_FTFY_ASCII = regex.compile(r"[&\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Repair, don't restyle: curly quotes are the author's, so they stay.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=True)


@dataclass(frozen=True)
class Normalized:
    text: str
    steps: tuple[tuple[str, str], ...]  # ftfy's explanation: (action, argument) pairs
    path: str  # "ascii-skip" | "ftfy"


def normalize(text: str) -> Normalized:
    if text.isascii() and not _NEEDS_FTFY_ASCII.search(text):
        return Normalized(text, (), "ascii-skip")
    fixed = ftfy.fix_and_explain(text, config=_FTFY)
    steps = tuple((str(a), str(b)) for a, b in (fixed.explanation or ()))
    return Normalized(fixed.text, steps, "ftfy")


def replay(text: str, steps: tuple[tuple[str, str], ...] | list[list[str]]) -> str:
    """Apply recorded ftfy steps to the raw text again (ftfy.apply_plan)."""
    return ftfy.apply_plan(text, [(a, b) for a, b in steps])
