"""Normalization: ftfy repairs, its steps replay, and the skip path is exactly ftfy's no-op."""

from __future__ import annotations

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.normalize import _FTFY, normalize, replay

# Letters, accents, quotes, dashes and symbols common in news text, plus mojibake material.
ALPHABET = (
    "&#;x12"  # entity material
    "abcXYZ \n.,;:!?'\"-0123456789éèüöñçàâêîôûÉÜßæøåłšžčğışÃÂâ€™œ“”‘’–—…£€$%@#()[]"
    "√∆≈«»ƒ¬ÀÕŒ°±≤≥µπΩ∞§¶•ÇÑÖ┬├─αΓσ¿¡½ЂЃѓВГДЕЖЗабвгдежзёђ«»ĄŁŚŹŻąłśźżΆΈΉΊΌΎΏάέήίό"
    "\u09af\u09bc\u09df\u09dc\u0995\u093c\u0958\u0301"  # composition exclusions, combining marks
    "，：（）ﬁ\xa0\u3000"  # full-width forms, a ligature, no-break and ideographic spaces
)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_skip_path_is_ftfys_noop(text):
    result = normalize(text)
    if result.path == "skip":
        assert ftfy.fix_text(text, config=_FTFY) == text


def test_mojibake_is_repaired_and_replayable():
    raw = "It\u00e2\u20ac\u2122s the caf\u00c3\u00a9 &amp; bar."
    result = normalize(raw)
    assert result.path == "ftfy" and result.text == "It\u2019s the caf\u00e9 & bar."
    assert replay(raw, result.steps) == result.text


def test_accented_text_and_curly_quotes_skip_ftfy():
    text = "Müller said “it’s fine” — the café in São Paulo reopened."
    result = normalize(text)
    assert result.path == "skip" and result.text == text


def test_bare_ampersand_skips_ftfy_but_entities_do_not():
    assert normalize("AT&T and Q&A sessions").path == "skip"
    assert normalize("Fish &amp; chips").text == "Fish & chips"


# Correct text in scripts whose characters NFC, width folding or ligature splitting would rewrite.
CORRECT = [
    "\u09af\u09bc and \u09df: \u09ac\u09be\u0982\u09b2\u09be\u09df \u0986\u09b7\u09be\u09a2\u09bc",  # Bengali য় precomposed and decomposed
    "\u0921\u093c\u0940 and \u095c\u0940, \u0958\u093e\u0928\u0942\u0928",  # Devanagari nukta letters, both forms
    "北京（新华社）记者：今天，全文如下。",  # full-width punctuation is correct Chinese
    "ﬁnancial ﬂows",  # ligatures in the source stay
    "cafe\u0301 and café",  # a decomposed é next to a composed one
]


def test_correct_text_in_every_script_is_left_byte_for_byte():
    for text in CORRECT:
        result = normalize(text)
        assert result.text == text, text
        assert result.steps == ()


def test_broken_pieces_are_repaired_next_to_correct_text_that_stays():
    raw = "\u09af\u09bc It\u00e2\u20ac\u2122s \u201cok\u201d\x00 （新华社）\x93quote\x94"
    result = normalize(raw)
    assert result.text == "\u09af\u09bc It\u2019s \u201cok\u201d （新华社）\u201cquote\u201d"
    assert replay(raw, result.steps) == result.text
    assert {a for a, _ in result.steps} <= {"apply", "transcode", "encode", "decode"}


def test_a0_byte_turned_space_is_sent_to_ftfy():
    assert normalize("\u00c2 ").path == "ftfy"
