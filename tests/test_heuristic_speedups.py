"""The cheaper forms the heuristics use answer exactly what the plain forms answer (issue 13):
an end-anchored pattern asked backwards first, the fused lead-in's candidate positions, and
'at most n words' without counting."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics.base import Context
from cleaner.heuristics.credits import (
    _FUSED_UNCASED,
    _blocks_with_label_words,
    _label_prefilter,
    _signoff_patterns,
    _source_pattern,
)
from cleaner.heuristics.leadins import _FUSED_AT
from cleaner.heuristics.patterns import EndAnchored
from cleaner.rulebook import load_rulebook
from cleaner.text import count_words, words_at_most

BOOK = load_rulebook(Config())
# Characters the patterns turn on: sentence ends, quotes, dashes, spaces of several kinds, line
# breaks, capitals and lower case in several scripts, digits, brackets, an e-mail's and a domain's.
ALPHABET = list(' \t\n\u00a0.!?\u2026"\u201d\u00bb\u0964\u3002-\u2013\u2014()[]:@/') + list(
    "AaBbJjSsRrEeIiİıDdÉé.by ЖжΣσ日本語ไทย0123"
)
texts = st.text(alphabet=ALPHABET, max_size=80)
# Ends that make the sign-off, source-note and uncased patterns match now and then.
ENDS = ["", ". By John Smith", ". — Jane Doe (Reuters)", " Source: example.com", "ข่าว.สมชาย ใจดี", ". Ann Lee\n"]
SIGN_WHOLE, SIGN_FUSED = _signoff_patterns(BOOK.words("credit.byline-words", None))
SOURCE = _source_pattern(BOOK.words("credit.source-labels", None))


def _same(a: regex.Match[str] | None, b: regex.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(ENDS))
def test_end_anchored_search_is_the_forward_search(text: str, end: str) -> None:
    for pat in (SIGN_FUSED, _FUSED_UNCASED, SOURCE):
        assert _same(pat.search(text + end), pat.forward.search(text + end))


def test_the_ends_make_each_pattern_match() -> None:
    """The property above compares matches, not only misses."""
    for pat in (SIGN_FUSED, _FUSED_UNCASED, SOURCE):
        assert any(pat.search("The council met on Tuesday" + end) for end in ENDS)


def test_end_anchored_finds_what_a_search_finds() -> None:
    pat = EndAnchored.compile(r"(?<=\.[ \t])\p{Lu}\w+[ \t]*$")
    assert pat.search("It rained. Smith").group() == "Smith"
    assert pat.search("It rained. Smith and more words") is None
    assert pat.search("It rained. Smith \n").group() == "Smith "  # $ before a final line break
    assert pat.pattern == pat.forward.pattern
    text = "The council met. By Ann Lee"
    assert _same(SIGN_FUSED.search(text), SIGN_FUSED.forward.search(text))
    assert SIGN_FUSED.search(text) is not None


_OLD_FUSED_AT = regex.compile(r"(?:[.!?\u2026\u00bb\"\u201d\u0964\u3002][ \t]+|\S[ \t]{2,})")


@settings(max_examples=400, deadline=None)
@given(texts)
def test_fused_lead_in_candidates_are_the_old_ones(text: str) -> None:
    """The lead-in's candidate positions (the ends of its runs of spaces) are the same whether the
    character before a run is matched or looked behind at."""
    assert [m.end() for m in _FUSED_AT.finditer(text)] == [m.end() for m in _OLD_FUSED_AT.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=0, max_value=10))
def test_words_at_most_is_counting(text: str, limit: int) -> None:
    assert words_at_most(text, limit) == (count_words(text) <= limit)


def test_words_at_most_in_unspaced_scripts() -> None:
    assert not words_at_most("日本語の文章です", 2)  # one token, five words
    assert words_at_most("日本", 2)
    assert not words_at_most("one two three", 2)
    assert words_at_most("  one two  ", 2)


LABELS = BOOK.words("credit.photo-labels", None) + BOOK.words("credit.file-photo-labels", None)
SEEN = _label_prefilter(LABELS)
LINES = st.sampled_from(
    [
        "The mayor spoke on Tuesday.",
        "Photo: Jane Doe",
        "- Foto: AP",
        "> Bildquelle: dpa",
        "## Image credit",
        "\u2022Foto glued to its bullet",
        "İmage with a dotted capital",
        "photographers met (Photo: AFP) today",
        "1. fotografía del día",
        "ẞtraße und Fotos",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "\n \n"]))
def test_label_words_by_block_from_one_scan(lines: list[str], sep: str) -> None:
    """One scan of the case-folded text finds the blocks that a scan of each block finds."""
    text = sep.join(lines)
    blocks = segment(text)
    ctx = Context(text, blocks, None, BOOK, Config(), ())
    expected = {b.index for b in blocks if SEEN.search(b.content.casefold())}
    assert _blocks_with_label_words(ctx, SEEN) == expected
