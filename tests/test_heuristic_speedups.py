"""The cheaper forms the heuristics use answer exactly what the plain forms answer (issue 13):
an end-anchored pattern asked backwards first, the fused lead-in's candidate positions, the
places a credit or a lead-in label can stand found in one scan of the text, and 'at most n words'
without counting."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics.appeals import _gate, _has, _may_have, _pattern
from cleaner.heuristics.base import Context
from cleaner.heuristics.captions import _bracket_pattern, _bracketed, _marker_pattern
from cleaner.heuristics.credit_scans import (
    _blocks_with_label_words,
    _label_ends,
    _label_pattern,
    _label_prefilter,
    _label_tail,
    _standalone_pattern,
)
from cleaner.heuristics.credits import _source_pattern
from cleaner.heuristics.embeds import _TRAILING_TWEET
from cleaner.heuristics.inline_credits import _credits
from cleaner.heuristics.leadin_patterns import _label_patterns, _patterns
from cleaner.heuristics.leadin_scans import _FUSED_AT, _fold, _fused_starts
from cleaner.heuristics.leadins import _SEPARATOR, _bracket_places, _bracketing, _gated_separators, _opening, _separated
from cleaner.heuristics.patterns import EndAnchored
from cleaner.heuristics.signoffs import _FUSED_UNCASED, _signoff_patterns
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
ENDS = [
    "",
    " pic.twitter.com/AbCd1234",
    ". By John Smith",
    ". — Jane Doe (Reuters)",
    " Source: example.com",
    "ข่าว.สมชาย ใจดี",
    ". Ann Lee\n",
]
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


PHOTO_LABELS = BOOK.words("credit.photo-labels", None)
FILE_LABELS = BOOK.words("credit.file-photo-labels", None)
CREDIT_LINES = st.sampled_from(
    [
        "The mayor spoke on Tuesday.",
        "The mayor spoke. Photo: Jane Doe",
        "Photo: Jane Doe",
        "(Foto: AP) The council met.",
        "A fire in the old town. File photo.",
        "A fire in the old town. File photo",
        "A fire in the old town. (File photo)",
        "Bildquelle = dpa",
        "Fot. Jan Kowalski",
        "φωτ. Γιάννης",
        "사진=연합뉴스",
        "Photographers met the mayor: a photo op",
        "İmage with a dotted capital: yes",
        "ẞtraße und Fotos: dpa",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CREDIT_LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "\n- ", "\n> "]))
def test_credit_blocks_from_the_places_a_credit_can_end(lines: list[str], sep: str) -> None:
    """Asked only where a credit can end, the label words hold in every block the credit patterns
    find a credit in, and only in blocks where they hold."""
    text = sep.join(lines)
    blocks = segment(text)
    ctx = Context(text, blocks, None, BOOK, Config(), ())
    labels = PHOTO_LABELS + FILE_LABELS
    seen = _label_prefilter(labels)
    found = _blocks_with_label_words(ctx, seen, _label_ends(labels, FILE_LABELS), _label_tail(FILE_LABELS))
    words = {b.index for b in blocks if seen.search(b.content.casefold())}
    pat, alone = _label_pattern(labels), _standalone_pattern(FILE_LABELS)
    credits = {b.index for b in blocks if _credits(b.content, ((pat, None),), alone)}
    assert found <= words
    assert credits & words <= found


def test_the_credit_places_find_each_kind() -> None:
    labels = PHOTO_LABELS + FILE_LABELS
    seen, ends, tail = _label_prefilter(labels), _label_ends(labels, FILE_LABELS), _label_tail(FILE_LABELS)
    for line in ("It rained. Photo: Jane Doe", "Fot. Jan Kowalski", "It rained. File photo.", "It rained. File photo"):
        ctx = Context(line, segment(line), None, BOOK, Config(), ())
        assert _blocks_with_label_words(ctx, seen, ends, tail) == {0}, line
    ctx = Context("The photo shows the mayor", segment("The photo shows the mayor"), None, BOOK, Config(), ())
    assert _blocks_with_label_words(ctx, seen, ends, tail) == set()


LEAD_LABELS = BOOK.words("promo.lead-in-labels", None)
LEAD_LINES = st.sampled_from(
    [
        "The mayor spoke on Tuesday.",
        "It rained.  Read also: Storm Hits Coast",
        "It rained. READ MORE: Storm Hits Coast",
        "It rained.\tSee also | Storm",
        "Rain (Related: Storm Hits Coast) fell.",
        "Rain [ read more - Storm ] fell",
        "\u00c0 lire aussi: La temp\u00eate",
        "It rained.   \u00c0 LIRE AUSSI : La temp\u00eate",
        "Lesen Sie auch \u00bb Sturm",
        "  indented  line  with  runs",
        "ẞtraße. Read also: x",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LEAD_LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "\n- ", "\n  "]))
def test_lead_in_places_from_one_scan(lines: list[str], sep: str) -> None:
    """The fused lead-in's positions from one scan of the text are each content's own; those kept
    for a label's first characters hold every match; the brackets and label ends likewise."""
    text = sep.join(lines)
    blocks = segment(text)
    ctx = Context(text, blocks, None, BOOK, Config(), ())
    starts = _fused_starts(text, blocks)
    for b in blocks:
        assert starts.get(b.index, []) == [m.end() for m in _FUSED_AT.finditer(b.content)]
    bracketed, fused = _patterns(LEAD_LABELS)
    opening = _opening(ctx, LEAD_LABELS)
    inside = _bracketing(ctx, _bracket_places(ctx, LEAD_LABELS))
    pattern, ending, _ = _label_patterns(LEAD_LABELS)
    separated = _separated(ctx, LEAD_LABELS)
    for b in blocks:
        for at in starts.get(b.index, []):
            if fused.match(b.content, at):
                assert at in opening.get(b.index, [])
        if bracketed.search(b.content):
            assert b.index in inside
        for sep_m in _SEPARATOR.finditer(b.content):
            if found := ending.search(b.content, max(0, sep_m.start() - 80), sep_m.start()):
                # the separator is kept, with the place its label starts among those to try
                gated = dict(_gated_separators(b, b.content, LEAD_LABELS, _fold(ctx)))
                scanned = gated if separated is None else dict(separated.get(b.index, []))
                for seps in (gated, scanned):
                    assert sep_m.start() in seps
                    assert seps[sep_m.start()] is None or found.start() in seps[sep_m.start()]


