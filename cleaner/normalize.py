"""Stage 2: repair what is broken with ftfy and keep its explanation, so the steps can be replayed.

Repair, don't restyle: text that is already correct comes out byte for byte, in every script.
ftfy runs with the fixes that repair broken text only:

- mojibake (UTF-8 read in a single-byte encoding, including the lossy and altered forms), C1
  controls, surrogates: ``fix_encoding``, ``restore_byte_a0``, ``replace_lossy_sequences``,
  ``decode_inconsistent_utf8``, ``fix_c1_controls``, ``fix_surrogates``;
- control characters and terminal escapes: ``remove_control_chars``, ``remove_terminal_escapes``;
- HTML entities left in plain text (``&amp;``, ``&rsquo;``; only when the text holds no ``<``):
  ``unescape_html="auto"``;
- line breaks (``\r\n``, ``\r``, U+2028/2029 become ``\n``: the separators blocks are cut at).

And without the ones that restyle correct text: no Unicode normalization (NFC decomposes the
composition exclusions: Bengali য় ড় ঢ়, Devanagari nukta letters such as क़ ज़ ड़ फ़, and more),
no full-width to half-width (Chinese and Japanese punctuation ， ： （ are correct), no ligature
splitting, no uncurling of quotes.

A cheap check skips ftfy when it has nothing to do: none of the characters or mojibake pairs any
of those fixes acts on (property-tested against ftfy). The path ("skip" or "ftfy") is recorded.
Past that check, ftfy's own tests (its badness pattern, asked only near the characters a match
needs, and the characters its other fixes act on) decide whether it runs at all: when they say it
would return the text as is, the text comes back without the call (path "ftfy", no steps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ftfy
from ftfy import chardata
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

from cleaner.ftfy_steps import fix_and_explain


# Characters some enabled ftfy fix acts on: HTML entities (entity-shaped, as ftfy matches them),
# line breaks it rewrites, control and C1 characters, replacement characters and surrogates; and
# mojibake, which always shows a UTF-8 lead byte (0xC2..0xF4) followed by a continuation byte
# (0x80..0xBF), or, where a 0xA0 byte became a space, one of the lead bytes ftfy restores then
# (0xC2 0xC3 0xC5 0xCE 0xD0 0xD9 0xE0-0xE3 0xF0) followed by a space, each read in one of the
# single-byte encodings ftfy tries. Text with none of them is left as ftfy would leave it
# (tests/test_normalize.py).
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
_A0_LEADS = [0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9, 0xE0, 0xE1, 0xE2, 0xE3, 0xF0]
_SUSPECT_ALONE = "\\x80-\\x9f\\u2028\\u2029\\u206a-\\u206f\\ufeff\\ufff9-\\ufffd\\ud800-\\udfff"
_LEADS = re.escape(_decoded(range(0xC2, 0xF5)))
_CONTINUATIONS = re.escape(_decoded(range(0x80, 0xC0)))
_A0_LEAD_CHARS = re.escape("".join(sorted(set("".join(_decoded(range(b, b + 1)) for b in _A0_LEADS)))))
# One of: a character suspect alone; a lead byte's character then a continuation byte's; a lead
# byte's character that ftfy restores before a space, then the space. Written as one character
# class first (any of the three starts), then which of them it is, looked at behind it: the
# stdlib ``re`` skips to the characters of a leading class without trying the alternatives at every
# position, which an alternation of classes would make it do (~5x slower on non-ASCII text).
_NON_ASCII_SUSPECT = re.compile(
    f"[{_SUSPECT_ALONE}{_LEADS}{_A0_LEAD_CHARS}]"
    f"(?:(?<=[{_SUSPECT_ALONE}])|(?<=[{_LEADS}])[{_CONTINUATIONS}]|(?<=[{_A0_LEAD_CHARS}]) )"
)


def needs_ftfy(text: str) -> bool:
    """Whether any ftfy fix could change the text (the stdlib ``re`` scans ~9x faster here)."""
    if "&" in text and _ENTITY.search(text):
        return True
    if _CONTROL.search(text):
        return True
    if text.isascii():
        return False
    return bool(_NON_ASCII_SUSPECT.search(text))


# What ftfy itself asks before it repairs mojibake is whether its badness pattern matches (``is_bad``);
# when it does not, and no entity, control character, C1 character, line separator or surrogate
# is there for the other fixes, ftfy returns the text as it came, with no steps. Its pattern is
# slow on long text (~35 alternatives tried at every position), so it is asked only around the
# characters every one of its alternatives needs one of (its categories below and four
# literals: an alternative wants a bad, currency, numeric, legal, box, accented capital or
# quotation character, or "œ", "°", "Ù", "Ђ"); no match is longer than 7 characters, so a
# window of 8 either side of each holds any match there is (property-tested against ``is_bad``).
_BADNESS_NEEDS = re.compile(
    "["
    + "".join(
        MOJIBAKE_CATEGORIES[k]
        for k in ("c1", "bad", "currency", "numeric", "law", "box", "upper_accented")
        + ("start_punctuation", "end_punctuation")
    )
    + "\u0153\u00b0\u00d9\u0402]"
)
# A match is at most ``_BADNESS_LONGEST`` characters long (``BADNESS_RE``'s widest alternative;
# tests/test_normalize_windows.py asks the pattern), so one that holds the character at ``i`` lies
# in ``[i - _BADNESS_LONGEST + 1, i + _BADNESS_LONGEST)``.
_BADNESS_LONGEST = 7
_OTHER_FIXES = re.compile("[\x80-\x9f\u2028\u2029\u206a-\u206f\ufeff\ufff9-\ufffc\ud800-\udfff]")
_CONTROL_OR_OTHER = re.compile("[" + _CONTROL.pattern[1:-1] + _OTHER_FIXES.pattern[1:-1] + "]")


def is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad``, searched only near the characters a match needs: in the reach of
    each (``_BADNESS_LONGEST`` characters), reaches that meet searched as one (each position is
    tried once; a match found there holds one of those characters, so lies in its reach)."""
    search = BADNESS_RE.search
    back, ahead = _BADNESS_LONGEST - 1, _BADNESS_LONGEST
    lo = hi = -1  # the reach being gathered: [lo, hi)
    for m in _BADNESS_NEEDS.finditer(text):
        i = m.start()
        if i - back <= hi:  # it meets the reach gathered: one search for both
            hi = i + ahead
            continue
        if hi >= 0 and search(text, lo, hi):
            return True
        lo, hi = max(0, i - back), i + ahead
    return hi >= 0 and search(text, lo, hi) is not None


