"""The text helpers' cheaper forms count as the plain forms did (issue 13).

``count_words`` counts the words of spaced text by the spaces in it when they are single spaces in
printable text (``spaced_words``), where it split the text into its words.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.text import count_words, spaced_words

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\u30fc"
_SEA = r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_UNSPACED = regex.compile(f"[{_CJK}{_SEA}]")
_RUNS = regex.compile(f"(?P<cjk>[{_CJK}]+)|(?P<sea>[{_SEA}]+)|(?P<other>(?:(?![{_CJK}{_SEA}])[\\p{{L}}\\p{{N}}])+)")


def _count_words_before(text: str) -> int:
    """count_words as it was: the words made and counted."""
    if not _UNSPACED.search(text):
        return len(text.split())
    n = 0
    for token in text.split():
        if not _UNSPACED.search(token):
            n += 1
            continue
        units = 0
        other = False
        for m in _RUNS.finditer(token):
            run = m.group()
            if m.lastgroup == "cjk":
                units += (2 * len(run) + 2) // 3
            elif m.lastgroup == "sea":
                units += (len(run) + 3) // 4
            else:
                other = True
        n += max(1, units + other)
    return n


# CJK (Han, kana, the prolonged-sound mark, half-width kana), Thai with its marks, Lao, Khmer,
# Myanmar, Hangul, Latin (Turkish ı/İ, German ß), Cyrillic, Greek, digits, CJK and other
# punctuation, a combining mark, soft hyphen, and every kind of space str.split splits at (the
# information separators U+001C-U+001F, which regex's \s does not take, NBSP, the ideographic space).
_ALPHABET = (
    "中文字日本語あいうアイウーｼﾃ กขคิ่ําສະ ក្ខ မြန် 한국 abcıİß жзЯ αβΩ 0123٣ 。，、！「」.,;:—“” \u0301\u00ad"
    " \t\n\x1c\x1d\x1e\x1f\u00a0\u3000\u2009"
)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_count_words_counts_as_it_did(text: str) -> None:
    assert count_words(text) == _count_words_before(text)


# every character str.isspace takes (ASCII controls, NEL, NBSP, Ogham, the U+2000 spaces, line and
# paragraph separators, narrow NBSP, the ideographic space), and characters str.isprintable refuses
# that are not spaces (controls, soft hyphen, zero-width space, bidi marks, a lone surrogate)
_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
_UNPRINTABLE = "\x00\x07\x7f\x9f\u00ad\u200b\u200e\u2066\ufeff\ud800"


def test_the_spaces_are_what_str_isspace_takes() -> None:
    assert _SPACES == "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    assert all(not ch.isprintable() for ch in _SPACES if ch != " ")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_SPACES + _UNPRINTABLE + "ab中ก,.-'" + " " * 8, max_size=40))
def test_spaced_words_is_the_split(text: str) -> None:
    assert spaced_words(text) == len(text.split())


def test_count_words_cases() -> None:
    for text in (
        "市议会周二决定延长图书馆的开放时间。",
        "2024年 AI技術 の ニュース",
        "สภาเมืองมีมติ เมื่อวันอังคาร ให้ขยายเวลา",
        "「」 。 中 a中b 中a 中。 ー",
        "İstanbul'da ıslak straße Москва Αθήνα",
        "",
        "   ",
        " ",
        " a",
        "a ",
        " a b ",
        "a\u00a0b",
        "a\u3000b\u2028c",
        "a\x1cb",
        "soft\u00adhyphen word",
    ):
        assert count_words(text) == _count_words_before(text)
