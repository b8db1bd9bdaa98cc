"""The third round of cheaper forms in the credit and caption heuristics (issue 13), each held to
the form it replaces: where the caption before a credit starts, asked first near the end; the
content's fold taken from the text's (``lined_fold``) instead of folding the content again; the
label words asked of that fold; credit.position-caption's one scan of the text for a bracketed
marker before the blocks; credit.doubled-caption's bracket asked only of a line opening with one;
credit.sign-off's view made once and its names (cased or not) asked only of a text that can end in one;
credit.source-note's search only of a line with a colon. On texts with a Turkish dotless ı and
dotted İ, a German ß, Cyrillic, Greek, a soft hyphen, CJK, Thai."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, captions, credit_scans, credits, inline_credits, signoffs
from cleaner.heuristics.base import Context
from cleaner.rulebook import load_rulebook
from cleaner.text import UNFOLDED, lined_fold

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}
FILE_LABELS = BOOK.words("credit.file-photo-labels", None)
LABELS = BOOK.words("credit.photo-labels", None) + FILE_LABELS
MARKERS = BOOK.words("credit.position-markers", None)
SOURCES = BOOK.words("credit.source-labels", None)

# Pieces that make up the texts: terminators, closing quotes, spaces of every kind, line breaks,
# letters of every case and script the brief names, credit labels, markers and names.
PIECES = [
    "The mayor spoke.",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u3000",
    ".",
    ". ",
    "!",
    "?",
    "\u2026",
    "\u3002",
    "\uff01",
    "\u0964",
    '"',
    "\u201d",
    "\u00bb",
    ")",
    "]",
    "'",
    "\u2019",
    "/",
    '"Ba',
    "\u201dXin",
    "Foto: dpa",
    "Ảnh: Đức Hùng",
    "(사진=연합뉴스)",
    "Photo: Jane Doe",
    "File photo.",
    "Die Straße war gesperrt",
    "Großstadt",
    "ẞ",
    "İstanbul",
    "ılık",
    "ARŞİV FOTOĞRAFI",
    "Фото: Иван Петров",
    "ΦΩΤ. Γιάννης",
    "Pho\u00adto",
    "东京新闻。",
    "ภาพโดย สมชาย.",
    "\uffff",
    "12",
    "Jane Doe (left)",
    "(trái)",
    "Πηγή: tovima.gr",
    "Source: example.com",
    "x",
    "A",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _former_caption_start(pre: str) -> int:
    body = pre.rstrip()
    if inline_credits._slash_before(body):
        body = body[:-1].rstrip()
    body = body[:-1] if body and body[-1] in ".!?\u2026\u3002" else body
    start = 0
    for mm in inline_credits._SENTENCE_END.finditer(body):
        if mm.end() < len(body):
            start = mm.end()
    return start


@settings(max_examples=600, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=400))
def test_the_caption_start_is_the_whole_scan_s(text: str, pad: int) -> None:
    """Asked first near the end, with long texts before (the restart point anywhere in them)."""
    for pre in (text, "Word " * (pad // 5) + text, text + "x" * pad, text * 12):
        assert inline_credits._caption_start(pre) == _former_caption_start(pre), pre


@pytest.mark.parametrize("window", [1, 2, 3, 7, 40])
def test_the_caption_start_with_a_short_window(window: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every restart point: a window of a few characters puts it inside every kind of match."""
    monkeypatch.setattr(inline_credits, "_RESTART_WITHIN", window)
    texts = [
        'He said "no."Ba ran. x',
        "One. Two.\n\nThree \u201dXin four",
        "A.  \n  B!?\u201d  C\u3002D",
        "Straße. İstanbul\u0964 ılık\u2026 end",
        "no end at all here",
        "",
        ".",
        "a\n",
    ]
    for pre in texts + [t * 5 for t in texts]:
        assert inline_credits._caption_start(pre) == _former_caption_start(pre), pre


def _ctx(text: str) -> Context:
    return Context(text, tuple(segment(text)), None, BOOK, Config(), ())


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_windows_from_the_text_s_fold_are_the_content_s(text: str) -> None:
    ctx = _ctx(text)
    fold = lined_fold(ctx.text)
    for b in ctx.blocks:
        lined = fold[b.content_start : b.content_end]
        assert credit_scans._near(b.content, LABELS, FILE_LABELS, lined) == credit_scans._near(
            b.content, LABELS, FILE_LABELS
        )


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_label_words_asked_of_the_text_s_fold(text: str) -> None:
    ctx = _ctx(text)
    seen = credit_scans._label_prefilter(LABELS)
    fold = lined_fold(ctx.text)
    for b in ctx.blocks:
        assert credit_scans._worded(seen, b, fold) == (seen.search(b.content.casefold()) is not None)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_no_uncased_name_where_the_gate_says_none(text: str) -> None:
    if signoffs._may_end_uncased(text):
        return
    m = signoffs._FUSED_UNCASED.search(text)
    assert m is None or not (
        all(inline_credits._uncased(c) or not c.isalpha() for c in m.group("name"))
        and any(c.isalpha() for c in m.group("name"))
    )


