"""The credit heuristics' fourth round of cheaper forms answer what the former forms answer
(issue 13): credit.position-caption asks a bracket of the markers only where the text's fold
opens like one; credit.inline-caption leaves a document without a place for a credit before
making the record of its places, reads a block's last character for the "file photo" tail in the
fold itself, and tests for a byline symbol by substring; credit.glued-caption refuses a suffix
whose last part opens in lower case before splitting it. Each is held to the former form on texts
with a Turkish dotless ı and dotted İ, a German ß, Cyrillic, Greek, a soft hyphen, CJK and Thai."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, captions, credit_scans, glued_captions, inline_credits, signoffs
from cleaner.heuristics.base import Context
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook
from cleaner.text import lined_fold

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}
FILE_LABELS = BOOK.words("credit.file-photo-labels", None)
LABELS = BOOK.words("credit.photo-labels", None) + FILE_LABELS
BYWORDS = BOOK.words("credit.byline-words", None)
MARKERS = BOOK.words("credit.position-markers", None)

# Pieces in every script the gates must let through, with what folds unevenly or oddly.
SCRIPTS = ["İ", "ı", "I", "ß", "ẞ", "Straße", "\u00ad", "Фото", "фото", "ΦΩΤ.", "Γιάννης", "左", "图片", "ภาพ"]
SCRIPTS += ["\u017f", "\u212a", "\u0130zq.", "Izq.", "ızq.", " ", "\t", "\n", ".", ":", "x"]


def _found(hid: str, text: str) -> list[tuple[int | None, int | None, str]]:
    h = BY_ID[hid]
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    found: Iterable[Removal] = h.run(ctx, h)
    return [(r.start, r.end, r.reason) for r in found]


# credit.position-caption: the markers' heads, read in the fold.
def _cased(words: Iterable[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        out += [w, w.upper(), w.title()]
    return out


MARKER_PIECES = ["(", ")", "\uff08", "\uff09", "( ", "(\t", "10", *_cased(MARKERS[:40]), *_cased(MARKERS[-25:])]
MARKER_PIECES += ["\u017fecond left", "\u212airi", "kiri", "LİNKS", "lınks", "trái", "TRÁI", "왼쪽", "왼"] + SCRIPTS


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(MARKER_PIECES), max_size=12))
def test_bracket_asked_where_the_fold_opens_like_a_marker_is_the_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    bracket = captions._bracket_pattern(MARKERS)
    heads = captions._marker_heads(MARKERS)
    assert heads is not None
    gated = captions._bracket_in(text, bracket, captions._marker_opens(MARKERS), lined_fold(text), heads)
    assert gated == (bracket.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKER_PIECES + ["Jane Doe ", "Anh ", "and ", ". "]), max_size=14))
def test_position_caption_finds_what_it_found_without_the_heads(pieces: list[str]) -> None:
    text = "".join(pieces)
    gated = _found("credit.position-caption", text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(captions, "_marker_heads", lambda markers: None)
        assert _found("credit.position-caption", text) == gated


def test_marker_heads() -> None:
    heads = captions._marker_heads(MARKERS)
    assert heads is not None and {"le", "ri", "li", "re"} <= heads.twos
    assert captions._marker_heads(("left", " right")) is None
    assert captions._marker_heads(("left", "")) is None
    assert captions._marker_heads(("straße",)) is not None and captions._marker_heads(("ßtraße",)) is None
    assert captions._marker_heads(("x",)) == captions._Heads(frozenset({"x"}), frozenset())
    dotless = captions._marker_heads(("ız",))
    assert dotless is not None and {"ız", "iz"} <= dotless.twos  # 'I' folds to 'i' and matches 'ı'


def test_a_position_caption_in_each_script_still_goes() -> None:
    body = "The council met on Tuesday to discuss the new budget for the coming year and more."
    for caption in ("Jane Doe (left) and John Roe at the opening.", "Lê Hoài Anh (TRÁI) và bạn tại lễ khai mạc."):
        assert _found("credit.position-caption", f"{body}\n\n{caption}\n\n{body}")


# credit.inline-caption: no record of places for a document without one; the tail read in the fold.
INLINE_PIECES = ["Foto", "foto", "FOTO", ": ", " : ", "=", ". ", "dpa", "Jan Nowak", "File photo", "file photo"]
INLINE_PIECES += ["Archivbild", "(", ")", "\u2022", " \u2022 ", "Autor", "Fot.", "Photo: Reuters", "\n\n", "\n"]
INLINE_PIECES += SCRIPTS


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(INLINE_PIECES), max_size=16))
def test_inline_caption_finds_what_it_found_with_every_record_made(pieces: list[str]) -> None:
    text = "".join(pieces)
    gated = _found("credit.inline-caption", text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(inline_credits, "_some_credit_places", inline_credits._credit_places)
        mp.setattr(inline_credits, "_needed", lambda pats, content: pats)
        assert _found("credit.inline-caption", text) == gated


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(INLINE_PIECES), max_size=16))
def test_some_places_are_the_places_or_none(pieces: list[str]) -> None:
    text = "".join(pieces)
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    whole = inline_credits._credit_places(ctx, LABELS, FILE_LABELS, BYWORDS)
    some = inline_credits._some_credit_places(ctx, LABELS, FILE_LABELS, BYWORDS)
    if whole.with_words or whole.unfolded:
        assert some is not None and (some.with_words, some.unfolded) == (whole.with_words, whole.unfolded)
    else:
        assert some is None


def _former_tail_blocks(
    ctx: Context, seen: re.Pattern[str], ends: credit_scans._Ends, tail: credit_scans._Tail
) -> set[int]:
    """``_blocks_with_label_words`` with its tail loop as it was (``_Tail.match`` for each block)."""
    folded = lined_fold(ctx.text)
    n, back = len(folded), folded[::-1]
    near = {i for at in credit_scans._scanned(back, ends.strict) if (i := ctx.holding(n - 1 - at)) is not None}
    unfolded = credit_scans._unfolded(ctx, folded) - near if credit_scans.UNFOLDED in folded else set()
    if unfolded:
        loose = credit_scans._loose_back(ctx.text, folded)
        near.update(i for at in credit_scans._scanned(loose, ends.loose) if (i := ctx.holding(n - 1 - at)) in unfolded)
        near.update(i for i in unfolded if any(c in ctx.blocks[i].content for c in credit_scans._SYMBOL_CHARS))
    else:
        loose = back
    for b in ctx.blocks:
        if b.index in near or b.content_end <= b.content_start:
            continue
        at = n - b.content_end
        if tail.match(back, at) or b.index in unfolded and tail.loose.match(loose, at) is not None:
            near.add(b.index)
    return {i for i in near if credit_scans._worded(seen, ctx.blocks[i], folded)}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(INLINE_PIECES + ["photo", "PHOTO", "photo)", "photo ]", "photo \t"]), max_size=16))
def test_tail_read_in_the_fold_is_the_former_tail(pieces: list[str]) -> None:
    text = "".join(pieces)
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    lex = inline_credits._inline_lexicon(LABELS, FILE_LABELS, BYWORDS)
    assert lex.tail is not None
    assert credit_scans._blocks_with_label_words(ctx, lex.seen, lex.ends, lex.tail) == _former_tail_blocks(
        ctx, lex.seen, lex.ends, lex.tail
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \u2022\u25aa\u25a0\u25cf\u2023\u00b7", max_size=12))
def test_needed_by_substring_is_the_class(content: str) -> None:
    pats = inline_credits._inline_lexicon(LABELS, FILE_LABELS, BYWORDS).pats
    former = pats if len(pats) < 2 or re.search("[\u25aa\u25a0\u25cf\u2022]", content) else pats[:1]
    assert inline_credits._needed(pats, content) == former


def test_bullet_near_keeps_the_windows() -> None:
    content = "Long prose here. Autor \u25aa Jan Nowak. Foto: dpa"
    near = credit_scans._near(content, LABELS, FILE_LABELS)
    assert near is not None
    out = credit_scans._bullet_near(content, near, BYWORDS)
    assert out is not None and (out.label, out.alone, out.alone_starts) == (near.label, near.alone, near.alone_starts)
    assert out.symbol and any(lo <= content.index("Autor") <= hi for lo, hi in out.symbol)


# credit.glued-caption: the last part's case asked before the split.
_SPLIT = regex.compile(r"[ \t]*/[ \t]*|[ \t]+")


def _former_shaped(suffix: str) -> bool:
    if glued_captions._DIGIT_GLUE.fullmatch(suffix):
        return True
    parts = _SPLIT.split(suffix.strip())
    if len(parts) < 2 or len(parts) > inline_credits._NAME_MAX_TOKENS:
        return False
    for i, w in enumerate(parts):
        if not glued_captions._SUFFIX_WORD.fullmatch(w) or glued_captions._LOWER_UPPER.search(w):
            return False
        edge = i in (0, len(parts) - 1)
        if not (w[0].isupper() or w[0].isdigit()) and (edge or len(w) > 3 or not w.isalpha()):
            return False
    return True


SUFFIX_PIECES = ["PAP", "/", " / ", " ", "\t", "Jan", "jan", "Kowalski", "w", "de", "TVN24", "24", "a.b", "-", "x"]
SUFFIX_PIECES += ["Zamek", "Książ", "İstanbul", "ıi", "Straße", "\u00ad", "Москва", "Αθήνα", "东京", "กรุงเทพ", "\n"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(SUFFIX_PIECES), max_size=8))
def test_credit_shaped_is_the_former_form(pieces: list[str]) -> None:
    suffix = "".join(pieces)
    assert glued_captions._credit_shaped(suffix) == _former_shaped(suffix)


def test_glued_credits_still_go() -> None:
    body = "Prezydent spotkał się z ministrami w poniedziałek, aby omówić nowy budżet na przyszły rok."
    for line in ("Widok na zamek w PrzemyśluPAP/Darek Delmanowicz", "Okręty NATO w SzczecinieTVN24"):
        assert _found("credit.glued-caption", f"{body}\n\n{line}\n\n{body}")


# credit.sign-off: the last run of characters asked to be a name's last token.
SIGN_PIECES = ["The council met.", " ", "  ", "\t", "\n", "Jane", "Doe", "doe", "J.", "-", "--", "\u2013", "\u2014"]
SIGN_PIECES += ["(Reuters)", "(", ")", "2023.", "U.S.", "By", "by", "von", "Jürgen", "Groß", "İsmail", "ılık", "ß"]
SIGN_PIECES += ["Иван", "петров", "Γιάννης", "\u00ad", "東京", "ภาพ", "O'Neil", "D\u2019Arc", "\u0301", '"', "!", "."]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SIGN_PIECES), max_size=10))
def test_no_fused_sign_off_where_the_last_run_says_none(pieces: list[str]) -> None:
    text = "".join(pieces)
    if signoffs._may_end_in_name(text):
        return
    for bywords in (BYWORDS, ()):
        _, fused = signoffs._signoff_patterns(bywords)
        assert fused.search(text) is None, text


def test_the_last_run_lets_names_through() -> None:
    for text in [
        "The council met. Jane Doe",
        "The council met. Jane Doe \t\n",
        "The council met. Jane Doe (Reuters)",
        "The council met. —Jane Doe",
        "The council met. -Jane",
        "Die Sitzung endete. Jürgen Groß",
        "Совет закончился. Иван Петров",
        "Η συνεδρίαση έληξε. Γιάννης Παπαδόπουλος",
        "Toplantı bitti. İsmail Yılmaz",
        "The council met. J. O'Neil-D\u2019Arc.",
    ]:
        assert signoffs._may_end_in_name(text), text
    for text in ["The council met today.", "il pleut", "It ended in 2023.", "東京で会議", "Doe\n\n", '"Jane Doe"', ""]:
        assert not signoffs._may_end_in_name(text), text


# credit.position-caption: the marker's word found from the brackets.
WORD_PIECES = ["(", ")", "\uff08", "\uff09", " ", "\t", "  ", "Anh", "anh", "Doe", "Jane", "J.", "O'Neil", "-", "'"]
WORD_PIECES += ["left", "LEFT", "trái", "áo trắng", "vpravo", "왼쪽", "左", "10", " 10", ".", "(left)", "(l-r)", "\n"]
WORD_PIECES += [
    "Lê",
    "Studnička",
    "\u0301",
    "\u0345",
    "\u2160",
    "İ",
    "ı",
    "ß",
    "Фото",
    "Γιάννης",
    "東京",
    "ภาพ",
    "\u00ad",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=12))
def test_marker_words_are_the_pattern_s_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    pat = captions._marker_pattern(MARKERS)
    assert captions._marker_words(text, MARKERS) == [(m.start(), m.group("word")) for m in pat.finditer(text)]