def test_lead_in_places_find_a_label() -> None:
    text = "It rained.  Read also: Storm Hits Coast\nRain (Related: Storm) fell."
    ctx = Context(text, segment(text), None, BOOK, Config(), ())
    assert _opening(ctx, LEAD_LABELS) == {0: [12]}
    assert _bracketing(ctx, _bracket_places(ctx, LEAD_LABELS)) == {1}


APPEAL_WORDS = [
    BOOK.words(name, None)
    for name in ("appeal.journalism-words", "appeal.support-words", "service.paywall-words", "service.action-words")
]
APPEAL_LINES = st.sampled_from(
    [
        "Support independent JOURNALISM today.",
        "Subscribe to read the full story.",
        "Unterstützen Sie unseren Journalismus.",
        "The mayor spoke on Tuesday.",
        "ẞtraße: donate now",
        "İndependent reporting",
        "",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(APPEAL_LINES, min_size=1, max_size=4), texts)
def test_appeal_words_gate_misses_nothing(lines: list[str], noise: str) -> None:
    """Where the cheap literal scan finds none of the words, the word pattern finds none either."""
    text = " ".join(lines) + noise
    for words in APPEAL_WORDS:
        if _pattern(words).search(text):
            assert _may_have(text, words)
        assert _has(text, words) == (m.group(0) if (m := _pattern(words).search(text)) else None)


def test_appeal_words_gate_refuses_a_text_without_them() -> None:
    words = BOOK.words("appeal.journalism-words", None)
    assert _gate(words) is not None
    assert not _may_have("The mayor spoke on Tuesday.", words)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(ENDS), st.sampled_from(["", "\n", " \n", "\n\n", " "]))
def test_end_anchored_tried_at_the_end_is_the_backward_search(text: str, end: str, tail: str) -> None:
    """Tried only where a match can end, the backward pattern answers as its search of the text."""
    for pat in (SIGN_FUSED, _FUSED_UNCASED, SOURCE, _TRAILING_TWEET):
        t = text + end + tail
        assert pat.matches(t) == (pat.backward.search(t) is not None)


# The position-caption pattern as it was written first: a word of any length, then the marker.
_CAPTION_WORD = r"[\p{L}\p{M}\p{N}.'\u2019\-]"
_CAPTION_MARKERS = BOOK.words("credit.position-markers", None)
_PLAIN_CAPTION = regex.compile(rf"(?P<word>{_CAPTION_WORD}+)[ \t]?" + _bracketed(_CAPTION_MARKERS), regex.IGNORECASE)
_CAPTION_PIECES = st.sampled_from(
    ["Anh", "anh", "Jane Doe", " ", "\t", "(", ")", "\uff08", "\uff09", "left", "LEFT", "trái", "왼쪽", "左"]
    + ["second from right", "a la izquierda", "10", "-", ".", "'", "\u2019", "é", "\u0301", "ß", "İ", "x", "\n"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CAPTION_PIECES, max_size=14))
def test_position_marker_found_from_a_word_start_is_the_plain_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = [(m.span(), m.group("word")) for m in _PLAIN_CAPTION.finditer(text)]
    assert [(m.span(), m.group("word")) for m in _marker_pattern(_CAPTION_MARKERS).finditer(text)] == plain
    if plain:  # the bracketed marker alone is the cheap first test: it never misses one
        assert _bracket_pattern(_CAPTION_MARKERS).search(text)


def test_position_marker_pattern_finds_a_caption() -> None:
    text = "Tổng thư ký VFF Lê Hoài Anh (trái) và Jane Doe (left) at the event."
    found = [m.group("word") for m in _marker_pattern(_CAPTION_MARKERS).finditer(text)]
    assert found == ["Anh", "Doe"]
