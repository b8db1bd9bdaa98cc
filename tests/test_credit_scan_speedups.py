"""The credit and caption heuristics' cheaper forms answer what the former forms answer (issue 13):
one scan for each character that closes a credit (a scan for one character skips to it), the
blocks holding a character that folds to several asked by loose scans (where the fold says
nothing) instead of block by block, windows where the fold is uneven ("ß") and before a byline
symbol, what earlier cuts leave of a block judged once for each view of it, and the whole-text
gates of credit.position-caption, credit.closing-copyright, credit.repeated-credit and
credit.open-dated-caption. Each is held to the former form, or to the heuristic without it, on
texts with a Turkish dotless ı and dotted İ, Cyrillic, Greek, a German ß, a soft hyphen."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, captions, credit_scans, credits, glued_captions, inline_credits, patterns
from cleaner.heuristics.base import Context
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook
from cleaner.text import UNFOLDED, lined_fold, trie_regex

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}
FILE_LABELS = BOOK.words("credit.file-photo-labels", None)
LABELS = BOOK.words("credit.photo-labels", None) + FILE_LABELS
BYWORDS = BOOK.words("credit.byline-words", None)


def _found(hid: str, text: str) -> list[tuple[int | None, int | None, str]]:
    h = BY_ID[hid]
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    found: Iterable[Removal] = h.run(ctx, h)
    return [(r.start, r.end, r.reason) for r in found]


# The former forms: one scan of the folded text read backwards for a class of closing characters,
# and every block holding a character that folds to several asked as a block.
def _former_ends(labels: tuple[str, ...], file_labels: tuple[str, ...]) -> re.Pattern[str]:
    def backwards(words: tuple[str, ...], drop: str = "") -> str:
        return trie_regex({w.casefold().split()[-1].removesuffix(drop)[::-1] for w in words if w.strip()})

    alts = [rf"(?<=[:=\uff1a])(?=\s*(?:{backwards(labels)}))"]
    dotted = tuple(w for w in labels if w.strip() and w.casefold().split()[-1].endswith("."))
    if dotted:
        alts.append(rf"(?<=\.)(?=(?:{backwards(dotted, '.')}))")
    if file_labels:
        alts.append(rf"(?<=[.\u0964\u3002])(?=\s*(?:[)\]\uff09]\s*)?(?:{backwards(file_labels)}))")
    return re.compile(r"[:=\uff1a.\u0964\u3002](?:" + "|".join(alts) + ")")


def _former_tail(file_labels: tuple[str, ...]) -> re.Pattern[str]:
    words = {w.casefold().split()[-1][::-1] for w in file_labels if w.strip()}
    return re.compile(rf"\s*(?:[)\]\uff09]\s*)?(?:{trie_regex(words)})")


def _former_blocks(ctx: Context, seen: re.Pattern[str], ends: object = None, tail: object = None) -> set[int]:
    folded = lined_fold(ctx.text)
    n, back = len(folded), folded[::-1]
    at = [k for k, ch in enumerate(folded) if ch == UNFOLDED]
    at += [n - 1 - m.start() for m in _former_ends(LABELS, FILE_LABELS).finditer(back)]
    near = {i for k in at if (i := ctx.holding(k)) is not None}
    ending = _former_tail(FILE_LABELS)
    for b in ctx.blocks:
        if b.index not in near and b.content_end > b.content_start and ending.match(back, n - b.content_end):
            near.add(b.index)
    return {i for i in near if seen.search(ctx.blocks[i].content.casefold())}


def _former_forms(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(inline_credits, "_blocks_with_label_words", _former_blocks)
    mp.setattr(inline_credits, "_near", lambda content, labels, file_labels, lined=None: None)
    mp.setattr(inline_credits, "_needed", lambda pats, content: pats)
    mp.setattr(inline_credits, "_bullet_near", lambda content, near, bywords: near)


CREDIT_LINES = [
    "The mayor spoke on Tuesday.",
    "Die Straße war gesperrt, sagte der Bürgermeister.",
    "Die Straße war gesperrt. Foto: dpa",
    "Der Fluß stieg. Bildquelle = dpa",
    "Flammen in der Großstadt. Archivbild",
    "Flammen in der Großstadt. (Archivbild)",
    "It rained. İMAGE: Jane Doe",
    "İmage: AFP",
    "Eski değirmen yandı. Arşiv fotoğrafı.",
    "Eski değirmen yandı. ARŞIV FOTOĞRAFI.",
    "Eski değirmen yandı. ARŞİV FOTOĞRAFI.",  # İ in the label's words: the loose scans, every spelling
    "Il pleut fort. PHOTO D'ARCHİVES.",
    "Дождь шёл. Фото: Иван Петров",
    "Βρέχει. ΦΩΤ. Γιάννης",
    "Βρέχει. Φωτογραφία: Γιάννης Παπαδόπουλος",
    "Pho\u00adto: Jane Doe",
    "Der neue Hafen. Foto \u2022 dpa",
    "Louise Taylor \u2022 Match report: Newcastle 2-0 Forest",
    "Autor \u25aa Jan Nowak",
    "A fire in the old town. File photo.",
    "Muhammad Yunus speaks. Fot. Jan Kowalski",
    "Ảnh: Đức Hùng. Các đội bóng thi đấu.",
    "Ministers meet. (사진=연합뉴스)",
    "ẞtraße. Foto: AP",
    "ﬁle photo: the ﬁre",
    "Groß: Foto: Straße",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_LINES), min_size=1, max_size=6), st.sampled_from(["\n", "\n\n", " ", "  "]))
def test_inline_caption_finds_what_the_former_forms_find(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    found = _found("credit.inline-caption", text)
    with pytest.MonkeyPatch.context() as mp:
        _former_forms(mp)
        assert _found("credit.inline-caption", text) == found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_LINES), min_size=2, max_size=6))
def test_cleaning_keeps_its_records_with_the_former_forms(lines: list[str]) -> None:
    """The whole pipeline, where earlier cuts leave views of a block to judge again."""
    text = "The council met on Tuesday and voted on the budget for the coming year, the mayor said.\n" + "\n".join(
        lines
    )
    record = Cleaner().clean(text).to_dict()
    with pytest.MonkeyPatch.context() as mp:
        _former_forms(mp)
        assert Cleaner().clean(text).to_dict() == record


@pytest.mark.parametrize(
    "text",
    [
        "Die Straße war gesperrt, der Verkehr stand. Foto: Jan Nowak",  # ß in the block: the loose scans
        "Die Straße war gesperrt, der Verkehr stand. Archivbild.",
        "İstanbul'da yağmur yağdı, yollar kapandı. Foto: AA",
        "Eski değirmen yandı. ARŞİV FOTOĞRAFI.",
        "Il pleut fort. PHOTO D'ARCHİVES.",
        "Der neue Hafen an der Straße wurde eröffnet. Foto \u2022 AFP",
    ],
)
def test_a_credit_in_a_block_that_folds_unevenly_still_goes(text: str) -> None:
    assert _found("credit.inline-caption", text)


# The scans for one closing character each find the places the class scan found.
SCAN_PIECES = [":", "=", "\uff1a", ".", "\u0964", "\u3002", " ", "  ", "\n", ")", "(", "photo", "Photo", "FOTO"]
SCAN_PIECES += ["file photo", "archivbild", "fot", "φωτ", "ΦΩΤ", "credit", "x", "ß", "İ", UNFOLDED, "ı", "\u2022"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SCAN_PIECES), max_size=14))
def test_one_scan_per_closer_finds_what_the_class_scan_found(pieces: list[str]) -> None:
    back = "".join(pieces).casefold()[::-1]
    former = {m.start() for m in _former_ends(LABELS, FILE_LABELS).finditer(back)}
    assert set(credit_scans._scanned(back, credit_scans._label_ends(LABELS, FILE_LABELS).strict)) == former
    tail = credit_scans._label_tail(FILE_LABELS)
    for at in range(len(back)):
        assert tail.match(back, at) == (_former_tail(FILE_LABELS).match(back, at) is not None)


@settings(max_examples=500, deadline=None)
@given(st.sets(st.text(alphabet="abcı", min_size=1, max_size=4), min_size=1, max_size=5), st.text("abcı" + UNFOLDED))
def test_the_loose_trie_takes_unfolded_for_any_character(words: set[str], text: str) -> None:
    def fits(w: str) -> bool:
        return len(text) >= len(w) and all(t in (c, UNFOLDED) for c, t in zip(w, text, strict=False))

    assert (re.match(credit_scans._loose_trie(words), text) is not None) == any(fits(w) for w in words)


# The windows where the fold is uneven, and before a byline symbol: what ``_credits`` finds in them
# is what it finds everywhere.
CONTENT_PIECES = ["Foto", "foto", "FOTO", ": ", " : ", "=", ". ", "dpa", "Jan Nowak", "Straße", "ß", "İ", "ı", " "]
CONTENT_PIECES += ["Archivbild", "(", ")", "\u2022", " \u2022 ", "Autor", "Fot.", "ΦΩΤ.", "Γιάννης", "Фото", "\u00ad"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CONTENT_PIECES), max_size=14))
def test_windows_hold_every_credit(pieces: list[str]) -> None:
    content = "".join(pieces)
    places = inline_credits._credit_places(
        Context(content, tuple(segment(content)), None, BOOK, Config(), ()), LABELS, FILE_LABELS, BYWORDS
    )
    near = credit_scans._bullet_near(content, credit_scans._near(content, LABELS, FILE_LABELS), BYWORDS)
    gated = inline_credits._credits(content, inline_credits._needed(places.pats, content), places.alone, near)
    plain = inline_credits._credits(content, places.pats, places.alone)
    assert [(m.span(), c) for m, c in gated] == [(m.span(), c) for m, c in plain]


def test_windows_before_a_bullet_hold_the_byline_word() -> None:
    content = "Long prose here, long prose here and more. Autor \u25aa Jan Nowak. More prose follows."
    near = credit_scans._bullet_near(content, credit_scans._near(content, LABELS, FILE_LABELS), BYWORDS)
    assert near is not None and near.symbol is not None
    assert any(lo <= content.index("Autor") <= hi for lo, hi in near.symbol)
    assert not any(lo <= 5 <= hi for lo, hi in near.symbol)


def test_a_text_that_folds_unevenly_gets_windows() -> None:
    content = "Die Straße war lang. Foto: dpa"
    near = credit_scans._near(content, LABELS, FILE_LABELS)
    assert near is not None and any(lo <= content.index("Foto") <= hi for lo, hi in near.label)


# credit.position-caption: the bracketed marker asked only at an opening bracket.
MARKERS = BOOK.words("credit.position-markers", None)
BRACKET_PIECES = ["(", ")", "\uff08", "\uff09", "left", "LEFT", "trái", "왼쪽", "左", " ", "\t", "x", "İ", "10"]
BRACKET_PIECES += ["\u017fecond left", "\u212airi", "kiri", "ızq.", "Izq.", "r", "w środku", "l-r", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(BRACKET_PIECES), max_size=12))
def test_bracket_at_an_opening_bracket_is_the_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    bracket = captions._bracket_pattern(MARKERS)
    plain = bracket.search(text) is not None
    assert captions._bracket_in(text, bracket) == plain
    assert captions._bracket_in(text, bracket, captions._marker_opens(MARKERS)) == plain


def test_marker_opens_are_the_ascii_a_marker_opens_with() -> None:
    opens = captions._marker_opens(MARKERS)
    assert opens is not None and {"l", "L", "r", "R", "k", "K", "s", "S"} <= opens
    assert " " not in opens and "(" not in opens and "9" not in opens
    assert captions._marker_opens(("left", " right")) is None


def test_a_position_caption_still_goes() -> None:
    body = "The council met on Tuesday and voted on the budget for the coming year, the mayor said.\n"
    assert _found("credit.position-caption", body + "Jane Doe (left) and John Roe at the opening.")
    assert _found("credit.position-caption", body + "张三（左）和李四在开幕式上。")


# credit.closing-copyright: "(c)" in the case-folded text is "(c)" or "(C)" in the text.
@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="(cC)\u00dfx\u0130\u212b\ufb00 ", max_size=12))
def test_copyright_gate_is_the_folded_test(text: str) -> None:
    assert ("(c)" in text.casefold()) == ("(c)" in text or "(C)" in text)


def test_the_gated_caption_heuristics_still_find() -> None:
    body = "The council met on Tuesday and voted on the budget for the coming year, the mayor said.\n"
    assert _found("credit.closing-copyright", body + "Mapy poskytuje (C) SHOCart a přispěvatelé OpenStreetMap.")
    assert _found("credit.open-dated-caption", body + "Oba muži nehodu nepřežili. (28. srpna 2023")
    captions_ = [
        "Boston Herald / Polaris The husky clings to its owner.",
        "Boston Herald / Polaris A crowd waits at the gate.",
    ]
    assert _found("credit.repeated-credit", body + "\n".join(captions_))


def test_a_text_without_the_gated_characters_finds_nothing() -> None:
    text = "The council met on Tuesday and voted on the budget.\nJane Doe left and John Roe at the opening."
    for hid in ("credit.closing-copyright", "credit.open-dated-caption", "credit.repeated-credit"):
        assert _found(hid, text) == []
    assert regex.search(r"[(/\u00a9]", text) is None


# ``by_words``: the patterns of a lexicon remembered by its tuple itself.
def test_by_words_answers_as_the_function() -> None:
    calls: list[tuple[str, ...]] = []

    @patterns.by_words
    def joined(words: tuple[str, ...]) -> str:
        calls.append(words)
        return "|".join(words)

    words = ("photo", "foto")
    assert joined(words) == joined(words) == "photo|foto" and len(calls) == 1
    equal = tuple(["photo", "foto"])  # an equal tuple, another object: asked again, the same answer
    assert joined(equal) == "photo|foto"
    for k in range(patterns._BY_WORDS_MAX + 5):  # bounded: many lexicons do not grow it past its size
        assert joined((str(k),)) == str(k)
    assert joined(words) == "photo|foto"
    assert credit_scans._label_pattern(LABELS) is credit_scans._label_pattern(LABELS)
    assert credit_scans._label_pattern(tuple(list(LABELS))).pattern == credit_scans._label_pattern(LABELS).pattern


# A slash set before a credit label, asked at the end of the text alone.
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["/", " ", "\t", "\n", "\x1c", "\u00a0", "a", "설명했다.", "\u3000"]), max_size=8))
def test_slash_before_is_the_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert inline_credits._slash_before(text) == (inline_credits._SLASH_BEFORE.search(text) is not None)


def test_every_space_a_pattern_reads_is_one_rstrip_strips() -> None:
    """``_slash_before`` strips with ``str.rstrip``: each character ``\\s`` matches must be one."""
    space = regex.compile(r"\s")
    every = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert all(ch.isspace() for ch in every if space.match(ch))


# credit.glued-caption: a pattern whose last character cannot end the line is not searched.
GLUED_LINES = ["Okręty NATO w porcie w SzczecinieTVN24", "Strumień zimna nad Polskątvnmeteo.pl", "x\n"]
GLUED_LINES += ["The couple have been dating for a year [Splash]", "w trakcie burzyRCB", "meteorologiczne IMGWIMGW"]
GLUED_LINES += ["Żołnierze w twierdzyPAP/Darek Delmanowicz", "[CrossRef] [Medline]", "ꟋꟋꟋ", "ab", "\n", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(GLUED_LINES), min_size=1, max_size=3))
def test_glued_credit_gates_change_nothing(lines: list[str]) -> None:
    text = " ".join(lines)
    gated = glued_captions._caption_credit(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(glued_captions, "_could_end", lambda pat, ends: True)
        assert glued_captions._caption_credit(text) == gated


# credit.dateline-caption (and headline.above-dateline): the dateline asked only of a text and a
# block holding its agency's bracket.
def _former_dateline_head(ctx: Context) -> tuple[object, int] | None:
    alive = ctx.kept_blocks()
    at = next((k for k, b in enumerate(alive[:3]) if credits._DATELINE.match(b.content.strip())), None)
    return (alive, at) if at else None


DATELINE_LINES = ["People walk past the stock exchange in Mumbai May 13, 2014.", "Люди на улице 13 мая 2014."]
DATELINE_LINES += ["MUMBAI (Reuters) - Indian shares rose on Tuesday.", "МОСКВА (ТАСС) — Рубль вырос.", "  ", ""]
DATELINE_LINES += ["ΑΘΗΝΑ (ΑΠΕ) - Η Βουλή ψήφισε.", "İSTANBUL (AA) - Borsa yükseldi.", "The mayor (left) spoke."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATELINE_LINES), min_size=1, max_size=5))
def test_dateline_head_is_the_former(lines: list[str]) -> None:
    text = "\n".join(lines)
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    assert credits.dateline_head(ctx) == _former_dateline_head(ctx)


def test_a_caption_above_a_dateline_still_goes() -> None:
    text = "People walk past the stock exchange in Mumbai May 13, 2014.\nMUMBAI (Reuters) - Indian shares rose."
    assert _found("credit.dateline-caption", text)
