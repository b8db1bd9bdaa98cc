"""Normalization: ftfy repairs, its steps replay, and the skip path is exactly ftfy's no-op."""

from __future__ import annotations

import ftfy
from ftfy import badness, chardata
from ftfy.badness import MOJIBAKE_CATEGORIES
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.normalize import _FTFY, is_bad, normalize, replay

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


# Material for ftfy's badness pattern: every character of its categories (ranges spelled out),
# the literals its alternatives name, Latin, Greek and Cyrillic letters, spaces and line breaks.
def _expand(chars: str) -> str:
    out, i = [], 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(chars[i]), ord(chars[i + 2]) + 1))
            i += 3
        else:
            out.append(chars[i])
            i += 1
    return "".join(out)


BADNESS_ALPHABET = "".join(
    sorted(
        set(_expand("".join(MOJIBAKE_CATEGORIES.values())))
        | set("abzAZ .,?!\n\t\xa0ВГРСΒΓΞΟŒœÂÃÎÐØÙàâóÄ√≈‚Ђўβā€°µ²×еиоЁ")
    )
)
# Correct sentences, and what they become read in each single-byte encoding ftfy knows.
SENTENCES = [
    "L’Élysée a répondu « non » à 25 °C, côté cœur.",
    "«Сегодня» — сказал он, № 5 и всё.",
    "Ο Γιώργος είπε «ναι» στην Αθήνα.",
    "Zażółć gęślą jaźń — Łódź, Šťastný Čech.",
    "It’s 5 € – “fine” ½ × 3 ± 1…",
]
MOJIBAKE = [
    s.encode("utf-8").decode(enc.replace("sloppy-", ""), "replace")
    for s in SENTENCES
    for enc in chardata.CHARMAP_ENCODINGS
]


@settings(max_examples=4000, deadline=None)
@given(st.text(alphabet=BADNESS_ALPHABET, max_size=14), st.sampled_from(SENTENCES + MOJIBAKE), st.integers(0, 60))
def test_badness_near_the_needed_characters_is_ftfys(piece: str, host: str, at: int):
    for text in (piece, host[:at] + piece + host[at:]):
        assert is_bad(text) == badness.is_bad(text), text


def test_badness_on_mojibake_and_correct_text_is_ftfys():
    for text in SENTENCES + MOJIBAKE:
        assert is_bad(text) == badness.is_bad(text), text
    assert any(is_bad(t) for t in MOJIBAKE)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(alphabet=ALPHABET, max_size=120), st.sampled_from(SENTENCES + MOJIBAKE)))
def test_normalize_is_ftfy(text):
    fixed = ftfy.fix_and_explain(text, config=_FTFY)
    result = normalize(text)
    assert result.text == fixed.text
    assert result.steps == tuple((str(a), str(b)) for a, b in fixed.explanation or ())


def test_text_ftfy_would_leave_as_is_does_not_run_it(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("ftfy ran")

    monkeypatch.setattr(ftfy, "fix_and_explain", refuse)
    for text in SENTENCES:  # each holds a pair the cheap check sends on ("à ", "е ", "é»" ...)
        result = normalize(text)
        assert result.text == text and result.steps == ()
