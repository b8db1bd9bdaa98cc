"""``text.trie_regex`` of no words is a pattern that matches nowhere. An empty alternation ``(?:)``
would match everywhere: a prefilter built from a lexicon with no words for the text's language
(headline.loaded's on a non-English text) then let every line through to the full work."""

from __future__ import annotations

import re

import pytest

from cleaner.text import trie_regex


@pytest.mark.parametrize("kwargs", [{}, {"whole": True}, {"space": r"\s+", "whole": True}])
def test_no_words_match_nowhere(kwargs) -> None:
    pattern = re.compile(trie_regex((), **kwargs))
    for text in ("", "a", "Share on Facebook", "  ", "ı İ ß"):
        assert pattern.search(text) is None


def test_inside_a_larger_pattern_its_branch_never_matches() -> None:
    pattern = re.compile(f"(?:{trie_regex((), whole=True)})|end")
    assert pattern.search("the end").group(0) == "end"
    assert pattern.search("nothing here") is None


def test_words_still_match_where_they_start() -> None:
    pattern = re.compile(trie_regex({"read more", "read"}))
    assert pattern.search("Please read more").start() == 7
    assert pattern.search("nothing") is None
