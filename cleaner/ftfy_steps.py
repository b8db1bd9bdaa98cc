"""``ftfy.fix_and_explain``, step for step, with two of its costs on long text taken away.

ftfy fixes a text as one segment and explains it with one list of steps (what the record's
``normalization`` keeps, replayable with ``ftfy.apply_plan``). On long text two of its parts cost
most, and both are answered here the same way for less:

- whether the text looks like mojibake (``ftfy.badness.is_bad``), asked of the whole text at
  every pass of its encoding fix: its pattern tries ~35 alternatives at every position (~1.4 s
  for 10 MB of correct text, asked twice or more). The caller's ``is_bad`` answers the same
  (:func:`cleaner.normalize.is_bad`, property-tested equal to ftfy's);
- ``remove_control_chars``, a ``str.translate`` of the whole text through a dictionary (~40 ms a
  MB, each pass): run only when a search finds one of the characters it removes (else it
  returns the text as it is).

Everything else is ftfy's own code, called in ftfy's order with ftfy's conditions (the loop of
``fix_and_explain``, ``fix_encoding_and_explain`` and its one step), so the fixed text and the
steps are ftfy's (tested equal: tests/test_ftfy_steps.py). This mirrors ftfy 6.3.1; with another
version installed, ``fix_and_explain`` calls ftfy's own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import ftfy
from ftfy import chardata, fixes

# The ftfy versions whose fix_and_explain this mirrors (read from their source, tested equal).
MIRRORED = ("6.3.1",)

Steps = tuple[tuple[str, str], ...]

# The characters ``remove_control_chars`` removes (its translate table's keys).
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(chardata.CONTROL_CHARS)) + "]")
# The fixers fix_and_explain runs after the encoding fix, in its order (ftfy/__init__.py).
_FIXERS = (
    "fix_c1_controls",
    "fix_latin_ligatures",
    "fix_character_width",
    "uncurl_quotes",
    "fix_line_breaks",
    "fix_surrogates",
    "remove_terminal_escapes",
    "remove_control_chars",
)


def mirrored() -> bool:
    """Whether the installed ftfy is one this module mirrors."""
    return ftfy.__version__ in MIRRORED


def fix_and_explain(text: str, config: ftfy.TextFixerConfig, is_bad: Callable[[str], bool]) -> tuple[str, Steps]:
    """``ftfy.fix_and_explain(text, config)``: the fixed text and its steps as (action, argument)
    pairs. ``is_bad`` must answer as ``ftfy.badness.is_bad``."""
    if not mirrored():
        fixed = ftfy.fix_and_explain(text, config=config)
        return fixed.text, tuple((str(a), str(b)) for a, b in (fixed.explanation or ()))
    if config.unescape_html == "auto" and "<" in text:
        config = config._replace(unescape_html=False)
    steps: list[tuple[str, str]] = []
    while True:
        origtext = text
        text = _try_fix("unescape_html", text, config, steps)
        if config.fix_encoding:
            text = _fix_encoding(text, config, is_bad, steps)
        for fixer in _FIXERS:
            text = _try_fix(fixer, text, config, steps)
        if config.normalization is not None:
            fixed = unicodedata.normalize(config.normalization, text)
            if fixed != text:
                steps.append(("normalize", config.normalization))
            text = fixed
        if text == origtext:
            return text, tuple(steps)


def _try_fix(name: str, text: str, config: ftfy.TextFixerConfig, steps: list[tuple[str, str]]) -> str:
    if not getattr(config, name):
        return text
    if name == "remove_control_chars" and not _CONTROL.search(text):
        return text  # nothing for its translate to remove
    fixed = ftfy.FIXERS[name](text)
    if fixed != text:
        steps.append(("apply", name))
    return fixed


def _fix_encoding(
    text: str, config: ftfy.TextFixerConfig, is_bad: Callable[[str], bool], steps: list[tuple[str, str]]
) -> str:
    """``fix_encoding_and_explain``: one step at a time until the text stays as it is."""
    while True:
        prevtext = text
        text, plan = _fix_encoding_one_step(text, config, is_bad)
        steps.extend(plan)
        if text == prevtext:
            return text


def _fix_encoding_one_step(
    text: str, config: ftfy.TextFixerConfig, is_bad: Callable[[str], bool]
) -> tuple[str, list[tuple[str, str]]]:
    """``_fix_encoding_one_step_and_explain``."""
    if len(text) == 0:
        return text, []
    if chardata.possible_encoding(text, "ascii") or not is_bad(text):
        return text, []
    possible_1byte_encodings = []
    for encoding in chardata.CHARMAP_ENCODINGS:
        if chardata.possible_encoding(text, encoding):
            possible_1byte_encodings.append(encoding)
            encoded_bytes = text.encode(encoding)
            transcode_steps = []
            try:
                decoding = "utf-8"
                if config.restore_byte_a0 and encoding != "macroman" and chardata.ALTERED_UTF8_RE.search(encoded_bytes):
                    replaced_bytes = fixes.restore_byte_a0(encoded_bytes)
                    if replaced_bytes != encoded_bytes:
                        transcode_steps.append(("transcode", "restore_byte_a0"))
                        encoded_bytes = replaced_bytes
                if config.replace_lossy_sequences and encoding.startswith("sloppy"):
                    replaced_bytes = fixes.replace_lossy_sequences(encoded_bytes)
                    if replaced_bytes != encoded_bytes:
                        transcode_steps.append(("transcode", "replace_lossy_sequences"))
                        encoded_bytes = replaced_bytes
                if 0xED in encoded_bytes or 0xC0 in encoded_bytes:
                    decoding = "utf-8-variants"
                fixed = encoded_bytes.decode(decoding)
                return fixed, [("encode", encoding), *transcode_steps, ("decode", decoding)]
            except UnicodeDecodeError:
                pass
    if config.decode_inconsistent_utf8 and chardata.UTF8_DETECTOR_RE.search(text):
        fixed = fixes.decode_inconsistent_utf8(text)
        if fixed != text:
            return fixed, [("apply", "decode_inconsistent_utf8")]
    if "latin-1" in possible_1byte_encodings:
        if "windows-1252" in possible_1byte_encodings:
            return text, []
        try:
            fixed = text.encode("latin-1").decode("windows-1252")
            if fixed != text:
                return fixed, [("encode", "latin-1"), ("decode", "windows-1252")]
        except UnicodeDecodeError:
            pass
    if config.fix_c1_controls and chardata.C1_CONTROL_RE.search(text):
        return fixes.fix_c1_controls(text), [("transcode", "fix_c1_controls")]
    return text, []
