"""Whole-document gates of promo.tail-call and headline.stacked (issue 13) decide nothing: each
heuristic finds the same with its gate as without it, on texts in other scripts and cases (a dotless
ı, Cyrillic, Greek, a soft hyphen), and on a view that earlier cuts join into a box's separator."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.blocks import segment
from cleaner.heuristics import HEURISTICS, appeals, offtopic
from cleaner.heuristics.base import Context
from cleaner.model import Removal
from cleaner.rulebook import load_rulebook

BOOK = load_rulebook(Config())
BY_ID = {h.id: h for h in HEURISTICS}


def _found(hid: str, text: str, prior: tuple[Removal, ...] = ()) -> list[tuple[int | None, int | None, str]]:
    h = BY_ID[hid]
    ctx = Context(text, tuple(segment(text)), None, BOOK, Config(), (), prior=prior)
    return [(r.start, r.end, r.reason) for r in h.run(ctx, h)]


TAIL_LINES = [
    "The council met on Tuesday and voted on the budget for the coming year, the mayor said.",
    "What do you think? >> Send us your story at news@example.com",
    "» Gửi bài tại đây cho chúng tôi qua news@example.com",
    "| Write to us: news@example.com",
    "• Share your photos with us at example.com/upload",
    "Belediye meclisi salı günü toplandı ve bütçeyi oyladı, dedi başkan. » Bize yazın: haber@example.com",
    "Совет собрался во вторник. | Пишите нам: news@example.com",
    "Το συμβούλιο συνεδρίασε την Τρίτη. • Στείλτε μας: news@example.com",
    "Send us your sto\u00adry at news@example.com",
    "A > B and C.",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TAIL_LINES), min_size=1, max_size=5), st.sampled_from(["\n", " ", "\n\n"]))
def test_tail_call_text_gate_changes_nothing(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    gated = _found("promo.tail-call", text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(appeals, "_may_open_box_in", lambda text: True)
        assert _found("promo.tail-call", text) == gated


def test_the_text_gate_lets_through_a_separator_that_cuts_form() -> None:
    # '> x >' with 'x ' cut: the view reads '>> …', which the text does not hold
    body = "The council met on Tuesday and voted on the budget for the coming year, the mayor said."
    text = body + " >[x] > Send us your story at news@example.com"
    cut = text.index("[x] ")
    blocks = tuple(segment(text))
    prior = (Removal("t", "t", "t", "t", "[x] ", 0.9, start=cut, end=cut + 4, block=blocks[-1].index),)
    assert ">>" not in text
    assert appeals._may_open_box_in(text)
    gated = _found("promo.tail-call", text, prior)
    assert gated  # the call after the joined '>>' goes
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(appeals, "_may_open_box_in", lambda text: True)
        assert _found("promo.tail-call", text, prior) == gated


@pytest.mark.parametrize(
    "call",
    [
        ">> Quan điểm của bạn thế nào? Gửi bài tại đây news@example.com",
        "\u00bb What do you think? Send us your letters at letters@example.com.",
    ],
)
def test_a_call_after_a_separator_passes_the_text_gate(call: str) -> None:
    text = "The council met on Tuesday and voted on the budget for the coming year, the mayor said. " + call
    assert _found("promo.tail-call", text)


def test_text_without_separator_characters_is_gated() -> None:
    assert not appeals._may_open_box_in("Yağmur yağdı. Дождь шёл. Βρέχει. Soft\u00adhyphen.")


P = "The council met on Tuesday and voted on the budget for the coming year, as the mayor had promised before."
Q = "Пожарные потушили огонь в старом здании на окраине города за два часа, сообщили в службе спасения."
STACK_LINES = [
    P,
    Q,
    "Celebrity chef opens a new restaurant in the old harbour district",
    "Yeni köprü açıldı ve ıssız kıyıda trafik sıkışıklığı yaşandı bu sabah",
    "Το νέο μουσείο ανοίγει τις πόρτες του στο κέντρο της πόλης αύριο",
    "Новый мост открыт для движения в центре города с понедельника утром",
    "Budget details",
    "Bütçe ayrıntıları",
    "Sof\u00adt hyphen subhead",
    "THE BUDGET IN CAPITALS",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(STACK_LINES), min_size=1, max_size=8), st.sampled_from(["\n", "\n\n"]))
def test_stacked_gate_changes_nothing(lines: list[str], sep: str) -> None:
    text = sep.join(["Title of the article", *lines])
    gated = _found("headline.stacked", text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(offtopic, "_may_stack", lambda shaped: True)
        assert _found("headline.stacked", text) == gated


@pytest.mark.parametrize(
    "head",
    [
        "Celebrity chef opens a new restaurant in the old harbour district",
        "Yeni köprü açıldı ve ıssız kıyıda trafik sıkışıklığı yaşandı bu sabah",
        "Новый мост открыт для движения в центре города с понедельника утром",
    ],
)
def test_a_stacked_headline_passes_the_gate(head: str) -> None:
    text = "\n".join(["Title of the article", P, head, "Budget details", P])
    assert _found("headline.stacked", text)


def test_appeal_patterns_are_remembered_by_the_tuple() -> None:
    words = BOOK.words("appeal.journalism-words", None)
    same = tuple(list(words))
    assert appeals._pattern(words) is appeals._pattern(words)
    assert appeals._pattern(same).pattern == appeals._pattern(words).pattern
    assert appeals._gate(same) is not None and appeals._gate(same).pattern == appeals._gate(words).pattern