def ftfy_acts(text: str) -> bool:
    """Whether ftfy (with the fixes below) would change the text: exactly its own tests."""
    if "&" in text and _ENTITY.search(text):
        return True
    if _CONTROL.search(text) or _OTHER_FIXES.search(text):
        return True
    return is_bad(text)


# Repair, don't restyle (see the module doc).
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=True,
)


@dataclass(frozen=True)
class Normalized:
    text: str
    steps: tuple[tuple[str, str], ...]  # ftfy's explanation: (action, argument) pairs
    path: str  # "skip" | "ftfy"


def normalize(text: str) -> Normalized:
    # ``needs_ftfy``, then ``ftfy_acts``, each of their scans made once: an entity or a control
    # character answers both; past the cheap check, ftfy's own tests say whether it would return
    # the text as is, with no steps
    # Past ASCII, a control character and the characters of ftfy's other fixes are looked for in one
    # scan: either one sends the text to ftfy, and every character of the other fixes is a suspect
    # one (``_SUSPECT_ALONE``), so a text holding one would not have been skipped either.
    if not ("&" in text and _ENTITY.search(text)):
        if text.isascii():
            if not _CONTROL.search(text):
                return Normalized(text, (), "skip")
        elif not _CONTROL_OR_OTHER.search(text):
            if not _NON_ASCII_SUSPECT.search(text):
                return Normalized(text, (), "skip")
            if not is_bad(text):
                return Normalized(text, (), "ftfy")
    fixed, steps = fix_and_explain(text, _FTFY, is_bad)  # ftfy's, without its slow scans of long text
    return Normalized(fixed, steps, "ftfy")


def replay(text: str, steps: tuple[tuple[str, str], ...] | list[list[str]]) -> str:
    """Apply recorded ftfy steps to the raw text again (ftfy.apply_plan)."""
    return ftfy.apply_plan(text, [(a, b) for a, b in steps])
