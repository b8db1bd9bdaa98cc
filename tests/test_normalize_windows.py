"""``normalize.is_bad`` searches ftfy's badness pattern in the exact reach of each character a
match needs, reaches that meet searched as one: the same answer as ftfy's ``is_bad`` (the whole
text) and as the form that searched 8 characters either side of each such character alone, on
texts dense with those characters in several scripts (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ftfy import badness
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.normalize as norm

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _is_bad_before(text: str) -> bool:
    """``is_bad`` as it was: a search 8 characters either side of each needed character alone."""
    for m in norm._BADNESS_NEEDS.finditer(text):
        i = m.start()
        if BADNESS_RE.search(text, max(0, i - 8), i + 9):
            return True
    return False


def test_no_match_is_longer_than_the_reach() -> None:
    parser = getattr(re, "_parser", None)
    if parser is None:  # pragma: no cover  (Python < 3.11)
        import sre_parse as parser  # type: ignore[no-redef]
    assert parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1] <= norm._BADNESS_LONGEST


def _needed() -> str:
    chars = set()
    for k in ("bad", "currency", "numeric", "law", "box", "upper_accented", "start_punctuation", "end_punctuation"):
        chars |= {c for c in MOJIBAKE_CATEGORIES[k] if c != "-" and len(c.encode("utf-8")) > 1}
    return "".join(sorted(chars))[:400]


# needed characters, the letters the pattern pairs them with, spaces, and letters of other scripts
# (Turkish ı İ, German ß, Cyrillic, Greek, CJK, Thai, a soft hyphen)
_ALPHABET = _needed() + "abzAZ .,?!\n\xa0ВГРСΒΓΞΟŒœÂÃÎÐØÙàâóÄ√≈‚Ђўβā€°µ²×еиоЁıİßдαβ市議สภา\u00ad“”«»„‘’"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.integers(0, 12))
def test_is_bad_is_ftfys_and_as_before(text: str, pad: int) -> None:
    for t in (text, "x" * pad + text, text + " y" * pad):
        assert norm.is_bad(t) == badness.is_bad(t) == _is_bad_before(t), t


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(["“", "”", "«", "»", "„", "Á", "É", "Đ", "°", "€", "×", "Ã", "Â"]), max_size=8),
    st.lists(st.integers(0, 14), min_size=8, max_size=8),
)
def test_needed_characters_at_every_distance(chars: list[str], gaps: list[int]) -> None:
    text = "".join(c + "ab cd efgh ij"[:g] for c, g in zip(chars, gaps, strict=False))
    assert norm.is_bad(text) == badness.is_bad(text) == _is_bad_before(text), text


def test_wild_dev_texts() -> None:
    if not (DATA / "wild-dev").exists():
        pytest.skip("shared data not available")
    from bench.datasets import load_wild

    for article in load_wild(DATA):
        assert norm.is_bad(article.raw) == _is_bad_before(article.raw)
