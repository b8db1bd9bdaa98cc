"""Stage 2: normalize with ftfy and keep its explanation, so the steps can be replayed.

A cheap check skips ftfy when it has nothing to do: NFC text with none of the characters
any ftfy fix acts on. The path taken ("skip" or "ftfy") is recorded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ftfy
from ftfy import chardata


# Characters some ftfy fix acts on: HTML entities (entity-shaped, as ftfy matches them), line breaks it rewrites, control and C1
# characters, ligatures, full-width forms, replacement characters and surrogates; and
# mojibake, which always shows a UTF-8 lead byte (0xC2..0xF4) followed by a continuation
# byte (0x80..0xBF), both read in one of the single-byte encodings ftfy tries. Text with
# none of them, already NFC, is left as ftfy would leave it (tests/test_normalize.py).
def _decoded(byte_range: range) -> str:
    chars: set[str] = set()
    for name in chardata.CHARMAP_ENCODINGS:
        codec = name.replace("sloppy-", "")
        for b in byte_range:
            try:
                chars.add(bytes([b]).decode(codec))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(chars))


_ENTITY = re.compile(r"&#?[0-9A-Za-z]{1,24};")  # ftfy's HTML_ENTITY_RE: a bare "&" (AT&T) is nothing
_CONTROL = re.compile("[\\r\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]")
_NON_ASCII_SUSPECT = re.compile(
    "[\\x80-\\x9f\\u2028\\u2029\\u206a-\\u206f\\ufb00-\\ufb06\\uff01-\\uff5e\\ufeff\\ufff9-\\ufffd\\ud800-\\udfff]"
    f"|[{re.escape(_decoded(range(0xC2, 0xF5)))}][{re.escape(_decoded(range(0x80, 0xC0)))}]"
)


def needs_ftfy(text: str) -> bool:
    """Whether any ftfy fix could change the text (the stdlib ``re`` scans ~9x faster here)."""
    if "&" in text and _ENTITY.search(text):
        return True
    if _CONTROL.search(text):
        return True
    if text.isascii():
        return False
    return bool(_NON_ASCII_SUSPECT.search(text)) or not unicodedata.is_normalized("NFC", text)


# Repair, don't restyle: curly quotes are the author's, so they stay.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=True)


@dataclass(frozen=True)
class Normalized:
    text: str
    steps: tuple[tuple[str, str], ...]  # ftfy's explanation: (action, argument) pairs
    path: str  # "skip" | "ftfy"


def normalize(text: str) -> Normalized:
    if not needs_ftfy(text):
        return Normalized(text, (), "skip")
    fixed = ftfy.fix_and_explain(text, config=_FTFY)
    steps = tuple((str(a), str(b)) for a, b in (fixed.explanation or ()))
    return Normalized(fixed.text, steps, "ftfy")


def replay(text: str, steps: tuple[tuple[str, str], ...] | list[list[str]]) -> str:
    """Apply recorded ftfy steps to the raw text again (ftfy.apply_plan)."""
    return ftfy.apply_plan(text, [(a, b) for a, b in steps])
