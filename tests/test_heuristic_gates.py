"""Gates that let a heuristic skip work (issue 13) decide nothing: each heuristic finds the same with
its gates as without them, labels in other cases and scripts, with a dotless ı, a soft hyphen or a
run of spaces included; and each gate still lets through a text where the heuristic fires."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner import text as text_module
from cleaner.blocks import segment
from cleaner.heuristics import (
    HEURISTICS,
    appeals,
    credit_scans,
    glued_captions,
    headlines,
    inline_credits,
    leadin_scans,
    leadins,
    signoffs,
)
from cleaner.heuristics.base import Context
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook
from cleaner.text import aligned_fold, blind_folds

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}


def _found(hid: str, text: str) -> list[tuple[int | None, int | None, str]]:
    h = BY_ID[hid]
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), ())
    found: Iterable[Removal] = h.run(ctx, h)
    return [(r.start, r.end, r.reason) for r in found]


def _ungated(monkeypatch: pytest.MonkeyPatch, gates: list[tuple[object, str, Callable[..., object]]]) -> None:
    for module, name, plain in gates:
        monkeypatch.setattr(module, name, plain)


# The lead-in gates: the runs and brackets a label's first word follows (``_head_scans``), the
# label before a separator asked backwards first (``_ending_backward``).
LEAD_GATES = [
    (leadins, "_head_scans", lambda labels: None),
    (leadins, "_ending_backward", lambda labels: None),
]
LEAD_LINES = [
    "The mayor spoke on Tuesday.",
    "It rained.  Read also: Storm Hits Coast",
    "It rained. READ MORE: Storm Hits Coast",
    "It rained. (RELATED: Storm Hits Coast) The mayor spoke.",
    "Rain fell [ read more - Storm Hits ] on the town.",
    "Rain fell. AYRICA OKUYUN: Fırtına Kıyıyı Vurdu",
    "Yağmur yağdı. Ayrıca okuyun: Fırtına Kıyıyı Vurdu",
    "Yağmur yağdı. AYRICA BAKINIZ: Fırtına",
    "Дождь шёл. ЧИТАЙТЕ ТАКЖЕ: Буря",
    "Βρέχει. ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: Καταιγίδα",
    "Trời mưa. XEM THÊM: Bão",
    "বৃষ্টি হল। আরও পড়ুন: ঝড়",
    "It rained. Read al\u00adso: Storm Hits Coast",
    "It rained.\u00a0Read also: Storm",
    "It rained.   Read\n also: Storm",
    "It rained. Read also | Storm Hits Coast The mayor said more. Read also | Floods",
    "It rained. Read also: Storm Hits Coast Storm Hits Coast The mayor said.",
    "ẞtraße. Read also: x",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LEAD_LINES), min_size=1, max_size=6), st.sampled_from(["\n", "\n\n", " ", "  "]))
def test_lead_in_gates_change_nothing(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    gated = {hid: _found(hid, text) for hid in ("promo.inline-lead-in", "promo.inline-label")}
    with pytest.MonkeyPatch.context() as mp:
        _ungated(mp, LEAD_GATES)
        plain = {hid: _found(hid, text) for hid in ("promo.inline-lead-in", "promo.inline-label")}
    assert gated == plain


@pytest.mark.parametrize(
    "text",
    [
        "It rained on the town all day long. AYRICA OKUYUN: Fırtına Kıyıyı Vurdu",  # dotless ı in capitals
        "It rained on the town all day long. ЧИТАЙТЕ ТАКЖЕ: Буря Над Городом",
        "It rained on the town all day long.  read also: Storm Hits Coast",
        "It rained all day. (RELATED: Storm Hits Coast) The mayor spoke.",
    ],
)
def test_a_lead_in_the_gates_let_through_goes(text: str) -> None:
    assert _found("promo.inline-lead-in", text)


def test_a_label_between_sentences_the_gates_let_through_goes() -> None:
    assert _found("promo.inline-label", "It rained. Read also: Storm Hits Coast The mayor said more.")
    assert _found("promo.inline-label", "Yağmur yağdı. AYRICA OKUYUN: Fırtına Kıyıyı Vurdu Belediye dedi.")


def test_head_scans_find_the_places_of_every_label() -> None:
    labels = BOOK.words("promo.lead-in-labels", None)
    scans = leadin_scans._head_scans(labels)
    assert scans is not None
    for label in labels:
        for spelling in (label, label.upper(), label.title()):
            text = f"It rained.  {spelling}: x (  {spelling} - y)"
            folded = aligned_fold(text)
            if folded is None:
                continue
            assert 10 in {m.start(1) for m in scans[0].finditer(folded)}, spelling
            assert any(m.start() == text.index("(") for m in scans[2].finditer(folded)), spelling


def test_blind_folds_spell_the_dotless_i_both_ways() -> None:
    assert blind_folds("Read") == {"read"}
    folds = blind_folds("ayrıca bakınız")
    assert len(folds) == 8 and {"ayrıca bakınız", "ayrica bakiniz", "ayrica bakınız"} <= folds
    # each spelling a case-blind regex takes for the word reads, once folded, as one of them
    for text in ("AYRICA BAKINIZ", "ayrıca bakınız", "Ayrıca Bakınız", "AYRıCA bakINIZ"):
        assert regex.fullmatch("ayrıca bakınız", text, regex.IGNORECASE)
        assert text.casefold() in folds


# promo.tail-call: a last line without a box separator ('>>', '»', '|', '•') holds no call.
TAIL_LINES = [
    "The council met on Tuesday and voted on the budget for the coming year.",
    "What do you think? >> Send us your story at news@example.com",
    "» Gửi bài tại đây cho chúng tôi qua news@example.com",
    "| Write to us: news@example.com",
    "Write to us: news@example.com",
    "• Share your photos with us at example.com/upload",
    "",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TAIL_LINES), min_size=1, max_size=4), st.sampled_from(["\n", " "]))
def test_tail_call_gate_changes_nothing(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    gated = _found("promo.tail-call", text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(appeals, "_may_open_box", lambda text: True)
        assert _found("promo.tail-call", text) == gated


def test_a_call_after_a_box_separator_still_goes() -> None:
    text = (
        "The council met on Tuesday and voted on the budget for the coming year, the mayor said. "
        ">> Quan điểm của bạn thế nào? Gửi bài tại đây news@example.com"
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(appeals, "_may_open_box", lambda text: True)
        plain = _found("promo.tail-call", text)
    assert _found("promo.tail-call", text) == plain == [(87, 150, plain[0][2])]


# headline.loaded: one scan (a trie) for a line holding any of the phrases.
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "shock", "ing", " ", "you won't believe", "reveal", "s", "Shocking"]), max_size=8)
)
def test_any_phrase_trie_is_the_alternation(pieces: list[str]) -> None:
    text = "".join(pieces).casefold()
    phrases = BOOK.words("headline.loaded-words", "en") + BOOK.words("headline.clickbait-phrases", "en")
    plain = re.compile("|".join(re.escape(p) for p in phrases))
    assert (headlines._any_of(phrases).search(text) is None) == (plain.search(text) is None)


# credit.inline-caption: the label patterns tried only in windows before the characters that can
# close a credit (``credit_scans._near``), the symbol label pattern only in a content with a symbol.
CREDIT_LINES = [
    "The mayor spoke on Tuesday.",
    "The mayor spoke on Tuesday. Photo: Jane Doe",
    "Ministers meet at the summit. (Photo: AFP) The talks went on.",
    "The new bridge opened. PHOTO : Reuters.",
    "Der neue Hafen. Foto \u2022 dpa",
    "Autor \u25aa Jan Nowak",
    "The old mill burned down. File photo.",
    "The old mill burned down. (FILE PHOTO)",
    "Eski değirmen yandı. ARŞIV FOTOĞRAFI.",
    "Muhammad Yunus speaks. Fot. Jan Kowalski",
    "Μια φωτογραφία. ΦΩΤ. Γιάννης",
    "Ảnh: Đức Hùng. Các đội bóng thi đấu.",
    "Ministers meet. (사진=연합뉴스)",
    "Photo credit:   Jane   Doe",
    "Pho\u00adto: Jane Doe",
    "Credit: NASA View full size image",
    "ẞtraße. Foto: AP",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_LINES), min_size=1, max_size=5), st.sampled_from(["\n", "\n\n", " "]))
def test_credit_windows_change_nothing(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    gated = _found("credit.inline-caption", text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(inline_credits, "_near", lambda content, labels, file_labels, lined=None: None)
        mp.setattr(inline_credits, "_needed", lambda pats, content: pats)
        assert _found("credit.inline-caption", text) == gated


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opened on Tuesday after years of work. PHOTO : Reuters.",
        "The old mill burned down on Monday night. File photo.",
        "The old mill burned down on Monday night, the fire brigade said. (FILE PHOTO)",
        "Muhammad Yunus speaks at the summit. Fot. Jan Kowalski",
        "Der neue Hafen wurde am Dienstag eröffnet. Foto \u2022 AFP",
    ],
)
def test_a_credit_the_windows_let_through_goes(text: str) -> None:
    assert _found("credit.inline-caption", text)


def test_windows_hold_a_label_before_its_closer() -> None:
    labels = BOOK.words("credit.photo-labels", None) + BOOK.words("credit.file-photo-labels", None)
    files = BOOK.words("credit.file-photo-labels", None)
    content = "Long prose here, long prose here. Photo   credit :   Jane Doe. More prose. Arşiv fotoğrafı."
    near = credit_scans._near(content, labels, files)
    assert near is not None
    assert any(lo <= content.index("Photo") <= hi for lo, hi in near.label)
    assert any(lo <= content.index("Arşiv") <= hi for lo, hi in near.alone)
    assert not any(lo <= 5 <= hi for lo, hi in near.label)  # the prose before is not looked at


# credit.sign-off: the forward search of an end-anchored pattern starts where its ``reach`` says
# a match can start at the earliest (the last few runs of name characters before the end).
SIGN_PIECES = ["Jan", "de", "van", "&", "By", "by", "—", "-", "--", "(Reuters)", "(AP)", "J.", "U.S.", "."]
SIGN_PIECES += [",", " ", "  ", "\t", "\n", "Ann", "Lee", "O'Neil", "said", "2024", '"', "!", "\u201d", "ข่าว", "สมชาย"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SIGN_PIECES), max_size=24))
def test_end_anchored_reach_finds_what_a_search_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    fused = signoffs._signoff_patterns(BOOK.words("credit.byline-words", None))[1]
    for pat in (fused, signoffs._FUSED_UNCASED):
        assert pat.reach is not None
        got, plain = pat.search(text), pat.forward.search(text)
        assert (got.span() if got else None) == (plain.span() if plain else None)


def test_a_long_name_after_a_long_text_still_signs_off() -> None:
    body = "The council met on Tuesday, and it voted on the budget for the coming year. " * 5
    assert _found("credit.sign-off", body + "By Jan de Vries (Reuters)")
    assert _found("credit.sign-off", body + "\u2014 Ann O'Neil-Lee")


# phrase_key: a text whose only whitespace is single spaces is its own words joined by one space.
def _plain_phrase_key(text: str) -> str:
    i, j = 0, len(text)
    while i < j and text_module._edge(text[i]):
        i += 1
    while j > i and text_module._edge(text[j - 1]):
        j -= 1
    return " ".join(text[i:j].split()).casefold()


SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace()]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "B", "ß", "İ", "ı", "日本", ".", ",", "-", "\u00ad", "\u200b", *SPACES]), max_size=16
    )
)
def test_phrase_key_is_the_words_joined(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert text_module.phrase_key(text) == _plain_phrase_key(text)


def test_phrase_key_squeezes_every_kind_of_space() -> None:
    for space in SPACES:
        assert text_module.phrase_key(f"Read{space}more.") == "read more", repr(space)
        assert text_module.phrase_key(f"Read {space}more") == "read more", repr(space)
    assert text_module.phrase_key("  Read  More!  ") == "read more"


# truncation.dangling-fragment: its end-anchored pattern asked backwards first.
END_PIECES = ["official", "accounts", ".", "!", " ", "\t", "E", "Ee", "x", "(", "28.", "srpna", "2023", "June", "5,"]
END_PIECES += ["5/6/", "1999", "\u201d", "'", ")", "Ab-c", "\n", "nepřežili", "\u2026"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(END_PIECES), max_size=16))
def test_end_anchored_fragment_finds_what_a_search_finds(pieces: list[str]) -> None:
    from cleaner.heuristics.truncation import _DANGLING

    text = "".join(pieces)
    for pat in (_DANGLING,):
        got, plain = pat.search(text), pat.forward.search(text)
        assert (got.span() if got else None) == (plain.span() if plain else None)
        assert (got.groupdict() if got else None) == (plain.groupdict() if plain else None)
        assert pat.matches(text) == (plain is not None)


def test_a_dangling_fragment_and_an_open_dated_caption_still_go() -> None:
    assert _found("truncation.dangling-fragment", "The minister spoke across official accounts. E")
    body = "The council met on Tuesday and voted on the budget for the coming year, the mayor said.\n"
    assert _found("credit.open-dated-caption", body + "Oba muži nehodu nepřežili. (28. srpna 2023")


# credit.glued-caption: the four patterns of a credit closing a caption line, asked backwards first.
GLUE_PIECES = ["Przemyśl", "PAP", "/", "Darek", " ", "\t", "TVN", "24", "[Splash]", "[", "]", "burzy", "RCB"]
GLUE_PIECES += ["Polską", "tvnmeteo", ".pl", ".", "w", "Ab", "x", "\n", "ß", "İ", ",", "KWP", "Lublin"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(GLUE_PIECES), max_size=12))
def test_glued_credit_patterns_find_what_a_search_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pat in (
        glued_captions._GLUED_CREDIT,
        glued_captions._BRACKET_CREDIT,
        glued_captions._LOWER_GLUE,
        glued_captions._DOMAIN_GLUE,
    ):
        got, plain = pat.search(text), pat.forward.search(text)
        assert (got.span() if got else None) == (plain.span() if plain else None)


def test_glued_credits_still_go() -> None:
    body = "The council met on Tuesday and voted on the budget for the coming year, the mayor said.\n"
    for line in (
        "Okręty NATO w porcie w SzczecinieTVN24",
        "Strumień zimna nad Polskątvnmeteo.pl",
        "The couple have been dating for a year [Splash]",
        "Żołnierze w trakcie ćwiczeń w twierdzyPAP/Darek Delmanowicz",
    ):
        assert _found("credit.glued-caption", body + line), line


# tail.link-residue: its end-anchored patterns asked backwards first.
RESIDUE_PIECES = ["It rained", ".", "  ", " ", "\u00a0", "( )", "[]", "Read more", "View Full Profile", "scharf"]
RESIDUE_PIECES += ["kritisiert.", "Δείτε την έρευνα", "4,0%", "\n", "\t", "—Name", "#tag", "\u201c", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(RESIDUE_PIECES), max_size=12))
def test_link_residue_patterns_find_what_a_search_finds(pieces: list[str]) -> None:
    from cleaner.heuristics.tails import _RESIDUE, _look_residue

    text = "".join(pieces)
    for pat in (_RESIDUE, _look_residue(BOOK.words("tail.link-verbs", None))):
        got, plain = pat.search(text), pat.forward.search(text)
        assert (got.span() if got else None) == (plain.span() if plain else None)
        assert (got.groupdict() if got else None) == (plain.groupdict() if plain else None)


def test_link_residue_still_goes() -> None:
    body = "The council met on Tuesday and voted on the budget for the coming year, the mayor said."
    assert _found("tail.link-residue", body + "   budget vote   council")
    assert _found("tail.link-residue", body + " View Full Profile")


# related.card-run: no run of cards without a short line standing four times or more.


def test_a_card_run_the_gate_lets_through_goes() -> None:
    body = "The council met on Tuesday and voted on the budget for the coming year, the mayor said."
    cards = [f"Tennis Lessons\nHeadline number {k} about the courts in the park\nBy Dec 19, 2023" for k in range(4)]
    assert _found("related.card-run", "\n".join([*cards, body, body]))


# truncation.repeated-block: a long block whose first words no other block starts with gets no key.
REPEAT_LINES = [
    "The council met on Tuesday and voted on the budget for the coming year, the mayor said.",
    "The council met on Tuesday and voted on the budget for the coming year, the mayor said.",
    "The council met on Tuesday and voted on the budget…",
    "The council met on Tuesday and voted on the budget for the coming year, the mayor said...",
    "THE COUNCIL MET ON TUESDAY AND VOTED ON THE BUDGET for next year.",
    "«The council met on Tuesday and voted on the budget»",
    "The council met on Tuesday and voted",
    "The  council met on\u00a0Tuesday and voted on the budget for the coming year, the mayor said.",
    "A quite different paragraph about the harbour and its ships, written by someone else today.",
    "Question: what did you see?",
    "Question: what did you see?",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REPEAT_LINES), min_size=1, max_size=10))
def test_repeated_block_keys_change_nothing(lines: list[str]) -> None:
    from cleaner.heuristics import truncation

    text = "\n".join(lines)
    gated = _found("truncation.repeated-block", text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(
            truncation,
            "_keyed",
            lambda ctx, debris: {
                b.index: truncation._key(ctx.surviving(b)) for b in ctx.blocks if b.index not in debris
            },
        )
        assert _found("truncation.repeated-block", text) == gated


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "ß", ".", "«", " ", "  ", "\n", "\u00a0", "x…", "İ"]), max_size=30))
def test_phrase_head_is_the_key_start(pieces: list[str]) -> None:
    text = "".join(pieces)
    words = text_module.phrase_key(text).split(" ")
    head = text_module.phrase_head(text, 3)
    assert head == (tuple(words[:3]) if len(words) > 3 else None)


def test_a_repeat_and_a_teaser_still_found() -> None:
    para = "The council met on Tuesday and voted on the budget for the coming year, the mayor said."
    other = "A quite different paragraph about the harbour and its ships, written by someone else today."
    assert _found("truncation.repeated-block", "\n".join([para, other, para]))
    assert _found("truncation.repeated-block", "\n".join(["The council met on Tuesday and voted on the budget…", para]))


# credit.doubled-caption: a line whose first or last word stands once is not one half said twice.
HALF = "Ryan Nunn (22) tackles Luke Bishop (4). Research shows the hits add up."


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["(File 2013/AP) ", HALF, " ", "x", HALF.upper(), "Ryan", "up.", "\n"]), max_size=5))
def test_doubled_caption_gate_changes_nothing(pieces: list[str]) -> None:
    from cleaner.heuristics import captions

    text = "".join(pieces)
    gated = _found("credit.doubled-caption", text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(captions, "_may_halve", lambda text: True)
        assert _found("credit.doubled-caption", text) == gated


def test_a_doubled_caption_still_goes() -> None:
    assert _found("credit.doubled-caption", f"(File 2013/The Associated Press) {HALF} {HALF}")


def _plain_repeated_glued(lines: dict[int, str]) -> dict[int, object]:
    """``glued_captions._repeated_glued`` as it was: every seam of every line looked at."""
    where: dict[str, list[tuple[int, str]]] = {}
    for i, text in lines.items():
        low = max(1, len(text) - glued_captions._SUFFIX_MAX_CHARS)
        for m in glued_captions._GLUE_POINT.finditer(text, low):
            suffix = text[m.start() :]
            if not glued_captions._credit_shaped(suffix):
                continue
            head = text[: m.start()]
            glued_to = glued_captions._TRAILING_WORD.search(head).group()  # type: ignore[union-attr]
            if sum(c.isalpha() for c in glued_to) < 2 or glued_captions.count_words(head) < 2:
                continue
            if glued_captions._LOWER_UPPER.search(head):
                break
            where.setdefault(suffix, []).append((i, glued_to))
    out: dict[int, object] = {}
    for suffix, hits in where.items():
        if len({i for i, _ in hits}) < 2 or len({w for _, w in hits}) < 2:
            continue
        for i, _ in hits:
            if i not in out or len(suffix) > len(out[i].text):  # type: ignore[attr-defined]
                out[i] = glued_captions._Glued(len(lines[i]) - len(suffix), suffix)
    return out


GLUED_LINES = [
    "Widok na zamek w KsiążuZamek Książ w Wałbrzychu",
    "Sala balowa i jej wnętrze w środku wiekuZamek Książ w Wałbrzychu",
    "Okręty w porcie Forcie IXPAP/Jan Kowalski",
    "Żołnierze w twierdzy PrzemyślPAP/Jan Kowalski",
    "Model 165Hz IPS",
    "CompatibilityAlexa YesGoogle Yes",
    "iOS Yes",
    "A plain caption of the harbour",
]


def test_bullet_and_bracket_gates_let_their_heuristics_fire() -> None:
    """credit.item-sign-off and credit.position-caption look at no block of a text without a bullet
    or a bracket; with one, they still fire."""
    body = "The council met on Tuesday and voted on the budget for the coming year, the mayor said."
    assert _found("credit.item-sign-off", "\n".join([body, body])) == []
    assert _found("credit.item-sign-off", f"{body} Jane Doe \u2022 The next item opens here and goes on.")
    assert _found("credit.position-caption", "\n".join([body, body])) == []
    assert _found("credit.position-caption", f"{body} Jane Doe (left) and John Smith attend the opening.")
