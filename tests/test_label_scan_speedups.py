"""Heuristics answer as they did, only faster (issue 13): the photo-credit label pattern is tried
only where a label can start (``_label_starts``), and the table-of-contents labels are keyed once
per word list."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.config import Config
from cleaner.heuristics.credit_scans import _label_matches, _label_pattern, _label_starts
from cleaner.heuristics.patterns import phrase_keys as _keys
from cleaner.rulebook import load_rulebook
from cleaner.text import phrase_key

_BOOK = load_rulebook(Config())
_LABELS = _BOOK.words("credit.photo-labels", None) + _BOOK.words("credit.file-photo-labels", None)


def _spans(matches) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def _same(labels: tuple[str, ...], text: str) -> None:
    pat = _label_pattern(labels)
    assert _spans(_label_matches(pat, text, _label_starts(labels))) == _spans(pat.finditer(text))


def test_the_shipped_labels_have_a_start_scan():
    assert _label_starts(_LABELS) is not None


def test_label_matches_are_finditers_on_credit_lines():
    for text in (
        "The mayor speaks. Photo: Reuters",
        "(Foto: dpa) Der Bürgermeister spricht.",
        "FOTO = AFP, Ảnh: TTXVN và Foto : Anna Schmidt",
        "Photograph: Jane Doe/AP; photo credit: X. Fotó: MTI",
        "xPhoto: not after a letter; 2Photo: nor a digit; [ Photo: Y ]",
        "사진=연합뉴스 写真：共同 ФОТО: ТАСС",
    ):
        _same(_LABELS, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Photo", "photo", "FOTO", "Ảnh", "(", "[", "x", " ", ":", "=", ".", "\u00df", "credit", "é"]),
        max_size=14,
    )
)
def test_label_matches_are_finditers_on_any_text(parts):
    _same(_LABELS, "".join(parts))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbBß. :(\u0130i")), max_size=20))
def test_label_matches_are_finditers_with_casefolding_labels(text):
    # labels whose letters fold in other ways ("ß", dotted "İ"): the scan compares as the pattern does
    _same(("Straße", "İmage", "a b", "ab."), text)


def test_no_start_scan_when_a_label_starts_with_a_space():
    labels = (" Photo", "Foto")
    assert _label_starts(labels) is None
    pat = _label_pattern(labels)
    assert _spans(_label_matches(pat, "x Photo: A", None)) == _spans(pat.finditer("x Photo: A"))


def test_toc_keys_are_the_phrase_keys_of_the_words():
    words = _BOOK.words("contents.toc-labels", None)
    assert _keys(words) == frozenset(phrase_key(w) for w in words)
    assert _keys(words) is _keys(words)
