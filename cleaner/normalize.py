"""Stage 2: normalize with ftfy and keep its explanation, so the steps can be replayed.

A cheap check skips ftfy when it has nothing to do: NFC text with none of the characters
any ftfy fix acts on. The path taken ("skip" or "ftfy") is recorded.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import ftfy
import regex

# Characters some ftfy fix acts on: HTML entities, line breaks it rewrites, control
# characters it removes, C1 controls, the lead bytes of UTF-8 read as Latin-1/cp1252
# (every mojibake sequence starts with one of U+00C2..U+00F4), ligatures, full-width
# forms, replacement characters and surrogates. Text with none of them, already NFC, is
# left exactly as ftfy would leave it (a property test checks this on random text).
_SUSPECT = regex.compile(
    "[&\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00c2-\u00f4\u2028\u2029\u206a-\u206f"
    "\ufb00-\ufb06\uff01-\uff5e\ufeff\ufff9-\ufffd\ud800-\udfff]"
)
# Repair, don't restyle: curly quotes are the author's, so they stay.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=True)


@dataclass(frozen=True)
class Normalized:
    text: str
    steps: tuple[tuple[str, str], ...]  # ftfy's explanation: (action, argument) pairs
    path: str  # "skip" | "ftfy"


def normalize(text: str) -> Normalized:
    if not _SUSPECT.search(text) and (text.isascii() or unicodedata.is_normalized("NFC", text)):
        return Normalized(text, (), "skip")
    fixed = ftfy.fix_and_explain(text, config=_FTFY)
    steps = tuple((str(a), str(b)) for a, b in (fixed.explanation or ()))
    return Normalized(fixed.text, steps, "ftfy")


def replay(text: str, steps: tuple[tuple[str, str], ...] | list[list[str]]) -> str:
    """Apply recorded ftfy steps to the raw text again (ftfy.apply_plan)."""
    return ftfy.apply_plan(text, [(a, b) for a, b in steps])
