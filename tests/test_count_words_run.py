"""``count_words`` asks whether a text can hold a character of an unspaced script by a run of the
other characters from its start (``_SPACED_RUN``) instead of a search for one
(``_MAY_BE_UNSPACED``): the two agree on every character of Unicode, and the counts are those of
the search's form on invented text in many scripts (issue 13)."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.text as text_mod


def _count_before(text: str) -> int:
    if text.isascii() or not text_mod._MAY_BE_UNSPACED.search(text) or not text_mod._UNSPACED.search(text):
        return text_mod.spaced_words(text)
    return text_mod.count_words(text)  # the unspaced branch is unchanged


def test_the_run_and_the_search_agree_on_every_character() -> None:
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        assert (text_mod._SPACED_RUN.match(ch).end() == 1) == (text_mod._MAY_BE_UNSPACED.search(ch) is None), hex(c)


_ALPHABET = "ab Z. \u00a0\u00adıİßŞЖжΣσ“”—…中文かなカナーไทยລາວမြန်မာខ្មែរ한국어\U0001f600\U00020000\ud800\u0e00\u0eff\u0f00\u109f\u10a0\u2e7f\u2e80\uabff\uac00\ud7af\ud7b0"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_count_words_counts_as_with_the_search(text: str) -> None:
    assert text_mod.count_words(text) == _count_before(text)
    assert (text_mod._SPACED_RUN.match(text).end() == len(text)) == (text_mod._MAY_BE_UNSPACED.search(text) is None)
