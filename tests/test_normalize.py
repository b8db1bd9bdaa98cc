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
