"""``normalize`` looks for a control character and the characters of ftfy's other fixes in one scan
past ASCII: it decides as the form with two scans did (the same text, steps and path), on invented
text around every character either one looks for, the suspect ones and mojibake (issue 13)."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.normalize as norm
from cleaner.ftfy_steps import fix_and_explain


def _two_scans(text: str) -> norm.Normalized:
    """``normalize`` as it was: the control characters and the other fixes searched apart."""
    if not (("&" in text and norm._ENTITY.search(text)) or norm._CONTROL.search(text)):
        if text.isascii() or not norm._NON_ASCII_SUSPECT.search(text):
            return norm.Normalized(text, (), "skip")
        if not norm._OTHER_FIXES.search(text) and not norm.is_bad(text):
            return norm.Normalized(text, (), "ftfy")
    fixed, steps = fix_and_explain(text, norm._FTFY, norm.is_bad)
    return norm.Normalized(fixed, steps, "ftfy")


def test_every_character_of_the_other_fixes_is_a_suspect_one() -> None:
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        if norm._OTHER_FIXES.match(ch):
            assert norm._NON_ASCII_SUSPECT.search(ch), hex(c)
        assert bool(norm._CONTROL_OR_OTHER.match(ch)) == bool(norm._CONTROL.match(ch) or norm._OTHER_FIXES.match(ch))


_ALPHABET = (
    "abc XYZ.\n\r\t\x00\x07\x0b\x1f\x7f\x80\x85\x9f\u2028\u2029\u206a\ufeff\ufffc\ufffd&;#"
    "ÃƒÂ©â€™Ã¢Ð\u00a0ıİßŞ\u00adЖжΣσ中文ไทย“”‘’—…€°œÙЂ"
)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_normalize_decides_as_with_two_scans(text: str) -> None:
    assert norm.normalize(text) == _two_scans(text)


def test_samples() -> None:
    for text in (
        "plain ascii",
        "ascii with \x07 bell",
        "Straße “quoted”",
        "cafÃ© au lait",
        "İstanbul\u2028line",
        "soft\u00adhyphen\x85",
        "中文 ไทย Ελληνικά Русский",
        "&amp; entity",
        "\ufeffBOM text é",
    ):
        assert norm.normalize(text) == _two_scans(text)