def test_the_uncased_gate_lets_names_through() -> None:
    for text in [
        "ข่าวล่าสุดของวันนี้.สมชาย ใจดี",
        "ข่าวล่าสุดของวันนี้.สมชาย ใจดี \n",
        "新闻报道的内容.张三",
        "기사 내용입니다.홍길동",
        "ข่าว.(สมชาย)",
    ]:
        assert signoffs._may_end_uncased(text), text
    for text in ["The end.", "Der Fluß.", "İstanbul", "Straße 12", 'said "yes"']:
        assert not signoffs._may_end_uncased(text), text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_no_source_note_without_a_colon(text: str) -> None:
    if ":" not in text:
        assert credits._source_pattern(SOURCES).search(text) is None


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_lead_bracket_only_where_a_line_opens_with_one(text: str) -> None:
    if text[:1] not in ("(", "["):
        assert captions._LEAD_BRACKET.match(text) is None


def _former_caption_blocks(ctx: Context, markers: tuple[str, ...]) -> dict[int, tuple[tuple[int, int], ...]]:
    out: dict[int, tuple[tuple[int, int], ...]] = {}
    for b in ctx.blocks:
        if len(b.content) <= 20000 and any(c in b.content for c in captions._OPEN):
            found = captions._position_captions(b, markers)
            if found:
                out[b.index] = found
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, max_size=5).map("\n".join))
def test_the_position_gate_finds_what_the_blocks_find(text: str) -> None:
    ctx = _ctx(text)
    assert captions._caption_blocks(ctx, MARKERS) == _former_caption_blocks(ctx, MARKERS)


BODY = "The council met on Tuesday and voted on the budget for the coming year, the mayor said."
LINES = [
    BODY,
    "Die Straße war gesperrt, sagte der Bürgermeister am Dienstag in der Stadt. Foto: dpa",
    "Совет собрался во вторник и проголосовал за бюджет, сказал мэр. Фото: Иван Петров",
    "Ahmet Yılmaz (solda) ve Ayşe Kaya açılışta.",
    "Jane Doe (left) and John Roe at the opening.",
    "ข่าวล่าสุดของวันนี้ในเมืองหลวงของประเทศไทย มีผู้คนมากมาย.สมชาย ใจดี",
    "By Jane Doe",
    "Jane Doe",
    "Πηγή: tovima.gr",
    "Source: example.com",
    "(File 2013/AP) Ryan Nunn tackles Luke Bishop. Research shows more. Ryan Nunn tackles Luke Bishop. "
    "Research shows more.",
    "Read more: example.com/story",
    "İSTANBUL (AA) - Dışişleri Bakanı bugün açıklama yaptı ve konuştu.",
    "東京で会議が開かれた。写真：共同通信",
    "\u00ad",
    "",
]


def _former_forms(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(captions, "_caption_blocks", _former_caption_blocks)
    mp.setattr(signoffs, "_may_end_uncased", lambda content: True)
    mp.setattr(signoffs, "_may_end_in_name", lambda content: True)
    mp.setattr(inline_credits, "_RESTART_WITHIN", 0)
    near = credit_scans._near  # the content folded again, not taken from the text's fold
    mp.setattr(
        inline_credits,
        "_near",
        lambda content, labels, file_labels, lined=None: near(content, labels, file_labels, None),
    )
    mp.setattr(credit_scans, "_worded", lambda seen, b, folded: seen.search(b.content.casefold()) is not None)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=2, max_size=7))
def test_cleaning_keeps_its_records_with_the_former_forms(lines: list[str]) -> None:
    text = BODY + "\n" + "\n".join(lines)
    record = Cleaner().clean(text).to_dict()
    with pytest.MonkeyPatch.context() as mp:
        _former_forms(mp)
        assert Cleaner().clean(text).to_dict() == record


def test_the_fold_lines_up_character_by_character() -> None:
    """``lined_fold`` of a text, cut where a content is, is ``_lined`` of the content: both fold one
    character at a time (the windows and the label words rely on it)."""
    text = "Straße İstanbul ılık ẞ ﬁle \uffff Фото ΦΩΤ Pho\u00adto 东京 ภาพ"
    fold = lined_fold(text)
    for a in range(len(text)):
        for z in range(a, min(len(text), a + 12) + 1):
            assert fold[a:z] == credit_scans._lined(text[a:z])
    assert UNFOLDED in fold and re.search("ss", fold) is None and regex.search("ss", text.casefold())


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_no_fused_sign_off_where_the_gate_says_none(text: str) -> None:
    if signoffs._may_end_in_name(text):
        return
    for bywords in (BOOK.words("credit.byline-words", None), ()):
        _, fused = signoffs._signoff_patterns(bywords)
        assert fused.search(text) is None, text


def test_the_name_gate_lets_names_through() -> None:
    for text in [
        "The council met. Jane Doe",
        "The council met. Jane Doe (Reuters)",
        "The council met. —Jane Doe",
        "The council met. - Jane Doe \n",
        "Die Sitzung endete. Jürgen Groß",
        "Совет закончился. Иван Петров",
        "Η συνεδρίαση έληξε. Γιάννης Παπαδόπουλος",
        "Toplantı bitti. İsmail Yılmaz",
        "The council met. J. Doe.",
    ]:
        assert signoffs._may_end_in_name(text), text
    for text in ["The council met today.", "il pleut", "toplantı bitti ılık", "straße"]:
        assert not signoffs._may_end_in_name(text), text
